import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  appendJobSummary,
  logGroup,
  setFailed,
  setOutput,
  workflowCommand,
} from '../../src/runner-commands.js';

// @actions/core is the reference: the action writes the runner's commands itself so that it does
// not load @actions/core (and undici) at start, and must write exactly what it would.
const TRICKY = ['plain', 'a%b\r\nc', '::set-output name=x::y', 'key:value, more', ''];

let stdout: string[];
beforeEach(() => {
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function written(fn: () => void): string {
  stdout.length = 0;
  fn();
  return stdout.join('');
}

describe('runner commands', () => {
  it.each(TRICKY)('escape %j as @actions/core does', (message) => {
    expect(written(() => workflowCommand('error', message))).toBe(
      written(() => core.error(message)),
    );
    expect(written(() => workflowCommand('warning', message))).toBe(
      written(() => core.warning(message)),
    );
    expect(written(() => workflowCommand('add-mask', message))).toBe(
      written(() => core.setSecret(message)),
    );
    expect(written(() => workflowCommand('error', 'm', { file: message, line: '1' }))).toBe(
      written(() => core.error('m', { file: message, startLine: 1 })),
    );
  });

  it('fails the step like core.setFailed', () => {
    const ours = written(() => setFailed('broke: a\nb'));
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    expect(ours).toBe(written(() => core.setFailed('broke: a\nb')));
  });

  it('groups like core.group, also when the body throws', async () => {
    stdout.length = 0;
    await expect(logGroup('a%b', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    const ours = stdout.join('');
    stdout.length = 0;
    await expect(core.group('a%b', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(ours).toBe(stdout.join(''));
  });

  describe('files', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'runner-commands-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes outputs in the format of core.setOutput', async () => {
      const file = join(dir, 'output');
      await writeFile(file, '');
      setOutput('win-rate', 'line 1\nline 2', { GITHUB_OUTPUT: file });
      const ours = await readFile(file, 'utf8');
      await writeFile(file, '');
      vi.stubEnv('GITHUB_OUTPUT', file);
      core.setOutput('win-rate', 'line 1\nline 2');
      vi.unstubAllEnvs();
      const theirs = await readFile(file, 'utf8');
      const sameDelimiter = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]+/g, 'D');
      expect(sameDelimiter(ours)).toBe(sameDelimiter(theirs));
      expect(ours).toMatch(/^win-rate<<ghadelimiter_[0-9a-f-]{36}\nline 1\nline 2\nghadelimiter_/);
    });

    it('refuses an output file that does not exist', () => {
      expect(() => setOutput('x', 'y', { GITHUB_OUTPUT: join(dir, 'missing') })).toThrow(
        /Missing file at path/,
      );
    });

    it('appends to the job summary as core.summary does', async () => {
      const file = join(dir, 'summary');
      await writeFile(file, 'before\n');
      await appendJobSummary('## Hi', { GITHUB_STEP_SUMMARY: file });
      const ours = await readFile(file, 'utf8');
      await writeFile(file, 'before\n');
      vi.stubEnv('GITHUB_STEP_SUMMARY', file);
      await core.summary.addRaw('## Hi', true).write();
      vi.unstubAllEnvs();
      expect(ours).toBe(await readFile(file, 'utf8'));
      await expect(
        appendJobSummary('x', { GITHUB_STEP_SUMMARY: join(dir, 'missing') }),
      ).rejects.toThrow(/Unable to access summary file/);
    });
  });
});
