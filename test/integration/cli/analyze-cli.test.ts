import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { main } from '../../../src/cli-main.js';
import { parseCampaignYaml } from '../../../src/core/campaign-yaml.js';
import { enqueueCampaign } from '../../../src/db/enqueue-campaign.js';
import { openEvalDatabase } from '../../../src/db/pool.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';

/** Runs the CLI in-process and captures what it writes. */
async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => (err.push(String(chunk)), true));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.env = saved;
  }
}

let url: string;
let campaignId: number;

beforeAll(async () => {
  url = await createEmptyDatabase('cli');
  campaignId = await seedDemoCampaign(url);
});

afterEach(() => vi.restoreAllMocks());

describe('iterate-campaign analyze', () => {
  test('prints the diagnosis for a campaign on a real database', async () => {
    const result = await cli(['analyze', String(campaignId), '--database-url', url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Campaign ${campaignId} · tikv-all-chaos-cloud — 51.9% vs target 90.0%`,
    );
    expect(result.stdout).toContain('`all-failed-no-ticket` — `network_partition`');
    expect(result.stdout).toContain('uv run eval show --trial');
  });

  test('--json carries the documented keys, from EVAL_DATABASE_URL', async () => {
    const result = await cli(['analyze', String(campaignId), '--json', '--target', '85%'], {
      EVAL_DATABASE_URL: url,
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    for (const key of [
      'campaign',
      'target_win_rate',
      'trials',
      'successes',
      'failures',
      'timeouts',
      'win_rate',
      'agent_win_rate',
      'win_rate_ci',
      'meets_target',
      'broken_work_items',
      'by_chaos_type',
      'failing',
      'trials_detail',
      'findings',
    ]) {
      expect(json).toHaveProperty(key);
    }
    expect(json.campaign).toMatchObject({
      id: campaignId,
      name: 'tikv-all-chaos-cloud',
      subject: 'tikv',
      git_commit: '0123456789abcdef0123456789abcdef01234567',
    });
    expect(json.target_win_rate).toBe(0.85);
    expect(json.trials).toBe(27);
    expect(json.broken_work_items).toHaveLength(1);
    const symptoms = new Set(json.findings.map((f: { symptom: string }) => f.symptom));
    for (const symptom of [
      'all-failed-no-ticket',
      'pd-chaos-failing',
      'broken-work-item',
      'negative-detect-time',
      'zero-detect-time',
      'ticket-no-commands',
      'resolved-unhealthy',
      'unresolved-healthy',
      'timeout',
    ]) {
      expect(symptoms).toContain(symptom);
    }
  });

  test('--write-retry writes a valid retry campaign for the failing combinations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'retry-'));
    const file = join(dir, 'retry.yaml');
    const result = await cli([
      'analyze',
      String(campaignId),
      '--database-url',
      url,
      '--write-retry',
      file,
      '--operator-image',
      'registry.local/eval/operator:abc1234',
    ]);
    expect(result.code).toBe(0);
    const { config } = parseCampaignYaml(await readFile(file, 'utf8'));
    expect(config.name).toBe(`tikv-all-chaos-cloud-retry-${campaignId}`);
    expect(config.chaos_types.map((c) => c.type)).toEqual([
      'latency',
      'latency',
      'network_partition',
      'process_pause',
      'packet_loss',
      'asymmetric_partition',
      'pd_leader_kill',
    ]);
    expect(config).toMatchObject({
      trials_per_combination: 3,
      parallel: 3,
      cooldown_seconds: 10,
      include_baseline: false,
    });
    expect(config.cloud?.operator).toMatchObject({
      enabled: true,
      image: 'registry.local/eval/operator:abc1234',
    });
  });

  test('loads EVAL_DATABASE_URL from a .env file without overriding the environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dotenv-'));
    await writeFile(join(dir, '.env'), `# eval\nEVAL_DATABASE_URL="${url}"\n`);
    const cwd = vi.spyOn(process, 'cwd').mockReturnValue(dir);
    const result = await cli(['analyze', String(campaignId), '--json'], {
      EVAL_DATABASE_URL: undefined,
    });
    cwd.mockRestore();
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).campaign.id).toBe(campaignId);
  });

  test('an unknown campaign fails with "Campaign <id> not found"', async () => {
    const result = await cli(['analyze', '987654', '--database-url', url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Campaign 987654 not found/);
    expect(result.stdout).toBe('');
  });

  test.each(['12abc', '0x1A', '-3', '1e3', '99999999999999999999'])(
    'rejects campaign id %s naming the field and the expected form',
    async (id) => {
      const result = await cli(['analyze', id, '--database-url', url]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Invalid campaign-id: '${id}'`);
      expect(result.stderr).toMatch(/expected a positive whole number/);
    },
  );

  test('rejects a bad target rate', async () => {
    const result = await cli(['analyze', '1', '--database-url', url, '--target', '150%']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Invalid target-win-rate: '150%'/);
  });

  test('an unreachable database gives one line naming host and database, never the password', async () => {
    const secret = 'pa ss/w0rd%';
    const bad = `postgresql://eval:${encodeURIComponent(secret)}@127.0.0.1:1/evaldb`;
    const result = await cli(['analyze', '1', '--database-url', bad]);
    expect(result.code).toBe(1);
    const errors = result.stderr
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /cannot connect to PostgreSQL at 127\.0\.0\.1:1\/evaldb: connection refused/,
    );
    for (const leak of [secret, encodeURIComponent(secret), 'pa ss'])
      expect(result.stderr).not.toContain(leak);
  }, 60_000);

  test('a campaign with no trials is a clear report, not a crash', async () => {
    const db = await openEvalDatabase(url, { log: () => undefined });
    const { campaignId: empty } = await enqueueCampaign(db, {
      name: 'empty',
      subjects: ['tikv'],
      includeBaseline: false,
      continuous: false,
      variant: 'default',
      gitCommitHash: '',
      items: [{ chaosType: 'node_kill' }],
    });
    await db.close();
    const result = await cli(['analyze', String(empty), '--database-url', url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'No trials were recorded for this campaign (1 work items: 1 pending',
    );
  });

  test('latest picks the newest finished campaign matching the name glob', async () => {
    const result = await cli([
      'analyze',
      'latest',
      '--campaign-name',
      'tikv-*',
      '--json',
      '--database-url',
      url,
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).campaign.id).toBe(campaignId);
  });
});
