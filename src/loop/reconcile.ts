/**
 * One open retry moved as far as the database allows: reported once its campaign has finished,
 * its validation started once it reached the target, the validation concluded once it finished.
 */
import { nextReconcileStep, readyToFinalize } from '../core/retry-report.js';
import { findReport, type RetryReport } from '../db/retry-reports.js';
import { clarifyGitHubFailure } from '../github/errors.js';
import { advanceFinalization, validationStatusOf, type FinalizeOutcome } from './finalize.js';
import {
  loadRetryComparison,
  REPORT_PERMISSIONS,
  retryRunOf,
  type ReportContext,
} from './report-context.js';
import { reportRetry } from './report-retry.js';
import { workerIndexes } from './retry.js';
import { retryProgress, topUpIfUndecided } from './top-up.js';

type ReconcileAction =
  | 'waiting'
  | 'topped-up'
  | 'reported'
  | 'already-reported'
  | 'not-ready'
  | 'validation-running'
  | 'validation-busy'
  | 'finalized'
  | 'done'
  | 'error';

export interface ReconcileResult {
  retryCampaignId: number;
  action: ReconcileAction;
  detail: string;
  /** A validation campaign this run enqueued: it needs workers. */
  enqueuedValidation?: number;
  /** A top-up campaign this run enqueued: it needs workers too. */
  enqueuedTopUp?: number;
}

/** One retry; a failure is reported and the next retry still gets its turn. */
export async function reconcileSafely(
  ctx: ReportContext,
  report: RetryReport,
): Promise<ReconcileResult> {
  try {
    return await reconcileOne(ctx, report);
  } catch (caught) {
    const error = clarifyGitHubFailure(caught, { permissions: REPORT_PERMISSIONS }) as Error;
    const message = ctx.io.masker.mask(error.message);
    ctx.io.logger.error(`Retry campaign ${report.retryCampaignId}: ${message}`);
    return { retryCampaignId: report.retryCampaignId, action: 'error', detail: message };
  }
}

async function reconcileOne(ctx: ReportContext, report: RetryReport): Promise<ReconcileResult> {
  let current = report;
  if (current.status === 'waiting') {
    const reported = await reportIfFinished(ctx, current);
    current = (await findReport(ctx.db, current.retryCampaignId)) ?? current;
    if (reported.action !== 'reported' || !readyToFinalize(current.verdict)) return reported;
  }
  const step = nextReconcileStep(current, current.retryCampaignId);
  if (step.kind === 'done') {
    return { retryCampaignId: current.retryCampaignId, action: 'done', detail: step.why };
  }
  return finalizationResult(await advanceFinalization(ctx, current));
}

async function reportIfFinished(ctx: ReportContext, report: RetryReport): Promise<ReconcileResult> {
  const id = report.retryCampaignId;
  const progress = await retryProgress(ctx, id);
  if (!progress.finished) {
    ctx.io.logger.info(`Still running: ${progress.line}.`);
    return { retryCampaignId: id, action: 'waiting', detail: progress.line };
  }
  const loaded = await loadRetryComparison(
    ctx,
    report.previousCampaignId,
    id,
    report.targetWinRate,
  );
  const topUp = await topUpIfUndecided({ db: ctx.db, logger: ctx.io.logger }, loaded);
  if (topUp) {
    return {
      retryCampaignId: id,
      action: 'topped-up',
      detail: `round ${topUp.topUp.round}: campaign ${topUp.topUp.campaignId}, ${topUp.workItems} trial(s)`,
      ...(topUp.created ? { enqueuedTopUp: topUp.topUp.campaignId } : {}),
    };
  }
  const result = await reportRetry(ctx, report, loaded, await retryRunOf(ctx.db, id));
  if (result.kind === 'already') {
    const by = result.report.leaseOwner ? ` by ${result.report.leaseOwner}` : '';
    return {
      retryCampaignId: id,
      action: 'already-reported',
      detail: `${result.report.status}${by}`,
    };
  }
  return { retryCampaignId: id, action: 'reported', detail: loaded.comparison.verdict };
}

function finalizationResult(outcome: FinalizeOutcome): ReconcileResult {
  const id = outcome.report.retryCampaignId;
  const validation = outcome.report.validationCampaignId;
  switch (outcome.kind) {
    case 'not-reported':
    case 'not-ready':
      return {
        retryCampaignId: id,
        action: 'not-ready',
        detail: outcome.report.verdict ?? 'waiting',
      };
    case 'busy':
      return { retryCampaignId: id, action: 'validation-busy', detail: `validation ${validation}` };
    case 'running':
      return {
        retryCampaignId: id,
        action: 'validation-running',
        detail: outcome.progress.line,
        ...(outcome.created && validation !== null ? { enqueuedValidation: validation } : {}),
      };
    case 'finalized':
      return {
        retryCampaignId: id,
        action: 'finalized',
        detail: `validation ${validation} ${validationStatusOf(outcome)}`,
      };
  }
}

/** One worker of a validation campaign reconcile enqueued: an entry of a workflow matrix. */
export interface ValidationWorker {
  'campaign-id': number;
  'worker-index': number;
  'operator-image': string;
}

export async function validationWorkers(
  ctx: ReportContext,
  results: readonly ReconcileResult[],
): Promise<ValidationWorker[]> {
  const workers: ValidationWorker[] = [];
  for (const result of results) {
    const campaignId = result.enqueuedValidation ?? result.enqueuedTopUp;
    if (!campaignId) continue;
    const run = await retryRunOf(ctx.db, result.retryCampaignId);
    for (const index of workerIndexes(ctx.config.retry.parallel)) {
      workers.push({
        'campaign-id': campaignId,
        'worker-index': index,
        'operator-image': run?.operatorImage ?? '',
      });
    }
  }
  return workers;
}
