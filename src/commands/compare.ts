/**
 * `compare`: the retry campaign against the campaign it retried, per chaos type and params (Fisher's
 * exact test per row, Wilson interval against the target), then — exactly once per retry, however
 * many runs (wait path, reconcile, re-runs) get here — the iteration appended to the diagnosis issue
 * and the sticky PR comment written. Outputs and the job summary are set on every run.
 */
import { resolve } from 'node:path';
import { alert } from '../core/command-summaries.js';
import { plainText } from '../core/markdown/index.js';
import { defaultTarget } from '../core/targets.js';
import {
  comparisonGate,
  FAIL_ON_DESCRIPTION,
  GateFailure,
  parseFailOn,
  type FailOn,
  type GateResult,
} from '../core/gates.js';
import { InputError } from '../core/inputs.js';
import { compareOutputs, targetReached } from '../core/retry-report.js';
import { openReport, type ReportSeed, type RetryReport } from '../db/retry-reports.js';
import type { RetryRun } from '../db/retry-runs.js';
import { eventSelection } from '../github/repo-context.js';
import { reportRetry, type ReportResult } from '../loop/report-retry.js';
import { attachWorkerLogExcerpts } from '../loop/worker-logs.js';
import { workerIndexes } from '../loop/retry.js';
import {
  describeTopUp,
  retryProgress,
  topUpIfUndecided,
  type RetryProgress,
  type TopUpOutcome,
} from '../loop/top-up.js';
import type { CommandIO, InputSource } from './command.js';
import {
  readDatabaseUrl,
  FORMAT_INPUT,
  optionalId,
  requiredId,
  readReportFormat,
  type ReportFormat,
  tokenFrom,
  optionalTargetRate,
  readLabels,
} from './common-inputs.js';
import { defineCommand } from './command.js';
import { reportInputs } from './report-inputs.js';
import {
  DEFAULT_VALIDATION_CAMPAIGN,
  describeComment,
  loadRetryComparison,
  DEFAULT_REPORT_DEPENDENCIES,
  renderReportComment,
  reportTextContext,
  repositoryOf,
  retryRunOf,
  type ReportContext,
  type ReportDependencies,
  type ReportGitHub,
  type RetryComparison,
  withReportContext,
} from '../loop/report-context.js';

export interface CompareInput {
  retryCampaignId: number;
  previousCampaignId: number | undefined;
  prNumber: number | undefined;
  /** Undefined: the config's targets.default, else 90 %. */
  target: number | undefined;
  databaseUrl: string;
  token: string | undefined;
  configPath: string | undefined;
  labels: string[];
  failOn: FailOn;
  format: ReportFormat;
  /** Logs of the retry's workers (downloaded artifacts): excerpts in the issue's iteration. */
  workerLogsDir: string | undefined;
}

export function createCompareCommand(deps: ReportDependencies = DEFAULT_REPORT_DEPENDENCIES) {
  return defineCommand<CompareInput>({
    name: 'compare',
    description:
      'Compare a finished retry campaign with the campaign it retried; comment the verdict on the PR once.',
    surfaces: ['action', 'cli'],
    outputs: {
      verdict:
        'regressed, target-reached, improved or not-improved; pending while a top-up round runs',
      'top-up-campaign-id':
        'The follow-up campaign running more trials for inconclusive combinations (when one is queued or running)',
      'worker-indexes': 'JSON list of worker indexes for the top-up campaign, e.g. [0,1,2]',
      'win-rate': "The retry's win rate without baseline trials, a fraction with 4 decimals",
      'target-reached':
        "true when the retry's win rate is at or above the target (see the comment for the confidence)",
      regressions:
        'JSON list of combinations that got significantly worse, e.g. [{"chaos_type":"node_kill","params":{}}]',
    },
    inputs: {
      'retry-campaign-id': {
        description: 'The finished retry campaign',
        positional: 0,
        required: true,
      },
      'campaign-id': {
        description: 'The campaign it retried (default: the link retry stored)',
      },
      'pr-number': {
        description: 'PR to comment on (default: the link retry stored, else the event’s PR)',
      },
      'target-win-rate': {
        description:
          'Target win rate: 90, 90% or 0.9 (default: config targets.default, else 90%; per chaos type: config targets)',
        cliAlias: 'target',
      },
      ...reportInputs(
        'Token for the PR comment and the diagnosis issue (default: GITHUB_TOKEN); without one the comparison is only printed',
      ),
      'fail-on': { description: FAIL_ON_DESCRIPTION },
      format: FORMAT_INPUT,
      'worker-logs': {
        description:
          "Directory of the retry's worker logs (the workflows download the worker-logs-* artifacts): each failed trial of the retry shows the lines of its work item in the issue's iteration",
      },
    },
    parse: (inputs, io) => parseCompareInput(inputs, io),
    run: (input, io) => runCompare(input, io, deps),
  });
}

