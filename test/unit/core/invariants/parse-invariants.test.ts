import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseInvariantsSource } from '../../../../src/core/invariants/parse-invariants.js';

const DEMO_FILE = 'demo/harness/subjects/tikv/observer/src/tikv_observer/invariants.py';

describe('parseInvariantsSource', () => {
  test('reads every InvariantConfig with its threshold, grace period, line and check_* methods', () => {
    const source = readFileSync(DEMO_FILE, 'utf8');
    const { invariants, checks } = parseInvariantsSource(source, DEMO_FILE);
    expect(invariants.map((i) => i.name)).toEqual([
      'store_down',
      'high_latency',
      'leader_imbalance',
      'high_raft_commit',
      'metrics_unavailable',
    ]);
    const latency = invariants.find((i) => i.name === 'high_latency')!;
    expect(latency).toMatchObject({
      variable: 'HIGH_LATENCY_CONFIG',
      threshold: 100,
      grace_period_seconds: 30,
      file: DEMO_FILE,
      checks: [{ method: 'check_latency' }],
    });
    // The line is the one `grep -n "name="` prints.
    expect(source.split('\n')[latency.line - 1]).toContain('name="high_latency"');
    expect(invariants.find((i) => i.name === 'store_down')).toMatchObject({
      threshold: null,
      grace_period_seconds: 0,
    });
    expect(checks.map((c) => c.method)).toEqual([
      'check_stores_up',
      'check_latency',
      'check_leader_balance',
      'check_raft_commit',
      'check_metrics_availability',
    ]);
  });

  test('timedelta units, positional days, arithmetic, comments and strings that only look like configs', () => {
    const source = [
      'from datetime import timedelta',
      '# X = InvariantConfig(name="commented_out", threshold=1)',
      'DOC = "InvariantConfig(name=\\"in_a_string\\")"',
      'A = InvariantConfig(name="minutes", grace_period=timedelta(minutes=1, seconds=5), threshold=2 * 50)',
      'B = InvariantConfig(',
      '    name="days",',
      '    grace_period=timedelta(0, 20),',
      '    threshold=-0.5,',
      ')',
      'C = InvariantConfig(name="plain_seconds", grace_period=45, threshold=LIMIT)',
      'class Checker:',
      '    def check_a(self, m, config=None):',
      '        config = config or A',
      '        return m > config.threshold',
      '    def check_inline(self, m):',
      '        config = InvariantConfig(name="inline", threshold=3)',
      '        return m > config.threshold',
      '    def helper(self):',
      '        return B',
    ].join('\n');
    const { invariants } = parseInvariantsSource(source, 'inv.py');
    expect(
      invariants.map((i) => [
        i.name,
        i.threshold,
        i.grace_period_seconds,
        i.line,
        i.checks.map((c) => c.method),
      ]),
    ).toEqual([
      ['minutes', 100, 65, 4, ['check_a']],
      ['days', -0.5, 20, 6, []],
      ['plain_seconds', null, 45, 10, []],
      ['inline', 3, 0, 16, ['check_inline']],
    ]);
  });
});
