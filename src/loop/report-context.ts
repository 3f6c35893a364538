/**
 * What compare, finalize and reconcile share: the database and GitHub handles of one run, the
 * comparison of a retry with the campaign it retried, the sticky PR comment and the diagnosis
 * issue's iteration. Everything is re-derived from the database, so any of the three commands can
 * pick up where another one stopped.
 */
import { markFlakyFixes } from '../loop/flaky-fixes.js';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { CampaignAnalysis } from '../core/analysis.js';
import { compareCampaigns, type Comparison } from '../core/compare.js';
import type { ProjectConfig } from '../core/config.js';
import { readDiagnosisState } from '../core/diagnosis-state.js';
import {
  describeTotals,
  formatDuration,
  isFinished,
  staleItems,
  totalsOf,
  type ProgressTotals,
} from '../core/progress.js';
import type { ComparisonContext, TestedImage } from '../core/render-comparison.js';
import {
  commentRevision,
  nextStep,
  renderRetryComment,
  type CommentStage,
  type RetryCommentInput,
  type ValidationState,
} from '../core/retry-report.js';
import { readProgress } from '../db/campaign-progress.js';
import { createEvalReader } from '../db/eval-reader.js';
import { openEvalDatabase, type EvalDatabase } from '../db/pool.js';
import {
  ensureRetryReportsSchema,
  recordComment,
  withCommentLock,
  type RetryReport,
} from '../db/retry-reports.js';
import { findRetryRunByCampaign, type RetryRun } from '../db/retry-runs.js';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import {
  resolveBotIdentity,
  syncDiagnosisIssue,
  type BotIdentity,
  type DiagnosisIssueOutcome,
} from '../github/diagnosis-issue.js';
import { clarifyGitHubFailure, describeGitHubError, isGoneOrNotFound } from '../github/errors.js';
import { repositorySlug, type RepoContext } from '../github/repo-context.js';
import { botTargetOf, openGitHubSession, type CreateGitHubClient } from '../github/session.js';
import { upsertStickyComment, type StickyOutcome } from '../github/sticky-comment.js';
import type { CommandIO } from '../command-io.js';
import { loadProjectConfig } from '../config/project-config.js';
import { loadCampaignAnalysis, retryYamlFor } from './analyze-campaign.js';
import { poolAnalyses, trialBudget } from '../core/top-up.js';
import { listTopUps, type TopUp } from '../db/top-ups.js';

/** Upstream's full campaign, run to validate a fix (iterate-campaign skill, step 8). */
export { DEFAULT_VALIDATION_CAMPAIGN } from '../core/config.js';

/** Running items older than this are flagged as probably orphaned (upstream's release-stale default). */
const STALE_AFTER_SECONDS = 3600;

export interface ReportGitHub {
  client: GitHubClient;
  context: RepoContext;
  identity: BotIdentity;
}

export interface ReportContext {
  db: EvalDatabase;
  io: CommandIO;
  config: ProjectConfig;
  github: ReportGitHub | undefined;
  /** Labels of the diagnosis issue; the first one finds it. */
  labels: string[];
  /** Who holds a report's lease: the command, the workflow run and the process. */
  leaseOwner: string;
  /** The validation campaign file, as given (relative to the workspace). */
  validationFile: string;
}

