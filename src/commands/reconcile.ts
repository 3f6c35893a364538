/**
 * `reconcile` (for a cron workflow): works through every retry of this repository that is still
 * open — reports the ones whose campaign has finished (compare, issue iteration, PR comment),
 * starts the validation of those that reached the target, and concludes the validations that have
 * finished. A workflow may therefore enqueue and exit instead of holding a runner for hours; when
 * the blocking path and reconcile get to the same retry, the report lease lets exactly one write.
 */
import { reconcileSummary } from '../core/command-summaries.js';
import { plainText } from '../core/markdown/index.js';
import { defaultTarget } from '../core/targets.js';
import { InputError } from '../core/inputs.js';
import { listOpenReports, openReportsForRuns } from '../db/retry-reports.js';
import {
  reconcileSafely,
  validationWorkers,
  type ReconcileResult,
  type ValidationWorker,
} from '../loop/reconcile.js';
import {
  DEFAULT_REPORT_DEPENDENCIES,
  repositoryOf,
  type ReportDependencies,
  withReportContext,
} from '../loop/report-context.js';
import type { CommandIO, InputSource } from './command.js';
import { readDatabaseUrl, tokenFrom, optionalTargetRate, readLabels } from './common-inputs.js';
import { defineCommand } from './command.js';
import { readValidationFile, reportInputs, VALIDATION_CAMPAIGN_INPUT } from './report-inputs.js';

export interface ReconcileInput {
  /** Undefined: the config's targets.default, else 90 %. */
  target: number | undefined;
  validationFile: string;
  databaseUrl: string;
  token: string;
  configPath: string | undefined;
  labels: string[];
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
        description:
          'Target for retries compare has not seen yet (default: config targets.default, else 90%)',
        cliAlias: 'target',
      },
      'validation-campaign': VALIDATION_CAMPAIGN_INPUT,
      ...reportInputs('Token for PR comments and diagnosis issues (default: GITHUB_TOKEN)'),
    },
    parse: (inputs, io) => parseReconcileInput(inputs, io),
    run: (input, io) => runReconcile(input, io, deps),
  });
}

export const reconcileCommand = createReconcileCommand();

function parseReconcileInput(inputs: InputSource, io: CommandIO): ReconcileInput {
  const databaseUrl = readDatabaseUrl(inputs, io);
  const token = tokenFrom(inputs, io);
  if (!token) {
    throw new InputError(
      'Missing github-token: reconcile comments on pull requests and updates diagnosis issues (pass --github-token or set GITHUB_TOKEN)',
    );
  }
  return {
    target: optionalTargetRate(inputs),
    validationFile: readValidationFile(inputs),
    databaseUrl,
    token,
    configPath: inputs.get('config'),
    labels: readLabels(inputs),
  };
}

async function runReconcile(
  input: ReconcileInput,
  io: CommandIO,
  deps: ReportDependencies,
): Promise<number> {
  return withReportContext({ command: 'reconcile', ...input }, io, deps, async (ctx) => {
    const repository = repositoryOf(ctx.github!);
    const opened = await openReportsForRuns(
      ctx.db,
      repository,
      defaultTarget(input.target, ctx.config.targets.default),
    );
    const reports = await listOpenReports(ctx.db, repository);
    io.logger.info(
      `${reports.length} open retr${reports.length === 1 ? 'y' : 'ies'} in ${repository}${opened ? ` (${opened} new)` : ''}.`,
    );
    const results: ReconcileResult[] = [];
    for (const report of reports) {
      results.push(
        await io.logger.group(`Retry campaign ${report.retryCampaignId}`, () =>
          reconcileSafely(ctx, report),
        ),
      );
    }
    setReconcileOutputs(io, results, await validationWorkers(ctx, results));
    const table = reconcileSummary(results);
    io.print(table);
    await io.appendSummary(`### Reconcile ${plainText(repository)}\n\n${table}`);
    return results.some((r) => r.action === 'error') ? 1 : 0;
  });
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
