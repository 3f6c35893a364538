/**
 * The one diagnosis issue per campaign series: found by its hidden marker and the bot's identity
 * over a label-filtered issue listing (never the Search API, whose index lags), then created,
 * updated, closed or reopened as `decideDiagnosisAction` says. Every write is idempotent: bodies are
 * compared before a PATCH, comments carry a marker and are looked up before posting, and a create
 * that failed ambiguously (5xx, timeout) is re-read before it is retried once.
 */
import type { HandoffOptions } from '../core/handoff.js';
import type { CampaignAnalysis } from '../core/analysis.js';
import {
  closeComment,
  decideDiagnosisAction,
  diagnosisIssueTitle,
  duplicateComment,
  hasDiagnosisMarker,
  nextDiagnosisState,
  readDiagnosisState,
  renderDiagnosisIssueBody,
  reopenComment,
  verdictOf,
  withRevision,
  type DiagnosisAction,
  type DiagnosisDecision,
  type DiagnosisState,
  type ExistingDiagnosis,
} from '../core/diagnosis-state.js';
import type { ClientLogger, GitHubClient } from './client.js';
import { describeGitHubError, githubStatus, isAmbiguousWriteFailure } from './errors.js';

/** Who the token acts as. GITHUB_TOKEN cannot read `GET /user` (403): it is github-actions[bot]. */
export interface BotIdentity {
  login: string;
  /** True when `GET /user` confirmed the login (a PAT); false when assumed for GITHUB_TOKEN. */
  confirmed: boolean;
}

export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

export interface DiagnosisIssueTarget {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** Put on the issue; the first one is the lookup filter. */
  labels: readonly string[];
  identity: BotIdentity;
  logger: ClientLogger;
}

export interface DiagnosisIssueRequest {
  analysis: CampaignAnalysis;
  retryYaml?: string;
  runUrl?: string;
  /** Read and decide, but write nothing. */
  dryRun: boolean;
  /**
   * The series whose issue records this analysis; default the campaign's name. A retry or
   * validation campaign reports under the series of the diagnosis it answers.
   */
  series?: string;
  /**
   * Record an analysis that meets the target without closing the issue: a targeted retry reaching
   * the target is an iteration, only the full validation campaign closes the issue.
   */
  keepOpen?: boolean;
  /** Appended to the comment posted when this analysis closes the issue. */
  closeNote?: string;
  /** Ends the body with "For a coding agent"; the issue number is filled in once known. */
  handoff?: Omit<HandoffOptions, 'issueNumber'>;
  /** Labels added when the issue is created or updated (e.g. one that triggers an agent workflow). */
  extraLabels?: string[];
}

/** The series a request writes to. */
function seriesOf(request: Pick<DiagnosisIssueRequest, 'analysis' | 'series'>): string {
  return request.series ?? request.analysis.campaign.name;
}

interface IssueRef {
  number: number;
  url: string;
  state: 'open' | 'closed';
}

export interface DiagnosisIssueOutcome {
  action: DiagnosisAction;
  reason: string;
  /** The series' issue after this run; undefined when there is none (yet, in a dry run). */
  issue: IssueRef | undefined;
  /** The body written, or that a dry run would write; undefined when the body is not touched. */
  body: string | undefined;
  /** True when something was written to GitHub. */
  written: boolean;
}

interface SeriesIssue extends IssueRef {
  body: string;
  stateReason: string | null;
}

const LABEL_COLOR = '5319e7';
const LABEL_DESCRIPTION = 'Diagnosis of a chaos-evaluation campaign series (iterate-campaign)';

/**
 * Whose issues and comments are ours. `GET /user` names a PAT's user; GITHUB_TOKEN (and a GitHub
 * App's installation token) get 403 there, so GITHUB_TOKEN's `github-actions[bot]` is assumed —
 * an App token must name its bot with ITERATE_CAMPAIGN_BOT_LOGIN (e.g. `my-app[bot]`).
 */
