/** Git database operations on a repository: commits of file maps, tree edits, refs. */
import type { FlatEntry, GitPerson } from './git-store.js';
import { HttpError, validationFailed } from './http-utils.js';
import type { EmulatorState } from './state.js';
import type { EmulatorUser, RepoRecord } from './types.js';

export interface TreeChange {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha?: string | null;
  content?: string;
}

export function person(state: EmulatorState, user?: EmulatorUser): GitPerson {
  const login = user?.login ?? 'github-actions[bot]';
  const id = user?.id ?? 41898282;
  return { name: login, email: `${id}+${login}@users.noreply.github.com`, date: state.now() };
}

export function commitTree(repo: RepoRecord, commitSha: string): string {
  const commit = repo.git.commit(commitSha);
  if (!commit) throw new HttpError(404, 'Not Found');
  return commit.tree;
}

export function readFile(repo: RepoRecord, ref: string, path: string): Buffer | undefined {
  const sha = repo.git.resolveCommitish(ref);
  if (!sha) return undefined;
  const entry = repo.git.entryAt(commitTree(repo, sha), path);
  return entry?.type === 'blob' ? repo.git.blob(entry.sha) : undefined;
}

/** Applies create-tree style entries on top of an optional base tree; returns the new tree SHA. */
export function applyTreeChanges(
  repo: RepoRecord,
  baseTree: string | undefined,
  changes: TreeChange[],
) {
  const flat = baseTree ? repo.git.flatten(baseTree) : new Map<string, FlatEntry>();
  for (const change of changes) applyChange(repo, flat, change);
  return repo.git.buildTree(flat);
}

function applyChange(repo: RepoRecord, flat: Map<string, FlatEntry>, change: TreeChange): void {
  const path = change.path.replace(/^\/+|\/+$/g, '');
  if (change.sha === null) {
    for (const key of [...flat.keys()])
      if (key === path || key.startsWith(`${path}/`)) flat.delete(key);
    return;
  }
  if (change.content !== undefined && change.sha !== undefined) {
    throw validationFailed({
      resource: 'Tree',
      code: 'custom',
      message: 'Must supply either tree.sha or tree.content, not both',
    });
  }
  if (change.type === 'tree') {
    for (const key of [...flat.keys()]) if (key.startsWith(`${path}/`)) flat.delete(key);
    for (const [sub, entry] of repo.git.flatten(requireObject(repo, change.sha ?? '', 'tree'))) {
      flat.set(`${path}/${sub}`, entry);
    }
    return;
  }
  const sha =
    change.content !== undefined
      ? repo.git.writeBlob(Buffer.from(change.content, 'utf8'))
      : change.type === 'commit'
        ? String(change.sha)
        : requireObject(repo, change.sha ?? '', 'blob');
  flat.set(path, { mode: change.mode, type: change.type, sha });
}

function requireObject(repo: RepoRecord, sha: string, type: 'blob' | 'tree'): string {
  if (repo.git.objects.get(sha)?.type !== type) {
    throw new HttpError(422, `tree.sha ${sha} is not a valid ${type}`);
  }
  return sha;
}

/** Commits `files` (null = delete) on `branch`; creates the branch from `from` when missing. */
export function commitFiles(
  state: EmulatorState,
  repo: RepoRecord,
  input: {
    branch: string;
    files: Record<string, string | null>;
    message?: string;
    from?: string;
    author?: EmulatorUser;
  },
): string {
  const ref = `refs/heads/${input.branch}`;
  const start =
    repo.git.refs.get(ref) ?? repo.git.resolveCommitish(input.from ?? repo.defaultBranch);
  const changes = Object.entries(input.files).map(([path, content]) => ({
    path,
    mode: '100644',
    type: 'blob' as const,
    ...(content === null ? { sha: null } : { content }),
  }));
  const tree = applyTreeChanges(repo, start ? commitTree(repo, start) : undefined, changes);
  const who = person(state, input.author);
  const sha = repo.git.writeCommit({
    tree,
    parents: start ? [start] : [],
    message: input.message ?? `Update ${Object.keys(input.files).join(', ')}`,
    author: who,
    committer: who,
  });
  repo.git.refs.set(ref, sha);
  return sha;
}

export function createRef(repo: RepoRecord, ref: string, sha: string): void {
  if (!/^refs\/.+\/.+/.test(ref)) {
    throw new HttpError(
      422,
      "Reference name must start with 'refs' and have at least two slashes.",
    );
  }
  if (repo.git.refs.has(ref)) throw new HttpError(422, 'Reference already exists');
  if (!repo.git.objects.has(sha)) throw new HttpError(422, 'Object does not exist');
  repo.git.refs.set(ref, sha);
}

export function updateRef(repo: RepoRecord, ref: string, sha: string, force: boolean): void {
  const current = repo.git.refs.get(ref);
  if (!current) throw new HttpError(422, 'Reference does not exist');
  if (!repo.git.commit(sha)) throw new HttpError(422, 'Object does not exist');
  if (!force && !repo.git.isAncestor(current, sha)) {
    throw new HttpError(422, 'Update is not a fast forward');
  }
  repo.git.refs.set(ref, sha);
}

export function deleteRef(repo: RepoRecord, ref: string): void {
  if (!repo.git.refs.delete(ref)) throw new HttpError(422, 'Reference does not exist');
}
