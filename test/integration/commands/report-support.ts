/**
 * Shared setup of the compare / finalize / reconcile tests: a real PostgreSQL with the upstream
 * schema, the GitHub emulator, the demo campaign as the previous campaign, a diagnosis issue written
 * by the real analyze command, a merged fix PR, a retry enqueued once per merge (retry_runs), and
 * simulated workers that play the failure model with a fix applied.
 */
import type { AnyCommand } from '../../../src/commands/command.js';
import { createAnalyzeCommand } from '../../../src/commands/analyze.js';
import { createCompareCommand } from '../../../src/commands/compare.js';
import { createFinalizeCommand } from '../../../src/commands/finalize.js';
import { createReconcileCommand } from '../../../src/commands/reconcile.js';
import type { ReportDependencies } from '../../../src/loop/report-context.js';
import { runCommand } from '../../../src/commands/run-command.js';
import { retryCampaignName } from '../../../src/core/campaign/retry.js';
import { combinationKey } from '../../../src/core/grouping.js';
import { isPlainObject } from '../../../src/core/json.js';
import type { EvalDatabase } from '../../../src/db/pool.js';
import { ensureProductSchema } from '../../../src/db/product-schema.js';
import { enqueueRetryOnce } from '../../../src/db/retry-runs.js';
import {
  profileAfterFix,
  profileFor,
  seededRandom,
  simulateTrial,
} from '../../../src/demo/failure-model.js';
import { runSimulatedWorker } from '../../../src/demo/simulated-worker.js';
import { createGitHubClient } from '../../../src/github/client.js';
import type { MemoryLogger } from '../../../src/logger.js';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { inputSource, recordingIO } from '../../support/command-io.js';

export const OWNER = 'octo-org';
export const REPO = 'octo-repo';
const SERIES = 'tikv-all-chaos-cloud';
/** The demo campaign, used as the full validation campaign (path relative to the repository). */
export const VALIDATION_FILE = 'campaigns/tikv-all-chaos-cloud.yaml';
/** Every chaos type of the demo campaign: a fix of all of them passes the validation. */
export const ALL_TYPES = new Set([
  'node_kill',
  'latency',
  'network_partition',
  'process_pause',
  'packet_loss',
  'asymmetric_partition',
  'pd_leader_kill',
  'leader_concentration',
]);

const NO_PACING: ReportDependencies = {
  createGitHubClient: (options) =>
    createGitHubClient({
      ...options,
      retryDelayUnitMs: 1,
      pacing: { writeMinTimeMs: 0, notificationMinTimeMs: 0, searchMinTimeMs: 0 },
    }),
};

/** The real commands, with GitHub's request pacing off (tests only). */
const REPORT_COMMANDS = new Map<string, AnyCommand>([
  ['analyze', createAnalyzeCommand({ ...NO_PACING, now: () => new Date() }) as AnyCommand],
  ['compare', createCompareCommand(NO_PACING) as AnyCommand],
  ['finalize', createFinalizeCommand(NO_PACING) as AnyCommand],
  ['reconcile', createReconcileCommand(NO_PACING) as AnyCommand],
]);

export interface ReportRun {
  code: number;
  error: Error | undefined;
  outputs: Record<string, string>;
  summary: string;
  printed: string;
  logger: MemoryLogger;
  log: string;
}

export function githubEnv(gh: GitHubEmulator, runId = '4242'): NodeJS.ProcessEnv {
  return {
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: runId,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
  };
}

/** Top-up off; a test of adaptive top-up passes its own `config` (or `config: undefined`). */
const ONE_LOOK_CONFIG = 'test/fixtures/config/one-look.yml';

export async function runReport(
  name: string,
  given: Record<string, string | undefined>,
  env: NodeJS.ProcessEnv,
): Promise<ReportRun> {
  const inputs = 'config' in given ? given : { config: ONE_LOOK_CONFIG, ...given };
  const { io, masker, logger, outputs, summary, printed } = recordingIO({
    surface: 'action',
    env: { PATH: process.env.PATH, ...env },
  });
  let code = 1;
  let error: Error | undefined;
  try {
    code = await runCommand(REPORT_COMMANDS, name, inputSource(inputs), io);
  } catch (caught) {
    error = caught as Error;
    logger.error(masker.mask(error.message));
  }
  return {
    code,
    error,
    outputs,
    summary: summary.join('\n'),
    printed: printed.join('\n'),
    logger,
    log: `${logger.text()}\n${printed.join('\n')}`,
  };
}

export interface Diagnosis {
  issueNumber: number;
  failing: { chaos_type: string; params: Record<string, unknown> }[];
}

