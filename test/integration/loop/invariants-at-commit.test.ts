/**
 * Invariant coverage is judged against the code the campaign ran: with a harness checkout that has
 * the campaign's git_commit, the invariant files are read at that commit (real git, two commits
 * that move the latency threshold; real PostgreSQL campaign rows carrying the commits); otherwise
 * the working tree is read and the report says so once.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CampaignAnalysis } from '../../../src/core/analysis.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { runCli } from '../../support/run-cli.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';

const INVARIANTS = 'subjects/tikv/observer/src/tikv_observer/invariants.py';
const LATENCY = { min_ms: 50, max_ms: 150 };

const cli = runCli;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

let url: string;
let harness: string;
let plain: string;
let before: string; // threshold 100 ms: insensitive to 50–150 ms
let after: string; // threshold 40 ms: covered
const campaigns: Record<string, number> = {};

beforeAll(async () => {
  harness = await mkdtemp(join(tmpdir(), 'harness-git-'));
  const file = join(harness, INVARIANTS);
  await cp(join('demo/harness', dirname(INVARIANTS)), dirname(file), { recursive: true });
  const original = await readFile(file, 'utf8');
  expect(original).toContain('threshold=100.0,  # P99 in milliseconds');
  git(harness, 'init', '-q', '-b', 'main');
  git(harness, 'add', '.');
  git(harness, 'commit', '-qm', 'invariants');
  before = git(harness, 'rev-parse', 'HEAD');
  await writeFile(
    file,
    original.replace('threshold=100.0,  # P99 in milliseconds', 'threshold=40.0,  # P99 in ms'),
  );
  git(harness, 'commit', '-qam', 'lower the latency threshold');
  after = git(harness, 'rev-parse', 'HEAD');
  // The same files at the newer commit, in a folder that is no git checkout.
  plain = await mkdtemp(join(tmpdir(), 'harness-plain-'));
  await cp(join(harness, 'subjects'), join(plain, 'subjects'), { recursive: true });

  url = await createEmptyDatabase('invariants_at_commit');
  for (const [key, gitCommit] of [
    ['before', before],
    ['after', after],
    ['unknown', 'unknown'],
    ['elsewhere', 'f'.repeat(40)],
  ] as const) {
    campaigns[key] = await seedDemoCampaign(url, { name: `series-${key}`, gitCommit });
  }
  return () =>
    Promise.all([harness, plain].map((dir) => rm(dir, { recursive: true, force: true })));
}, 180_000);

async function analyzeJson(campaign: number, sourceDir: string): Promise<CampaignAnalysis> {
  const result = await cli([
    'analyze',
    String(campaign),
    '--database-url',
    url,
    '--json',
    '--history',
    '0',
    '--source-dir',
    sourceDir,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as CampaignAnalysis;
}

const analyzeMarkdown = (campaign: number, sourceDir: string) =>
  cli([
    'analyze',
    String(campaign),
    '--database-url',
    url,
    '--history',
    '0',
    '--source-dir',
    sourceDir,
    '--format',
    'md',
  ]);

const latency = (a: CampaignAnalysis) =>
  a.invariant_coverage!.find(
    (c) => c.chaos_type === 'latency' && JSON.stringify(c.params) === JSON.stringify(LATENCY),
  )!;

describe('invariant files at the campaign’s git_commit', () => {
  test('the older commit is read although the working tree has the newer threshold', async () => {
    const analysis = await analyzeJson(campaigns.before!, harness);
    expect(analysis.campaign.git_commit).toBe(before);
    expect(latency(analysis)).toMatchObject({
      verdict: 'insensitive',
      invariants: [{ name: 'high_latency', threshold: 100, file: INVARIANTS, line: 26 }],
    });
    expect(analysis.invariant_source).toEqual({ commit: before });
    expect(analysis.invariant_coverage_note).toBeUndefined();
  });

  test('the newer commit gives the newer threshold', async () => {
    const analysis = await analyzeJson(campaigns.after!, harness);
    expect(latency(analysis)).toMatchObject({
      verdict: 'covered',
      invariants: [{ name: 'high_latency', threshold: 40 }],
    });
    expect(analysis.invariant_source).toEqual({ commit: after });
  });

  test('the Markdown names the commit the files were read at', async () => {
    const result = await analyzeMarkdown(campaigns.before!, harness);
    expect(result.stdout).toContain(
      `Invariant files read at the campaign's commit \`${before.slice(0, 12)}\`.`,
    );
    expect(result.stdout).not.toContain('working tree');
  });
});

describe('otherwise the working tree, said once', () => {
  test('a checkout without the commit: the working tree’s threshold, and why', async () => {
    const analysis = await analyzeJson(campaigns.elsewhere!, harness);
    expect(latency(analysis)).toMatchObject({ verdict: 'covered' });
    expect(analysis.invariant_source).toEqual({
      commit: null,
      reason: expect.stringContaining('does not have commit `ffffffffffff`') as unknown,
    });
    expect(analysis.invariant_coverage_note).toMatch(
      /^Invariant files were read from the working tree of `[^`]+`, not at the campaign's commit: the checkout does not have commit `ffffffffffff` \(a shallow clone\? check out with fetch-depth: 0\)\.$/,
    );
  });

  test('a campaign without a git hash', async () => {
    const analysis = await analyzeJson(campaigns.unknown!, harness);
    expect(analysis.invariant_source).toEqual({
      commit: null,
      reason: 'its commit `unknown` is not a git hash',
    });
    expect(latency(analysis).verdict).toBe('covered');
  });

  test('a source directory that is no git checkout', async () => {
    const analysis = await analyzeJson(campaigns.before!, plain);
    expect(latency(analysis)).toMatchObject({ verdict: 'covered' });
    expect(analysis.invariant_source).toEqual({
      commit: null,
      reason: 'it is not a git checkout',
    });
    const text = await analyzeMarkdown(campaigns.before!, plain);
    expect(text.stdout.match(/read from the working tree/g)).toHaveLength(1);
  });
});
