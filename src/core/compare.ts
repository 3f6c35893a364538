import type { CampaignAnalysis, ComboStats, Finding } from './analysis.js';
import type { FlakyFix } from './flaky.js';
import { combinationKey } from './grouping.js';
import { allSuccessTrialsNeeded, fisherExact, wilsonInterval } from './stats.js';

/**
 * Per-combination verdicts of a retry against the campaign it retried.
 * - `fixed`: failed before, meets the target now, and Fisher's exact test says the gain is real.
 * - `improved`: better, significantly, but still below the target.
 * - `inconclusive`: at or above target now, but too few trials to tell it from luck.
 * - `still failing`: below target and no significant gain.
 * - `regressed`: significantly worse than before.
 * - `held`: passed before, retried to check for regressions, and did not regress.
 */
export type RowVerdict =
  'fixed' | 'improved' | 'inconclusive' | 'still failing' | 'regressed' | 'held';

/** Overall retry result against the target, judged on the Wilson interval as well as the point. */
export type TargetVerdict = 'reached' | 'reached-not-confident' | 'missed';

export const SIGNIFICANCE = 0.05;
// 0/3 → 3/3 has p = 1/20 exactly; floating point must not push it past the threshold.
const isSignificant = (p: number) => p <= SIGNIFICANCE * (1 + 1e-9);

export interface ComparisonRow {
  chaos_type: string;
  params: Record<string, unknown>;
  before: { successes: number; trials: number; win_rate: number | null };
  after: { successes: number; trials: number; win_rate: number | null };
  p_improvement: number;
  p_regression: number;
  verdict: RowVerdict;
}

export interface Comparison {
  previous_campaign_id: number;
  retry_campaign_id: number;
  target_win_rate: number;
  rows: ComparisonRow[];
  regressions: { chaos_type: string; params: Record<string, unknown> }[];
  retry: {
    trials: number;
    successes: number;
    win_rate: number;
    ci: [number, number];
    verdict: TargetVerdict;
    all_success_trials_needed: number | null;
  };
  /** Failures of the retry, classified like `analyze` does. */
  new_findings: Finding[];
  /** "fixed" rows on combinations that flip across their series (set by `compare`). */
  flaky_fixes?: FlakyFix[];
  /** One word for the outputs: the worst row verdict that matters, or the target verdict. */
  verdict: 'regressed' | 'target-reached' | 'improved' | 'not-improved';
}

/** Compares a retry campaign's analysis with the analysis of the campaign it retried. */
export function compareCampaigns(
  before: CampaignAnalysis,
  after: CampaignAnalysis,
  target: number,
): Comparison {
  const beforeRows = new Map(
    before.by_chaos_type.filter((c) => !c.baseline).map((c) => [keyOf(c), c]),
  );
  const rows = after.by_chaos_type
    .filter((c) => !c.baseline)
    .map((retried) => compareRow(beforeRows.get(keyOf(retried)), retried, target));
  const agentTrials = after.agent_trials;
  const agentSuccesses = after.agent_successes;
  const winRate = agentTrials ? agentSuccesses / agentTrials : 0;
  const ci = wilsonInterval(agentSuccesses, agentTrials);
  const retryVerdict: TargetVerdict =
    winRate < target || agentTrials === 0
      ? 'missed'
      : ci[0] >= target
        ? 'reached'
        : 'reached-not-confident';
  const regressions = rows
    .filter((r) => r.verdict === 'regressed')
    .map(({ chaos_type, params }) => ({ chaos_type, params }));
  return {
    previous_campaign_id: before.campaign.id,
    retry_campaign_id: after.campaign.id,
    target_win_rate: target,
    rows,
    regressions,
    retry: {
      trials: agentTrials,
      successes: agentSuccesses,
      win_rate: winRate,
      ci,
      verdict: retryVerdict,
      all_success_trials_needed: agentTrials
        ? allSuccessTrialsNeeded(agentSuccesses, agentTrials, target)
        : null,
    },
    new_findings: after.findings,
    verdict: overallVerdict(rows, retryVerdict),
  };
}

function keyOf(c: Pick<ComboStats, 'chaos_type' | 'params'>): string {
  return combinationKey({ chaosType: c.chaos_type, params: c.params });
}

function compareRow(
  before: ComboStats | undefined,
  after: ComboStats,
  target: number,
): ComparisonRow {
  const b = { successes: before?.successes ?? 0, trials: before?.trials ?? 0 };
  const a = { successes: after.successes, trials: after.trials };
  const p =
    b.trials && a.trials
      ? fisherExact(b.successes, b.trials, a.successes, a.trials)
      : { pImprovement: 1, pRegression: 1 };
  return {
    chaos_type: after.chaos_type,
    params: after.params,
    before: { ...b, win_rate: b.trials ? b.successes / b.trials : null },
    after: { ...a, win_rate: a.trials ? a.successes / a.trials : null },
    p_improvement: p.pImprovement,
    p_regression: p.pRegression,
    verdict: rowVerdict(b, a, p, target),
  };
}

function rowVerdict(
  before: { successes: number; trials: number },
  after: { successes: number; trials: number },
  p: { pImprovement: number; pRegression: number },
  target: number,
): RowVerdict {
  if (after.trials === 0) return 'inconclusive';
  if (
    isSignificant(p.pRegression) &&
    before.trials > 0 &&
    after.successes / after.trials < before.successes / before.trials
  ) {
    return 'regressed';
  }
  const afterRate = after.successes / after.trials;
  const passedBefore = before.trials > 0 && before.successes / before.trials >= target;
  if (passedBefore) return 'held';
  const significant = isSignificant(p.pImprovement);
  if (afterRate >= target) return significant ? 'fixed' : 'inconclusive';
  return significant ? 'improved' : 'still failing';
}

function overallVerdict(
  rows: readonly ComparisonRow[],
  retry: TargetVerdict,
): Comparison['verdict'] {
  if (rows.some((r) => r.verdict === 'regressed')) return 'regressed';
  if (retry !== 'missed') return 'target-reached';
  if (rows.some((r) => r.verdict === 'fixed' || r.verdict === 'improved')) return 'improved';
  return 'not-improved';
}
