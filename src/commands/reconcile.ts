/**
 * `reconcile` (for a cron workflow): works through every retry of this repository that is still
 * open — reports the ones whose campaign has finished (compare, issue iteration, PR comment),
 * starts the validation of those that reached the target, and concludes the validations that have
 * finished. A workflow may therefore enqueue and exit instead of holding a runner for hours; when
 * the blocking path and reconcile get to the same retry, the report lease lets exactly one write.
 */
import { InputError, parseTargetRate } from '../core/inputs.js';
import { nextReconcileStep, readyToFinalize } from '../core/retry-report.js';
import { loadProjectConfig } from '../config/project-config.js';
import { openEvalDatabase } from '../db/pool.js';
import {
  ensureRetryReportsSchema,
  findReport,
  listOpenReports,
  openReportsForRuns,
  type RetryReport,
} from '../db/retry-reports.js';
import { DEFAULT_LABELS, parseLabels } from './analyze.js';
import type { CommandIO, InputSource } from './command.js';
import {
  DATABASE_URL_INPUT,
  CONFIG_INPUT,
  readDatabaseUrl,
  DIAGNOSIS_LABELS_INPUT,
} from './common-inputs.js';
import { defineCommand } from './command.js';
import { reportRetry } from './compare.js';
import {
  advanceFinalization,
  parseWorkspaceFile,
  validationStatusOf,
  type FinalizeOutcome,
} from './finalize.js';
import { tokenFrom } from './plan.js';
import { workerIndexes } from './retry.js';
import {
  campaignProgress,
  clarifyGitHubFailure,
  DEFAULT_VALIDATION_CAMPAIGN,
  leaseOwnerFor,
  loadRetryComparison,
  DEFAULT_REPORT_DEPENDENCIES,
  openReportGitHub,
  repositoryOf,
  retryRunOf,
  type ReportContext,
  type ReportDependencies,
} from './report-context.js';

export interface ReconcileInput {
  target: number;
  validationFile: string;
  databaseUrl: string;
  token: string;
  configPath: string | undefined;
  labels: string[];
}

export type ReconcileAction =
  | 'waiting'
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
}

export function createReconcileCommand(deps: ReportDependencies = DEFAULT_REPORT_DEPENDENCIES) {
  return defineCommand<ReconcileInput>({
    name: 'reconcile',
    description:
      'For a cron workflow: report, finalize and conclude every retry of this repository whose campaign has finished.',
    surfaces: ['action', 'cli'],
    outputs: {
      reconciled: 'JSON list of {"retry-campaign-id","action","detail"}, one per open retry',
      'validation-workers':
        'JSON matrix of workers for the validation campaigns it enqueued, e.g. [{"campaign-id":15,"worker-index":1,"operator-image":"…"}]',
    },
    inputs: {
      'target-win-rate': {
        description: 'Target for retries compare has not seen yet (default 90%)',
        cliAlias: 'target',
      },
      'validation-campaign': {
        description: `Full validation campaign YAML in the workspace (default ${DEFAULT_VALIDATION_CAMPAIGN})`,
      },
      'database-url': DATABASE_URL_INPUT,
      'github-token': {
        description: 'Token for PR comments and diagnosis issues (default: GITHUB_TOKEN)',
        secret: true,
      },
      config: CONFIG_INPUT,
      labels: DIAGNOSIS_LABELS_INPUT,
    },
    parse: (inputs, io) => parseReconcileInput(inputs, io),
    run: (input, io) => runReconcile(input, io, deps),
  });
}

export const reconcileCommand = createReconcileCommand();

