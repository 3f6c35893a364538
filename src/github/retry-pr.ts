/**
 * PR mode: the targeted retry campaign committed on `iterate-campaign/<series>-<campaign-id>`
 * through the git data API (no checkout), and a pull request into the default branch whose body is
 * the diagnosis. A re-run moves the same branch and edits the same open PR; nothing is duplicated.
 */
import { createHash } from 'node:crypto';
import type { ClientLogger, GitHubClient } from './client.js';
import { createOnce, ensureLabels } from './diagnosis-issue.js';
import { githubStatus, isGitHubError, unlessNotFound } from './errors.js';

const ACTIONS_CANNOT_CREATE_PULL_REQUESTS =
  'GitHub Actions is not permitted to create or approve pull requests.';

const ALLOW_ACTIONS_PULL_REQUESTS_ADVICE =
  'enable Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests", ' +
  'or pass a GitHub App / fine-grained token in `github-token`';

/** The repository does not let GITHUB_TOKEN open pull requests. */
export class PullRequestsNotPermittedError extends Error {
  override readonly name = 'PullRequestsNotPermittedError';
}

export interface RetryPullRequestTarget {
  client: GitHubClient;
  owner: string;
  repo: string;
  logger: ClientLogger;
}

export interface RetryPullRequestRequest {
  branch: string;
  /** Repository path of the retry campaign YAML. */
  path: string;
  content: string;
  commitMessage: string;
  title: string;
  body: string;
  /** Added to the pull request (existing labels stay). */
  labels: readonly string[];
  dryRun: boolean;
}

type RetryPullRequestAction = 'create' | 'update' | 'already-on-base' | 'dry-run';

export interface RetryPullRequestOutcome {
  action: RetryPullRequestAction;
  branch: string;
  path: string;
  /** The open PR for the branch (in a dry run: the existing one, if any). */
  pull: { number: number; url: string } | undefined;
}

const MAX_BRANCH_SLUG = 100;

/** `iterate-campaign/<series>-<campaign-id>`, the series slugged to characters git refs allow. */
export function retryBranchName(series: string, campaignId: number): string {
  const slug =
    series
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/\.{2,}/g, '.')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, MAX_BRANCH_SLUG)
      .replace(/[-.]+$/, '') || 'campaign';
  return `iterate-campaign/${slug}-${campaignId}`;
}

/** Git's blob id of `content`, to compare with what a branch already holds without downloading it. */
function gitBlobSha(content: string): string {
  const body = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
}

export async function upsertRetryPullRequest(
  target: RetryPullRequestTarget,
  request: RetryPullRequestRequest,
): Promise<RetryPullRequestOutcome> {
  const base = await defaultBranchTip(target);
  const outcome = { branch: request.branch, path: request.path };
  if ((await fileSha(target, base.branch, request.path)) === gitBlobSha(request.content)) {
    target.logger.info(
      `${request.path} is already on ${base.branch} with this content; no pull request needed.`,
    );
    return { ...outcome, action: 'already-on-base', pull: undefined };
  }
  const existing = await findOpenPull(target, request.branch, base.branch);
  if (request.dryRun) return { ...outcome, action: 'dry-run', pull: existing };
  const commitSha = await commitRetryFile(target, base, request);
  await pointBranchAt(target, request.branch, commitSha);
  const pull = existing
    ? await updatePull(target, existing.number, request)
    : await createPull(target, base.branch, request);
  await addLabels(target, pull.number, request.labels);
  return { ...outcome, action: existing ? 'update' : 'create', pull };
}

/** Adding a label a pull request already has changes nothing, so a retry is safe. */
async function addLabels(
  target: RetryPullRequestTarget,
  pullNumber: number,
  labels: readonly string[],
) {
  if (labels.length === 0) return;
  await ensureLabels({ ...target, labels });
  await target.client.rest.issues.addLabels({
    owner: target.owner,
    repo: target.repo,
    issue_number: pullNumber,
    labels: [...labels],
    request: { retryNonIdempotent: true },
  });
}

interface BranchTip {
  branch: string;
  sha: string;
  tree: string;
}

async function defaultBranchTip(target: RetryPullRequestTarget): Promise<BranchTip> {
  const { client, owner, repo } = target;
  const { data: repository } = await client.rest.repos.get({ owner, repo });
  const branch = repository.default_branch;
  const { data: ref } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
  const { data: commit } = await client.rest.git.getCommit({
    owner,
    repo,
    commit_sha: ref.object.sha,
  });
  return { branch, sha: commit.sha, tree: commit.tree.sha };
}

async function fileSha(
  target: RetryPullRequestTarget,
  ref: string,
  path: string,
): Promise<string | undefined> {
  const content = await unlessNotFound(() =>
    target.client.rest.repos.getContent({ owner: target.owner, repo: target.repo, path, ref }),
  );
  const data = content?.data;
  return data && !Array.isArray(data) && data.type === 'file' ? data.sha : undefined;
}

async function branchSha(
  target: RetryPullRequestTarget,
  branch: string,
): Promise<string | undefined> {
  const ref = await unlessNotFound(() =>
    target.client.rest.git.getRef({
      owner: target.owner,
      repo: target.repo,
      ref: `heads/${branch}`,
    }),
  );
  return ref?.data.object.sha;
}

