/**
 * One bot comment per pull request, updated in place: found by its hidden marker
 * `<!-- iterate-campaign:retry-report pr=N revision=R -->` AND the bot's login over the paginated
 * comment listing (a marker planted by anyone else is ignored). The revision only grows: a comment
 * at the same or a higher revision is never overwritten, so an older run finishing last cannot
 * undo a newer one. Creates are not idempotent on GitHub: an ambiguous failure (5xx, timeout) is
 * re-read before it is retried, and after a create the listing is read again so that when two
 * writers both created one, the oldest is kept and the others deleted. A PR that is gone (404/410)
 * is a warning, not a failure.
 */
import { clampMarkdown, COMMENT_BUDGET } from '../core/retry-report.js';
import type { ClientLogger, GitHubClient } from './client.js';
import { createOnce, type BotIdentity } from './diagnosis-issue.js';
import { describeGitHubError, githubStatus, isGoneOrNotFound } from './errors.js';

export interface StickyCommentTarget {
  client: GitHubClient;
  owner: string;
  repo: string;
  identity: BotIdentity;
  logger: ClientLogger;
}

export interface StickyCommentRequest {
  prNumber: number;
  revision: number;
  /** Markdown without the marker; clamped to the size budget with a link to `fullReportUrl`. */
  body: string;
  fullReportUrl?: string;
}

type StickyAction = 'created' | 'updated' | 'unchanged' | 'kept-newer' | 'pr-gone';

export interface StickyOutcome {
  action: StickyAction;
  commentId?: number;
  url?: string;
  /** The revision the PR shows after this call (undefined when the PR is gone). */
  revision?: number;
  /** Duplicate bot comments deleted on the way. */
  duplicatesDeleted: number;
}

interface StickyComment {
  id: number;
  url: string;
  revision: number;
  body: string;
}

const MARKER_PATTERN = /^<!-- iterate-campaign:retry-report pr=(\d+) revision=(\d+) -->$/;

export function stickyMarker(prNumber: number, revision: number): string {
  return `<!-- iterate-campaign:retry-report pr=${prNumber} revision=${revision} -->`;
}

/** The marker's PR and revision, read from any line of the body; undefined without one. */
export function readStickyMarker(
  body: string | null | undefined,
): { prNumber: number; revision: number } | undefined {
  for (const line of (body ?? '').split(/\r?\n/)) {
    const match = MARKER_PATTERN.exec(line.trim());
    if (match) return { prNumber: Number(match[1]), revision: Number(match[2]) };
  }
  return undefined;
}

/** The full comment body: marker first, then the report clamped so the whole fits GitHub. */
export function composeStickyBody(request: StickyCommentRequest): string {
  const marker = stickyMarker(request.prNumber, request.revision);
  const room = COMMENT_BUDGET - marker.length - 1;
  return `${marker}\n${clampMarkdown(request.body, room, request.fullReportUrl)}`;
}

export async function upsertStickyComment(
  target: StickyCommentTarget,
  request: StickyCommentRequest,
): Promise<StickyOutcome> {
  const body = composeStickyBody(request);
  let listed: StickyComment[];
  try {
    listed = await listStickyComments(target, request.prNumber);
  } catch (error) {
    if (isGoneOrNotFound(error)) return prGone(target, request.prNumber, error);
    throw error;
  }
  const [kept, ...duplicates] = listed;
  const duplicatesDeleted = await deleteDuplicates(target, duplicates);
  if (!kept) return createAndSettle(target, request, body, duplicatesDeleted);
  return updateIfOlder(target, request, body, kept, duplicatesDeleted);
}

function prGone(target: StickyCommentTarget, prNumber: number, error: unknown): StickyOutcome {
  target.logger.warning(
    `Pull request #${prNumber} cannot be commented on (${describeGitHubError(error)}); the report is kept in the database and the job summary.`,
  );
  return { action: 'pr-gone', duplicatesDeleted: 0 };
}

