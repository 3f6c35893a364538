import { describe, expect, it } from 'vitest';
import { createGitHubClient, type GitHubClientOptions } from '../../../src/github/client.js';
import {
  describeGitHubError,
  GitHubRateLimitError,
  isAmbiguousWriteFailure,
  isGoneOrNotFound,
} from '../../../src/github/errors.js';
import { memoryLogger, type MemoryLogger } from '../../../src/logger.js';
import { faults, useGitHubEmulator } from '../../support/github-emulator/index.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const ISSUES = '/repos/{owner}/{repo}/issues';
const gh = useGitHubEmulator();

function setup(options: Partial<GitHubClientOptions> = {}) {
  const logger = memoryLogger();
  const octokit = createGitHubClient({
    token: gh.token,
    baseUrl: gh.url,
    userAgent: 'iterate-campaign-test',
    logger,
    pacing: { writeMinTimeMs: 0, notificationMinTimeMs: 0, searchMinTimeMs: 0 },
    ...options,
  });
  return { octokit, logger };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the request to fail'),
    (error: unknown) => error,
  );
}

describe('createGitHubClient', () => {
  it('waits retry-after on a secondary rate limit and retries', async () => {
    const { octokit, logger } = setup();
    gh.inject({ method: 'POST', route: ISSUES, ...faults.secondaryRateLimit(1) });
    const started = Date.now();
    const { data } = await octokit.rest.issues.create({
      owner: OWNER,
      repo: REPO,
      title: 'after limit',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(data.number).toBe(1);
    expect(gh.requestsTo('POST', ISSUES).map((r) => r.status)).toEqual([403, 201]);
    expect(logger.text()).toMatch(
      /secondary rate limit on POST \/repos\/\{owner\}\/\{repo\}\/issues; retrying in 1 s/,
    );
  });

  it('gives up on a secondary limit after the configured retries with a clear error', async () => {
    const { octokit } = setup({ secondaryRateLimitRetries: 1 });
    gh.inject({ method: 'GET', route: ISSUES, times: Infinity, ...faults.secondaryRateLimit(1) });
    const error = await failure(octokit.rest.issues.listForRepo({ owner: OWNER, repo: REPO }));
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect((error as GitHubRateLimitError).kind).toBe('secondary');
    expect((error as Error).message).toMatch(
      /secondary rate limit on GET \/repos\/octo-org\/octo-repo\/issues persisted \(retry-after 1 s\)/,
    );
    expect(gh.requestsTo('GET', ISSUES)).toHaveLength(2);
  });

  it('fails fast on a primary limit whose reset is after the deadline, naming the reset time', async () => {
    const resetAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2 * 3600_000);
    const deadline = new Date(Date.now() + 3600_000);
    const { octokit } = setup({ deadline });
    gh.inject({
      method: 'GET',
      route: '/repos/{owner}/{repo}/pulls/{pull_number}',
      ...faults.primaryRateLimit(resetAt),
    });
    const started = Date.now();
    const error = await failure(
      octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    const limit = error as GitHubRateLimitError;
    expect(limit).toMatchObject({ kind: 'primary', status: 403, resetAt });
    expect(limit.message).toContain(`resets at ${resetAt.toISOString()}`);
    expect(limit.message).toContain(`after the job deadline ${deadline.toISOString()}`);
    expect(gh.requestsTo('GET', '/repos/{owner}/{repo}/pulls/{pull_number}')).toHaveLength(1);
  });

  it('waits for a primary limit that resets before the deadline', async () => {
    const { octokit, logger } = setup({
      deadline: new Date(Date.now() + 3600_000),
      retryDelayUnitMs: 50,
    });
    gh.inject({
      method: 'GET',
      route: '/repos/{owner}/{repo}',
      ...faults.primaryRateLimit(new Date(Date.now() + 1000)),
    });
    const { data } = await octokit.rest.repos.get({ owner: OWNER, repo: REPO });
    expect(data.full_name).toBe(`${OWNER}/${REPO}`);
    expect(logger.text()).toMatch(
      /primary rate limit exhausted on GET \/repos\/\{owner\}\/\{repo\}; waiting \d s/,
    );
  });

  it('retries a 502 on GET', async () => {
    const { octokit } = setup({ retryDelayUnitMs: 20 });
    gh.inject({
      method: 'GET',
      route: '/repos/{owner}/{repo}',
      ...faults.serverError(502),
      times: 2,
    });
    const { data } = await octokit.rest.repos.get({ owner: OWNER, repo: REPO });
    expect(data.name).toBe(REPO);
    expect(gh.requestsTo('GET', '/repos/{owner}/{repo}').map((r) => r.status)).toEqual([
      502, 502, 200,
    ]);
  });

  it('does not retry a POST that failed ambiguously, so the caller can re-read first', async () => {
    const { octokit } = setup({ retryDelayUnitMs: 20 });
    gh.state.createIssue(OWNER, REPO, { title: 'report' });
    const route = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
    gh.inject({ method: 'POST', route, ...faults.serverError(502), applyBeforeResponding: true });
    const error = await failure(
      octokit.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: 1,
        body: '<!-- m -->',
      }),
    );
    expect(isAmbiguousWriteFailure(error)).toBe(true);
    expect(describeGitHubError(error)).toBe(
      'GitHub API POST /repos/octo-org/octo-repo/issues/1/comments failed: 502 Server Error; the write may have been applied, re-read before retrying',
    );
    expect(gh.requestsTo('POST', route)).toHaveLength(1);
    expect(gh.state.comments(OWNER, REPO, 1)).toHaveLength(1);

    gh.inject({ method: 'POST', route, ...faults.serverError(502) });
    const optIn = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: 1,
      body: 'idempotent by construction',
      request: { retryNonIdempotent: true },
    });
    expect(optIn.status).toBe(201);
  });

  it('does not retry 404/410 and classifies them', async () => {
    const { octokit } = setup({ retryDelayUnitMs: 20 });
    gh.state.createIssue(OWNER, REPO, { title: 'gone' });
    gh.state.deleteIssue(OWNER, REPO, 1);
    const gone = await failure(
      octokit.rest.issues.get({ owner: OWNER, repo: REPO, issue_number: 1 }),
    );
    const missing = await failure(
      octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 99 }),
    );
    expect([isGoneOrNotFound(gone), isGoneOrNotFound(missing)]).toEqual([true, true]);
    expect(gh.requests.map((r) => r.status)).toEqual([410, 404]);
  });

  it('never puts the token in error messages or logs', async () => {
    const assertClean = (text: string, logger: MemoryLogger, token: string) => {
      expect(text).not.toContain(token);
      expect(logger.text()).not.toContain(token);
    };
    const bad = 'ghp_' + 'x'.repeat(36);
    const { octokit: badClient, logger: badLogger } = setup({ token: bad });
    const unauthorized = await failure(
      badClient.rest.issues.listForRepo({ owner: OWNER, repo: REPO }),
    );
    const line = describeGitHubError(unauthorized);
    expect(line).toBe(
      'GitHub API GET /repos/octo-org/octo-repo/issues failed: 401 Bad credentials — see https://docs.github.com/rest',
    );
    assertClean(
      `${line}\n${String(unauthorized)}\n${(unauthorized as Error).stack}\n${JSON.stringify(unauthorized)}`,
      badLogger,
      bad,
    );

    const { octokit, logger } = setup();
    const invalid = await failure(
      octokit.request(`POST /repos/${OWNER}/${REPO}/issues` as string, { body: 'no title' }),
    );
    gh.takeViolations();
    const invalidLine = describeGitHubError(invalid);
    expect(invalidLine).toMatch(
      /^GitHub API POST \/repos\/octo-org\/octo-repo\/issues failed: 422 Invalid request\. "title" wasn't supplied\. — see https:\/\/docs\.github\.com\//,
    );
    assertClean(`${invalidLine}\n${String(invalid)}\n${JSON.stringify(invalid)}`, logger, gh.token);

    gh.inject({
      method: 'GET',
      route: '/repos/{owner}/{repo}',
      resetConnection: true,
      times: Infinity,
    });
    const network = await failure(
      setup({ retries: 0 }).octokit.rest.repos.get({ owner: OWNER, repo: REPO }),
    );
    const networkLine = describeGitHubError(network);
    expect(networkLine).toMatch(
      /^GitHub API GET \/repos\/octo-org\/octo-repo failed: network error/,
    );
    assertClean(`${networkLine}\n${String(network)}`, logger, gh.token);
    expect(describeGitHubError(new Error(`boom token ${gh.token}`))).not.toContain(gh.token);
  });
});
