import { describe, expect, test } from 'vitest';
import type { TrialRecord } from '../../../src/core/records.js';
import { scoreTrial } from '../../../src/core/scoring.js';
import { classifyFailedTrial } from '../../../src/core/symptoms.js';
import { DOWN_STATE, trial } from '../../support/records.js';

const classify = (t: TrialRecord) => classifyFailedTrial(t, scoreTrial(t, 'tikv', 0));

describe('classifyFailedTrial', () => {
  test('negative detect time comes first: a pre-chaos ticket leaked', () => {
    const c = classify(
      trial(1, { ticketCreatedAt: '2026-02-10 12:01:55+00', finalState: DOWN_STATE }),
    );
    expect(c.symptoms).toEqual(['negative-detect-time', 'resolved-unhealthy']);
    expect(c.kind).toBe('pipeline');
  });

  test('a ticket at the chaos second is zero-detect (pre-existing ticket)', () => {
    const c = classify(
      trial(1, {
        ticketCreatedAt: '2026-02-10 12:02:30',
        resolvedAt: null,
        finalState: DOWN_STATE,
      }),
    );
    expect(c.symptoms).toEqual(['zero-detect-time', 'timeout']);
    expect(c.kind).toBe('pipeline');
  });

  test('no ticket and no command: missing invariant', () => {
    const c = classify(
      trial(1, {
        ticketCreatedAt: null,
        resolvedAt: null,
        commandCount: 0,
        finalState: DOWN_STATE,
      }),
    );
    expect(c.symptoms).toEqual(['no-ticket']);
    expect(c.kind).toBe('pipeline');
  });

  test('a ticket the agent never worked: stuck on a startup ticket', () => {
    const c = classify(trial(1, { resolvedAt: null, commandCount: 0, finalState: DOWN_STATE }));
    expect(c.symptoms).toEqual(['ticket-no-commands']);
  });

  test('an empty final state: state capture hit the wrong endpoint', () => {
    const c = classify(trial(1, { finalState: {} }));
    expect(c.symptoms).toEqual(['empty-final-state', 'resolved-unhealthy']);
    expect(c.kind).toBe('pipeline');
  });

  test('resolved but unhealthy after a real detection and worked ticket is the agent’s under upstream success criteria', () => {
    const c = classify(trial(1, { finalState: DOWN_STATE }));
    expect(c.symptoms).toEqual(['resolved-unhealthy']);
    expect(c.kind).toBe('agent');
  });

  test('unresolved but healthy', () => {
    expect(classify(trial(1, { resolvedAt: null })).symptoms).toEqual(['unresolved-healthy']);
  });

  test('the agent worked a real ticket and ran out of time: a genuine agent failure', () => {
    const c = classify(trial(1, { resolvedAt: null, finalState: DOWN_STATE }));
    expect(c.symptoms).toEqual(['timeout']);
    expect(c.kind).toBe('agent');
  });

  test('a trial that never ended is a pipeline failure even when the agent worked', () => {
    const c = classify(trial(1, { resolvedAt: null, finalState: DOWN_STATE, endedAt: '' }));
    expect(c.kind).toBe('pipeline');
  });
});
