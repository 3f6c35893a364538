/**
 * #34 through the CLI: injection strings in flags and positional arguments are refused, naming
 * the input, before anything runs; a campaign name full of workflow commands is printed as text,
 * and inside a workflow step (GITHUB_ACTIONS=true, where the runner reads the CLI's output) it
 * reaches the runner as no command. The bundled action: test/dist/injection.test.ts.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createEmptyDatabase } from '../../support/databases.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import { injectedCommands, MARKER, MULTI_LINE, ONE_LINE } from '../../support/workflow-commands.js';
import { cli } from './run-cli.js';

let url: string;
let hostile: number;

beforeAll(async () => {
  url = await createEmptyDatabase('injectcli');
  hostile = await seedDemoCampaign(url, { name: MULTI_LINE });
});

afterEach(() => vi.restoreAllMocks());

const FLAGS: [input: string, args: (value: string) => string[]][] = [
  ['campaign-id', (v) => ['analyze', v]],
  ['target-win-rate', (v) => ['analyze', '1', '--target', v]],
  ['operator-image', (v) => ['analyze', '1', '--operator-image', v]],
  ['format', (v) => ['analyze', '1', '--format', v]],
  ['retry-campaign-id', (v) => ['wait', v]],
  ['poll-seconds', (v) => ['wait', '1', '--poll-seconds', v]],
  ['timeout-minutes', (v) => ['wait', '1', '--timeout-minutes', v]],
  ['pr-number', (v) => ['retry', '--pr-number', v]],
];

describe.each([
  ['one line', ONE_LINE],
  ['multi-line', MULTI_LINE],
])('an injection string (%s)', (_, value) => {
  test.each(FLAGS)('%s: refused, naming the input, before anything runs', async (input, args) => {
    const run = await cli([...args(value), '--database-url', url], { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(input);
    expect(existsSync(MARKER)).toBe(false);
    expect(injectedCommands(run.stdout, run.stderr)).toEqual([]);
  });
});

describe('a campaign named with workflow commands', () => {
  test('inside a workflow step: printed as text, no command reaches the runner', async () => {
    const run = await cli(['analyze', String(hostile), '--database-url', url], {
      GITHUB_ACTIONS: 'true',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('::set-output name=pwned::1');
    expect(injectedCommands(run.stdout, run.stderr)).toEqual([]);
  });

  test('in a terminal or a pipe: printed exactly as stored', async () => {
    const run = await cli(['analyze', String(hostile), '--database-url', url], {
      GITHUB_ACTIONS: undefined,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('::set-output name=pwned::1');
    expect(run.stdout).not.toMatch(/::stop-commands::[0-9a-f]{32}/);
  });
});
