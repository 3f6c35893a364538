import { describe, expect, it } from 'vitest';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client.js';
import { memoryLogger } from '../../../src/logger.js';
import {
  ACTIONS_CANNOT_CREATE_PRS,
  faults,
  gitBlobSha,
  useGitHubEmulator,
} from '../../support/github-emulator/index.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const gh = useGitHubEmulator();

function client(token = gh.token): GitHubClient {
  return createGitHubClient({
    token,
    baseUrl: gh.url,
    logger: memoryLogger(),
    pacing: { writeMinTimeMs: 0, notificationMinTimeMs: 0, searchMinTimeMs: 0 },
    retryDelayUnitMs: 10,
  });
}

async function api(method: string, path: string, body?: unknown, token = gh.token) {
  const response = await fetch(`${gh.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

describe('github emulator over plain fetch', () => {
  it('answers GET /user with the token identity and rate-limit headers', async () => {
    const res = await api('GET', '/user');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
    expect(res.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(Number(res.headers.get('x-ratelimit-remaining'))).toBe(4999);
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);

    const other = await api('GET', '/user', undefined, gh.tokenFor('mallory'));
    expect(other.body).toMatchObject({ login: 'mallory', type: 'User' });
    expect((await api('GET', '/user', undefined, 'ghp_notARealTokenAtAll000000')).status).toBe(401);
  });

  it('paginates issues with GitHub Link headers', async () => {
    for (let i = 1; i <= 5; i++) {
      expect(
        (
          await api('POST', `/repos/${OWNER}/${REPO}/issues`, {
            title: `issue ${i}`,
            labels: ['eval-bot'],
          })
        ).status,
      ).toBe(201);
    }
    const base = `${gh.url}/repos/${OWNER}/${REPO}/issues?per_page=2`;
    const first = await api('GET', `/repos/${OWNER}/${REPO}/issues?per_page=2`);
    expect((first.body as { number: number }[]).map((i) => i.number)).toEqual([5, 4]);
    expect(first.headers.get('link')).toBe(
      `<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`,
    );
    const middle = await api('GET', `/repos/${OWNER}/${REPO}/issues?per_page=2&page=2`);
    expect(middle.headers.get('link')).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
    );
    const last = await api('GET', `/repos/${OWNER}/${REPO}/issues?per_page=2&page=3`);
    expect((last.body as unknown[]).length).toBe(1);
    expect(last.headers.get('link')).toBe(
      `<${base}&page=2>; rel="prev", <${base}&page=1>; rel="first"`,
    );
  });

  it('records a violation for a body missing a required field (POST issues without title)', async () => {
    const res = await api('POST', `/repos/${OWNER}/${REPO}/issues`, { body: 'no title' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ message: 'Invalid request.\n\n"title" wasn\'t supplied.' });
    const violations = gh.takeViolations();
    expect(violations).toEqual([
      expect.objectContaining({ kind: 'invalid-body', route: '/repos/{owner}/{repo}/issues' }),
    ]);
    expect(gh.state.issues(OWNER, REPO)).toHaveLength(0);
  });

  it('records violations for wrong types, unknown fields and bad query params', async () => {
    expect(
      (await api('POST', `/repos/${OWNER}/${REPO}/issues`, { title: 'x', labels: 'bug' })).status,
    ).toBe(422);
    expect(
      (await api('POST', `/repos/${OWNER}/${REPO}/issues`, { title: 'x', lables: ['bug'] })).status,
    ).toBe(422);
    expect((await api('GET', `/repos/${OWNER}/${REPO}/issues?state=opened`)).status).toBe(422);
    expect((await api('GET', `/repos/${OWNER}/${REPO}/issues/abc`)).status).toBe(404);
    expect(gh.takeViolations().map((v) => v.kind)).toEqual([
      'invalid-body',
      'invalid-body',
      'invalid-params',
      'invalid-params',
    ]);
  });

  it('records unknown routes and unimplemented operations', async () => {
    expect((await api('GET', `/repos/${OWNER}/${REPO}/no-such-thing`)).status).toBe(404);
    expect((await api('DELETE', '/user')).status).toBe(404);
    expect((await api('GET', `/repos/${OWNER}/${REPO}/releases`)).status).toBe(501);
    expect(gh.takeViolations().map((v) => v.kind)).toEqual([
      'unknown-route',
      'method-not-allowed',
      'unimplemented',
    ]);
  });

  it('flags valid-but-unemulated filters and answers 410 when issues are disabled', async () => {
    expect((await api('GET', `/repos/${OWNER}/${REPO}/issues?assignee=octocat`)).status).toBe(200);
    expect(gh.takeViolations()).toEqual([
      expect.objectContaining({
        kind: 'unimplemented',
        message: 'query parameter "assignee" is not emulated (ignored)',
      }),
    ]);
    gh.state.setRepoSettings(OWNER, REPO, { hasIssues: false });
    expect((await api('POST', `/repos/${OWNER}/${REPO}/issues`, { title: 'x' })).status).toBe(410);
  });

  it('accepts refs and paths whose slashes are not percent-encoded', async () => {
    gh.state.commitFiles(OWNER, REPO, { branch: 'feat/x', files: { 'dir/sub/f.txt': 'hi' } });
    const ref = await api('GET', `/repos/${OWNER}/${REPO}/git/ref/heads/feat/x`);
    expect(ref.body).toMatchObject({ ref: 'refs/heads/feat/x' });
    const file = await api('GET', `/repos/${OWNER}/${REPO}/contents/dir/sub/f.txt?ref=feat/x`);
    expect(file.body).toMatchObject({ path: 'dir/sub/f.txt', type: 'file' });
  });

  it('enforces its own primary rate limit once the quota is spent', async () => {
    gh.rateLimit.remaining = 0;
    const res = await api('GET', `/repos/${OWNER}/${REPO}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(res.body).toMatchObject({ message: expect.stringContaining('API rate limit exceeded') });
  });

  it('answers 304 to a matching If-None-Match without spending quota', async () => {
    const first = await api('GET', `/repos/${OWNER}/${REPO}`);
    const etag = first.headers.get('etag') ?? '';
    const res = await fetch(`${gh.url}/repos/${OWNER}/${REPO}`, {
      headers: { authorization: `token ${gh.token}`, 'if-none-match': etag },
    });
    expect(res.status).toBe(304);
    expect(res.headers.get('x-ratelimit-remaining')).toBe(
      first.headers.get('x-ratelimit-remaining'),
    );
  });
});

