import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { CampaignAnalysis } from '../../../src/core/analysis.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { runCli } from '../../support/run-cli.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import { testTempDir } from '../../support/temp-dir.js';

const HARNESS = 'demo/harness';
const INVARIANTS = 'subjects/tikv/observer/src/tikv_observer/invariants.py';

const cli = runCli;

let url: string;
const series: number[] = [];

beforeAll(async () => {
  url = await createEmptyDatabase('investigate');
  // Five campaigns of one series: the demo's failure model and all-success runs by turns, so
  // every combination that fails in the model flips from one campaign to the next.
  for (const profile of [undefined, 'success', undefined, 'success', undefined] as const) {
    series.push(
      await seedDemoCampaign(url, { name: 'tikv-nightly', ...(profile ? { profile } : {}) }),
    );
  }
  // Another series in between must not count.
  await seedDemoCampaign(url, { name: 'other-series', profile: 'success' });
}, 120_000);

afterEach(() => vi.restoreAllMocks());

async function analyzeJson(...extra: string[]): Promise<CampaignAnalysis> {
  const result = await cli([
    'analyze',
    String(series.at(-1)),
    '--database-url',
    url,
    '--json',
    ...extra,
  ]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as CampaignAnalysis;
}

describe('analyze --source-dir --history on a series of campaigns', () => {
  test('invariant_coverage: insensitive latency below the threshold, missing for uncovered types', async () => {
    const analysis = await analyzeJson('--source-dir', HARNESS, '--history', '10');
    const byType = (type: string, params: Record<string, unknown> = {}) =>
      analysis.invariant_coverage!.find(
        (c) => c.chaos_type === type && JSON.stringify(c.params) === JSON.stringify(params),
      );
    expect(byType('latency', { min_ms: 50, max_ms: 150 })).toMatchObject({
      verdict: 'insensitive',
      invariants: [
        {
          name: 'high_latency',
          threshold: 100,
          grace_period_seconds: 30,
          file: INVARIANTS,
          line: 26,
        },
      ],
    });
    expect(byType('latency', { min_ms: 200, max_ms: 500 })?.verdict).toBe('covered');
    expect(byType('pd_leader_kill')).toMatchObject({ verdict: 'missing', invariants: [] });
    expect(byType('network_partition')?.verdict).toBe('missing');
    expect(byType('process_pause')?.verdict).toBe('covered');
    // One verdict per failing combination, nothing for passing ones.
    expect(analysis.invariant_coverage!.map((c) => [c.chaos_type, c.params])).toEqual(
      analysis.failing.map((f) => [f.chaos_type, f.params]),
    );
    // demo/harness is no checkout with the seeded campaign's commit: the working tree, said once.
    expect(analysis.invariant_source).toMatchObject({ commit: null });
    expect(analysis.invariant_coverage_note).toMatch(
      /^Invariant files were read from the working tree of `demo\/harness`, not at the campaign's commit: /,
    );
  });

  test('flaky: the pass history of every combination over the series', async () => {
    const analysis = await analyzeJson('--history', '10');
    const latency = analysis.flaky!.find(
      (f) => f.chaos_type === 'latency' && f.params.min_ms === 50,
    )!;
    expect(latency.campaigns.map((c) => c.campaign_id)).toEqual(series);
    expect(latency.campaigns.map((c) => `${c.successes}/${c.trials}`)).toEqual([
      '2/3',
      '3/3',
      '2/3',
      '3/3',
      '2/3',
    ]);
    expect(latency).toMatchObject({ flip_rate: 1, flaky: true });
    const nodeKill = analysis.flaky!.find((f) => f.chaos_type === 'node_kill')!;
    expect(nodeKill).toMatchObject({ flip_rate: 0, flaky: false });
    // --history 2: only the last two campaigns.
    const short = await analyzeJson('--history', '2');
    expect(short.flaky![0]!.campaigns.map((c) => c.campaign_id)).toEqual(series.slice(-2));
  });

  test('the Markdown marks flaky combinations and shows the coverage table', async () => {
    const result = await cli([
      'analyze',
      String(series.at(-1)),
      '--database-url',
      url,
      '--source-dir',
      HARNESS,
      '--format',
      'md',
    ]);
    expect(result.stdout).toContain('### Invariant coverage');
    expect(result.stdout).toMatch(/\| `latency \(min_ms=50, max_ms=150\)` \| ⚠️ insensitive \|/);
    expect(result.stdout).toContain(
      `\`high_latency\` (threshold 100, grace 30 s) \`${INVARIANTS}:26\``,
    );
    expect(result.stdout).toContain('### Flaky across campaigns');
    expect(result.stdout).toContain('❌2/3 ✅3/3 ❌2/3 ✅3/3 ❌2/3');
  });

  test('the config names other invariant files and maps a chaos type to another invariant', async () => {
    const harness = await testTempDir('harness-custom-');
    await mkdir(join(harness, 'observer'));
    await writeFile(
      join(harness, 'observer', 'checks.py'),
      [
        'RAFT_LAG_CONFIG = InvariantConfig(',
        '    name="raft_lag",',
        '    grace_period=timedelta(seconds=10),',
        '    threshold=5.0,',
        ')',
        '',
        'class Checks:',
        '    def check_raft_lag(self, metrics, config=None):',
        '        config = config or RAFT_LAG_CONFIG',
        '        return metrics["lag"] > config.threshold',
        '',
      ].join('\n'),
    );
    const config = join(harness, 'iterate-campaign.yml');
    await writeFile(
      config,
      'invariants:\n  files:\n    tikv: [observer/checks.py]\n  chaos_types:\n    network_partition:\n      - invariant: raft_lag\n',
    );
    const analysis = await analyzeJson(
      '--source-dir',
      harness,
      '--config',
      config,
      '--history',
      '0',
    );
    const byType = (type: string) =>
      analysis.invariant_coverage!.find((c) => c.chaos_type === type);
    expect(byType('network_partition')).toMatchObject({
      verdict: 'covered',
      invariants: [
        {
          name: 'raft_lag',
          threshold: 5,
          grace_period_seconds: 10,
          file: 'observer/checks.py',
          line: 2 /* the name= line */,
        },
      ],
    });
    // The default table still applies to the other types; their invariants are not in this file.
    expect(byType('pd_leader_kill')?.verdict).toBe('missing');
    expect(byType('latency')?.verdict).toBe('missing');
  });

  test('without a source directory it says so once', async () => {
    const result = await cli(['analyze', String(series.at(-1)), '--database-url', url]);
    expect(result.stdout.match(/Invariant coverage was not checked/g)).toHaveLength(1);
    const json = await analyzeJson();
    expect(json.invariant_coverage).toEqual([]);
    expect(json.invariant_coverage_note).toContain('no harness source directory');
  });

  test('a bad --history names the field and the value', async () => {
    const result = await cli([
      'analyze',
      String(series.at(-1)),
      '--database-url',
      url,
      '--history',
      'ten',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Invalid history: 'ten'");
    expect(result.stdout).toBe('');
  });
});

describe('analyze --worker-logs', () => {
  test('each failed trial with evidence shows the lines of its work item', async () => {
    const analysis = await analyzeJson('--history', '0');
    const failed = analysis.trials_detail.find((t) => t.evidence && t.work_id !== null)!;
    const dir = await testTempDir('worker-logs-');
    await mkdir(join(dir, 'worker-logs-c1-1'));
    await writeFile(
      join(dir, 'worker-logs-c1-1', 'worker-c1-1.log'),
      [
        '[12:00:00] Worker c1-1 starting',
        `[12:00:01] Claimed work item ${failed.work_id}: tikv/${failed.chaos_type}`,
        '[12:00:02] Resetting subject...',
        `[12:25:00] Work item ${failed.work_id} completed -> Trial ${failed.trial_id}`,
        '[12:25:05] Claimed work item 999999: tikv/node_kill',
      ].join('\n'),
    );
    const withLogs = await analyzeJson('--history', '0', '--worker-logs', dir);
    const detail = withLogs.trials_detail.find((t) => t.trial_id === failed.trial_id)!;
    expect(detail.log_excerpt).toEqual([
      `[12:00:01] Claimed work item ${failed.work_id}: tikv/${failed.chaos_type}`,
      '[12:00:02] Resetting subject...',
      `[12:25:00] Work item ${failed.work_id} completed -> Trial ${failed.trial_id}`,
    ]);
    const markdown = await cli([
      'analyze',
      String(series.at(-1)),
      '--database-url',
      url,
      '--worker-logs',
      dir,
      '--format',
      'md',
    ]);
    expect(markdown.stdout).toContain(`Worker log (work item ${failed.work_id}):\n\n\`\`\`\n`);
    expect(markdown.stdout).toContain('[12:00:02] Resetting subject...');
    expect(markdown.stdout).toContain(`uv run eval logs ${failed.trial_id} --remote`);
  });
});