export async function resolveBotIdentity(
  client: GitHubClient,
  configuredLogin?: string,
): Promise<BotIdentity> {
  const configured = configuredLogin?.trim();
  if (configured) {
    if (!BOT_LOGIN.test(configured)) {
      throw new Error(
        `Invalid ITERATE_CAMPAIGN_BOT_LOGIN: '${configured.slice(0, 60)}' — expected a GitHub login such as my-app[bot]`,
      );
    }
    return { login: configured, confirmed: true };
  }
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { login: data.login, confirmed: true };
  } catch (error) {
    if (githubStatus(error) === 403) return { login: GITHUB_ACTIONS_LOGIN, confirmed: false };
    throw error;
  }
}

const BOT_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

export async function syncDiagnosisIssue(
  target: DiagnosisIssueTarget,
  request: DiagnosisIssueRequest,
): Promise<DiagnosisIssueOutcome> {
  return sync(target, request, { afterRace: false });
}

async function sync(
  target: DiagnosisIssueTarget,
  request: DiagnosisIssueRequest,
  options: { afterRace: boolean },
): Promise<DiagnosisIssueOutcome> {
  const series = seriesOf(request);
  const primary = await keepOneSeriesIssue(target, series, request.dryRun);
  const plan = planWrite(primary, request, target.logger);
  const { action, reason } = plan.decision;
  if (plan.body === undefined || request.dryRun) {
    return { action, reason, issue: primary && refOf(primary), body: plan.body, written: false };
  }
  if (action === 'create') return createAndSettle(target, request, plan, options.afterRace);
  const issue = await applyDecision(target, primary!, action, plan.body, request);
  if (request.extraLabels?.length && issue.state === 'open') {
    await target.client.rest.issues.addLabels({
      owner: target.owner,
      repo: target.repo,
      issue_number: issue.number,
      labels: [...request.extraLabels],
    });
  }
  return { action, reason, issue, body: plan.body, written: true };
}

/** With `keepOpen`, a decision to close becomes an update that records the passing iteration. */
function keptOpenIf(keepOpen: boolean | undefined, decision: DiagnosisDecision): DiagnosisDecision {
  if (!keepOpen || decision.action !== 'close') return decision;
  return {
    action: 'update',
    reason: `${decision.reason}; the issue stays open until the full validation campaign passes`,
  };
}

interface WritePlan {
  decision: DiagnosisDecision;
  /** The body to write; undefined when the issue is left as is. */
  body: string | undefined;
  /** The same body with the issue's number in the hand-off, for a newly created issue. */
  bodyFor?: (issueNumber: number) => string;
}

/** The decision and the body it writes; an update that would change nothing writes nothing. */
function planWrite(
  primary: SeriesIssue | undefined,
  request: DiagnosisIssueRequest,
  logger: ClientLogger,
): WritePlan {
  const series = seriesOf(request);
  const existing = primary ? existingDiagnosis(primary, series, logger) : undefined;
  const decision = keptOpenIf(
    request.keepOpen,
    decideDiagnosisAction(existing, verdictOf(request.analysis)),
  );
  if (decision.action === 'nothing' || decision.action === 'skip-older') {
    return { decision, body: undefined };
  }
  const state = {
    ...nextDiagnosisState(existing?.state, request.analysis, request.runUrl),
    series,
  };
  const render = (s: DiagnosisState, issueNumber = primary?.number) =>
    renderDiagnosisIssueBody(request.analysis, s, {
      retryYaml: request.retryYaml,
      ...(request.handoff
        ? { handoff: { ...request.handoff, ...(issueNumber ? { issueNumber } : {}) } }
        : {}),
    });
  if (decision.action === 'update' && render(state) === primary?.body) {
    const upToDate = `${decision.reason} (issue #${primary.number} is up to date)`;
    return { decision: { ...decision, reason: upToDate }, body: undefined };
  }
  const next = withRevision(state, state.revision + 1);
  return {
    decision,
    body: render(next),
    ...(request.handoff ? { bodyFor: (n: number) => render(next, n) } : {}),
  };
}

/**
 * Creates the issue, then lists again: when a concurrent run created one too, the lowest number
 * is kept and, if that is not ours, this run's diagnosis is applied to it instead.
 */