/**
 * blob → tree → commit on top of the default branch. Blobs and trees are content-addressed, so
 * retrying them is safe; when the branch already holds exactly this commit's tree on this base,
 * its commit is reused instead of writing a new one.
 */
async function commitRetryFile(
  target: RetryPullRequestTarget,
  base: BranchTip,
  request: RetryPullRequestRequest,
): Promise<string> {
  const { client, owner, repo } = target;
  const retry = { retryNonIdempotent: true };
  const { data: blob } = await client.rest.git.createBlob({
    owner,
    repo,
    content: request.content,
    encoding: 'utf-8',
    request: retry,
  });
  const { data: tree } = await client.rest.git.createTree({
    owner,
    repo,
    base_tree: base.tree,
    tree: [{ path: request.path, mode: '100644', type: 'blob', sha: blob.sha }],
    request: retry,
  });
  const reusable = await reusableBranchCommit(target, request.branch, base.sha, tree.sha);
  if (reusable) return reusable;
  const { data: commit } = await client.rest.git.createCommit({
    owner,
    repo,
    message: request.commitMessage,
    tree: tree.sha,
    parents: [base.sha],
    // A retried commit that had been written is only an unreferenced object.
    request: retry,
  });
  return commit.sha;
}

async function reusableBranchCommit(
  target: RetryPullRequestTarget,
  branch: string,
  baseSha: string,
  treeSha: string,
): Promise<string | undefined> {
  const tip = await branchSha(target, branch);
  if (!tip) return undefined;
  const { data } = await target.client.rest.git.getCommit({
    owner: target.owner,
    repo: target.repo,
    commit_sha: tip,
  });
  const sameChange =
    data.tree.sha === treeSha && data.parents.length === 1 && data.parents[0]!.sha === baseSha;
  return sameChange ? tip : undefined;
}

/** Creates the branch, or force-moves it: the branch belongs to this tool. */
async function pointBranchAt(
  target: RetryPullRequestTarget,
  branch: string,
  sha: string,
): Promise<void> {
  const { client, owner, repo } = target;
  const current = await branchSha(target, branch);
  if (current === sha) return;
  if (current === undefined) {
    try {
      await createOnce(
        target.logger,
        `creating branch ${branch}`,
        async () => {
          await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
          return sha;
        },
        async () => branchSha(target, branch),
      );
    } catch (error) {
      // 422 "Reference already exists": a concurrent run created it; move it below.
      if (githubStatus(error) !== 422) throw error;
    }
    if ((await branchSha(target, branch)) === sha) return;
  }
  await client.rest.git.updateRef({
    owner,
    repo,
    ref: `heads/${branch}`,
    sha,
    force: true,
    request: { retryNonIdempotent: true },
  });
}

async function findOpenPull(
  target: RetryPullRequestTarget,
  branch: string,
  base: string,
): Promise<{ number: number; url: string } | undefined> {
  const { client, owner, repo } = target;
  const pulls = await client.paginate(client.rest.pulls.list, {
    owner,
    repo,
    state: 'open',
    head: `${owner}:${branch}`,
    base,
    per_page: 100,
  });
  const pull = pulls.sort((a, b) => a.number - b.number)[0];
  return pull ? { number: pull.number, url: pull.html_url } : undefined;
}

async function updatePull(
  target: RetryPullRequestTarget,
  pullNumber: number,
  request: RetryPullRequestRequest,
): Promise<{ number: number; url: string }> {
  const { data } = await target.client.rest.pulls.update({
    owner: target.owner,
    repo: target.repo,
    pull_number: pullNumber,
    title: request.title,
    body: request.body,
    request: { retryNonIdempotent: true },
  });
  return { number: data.number, url: data.html_url };
}

async function createPull(
  target: RetryPullRequestTarget,
  base: string,
  request: RetryPullRequestRequest,
): Promise<{ number: number; url: string }> {
  const { client, owner, repo } = target;
  const find = () => findOpenPull(target, request.branch, base);
  try {
    return await createOnce(
      target.logger,
      `opening the pull request for ${request.branch}`,
      async () => {
        const { data } = await client.rest.pulls.create({
          owner,
          repo,
          head: request.branch,
          base,
          title: request.title,
          body: request.body,
        });
        return { number: data.number, url: data.html_url };
      },
      find,
    );
  } catch (error) {
    if (isActionsNotPermitted(error)) {
      throw new PullRequestsNotPermittedError(
        `Cannot open the retry pull request in ${owner}/${repo}: ${ACTIONS_CANNOT_CREATE_PULL_REQUESTS} To fix it, ${ALLOW_ACTIONS_PULL_REQUESTS_ADVICE}.`,
        { cause: error },
      );
    }
    // 422 "A pull request already exists": a concurrent run opened it.
    const concurrent = githubStatus(error) === 422 ? await find() : undefined;
    if (concurrent) return updatePull(target, concurrent.number, request);
    throw error;
  }
}

function isActionsNotPermitted(error: unknown): boolean {
  if (!isGitHubError(error) || error.status !== 403) return false;
  const data = error.response?.data as { message?: unknown } | undefined;
  const message = typeof data?.message === 'string' ? data.message : error.message;
  return /not permitted to create or approve pull requests/i.test(message);
}
