/**
 * #34: injection strings through the inputs of the real bundled action (`node dist/index.js` with
 * INPUT_* variables, as the runner starts it) and through data the action prints (a campaign name
 * from the database). Shell metacharacters, `$(…)`, backticks, newlines followed by workflow
 * commands (`::set-output`, `::error::`, `::add-mask::`, `::stop-commands::`), YAML and Markdown.
 *
 * Each value is refused with one `::error::` line naming the input before anything is done, or
 * treated as data: no shell ever runs it (the marker file is never created), no workflow command
 * it carries reaches the runner as a line of its own (stdout and stderr are read the way the
 * runner reads them: each line trimmed, `::` first), no output is added, and the job summary shows
 * it as text, not as HTML or a link.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createEmptyDatabase } from '../support/databases.js';
import { seedDemoCampaign } from '../support/seed-campaign.js';
import {
  commandLines,
  injectedCommands,
  MARKER,
  MULTI_LINE,
  ONE_LINE,
} from '../support/workflow-commands.js';
import { ROOT, runBundle, type BundleRun } from './bundle-runner.js';

const PAYLOADS = { 'one line': ONE_LINE, 'multi-line': MULTI_LINE } as const;

let url: string;
let campaignId: number;
let hostileCampaignId: number;
let declaredOutputs: Set<string>;

beforeAll(async () => {
  url = await createEmptyDatabase('inject');
  campaignId = await seedDemoCampaign(url);
  hostileCampaignId = await seedDemoCampaign(url, { name: MULTI_LINE });
  const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
    outputs: Record<string, unknown>;
  };
  declaredOutputs = new Set(Object.keys(action.outputs));
}, 120_000);

async function step(inputs: Record<string, string>): Promise<BundleRun> {
  // Removed when the step ends, not with the test: most of these tests run concurrently.
  const workspace = await mkdtemp(join(tmpdir(), 'iterate-campaign-inject-'));
  try {
    return await runBundle({
      apiUrl: 'http://127.0.0.1:9',
      token: 'unused-token',
      repository: 'octo-org/octo-repo',
      event: { name: 'workflow_dispatch', payload: {} },
      inputs,
      workspace,
      env: { GITHUB_SHA: 'a'.repeat(40) },
    });
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

function expectInert(run: BundleRun, check = expect): void {
  check(existsSync(MARKER), 'a shell ran the value').toBe(false);
  check(injectedCommands(run.stdout, run.stderr)).toEqual([]);
  for (const name of Object.keys(run.outputs)) check(declaredOutputs.has(name), name).toBe(true);
  // As GitHub renders the summary: escaped or in a code span, the tags and links stay text.
  const html = micromark(run.summary, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  check(html).not.toMatch(/<img\b|href="javascript:/i);
}

function errorLines(run: BundleRun): string[] {
  return commandLines(run.stdout, run.stderr).filter((line) => line.startsWith('::error::'));
}

type Case = [command: string, input: string, base: Record<string, string>];

const analyzeBase = () => ({ 'campaign-id': String(campaignId), output: 'none' });
const db = () => ({ 'database-url': url });

/** Inputs whose every value above must be refused, naming the input, before anything runs. */
const REFUSED: Case[] = [
  ['analyze', 'campaign-id', {}],
  ['analyze', 'target-win-rate', {}],
  ['analyze', 'operator-image', {}],
  ['analyze', 'agent-mention', {}],
  ['analyze', 'format', {}],
  ['analyze', 'output', {}],
  ['analyze', 'fail-on', {}],
  ['wait', 'retry-campaign-id', {}],
  ['wait', 'timeout-minutes', { 'retry-campaign-id': '1' }],
  ['wait', 'poll-seconds', { 'retry-campaign-id': '1' }],
  ['retry', 'pr-number', {}],
  ['retry', 'merge-sha', { 'pr-number': '7' }],
  ['retry', 'trials-per-combination', { 'pr-number': '7' }],
  ['retry', 'operator-image', { 'pr-number': '7' }],
  ['retry', 'digests', { 'pr-number': '7' }],
  ['worker', 'worker-index', { 'retry-campaign-id': '1' }],
];

/** Free text or paths: refused (naming the input) or kept as data, but never run or echoed raw. */
const DATA: Case[] = [
  ['analyze', 'campaign-name', { 'campaign-id': 'latest' }],
  ['analyze', 'write-retry', {}],
  ['analyze', 'retry-dir', {}],
  ['analyze', 'labels', {}],
  ['analyze', 'agent-label', {}],
  ['analyze', 'config', {}],
  ['analyze', 'history', {}],
  ['analyze', 'source-dir', {}],
  ['analyze', 'worker-logs', {}],
  ['finalize', 'validation-campaign', { 'retry-campaign-id': '1' }],
  ['build', 'registry', {}],
  ['build', 'images', {}],
  ['build', 'builder', {}],
];

function inputsFor([command, input, base]: Case, value: string): Record<string, string> {
  return {
    command,
    ...db(),
    ...(command === 'analyze' ? analyzeBase() : {}),
    ...base,
    [input]: value,
  };
}

describe.each(Object.entries(PAYLOADS))('an injection string (%s)', (_, value) => {
  test.concurrent.each(REFUSED)(
    '%s %s: refused with one ::error:: naming the input',
    async (...testCase) => {
      const run = await step(inputsFor(testCase, value));
      expectInert(run);
      expect(run.code).toBe(1);
      const errors = errorLines(run);
      expect(errors, run.stdout).toHaveLength(1);
      expect(errors[0]).toContain(testCase[1]);
    },
  );

  test.concurrent.each(DATA)('%s %s: refused or kept as data', async (...testCase) => {
    const run = await step(inputsFor(testCase, value));
    expectInert(run);
    if (run.code !== 0) expect(errorLines(run), run.stdout).toHaveLength(1);
  });

  test('as the command input: refused, naming the commands there are', async () => {
    const run = await step({ command: value, ...db() });
    expectInert(run);
    expect(run.code).toBe(1);
    expect(errorLines(run)).toHaveLength(1);
  });
});

test('a campaign named with workflow commands and Markdown: analyzed, printed and summarised as text', async () => {
  const run = await step({
    command: 'analyze',
    ...db(),
    'campaign-id': String(hostileCampaignId),
    output: 'none',
  });
  expectInert(run);
  expect(run.code, run.stdout).toBe(0);
  expect(run.outputs['campaign-id']).toBe(String(hostileCampaignId));
  expect(run.stdout).toContain('pwned');
});
