/**
 * Adaptive top-up, the pure part: the trial budget from the config, the pooled "after" side of a
 * retry and its follow-up rounds, and which combinations the next round runs.
 */
import type { CampaignAnalysis, ComboStats } from './analysis.js';
import type { Comparison } from './compare.js';
import { combinationKey, describeCombination } from './grouping.js';
import { bulletList, codeSpan, joinBlocks } from './markdown/index.js';
import { describeStop, type TrialBudget } from './sequential.js';
import { wilsonInterval } from './stats.js';

export interface TopUpSettings {
  trialsPerCombination: number;
  maxTrialsPerCombination: number;
  adaptive: boolean;
}

/** The budget compare decides with; undefined (one look) when top-up is off. */
export function trialBudget(retry: TopUpSettings): TrialBudget | undefined {
  if (!retry.adaptive) return undefined;
  return {
    roundTrials: retry.trialsPerCombination,
    maxTrials: Math.max(retry.maxTrialsPerCombination, retry.trialsPerCombination),
  };
}

/** The combinations the next round runs, with how many trials each. */
export function topUpRequests(
  comparison: Comparison,
): { chaos_type: string; params: Record<string, unknown>; trials: number }[] {
  return comparison.rows
    .filter((r) => r.stop_reason === 'needs-more-trials' && (r.next_trials ?? 0) > 0)
    .map((r) => ({ chaos_type: r.chaos_type, params: r.params, trials: r.next_trials! }));
}

const keyOf = (c: Pick<ComboStats, 'chaos_type' | 'params' | 'baseline'>) =>
  `${c.baseline ? 'b' : 'a'}|${combinationKey({ chaosType: c.chaos_type, params: c.params })}`;

/**
 * The retry and its top-up rounds as one "after" side: per-combination tallies summed, findings
 * of every round; the campaign and its headline totals stay the retry's.
 */
export function poolAnalyses(retry: CampaignAnalysis, rounds: readonly CampaignAnalysis[]) {
  if (rounds.length === 0) return retry;
  const rows = new Map<string, ComboStats>();
  for (const analysis of [retry, ...rounds]) {
    for (const c of analysis.by_chaos_type) {
      const row = rows.get(keyOf(c));
      if (!row) {
        rows.set(keyOf(c), { ...c, failed_trial_ids: [...c.failed_trial_ids] });
        continue;
      }
      row.trials += c.trials;
      row.successes += c.successes;
      row.failures += c.failures;
      row.timeouts += c.timeouts;
      row.broken_work_items += c.broken_work_items;
      row.failed_trial_ids.push(...c.failed_trial_ids);
    }
  }
  // The headline totals stay the retry's own: top-up trials only run for some combinations, so
  // adding them would weigh those combinations more in the retry's win rate.
  return {
    ...retry,
    by_chaos_type: [...rows.values()].map((row) => ({
      ...row,
      win_rate: row.trials ? row.successes / row.trials : 0,
      ci: wilsonInterval(row.successes, row.trials),
    })),
    findings: [retry, ...rounds].flatMap((a) => a.findings),
  };
}

/**
 * For the PR comment when top-up is on: how many trials each combination used and why it stopped.
 */
export function renderTopUpSection(c: Comparison): string {
  if (!c.top_up) return '';
  const max = c.top_up.max_trials ?? undefined;
  const rounds = c.top_up.rounds.length
    ? `${c.top_up.rounds.length} top-up round(s): ${c.top_up.rounds.map((r) => `campaign ${r.campaign_id}`).join(', ')}`
    : 'no top-up round needed';
  const lines = c.rows.map((r) => {
    const what = describeCombination({ chaosType: r.chaos_type, params: r.params });
    const why = r.stop_reason ? describeStop(r.stop_reason, r.after.trials, max) : '';
    return `${codeSpan(what)}: ${r.after.trials} trial(s), ${r.verdict}${why ? ` — ${why}` : ''}`;
  });
  return joinBlocks(
    `### Trials per combination`,
    bulletList(
      `Adaptive top-up${max ? ` (up to ${max} trials per combination)` : ''}: ${rounds}.`,
      lines,
    ),
  );
}
