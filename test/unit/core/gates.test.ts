import { describe, expect, test } from 'vitest';
import type { CampaignAnalysis } from '../../../src/core/analysis.js';
import type { Comparison, ComparisonRow } from '../../../src/core/compare.js';
import { analysisGate, comparisonGate, parseFailOn } from '../../../src/core/gates.js';
import { InputError } from '../../../src/core/inputs.js';

const analysis = (over: Partial<CampaignAnalysis>) =>
  ({
    campaign: { id: 7 },
    win_rate: 0.95,
    target_win_rate: 0.9,
    trials: 20,
    meets_target: true,
    failing: [],
    ...over,
  }) as CampaignAnalysis;

const row = (verdict: ComparisonRow['verdict'], extra: Partial<ComparisonRow> = {}) =>
  ({
    chaos_type: `t_${verdict.replace(' ', '_')}`,
    params: {},
    verdict,
    ...extra,
  }) as ComparisonRow;

const comparison = (rows: ComparisonRow[], missed = false) =>
  ({
    retry_campaign_id: 12,
    target_win_rate: 0.9,
    rows,
    regressions: rows
      .filter((r) => r.verdict === 'regressed')
      .map(({ chaos_type, params }) => ({ chaos_type, params })),
    retry: {
      verdict: missed ? 'missed' : 'reached',
      win_rate: missed ? 0.5 : 1,
      successes: 3,
      trials: 6,
    },
  }) as unknown as Comparison;

describe('parseFailOn', () => {
  test('never by default; one clear error naming the field for anything else', () => {
    expect(parseFailOn('fail-on', undefined, 'compare')).toBe('never');
    expect(parseFailOn('fail-on', ' not-fixed ', 'compare')).toBe('not-fixed');
    expect(() => parseFailOn('fail-on', 'always', 'compare')).toThrow(InputError);
    expect(() => parseFailOn('fail-on', 'always', 'compare')).toThrow(
      "Invalid fail-on: 'always' — expected one of never, regressed, missed, not-fixed",
    );
  });

  test('analyze has nothing to regress against: regressed is refused with a hint', () => {
    expect(() => parseFailOn('fail-on', 'regressed', 'analyze')).toThrow(
      /expected one of never, missed, not-fixed \(a regression needs a comparison: use it with compare\)/,
    );
  });
});

describe('analysisGate', () => {
  test('never passes; missed fails only a campaign below target; not-fixed also any failing combination', () => {
    const below = analysis({ win_rate: 0.5, meets_target: false });
    expect(analysisGate('never', below)).toEqual({ kind: 'pass' });
    expect(analysisGate('missed', below)).toEqual({
      kind: 'fail',
      message: 'fail-on missed: campaign 7 missed the target: win rate 50.0% < target 90.0%',
    });
    const oneFailing = analysis({
      failing: [
        {
          subject: 'tikv',
          chaos_type: 'latency',
          params: { min_ms: 50 },
          resolution_timeout: null,
        },
      ],
    });
    expect(analysisGate('missed', oneFailing).kind).toBe('pass');
    expect(analysisGate('not-fixed', oneFailing)).toEqual({
      kind: 'fail',
      message:
        'fail-on not-fixed: campaign 7 has 1 combination(s) below target: latency (min_ms=50)',
    });
  });

  test('a chaos type below its own target is named', () => {
    const gate = analysisGate(
      'missed',
      analysis({
        meets_target: false,
        chaos_type_targets: [
          {
            chaos_type: 'pd_leader_kill',
            target: 0.8,
            trials: 5,
            successes: 3,
            win_rate: 0.6,
            meets_target: false,
          },
        ],
      }),
    );
    expect(gate).toEqual({
      kind: 'fail',
      message:
        'fail-on missed: campaign 7 missed the target: pd_leader_kill 60.0% < its target 80.0%',
    });
  });
});

describe('comparisonGate', () => {
  const fixedOnly = comparison([row('fixed'), row('held')]);
  const withRegression = comparison([row('fixed'), row('regressed')]);
  const stillFailing = comparison([row('fixed'), row('still failing')]);

  test('each level includes the ones before it', () => {
    for (const level of ['regressed', 'missed', 'not-fixed'] as const) {
      expect(comparisonGate(level, withRegression).kind).toBe('fail');
      expect(comparisonGate(level, fixedOnly).kind).toBe('pass');
    }
    expect(comparisonGate('never', withRegression).kind).toBe('pass');
    expect(comparisonGate('regressed', comparison([row('fixed')], true)).kind).toBe('pass');
    expect(comparisonGate('missed', comparison([row('fixed')], true)).kind).toBe('fail');
    expect(comparisonGate('missed', stillFailing).kind).toBe('pass');
    expect(comparisonGate('not-fixed', stillFailing)).toEqual({
      kind: 'fail',
      message:
        'fail-on not-fixed: retry campaign 12 left 1 combination(s) not fixed: t_still_failing',
    });
  });

  test('while a top-up round is pending only a regression fails; the rest waits for the final comparison', () => {
    const pending = comparison([row('inconclusive', { stop_reason: 'needs-more-trials' })], true);
    expect(comparisonGate('not-fixed', pending).kind).toBe('deferred');
    expect(comparisonGate('missed', pending).kind).toBe('deferred');
    expect(
      comparisonGate(
        'not-fixed',
        comparison([row('regressed'), row('inconclusive', { stop_reason: 'needs-more-trials' })]),
      ).kind,
    ).toBe('fail');
  });
});