function leaseOwnerFor(command: string, env: NodeJS.ProcessEnv): string {
  const run = env.GITHUB_RUN_ID ? ` run ${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}` : '';
  return `${command}${run} ${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** What the report commands take from outside; tests swap the client for one without pacing. */
export interface ReportDependencies {
  createGitHubClient: CreateGitHubClient;
}

export const DEFAULT_REPORT_DEPENDENCIES: ReportDependencies = { createGitHubClient };

/** What compare, finalize and reconcile write: the diagnosis issue and the PR comment. */
export const REPORT_PERMISSIONS = 'issues: write, pull-requests: write';

async function openReportGitHub(
  io: CommandIO,
  token: string,
  purpose: string,
  deps: ReportDependencies = DEFAULT_REPORT_DEPENDENCIES,
): Promise<ReportGitHub> {
  io.masker.add(token);
  const { client, context } = openGitHubSession({
    token,
    env: io.env,
    purpose,
    logger: io.logger,
    createClient: deps.createGitHubClient,
  });
  return {
    client,
    context,
    identity: await resolveBotIdentity(client, io.env.ITERATE_CAMPAIGN_BOT_LOGIN),
  };
}

export interface ReportRun {
  /** The command, for the lease owner and the GitHub purpose. */
  command: string;
  configPath: string | undefined;
  databaseUrl: string;
  /** Without one, nothing is written to GitHub. */
  token: string | undefined;
  labels: string[];
  validationFile: string;
  /** Without a token the command only reads: the reports table is not created. */
  readOnlyWithoutToken?: boolean;
}

/**
 * Runs `work` with what a report command stands on: the project config, GitHub when there is a
 * token, and the eval database (its reports table ensured), closed afterwards. A GitHub failure
 * comes out as one line naming the permissions the job needs.
 */
export async function withReportContext<T>(
  run: ReportRun,
  io: CommandIO,
  deps: ReportDependencies,
  work: (ctx: ReportContext) => Promise<T>,
): Promise<T> {
  const config = await loadProjectConfig(run.configPath, io.cwd);
  const github = run.token ? await openReportGitHub(io, run.token, run.command, deps) : undefined;
  const db = await openEvalDatabase(run.databaseUrl, {
    log: (m) => io.logger.warning(m),
    signal: io.signal,
  });
  try {
    if (github || !run.readOnlyWithoutToken) await ensureRetryReportsSchema(db);
    return await work({
      db,
      io,
      config,
      github,
      labels: run.labels,
      leaseOwner: leaseOwnerFor(run.command, io.env),
      validationFile: run.validationFile,
    });
  } catch (error) {
    throw clarifyGitHubFailure(error, {
      secrets: run.token ? [run.token] : [],
      permissions: REPORT_PERMISSIONS,
    });
  } finally {
    await db.close();
  }
}

export function repositoryOf(github: ReportGitHub): string {
  return repositorySlug(github.context).toLowerCase();
}

// ── campaigns ──────────────────────────────────────────────────────────────────────────────────

export interface CampaignProgress {
  finished: boolean;
  totals: ProgressTotals;
  /** One line: totals, and the items whose worker is probably gone. */
  line: string;
}

export async function campaignProgress(
  db: EvalDatabase,
  campaignId: number,
): Promise<CampaignProgress> {
  const snapshot = await readProgress(db, campaignId);
  const totals = totalsOf(snapshot);
  const stale = staleItems(snapshot, STALE_AFTER_SECONDS).map(
    (item) =>
      `item ${item.workId} (${item.chaosType}) running on ${item.workerId ?? 'an unknown worker'} for ${formatDuration(item.runningSeconds)}, probably orphaned: \`eval worker release-stale --remote\` requeues it`,
  );
  const line =
    totals.total === 0
      ? `campaign ${campaignId} has no work items`
      : `campaign ${campaignId}: ${describeTotals(totals)}${stale.length ? `; ${stale.join('; ')}` : ''}`;
  return { finished: isFinished(totals), totals, line };
}

export interface RetryComparison {
  comparison: Comparison;
  before: CampaignAnalysis;
  /** The retry and its finished top-up rounds, pooled. */
  after: CampaignAnalysis;
  topUps: TopUp[];
}

/**
 * The retry (and its top-up rounds, pooled) against the campaign it retried, each combination
 * decided with the config's trial budget and its chaos type's target.
 */
