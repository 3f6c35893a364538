/** Issues, issue comments and labels. */
import {
  addLabels,
  createComment,
  createIssue,
  createLabel,
  ensureLabels,
  findLabel,
  removeLabel,
  requireComment,
  requireIssue,
  updateComment,
  updateIssue,
  type IssueInput,
  type IssuePatch,
  type LabelInput,
} from '../domain-issues.js';
import { HttpError, notFound } from '../http-utils.js';
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
import { commentShape, issueShape, labelShape } from '../shapes.js';
import type { IssueRecord, RepoRecord } from '../types.js';

function issueOf(ctx: RouteContext, repo: RepoRecord): IssueRecord {
  return requireIssue(repo, num(ctx.params.issue_number));
}

/** GitHub answers 410 when the repository has issues turned off. */
function issuesRepo(ctx: RouteContext): RepoRecord {
  const repo = repoOf(ctx);
  if (!repo.settings.hasIssues) throw new HttpError(410, 'Issues are disabled for this repo');
  return repo;
}

function listIssues(ctx: RouteContext) {
  const repo = issuesRepo(ctx);
  const q = ctx.query;
  const wanted = String(q.labels ?? '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const since = q.since ? Date.parse(String(q.since)) : undefined;
  const matches = (i: IssueRecord) =>
    !i.deleted &&
    (q.state === 'all' || i.state === q.state) &&
    wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)) &&
    (q.creator === undefined || i.user.toLowerCase() === String(q.creator).toLowerCase()) &&
    (since === undefined || Date.parse(i.updatedAt) >= since);
  const key = (i: IssueRecord) => (q.sort === 'updated' ? i.updatedAt : i.createdAt);
  const sorted = sortByDate(
    [...repo.issues.values()].filter(matches),
    key,
    q.direction,
    (i) => i.number,
  );
  return paged(ctx, sorted, (i) => issueShape(ctx.shape, repo, i));
}

/** Add-labels accepts `{labels: [...]}`, a bare array, or `{labels: [{name}]}`. */
function labelInputs(body: unknown): LabelInput[] {
  if (Array.isArray(body)) return body as LabelInput[];
  if (typeof body === 'string') return [body];
  const labels = (body as { labels?: LabelInput[] } | undefined)?.labels;
  return labels ?? [];
}

function issueLabels(ctx: RouteContext, repo: RepoRecord, issue: IssueRecord) {
  return issue.labels.flatMap((name) => {
    const label = findLabel(repo, name);
    return label ? [labelShape(ctx.shape, repo, label)] : [];
  });
}

export const issueRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/issues': listIssues,

  'POST /repos/{owner}/{repo}/issues': (ctx) => {
    const repo = issuesRepo(ctx);
    const issue = createIssue(ctx.state, repo, actor(ctx), ctx.body as IssueInput);
    return json(201, issueShape(ctx.shape, repo, issue));
  },

  'GET /repos/{owner}/{repo}/issues/{issue_number}': (ctx) => {
    const repo = repoOf(ctx);
    return json(200, issueShape(ctx.shape, repo, issueOf(ctx, repo)));
  },

  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': (ctx) => {
    const repo = repoOf(ctx);
    const issue = updateIssue(
      ctx.state,
      repo,
      issueOf(ctx, repo),
      actor(ctx),
      ctx.body as IssuePatch,
    );
    return json(200, issueShape(ctx.shape, repo, issue));
  },

  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const since = ctx.query.since ? Date.parse(String(ctx.query.since)) : undefined;
    const all = [...repo.comments.values()].filter(
      (c) =>
        c.issueNumber === issue.number && (since === undefined || Date.parse(c.updatedAt) >= since),
    );
    return paged(ctx, all, (c) => commentShape(ctx.shape, repo, c));
  },

  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (ctx) => {
    const repo = repoOf(ctx);
    const body = String((ctx.body as { body: string }).body);
    const comment = createComment(ctx.state, repo, issueOf(ctx, repo), actor(ctx), body);
    return json(201, commentShape(ctx.shape, repo, comment));
  },

  'GET /repos/{owner}/{repo}/issues/comments': (ctx) => {
    const repo = repoOf(ctx);
    const since = ctx.query.since ? Date.parse(String(ctx.query.since)) : undefined;
    const all = [...repo.comments.values()].filter(
      (c) => since === undefined || Date.parse(c.updatedAt) >= since,
    );
    const direction = ctx.query.direction ?? 'asc';
    const key = (c: (typeof all)[number]) =>
      ctx.query.sort === 'updated' ? c.updatedAt : c.createdAt;
    return paged(
      ctx,
      sortByDate(all, key, direction, (c) => c.id),
      (c) => commentShape(ctx.shape, repo, c),
    );
  },

  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
    const repo = repoOf(ctx);
    return json(
      200,
      commentShape(ctx.shape, repo, requireComment(repo, num(ctx.params.comment_id))),
    );
  },

  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
    const repo = repoOf(ctx);
    actor(ctx);
    const comment = requireComment(repo, num(ctx.params.comment_id));
    updateComment(ctx.state, comment, String((ctx.body as { body: string }).body));
    return json(200, commentShape(ctx.shape, repo, comment));
  },

  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
    const repo = repoOf(ctx);
    actor(ctx);
    if (!repo.comments.delete(num(ctx.params.comment_id))) throw notFound();
    return json(204);
  },

  'GET /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = repoOf(ctx);
    return paged(ctx, issueLabels(ctx, repo, issueOf(ctx, repo)), (l) => l);
  },

  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    addLabels(ctx.state, repo, issue, labelInputs(ctx.body));
    return json(200, issueLabels(ctx, repo, issue));
  },

  'PUT /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    issue.labels = ensureLabels(ctx.state, repo, labelInputs(ctx.body));
    return json(200, issueLabels(ctx, repo, issue));
  },

  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    removeLabel(ctx.state, repo, issue, String(ctx.params.name));
    return json(200, issueLabels(ctx, repo, issue));
  },

  'GET /repos/{owner}/{repo}/labels': (ctx) => {
    const repo = repoOf(ctx);
    return paged(ctx, [...repo.labels.values()], (l) => labelShape(ctx.shape, repo, l));
  },

  'GET /repos/{owner}/{repo}/labels/{name}': (ctx) => {
    const repo = repoOf(ctx);
    const label = findLabel(repo, String(ctx.params.name));
    if (!label) throw notFound();
    return json(200, labelShape(ctx.shape, repo, label));
  },

  'POST /repos/{owner}/{repo}/labels': (ctx) => {
    const repo = repoOf(ctx);
    const input = ctx.body as { name: string; color?: string; description?: string };
    return json(201, labelShape(ctx.shape, repo, createLabel(ctx.state, repo, input)));
  },
};
