import { describe, expect, test } from 'vitest';
import { analyzeCampaign } from '../../../src/core/analysis.js';
import { resolveCauses } from '../../../src/core/causes.js';
import type { CampaignAnalysis, ComboStats } from '../../../src/core/analysis.js';
import { compareCampaigns } from '../../../src/core/compare.js';
import { ConfigError, parseProjectConfig } from '../../../src/core/config.js';
import { defaultTarget, targetFor } from '../../../src/core/targets.js';
import { campaign, trial, workItem, DOWN_STATE } from '../../support/records.js';

/** A campaign with `wins` successes and `losses` timeouts of one chaos type. */
function campaignOf(rows: [chaos: string, wins: number, losses: number][]) {
  const trials = [];
  const workItems = [];
  let id = 0;
  for (const [chaos, wins, losses] of rows) {
    for (let i = 0; i < wins + losses; i += 1) {
      id += 1;
      workItems.push(workItem(id, { chaosType: chaos, trialId: 1000 + id, status: 'completed' }));
      trials.push(
        trial(1000 + id, {
          chaosMetadata: { chaos_type: chaos },
          ...(i < wins ? {} : { resolvedAt: null, finalState: DOWN_STATE }),
        }),
      );
    }
  }
  return { campaign: campaign(), trials, workItems };
}

const causes = resolveCauses();

describe('per-chaos-type targets', () => {
  test('config: targets.default and per type, as 0.8, 80 or "80%"; a bad rate names its path', () => {
    const config = parseProjectConfig(
      'targets:\n  default: 0.95\n  pd_leader_kill: 80\n  latency: "70%"\n',
    );
    expect(config.targets).toEqual({
      default: 0.95,
      byChaosType: { pd_leader_kill: 0.8, latency: 0.7 },
    });
    expect(parseProjectConfig(undefined).targets).toEqual({ default: undefined, byChaosType: {} });
    expect(() => parseProjectConfig('targets:\n  pd_leader_kill: 180\n')).toThrow(
      /targets\.pd_leader_kill: expected a win rate/,
    );
    expect(() => parseProjectConfig('targets:\n  pd_leader_kill: fast\n')).toThrow(ConfigError);
  });

  test('config: top-up budget defaults to 9 and adaptive; the budget cannot be below a round', () => {
    expect(parseProjectConfig(undefined).retry).toMatchObject({
      maxTrialsPerCombination: 9,
      adaptive: true,
    });
    expect(
      parseProjectConfig('retry:\n  max_trials_per_combination: 12\n  adaptive: false\n').retry,
    ).toMatchObject({ maxTrialsPerCombination: 12, adaptive: false });
    expect(() => parseProjectConfig('retry:\n  max_trials_per_combination: 2\n')).toThrow(
      /retry\.max_trials_per_combination: max_trials_per_combination must be at least/,
    );
  });

  test('the input beats the config, the config beats 90 %; a type without its own uses the default', () => {
    expect(defaultTarget(0.7, 0.95)).toBe(0.7);
    expect(defaultTarget(undefined, 0.95)).toBe(0.95);
    expect(defaultTarget(undefined, undefined)).toBe(0.9);
    expect(targetFor(0.9, { pd_leader_kill: 0.8 }, 'pd_leader_kill')).toBe(0.8);
    expect(targetFor(0.9, { pd_leader_kill: 0.8 }, 'toString')).toBe(0.9);
  });

  test('analyze: a type at its own lower target is not failing; a type below its own target misses', () => {
    const data = campaignOf([
      ['pd_leader_kill', 4, 1],
      ['node_kill', 10, 0],
    ]);
    const plain = analyzeCampaign(data, { target: 0.9, causes, localUtcOffsetMinutes: 0 });
    expect(plain.failing.map((f) => f.chaos_type)).toEqual(['pd_leader_kill']);
    const lenient = analyzeCampaign(data, {
      target: 0.9,
      targets: { pd_leader_kill: 0.8 },
      causes,
      localUtcOffsetMinutes: 0,
    });
    expect(lenient.failing).toEqual([]);
    expect(lenient.by_chaos_type.find((c) => c.chaos_type === 'pd_leader_kill')!.meets_target).toBe(
      true,
    );
    const strict = analyzeCampaign(data, {
      target: 0.9,
      targets: { node_kill: 1, pd_leader_kill: 0.85 },
      causes,
      localUtcOffsetMinutes: 0,
    });
    expect(strict.win_rate).toBeCloseTo(14 / 15, 10);
    expect(strict.meets_target).toBe(false);
    expect(strict.chaos_type_targets).toEqual([
      expect.objectContaining({ chaos_type: 'pd_leader_kill', target: 0.85, meets_target: false }),
      expect.objectContaining({ chaos_type: 'node_kill', target: 1, meets_target: true }),
    ]);
  });

  test('compare judges each row against its type’s target', () => {
    const row = (chaos_type: string, successes: number, trials: number) =>
      ({ chaos_type, params: {}, baseline: false, successes, trials }) as ComboStats;
    const of = (id: number, rows: ComboStats[]) =>
      ({
        campaign: { id },
        by_chaos_type: rows,
        agent_trials: 9,
        agent_successes: 8,
        findings: [],
      }) as unknown as CampaignAnalysis;
    const before = of(1, [row('pd_leader_kill', 0, 6), row('latency', 0, 6)]);
    const after = of(2, [row('pd_leader_kill', 5, 6), row('latency', 5, 6)]);
    const c = compareCampaigns(before, after, 0.9, { targets: { pd_leader_kill: 0.8 } });
    expect(c.rows.map((r) => [r.chaos_type, r.verdict, r.target])).toEqual([
      ['pd_leader_kill', 'fixed', 0.8],
      ['latency', 'improved', 0.9],
    ]);
  });
});