export async function loadRetryComparison(
  ctx: Pick<ReportContext, 'db' | 'config'>,
  previousCampaignId: number,
  retryCampaignId: number,
  target: number,
): Promise<RetryComparison> {
  const options = { target, targets: ctx.config.targets.byChaosType, causes: ctx.config.causes };
  const before = await loadCampaignAnalysis(ctx.db, previousCampaignId, options);
  const retry = await loadCampaignAnalysis(ctx.db, retryCampaignId, options);
  const topUps = await listTopUps(ctx.db, retryCampaignId);
  const rounds = [];
  for (const t of topUps) rounds.push(await loadCampaignAnalysis(ctx.db, t.campaignId, options));
  const after = poolAnalyses(retry, rounds);
  const comparison = compareCampaigns(before, after, target, {
    budget: trialBudget(ctx.config.retry),
    targets: ctx.config.targets.byChaosType,
  });
  const budget = trialBudget(ctx.config.retry);
  if (budget || topUps.length) {
    comparison.top_up = {
      rounds: topUps.map((t) => ({ round: t.round, campaign_id: t.campaignId })),
      max_trials: budget?.maxTrials ?? null,
    };
  }
  await markFlakyFixes(ctx.db, comparison, before, ctx.config.causes);
  return { comparison, before, after, topUps };
}

/** The retry run that enqueued the campaign, when this product enqueued it. */
export async function retryRunOf(db: EvalDatabase, campaignId: number): Promise<RetryRun | null> {
  try {
    return await findRetryRunByCampaign(db, campaignId);
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return null; // no product schema yet
    throw error;
  }
}

/** The operator image and every pushed digest the retry recorded. */
export function testedImages(
  run: Pick<RetryRun, 'operatorImage' | 'imageDigests'> | null,
): TestedImage[] {
  if (!run) return [];
  const images: TestedImage[] = [];
  if (run.operatorImage) {
    const [reference, digest] = run.operatorImage.split('@');
    images.push({
      name: 'operator',
      reference: reference!,
      ...(digest || run.imageDigests.operator
        ? { digest: digest ?? run.imageDigests.operator }
        : {}),
    });
  }
  for (const [name, digest] of Object.entries(run.imageDigests)) {
    if (name !== 'operator') images.push({ name, reference: '(built for this merge)', digest });
  }
  return images;
}

/** The PR comment / job summary of a retry, at the validation stage when one is given. */
export function renderReportComment(
  ctx: Pick<ReportContext, 'github' | 'validationFile'>,
  loaded: RetryComparison,
  run: RetryRun | null,
  issueNumber: number | undefined,
  validation?: ValidationState,
): string {
  return renderRetryComment({
    comparison: loaded.comparison,
    ...reportParts(ctx, run, issueNumber, validation),
  });
}

/** What the terminal shows beside a comparison: the comment's images, links and next step. */
export function reportTextContext(
  ctx: Pick<ReportContext, 'github' | 'validationFile'>,
  loaded: RetryComparison,
  run: RetryRun | null,
  issueNumber: number | undefined,
): ComparisonContext {
  const { context, next } = reportParts(ctx, run, issueNumber);
  return { ...context, nextStep: nextStep(loaded.comparison, next) };
}

function reportParts(
  ctx: Pick<ReportContext, 'github' | 'validationFile'>,
  run: RetryRun | null,
  issueNumber: number | undefined,
  validation?: ValidationState,
): Pick<RetryCommentInput, 'context' | 'next'> {
  const runUrl = ctx.github?.context.runUrl;
  return {
    context: {
      images: testedImages(run),
      ...(issueNumber ? { issueNumber } : {}),
      ...(runUrl ? { runUrl } : {}),
    },
    next: {
      validationFile: ctx.validationFile,
      ...(issueNumber ? { issueNumber } : {}),
      ...(validation ? { validation } : {}),
    },
  };
}

// ── GitHub writes ──────────────────────────────────────────────────────────────────────────────

/**
 * Writes the PR's sticky comment at this stage's revision, serialized per PR with the database
 * lock, and records it. Undefined when there is no PR or no GitHub access.
 */
export async function publishRetryComment(
  ctx: ReportContext,
  report: RetryReport,
  stage: CommentStage,
  body: string,
): Promise<StickyOutcome | undefined> {
  const { github } = ctx;
  if (!github || report.prNumber === null) {
    ctx.io.logger.info('No pull request to comment on: the report is in the job summary only.');
    return undefined;
  }
  const revision = commentRevision(report.retryCampaignId, stage);
  const prNumber = report.prNumber;
  const outcome = await withCommentLock(ctx.db, report.repository, prNumber, () =>
    upsertStickyComment(botTargetOf(github, github.identity, ctx.io.logger), {
      prNumber,
      revision,
      body,
      ...(github.context.runUrl ? { fullReportUrl: github.context.runUrl } : {}),
    }),
  );
  if (outcome.commentId !== undefined && outcome.revision !== undefined) {
    await recordComment(ctx.db, report.retryCampaignId, outcome.commentId, outcome.revision);
  }
  ctx.io.logger.info(describeComment(outcome, prNumber));
  return outcome;
}

