/**
 * `finalize`: once a retry reached the target, run the full validation campaign with the new images
 * (enqueued once, in the transaction that records it), and once that campaign has finished and
 * meets the target too, mark it notable with a note (as `eval notable` / `eval note` do), close the
 * diagnosis issue with a summary and bring the PR comment to its last revision. Each call advances
 * as far as the database allows, so running it again (or reconcile) resumes.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CampaignAnalysis } from '../core/analysis.js';
import {
  expandCampaignMatrix,
  parseCampaignYaml,
  type CampaignConfig,
  type CampaignTrialSpec,
} from '../core/campaign-yaml.js';
import { InputError, parseId, shown } from '../core/inputs.js';
import { pct } from '../core/render-diagnosis.js';
import {
  commentRevision,
  readyToFinalize,
  validationNote,
  type ValidationState,
} from '../core/retry-report.js';
import { loadProjectConfig } from '../config/project-config.js';
import { markCampaignNotable } from '../db/campaign-annotations.js';
import { openEvalDatabase, type Queryable } from '../db/pool.js';
import {
  claimReport,
  ensureRetryReportsSchema,
  findReport,
  markFinalized,
  releaseReport,
  startValidationOnce,
  type RetryReport,
} from '../db/retry-reports.js';
import type { RetryRun } from '../db/retry-runs.js';
import { getCampaignStatus } from '../db/work-queue.js';
import { campaignRows, writeCampaignRows } from '../db/enqueue-campaign.js';
import { isGitHubError } from '../github/errors.js';
import { DEFAULT_LABELS, parseLabels } from './analyze.js';
import { loadCampaignAnalysis } from './campaign-analysis.js';
import type { CommandIO, InputSource } from './command.js';
import {
  DATABASE_URL_INPUT,
  CONFIG_INPUT,
  readDatabaseUrl,
  DIAGNOSIS_LABELS_INPUT,
} from './common-inputs.js';
import { defineCommand } from './command.js';
import { tokenFrom } from './plan.js';
import {
  campaignProgress,
  clarifyGitHubFailure,
  DEFAULT_VALIDATION_CAMPAIGN,
  leaseOwnerFor,
  loadRetryComparison,
  DEFAULT_REPORT_DEPENDENCIES,
  openReportGitHub,
  publishRetryComment,
  recordIteration,
  renderReportComment,
  retryRunOf,
  type CampaignProgress,
  type ReportContext,
  type ReportDependencies,
} from './report-context.js';
import { workerIndexes } from './retry.js';

export interface FinalizeInput {
  retryCampaignId: number;
  validationFile: string;
  databaseUrl: string;
  token: string | undefined;
  configPath: string | undefined;
  labels: string[];
}

export function createFinalizeCommand(deps: ReportDependencies = DEFAULT_REPORT_DEPENDENCIES) {
  return defineCommand<FinalizeInput>({
    name: 'finalize',
    description:
      'After a retry reached the target: enqueue the full validation campaign; once it passes, mark it notable and close the issue.',
    surfaces: ['action', 'cli'],
    outputs: {
      'validation-campaign-id':
        "The validation campaign's id (empty when the retry did not reach the target)",
      'validation-status': 'not-reported, not-ready, running, busy, passed or failed',
      'operator-image': 'The operator image the validation workers run',
      'worker-indexes':
        'JSON list of worker indexes while the validation campaign runs ([] otherwise)',
    },
    inputs: {
      'retry-campaign-id': {
        description: 'The retry campaign compare reported',
        positional: 0,
        required: true,
      },
      'validation-campaign': {
        description: `Full validation campaign YAML in the workspace (default ${DEFAULT_VALIDATION_CAMPAIGN})`,
      },
      'database-url': DATABASE_URL_INPUT,
      'github-token': {
        description: 'Token for the PR comment and the diagnosis issue (default: GITHUB_TOKEN)',
        secret: true,
      },
      config: CONFIG_INPUT,
      labels: DIAGNOSIS_LABELS_INPUT,
    },
    parse: (inputs, io) => parseFinalizeInput(inputs, io),
    run: (input, io) => runFinalize(input, io, deps),
  });
}

export const finalizeCommand = createFinalizeCommand();

function parseFinalizeInput(inputs: InputSource, io: CommandIO): FinalizeInput {
  const raw = inputs.get('retry-campaign-id');
  if (raw === undefined) {
    throw new InputError('Missing retry-campaign-id: give the retry campaign compare reported');
  }
  const databaseUrl = readDatabaseUrl(inputs, io);
  const token = tokenFrom(inputs, io.env);
  if (token) io.masker.add(token);
  return {
    retryCampaignId: parseId('retry-campaign-id', raw),
    validationFile: parseWorkspaceFile(
      'validation-campaign',
      inputs.get('validation-campaign') ?? DEFAULT_VALIDATION_CAMPAIGN,
    ),
    databaseUrl,
    token,
    configPath: inputs.get('config'),
    labels: parseLabels('labels', inputs.get('labels') ?? DEFAULT_LABELS),
  };
}

/** A relative path inside the workspace: no `..` segment, no absolute path. */
export function parseWorkspaceFile(field: string, value: string): string {
  const v = value.trim();
  const segments = v.split(/[\\/]/);
  if (v === '' || v.startsWith('/') || /^[A-Za-z]:/.test(v) || segments.includes('..')) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a campaign YAML path inside the workspace, e.g. ${DEFAULT_VALIDATION_CAMPAIGN}`,
    );
  }
  return v;
}

async function runFinalize(
  input: FinalizeInput,
  io: CommandIO,
  deps: ReportDependencies,
): Promise<number> {
  const config = await loadProjectConfig(input.configPath, io.cwd);
  const github = input.token
    ? await openReportGitHub(io, input.token, 'finalize', deps)
    : undefined;
  const db = await openEvalDatabase(input.databaseUrl, {
    log: (m) => io.logger.warning(m),
    signal: io.signal,
  });
  try {
    await ensureRetryReportsSchema(db);
    const report = await findReport(db, input.retryCampaignId);
    if (!report) {
      throw new Error(
        `Retry campaign ${input.retryCampaignId} has not been compared yet: run compare (or let reconcile report it) first`,
      );
    }
    const ctx: ReportContext = {
      db,
      io,
      config,
      github,
      labels: input.labels,
      leaseOwner: leaseOwnerFor('finalize', io.env),
      validationFile: input.validationFile,
    };
    const outcome = await advanceFinalization(ctx, report);
    const run = await retryRunOf(db, report.retryCampaignId);
    setFinalizeOutputs(io, outcome, run, config.retry.parallel);
    const text = describeFinalization(outcome);
    io.print(text);
    await io.appendSummary(`### Finalize retry campaign ${report.retryCampaignId}\n\n${text}`);
    return 0;
  } catch (error) {
    throw clarifyGitHubFailure(error, input.token);
  } finally {
    await db.close();
  }
}