describe('github emulator with the real Octokit client', () => {
  it('creates, lists and paginates issues and comments', async () => {
    const octokit = client();
    const { data: issue } = await octokit.rest.issues.create({
      owner: OWNER,
      repo: REPO,
      title: 'Diagnosis',
      labels: ['eval-bot'],
    });
    expect(issue).toMatchObject({
      number: 1,
      state: 'open',
      user: { login: 'github-actions[bot]' },
    });
    expect(issue.labels).toEqual([expect.objectContaining({ name: 'eval-bot' })]);
    for (let i = 0; i < 120; i++) gh.state.createComment(OWNER, REPO, 1, { body: `seed ${i}` });
    const planted = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: 1,
      body: '<!-- marker -->',
    });
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: 1,
      per_page: 100,
    });
    expect(comments).toHaveLength(121);
    expect(comments.at(-1)?.id).toBe(planted.data.id);
    expect(
      gh.requestsTo('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments'),
    ).toHaveLength(2);

    await octokit.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: planted.data.id,
      body: 'edited',
    });
    await octokit.rest.issues.deleteComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comments[0]!.id,
    });
    expect(gh.state.comments(OWNER, REPO, 1)).toHaveLength(120);

    await octokit.rest.issues.update({
      owner: OWNER,
      repo: REPO,
      issue_number: 1,
      state: 'closed',
      title: 'Diagnosis (fixed)',
    });
    const open = await octokit.rest.issues.listForRepo({
      owner: OWNER,
      repo: REPO,
      labels: 'eval-bot',
    });
    expect(open.data).toHaveLength(0);
    const all = await octokit.rest.issues.listForRepo({
      owner: OWNER,
      repo: REPO,
      labels: 'eval-bot',
      state: 'all',
      creator: 'github-actions[bot]',
    });
    expect(all.data.map((i) => i.title)).toEqual(['Diagnosis (fixed)']);
  });

  it('gets, creates and adds labels', async () => {
    const octokit = client();
    await expect(
      octokit.rest.issues.getLabel({ owner: OWNER, repo: REPO, name: 'eval-bot' }),
    ).rejects.toMatchObject({ status: 404 });
    await octokit.rest.issues.createLabel({
      owner: OWNER,
      repo: REPO,
      name: 'eval-bot',
      color: 'ff0000',
    });
    await expect(
      octokit.rest.issues.createLabel({ owner: OWNER, repo: REPO, name: 'eval-bot' }),
    ).rejects.toMatchObject({ status: 422 });
    const issue = gh.state.createIssue(OWNER, REPO, { title: 'seeded' });
    const { data } = await octokit.rest.issues.addLabels({
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number,
      labels: ['eval-bot', 'flaky'],
    });
    expect(data.map((l) => l.name)).toEqual(['eval-bot', 'flaky']);
  });

  it('serves a 502 after really creating the issue (ambiguous write) and does not retry the POST', async () => {
    const octokit = client();
    const fault = gh.inject({
      method: 'POST',
      route: '/repos/{owner}/{repo}/issues',
      ...faults.serverError(502),
      applyBeforeResponding: true,
    });
    await expect(
      octokit.rest.issues.create({ owner: OWNER, repo: REPO, title: 'once' }),
    ).rejects.toMatchObject({ status: 502 });
    expect(fault.hits).toBe(1);
    expect(gh.state.issues(OWNER, REPO).map((i) => i.title)).toEqual(['once']);
    expect(gh.requestsTo('POST', '/repos/{owner}/{repo}/issues')).toHaveLength(1);
  });

  it('commits a file on a new branch through refs, blobs, trees and commits, then updates it via contents', async () => {
    const octokit = client();
    const base = { owner: OWNER, repo: REPO };
    const { data: main } = await octokit.rest.git.getRef({ ...base, ref: 'heads/main' });
    const { data: parent } = await octokit.rest.git.getCommit({
      ...base,
      commit_sha: main.object.sha,
    });
    const yaml = 'campaign: retry\ntrials: 10\n';
    const { data: blob } = await octokit.rest.git.createBlob({
      ...base,
      content: Buffer.from(yaml).toString('base64'),
      encoding: 'base64',
    });
    expect(blob.sha).toBe(gitBlobSha(yaml));
    const { data: tree } = await octokit.rest.git.createTree({
      ...base,
      base_tree: parent.tree.sha,
      tree: [
        { path: 'campaigns/retry/campaign.yaml', mode: '100644', type: 'blob', sha: blob.sha },
      ],
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      ...base,
      message: 'Add retry campaign',
      tree: tree.sha,
      parents: [parent.sha],
    });
    await octokit.rest.git.createRef({
      ...base,
      ref: 'refs/heads/iterate/retry-1',
      sha: commit.sha,
    });
    await expect(
      octokit.rest.git.createRef({ ...base, ref: 'refs/heads/iterate/retry-1', sha: commit.sha }),
    ).rejects.toMatchObject({ status: 422 });

    const { data: file } = await octokit.rest.repos.getContent({
      ...base,
      path: 'campaigns/retry/campaign.yaml',
      ref: 'iterate/retry-1',
    });
    expect(Array.isArray(file)).toBe(false);
    const content = file as { content: string; sha: string };
    expect(Buffer.from(content.content, 'base64').toString('utf8')).toBe(yaml);
    expect(gh.state.readFile(OWNER, REPO, 'main', 'campaigns/retry/campaign.yaml')).toBeUndefined();

    const put = (sha?: string) =>
      octokit.rest.repos.createOrUpdateFileContents({
        ...base,
        path: 'campaigns/retry/campaign.yaml',
        message: 'Bump trials',
        content: Buffer.from('campaign: retry\ntrials: 20\n').toString('base64'),
        branch: 'iterate/retry-1',
        ...(sha ? { sha } : {}),
      });
    await expect(put()).rejects.toMatchObject({ status: 422 });
    await expect(put('0'.repeat(40))).rejects.toMatchObject({ status: 409 });
    const { data: updated } = await put(content.sha);
    expect(updated.commit.parents?.[0]?.sha).toBe(commit.sha);
    expect(
      gh.state.readFile(OWNER, REPO, 'iterate/retry-1', 'campaigns/retry/campaign.yaml'),
    ).toContain('trials: 20');

    await expect(
      octokit.rest.git.updateRef({ ...base, ref: 'heads/iterate/retry-1', sha: main.object.sha }),
    ).rejects.toMatchObject({ status: 422 });
    await octokit.rest.git.updateRef({
      ...base,
      ref: 'heads/iterate/retry-1',
      sha: main.object.sha,
      force: true,
    });
    expect(gh.state.branchSha(OWNER, REPO, 'iterate/retry-1')).toBe(main.object.sha);
  });

  it('creates pull requests, lists files and compares', async () => {
    const octokit = client();
    const base = { owner: OWNER, repo: REPO };
    await expect(
      octokit.rest.pulls.create({ ...base, title: 'same', head: 'main', base: 'main' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.pulls.create({ ...base, title: 'missing', head: 'nope', base: 'main' }),
    ).rejects.toMatchObject({ status: 422 });
    const head = gh.state.commitFiles(OWNER, REPO, {
      branch: 'feature',
      files: { 'src/a.ts': 'a\n', 'README.md': null },
    });
    const { data: pr } = await octokit.rest.pulls.create({
      ...base,
      title: 'Retry campaign',
      head: `${OWNER}:feature`,
      base: 'main',
    });
    expect(pr).toMatchObject({
      number: 1,
      head: { ref: 'feature', sha: head },
      base: { ref: 'main' },
      changed_files: 2,
    });
    await expect(
      octokit.rest.pulls.create({ ...base, title: 'again', head: 'feature', base: 'main' }),
    ).rejects.toMatchObject({ status: 422 });

    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      ...base,
      pull_number: 1,
      per_page: 100,
    });
    expect(files.map((f) => [f.filename, f.status])).toEqual([
      ['README.md', 'removed'],
      ['src/a.ts', 'added'],
    ]);
    const byHead = await octokit.rest.pulls.list({
      ...base,
      head: `${OWNER}:feature`,
      state: 'open',
    });
    expect(byHead.data.map((p) => p.number)).toEqual([1]);
    const { data: comparison } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...base,
      basehead: 'main...feature',
    });
    expect(comparison).toMatchObject({
      status: 'ahead',
      ahead_by: 1,
      behind_by: 0,
      total_commits: 1,
    });
    expect(comparison.files?.map((f) => f.filename)).toEqual(['README.md', 'src/a.ts']);

    await octokit.rest.pulls.update({ ...base, pull_number: 1, title: 'Retry campaign v2' });
    expect(gh.state.pull(OWNER, REPO, 1)?.issue.title).toBe('Retry campaign v2');
  });

  it('refuses PR creation by GitHub Actions when the repository switch is off', async () => {
    gh.state.setRepoSettings(OWNER, REPO, { canActionsCreatePullRequests: false });
    gh.state.commitFiles(OWNER, REPO, { branch: 'feature', files: { 'x.txt': 'x' } });
    const error = await client()
      .rest.pulls.create({ owner: OWNER, repo: REPO, title: 't', head: 'feature', base: 'main' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 403,
      response: { data: { message: ACTIONS_CANNOT_CREATE_PRS } },
    });
    const asUser = await client(gh.tokenFor('octocat')).rest.pulls.create({
      owner: OWNER,
      repo: REPO,
      title: 't',
      head: 'feature',
      base: 'main',
    });
    expect(asUser.status).toBe(201);
  });

  it('finds pull requests associated with a commit (head and merge commit)', async () => {
    const octokit = client();
    const head = gh.state.commitFiles(OWNER, REPO, { branch: 'feature', files: { 'x.txt': 'x' } });
    gh.state.createPull(OWNER, REPO, { head: 'feature', title: 'Feature' });
    const byHead = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner: OWNER,
      repo: REPO,
      commit_sha: head,
    });
    expect(byHead.data.map((p) => p.number)).toEqual([1]);
    const merge = gh.state.mergePull(OWNER, REPO, 1);
    const byMerge = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner: OWNER,
      repo: REPO,
      commit_sha: merge,
    });
    expect(byMerge.data).toEqual([
      expect.objectContaining({ number: 1, merged_at: expect.any(String) }),
    ]);
    const { data: pr } = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 });
    expect(pr).toMatchObject({ merged: true, merge_commit_sha: merge, state: 'closed' });
    expect(gh.state.readFile(OWNER, REPO, 'main', 'x.txt')).toBe('x');
  });

  it('caps the PR file list at 3,000 like GitHub while changed_files reports the real count', async () => {
    const octokit = client();
    gh.state.commitFiles(OWNER, REPO, { branch: 'big', files: { 'a.txt': 'a' } });
    gh.state.createPull(OWNER, REPO, { head: 'big', title: 'Big' });
    gh.state.setPullFiles(OWNER, REPO, 1, 3500);
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: OWNER,
      repo: REPO,
      pull_number: 1,
      per_page: 100,
    });
    expect(files).toHaveLength(3000);
    const { data: pr } = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 });
    expect(pr.changed_files).toBe(3500);
  });

  it('answers 410 for a deleted issue and 403 for writes with a read-only token', async () => {
    const octokit = client();
    const issue = gh.state.createIssue(OWNER, REPO, { title: 'gone' });
    gh.state.deleteIssue(OWNER, REPO, issue.number);
    await expect(
      octokit.rest.issues.get({ owner: OWNER, repo: REPO, issue_number: issue.number }),
    ).rejects.toMatchObject({ status: 410 });
    const readOnly = client(gh.tokenFor('fork-contributor', { readOnly: true }));
    await expect(
      readOnly.rest.issues.create({ owner: OWNER, repo: REPO, title: 'x' }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('github emulator with realistic installation tokens', () => {
  const real = useGitHubEmulator({ getUserWithInstallationToken: 'forbidden' });

  it('answers GET /user with 403 for GITHUB_TOKEN, like GitHub', async () => {
    const res = await fetch(`${real.url}/user`, {
      headers: { authorization: `token ${real.token}` },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ message: 'Resource not accessible by integration' });
    const pat = await fetch(`${real.url}/user`, {
      headers: { authorization: `token ${real.tokenFor('octocat')}` },
    });
    expect(await pat.json()).toMatchObject({ login: 'octocat' });
  });
});
