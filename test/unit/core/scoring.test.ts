import { describe, expect, test } from 'vitest';
import { isFinalStateHealthy, scoreTrial } from '../../../src/core/scoring.js';
import { DOWN_STATE, trial, UP_STATE } from '../../support/records.js';

describe('isFinalStateHealthy (upstream is_final_state_healthy)', () => {
  test('tikv: every store Up', () => {
    expect(isFinalStateHealthy(UP_STATE, 'tikv')).toBe(true);
    expect(isFinalStateHealthy(DOWN_STATE, 'TiKV')).toBe(false);
  });

  test('tikv: no stores, empty state or unparsable JSON is unhealthy', () => {
    expect(isFinalStateHealthy({ stores: [] }, 'tikv')).toBe(false);
    expect(isFinalStateHealthy({}, 'tikv')).toBe(false);
    expect(isFinalStateHealthy(null, 'tikv')).toBe(false);
    expect(isFinalStateHealthy('{not json', 'tikv')).toBe(false);
    expect(isFinalStateHealthy({ error: 'connection refused' }, 'tikv')).toBe(false);
  });

  test('a double-encoded JSONB value is parsed once more', () => {
    expect(isFinalStateHealthy(JSON.stringify(UP_STATE), 'tikv')).toBe(true);
    expect(isFinalStateHealthy(JSON.stringify(DOWN_STATE), 'tikv')).toBe(false);
  });

  test('chat-db-app: app.status healthy and no app.error', () => {
    expect(isFinalStateHealthy({ app: { status: 'healthy' } }, 'chat-db-app')).toBe(true);
    expect(
      isFinalStateHealthy({ app: { status: 'healthy', error: 'x' } }, 'chat-db-app-shard'),
    ).toBe(false);
    expect(isFinalStateHealthy({ health: { status: 'healthy' } }, 'chat-db-app')).toBe(false);
  });

  test('other subjects: any non-empty state', () => {
    expect(isFinalStateHealthy({ containers: [] }, 'ratelimiter')).toBe(true);
    expect(isFinalStateHealthy({}, 'ratelimiter')).toBe(false);
  });

  test('a state upstream would crash on is unhealthy and reported', () => {
    const anomalies: string[] = [];
    expect(isFinalStateHealthy([1, 2], 'tikv', anomalies)).toBe(false);
    expect(anomalies[0]).toMatch(/not a JSON object/);
  });
});

describe('scoreTrial (upstream score_trial)', () => {
  test('resolved and healthy is success, with detect and resolve measured from chaos', () => {
    const score = scoreTrial(trial(1), 'tikv', 0);
    expect(score).toMatchObject({
      outcome: 'success',
      timeToDetectSec: 20,
      timeToResolveSec: 300,
      commandCount: 4,
      uniqueCommands: 4,
    });
  });

  test('resolved but unhealthy is failure', () => {
    expect(scoreTrial(trial(1, { finalState: DOWN_STATE }), 'tikv', 0).outcome).toBe('failure');
  });

  test('unresolved but healthy is failure', () => {
    expect(scoreTrial(trial(1, { resolvedAt: null }), 'tikv', 0).outcome).toBe('failure');
  });

  test('unresolved and unhealthy is timeout', () => {
    const score = scoreTrial(trial(1, { resolvedAt: null, finalState: DOWN_STATE }), 'tikv', 0);
    expect(score.outcome).toBe('timeout');
    expect(score.timeToResolveSec).toBeNull();
  });

  test('unique commands count distinct tool_params; double-encoded commands are decoded', () => {
    const call = { tool_name: 'shell', tool_params: '{"command":"pd-ctl store"}' };
    const score = scoreTrial(
      trial(1, { commands: JSON.stringify([call, call, { tool_name: 'x' }]) }),
      'tikv',
      0,
    );
    expect(score.commandCount).toBe(3);
    expect(score.uniqueCommands).toBe(2);
  });

  test('NULL chaos time leaves both times empty', () => {
    const score = scoreTrial(trial(1, { chaosInjectedAt: '' }), 'tikv', 0);
    expect(score.timeToDetectSec).toBeNull();
    expect(score.timeToResolveSec).toBeNull();
  });
});