/** Bot comments carrying this PR's marker, oldest first. */
async function listStickyComments(
  target: StickyCommentTarget,
  prNumber: number,
): Promise<StickyComment[]> {
  const { client, owner, repo, identity } = target;
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner,
    repo,
    issue_number: prNumber,
    per_page: 100,
  });
  return comments
    .filter((c) => c.user?.login.toLowerCase() === identity.login.toLowerCase())
    .flatMap((c) => {
      const marker = readStickyMarker(c.body);
      if (marker?.prNumber !== prNumber) return [];
      return [{ id: Number(c.id), url: c.html_url, revision: marker.revision, body: c.body ?? '' }];
    })
    .sort((a, b) => a.id - b.id);
}

async function createAndSettle(
  target: StickyCommentTarget,
  request: StickyCommentRequest,
  body: string,
  deletedBefore: number,
): Promise<StickyOutcome> {
  const { client, owner, repo } = target;
  const find = async () => (await listStickyComments(target, request.prNumber))[0];
  let created: StickyComment;
  try {
    created = await createOnce(
      target.logger,
      `commenting on #${request.prNumber}`,
      async () => {
        const { data } = await client.rest.issues.createComment({
          owner,
          repo,
          issue_number: request.prNumber,
          body,
        });
        return { id: Number(data.id), url: data.html_url, revision: request.revision, body };
      },
      find,
    );
  } catch (error) {
    if (isGoneOrNotFound(error)) return prGone(target, request.prNumber, error);
    throw error;
  }
  // Another writer may have created one at the same time: keep the oldest, delete the rest.
  const listed = await listStickyComments(target, request.prNumber);
  if (!listed.some((c) => c.id === created.id)) listed.push(created);
  listed.sort((a, b) => a.id - b.id);
  const [kept, ...duplicates] = listed;
  const deleted = deletedBefore + (await deleteDuplicates(target, duplicates));
  if (kept!.id === created.id) {
    return {
      action: 'created',
      commentId: kept!.id,
      url: kept!.url,
      revision: request.revision,
      duplicatesDeleted: deleted,
    };
  }
  return updateIfOlder(target, request, body, kept!, deleted);
}

async function updateIfOlder(
  target: StickyCommentTarget,
  request: StickyCommentRequest,
  body: string,
  existing: StickyComment,
  duplicatesDeleted: number,
): Promise<StickyOutcome> {
  const base = { commentId: existing.id, url: existing.url, duplicatesDeleted };
  if (existing.revision > request.revision) {
    target.logger.info(
      `Comment ${existing.id} on #${request.prNumber} is at revision ${existing.revision}, newer than ${request.revision}: left as is.`,
    );
    return { ...base, action: 'kept-newer', revision: existing.revision };
  }
  if (existing.revision === request.revision) {
    return { ...base, action: 'unchanged', revision: existing.revision };
  }
  try {
    await target.client.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.id,
      body,
      // The same PATCH applied twice leaves the same comment: safe to retry after a 5xx.
      request: { retryNonIdempotent: true },
    });
  } catch (error) {
    if (githubStatus(error) !== 404) throw error;
    target.logger.warning(`Comment ${existing.id} was deleted meanwhile; writing a new one.`);
    return createAndSettle(target, request, body, duplicatesDeleted);
  }
  return { ...base, action: 'updated', revision: request.revision };
}

async function deleteDuplicates(
  target: StickyCommentTarget,
  duplicates: readonly StickyComment[],
): Promise<number> {
  let deleted = 0;
  for (const duplicate of duplicates) {
    target.logger.warning(`Deleting duplicate report comment ${duplicate.id}.`);
    try {
      await target.client.rest.issues.deleteComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: duplicate.id,
      });
      deleted += 1;
    } catch (error) {
      if (githubStatus(error) !== 404) throw error; // a concurrent writer deleted it first
    }
  }
  return deleted;
}
