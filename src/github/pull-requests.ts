/**
 * The merged pull request behind an on-merge run, read through the REST API:
 *
 * - which PR a push to the default branch merged (`GET /commits/{sha}/pulls`: the PR whose
 *   `merge_commit_sha` is the pushed SHA — true for merge, squash and rebase merges alike);
 * - its changed files (`GET /pulls/{n}/files`, paginated). GitHub stops that list at 3,000 files;
 *   then the files come from the compare API between the merge base and the merge commit, and,
 *   when compare stops too (300 files), from a diff of the two commits' recursive trees. A list
 *   that is still incomplete says so (`complete: false`) instead of pretending;
 * - the issues it links with a closing keyword (`Fixes #12`), and such an issue's body.
 *
 * Pure helpers (`parseClosingReferences`, `diffTrees`, `pickMergedPull`) are exported for tests.
 */
import type { ChangedFile } from '../core/image-plan.js';
import type { ClientLogger, GitHubClient } from './client.js';
import { describeGitHubError, githubStatus } from './errors.js';

/** GitHub's cap on `GET /pulls/{n}/files`. */
const PULL_FILES_CAP = 3000;
/** GitHub's cap on the files of one compare response. */
const COMPARE_FILES_CAP = 300;

export interface RepoRef {
  client: GitHubClient;
  owner: string;
  repo: string;
  logger: ClientLogger;
  /** The bot login this product writes as, when configured (ITERATE_CAMPAIGN_BOT_LOGIN). */
  botLogin?: string;
}

export interface PullSummary {
  number: number;
  title: string;
  body: string;
  merged: boolean;
  mergeCommitSha: string | null;
  headSha: string;
  baseRef: string;
  author: string | undefined;
}

type ChangedFilesSource = 'pull-files' | 'compare' | 'trees';

export interface ChangedFiles {
  files: ChangedFile[];
  source: ChangedFilesSource;
  /** False when even the last fallback could not list every change. */
  complete: boolean;
  /** One line for the log and the summary. */
  note: string;
}

interface PullLike {
  number: number;
  title?: string;
  body?: string | null;
  merged_at?: string | null;
  merged?: boolean;
  merge_commit_sha?: string | null;
  head: { sha: string };
  base: { ref: string };
  user?: { login?: string } | null;
}

function toSummary(pull: PullLike): PullSummary {
  return {
    number: pull.number,
    title: pull.title ?? '',
    body: pull.body ?? '',
    merged: pull.merged ?? Boolean(pull.merged_at),
    mergeCommitSha: pull.merge_commit_sha ?? null,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
    author: pull.user?.login,
  };
}

/** The merged PR whose merge commit is `sha`, among the PRs GitHub associates with it. */
export function pickMergedPull<T extends PullLike>(
  pulls: readonly T[],
  sha: string,
): T | undefined {
  const lower = sha.toLowerCase();
  return pulls.find((p) => Boolean(p.merged_at) && p.merge_commit_sha?.toLowerCase() === lower);
}

