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
import { loadProjectConfig } from '../config/project-config.js';
import { openEvalDatabase } from '../db/pool.js';
import {
  ensureRetryReportsSchema,
  listOpenReports,
  openReportsForRuns,
} from '../db/retry-reports.js';
import {
  reconcileSafely,
  validationWorkers,
  type ReconcileResult,
  type ValidationWorker,
} from '../loop/reconcile.js';
import {
  DEFAULT_VALIDATION_CAMPAIGN,
  leaseOwnerFor,
  DEFAULT_REPORT_DEPENDENCIES,
  openReportGitHub,
  repositoryOf,
  type ReportContext,
  type ReportDependencies,
} from '../loop/report-context.js';
import type { CommandIO, InputSource } from './command.js';
import {
  DATABASE_URL_INPUT,
  CONFIG_INPUT,
  readDatabaseUrl,
  DIAGNOSIS_LABELS_INPUT,
  DEFAULT_LABELS,
  parseLabels,
  parseWorkspaceFile,
  tokenFrom,
  optionalTargetRate,
} from './common-inputs.js';
import { defineCommand } from './command.js';

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
  const token = tokenFrom(inputs, io);
  if (!token) {
    throw new InputError(
      'Missing github-token: reconcile comments on pull requests and updates diagnosis issues (pass --github-token or set GITHUB_TOKEN)',
    );
  }
  return {
    target: optionalTargetRate(inputs),
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
    const opened = await openReportsForRuns(
      db,
      repository,
      defaultTarget(input.target, config.targets.default),
    );
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
    const table = reconcileSummary(results);
    io.print(table);
    await io.appendSummary(`### Reconcile ${plainText(repository)}\n\n${table}`);
    return results.some((r) => r.action === 'error') ? 1 : 0;
  } finally {
    await db.close();
  }
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
