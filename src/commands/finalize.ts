/**
 * `finalize`: once a retry reached the target, run the full validation campaign with the new images
 * (enqueued once, in the transaction that records it), and once that campaign has finished and
 * meets the target too, mark it notable with a note (as `eval notable` / `eval note` do), close the
 * diagnosis issue with a summary and bring the PR comment to its last revision. Each call advances
 * as far as the database allows, so running it again (or reconcile) resumes.
 */
import { plainText } from '../core/markdown/index.js';
import { findReport } from '../db/retry-reports.js';
import type { RetryRun } from '../db/retry-runs.js';
import { advanceFinalization, validationStatusOf, type FinalizeOutcome } from '../loop/finalize.js';
import {
  DEFAULT_REPORT_DEPENDENCIES,
  retryRunOf,
  type ReportDependencies,
  withReportContext,
} from '../loop/report-context.js';
import { workerIndexes } from '../loop/retry.js';
import type { CommandIO, InputSource } from './command.js';
import { readDatabaseUrl, tokenFrom, requiredId, readLabels } from './common-inputs.js';
import { defineCommand } from './command.js';
import { readValidationFile, reportInputs, VALIDATION_CAMPAIGN_INPUT } from './report-inputs.js';

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
      'validation-campaign': VALIDATION_CAMPAIGN_INPUT,
      ...reportInputs('Token for the PR comment and the diagnosis issue (default: GITHUB_TOKEN)'),
    },
    parse: (inputs, io) => parseFinalizeInput(inputs, io),
    run: (input, io) => runFinalize(input, io, deps),
  });
}

export const finalizeCommand = createFinalizeCommand();

function parseFinalizeInput(inputs: InputSource, io: CommandIO): FinalizeInput {
  const retryCampaignId = requiredId(
    inputs,
    'retry-campaign-id',
    'give the retry campaign compare reported',
  );
  const databaseUrl = readDatabaseUrl(inputs, io);
  const token = tokenFrom(inputs, io);
  return {
    retryCampaignId,
    validationFile: readValidationFile(inputs),
    databaseUrl,
    token,
    configPath: inputs.get('config'),
    labels: readLabels(inputs),
  };
}

async function runFinalize(
  input: FinalizeInput,
  io: CommandIO,
  deps: ReportDependencies,
): Promise<number> {
  return withReportContext({ command: 'finalize', ...input }, io, deps, async (ctx) => {
    const report = await findReport(ctx.db, input.retryCampaignId);
    if (!report) {
      throw new Error(
        `Retry campaign ${input.retryCampaignId} has not been compared yet: run compare (or let reconcile report it) first`,
      );
    }
    const outcome = await advanceFinalization(ctx, report);
    const run = await retryRunOf(ctx.db, report.retryCampaignId);
    setFinalizeOutputs(io, outcome, run, ctx.config.retry.parallel);
    const text = describeFinalization(outcome);
    io.print(text);
    await io.appendSummary(
      `### Finalize retry campaign ${report.retryCampaignId}\n\n${plainText(text)}`,
    );
    return 0;
  });
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

function describeFinalization(outcome: FinalizeOutcome): string {
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
