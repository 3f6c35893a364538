/**
 * Flaky combinations across the campaigns of a series: a chaos type (with its params) that flips
 * between passing and failing from one campaign to the next. A "fixed" verdict on such a type says
 * little until enough trials separate the fix from its usual noise. Pure.
 */
import { combinationKey } from './grouping.js';

/** Campaigns of a series read for the pass history by default (`--history`). */
export const DEFAULT_HISTORY = 10;

export interface FlakyCombination {
  chaos_type: string;
  params: Record<string, unknown>;
  /** Oldest first; campaigns where the combination ran at least one trial. */
  campaigns: { campaign_id: number; successes: number; trials: number }[];
  /** Flips between passing (win rate ≥ target) and failing, over consecutive campaigns; null below 2. */
  flip_rate: number | null;
  flaky: boolean;
}

export interface SeriesCampaign {
  campaign_id: number;
  combos: readonly {
    chaos_type: string;
    params: Record<string, unknown>;
    baseline: boolean;
    successes: number;
    trials: number;
  }[];
}

/** At least two flips, and a flip in at least one of three consecutive pairs. */
const FLAKY_MIN_FLIPS = 2;
const FLAKY_MIN_FLIP_RATE = 1 / 3;

/**
 * The pass history of every non-baseline combination of the newest campaign over `series` (oldest
 * first, the analysed campaign last).
 */
export function flakyHistory(
  series: readonly SeriesCampaign[],
  target: number,
): FlakyCombination[] {
  const newest = series[series.length - 1];
  if (!newest) return [];
  return newest.combos
    .filter((c) => !c.baseline)
    .map((combo) => {
      const key = combinationKey({ chaosType: combo.chaos_type, params: combo.params });
      const campaigns = series.flatMap((campaign) => {
        const row = campaign.combos.find(
          (c) =>
            !c.baseline &&
            c.trials > 0 &&
            combinationKey({ chaosType: c.chaos_type, params: c.params }) === key,
        );
        return row
          ? [{ campaign_id: campaign.campaign_id, successes: row.successes, trials: row.trials }]
          : [];
      });
      const passes = campaigns.map((c) => c.successes / c.trials >= target);
      const flips = passes.slice(1).filter((p, i) => p !== passes[i]).length;
      const flipRate = campaigns.length >= 2 ? flips / (campaigns.length - 1) : null;
      return {
        chaos_type: combo.chaos_type,
        params: combo.params,
        campaigns,
        flip_rate: flipRate,
        flaky:
          flips >= FLAKY_MIN_FLIPS && flipRate !== null && flipRate >= FLAKY_MIN_FLIP_RATE - 1e-9,
      };
    });
}

/**
 * All-success trials to add to a retry's `successes`/`trials` before a one-sided binomial test
 * against the series' pooled pass rate `p0` says p ≤ alpha: how many more trials separate a fix
 * from the noise of a flaky type. Null when no number of trials can (p0 = 1) or past 1000.
 */
export function trialsToBeatNoise(
  successes: number,
  trials: number,
  p0: number,
  alpha = 0.05,
): number | null {
  if (p0 >= 1) return null;
  for (let more = 0; more <= 1000; more++) {
    if (binomialUpperTail(successes + more, trials + more, p0) <= alpha * (1 + 1e-9)) return more;
  }
  return null;
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  let total = 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  for (let i = k; i <= n; i++) {
    total += Math.exp(logChoose(n, i) + i * logP + (n - i) * logQ);
  }
  return Math.min(1, total);
}

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log((n - k + i) / i);
  return sum;
}

/** Pooled pass rate of a combination over the campaigns of its history. */
function pooledRate(history: FlakyCombination): number | null {
  const trials = history.campaigns.reduce((n, c) => n + c.trials, 0);
  const successes = history.campaigns.reduce((n, c) => n + c.successes, 0);
  return trials ? successes / trials : null;
}

/** A "fixed" verdict on a combination that is flaky across its series. */
export interface FlakyFix {
  chaos_type: string;
  params: Record<string, unknown>;
  flip_rate: number;
  /** Campaigns of the series the history covers. */
  campaigns: number;
  /** Pass rate of its trials over those campaigns. */
  pooled_rate: number;
  retry: { successes: number; trials: number };
  /** All-success trials to add before the retry beats the pooled rate (p ≤ 0.05); null: never. */
  more_trials_needed: number | null;
}

export function flakyFixes(
  rows: readonly {
    chaos_type: string;
    params: Record<string, unknown>;
    verdict: string;
    after: { successes: number; trials: number };
  }[],
  history: readonly FlakyCombination[],
): FlakyFix[] {
  const byKey = new Map(
    history.map((h) => [combinationKey({ chaosType: h.chaos_type, params: h.params }), h]),
  );
  return rows.flatMap((row) => {
    if (row.verdict !== 'fixed') return [];
    const past = byKey.get(combinationKey({ chaosType: row.chaos_type, params: row.params }));
    const pooled = past && pooledRate(past);
    if (!past?.flaky || pooled === null || pooled === undefined) return [];
    return [
      {
        chaos_type: row.chaos_type,
        params: row.params,
        flip_rate: past.flip_rate ?? 0,
        campaigns: past.campaigns.length,
        pooled_rate: pooled,
        retry: { successes: row.after.successes, trials: row.after.trials },
        more_trials_needed: trialsToBeatNoise(row.after.successes, row.after.trials, pooled),
      },
    ];
  });
}
