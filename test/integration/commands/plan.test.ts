/**
 * `plan` against PR file lists served by the GitHub emulator (validated against GitHub's OpenAPI):
 * shared-code paths, renames, deletions, the 3,000-file cap (compare fallback) and the compare
 * cap (tree-diff fallback), and a push that merged no PR.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { useGitHubEmulator, type DiffFile } from '../../support/github-emulator/index.js';
import { runTestCommand } from './support.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const REGISTRY = 'us-central1-docker.pkg.dev/test-project/eval';
const gh = useGitHubEmulator();
const dirs: string[] = [];
let branch = 0;

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function merge(files: Record<string, string | null>, body = ''): { number: number; sha: string } {
  const head = `change-${++branch}`;
  gh.state.commitFiles(OWNER, REPO, { branch: head, files });
  const pull = gh.state.createPull(OWNER, REPO, { head, title: `change ${branch}`, body });
  return { number: pull.number, sha: gh.state.mergePull(OWNER, REPO, pull.number) };
}

function env(sha: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: gh.url,
    GITHUB_SHA: sha,
    GITHUB_EVENT_NAME: 'push',
    ...extra,
  };
}

async function plan(
  sha: string,
  inputs: Record<string, string> = {},
  extraEnv: NodeJS.ProcessEnv = {},
) {
  const result = await runTestCommand(
    'plan',
    { 'github-token': gh.token, ...inputs },
    { env: env(sha, { GCP_PROJECT: 'test-project', ...extraEnv }) },
  );
  expect(result.error, result.log).toBeUndefined();
  expect(result.code).toBe(0);
  return {
    ...result,
    images: JSON.parse(result.outputs.images!) as {
      name: string;
      tag: string;
      dockerfile: string;
      context: string;
      platform: string;
    }[],
    tests: JSON.parse(result.outputs['test-commands']!) as string[],
    summary: result.outputs['changed-paths-summary']!,
  };
}

const diff = (filename: string, status: DiffFile['status'], previous?: string): DiffFile => ({
  filename,
  status,
  sha: '0'.repeat(40),
  additions: 1,
  deletions: 0,
  changes: 1,
  ...(previous ? { previous_filename: previous } : {}),
});

describe('plan command', () => {
  test('shared operator code and an observer rebuild the operator, tagged by the short merge SHA, with their test suites', async () => {
    const pr = merge({
      'packages/operator-core/src/operator_core/monitor.py': 'x\n',
      'subjects/tikv/observer/src/tikv_observer/invariants.py': 'y\n',
      'README.md': 'docs\n',
    });
    const result = await plan(pr.sha);
    expect(result.images).toEqual([
      {
        name: 'operator',
        dockerfile: 'subjects/tikv/Dockerfile.operator',
        context: '.',
        platform: 'linux/amd64',
        tag: `${REGISTRY}/operator:${pr.sha.slice(0, 7)}`,
      },
    ]);
    expect(result.tests).toEqual([
      'uv run pytest packages/operator-core/tests/ -x -q',
      'uv run pytest subjects/tikv/observer/tests/ -x -q',
    ]);
    expect(result.outputs['pr-number']).toBe(String(pr.number));
    expect(result.outputs['has-images']).toBe('true');
    expect(result.summary).toMatch(/^1 image to rebuild at [0-9a-f]{7}: operator \(2 paths\)\./);
    expect(result.log).toContain(
      `Planning for PR #${pr.number} (the pull request merged as ${pr.sha.slice(0, 7)})`,
    );
  });

  test('a subject service change rebuilds the worker; eval code rebuilds it and runs the eval suite', async () => {
    const pr = merge({
      'subjects/chat-db-app/service/app/main.py': 'z\n',
      'eval/src/eval/runner/worker.py': 'w\n',
    });
    const result = await plan(pr.sha);
    expect(result.images.map((i) => [i.name, i.dockerfile])).toEqual([
      ['worker', 'eval/Dockerfile'],
    ]);
    expect(result.tests).toEqual([
      'cd eval && uv run pytest tests/ -x -q --ignore=tests/test_chat_db_app_e2e.py',
    ]);
  });

  test('renames count on both sides, deletions count, and the config registry wins over GCP_PROJECT', async () => {
    const pr = merge({ 'docs/a.md': 'a\n' });
    gh.state.setPullFiles(OWNER, REPO, pr.number, [
      diff('docs/old-observer.md', 'renamed', 'subjects/tikv/observer/notes.md'),
      diff('eval/Dockerfile', 'removed'),
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-plan-'));
    dirs.push(dir);
    await writeFile(join(dir, 'c.yml'), 'images:\n  registry: 127.0.0.1:5000/eval\n');
    const result = await runTestCommand(
      'plan',
      { 'github-token': gh.token, config: 'c.yml' },
      { cwd: dir, env: env(pr.sha) },
    );
    expect(result.code, result.log).toBe(0);
    const images = JSON.parse(result.outputs.images!) as { name: string; tag: string }[];
    expect(images.map((i) => i.tag)).toEqual([
      `127.0.0.1:5000/eval/operator:${pr.sha.slice(0, 7)}`,
      `127.0.0.1:5000/eval/worker:${pr.sha.slice(0, 7)}`,
    ]);
    expect(result.log).toContain(
      'subjects/tikv/observer/notes.md (renamed to docs/old-observer.md) matches subjects/*/observer/**',
    );
    expect(result.log).toContain('eval/Dockerfile (removed) matches eval/Dockerfile');
  });

  test('a change that touches no image yields an empty matrix and says so', async () => {
    const pr = merge({ 'docs/guide.md': 'g\n', 'eval/campaigns/debug/x.yaml': 'name: x\n' });
    const result = await plan(pr.sha);
    expect(result.outputs.images).toBe('[]');
    expect(result.outputs['has-images']).toBe('false');
    expect(result.summary).toContain(
      "2 changed files, none under an image's source paths: no images to rebuild.",
    );
    expect(result.log).toContain('Empty matrix: nothing to build.');
  });

  test('at the 3,000-file cap the files come from comparing the merge base with the merge commit', async () => {
    const pr = merge({ 'subjects/tikv/observer/src/x.py': 'x\n', 'docs/y.md': 'y\n' });
    gh.state.setPullFiles(OWNER, REPO, pr.number, 3500);
    const result = await plan(pr.sha);
    expect(gh.requestsTo('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files').length).toBe(30);
    expect(
      gh.requestsTo('GET', '/repos/{owner}/{repo}/compare/{basehead}').length,
    ).toBeGreaterThanOrEqual(1);
    expect(result.images.map((i) => i.name)).toEqual(['operator']);
    expect(result.summary).toContain('2 file(s) from comparing');
    expect(result.summary).toContain("the PR's file list stops at 3000");
  });

  test('when the comparison is capped too, the files come from diffing the two trees', async () => {
    const many: Record<string, string> = { 'eval/src/eval/cli.py': 'c\n' };
    for (let i = 0; i < 320; i++) many[`docs/generated/page-${i}.md`] = `${i}\n`;
    const pr = merge(many);
    gh.state.setPullFiles(OWNER, REPO, pr.number, 3000);
    const result = await plan(pr.sha);
    expect(gh.requestsTo('GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}').length).toBe(2);
    expect(result.images.map((i) => i.name)).toEqual(['worker']);
    expect(result.summary).toContain('321 file(s) from diffing the trees');
  });

  test('a direct push (no merged PR) plans nothing; an explicit pr-number is planned as asked', async () => {
    const direct = gh.state.commitFiles(OWNER, REPO, {
      branch: 'main',
      files: { 'eval/src/eval/x.py': 'x\n' },
    });
    const none = await plan(direct);
    expect(none.outputs.images).toBe('[]');
    expect(none.outputs['pr-number']).toBe('');
    expect(none.summary).toContain('is not the merge commit of a pull request');

    const pr = merge({ 'packages/operator-protocols/p.py': 'p\n' });
    const explicit = await plan(pr.sha, { 'pr-number': String(pr.number) });
    expect(explicit.images.map((i) => i.name)).toEqual(['operator']);
    expect(explicit.log).toContain(`(pr-number ${pr.number})`);
  });

  test('the PR of a pull_request event is read from the event payload', async () => {
    const pr = merge({ 'eval/Dockerfile': 'FROM python\n' });
    const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-event-'));
    dirs.push(dir);
    await writeFile(
      join(dir, 'event.json'),
      JSON.stringify({ pull_request: { number: pr.number } }),
    );
    const result = await plan(
      pr.sha,
      {},
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json') },
    );
    expect(result.images.map((i) => i.name)).toEqual(['worker']);
    expect(result.log).toContain('(the pull_request event)');
    expect(gh.requestsTo('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls')).toHaveLength(
      0,
    );
  });

  test('an image to build without any registry is an error naming the fix', async () => {
    const pr = merge({ 'eval/Dockerfile': 'FROM python\n' });
    const result = await runTestCommand('plan', { 'github-token': gh.token }, { env: env(pr.sha) });
    expect(result.code).toBe(1);
    expect(result.error?.message).toMatch(
      /No registry for worker: set images.registry in the config, the registry input, or GCP_PROJECT/,
    );
  });
});
