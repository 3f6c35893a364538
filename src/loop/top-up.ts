/**
 * Adaptive top-up of a retry: while the comparison leaves combinations inconclusive and budget is
 * left, one follow-up campaign per round runs more trials for exactly those combinations; the
 * retry is reported once every combination is decided or out of budget.
 */
import { topUpRequests } from '../core/top-up.js';
import type { EvalDatabase } from '../db/pool.js';
import type { Logger } from '../logger.js';
import { enqueueTopUpOnce, ensureTopUpsSchema, listTopUps, type TopUp } from '../db/top-ups.js';
import {
  campaignProgress,
  type CampaignProgress,
  type ReportContext,
  type RetryComparison,
} from './report-context.js';

export interface RetryProgress extends CampaignProgress {
  /** The campaign still running: the retry's, or its latest top-up round's. */
  campaignId: number;
  /** The round running, when it is a top-up. */
  round: number | null;
}

/** Progress of the retry, then of its latest top-up round once the retry has finished. */
export async function retryProgress(
  ctx: Pick<ReportContext, 'db'>,
  retryCampaignId: number,
): Promise<RetryProgress> {
  const retry = await campaignProgress(ctx.db, retryCampaignId);
  if (!retry.finished) return { ...retry, campaignId: retryCampaignId, round: null };
  const latest = (await listTopUps(ctx.db, retryCampaignId)).at(-1);
  if (!latest) return { ...retry, campaignId: retryCampaignId, round: null };
  const round = await campaignProgress(ctx.db, latest.campaignId);
  return {
    ...round,
    line: `top-up round ${latest.round} of retry ${retryCampaignId}, ${round.line}`,
    campaignId: latest.campaignId,
    round: latest.round,
  };
}

export interface TopUpOutcome {
  topUp: TopUp;
  /** False when another run had enqueued this round: nothing was written. */
  created: boolean;
  workItems: number;
}

/** Enqueues the next round when the comparison asks for more trials; null when it does not. */
export async function topUpIfUndecided(
  ctx: { db: EvalDatabase; logger: Logger },
  loaded: RetryComparison,
): Promise<TopUpOutcome | null> {
  const requests = topUpRequests(loaded.comparison);
  if (requests.length === 0) return null;
  await ensureTopUpsSchema(ctx.db);
  const retryId = loaded.comparison.retry_campaign_id;
  const result = await enqueueTopUpOnce(ctx.db, retryId, loaded.topUps.length + 1, requests);
  if (!result) return null;
  const workItems = result.topUp.combinations.reduce((n, c) => n + c.trials, 0);
  ctx.logger.info(
    `${result.created ? 'Enqueued' : 'Found'} top-up round ${result.topUp.round} of retry ${retryId}: campaign ${result.topUp.campaignId}, ${workItems} trial(s) for ${result.topUp.combinations.length} inconclusive combination(s).`,
  );
  return { topUp: result.topUp, created: result.created, workItems };
}

/** One line for logs and summaries. */
export function describeTopUp(outcome: TopUpOutcome): string {
  const { topUp } = outcome;
  const combos = topUp.combinations
    .map(
      (c) =>
        `${c.chaos_type}${Object.keys(c.params).length ? ` ${JSON.stringify(c.params)}` : ''} ×${c.trials}`,
    )
    .join(', ');
  return `Top-up round ${topUp.round} ${outcome.created ? 'enqueued' : 'already enqueued'}: campaign ${topUp.campaignId} runs ${outcome.workItems} more trial(s) for the inconclusive combination(s) — ${combos}. The retry is reported once they have finished.`;
}
