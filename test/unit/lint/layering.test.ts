/** The layering rules of eslint.config.js fail the imports they forbid (and only those). */
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering', { timeout: 60_000 }, () => {
  test.each([
    ['src/core/lint-fixture.ts', "import pg from 'pg';\nexport const x = pg;\n"],
    [
      'src/core/lint-fixture.ts',
      "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
    ],
    ['src/core/lint-fixture.ts', "import { x as y } from '../db/pool.js';\nexport const x = y;\n"],
    [
      'src/core/campaign/lint-fixture.ts',
      "import { x as y } from '../../github/client.js';\nexport const x = y;\n",
    ],
    [
      'src/commands/lint-fixture.ts',
      "import { planCommand } from './plan.js';\nexport const x = planCommand;\n",
    ],
    [
      'src/loop/lint-fixture.ts',
      "import { planCommand } from '../commands/plan.js';\nexport const x = planCommand;\n",
    ],
    [
      'src/demo/lint-fixture.ts',
      "import { waitCommand } from '../commands/wait.js';\nexport const x = waitCommand;\n",
    ],
    [
      'src/bench/lint-fixture.ts',
      "import { waitCommand } from '../commands/wait.js';\nexport const x = waitCommand;\n",
    ],
    [
      'src/core/lint-fixture.ts',
      "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n",
    ],
    ['src/core/lint-fixture.ts', "import { fetch } from 'undici';\nexport const x = fetch;\n"],
    ['src/core/lint-fixture.ts', "import { x as y } from '../logger.js';\nexport const x = y;\n"],
    [
      'src/core/markdown/lint-fixture.ts',
      "import { x as y } from '../../net/proxy.js';\nexport const x = y;\n",
    ],
    [
      'src/commands/lint-fixture.ts',
      "import { planCommand } from '../commands/plan.js';\nexport const x = planCommand;\n",
    ],
    ['src/loop/lint-fixture.ts', "import pg from 'pg';\nexport const x = pg;\n"],
    ['src/net/lint-fixture.ts', "import pg from 'pg';\nexport const x = pg;\n"],
    ['src/main-fixture.ts', "import { execa } from 'execa';\nexport const x = execa;\n"],
    ['src/process/lint-fixture.ts', "import pg from 'pg';\nexport const x = pg;\n"],
    ['src/github/lint-fixture.ts', "import { execa } from 'execa';\nexport const x = execa;\n"],
    ['src/images/lint-fixture.ts', "import { execa } from 'execa';\nexport const x = execa;\n"],
    [
      'src/db/lint-fixture.ts',
      "import { Octokit } from '@octokit/core';\nexport const x = Octokit;\n",
    ],
  ])('%s: %s is an error', async (path, code) => {
    expect(await restrictedImports(path, code)).toHaveLength(1);
  });

  test.each([
    ['src/db/lint-fixture.ts', "import pg from 'pg';\nexport const x = pg;\n"],
    [
      'src/github/lint-fixture.ts',
      "import { Octokit } from '@octokit/core';\nexport const x = Octokit;\n",
    ],
    ['src/process/lint-fixture.ts', "import { execa } from 'execa';\nexport const x = execa;\n"],
    [
      'src/commands/lint-fixture.ts',
      "import { defineCommand } from './command.js';\nimport { CONFIG_INPUT } from './common-inputs.js';\nimport { INVESTIGATION_INPUTS } from './investigation-inputs.js';\nexport const x = [defineCommand, CONFIG_INPUT, INVESTIGATION_INPUTS];\n",
    ],
    [
      'src/commands/registry.ts',
      "import { planCommand } from './plan.js';\nexport const x = planCommand;\n",
    ],
    ['src/core/lint-fixture.ts', "import { x as y } from './json.js';\nexport const x = y;\n"],
    [
      'src/core/campaign/lint-fixture.ts',
      "import { x as y } from '../json.js';\nimport { parse } from 'yaml';\nexport const x = [y, parse];\n",
    ],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await restrictedImports(path, code)).toEqual([]);
  });
});

/** Messages of the rules that see `import()` expressions (and a command's own run module). */
async function restrictedDynamicImports(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'layering/own-run-module')
    .map((m) => m.message);
}

describe('layering of import() expressions', { timeout: 60_000 }, () => {
  test.each([
    ['src/commands/lint-fixture.ts', "export const load = () => import('./plan.js');\n"],
    ['src/commands/lint-fixture.ts', "export const load = () => import('../commands/plan.js');\n"],
    ['src/loop/lint-fixture.ts', "export const load = () => import('../commands/plan.js');\n"],
    ['src/demo/lint-fixture.ts', "export const load = () => import('../commands/wait.js');\n"],
    ['src/core/lint-fixture.ts', "export const load = () => import('node:fs/promises');\n"],
    ['src/core/lint-fixture.ts', "export const load = () => import('pg');\n"],
    ['src/loop/lint-fixture.ts', "export const load = () => import('execa');\n"],
    ['src/commands/compare.ts', "export const load = () => import('./analyze-run.js');\n"],
    [
      'src/commands/compare.ts',
      "import { runAnalyze } from './analyze-run.js';\nexport const x = runAnalyze;\n",
    ],
  ])('%s: %s is an error', async (path, code) => {
    expect(await restrictedDynamicImports(path, code)).toHaveLength(1);
  });

  test.each([
    ['src/commands/analyze.ts', "export const load = () => import('./analyze-run.js');\n"],
    [
      'src/commands/lint-fixture.ts',
      "export const load = () => import('../core/terminal/style.js');\n",
    ],
    ['src/commands/lazy-registry.ts', "export const load = () => import('./plan.js');\n"],
    ['src/db/lint-fixture.ts', "export const load = () => import('pg');\n"],
    ['src/commands/demo.ts', "export const load = () => import('../demo/embedded-server.js');\n"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await restrictedDynamicImports(path, code)).toEqual([]);
  });
});
