/**
 * `verify`: the plan's test commands run with bash (real processes) before any image is built; a
 * failure stops the run and comments the failing command and its output's tail on the PR (GitHub
 * emulator, checked against GitHub's OpenAPI).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { useGitHubEmulator } from '../../support/github-emulator/index.js';
import { runTestCommand } from './support.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const gh = useGitHubEmulator();
const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A checkout where `cd eval && …` works, as upstream's eval suite command needs. */
async function checkout(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'verify-'));
  dirs.push(dir);
  await mkdir(join(dir, 'eval'));
  await writeFile(join(dir, 'eval', 'marker.txt'), 'eval dir\n');
  return dir;
}

function mergedPull(): number {
  gh.state.commitFiles(OWNER, REPO, { branch: 'fix', files: { 'a.txt': 'a' } });
  const pull = gh.state.createPull(OWNER, REPO, { head: 'fix', title: 'Fix', body: 'Fixes #1' });
  gh.state.mergePull(OWNER, REPO, pull.number);
  return pull.number;
}

const env = {
  GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
  GITHUB_API_URL: '',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '77',
};

describe('verify', () => {
  test('runs every command from the repository root and passes when all pass', async () => {
    const cwd = await checkout();
    const commands = ['test -f eval/marker.txt', 'cd eval && cat marker.txt'];
    const run = await runTestCommand(
      'verify',
      { 'test-commands': JSON.stringify(commands) },
      { cwd, env: { ...env, GITHUB_API_URL: gh.url } },
    );
    expect(run.error, run.log).toBeUndefined();
    expect(run.code).toBe(0);
    expect(run.outputs['failed-command']).toBe('');
    expect(run.log).toContain('eval dir');
    expect(run.printed).toContain('All 2 test command(s) passed.');
  });

  test('the first failure stops the run and is commented on the PR with its output tail', async () => {
    const cwd = await checkout();
    const number = mergedPull();
    const failing =
      'for i in $(seq 1 100); do echo "line $i"; done; echo "E assert 1 == 2" >&2; exit 3';
    const commands = ['true', failing, 'touch never-run'];
    const run = await runTestCommand(
      'verify',
      {
        'test-commands': JSON.stringify(commands),
        'pr-number': String(number),
        'github-token': gh.token,
      },
      { cwd, env: { ...env, GITHUB_API_URL: gh.url } },
    );
    expect(run.error).toBeUndefined();
    expect(run.code).toBe(1);
    expect(run.outputs['failed-command']).toBe(failing);
    const [comment, ...more] = gh.state.comments(OWNER, REPO, number);
    expect(more).toHaveLength(0);
    expect(comment!.body).toContain('## ❌ Tests failed before the images were built');
    expect(comment!.body).toContain('ended with exit code 3');
    expect(comment!.body).toContain('E assert 1 == 2');
    expect(comment!.body).toContain('line 100');
    // Only the tail: the first lines of a long output are not in the comment.
    expect(comment!.body).not.toMatch(/^line 1$/m);
    expect(comment!.body).toContain('Passed before it: `true`.');
    expect(comment!.body).toContain('Not run: `touch never-run`.');
    expect(comment!.body).toContain('[Run](https://github.com/octo-org/octo-repo/actions/runs/77)');

    // A re-run of the same failure updates nothing twice: still one comment.
    await runTestCommand(
      'verify',
      {
        'test-commands': JSON.stringify(commands),
        'pr-number': String(number),
        'github-token': gh.token,
      },
      { cwd, env: { ...env, GITHUB_API_URL: gh.url } },
    );
    expect(gh.state.comments(OWNER, REPO, number)).toHaveLength(1);
  });

  test('bad test-commands are refused before anything runs', async () => {
    const run = await runTestCommand('verify', { 'test-commands': '["ok", 3]' });
    expect(run.code).not.toBe(0);
    expect(run.log).toContain(
      'Invalid test-commands: expected a JSON list of non-empty command lines',
    );
  });
});
