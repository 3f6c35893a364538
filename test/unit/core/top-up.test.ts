import { expect, test } from 'vitest';
import type { CampaignAnalysis, ComboStats } from '../../../src/core/analysis.js';
import { compareCampaigns } from '../../../src/core/compare.js';
import {
  poolAnalyses,
  renderTopUpSection,
  topUpRequests,
  trialBudget,
} from '../../../src/core/top-up.js';

const row = (chaos_type: string, successes: number, trials: number, params = {}) =>
  ({
    chaos_type,
    params,
    baseline: false,
    successes,
    trials,
    failures: trials - successes,
    timeouts: 0,
    broken_work_items: 0,
    failed_trial_ids: [],
  }) as unknown as ComboStats;

const analysis = (id: number, rows: ComboStats[]) =>
  ({
    campaign: { id },
    by_chaos_type: rows,
    agent_trials: rows.reduce((n, r) => n + r.trials, 0),
    agent_successes: rows.reduce((n, r) => n + r.successes, 0),
    findings: [],
  }) as unknown as CampaignAnalysis;

const budget = trialBudget({ trialsPerCombination: 3, maxTrialsPerCombination: 9, adaptive: true });

test('the budget is per round and in all; none when top-up is off', () => {
  expect(budget).toEqual({ roundTrials: 3, maxTrials: 9 });
  expect(
    trialBudget({ trialsPerCombination: 3, maxTrialsPerCombination: 9, adaptive: false }),
  ).toBeUndefined();
});

test('rounds pool per combination; the headline totals stay the retry campaign’s', () => {
  const retry = analysis(2, [row('network_partition', 3, 3), row('latency', 1, 3)]);
  const pooled = poolAnalyses(retry, [analysis(3, [row('network_partition', 2, 3)])]);
  expect(pooled.campaign.id).toBe(2);
  expect(pooled.by_chaos_type.map((r) => [r.chaos_type, r.successes, r.trials])).toEqual([
    ['network_partition', 5, 6],
    ['latency', 1, 3],
  ]);
  expect([pooled.agent_successes, pooled.agent_trials]).toEqual([4, 6]);
  expect(retry.by_chaos_type[0]!.trials).toBe(3);
});

test('the next round asks for exactly the combinations that need more trials', () => {
  const before = analysis(1, [
    row('network_partition', 0, 3),
    row('latency', 0, 3, { min_ms: 50 }),
    row('pd_leader_kill', 1, 3),
  ]);
  const after = analysis(2, [
    row('network_partition', 3, 3),
    row('latency', 2, 3, { min_ms: 50 }),
    row('pd_leader_kill', 3, 3),
  ]);
  const c = compareCampaigns(before, after, 0.9, { budget });
  expect(topUpRequests(c)).toEqual([
    { chaos_type: 'network_partition', params: {}, trials: 3 },
    { chaos_type: 'pd_leader_kill', params: {}, trials: 3 },
  ]);
  expect(topUpRequests(compareCampaigns(before, after, 0.9))).toEqual([]);
  c.top_up = { rounds: [], max_trials: 9 };
  expect(renderTopUpSection(c)).toContain(
    '- `latency (min_ms=50)`: 3 trial(s), still failing — cannot reach the target within 9 trials',
  );
  expect(renderTopUpSection(c)).toContain(
    '- `network_partition`: 3 trial(s), inconclusive — more trials queued',
  );
});