// ── advancing ──────────────────────────────────────────────────────────────────────────────────

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
export async function startValidation(
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
      workItems: await workItemCount(ctx, current.validationCampaignId),
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

async function workItemCount(ctx: ReportContext, campaignId: number): Promise<number> {
  const counts = await getCampaignStatus(ctx.db, campaignId);
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/**
 * When the validation campaign has finished: claims the report and, holding the lease, records the
 * result (notable + note when it passed), updates the issue and the comment, marks it finalized.
 */
export async function concludeValidation(
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
    causes: ctx.config.causes,
  });
  const passed = analysis.meets_target;
  if (passed) await markNotable(ctx, report, analysis);
  await recordIteration(ctx, report, analysis, {
    keepOpen: false,
    closeNote: closeSummary(report, analysis),
  });
  await publishValidationStage(ctx, report, { kind: 'finished', analysis, notable: passed });
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
  analysis: CampaignAnalysis,
): Promise<void> {
  const loaded = await loadRetryComparison(
    ctx,
    report.previousCampaignId,
    report.retryCampaignId,
    report.targetWinRate,
  );
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
): Promise<void> {
  const loaded = await loadRetryComparison(
    ctx,
    report.previousCampaignId,
    report.retryCampaignId,
    report.targetWinRate,
  );
  const run = await retryRunOf(ctx.db, report.retryCampaignId);
  const issueNumber = report.diagnosisIssue ?? undefined;
  const body = renderReportComment(ctx, loaded, run, issueNumber, validation);
  const stage = validation.kind === 'enqueued' ? 'validation-enqueued' : 'validation-finished';
  await publishRetryComment(ctx, report, stage, body);
}

// ── outputs ────────────────────────────────────────────────────────────────────────────────────

export type ValidationStatus =
  'not-reported' | 'not-ready' | 'running' | 'busy' | 'passed' | 'failed';

export function validationStatusOf(outcome: FinalizeOutcome): ValidationStatus {
  if (outcome.kind !== 'finalized') return outcome.kind;
  return outcome.report.validationPassed ? 'passed' : 'failed';
}

function setFinalizeOutputs(
  io: CommandIO,
  outcome: FinalizeOutcome,
  run: RetryRun | null,
  parallel: number,
): void {
  const status = validationStatusOf(outcome);
  io.setOutput('validation-campaign-id', outcome.report.validationCampaignId ?? '');
  io.setOutput('validation-status', status);
  io.setOutput('operator-image', run?.operatorImage ?? '');
  io.setOutput(
    'worker-indexes',
    JSON.stringify(status === 'running' ? workerIndexes(parallel) : []),
  );
}

export function describeFinalization(outcome: FinalizeOutcome): string {
  const r = outcome.report;
  switch (outcome.kind) {
    case 'not-reported':
      return `Retry campaign ${r.retryCampaignId} is not reported yet (status waiting): compare or reconcile reports it first.`;
    case 'not-ready':
      return `Nothing to finalize: retry campaign ${r.retryCampaignId} ended '${r.verdict ?? 'unknown'}', not 'target-reached'. Iterate on the diagnosis instead.`;
    case 'running':
      return `Validation campaign ${r.validationCampaignId} ${outcome.created ? 'enqueued' : 'is running'}: ${outcome.progress.line}. Run finalize again (or let reconcile) once it has finished.`;
    case 'busy':
      return `Another run (${r.leaseOwner ?? 'unknown'}) is concluding validation campaign ${r.validationCampaignId}; nothing was written twice.`;
    case 'finalized':
      return r.validationPassed
        ? `Validation campaign ${r.validationCampaignId} met the target: marked notable, diagnosis issue closed.`
        : `Validation campaign ${r.validationCampaignId} missed the target: its failures are the next diagnosis.`;
  }
}
