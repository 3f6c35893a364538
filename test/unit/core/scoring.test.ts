import { describe, expect, test } from 'vitest';
import { JsonText } from '../../../src/core/json.js';
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
    expect(anomalies[0]).toMatch(/'list' object has no attribute 'get'.*eval analyze. fails/);
  });
});

/**
 * Rows as asyncpg hands them to upstream (the jsonb text), and what upstream's scoring.py does
 * with them: the expected values were printed by CPython 3.11 running upstream's
 * `is_final_state_healthy` / `score_trial` command counts on the same text.
 */
describe('upstream parity on unusual rows (jsonb text as asyncpg returns it)', () => {
  const finalStates: [string, string, boolean | string][] = [
    // [subject, jsonb text, healthy | the exception upstream raises]
    ['tikv', '{}', false],
    ['tikv', '"{\\"stores\\": [{\\"state_name\\": \\"Up\\"}]}"', true], // double-encoded
    ['tikv', '"not json"', false],
    ['tikv', '""', false],
    ['tikv', '{"stores": [{"state_name": "Down"}, "x"]}', false], // all() stops at Down
    ['chat-db-app', '{"app": [1]}', false],
    ['other', 'null', false],
    ['other', '"\\"x\\""', true],
    ['tikv', '"{\\"stores\\": [{\\"state_name\\": \\"Up\\", \\"x\\": NaN}]}"', true],
    // raising shapes
    ['tikv', 'null', "AttributeError: 'NoneType' object has no attribute 'get'"],
    ['chat-db-app', 'null', "AttributeError: 'NoneType' object has no attribute 'get'"],
    ['tikv', '[1, 2]', "AttributeError: 'list' object has no attribute 'get'"],
    ['chat-db-app', '[]', "AttributeError: 'list' object has no attribute 'get'"],
    [
      'tikv',
      '"\\"{\\\\\\"stores\\\\\\": []}\\""',
      "AttributeError: 'str' object has no attribute 'get'",
    ], // triple
    ['tikv', '{"stores": 3}', "TypeError: 'int' object is not iterable"],
    ['tikv', '{"stores": true}', "TypeError: 'bool' object is not iterable"],
    ['tikv', '{"stores": "Up"}', "AttributeError: 'str' object has no attribute 'get'"],
    ['tikv', '{"stores": {"a": 1}}', "AttributeError: 'str' object has no attribute 'get'"],
    ['tikv', '{"stores": ["x"]}', "AttributeError: 'str' object has no attribute 'get'"],
    [
      'tikv',
      '{"stores": [{"state_name": "Up"}, null]}',
      "AttributeError: 'NoneType' object has no attribute 'get'",
    ],
  ];
  test.each(finalStates)('final_state %s %s', (subject, text, expected) => {
    const anomalies: string[] = [];
    const healthy = isFinalStateHealthy(new JsonText(text), subject, anomalies);
    if (typeof expected === 'boolean') {
      expect(healthy).toBe(expected);
      expect(anomalies).toEqual([]);
    } else {
      expect(healthy).toBe(false);
      expect(anomalies).toHaveLength(1);
      expect(anomalies[0]).toContain(expected);
      expect(anomalies[0]).toContain('`eval analyze` fails');
    }
  });

  const commandRows: [string, [number, number] | string][] = [
    ['{}', [0, 0]],
    ['"\\"\\""', [0, 0]],
    ['[{"tool_params": true}, {"tool_params": 1}, {"tool_params": 1.0}, {}]', [4, 2]],
    [
      '[{"tool_params": 9007199254740993}, {"tool_params": 9007199254740992}, {"tool_params": 9007199254740992.0}]',
      [3, 2],
    ],
    ['"[{\\"tool_params\\": NaN}, {\\"tool_params\\": NaN}]"', [2, 1]],
    ['[{"tool_params": null}, {"tool_params": ""}, {"x": 1}]', [3, 2]],
    // raising shapes
    ['null', "TypeError: object of type 'NoneType' has no len()"],
    ['""', 'JSONDecodeError: Expecting value: line 1 column 1 (char 0)'],
    ['"not json"', 'JSONDecodeError: Expecting value: line 1 column 1 (char 0)'],
    ['3', "TypeError: object of type 'int' has no len()"],
    ['true', "TypeError: object of type 'bool' has no len()"],
    ['{"a": 1}', "AttributeError: 'str' object has no attribute 'get'"],
    ['"\\"[]\\""', "AttributeError: 'str' object has no attribute 'get'"], // triple
    ['["ls"]', "AttributeError: 'str' object has no attribute 'get'"],
    ['[1]', "AttributeError: 'int' object has no attribute 'get'"],
    ['[null]', "AttributeError: 'NoneType' object has no attribute 'get'"],
    ['[[1]]', "AttributeError: 'list' object has no attribute 'get'"],
    ['[{"tool_params": {"command": "ls"}}]', "TypeError: unhashable type: 'dict'"],
    ['[{"tool_params": [1]}]', "TypeError: unhashable type: 'list'"],
  ];
  test.each(commandRows)('commands_json %s', (text, expected) => {
    const score = scoreTrial(trial(1, { commands: new JsonText(text) }), 'tikv', 0);
    if (Array.isArray(expected)) {
      expect([score.commandCount, score.uniqueCommands]).toEqual(expected);
      expect(score.anomalies).toEqual([]);
    } else {
      expect(score.anomalies).toHaveLength(1);
      expect(score.anomalies[0]).toContain(`commands_json: ${expected}`);
    }
  });

  test('the driver-decoded value and the jsonb text agree', () => {
    for (const [subject, text, expected] of finalStates) {
      if (typeof expected !== 'boolean') continue;
      if (text.includes('NaN')) continue; // jsonb cannot hold NaN outside a string
      expect(isFinalStateHealthy(JSON.parse(text), subject)).toBe(expected);
    }
  });
});

describe('timestamps as asyncpg returns them', () => {
  test('infinity is the naive datetime.max and is scored, not refused', () => {
    const score = scoreTrial(
      trial(1, { resolvedAt: '9999-12-31T23:59:59.999999', ticketCreatedAt: null }),
      'tikv',
      0,
    );
    expect(score.anomalies).toEqual([]);
    expect(score.outcome).toBe('success');
    // (datetime.max.replace(tzinfo=utc) - 2026-02-10 12:02:30+00).total_seconds()
    expect(score.timeToResolveSec).toBe(251631575850);
  });

  test('a naive infinity beside an aware chaos time overflows west of UTC, as upstream does', () => {
    const score = scoreTrial(trial(1, { resolvedAt: '9999-12-31T23:59:59.999999' }), 'tikv', -300);
    expect(score.timeToResolveSec).toBeNull();
    expect(score.anomalies[0]).toMatch(/resolved_at: OverflowError.*`eval analyze` fails/);
  });

  test('a year beyond 9999 cannot be read by asyncpg at all', () => {
    const score = scoreTrial(trial(1, { endedAt: '10000-01-01 00:00:00+00' }), 'tikv', 0);
    expect(score.anomalies[0]).toMatch(/ended_at: "10000-01-01 00:00:00\+00" is after year 9999/);
    const bc = scoreTrial(trial(1, { ticketCreatedAt: '0044-03-15 00:00:00+00 BC' }), 'tikv', 0);
    expect(bc.timeToDetectSec).toBeNull();
    expect(bc.anomalies[0]).toMatch(/ticket_created_at: .* is before year 1/);
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
