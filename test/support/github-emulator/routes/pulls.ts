/** Pull requests, their files, the commit → PR association, and merging. */
import {
  createPull,
  headSha,
  mergePull,
  pullCommits,
  pullFiles,
  pullsForCommit,
  requirePull,
  updatePull,
  type PullInput,
  type PullPatch,
} from '../domain-pulls.js';
import { HttpError } from '../http-utils.js';
import {
  actor,
  json,
  num,
  paged,
  repoOf,
  sortByDate,
  type RouteContext,
  type RouteTable,
} from '../route-context.js';
import { commitShape, diffFileShape, pullShape } from '../shapes.js';
import type { PullRecord, RepoRecord } from '../types.js';

function pullOf(ctx: RouteContext, repo: RepoRecord): PullRecord {
  return requirePull(repo, num(ctx.params.pull_number));
}

/** `head` must be `owner:branch` (GitHub ignores a bare branch name here). */
function headFilter(repo: RepoRecord, head: unknown): ((p: PullRecord) => boolean) | undefined {
  if (typeof head !== 'string' || !head.includes(':')) return undefined;
  const [owner, ...rest] = head.split(':');
  const branch = rest.join(':');
  const sameOwner = owner?.toLowerCase() === repo.owner.login.toLowerCase();
  return (p) => sameOwner && p.headRef === branch;
}

function listPulls(ctx: RouteContext) {
  const repo = repoOf(ctx);
  const q = ctx.query;
  const byHead = headFilter(repo, q.head);
  const matches = (p: PullRecord) =>
    !p.issue.deleted &&
    (q.state === 'all' || p.issue.state === q.state) &&
    (q.base === undefined || p.baseRef === q.base) &&
    (byHead === undefined || byHead(p));
  const key = (p: PullRecord) => (q.sort === 'updated' ? p.issue.updatedAt : p.issue.createdAt);
  const direction = q.direction ?? (q.sort === undefined || q.sort === 'created' ? 'desc' : 'asc');
  const sorted = sortByDate(
    [...repo.pulls.values()].filter(matches),
    key,
    direction,
    (p) => p.number,
  );
  return paged(ctx, sorted, (p) => pullShape(ctx.shape, repo, p, false));
}

export const pullRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/pulls': listPulls,

  'POST /repos/{owner}/{repo}/pulls': (ctx) => {
    const repo = repoOf(ctx);
    const input = ctx.body as PullInput & { issue?: number };
    if (input.title === undefined) {
      throw new HttpError(422, 'Invalid request.\n\n"title" wasn\'t supplied.');
    }
    const pull = createPull(ctx.state, repo, actor(ctx), input, { enforceActionsSwitch: true });
    return json(201, pullShape(ctx.shape, repo, pull, true), {
      location: `${ctx.shape.api}/repos/${repo.owner.login}/${repo.name}/pulls/${pull.number}`,
    });
  },

  'GET /repos/{owner}/{repo}/pulls/{pull_number}': (ctx) => {
    const repo = repoOf(ctx);
    return json(200, pullShape(ctx.shape, repo, pullOf(ctx, repo), true));
  },

  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': (ctx) => {
    const repo = repoOf(ctx);
    const pull = updatePull(ctx.state, repo, pullOf(ctx, repo), actor(ctx), ctx.body as PullPatch);
    return json(200, pullShape(ctx.shape, repo, pull, true));
  },

  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(ctx, repo);
    const ref = headSha(repo, pull);
    const max = ctx.state.limits.pullFilesMax;
    return paged(ctx, pullFiles(repo, pull), (f) => diffFileShape(ctx.shape, repo, f, ref), max);
  },

  'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits': (ctx) => {
    const repo = repoOf(ctx);
    const shas = pullCommits(repo, pullOf(ctx, repo));
    return paged(ctx, shas, (sha) => commitShape(ctx.shape, repo, sha), 250);
  },

  'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge': (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(ctx, repo);
    const expected = (ctx.body as { sha?: string } | undefined)?.sha;
    if (expected && expected !== headSha(repo, pull)) {
      throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
    }
    const sha = mergePull(ctx.state, repo, pull, actor(ctx));
    return json(200, { sha, merged: true, message: 'Pull Request successfully merged' });
  },

  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': (ctx) => {
    const repo = repoOf(ctx);
    const sha = repo.git.resolveCommitish(String(ctx.params.commit_sha));
    if (!sha) throw new HttpError(422, `No commit found for SHA: ${String(ctx.params.commit_sha)}`);
    const pulls = pullsForCommit(repo, sha);
    return paged(ctx, pulls, (p) => pullShape(ctx.shape, repo, p, false));
  },
};
