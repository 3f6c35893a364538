/** Git database: refs, blobs, trees, commits. */
import {
  applyTreeChanges,
  createRef,
  deleteRef,
  updateRef,
  person,
  type TreeChange,
} from '../domain-git.js';
import { HttpError, notFound } from '../http-utils.js';
import { json, repoOf, type RouteContext, type RouteTable } from '../route-context.js';
import { gitCommitShape, gitRefShape, repoApi, wrappedBase64 } from '../shapes.js';
import type { GitPerson } from '../git-store.js';
import type { RepoRecord } from '../types.js';

function fullRef(ctx: RouteContext): string {
  return `refs/${String(ctx.params.ref).replace(/^refs\//, '')}`;
}

function treeShape(ctx: RouteContext, repo: RepoRecord, sha: string, recursive: boolean) {
  const api = repoApi(ctx.shape, repo);
  const entries: Record<string, unknown>[] = [];
  const walk = (treeSha: string, prefix: string) => {
    for (const e of repo.git.tree(treeSha) ?? []) {
      const path = prefix + e.name;
      const size = e.type === 'blob' ? { size: repo.git.blob(e.sha)?.length ?? 0 } : {};
      const kind = e.type === 'tree' ? 'trees' : 'blobs';
      entries.push({
        path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...size,
        url: `${api}/git/${kind}/${e.sha}`,
      });
      if (recursive && e.type === 'tree') walk(e.sha, `${path}/`);
    }
  };
  walk(sha, '');
  return { sha, url: `${api}/git/trees/${sha}`, tree: entries, truncated: false };
}

function gitPerson(input: Partial<GitPerson> | undefined, fallback: GitPerson): GitPerson {
  if (!input) return fallback;
  return {
    name: input.name ?? fallback.name,
    email: input.email ?? fallback.email,
    date: input.date ?? fallback.date,
  };
}

export const gitRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/git/ref/{ref}': (ctx) => {
    const repo = repoOf(ctx);
    const ref = fullRef(ctx);
    const sha = repo.git.refs.get(ref);
    if (!sha) throw notFound();
    return json(200, gitRefShape(ctx.shape, repo, ref, sha));
  },

  'GET /repos/{owner}/{repo}/git/matching-refs/{ref}': (ctx) => {
    const repo = repoOf(ctx);
    const prefix = fullRef(ctx);
    const refs = [...repo.git.refs]
      .filter(([name]) => name.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b));
    return json(
      200,
      refs.map(([name, sha]) => gitRefShape(ctx.shape, repo, name, sha)),
    );
  },

  'POST /repos/{owner}/{repo}/git/refs': (ctx) => {
    const repo = repoOf(ctx);
    const { ref, sha } = ctx.body as { ref: string; sha: string };
    createRef(repo, ref, sha);
    return json(201, gitRefShape(ctx.shape, repo, ref, sha));
  },

  'PATCH /repos/{owner}/{repo}/git/refs/{ref}': (ctx) => {
    const repo = repoOf(ctx);
    const { sha, force } = ctx.body as { sha: string; force?: boolean };
    const ref = fullRef(ctx);
    updateRef(repo, ref, sha, force ?? false);
    return json(200, gitRefShape(ctx.shape, repo, ref, sha));
  },

  'DELETE /repos/{owner}/{repo}/git/refs/{ref}': (ctx) => {
    deleteRef(repoOf(ctx), fullRef(ctx));
    return json(204);
  },

  'POST /repos/{owner}/{repo}/git/blobs': (ctx) => {
    const repo = repoOf(ctx);
    const { content, encoding } = ctx.body as { content: string; encoding?: string };
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'base64') {
      throw new HttpError(422, `encoding must be 'utf-8' or 'base64'`);
    }
    const sha = repo.git.writeBlob(Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'));
    return json(201, { url: `${repoApi(ctx.shape, repo)}/git/blobs/${sha}`, sha });
  },

  'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': (ctx) => {
    const repo = repoOf(ctx);
    const sha = String(ctx.params.file_sha);
    const blob = repo.git.blob(sha);
    if (!blob) throw notFound();
    return json(200, {
      sha,
      node_id: `B_kwDO${Buffer.from(sha.slice(0, 12)).toString('base64url')}`,
      size: blob.length,
      url: `${repoApi(ctx.shape, repo)}/git/blobs/${sha}`,
      content: wrappedBase64(blob),
      encoding: 'base64',
    });
  },

  'POST /repos/{owner}/{repo}/git/trees': (ctx) => {
    const repo = repoOf(ctx);
    const { tree, base_tree: baseTree } = ctx.body as { tree: TreeChange[]; base_tree?: string };
    if (baseTree !== undefined && !repo.git.tree(baseTree)) {
      throw new HttpError(422, 'base_tree is not a valid tree oid');
    }
    const sha = applyTreeChanges(repo, baseTree, tree);
    return json(201, treeShape(ctx, repo, sha, false));
  },

  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': (ctx) => {
    const repo = repoOf(ctx);
    const name = String(ctx.params.tree_sha);
    const commitSha = repo.git.resolveCommitish(name);
    const sha = repo.git.tree(name)
      ? name
      : commitSha
        ? repo.git.commit(commitSha)?.tree
        : undefined;
    if (!sha) throw notFound();
    const recursive =
      ctx.query.recursive !== undefined && !['0', 'false'].includes(String(ctx.query.recursive));
    return json(200, treeShape(ctx, repo, sha, recursive));
  },

  'POST /repos/{owner}/{repo}/git/commits': (ctx) => {
    const repo = repoOf(ctx);
    const input = ctx.body as {
      message: string;
      tree: string;
      parents?: string[];
      author?: Partial<GitPerson>;
      committer?: Partial<GitPerson>;
    };
    if (!repo.git.tree(input.tree)) throw new HttpError(422, 'Tree SHA does not exist');
    const parents = input.parents ?? [];
    if (parents.some((p) => !repo.git.commit(p))) {
      throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
    }
    const fallback = person(ctx.state, ctx.user);
    const author = gitPerson(input.author, fallback);
    const commit = {
      tree: input.tree,
      parents,
      message: input.message,
      author,
      committer: gitPerson(input.committer, author),
    };
    const sha = repo.git.writeCommit(commit);
    return json(201, gitCommitShape(ctx.shape, repo, sha, { type: 'commit', ...commit }));
  },

  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': (ctx) => {
    const repo = repoOf(ctx);
    const sha = String(ctx.params.commit_sha);
    const commit = repo.git.commit(sha);
    if (!commit) throw notFound();
    return json(200, gitCommitShape(ctx.shape, repo, sha, commit));
  },
};