export const compareCommand = createCompareCommand();

function parseCompareInput(inputs: InputSource, io: CommandIO): CompareInput {
  const retryCampaignId = requiredId(
    inputs,
    'retry-campaign-id',
    'give the finished retry campaign, such as 124',
  );
  const databaseUrl = readDatabaseUrl(inputs, io);
  const token = tokenFrom(inputs, io);
  const workerLogs = inputs.get('worker-logs');
  return {
    retryCampaignId,
    previousCampaignId: optionalId(inputs, 'campaign-id'),
    prNumber: optionalId(inputs, 'pr-number'),
    target: optionalTargetRate(inputs),
    databaseUrl,
    token,
    configPath: inputs.get('config'),
    labels: readLabels(inputs),
    failOn: parseFailOn('fail-on', inputs.get('fail-on'), 'compare'),
    format: readReportFormat(inputs, io),
    workerLogsDir: workerLogs === undefined ? undefined : resolve(io.cwd, workerLogs),
  };
}

async function runCompare(
  input: CompareInput,
  io: CommandIO,
  deps: ReportDependencies,
): Promise<number> {
  if (!input.token) {
    io.logger.warning('No github-token: the comparison is printed, nothing is written.');
  }
  const report = {
    command: 'compare',
    ...input,
    validationFile: DEFAULT_VALIDATION_CAMPAIGN,
    readOnlyWithoutToken: true,
  };
  return withReportContext(report, io, deps, async (ctx) => {
    const { db, github } = ctx;
    const target = defaultTarget(input.target, ctx.config.targets.default);
    const run = await retryRunOf(db, input.retryCampaignId);
    const link = resolveLink(input, target, run, io, github);
    const progress = await retryProgress({ db }, input.retryCampaignId);
    if (!progress.finished) return topUpRunning(io, progress);
    const loaded = await loadRetryComparison(
      ctx,
      link.previousCampaignId,
      input.retryCampaignId,
      target,
    );
    const topUp = github ? await topUpIfUndecided({ db, logger: io.logger }, loaded) : null;
    if (topUp) return await toppedUp(io, ctx, loaded, run, topUp, input.failOn);
    setCompareOutputs(io, loaded);
    if (input.workerLogsDir)
      await attachWorkerLogExcerpts(loaded.after.trials_detail, input.workerLogsDir, io.logger);
    const result = github
      ? await reportRetry(ctx, await openReport(db, link), loaded, run)
      : { kind: 'printed' as const, body: renderReportComment(ctx, loaded, run, undefined) };
    io.print(input.format === 'md' ? result.body : await renderText(ctx, loaded, run, result, io));
    await io.appendSummary(`${summaryNote(result)}\n\n${result.body}`);
    return applyGate(io, comparisonGate(input.failOn, loaded.comparison));
  });
}

/** Loaded on demand: the terminal renderer (and its table library) stays out of the action's path. */
async function renderText(
  ctx: ReportContext,
  loaded: RetryComparison,
  run: RetryRun | null,
  result: ReportResult,
  io: CommandIO,
): Promise<string> {
  const { renderComparisonText } = await import('../core/terminal/comparison-report.js');
  const { PLAIN_STYLE } = await import('../core/terminal/style.js');
  const issue = result.kind === 'reported' ? (result.issue?.issue?.number ?? undefined) : undefined;
  const context = reportTextContext(ctx, loaded, run, issue ?? run?.diagnosisIssue ?? undefined);
  return renderComparisonText(loaded.comparison, context, io.style ?? PLAIN_STYLE);
}

// ── the link: previous campaign, PR, issue ─────────────────────────────────────────────────────

