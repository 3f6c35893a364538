/**
 * The per-combination decision rule of a retry: one function used by `compare` (every look at a
 * retry, with or without top-up rounds) and by the loop simulator, so what the simulator measures
 * is what the PR comment says.
 *
 * A combination is looked at after every round of trials (the retry's trials per combination, then
 * each top-up), up to a budget of trials. The design keeps its error rates under this optional
 * stopping:
 * - "fixed" (a significant gain, at or above the target) uses Haybittle–Peto alpha spending: an
 *   interim look calls a fix only at one-sided Fisher p ≤ 0.001, the last look at
 *   p ≤ α − 0.001 × (interim looks). By the union bound the chance of calling "fixed" when nothing
 *   changed is at most α over all looks, however the looks fall.
 * - A combination stops early as not fixed only when even all-success remaining trials could not
 *   bring it to the target within the budget (deterministic curtailment): such a stop never
 *   changes whether the full budget would have called it fixed, so it adds no error.
 * - Everything else at or short of the target that could still get there is `inconclusive` and
 *   gets more trials while budget is left.
 * With no budget beyond the current trials (top-up off, or the budget spent) the rule is the
 * single-look Fisher rule at α.
 */
import { fisherExact } from './stats.js';

/**
 * Per-combination verdicts of a retry against the campaign it retried.
 * - `fixed`: failed before, meets the target now, and Fisher's exact test says the gain is real.
 * - `improved`: better, significantly, but still below the target.
 * - `inconclusive`: could still be a fix, but too few trials to tell it from luck.
 * - `still failing`: below target and no significant gain.
 * - `regressed`: significantly worse than before.
 * - `held`: passed before, retried to check for regressions, and did not regress.
 */
export type RowVerdict =
  'fixed' | 'improved' | 'inconclusive' | 'still failing' | 'regressed' | 'held';

/** Why a combination stopped, or that it goes on. */
export type StopReason =
  | 'no-trials'
  | 'regressed'
  | 'passed-before'
  | 'significant-gain'
  | 'below-target'
  | 'budget-spent'
  | 'needs-more-trials';

export const SIGNIFICANCE = 0.05;
/** Haybittle–Peto: an interim look only stops for overwhelming evidence. */
const INTERIM_SIGNIFICANCE = 0.001;
export const DEFAULT_MAX_TRIALS_PER_COMBINATION = 9;

// 0/3 → 3/3 has p = 1/20 exactly; floating point must not push it past the threshold.
const isSignificant = (p: number, level: number) => p <= level * (1 + 1e-9);

/** How many trials a combination may get: `roundTrials` per round, `maxTrials` in all. */
export interface TrialBudget {
  roundTrials: number;
  maxTrials: number;
}

export interface Tally {
  successes: number;
  trials: number;
}

export interface CombinationDecision {
  verdict: RowVerdict;
  reason: StopReason;
  /** No further trial can change the verdict (or the budget is spent). */
  decided: boolean;
  /** Trials the next top-up round runs for this combination; 0 once decided. */
  next_trials: number;
  p_improvement: number;
  p_regression: number;
}

/** Looks a budget allows: after the first round and after every top-up, the last at maxTrials. */
function looksOf(budget: TrialBudget): number {
  return Math.max(1, Math.ceil(budget.maxTrials / budget.roundTrials));
}

/** Significance of the last look: α minus what the interim looks spent. */
export function finalSignificance(budget: TrialBudget | undefined): number {
  if (!budget) return SIGNIFICANCE;
  return SIGNIFICANCE - INTERIM_SIGNIFICANCE * (looksOf(budget) - 1);
}

/**
 * Decides one combination from its campaign tally (`before`) and the retry's trials so far
 * (`after`). Without a budget this is a single look: every verdict is final.
 */
export function decideCombination(
  before: Tally,
  after: Tally,
  target: number,
  budget?: TrialBudget,
): CombinationDecision {
  const p =
    before.trials && after.trials
      ? fisherExact(before.successes, before.trials, after.successes, after.trials)
      : { pImprovement: 1, pRegression: 1 };
  const stop = (verdict: RowVerdict, reason: StopReason): CombinationDecision => ({
    verdict,
    reason,
    decided: true,
    next_trials: 0,
    p_improvement: p.pImprovement,
    p_regression: p.pRegression,
  });
  if (after.trials === 0) return stop('inconclusive', 'no-trials');
  const maxTrials = budget ? Math.max(budget.maxTrials, after.trials) : after.trials;
  const reachable = (after.successes + (maxTrials - after.trials)) / maxTrials >= target;
  const last = after.trials >= maxTrials || !reachable;
  const level = last ? finalSignificance(budget) : INTERIM_SIGNIFICANCE;
  const afterRate = after.successes / after.trials;
  const beforeRate = before.trials ? before.successes / before.trials : null;
  if (beforeRate !== null && afterRate < beforeRate && isSignificant(p.pRegression, level)) {
    return stop('regressed', 'regressed');
  }
  if (beforeRate !== null && beforeRate >= target) return stop('held', 'passed-before');
  if (afterRate >= target && isSignificant(p.pImprovement, level)) {
    return stop('fixed', 'significant-gain');
  }
  if (afterRate < target && last) {
    return stop(
      isSignificant(p.pImprovement, level) ? 'improved' : 'still failing',
      'below-target',
    );
  }
  if (last) return stop('inconclusive', 'budget-spent');
  return {
    verdict: 'inconclusive',
    reason: 'needs-more-trials',
    decided: false,
    next_trials: Math.min(budget!.roundTrials, maxTrials - after.trials),
    p_improvement: p.pImprovement,
    p_regression: p.pRegression,
  };
}

/** The stop reason in a few words for people (PR comment, simulator). */
export function describeStop(reason: StopReason, trials: number, maxTrials?: number): string {
  switch (reason) {
    case 'no-trials':
      return 'no trial finished';
    case 'regressed':
      return 'significantly worse than before';
    case 'passed-before':
      return 'passed before; no regression';
    case 'significant-gain':
      return 'significant gain, at target';
    case 'below-target':
      return maxTrials && maxTrials > trials
        ? `cannot reach the target within ${maxTrials} trials`
        : 'below target';
    case 'budget-spent':
      return `budget of ${trials} trials spent`;
    case 'needs-more-trials':
      return 'more trials queued';
  }
}
