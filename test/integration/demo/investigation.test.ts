/** The demo shows where an engineer would look next: invariant verdicts, worker log lines, hand-off. */
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { main } from '../../../src/cli-main.js';

test('npm run demo: invariant coverage of the simulated harness and worker log excerpts', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'demo-investigation-'));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await main(['demo', '--output-dir', dir])).toBe(0);
  } finally {
    vi.restoreAllMocks();
  }
  const analysis = JSON.parse(await readFile(join(dir, 'analysis.json'), 'utf8')) as {
    invariant_coverage: { chaos_type: string; params: Record<string, unknown>; verdict: string }[];
    trials_detail: { log_excerpt?: string[] }[];
  };
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
  expect(await readdir(join(dir, 'worker-logs'))).toContain('worker-c1-1.log');
  const markdown = await readFile(join(dir, 'diagnosis.md'), 'utf8');
  expect(markdown).toContain('### Invariant coverage');
  expect(markdown).toContain('Worker log (work item');
}, 180_000);