function parseReconcileInput(inputs: InputSource, io: CommandIO): ReconcileInput {
  const databaseUrl = readDatabaseUrl(inputs, io);
  const token = tokenFrom(inputs, io.env);
  if (!token) {
    throw new InputError(
      'Missing github-token: reconcile comments on pull requests and updates diagnosis issues (pass --github-token or set GITHUB_TOKEN)',
    );
  }
  io.masker.add(token);
  return {
    target: parseTargetRate('target-win-rate', inputs.get('target-win-rate') ?? '90'),
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

async function runReconcile(
  input: ReconcileInput,
  io: CommandIO,
  deps: ReportDependencies,
): Promise<number> {
  const config = await loadProjectConfig(input.configPath, io.cwd);
  const github = await openReportGitHub(io, input.token, 'reconcile', deps);
  const db = await openEvalDatabase(input.databaseUrl, {
    log: (m) => io.logger.warning(m),
    signal: io.signal,
  });
  try {
    await ensureRetryReportsSchema(db);
    const repository = repositoryOf(github);
    const opened = await openReportsForRuns(db, repository, input.target);
    const reports = await listOpenReports(db, repository);
    io.logger.info(
      `${reports.length} open retr${reports.length === 1 ? 'y' : 'ies'} in ${repository}${opened ? ` (${opened} new)` : ''}.`,
    );
    const ctx: ReportContext = {
      db,
      io,
      config,
      github,
      labels: input.labels,
      leaseOwner: leaseOwnerFor('reconcile', io.env),
      validationFile: input.validationFile,
    };
    const results: ReconcileResult[] = [];
    for (const report of reports) {
      results.push(
        await io.logger.group(`Retry campaign ${report.retryCampaignId}`, () =>
          reconcileSafely(ctx, report),
        ),
      );
    }
    setReconcileOutputs(io, results, await validationWorkers(ctx, results));
    const table = renderResults(results);
    io.print(table);
    await io.appendSummary(`### Reconcile ${repository}\n\n${table}`);
    return results.some((r) => r.action === 'error') ? 1 : 0;
  } finally {
    await db.close();
  }
}

/** One retry; a failure is reported and the next retry still gets its turn. */
async function reconcileSafely(ctx: ReportContext, report: RetryReport): Promise<ReconcileResult> {
  try {
    return await reconcileOne(ctx, report);
  } catch (caught) {
    const error = clarifyGitHubFailure(caught, undefined) as Error;
    const message = ctx.io.masker.mask(error.message);
    ctx.io.logger.error(`Retry campaign ${report.retryCampaignId}: ${message}`);
    return { retryCampaignId: report.retryCampaignId, action: 'error', detail: message };
  }
}

export async function reconcileOne(
  ctx: ReportContext,
  report: RetryReport,
): Promise<ReconcileResult> {
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
  const progress = await campaignProgress(ctx.db, id);
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

async function validationWorkers(
  ctx: ReportContext,
  results: readonly ReconcileResult[],
): Promise<ValidationWorker[]> {
  const workers: ValidationWorker[] = [];
  for (const result of results) {
    if (!result.enqueuedValidation) continue;
    const run = await retryRunOf(ctx.db, result.retryCampaignId);
    for (const index of workerIndexes(ctx.config.retry.parallel)) {
      workers.push({
        'campaign-id': result.enqueuedValidation,
        'worker-index': index,
        'operator-image': run?.operatorImage ?? '',
      });
    }
  }
  return workers;
}

function setReconcileOutputs(
  io: CommandIO,
  results: readonly ReconcileResult[],
  workers: readonly ValidationWorker[],
): void {
  const reconciled = results.map((r) => ({
    'retry-campaign-id': r.retryCampaignId,
    action: r.action,
    detail: r.detail,
  }));
  io.setOutput('reconciled', JSON.stringify(reconciled));
  io.setOutput('validation-workers', JSON.stringify(workers));
}

function renderResults(results: readonly ReconcileResult[]): string {
  if (results.length === 0) return 'No open retry: nothing to do.';
  return [
    '| Retry campaign | Action | Detail |',
    '|---|---|---|',
    ...results.map(
      (r) => `| ${r.retryCampaignId} | ${r.action} | ${r.detail.replace(/\|/g, '\\|')} |`,
    ),
  ].join('\n');
}
