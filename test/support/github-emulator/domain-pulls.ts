/** Pull requests: creation rules (incl. the Actions switch), files, merge, commit association. */
import type { DiffFile } from './git-store.js';
import { HttpError, notFound, validationFailed } from './http-utils.js';
import { commitTree, person } from './domain-git.js';
import { createIssue, updateIssue } from './domain-issues.js';
import { GITHUB_ACTIONS_BOT } from './constants.js';
import type { EmulatorState } from './state.js';
import type { EmulatorUser, PullRecord, RepoRecord } from './types.js';

export const ACTIONS_CANNOT_CREATE_PRS =
  'GitHub Actions is not permitted to create or approve pull requests.';

export interface PullInput {
  head: string;
  base: string;
  title: string;
  body?: string | null;
  draft?: boolean;
  maintainer_can_modify?: boolean;
}

export interface PullPatch {
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  base?: string;
  maintainer_can_modify?: boolean;
}

export function requirePull(repo: RepoRecord, pullNumber: number): PullRecord {
  const pull = repo.pulls.get(pullNumber);
  if (!pull || pull.issue.deleted) throw notFound();
  return pull;
}

export function headSha(repo: RepoRecord, pull: PullRecord): string {
  return repo.git.refs.get(`refs/heads/${pull.headRef}`) ?? pull.headSha;
}

export function baseSha(repo: RepoRecord, pull: PullRecord): string {
  return repo.git.refs.get(`refs/heads/${pull.baseRef}`) ?? pull.headSha;
}

export function createPull(
  state: EmulatorState,
  repo: RepoRecord,
  actor: EmulatorUser,
  input: PullInput,
  options: { enforceActionsSwitch: boolean },
): PullRecord {
  if (
    options.enforceActionsSwitch &&
    isActionsBot(actor) &&
    !repo.settings.canActionsCreatePullRequests
  ) {
    throw new HttpError(403, ACTIONS_CANNOT_CREATE_PRS);
  }
  const headRef = parseHead(repo, input.head);
  const base = repo.git.refs.get(`refs/heads/${input.base}`);
  if (!base) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  const head = headRef ? repo.git.refs.get(`refs/heads/${headRef}`) : undefined;
  if (!headRef || !head)
    throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  if (repo.git.isAncestor(head, base)) {
    const message = `No commits between ${input.base} and ${headRef}`;
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message });
  }
  const existing = [...repo.pulls.values()].find(
    (p) => p.issue.state === 'open' && p.headRef === headRef && p.baseRef === input.base,
  );
  if (existing) {
    const message = `A pull request already exists for ${repo.owner.login}:${headRef}.`;
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message });
  }
  const issue = createIssue(
    state,
    repo,
    actor,
    { title: input.title, body: input.body ?? null },
    true,
  );
  const pull: PullRecord = {
    id: state.nextId(),
    nodeId: `PR_kwDO${Buffer.from(String(issue.id)).toString('base64url')}`,
    number: issue.number,
    issue,
    headRef,
    headSha: head,
    baseRef: input.base,
    draft: input.draft ?? false,
    maintainerCanModify: input.maintainer_can_modify ?? true,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
  };
  repo.pulls.set(pull.number, pull);
  return pull;
}

function isActionsBot(actor: EmulatorUser): boolean {
  return actor.login.toLowerCase() === GITHUB_ACTIONS_BOT.login;
}

function parseHead(repo: RepoRecord, head: string): string | undefined {
  const colon = head.indexOf(':');
  if (colon < 0) return head;
  const owner = head.slice(0, colon);
  return owner.toLowerCase() === repo.owner.login.toLowerCase() ? head.slice(colon + 1) : undefined;
}

export function updatePull(
  state: EmulatorState,
  repo: RepoRecord,
  pull: PullRecord,
  actor: EmulatorUser,
  patch: PullPatch,
): PullRecord {
  if (patch.base !== undefined) {
    if (!repo.git.refs.has(`refs/heads/${patch.base}`)) {
      throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    }
    pull.baseRef = patch.base;
  }
  if (patch.state === 'open' && pull.merged) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: 'state cannot be changed. The pull request has been merged.',
    });
  }
  if (patch.maintainer_can_modify !== undefined)
    pull.maintainerCanModify = patch.maintainer_can_modify;
  if (pull.issue.state === 'open') pull.headSha = headSha(repo, pull);
  const { title, body, state: next } = patch;
  updateIssue(state, repo, pull.issue, actor, {
    ...(title !== undefined ? { title } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(next !== undefined ? { state: next } : {}),
  });
  return pull;
}

/** Commits of the PR, oldest first. */
export function pullCommits(repo: RepoRecord, pull: PullRecord): string[] {
  const head = headSha(repo, pull);
  const merge = pull.mergeCommitSha ? repo.git.commit(pull.mergeCommitSha) : undefined;
  const base = merge?.parents[0] ?? baseSha(repo, pull);
  return repo.git.commitsBetween(base, head);
}

/** The PR's changed files (seeded override, else the diff from the merge base to the head). */
export function pullFiles(repo: RepoRecord, pull: PullRecord): DiffFile[] {
  if (pull.filesOverride) return pull.filesOverride;
  const head = headSha(repo, pull);
  const merge = pull.mergeCommitSha ? repo.git.commit(pull.mergeCommitSha) : undefined;
  const base = repo.git.mergeBase(merge?.parents[0] ?? baseSha(repo, pull), head);
  return repo.git.diffTrees(base ? commitTree(repo, base) : undefined, commitTree(repo, head));
}

/** Merge commit: the base tree plus the head's changes since the merge base. */
export function mergePull(
  state: EmulatorState,
  repo: RepoRecord,
  pull: PullRecord,
  actor: EmulatorUser,
) {
  if (pull.merged) throw new HttpError(405, 'Pull Request is not mergeable');
  const head = headSha(repo, pull);
  const base = baseSha(repo, pull);
  const flat = repo.git.flatten(commitTree(repo, base));
  for (const file of pullFiles(repo, pull)) {
    if (file.status === 'removed') flat.delete(file.filename);
    else flat.set(file.filename, { mode: '100644', type: 'blob', sha: String(file.sha) });
  }
  const who = person(state, actor);
  const sha = repo.git.writeCommit({
    tree: repo.git.buildTree(flat),
    parents: [base, head],
    message: `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.headRef}\n\n${pull.issue.title}`,
    author: who,
    committer: who,
  });
  repo.git.refs.set(`refs/heads/${pull.baseRef}`, sha);
  Object.assign(pull, {
    merged: true,
    mergedAt: state.now(),
    mergedBy: actor.login,
    mergeCommitSha: sha,
    headSha: head,
  });
  updateIssue(state, repo, pull.issue, actor, { state: 'closed' });
  return sha;
}

/** `GET /commits/{sha}/pulls`: the PR merged as `sha`, or PRs whose commits contain it. */
export function pullsForCommit(repo: RepoRecord, sha: string): PullRecord[] {
  const pulls = [...repo.pulls.values()].filter((p) => !p.issue.deleted);
  const merged = pulls.filter((p) => p.mergeCommitSha === sha);
  if (merged.length > 0) return merged;
  return pulls
    .filter((p) => pullCommits(repo, p).includes(sha))
    .sort((a, b) => b.number - a.number);
}
