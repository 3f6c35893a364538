/**
 * Finalizing a retry that reached the target: the full validation campaign enqueued once (in the
 * transaction that records it), then, once it has finished, notable + note when it passed, the
 * diagnosis issue's last iteration and the PR comment's last revision.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CampaignAnalysis } from '../core/analysis.js';
import { expandCampaignMatrix, type CampaignTrialSpec } from '../core/campaign/matrix.js';
import { parseCampaignYaml } from '../core/campaign/read.js';
import type { CampaignConfig } from '../core/campaign/schema.js';
import { InputError } from '../core/inputs.js';
import { pct } from '../core/render-diagnosis.js';
import {
  commentRevision,
  readyToFinalize,
  validationNote,
  type ValidationState,
} from '../core/retry-report.js';
import { markCampaignNotable } from '../db/campaign-annotations.js';
import { campaignRows, writeCampaignRows } from '../db/enqueue-campaign.js';
import type { Queryable } from '../db/pool.js';
import {
  claimReport,
  findReport,
  markFinalized,
  releaseReport,
  startValidationOnce,
  type RetryReport,
} from '../db/retry-reports.js';
import type { RetryRun } from '../db/retry-runs.js';
import { countWorkItems } from '../db/work-queue.js';
import { isGitHubError } from '../github/errors.js';
import { loadCampaignAnalysis } from './analyze-campaign.js';
import {
  campaignProgress,
  loadRetryComparison,
  publishRetryComment,
  recordIteration,
  renderReportComment,
  retryRunOf,
  type CampaignProgress,
  type ReportContext,
  type RetryComparison,
} from './report-context.js';

export type FinalizeOutcome =
  | { kind: 'not-reported'; report: RetryReport }
  | { kind: 'not-ready'; report: RetryReport }
  | { kind: 'running'; report: RetryReport; progress: CampaignProgress; created: boolean }
  | { kind: 'busy'; report: RetryReport }
  | { kind: 'finalized'; report: RetryReport; analysis?: CampaignAnalysis };

/** Starts the validation when it has not started, then concludes it when it has finished. */
export async function advanceFinalization(
  ctx: ReportContext,
  report: RetryReport,
): Promise<FinalizeOutcome> {
  if (report.status === 'waiting') return { kind: 'not-reported', report };
  if (report.status === 'finalized') return { kind: 'finalized', report };
  if (report.status === 'reported' && !readyToFinalize(report.verdict)) {
    return { kind: 'not-ready', report };
  }
  const started = await startValidation(ctx, report);
  return concludeValidation(ctx, started.report, started.created);
}

/** Enqueues the validation campaign once and shows it on the PR. */
async function startValidation(
  ctx: ReportContext,
  report: RetryReport,
): Promise<{ report: RetryReport; created: boolean }> {
  let current = report;
  let created = false;
  if (report.validationCampaignId === null) {
    const campaign = await readValidationCampaign(ctx);
    const run = await retryRunOf(ctx.db, report.retryCampaignId);
    const start = await startValidationOnce(ctx.db, report.retryCampaignId, (client) =>
      enqueueValidation(client, campaign, run),
    );
    ({ report: current, created } = start);
    if (created) {
      ctx.io.logger.info(
        `Enqueued validation campaign ${current.validationCampaignId} '${campaign.config.name}' (${campaign.specs.length} work items) from ${ctx.validationFile}.`,
      );
    }
  }
  if (current.validationCampaignId === null) {
    throw new Error(
      `Retry campaign ${report.retryCampaignId} could not start its validation (status ${current.status})`,
    );
  }
  if (current.commentRevision < commentRevision(current.retryCampaignId, 'validation-enqueued')) {
    await publishValidationStage(ctx, current, {
      kind: 'enqueued',
      campaignId: current.validationCampaignId,
      workItems: await countWorkItems(ctx.db, current.validationCampaignId),
      file: ctx.validationFile,
    });
  }
  return { report: current, created };
}

interface ValidationCampaign {
  config: CampaignConfig;
  specs: CampaignTrialSpec[];
}

async function readValidationCampaign(ctx: ReportContext): Promise<ValidationCampaign> {
  const path = resolve(ctx.io.cwd, ctx.validationFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `Cannot read validation-campaign '${ctx.validationFile}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file in the workspace (check out the repository first)' : (error as Error).message}`,
    );
  }
  const { config } = parseCampaignYaml(text, ctx.validationFile);
  return { config, specs: expandCampaignMatrix(config) };
}

/** What `eval run campaign <file> --cloud=gcp` writes, on the caller's transaction. */
async function enqueueValidation(
  client: Queryable,
  campaign: ValidationCampaign,
  run: RetryRun | null,
): Promise<number> {
  const { config, specs } = campaign;
  const { campaignId } = await writeCampaignRows(
    client,
    campaignRows(config, run?.mergeSha ?? '', specs),
  );
  return campaignId;
}

/**
 * When the validation campaign has finished: claims the report and, holding the lease, records the
 * result (notable + note when it passed), updates the issue and the comment, marks it finalized.
 */
