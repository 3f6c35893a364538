import type { CampaignAnalysis, ComboStats, Finding } from './analysis.js';
import type { FlakyFix } from './flaky.js';
import { combinationKey } from './grouping.js';
import {
  decideCombination,
  type RowVerdict,
  type StopReason,
  type TrialBudget,
} from './sequential.js';
import { allSuccessTrialsNeeded, wilsonInterval } from './stats.js';
import { targetFor, type ChaosTypeTargets } from './targets.js';

export { type RowVerdict } from './sequential.js';

/** Overall retry result against the target, judged on the Wilson interval as well as the point. */
type TargetVerdict = 'reached' | 'reached-not-confident' | 'missed';

export interface ComparisonRow {
  chaos_type: string;
  params: Record<string, unknown>;
  before: { successes: number; trials: number; win_rate: number | null };
  after: { successes: number; trials: number; win_rate: number | null };
  p_improvement: number;
  p_regression: number;
  verdict: RowVerdict;
  /** Why the combination stopped (or `needs-more-trials`: a top-up round runs `next_trials`). */
  stop_reason?: StopReason;
  next_trials?: number;
  /** The target this row was judged against (its chaos type's own, or the default). */
  target?: number;
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
  /** Set when top-up rounds ran: their follow-up campaigns, and the per-combination budget. */
  top_up?: { rounds: { round: number; campaign_id: number }[]; max_trials: number | null };
  /** One word for the outputs: the worst row verdict that matters, or the target verdict. */
  verdict: 'regressed' | 'target-reached' | 'improved' | 'not-improved';
}

export interface CompareOptions {
  /** Top-up budget: combinations that could still be fixed within it get more trials. */
  budget?: TrialBudget;
  /** Per-chaos-type targets; the rest use `target`. */
  targets?: ChaosTypeTargets;
}

/**
 * Compares a retry campaign's analysis with the analysis of the campaign it retried. With a trial
 * budget, combinations that could still be fixed within it are `inconclusive` with trials to add.
 */
export function compareCampaigns(
  before: CampaignAnalysis,
  after: CampaignAnalysis,
  target: number,
  options: CompareOptions = {},
): Comparison {
  const beforeRows = new Map(
    before.by_chaos_type.filter((c) => !c.baseline).map((c) => [keyOf(c), c]),
  );
  const rows = after.by_chaos_type
    .filter((c) => !c.baseline)
    .map((retried) =>
      compareRow(
        beforeRows.get(keyOf(retried)),
        retried,
        targetFor(target, options.targets, retried.chaos_type),
        options.budget,
      ),
    );
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

function keyOf(c: Pick<ComboStats, 'subject' | 'chaos_type' | 'params'>): string {
  return combinationKey({ subject: c.subject, chaosType: c.chaos_type, params: c.params });
}

function compareRow(
  before: ComboStats | undefined,
  after: ComboStats,
  target: number,
  budget: TrialBudget | undefined,
): ComparisonRow {
  const b = { successes: before?.successes ?? 0, trials: before?.trials ?? 0 };
  const a = { successes: after.successes, trials: after.trials };
  const decision = decideCombination(b, a, target, budget);
  return {
    chaos_type: after.chaos_type,
    params: after.params,
    before: { ...b, win_rate: b.trials ? b.successes / b.trials : null },
    after: { ...a, win_rate: a.trials ? a.successes / a.trials : null },
    p_improvement: decision.p_improvement,
    p_regression: decision.p_regression,
    verdict: decision.verdict,
    stop_reason: decision.reason,
    next_trials: decision.next_trials,
    target,
  };
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