async function createAndSettle(
  target: DiagnosisIssueTarget,
  request: DiagnosisIssueRequest,
  plan: WritePlan,
  afterRace: boolean,
): Promise<DiagnosisIssueOutcome> {
  const series = seriesOf(request);
  if (afterRace) {
    throw new Error(`The diagnosis issue of '${series}' vanished after a concurrent create`);
  }
  const created = await createSeriesIssue(target, series, plan.body!);
  const kept = await keepOneSeriesIssue(target, series, false, created);
  if (kept && kept.number !== created.number) return sync(target, request, { afterRace: true });
  const { action, reason } = plan.decision;
  // The hand-off names the issue (`Fixes #N`), known only now.
  const numbered = plan.bodyFor?.(created.number);
  if (numbered !== undefined && numbered !== plan.body) {
    await patchIssue(target, created.number, { body: numbered });
    return { action, reason, issue: refOf(created), body: numbered, written: true };
  }
  return { action, reason, issue: refOf(created), body: plan.body, written: true };
}

function refOf(issue: IssueRef): IssueRef {
  return { number: issue.number, url: issue.url, state: issue.state };
}

function existingDiagnosis(
  issue: SeriesIssue,
  series: string,
  logger: ClientLogger,
): ExistingDiagnosis {
  const read = readDiagnosisState(issue.body, series);
  if (read.kind !== 'ok') {
    const why =
      read.kind === 'absent'
        ? 'has no state block'
        : `has an unreadable state block (${read.reason})`;
    logger.warning(
      `Issue #${issue.number} ${why}; it is rewritten and run ordering cannot be checked this once.`,
    );
  }
  return {
    number: issue.number,
    open: issue.state === 'open',
    state: read.kind === 'ok' ? read.state : undefined,
  };
}

async function applyDecision(
  target: DiagnosisIssueTarget,
  issue: SeriesIssue,
  /** close, reopen or update; create is handled by createAndSettle. */
  action: DiagnosisAction,
  body: string,
  request: DiagnosisIssueRequest,
): Promise<IssueRef> {
  const { analysis } = request;
  if (action === 'close') {
    const note = request.closeNote ? `\n\n${request.closeNote}` : '';
    await ensureComment(target, issue.number, `${closeComment(analysis)}${note}`);
    return patchIssue(target, issue.number, { body, state: 'closed', state_reason: 'completed' });
  }
  if (action === 'reopen') {
    await ensureComment(target, issue.number, reopenComment(analysis));
    return patchIssue(target, issue.number, { body, state: 'open' });
  }
  return patchIssue(target, issue.number, { body });
}

// ── finding ────────────────────────────────────────────────────────────────────────────────────

/**
 * Every issue of the series written by the bot, lowest number first: the label-filtered listing
 * (paginated, pull requests left out), then marker and author checked here. Issues closed as
 * duplicates do not count.
 */