/** The diagnosis issue of `campaignId`, written by the real analyze command. */
export async function diagnose(
  gh: GitHubEmulator,
  databaseUrl: string,
  campaignId: number,
): Promise<Diagnosis> {
  const run = await runReport(
    'analyze',
    {
      'campaign-id': String(campaignId),
      'database-url': databaseUrl,
      'github-token': gh.token,
      output: 'issue',
    },
    githubEnv(gh),
  );
  if (run.error) throw run.error;
  return {
    issueNumber: Number(run.outputs['issue-number']),
    failing: JSON.parse(run.outputs['failing-chaos-types']!) as Diagnosis['failing'],
  };
}

let branches = 0;

/** A fix PR saying "Fixes #issue", merged into main; its number and merge SHA. */
export function mergedFix(
  gh: GitHubEmulator,
  issueNumber: number,
): { number: number; sha: string } {
  const head = `fix-invariant-${++branches}-${Date.now()}`;
  gh.state.commitFiles(OWNER, REPO, {
    branch: head,
    files: { [`subjects/tikv/observer/src/tikv_observer/invariants_${branches}.py`]: 'x = 1\n' },
  });
  const pull = gh.state.createPull(OWNER, REPO, {
    head,
    title: 'Fix the partition invariant',
    body: `Fixes #${issueNumber}`,
    user: 'octocat',
  });
  return { number: pull.number, sha: gh.state.mergePull(OWNER, REPO, pull.number) };
}

export interface RetrySetup {
  previousCampaignId: number;
  prNumber: number;
  mergeSha: string;
  issueNumber: number | null;
  failing: { chaos_type: string; params: Record<string, unknown> }[];
  repository?: string;
}

/** The targeted retry, 3 trials per failing combination, recorded in retry_runs. */
export async function enqueueRetry(db: EvalDatabase, setup: RetrySetup): Promise<number> {
  await ensureProductSchema(db);
  const items = setup.failing.flatMap((f) =>
    [0, 1, 2].map(() => ({ subjectType: 'tikv', chaosType: f.chaos_type, chaosParams: f.params })),
  );
  const outcome = await enqueueRetryOnce(
    db,
    {
      repository: setup.repository ?? `${OWNER}/${REPO}`,
      prNumber: setup.prNumber,
      mergeSha: setup.mergeSha,
    },
    {
      previousCampaignId: setup.previousCampaignId,
      diagnosisIssue: setup.issueNumber,
      campaignName: retryCampaignName(SERIES, setup.previousCampaignId),
      operatorImage: `registry.example/eval/operator:${setup.mergeSha.slice(0, 7)}@sha256:${'ab'.repeat(32)}`,
      imageDigests: { operator: `sha256:${'ab'.repeat(32)}` },
    },
    {
      name: retryCampaignName(SERIES, setup.previousCampaignId),
      subjects: ['tikv'],
      includeBaseline: false,
      continuous: false,
      variant: 'default',
      gitCommitHash: setup.mergeSha,
      items,
    },
  );
  return outcome.run.retryCampaignId;
}

/**
 * Runs every pending item of the campaign through simulated workers: the k-th trial of a
 * combination follows the failure model's k-th profile, except that the chaos types in `fixed` now
 * succeed and those in `broken` now never get a ticket.
 */
export async function runFixedWorkers(
  db: EvalDatabase,
  campaignId: number,
  fixed: ReadonlySet<string>,
  options: { workers?: number; broken?: ReadonlySet<string> } = {},
): Promise<void> {
  const workers = options.workers ?? 2;
  const ordinals = new Map<string, number>();
  const random = seededRandom(campaignId);
  await Promise.all(
    Array.from({ length: workers }, (_, i) =>
      runSimulatedWorker({
        db,
        workerId: `c${campaignId}-${i + 1}`,
        campaignId,
        startAt: new Date(Date.UTC(2026, 2, 1, 12, i)),
        cooldownSeconds: 10,
        simulate: (item, start) => {
          const params = isPlainObject(item.chaosParams) ? item.chaosParams : {};
          const key = combinationKey({ chaosType: item.chaosType, params });
          const ordinal = ordinals.get(key) ?? 0;
          ordinals.set(key, ordinal + 1);
          const profile = options.broken?.has(item.chaosType)
            ? 'no-ticket'
            : profileAfterFix(profileFor(item.chaosType, params, ordinal), item.chaosType, fixed);
          return simulateTrial(profile, item.chaosType, params, start, random);
        },
      }),
    ),
  );
}

/** Rows of the product's report table, for assertions. */
export async function reportRow(db: EvalDatabase, retryCampaignId: number) {
  const { rows } = await db.query({
    text: 'SELECT * FROM iterate_campaign.retry_reports WHERE retry_campaign_id = $1',
    values: [retryCampaignId],
  });
  return rows[0] as Record<string, unknown> | undefined;
}