/** The PR merged as `sha` (a push to the default branch), or undefined for a direct push. */
async function findPullMergedAs(ref: RepoRef, sha: string): Promise<PullSummary | undefined> {
  const { client, owner, repo } = ref;
  const pulls = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, {
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const merged = pickMergedPull(pulls as PullLike[], sha);
  return merged && toSummary(merged);
}

export async function getPull(ref: RepoRef, pullNumber: number): Promise<PullSummary> {
  const { data } = await ref.client.rest.pulls.get({
    owner: ref.owner,
    repo: ref.repo,
    pull_number: pullNumber,
  });
  return toSummary(data as PullLike);
}

// ── changed files ──────────────────────────────────────────────────────────────────────────────

interface FileLike {
  filename: string;
  status: string;
  previous_filename?: string;
}

function toChangedFile(file: FileLike): ChangedFile {
  return {
    filename: file.filename,
    status: file.status,
    ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
  };
}

/**
 * Every file the merged PR changed. `mergeCommitSha` is the commit that landed on the base branch
 * (GITHUB_SHA of the push); it is only used when the PR's own list hits GitHub's cap.
 */
export async function listChangedFiles(
  ref: RepoRef,
  pull: Pick<PullSummary, 'number' | 'headSha'>,
  mergeCommitSha: string | null,
): Promise<ChangedFiles> {
  const { client, owner, repo } = ref;
  const files = (
    await client.paginate(client.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pull.number,
      per_page: 100,
    })
  ).map(toChangedFile);
  if (files.length < PULL_FILES_CAP) {
    return {
      files,
      source: 'pull-files',
      complete: true,
      note: `${files.length} file(s) from the pull request`,
    };
  }
  if (!mergeCommitSha) {
    return {
      files,
      source: 'pull-files',
      complete: false,
      note: `the pull request lists ${PULL_FILES_CAP} files (GitHub's cap) and has no merge commit to compare`,
    };
  }
  ref.logger.info(
    `PR #${pull.number} lists ${files.length} files, GitHub's cap: reading the changes from the compare API instead.`,
  );
  const mergeBase = await mergeBaseOf(ref, pull.headSha, mergeCommitSha);
  const compared = await compareFiles(ref, mergeBase, mergeCommitSha);
  if (compared.length < COMPARE_FILES_CAP) {
    return {
      files: compared,
      source: 'compare',
      complete: true,
      note: `${compared.length} file(s) from comparing ${short(mergeBase)}...${short(mergeCommitSha)} (the PR's file list stops at ${PULL_FILES_CAP})`,
    };
  }
  ref.logger.info(
    `The comparison lists ${compared.length} files, its cap: diffing the commits' trees.`,
  );
  const trees = await treeDiff(ref, mergeBase, mergeCommitSha);
  return {
    files: trees.files,
    source: 'trees',
    complete: trees.complete,
    note: trees.complete
      ? `${trees.files.length} file(s) from diffing the trees of ${short(mergeBase)} and ${short(mergeCommitSha)}`
      : `the trees of ${short(mergeBase)}/${short(mergeCommitSha)} are too large for the API (truncated): the file list is incomplete`,
  };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

/** The merge base of the PR head and the commit the merge landed on (the merge commit's parent). */
async function mergeBaseOf(ref: RepoRef, headSha: string, mergeCommitSha: string): Promise<string> {
  const { client, owner, repo } = ref;
  const { data: merge } = await client.rest.repos.getCommit({
    owner,
    repo,
    ref: mergeCommitSha,
    per_page: 1,
  });
  const parent = merge.parents[0]?.sha;
  if (!parent) return mergeCommitSha;
  const { data } = await client.rest.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: `${parent}...${headSha}`,
    per_page: 1,
  });
  return data.merge_base_commit.sha;
}

async function compareFiles(ref: RepoRef, base: string, head: string): Promise<ChangedFile[]> {
  const { data } = await ref.client.rest.repos.compareCommitsWithBasehead({
    owner: ref.owner,
    repo: ref.repo,
    basehead: `${base}...${head}`,
    per_page: 1,
  });
  return (data.files ?? []).map((f) => toChangedFile(f as FileLike));
}

export interface TreeEntry {
  path: string;
  type: string;
  sha: string;
}

/** Paths whose blob differs between two flat trees; no rename detection (both sides are listed). */
export function diffTrees(base: readonly TreeEntry[], head: readonly TreeEntry[]): ChangedFile[] {
  const blobs = (entries: readonly TreeEntry[]) =>
    new Map(entries.filter((e) => e.type === 'blob').map((e) => [e.path, e.sha]));
  const before = blobs(base);
  const after = blobs(head);
  const changed: ChangedFile[] = [];
  for (const [path, sha] of after) {
    const old = before.get(path);
    if (old === undefined) changed.push({ filename: path, status: 'added' });
    else if (old !== sha) changed.push({ filename: path, status: 'modified' });
  }
  for (const path of before.keys()) {
    if (!after.has(path)) changed.push({ filename: path, status: 'removed' });
  }
  return changed.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
}

async function treeDiff(
  ref: RepoRef,
  base: string,
  head: string,
): Promise<{ files: ChangedFile[]; complete: boolean }> {
  const [before, after] = await Promise.all([recursiveTree(ref, base), recursiveTree(ref, head)]);
  return {
    files: diffTrees(before.entries, after.entries),
    complete: !before.truncated && !after.truncated,
  };
}

async function recursiveTree(
  ref: RepoRef,
  commitSha: string,
): Promise<{ entries: TreeEntry[]; truncated: boolean }> {
  const { client, owner, repo } = ref;
  const { data: commit } = await client.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
  const { data } = await client.rest.git.getTree({
    owner,
    repo,
    tree_sha: commit.tree.sha,
    recursive: 'true',
  });
  const entries: TreeEntry[] = [];
  for (const e of data.tree) {
    if (e.path !== undefined && e.sha !== undefined && e.type !== undefined) {
      entries.push({ path: e.path, type: e.type, sha: e.sha });
    }
  }
  return { entries, truncated: data.truncated };
}