export function describeComment(
  outcome: StickyOutcome | undefined,
  prNumber: number | null,
): string {
  if (!outcome) return 'No PR comment.';
  const where = outcome.url ? ` (${outcome.url})` : '';
  const text: Record<StickyOutcome['action'], string> = {
    created: `Commented on #${prNumber}${where} at revision ${outcome.revision}.`,
    updated: `Updated the comment on #${prNumber}${where} to revision ${outcome.revision}.`,
    unchanged: `The comment on #${prNumber}${where} is already at revision ${outcome.revision}.`,
    'kept-newer': `The comment on #${prNumber}${where} shows a newer revision (${outcome.revision}); left as is.`,
    'pr-gone': `Pull request #${prNumber} is gone; no comment.`,
  };
  return text[outcome.action];
}

export interface IterationOptions {
  /** A targeted retry never closes the issue; the validation campaign may. */
  keepOpen: boolean;
  closeNote?: string;
}

/**
 * Appends `analysis` to the diagnosis issue's history under the series the retry answers, as a
 * new iteration (its failures become the next diagnosis). Undefined without GitHub access.
 */
export async function recordIteration(
  ctx: ReportContext,
  report: RetryReport,
  analysis: CampaignAnalysis,
  options: IterationOptions,
): Promise<DiagnosisIssueOutcome | undefined> {
  const { github } = ctx;
  if (!github) return undefined;
  const series = await seriesOf(ctx, report);
  const target = { ...botTargetOf(github, github.identity, ctx.io.logger), labels: ctx.labels };
  const outcome = await syncDiagnosisIssue(target, {
    analysis,
    series,
    keepOpen: options.keepOpen,
    dryRun: false,
    ...(options.closeNote ? { closeNote: options.closeNote } : {}),
    ...(github.context.runUrl ? { runUrl: github.context.runUrl } : {}),
    ...(analysis.failing.length
      ? { retryYaml: retryYamlFor(analysis, ctx.config, undefined) }
      : {}),
    handoff: { testSuites: ctx.config.images.map.tests },
  });
  const which = outcome.issue ? `#${outcome.issue.number}` : 'none';
  ctx.io.logger.info(
    `Diagnosis issue of '${series}' (${which}): ${outcome.action} — ${outcome.reason}.`,
  );
  return outcome;
}

/**
 * The series of the diagnosis the retry answers: read from the linked issue's state block when the
 * bot wrote it, else the previous campaign's name.
 */
async function seriesOf(ctx: ReportContext, report: RetryReport): Promise<string> {
  const fromIssue = report.diagnosisIssue
    ? await issueSeries(ctx, report.diagnosisIssue)
    : undefined;
  if (fromIssue) return fromIssue;
  const previous = await createEvalReader(ctx.db).getCampaign(report.previousCampaignId);
  if (!previous)
    throw new Error(`Campaign ${report.previousCampaignId} does not exist in ${ctx.db.target}`);
  return previous.name;
}

async function issueSeries(ctx: ReportContext, issueNumber: number): Promise<string | undefined> {
  const github = ctx.github!;
  try {
    const { data } = await github.client.rest.issues.get({
      owner: github.context.owner,
      repo: github.context.repo,
      issue_number: issueNumber,
    });
    if (data.user?.login.toLowerCase() !== github.identity.login.toLowerCase()) return undefined;
    const state = readDiagnosisState(data.body);
    return state.kind === 'ok' ? state.state.series : undefined;
  } catch (error) {
    if (!isGoneOrNotFound(error)) throw error;
    ctx.io.logger.warning(
      `Diagnosis issue #${issueNumber} is gone (${describeGitHubError(error)}).`,
    );
    return undefined;
  }
}
