/** Issues, comments and labels: the state transitions behind the issue routes. */
import { HttpError, notFound, validationFailed } from './http-utils.js';
import type { EmulatorState } from './state.js';
import type { CommentRecord, EmulatorUser, IssueRecord, LabelRecord, RepoRecord } from './types.js';

export type LabelInput = string | { name?: string };

export interface IssueInput {
  title: string | number;
  body?: string | null;
  labels?: LabelInput[];
  assignees?: string[];
}

export interface IssuePatch {
  title?: string | number | null;
  body?: string | null;
  state?: 'open' | 'closed';
  state_reason?: IssueRecord['stateReason'];
  labels?: LabelInput[];
  assignees?: string[];
}

export function requireIssue(repo: RepoRecord, issueNumber: number): IssueRecord {
  const issue = repo.issues.get(issueNumber);
  if (!issue) throw notFound();
  if (issue.deleted) throw new HttpError(410, 'This issue was deleted');
  return issue;
}

export function requireComment(repo: RepoRecord, commentId: number): CommentRecord {
  const comment = repo.comments.get(commentId);
  if (!comment) throw notFound();
  return comment;
}

export function createIssue(
  state: EmulatorState,
  repo: RepoRecord,
  actor: EmulatorUser,
  input: IssueInput,
  isPull = false,
): IssueRecord {
  const title = String(input.title);
  const resource = isPull ? 'PullRequest' : 'Issue';
  checkTitle(state, resource, title);
  if (input.body) checkBody(state, resource, input.body);
  const id = state.nextId();
  const now = state.now();
  const issue: IssueRecord = {
    id,
    nodeId: `${isPull ? 'PR' : 'I'}_kwDO${Buffer.from(String(id)).toString('base64url')}`,
    number: repo.nextNumber++,
    title,
    body: input.body ?? null,
    state: 'open',
    stateReason: null,
    labels: ensureLabels(state, repo, input.labels ?? []),
    assignees: input.assignees ?? [],
    user: actor.login,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    locked: false,
    deleted: false,
    isPull,
  };
  repo.issues.set(issue.number, issue);
  return issue;
}

export function updateIssue(
  state: EmulatorState,
  repo: RepoRecord,
  issue: IssueRecord,
  actor: EmulatorUser,
  patch: IssuePatch,
): IssueRecord {
  const resource = issue.isPull ? 'PullRequest' : 'Issue';
  if (patch.title !== undefined && patch.title !== null) {
    checkTitle(state, resource, String(patch.title));
    issue.title = String(patch.title);
  }
  if (patch.body !== undefined) {
    if (patch.body) checkBody(state, resource, patch.body);
    issue.body = patch.body;
  }
  if (patch.labels !== undefined) issue.labels = ensureLabels(state, repo, patch.labels);
  if (patch.assignees !== undefined) issue.assignees = patch.assignees;
  if (patch.state !== undefined) applyState(state, issue, actor, patch.state, patch.state_reason);
  else if (patch.state_reason !== undefined) issue.stateReason = patch.state_reason;
  issue.updatedAt = state.now();
  return issue;
}

function applyState(
  state: EmulatorState,
  issue: IssueRecord,
  actor: EmulatorUser,
  next: 'open' | 'closed',
  reason: IssueRecord['stateReason'] | undefined,
): void {
  if (next === issue.state) return;
  issue.state = next;
  if (next === 'closed') {
    issue.closedAt = state.now();
    issue.closedBy = actor.login;
    issue.stateReason = reason ?? 'completed';
  } else {
    issue.closedAt = null;
    issue.closedBy = null;
    issue.stateReason = reason ?? 'reopened';
  }
}

export function addLabels(
  state: EmulatorState,
  repo: RepoRecord,
  issue: IssueRecord,
  labels: LabelInput[],
) {
  const added = ensureLabels(state, repo, labels);
  const known = new Set(issue.labels.map((l) => l.toLowerCase()));
  issue.labels.push(...added.filter((l) => !known.has(l.toLowerCase())));
  issue.updatedAt = state.now();
}

export function removeLabel(
  state: EmulatorState,
  repo: RepoRecord,
  issue: IssueRecord,
  name: string,
) {
  const before = issue.labels.length;
  issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name.toLowerCase());
  if (issue.labels.length === before) throw new HttpError(404, 'Label does not exist');
  issue.updatedAt = state.now();
}

/** Resolves label names, creating unknown ones (as GitHub does for users with push access). */
export function ensureLabels(
  state: EmulatorState,
  repo: RepoRecord,
  labels: LabelInput[],
): string[] {
  const names = labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);
  const unique = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  return unique.map(
    (name) => findLabel(repo, name)?.name ?? createLabel(state, repo, { name }).name,
  );
}

export function findLabel(repo: RepoRecord, name: string): LabelRecord | undefined {
  return repo.labels.get(name.toLowerCase());
}

export function createLabel(
  state: EmulatorState,
  repo: RepoRecord,
  input: { name: string; color?: string; description?: string | null },
): LabelRecord {
  if (findLabel(repo, input.name)) {
    throw validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' });
  }
  const color = (input.color ?? 'ededed').replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(color)) {
    throw validationFailed({ resource: 'Label', code: 'invalid', field: 'color' });
  }
  const id = state.nextId();
  const label: LabelRecord = {
    id,
    nodeId: `LA_kwDO${Buffer.from(String(id)).toString('base64url')}`,
    name: input.name,
    color: color.toLowerCase(),
    description: input.description ?? null,
    default: false,
  };
  repo.labels.set(input.name.toLowerCase(), label);
  return label;
}

export function createComment(
  state: EmulatorState,
  repo: RepoRecord,
  issue: IssueRecord,
  actor: EmulatorUser,
  body: string,
): CommentRecord {
  checkBody(state, 'IssueComment', body);
  const id = state.nextId();
  const now = state.now();
  const comment: CommentRecord = {
    id,
    nodeId: `IC_kwDO${Buffer.from(String(id)).toString('base64url')}`,
    issueNumber: issue.number,
    body,
    user: actor.login,
    createdAt: now,
    updatedAt: now,
  };
  repo.comments.set(id, comment);
  return comment;
}

export function updateComment(
  state: EmulatorState,
  comment: CommentRecord,
  body: string,
): CommentRecord {
  checkBody(state, 'IssueComment', body);
  comment.body = body;
  comment.updatedAt = state.now();
  return comment;
}

export function commentCount(repo: RepoRecord, issueNumber: number): number {
  let count = 0;
  for (const comment of repo.comments.values()) if (comment.issueNumber === issueNumber) count++;
  return count;
}

function checkBody(state: EmulatorState, resource: string, body: string): void {
  const { bodyMaxChars, bodyMaxBytes } = state.limits;
  const chars = [...body].length;
  if (chars > bodyMaxChars || Buffer.byteLength(body, 'utf8') > bodyMaxBytes) {
    const message = `body is too long (maximum is ${bodyMaxChars} characters)`;
    throw validationFailed({ resource, code: 'custom', field: 'body', message });
  }
}

function checkTitle(state: EmulatorState, resource: string, title: string): void {
  if (title.trim() === '') {
    throw validationFailed({ resource, code: 'missing_field', field: 'title' });
  }
  if ([...title].length > state.limits.titleMaxChars) {
    const message = `title is too long (maximum is ${state.limits.titleMaxChars} characters)`;
    throw validationFailed({ resource, code: 'custom', field: 'title', message });
  }
}