// ── linked issues ──────────────────────────────────────────────────────────────────────────────

const CLOSING_KEYWORDS = 'close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved';
const MAX_REFERENCES = 20;

/**
 * Issue numbers a PR body closes in this repository, in order of appearance, without duplicates:
 * `Fixes #12`, `closes: #12`, `Resolves owner/repo#12` (only for this repository). References
 * inside code spans and fenced blocks do not count, as on GitHub.
 */
export function parseClosingReferences(body: string, owner: string, repo: string): number[] {
  const text = stripCode(body);
  const pattern = new RegExp(
    `(?:^|[^\\w-])(?:${CLOSING_KEYWORDS}):?\\s+(?:([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+))?#([1-9][0-9]{0,9})\\b`,
    'gi',
  );
  const numbers: number[] = [];
  for (const match of text.matchAll(pattern)) {
    const [, refOwner, refRepo, digits] = match;
    if (refOwner !== undefined) {
      const same =
        refOwner.toLowerCase() === owner.toLowerCase() &&
        refRepo!.toLowerCase() === repo.toLowerCase();
      if (!same) continue;
    }
    const number = Number(digits);
    if (!numbers.includes(number)) numbers.push(number);
    if (numbers.length >= MAX_REFERENCES) break;
  }
  return numbers;
}

function stripCode(body: string): string {
  return body
    .replace(/(^|\n)(```|~~~)[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)/g, '$1')
    .replace(/`[^`\n]*`/g, ' ');
}

export interface LinkedIssue {
  number: number;
  body: string;
  author: string | undefined;
  state: 'open' | 'closed';
}

/** The issue's body, or undefined when it is gone (404/410) or is a pull request. */
export async function readLinkedIssue(
  ref: RepoRef,
  issueNumber: number,
): Promise<LinkedIssue | undefined> {
  try {
    const { data } = await ref.client.rest.issues.get({
      owner: ref.owner,
      repo: ref.repo,
      issue_number: issueNumber,
    });
    if (data.pull_request) return undefined;
    return {
      number: data.number,
      body: data.body ?? '',
      author: data.user?.login,
      state: data.state === 'closed' ? 'closed' : 'open',
    };
  } catch (error) {
    const status = githubStatus(error);
    if (status === 404 || status === 410) {
      ref.logger.warning(
        `Issue #${issueNumber} linked by the PR is not readable: ${describeGitHubError(error)}`,
      );
      return undefined;
    }
    throw error;
  }
}

// ── which pull request ─────────────────────────────────────────────────────────────────────────

export interface PullSelection {
  /** `pr-number` input. */
  explicit?: number;
  /** GITHUB_EVENT_NAME. */
  eventName?: string;
  /** `pull_request.number` of a pull_request(_target) event payload. */
  eventPullNumber?: number;
  /** The pushed commit (GITHUB_SHA / merge-sha). */
  sha?: string;
}

export type PullResolution = { pull: PullSummary; how: string } | { pull: undefined; why: string };

/**
 * The PR to work on: the explicit number, else the event's PR, else (a push) the PR merged as the
 * pushed commit. A push that merged no PR (a direct push) resolves to `pull: undefined`.
 */
export async function resolvePull(ref: RepoRef, selection: PullSelection): Promise<PullResolution> {
  if (selection.explicit !== undefined) {
    return { pull: await getPull(ref, selection.explicit), how: `pr-number ${selection.explicit}` };
  }
  if (selection.eventPullNumber !== undefined) {
    return {
      pull: await getPull(ref, selection.eventPullNumber),
      how: `the ${selection.eventName ?? 'pull_request'} event`,
    };
  }
  if (!selection.sha) {
    return {
      pull: undefined,
      why: 'no pr-number, no pull request event and no commit SHA (GITHUB_SHA)',
    };
  }
  const pull = await findPullMergedAs(ref, selection.sha);
  if (!pull) {
    return {
      pull: undefined,
      why: `commit ${selection.sha.slice(0, 7)} is not the merge commit of a pull request (a direct push?)`,
    };
  }
  return { pull, how: `the pull request merged as ${selection.sha.slice(0, 7)}` };
}