async function concludeValidation(
  ctx: ReportContext,
  report: RetryReport,
  created = false,
): Promise<FinalizeOutcome> {
  const progress = await campaignProgress(ctx.db, report.validationCampaignId!);
  if (!progress.finished) return { kind: 'running', report, progress, created };
  const claimed = await claimReport(ctx.db, report.retryCampaignId, {
    owner: ctx.leaseOwner,
    from: ['finalizing'],
  });
  if (!claimed) {
    const current = (await findReport(ctx.db, report.retryCampaignId)) ?? report;
    return current.status === 'finalized'
      ? { kind: 'finalized', report: current }
      : { kind: 'busy', report: current };
  }
  try {
    return await writeConclusion(ctx, claimed);
  } catch (error) {
    await releaseReport(ctx.db, claimed.retryCampaignId, ctx.leaseOwner).catch(() => undefined);
    throw error;
  }
}

async function writeConclusion(ctx: ReportContext, report: RetryReport): Promise<FinalizeOutcome> {
  const validationId = report.validationCampaignId!;
  const analysis = await loadCampaignAnalysis(ctx.db, validationId, {
    target: report.targetWinRate,
    targets: ctx.config.targets.byChaosType,
    causes: ctx.config.causes,
  });
  const loaded = await loadRetryComparison(
    ctx,
    report.previousCampaignId,
    report.retryCampaignId,
    report.targetWinRate,
  );
  const passed = analysis.meets_target;
  if (passed) await markNotable(ctx, report, loaded, analysis);
  await recordIteration(ctx, report, analysis, {
    keepOpen: false,
    closeNote: closeSummary(report, analysis),
  });
  await publishValidationStage(
    ctx,
    report,
    { kind: 'finished', analysis, notable: passed },
    loaded,
  );
  if (!(await markFinalized(ctx.db, report.retryCampaignId, ctx.leaseOwner, passed))) {
    ctx.io.logger.warning(
      `The finalize lease on retry campaign ${report.retryCampaignId} was taken over; the other run records the result.`,
    );
  }
  const current = (await findReport(ctx.db, report.retryCampaignId)) ?? report;
  return { kind: 'finalized', report: current, analysis };
}

async function markNotable(
  ctx: ReportContext,
  report: RetryReport,
  loaded: RetryComparison,
  analysis: CampaignAnalysis,
): Promise<void> {
  const run = await retryRunOf(ctx.db, report.retryCampaignId);
  const note = validationNote({
    prNumber: report.prNumber,
    ...(await pullTitle(ctx, report.prNumber)),
    mergeSha: run?.mergeSha ?? null,
    comparison: loaded.comparison,
    validation: analysis,
  });
  await markCampaignNotable(ctx.db, analysis.campaign.id, note);
  ctx.io.logger.info(`Campaign ${analysis.campaign.id} marked as notable; note: ${note}`);
}

/** The PR's title for the note; nothing when it cannot be read. */
async function pullTitle(
  ctx: ReportContext,
  prNumber: number | null,
): Promise<{ prTitle?: string }> {
  if (!ctx.github || prNumber === null) return {};
  try {
    const { data } = await ctx.github.client.rest.pulls.get({
      owner: ctx.github.context.owner,
      repo: ctx.github.context.repo,
      pull_number: prNumber,
    });
    return { prTitle: data.title };
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    return {};
  }
}

function closeSummary(report: RetryReport, analysis: CampaignAnalysis): string {
  const pr = report.prNumber ? `#${report.prNumber}` : 'the fix';
  return `Validated: ${pr} took retry campaign ${report.retryCampaignId} above the target against campaign ${report.previousCampaignId}, and the full validation campaign ${analysis.campaign.id} confirms it at ${pct(analysis.win_rate)} (${analysis.successes}/${analysis.trials}). Campaign ${analysis.campaign.id} is marked notable.`;
}

async function publishValidationStage(
  ctx: ReportContext,
  report: RetryReport,
  validation: ValidationState,
  comparison?: RetryComparison,
): Promise<void> {
  const loaded =
    comparison ??
    (await loadRetryComparison(
      ctx,
      report.previousCampaignId,
      report.retryCampaignId,
      report.targetWinRate,
    ));
  const run = await retryRunOf(ctx.db, report.retryCampaignId);
  const issueNumber = report.diagnosisIssue ?? undefined;
  const body = renderReportComment(ctx, loaded, run, issueNumber, validation);
  const stage = validation.kind === 'enqueued' ? 'validation-enqueued' : 'validation-finished';
  await publishRetryComment(ctx, report, stage, body);
}

export type ValidationStatus =
  'not-reported' | 'not-ready' | 'running' | 'busy' | 'passed' | 'failed';

export function validationStatusOf(outcome: FinalizeOutcome): ValidationStatus {
  if (outcome.kind !== 'finalized') return outcome.kind;
  return outcome.report.validationPassed ? 'passed' : 'failed';
}
