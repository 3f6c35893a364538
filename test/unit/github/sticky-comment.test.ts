/**
 * The sticky PR comment against the GitHub emulator (checked against the OpenAPI description):
 * one bot comment per PR, revision ordering, ambiguous 5xx on create, concurrent creates, a planted
 * marker from another user, 404/410 PRs and bodies over GitHub's limit.
 */
import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client.js';
import { GITHUB_ACTIONS_LOGIN } from '../../../src/github/diagnosis-issue.js';
import {
  composeStickyBody,
  readStickyMarker,
  stickyMarker,
  upsertStickyComment,
  type StickyCommentTarget,
} from '../../../src/github/sticky-comment.js';
import { memoryLogger } from '../../../src/logger.js';
import { faults, useGitHubEmulator } from '../../support/github-emulator/index.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

const gh = useGitHubEmulator();

function target(): StickyCommentTarget & { log: () => string } {
  const logger = memoryLogger();
  const client = createGitHubClient({
    token: gh.token,
    baseUrl: gh.url,
    logger,
    retryDelayUnitMs: 1,
    pacing: { writeMinTimeMs: 0, notificationMinTimeMs: 0, searchMinTimeMs: 0 },
  });
  return {
    client,
    owner: OWNER,
    repo: REPO,
    identity: { login: GITHUB_ACTIONS_LOGIN, confirmed: false },
    logger,
    log: () => logger.text(),
  };
}

function openPull(): number {
  const branch = `fix-${Math.random().toString(16).slice(2, 8)}`;
  gh.state.commitFiles(OWNER, REPO, { branch, files: { 'a.txt': 'a\n' } });
  return gh.state.createPull(OWNER, REPO, { head: branch, title: 'Fix', body: 'Fixes #1' }).number;
}

function botComments(pr: number) {
  return gh.state
    .comments(OWNER, REPO, pr)
    .filter((c) => c.user === GITHUB_ACTIONS_LOGIN && readStickyMarker(c.body));
}

describe('marker', () => {
  it('round-trips the PR and revision, and ignores look-alikes', () => {
    expect(readStickyMarker(`x\n${stickyMarker(12, 1342)}\ny`)).toEqual({
      prNumber: 12,
      revision: 1342,
    });
    expect(readStickyMarker('<!-- iterate-campaign:retry-report pr=12 revision=x -->')).toBe(
      undefined,
    );
    expect(readStickyMarker(undefined)).toBe(undefined);
  });

  it('keeps a huge body under every GitHub limit, cut on a line, with the link', () => {
    const emoji = '🔥'.repeat(40_000);
    const table = Array.from({ length: 5_000 }, (_, i) => `| row ${i} | ${emoji.slice(0, 40)} |`);
    const body = composeStickyBody({
      prNumber: 3,
      revision: 12,
      body: ['## Report', ...table].join('\n'),
      fullReportUrl: 'https://github.com/o/r/actions/runs/1',
    });
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect([...body].length).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(262_144);
    expect(body).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no lone high surrogate
    expect(body.startsWith(stickyMarker(3, 12))).toBe(true);
    expect(body).toContain('Full results: https://github.com/o/r/actions/runs/1');
    expect(body.split('\n').at(-1)).toMatch(/^\| row \d+ \| .* \|$/);
  });
});

