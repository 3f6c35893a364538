/** Contents API (read/create/update/delete a file on a branch), compare, single commit. */
import { commitFiles, commitTree } from '../domain-git.js';
import { HttpError, notFound, paginate } from '../http-utils.js';
import {
  actor,
  json,
  pageRequest,
  repoOf,
  type RouteContext,
  type RouteTable,
} from '../route-context.js';
import {
  commitShape,
  contentEntryShape,
  diffFileShape,
  gitCommitShape,
  repoApi,
  wrappedBase64,
  type ShapeContext,
} from '../shapes.js';
import type { RepoRecord } from '../types.js';

interface PutFileBody {
  message: string;
  content: string;
  sha?: string;
  branch?: string;
}

function refOf(ctx: RouteContext, repo: RepoRecord): { ref: string; sha: string } {
  const ref =
    typeof ctx.query.ref === 'string' && ctx.query.ref !== '' ? ctx.query.ref : repo.defaultBranch;
  const sha = repo.git.resolveCommitish(ref);
  if (!sha) throw new HttpError(404, `No commit found for the ref ${ref}`);
  return { ref, sha };
}

function fileEntry(ctx: ShapeContext, repo: RepoRecord, path: string, sha: string, ref: string) {
  const size = repo.git.blob(sha)?.length ?? 0;
  return contentEntryShape(ctx, repo, { path, sha, type: 'file', size }, ref);
}

function getContent(ctx: RouteContext) {
  const repo = repoOf(ctx);
  const { ref, sha } = refOf(ctx, repo);
  const path = String(ctx.params.path).replace(/^\/+|\/+$/g, '');
  const entry = repo.git.entryAt(commitTree(repo, sha), path);
  if (!entry) throw notFound();
  if (entry.type === 'tree') {
    const children = (repo.git.tree(entry.sha) ?? []).map((child) => {
      const childPath = path ? `${path}/${child.name}` : child.name;
      const type = child.type === 'tree' ? ('dir' as const) : ('file' as const);
      const size = type === 'file' ? (repo.git.blob(child.sha)?.length ?? 0) : 0;
      return contentEntryShape(
        ctx.shape,
        repo,
        { path: childPath, sha: child.sha, type, size },
        ref,
      );
    });
    return json(200, children);
  }
  const blob = repo.git.blob(entry.sha) ?? Buffer.alloc(0);
  const base = fileEntry(ctx.shape, repo, path, entry.sha, ref);
  return json(200, { ...base, encoding: 'base64', content: wrappedBase64(blob) });
}

/** Optimistic concurrency like GitHub: 422 without `sha` for an existing file, 409 on a stale `sha`. */
function checkSha(path: string, current: string | undefined, given: string | undefined): void {
  if (current && given === undefined)
    throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
  if (given !== undefined && given !== current)
    throw new HttpError(409, `${path} does not match ${given}`);
}

function writeFile(ctx: RouteContext, remove: boolean) {
  const repo = repoOf(ctx);
  const body = ctx.body as PutFileBody;
  const branch = body.branch ?? repo.defaultBranch;
  const tip = repo.git.refs.get(`refs/heads/${branch}`);
  if (!tip) throw new HttpError(404, `Branch ${branch} not found`);
  const path = String(ctx.params.path).replace(/^\/+|\/+$/g, '');
  const current = repo.git.entryAt(commitTree(repo, tip), path);
  if (remove && !current) throw notFound();
  checkSha(path, current?.type === 'blob' ? current.sha : undefined, body.sha);
  const content = remove ? null : Buffer.from(body.content, 'base64').toString('utf8');
  const author = actor(ctx);
  const sha = commitFiles(ctx.state, repo, {
    branch,
    files: { [path]: content },
    message: body.message,
    author,
  });
  const commit = gitCommitShape(ctx.shape, repo, sha, repo.git.commit(sha)!);
  const blobSha = repo.git.entryAt(commitTree(repo, sha), path)?.sha;
  const file = blobSha ? fileEntry(ctx.shape, repo, path, blobSha, branch) : null;
  return json(remove ? 200 : current ? 200 : 201, { content: file, commit });
}

