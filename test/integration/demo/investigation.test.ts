/**
 * The demo shows where an engineer would look next: invariant verdicts read at the campaign's commit,
 * flaky types across the series, worker log lines, the hand-off.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { main } from '../../../src/cli-main.js';
import { testTempDir } from '../../support/temp-dir.js';

test('npm run demo: invariant coverage of the simulated harness and worker log excerpts', async () => {
  const dir = await testTempDir('demo-investigation-');
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await main(['demo', '--output-dir', dir])).toBe(0);
  } finally {
    vi.restoreAllMocks();
  }
  const analysis = JSON.parse(await readFile(join(dir, 'analysis.json'), 'utf8')) as {
    campaign: { id: number; git_commit: string };
    invariant_coverage: { chaos_type: string; params: Record<string, unknown>; verdict: string }[];
    invariant_source: { commit: string | null };
    trials_detail: { log_excerpt?: string[] }[];
    flaky: { chaos_type: string; params: Record<string, unknown>; flaky: boolean }[];
  };
  // The simulated harness is committed and the campaign carries that commit: read at it.
  expect(analysis.campaign.git_commit).toMatch(/^[0-9a-f]{40}$/);
  expect(analysis.invariant_source).toEqual({ commit: analysis.campaign.git_commit });
  expect(
    execFileSync('git', ['rev-parse', 'HEAD'], { cwd: join(dir, 'harness'), encoding: 'utf8' }),
  ).toBe(`${analysis.campaign.git_commit}\n`);
  // Two earlier nightly runs of the series: latency 50–150 ms flips, nothing else does.
  expect(analysis.flaky.filter((f) => f.flaky).map((f) => [f.chaos_type, f.params])).toEqual([
    ['latency', { min_ms: 50, max_ms: 150 }],
  ]);
  const verdicts = Object.fromEntries(
    analysis.invariant_coverage.map((c) => [
      `${c.chaos_type}${JSON.stringify(c.params)}`,
      c.verdict,
    ]),
  );
  expect(verdicts).toMatchObject({
    'latency{"min_ms":50,"max_ms":150}': 'insensitive',
    'network_partition{}': 'missing',
    'pd_leader_kill{}': 'missing',
  });
  const excerpt = analysis.trials_detail.find((t) => t.log_excerpt)?.log_excerpt;
  expect(excerpt?.[0]).toMatch(/^Claimed work item \d+: tikv\//);
  expect(await readdir(join(dir, 'worker-logs'))).toContain(
    `worker-c${analysis.campaign.id}-1.log`,
  );
  const markdown = await readFile(join(dir, 'diagnosis.md'), 'utf8');
  expect(markdown).toContain('### Invariant coverage');
  expect(markdown).toContain(
    `Invariant files read at the campaign's commit \`${analysis.campaign.git_commit.slice(0, 12)}\`.`,
  );
  expect(markdown).toContain('### Flaky across campaigns');
  expect(markdown).toContain('Worker log (work item');
  // The issue analyze would open ends with the hand-off, as does the issue after the retry.
  for (const file of ['diagnosis-issue.md', 'diagnosis-issue-after-retry.md']) {
    const issue = await readFile(join(dir, file), 'utf8');
    expect(issue, file).toContain('## For a coding agent');
    expect(issue, file).toContain('Fixes #1');
  }
}, 180_000);