async function listSeriesIssues(
  target: DiagnosisIssueTarget,
  series: string,
): Promise<SeriesIssue[]> {
  const { client, owner, repo, identity } = target;
  const items = await client.paginate(client.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'all',
    labels: target.labels[0],
    ...(identity.confirmed ? { creator: identity.login } : {}),
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  return items
    .filter((item) => !item.pull_request && sameLogin(item.user?.login, identity.login))
    .filter((item) => hasDiagnosisMarker(item.body, series) && item.state_reason !== 'duplicate')
    .map((item) => ({
      number: item.number,
      url: item.html_url,
      state: item.state === 'closed' ? ('closed' as const) : ('open' as const),
      body: item.body ?? '',
      stateReason: item.state_reason ?? null,
    }))
    .sort((a, b) => a.number - b.number);
}

/**
 * The series' issue. When concurrent runs each created one, the lowest number is kept and the
 * others are closed as duplicates (not in a dry run). `justCreated` covers a listing that does not
 * show the new issue yet.
 */
async function keepOneSeriesIssue(
  target: DiagnosisIssueTarget,
  series: string,
  dryRun: boolean,
  justCreated?: SeriesIssue,
): Promise<SeriesIssue | undefined> {
  const listed = await listSeriesIssues(target, series);
  if (justCreated && !listed.some((i) => i.number === justCreated.number)) listed.push(justCreated);
  listed.sort((a, b) => a.number - b.number);
  const [kept, ...duplicates] = listed;
  for (const duplicate of duplicates) {
    target.logger.warning(
      `Issue #${duplicate.number} duplicates #${kept!.number} for '${series}'${dryRun ? '' : '; closing it'}.`,
    );
    if (!dryRun) await closeAsDuplicate(target, duplicate.number, kept!.number);
  }
  return kept;
}

async function closeAsDuplicate(
  target: DiagnosisIssueTarget,
  duplicate: number,
  kept: number,
): Promise<void> {
  await ensureComment(target, duplicate, duplicateComment(kept));
  await patchIssue(target, duplicate, { state: 'closed', state_reason: 'duplicate' });
}

function sameLogin(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

// ── writing ────────────────────────────────────────────────────────────────────────────────────

async function createSeriesIssue(
  target: DiagnosisIssueTarget,
  series: string,
  body: string,
): Promise<SeriesIssue> {
  const { client, owner, repo } = target;
  await ensureLabels(target);
  const create = async (): Promise<SeriesIssue> => {
    const { data } = await client.rest.issues.create({
      owner,
      repo,
      title: diagnosisIssueTitle(series),
      body,
      labels: [...target.labels],
    });
    return { number: data.number, url: data.html_url, state: 'open', body, stateReason: null };
  };
  return createOnce(
    target.logger,
    `creating the diagnosis issue of '${series}'`,
    create,
    async () => (await listSeriesIssues(target, series))[0],
  );
}

/**
 * Runs a non-idempotent create. When it fails ambiguously (GitHub may have applied it), looks for
 * the result first and only then tries once more.
 */
export async function createOnce<T>(
  logger: ClientLogger,
  what: string,
  create: () => Promise<T>,
  findExisting: () => Promise<T | undefined>,
): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!isAmbiguousWriteFailure(error)) throw error;
    logger.warning(`${describeGitHubError(error)} — re-reading before retrying ${what}`);
    const existing = await findExisting();
    if (existing !== undefined) {
      logger.info(`The write had been applied; ${what} is not repeated.`);
      return existing;
    }
    return create();
  }
}

async function patchIssue(
  target: DiagnosisIssueTarget,
  issueNumber: number,
  patch: { body?: string; state?: 'open' | 'closed'; state_reason?: 'completed' | 'duplicate' },
): Promise<IssueRef> {
  const { data } = await target.client.rest.issues.update({
    owner: target.owner,
    repo: target.repo,
    issue_number: issueNumber,
    ...patch,
    // The same PATCH applied twice leaves the same issue: safe to retry after a 5xx.
    request: { retryNonIdempotent: true },
  });
  return {
    number: data.number,
    url: data.html_url,
    state: data.state === 'closed' ? 'closed' : 'open',
  };
}

/** Posts `body` unless a comment by the bot already carries its first line (the event marker). */
async function ensureComment(
  target: DiagnosisIssueTarget,
  issueNumber: number,
  body: string,
): Promise<void> {
  const marker = body.split('\n')[0]!;
  const { client, owner, repo } = target;
  const find = async () => {
    const comments = await client.paginate(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    });
    return comments.find(
      (c) => sameLogin(c.user?.login, target.identity.login) && c.body?.includes(marker),
    );
  };
  if (await find()) return;
  await createOnce(
    target.logger,
    `commenting on #${issueNumber}`,
    async () => {
      const { data } = await client.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body,
      });
      return data;
    },
    find,
  );
}

/**
 * Creates the labels the repository does not have yet, with a colour and description (a concurrent
 * create counts as done).
 */
export async function ensureLabels(
  target: Pick<DiagnosisIssueTarget, 'client' | 'owner' | 'repo' | 'labels' | 'logger'>,
): Promise<void> {
  const { client, owner, repo } = target;
  for (const name of target.labels) {
    try {
      await client.rest.issues.getLabel({ owner, repo, name });
      continue;
    } catch (error) {
      if (githubStatus(error) !== 404) throw error;
    }
    try {
      await client.rest.issues.createLabel({
        owner,
        repo,
        name,
        color: LABEL_COLOR,
        description: LABEL_DESCRIPTION,
        // A retried create that had succeeded answers 422 already_exists, handled below.
        request: { retryNonIdempotent: true },
      });
      target.logger.info(`Created label '${name}'.`);
    } catch (error) {
      if (githubStatus(error) !== 422) throw error;
    }
  }
}