function parseBasehead(value: string): [string, string] | undefined {
  const match = /^(.+?)\.\.\.?(.+)$/.exec(value);
  if (!match) return undefined;
  const strip = (side: string) => side.replace(/^[^:]+:/, '');
  return [strip(match[1]!), strip(match[2]!)];
}

function compare(ctx: RouteContext) {
  const repo = repoOf(ctx);
  const sides = parseBasehead(String(ctx.params.basehead));
  const base = sides && repo.git.resolveCommitish(sides[0]);
  const head = sides && repo.git.resolveCommitish(sides[1]);
  if (!base || !head) throw notFound();
  const mergeBase = repo.git.mergeBase(base, head) ?? base;
  const ahead = repo.git.commitsBetween(base, head);
  const behind = repo.git.commitsBetween(head, base);
  const status =
    ahead.length && behind.length
      ? 'diverged'
      : ahead.length
        ? 'ahead'
        : behind.length
          ? 'behind'
          : 'identical';
  const paginated = ctx.url.searchParams.has('page') || ctx.url.searchParams.has('per_page');
  const page = paginated ? paginate(ahead, pageRequest(ctx)) : { items: ahead.slice(-250) };
  const firstPage = !paginated || Number(ctx.query.page ?? 1) === 1;
  const files = repo.git.diffTrees(commitTree(repo, mergeBase), commitTree(repo, head));
  const html = `https://github.com/${repo.owner.login}/${repo.name}/compare/${ctx.params.basehead as string}`;
  const body = {
    url: `${repoApi(ctx.shape, repo)}/compare/${String(ctx.params.basehead)}`,
    html_url: html,
    permalink_url: `https://github.com/${repo.owner.login}/${repo.name}/compare/${base}...${head}`,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    base_commit: commitShape(ctx.shape, repo, base),
    merge_base_commit: commitShape(ctx.shape, repo, mergeBase),
    status,
    ahead_by: ahead.length,
    behind_by: behind.length,
    total_commits: ahead.length,
    commits: page.items.map((sha) => commitShape(ctx.shape, repo, sha)),
    files: firstPage
      ? files
          .slice(0, ctx.state.limits.compareFilesMax)
          .map((f) => diffFileShape(ctx.shape, repo, f, head))
      : [],
  };
  return json(200, body, 'link' in page && page.link ? { link: page.link } : undefined);
}

function getCommit(ctx: RouteContext) {
  const repo = repoOf(ctx);
  const sha = repo.git.resolveCommitish(String(ctx.params.ref));
  const commit = sha ? repo.git.commit(sha) : undefined;
  if (!sha || !commit)
    throw new HttpError(422, `No commit found for SHA: ${String(ctx.params.ref)}`);
  const parent = commit.parents[0];
  const files = repo.git.diffTrees(parent ? commitTree(repo, parent) : undefined, commit.tree);
  const additions = files.reduce((sum, f) => sum + f.additions, 0);
  const deletions = files.reduce((sum, f) => sum + f.deletions, 0);
  return json(200, {
    ...commitShape(ctx.shape, repo, sha),
    stats: { additions, deletions, total: additions + deletions },
    files: files.slice(0, 300).map((f) => diffFileShape(ctx.shape, repo, f, sha)),
  });
}

export const contentRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/contents/{path}': getContent,
  'PUT /repos/{owner}/{repo}/contents/{path}': (ctx) => writeFile(ctx, false),
  'DELETE /repos/{owner}/{repo}/contents/{path}': (ctx) => writeFile(ctx, true),
  'GET /repos/{owner}/{repo}/compare/{basehead}': compare,
  'GET /repos/{owner}/{repo}/commits/{ref}': getCommit,
};