describe('upsertStickyComment', () => {
  it('creates one comment, updates it to a newer revision, never back to an older one', async () => {
    const pr = openPull();
    const t = target();
    const first = await upsertStickyComment(t, { prNumber: pr, revision: 52, body: 'retry 5' });
    expect(first).toMatchObject({ action: 'created', revision: 52 });

    const newer = await upsertStickyComment(t, { prNumber: pr, revision: 53, body: 'validating' });
    expect(newer).toMatchObject({ action: 'updated', commentId: first.commentId, revision: 53 });

    const older = await upsertStickyComment(t, { prNumber: pr, revision: 52, body: 'stale run' });
    expect(older).toMatchObject({ action: 'kept-newer', revision: 53 });
    const same = await upsertStickyComment(t, { prNumber: pr, revision: 53, body: 'again' });
    expect(same).toMatchObject({ action: 'unchanged' });

    const comments = botComments(pr);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toBe(`${stickyMarker(pr, 53)}\nvalidating`);
  });

  it('a 502 on create after GitHub created it: re-read, no duplicate', async () => {
    const pr = openPull();
    gh.inject({
      method: 'POST',
      route: COMMENTS,
      ...faults.serverError(502),
      applyBeforeResponding: true,
    });
    const t = target();
    const outcome = await upsertStickyComment(t, { prNumber: pr, revision: 12, body: 'report' });
    expect(outcome.action).toBe('created');
    expect(botComments(pr)).toHaveLength(1);
    expect(gh.requestsTo('POST', COMMENTS)).toHaveLength(1);
    expect(t.log()).toMatch(/re-reading before retrying commenting on #/);
  });

  it('a 502 on create that was not applied: retried once after the re-read', async () => {
    const pr = openPull();
    gh.inject({ method: 'POST', route: COMMENTS, ...faults.serverError(502) });
    const outcome = await upsertStickyComment(target(), { prNumber: pr, revision: 12, body: 'r' });
    expect(outcome.action).toBe('created');
    expect(gh.requestsTo('POST', COMMENTS)).toHaveLength(2);
    expect(botComments(pr)).toHaveLength(1);
  });

  it('two bot comments (concurrent creates): the oldest is kept at the newest revision, the other deleted', async () => {
    const pr = openPull();
    const a = gh.state.createComment(OWNER, REPO, pr, { body: `${stickyMarker(pr, 22)}\nA` });
    gh.state.createComment(OWNER, REPO, pr, { body: `${stickyMarker(pr, 21)}\nB` });
    const outcome = await upsertStickyComment(target(), { prNumber: pr, revision: 23, body: 'C' });
    expect(outcome).toMatchObject({ action: 'updated', commentId: a.id, duplicatesDeleted: 1 });
    expect(botComments(pr).map((c) => c.body)).toEqual([`${stickyMarker(pr, 23)}\nC`]);
  });

  it('ignores a marker planted by another user and writes its own comment', async () => {
    const pr = openPull();
    gh.state.createComment(OWNER, REPO, pr, {
      body: `${stickyMarker(pr, 999)}\nplanted`,
      user: 'mallory',
    });
    const outcome = await upsertStickyComment(target(), { prNumber: pr, revision: 12, body: 'ok' });
    expect(outcome.action).toBe('created');
    const all = gh.state.comments(OWNER, REPO, pr);
    expect(all.find((c) => c.user === 'mallory')!.body).toContain('planted');
    expect(botComments(pr)).toHaveLength(1);
  });

  it('a PR that does not exist (404) or was deleted (410): a warning, no write, no throw', async () => {
    const t = target();
    expect(await upsertStickyComment(t, { prNumber: 9999, revision: 1, body: 'x' })).toMatchObject({
      action: 'pr-gone',
    });
    const pr = openPull();
    gh.state.deleteIssue(OWNER, REPO, pr);
    expect(await upsertStickyComment(t, { prNumber: pr, revision: 1, body: 'x' })).toMatchObject({
      action: 'pr-gone',
    });
    expect(t.log()).toMatch(/Pull request #9999 cannot be commented on/);
    expect(gh.requestsTo('POST', COMMENTS)).toHaveLength(0);
  });

  it('a comment deleted between listing and editing is written again', async () => {
    const pr = openPull();
    const old = gh.state.createComment(OWNER, REPO, pr, { body: `${stickyMarker(pr, 11)}\nold` });
    gh.inject({
      method: 'PATCH',
      route: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      status: 404,
    });
    const outcome = await upsertStickyComment(target(), { prNumber: pr, revision: 12, body: 'n' });
    expect(outcome.action).toBe('updated'); // the re-list still finds `old`, and edits it
    expect(outcome.commentId).toBe(old.id);
    expect(botComments(pr)).toHaveLength(1);
  });
});
