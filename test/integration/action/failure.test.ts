/**
 * The action entry point in-process: every failure ends in one `::error::` line, a job summary
 * that says what happened, and a non-zero exit code.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { run } from '../../../src/main.js';

async function action(inputs: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-action-'));
  const summary = join(dir, 'summary.md');
  await writeFile(summary, '');
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const env: NodeJS.ProcessEnv = {
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: dir,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await run(env);
    return {
      stdout: out.join(''),
      summary: await readFile(summary, 'utf8'),
      exitCode: process.exitCode,
    };
  } finally {
    vi.restoreAllMocks();
    process.env = saved;
    process.exitCode = undefined;
    await rm(dir, { recursive: true, force: true });
  }
}

afterEach(() => vi.restoreAllMocks());

describe('a failing action step', () => {
  test('one ::error:: line, a summary naming the command and the cause, exit code 1', async () => {
    const result = await action({
      command: 'wait',
      'retry-campaign-id': '7',
      'database-url': 'mysql://user:hunter2@db.example/evals',
    });
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('database-url: the scheme must be postgres://');
    expect(result.summary).toContain('**iterate-campaign wait failed:** database-url: the scheme');
    expect(result.summary).not.toContain('hunter2');
    expect(result.exitCode).toBe(1);
  });
});