/** Inputs first, then the link retry stored, then the event's PR. */
function resolveLink(
  input: CompareInput,
  target: number,
  run: RetryRun | null,
  io: CommandIO,
  github: ReportGitHub | undefined,
): ReportSeed {
  const previous = input.previousCampaignId ?? run?.previousCampaignId ?? undefined;
  if (previous === undefined) {
    throw new InputError(
      `Missing campaign-id: retry campaign ${input.retryCampaignId} has no stored link to the campaign it retried; pass campaign-id`,
    );
  }
  const repository = github ? repositoryOf(github) : (run?.repository ?? '');
  if (run && github && run.repository !== repository) {
    throw new InputError(
      `Retry campaign ${input.retryCampaignId} belongs to ${run.repository}, not ${repository}: run compare in that repository`,
    );
  }
  return {
    retryCampaignId: input.retryCampaignId,
    retryRunId: run?.id ?? null,
    repository,
    prNumber: input.prNumber ?? run?.prNumber ?? eventSelection(io.env).eventPullNumber ?? null,
    previousCampaignId: previous,
    diagnosisIssue: run?.diagnosisIssue ?? null,
    targetWinRate: target,
  };
}

/** The retry itself must have finished; a running top-up round is not an error. */
function topUpRunning(io: CommandIO, progress: RetryProgress): number {
  if (progress.round === null) {
    throw new Error(
      `Retry ${progress.line}. compare needs a finished campaign: run wait first, or let reconcile report it when it finishes.`,
    );
  }
  io.setOutput('verdict', 'pending');
  io.setOutput('top-up-campaign-id', progress.campaignId);
  io.print(
    `Waiting for ${progress.line}. Run compare again (or let reconcile report it) once it has finished.`,
  );
  return 0;
}

/** A top-up round was (or already is) enqueued: nothing is reported until it has finished. */
async function toppedUp(
  io: CommandIO,
  ctx: ReportContext,
  loaded: RetryComparison,
  run: RetryRun | null,
  outcome: TopUpOutcome,
  failOn: FailOn,
): Promise<number> {
  io.setOutput('verdict', 'pending');
  io.setOutput('top-up-campaign-id', outcome.topUp.campaignId);
  io.setOutput('worker-indexes', JSON.stringify(workerIndexes(ctx.config.retry.parallel)));
  const note = describeTopUp(outcome);
  const body = renderReportComment(ctx, loaded, run, undefined);
  io.print(`${note}\n\n${body}`);
  await io.appendSummary(`${alert('NOTE', note)}\n\n${body}`);
  return applyGate(io, comparisonGate(failOn, loaded.comparison));
}

/** After everything is written: a failed gate fails the step with its one message. */
function applyGate(io: CommandIO, gate: GateResult): number {
  if (gate.kind === 'deferred') io.logger.info(gate.message);
  if (gate.kind === 'fail') throw new GateFailure(gate.message);
  return 0;
}

function setCompareOutputs(io: CommandIO, loaded: RetryComparison): void {
  const outputs = compareOutputs(loaded.comparison);
  io.setOutput('verdict', outputs.verdict);
  io.setOutput('win-rate', outputs['win-rate']);
  io.setOutput('target-reached', outputs['target-reached']);
  io.setOutput('regressions', outputs.regressions);
  const { retry } = loaded.comparison;
  io.logger.info(
    `Retry ${loaded.comparison.retry_campaign_id} vs ${loaded.comparison.previous_campaign_id}: ${outputs.verdict}, win rate ${(retry.win_rate * 100).toFixed(1)}% (${retry.successes}/${retry.trials}), target ${targetReached(loaded.comparison) ? 'reached' : 'missed'}.`,
  );
}

function summaryNote(result: ReportResult): string {
  if (result.kind === 'printed') return alert('NOTE', 'No github-token: nothing was written.');
  if (result.kind === 'already') return alreadyNote(result.report);
  return `**Reported:** ${plainText(describeComment(result.comment, result.prNumber))}`;
}

function alreadyNote(report: RetryReport): string {
  if (report.status === 'waiting' && report.leaseOwner) {
    return alert(
      'NOTE',
      `Another run (${report.leaseOwner}) is writing this report (lease until ${report.leaseUntil}); nothing was written twice.`,
    );
  }
  const comment = report.commentId ? ` (comment ${report.commentId})` : '';
  return alert(
    'NOTE',
    `This retry was already reported${comment}; status ${report.status}. Nothing was written twice.`,
  );
}
