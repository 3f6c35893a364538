import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { cli } from './run-cli.js';
import { parseCampaignYaml } from '../../../src/core/campaign/read.js';
import { PyFloat } from '../../../src/core/py-json.js';
import { enqueueCampaign } from '../../../src/db/enqueue-campaign.js';
import { complete, insertTrial } from '../../../src/db/work-queue.js';
import { openEvalDatabase } from '../../../src/db/pool.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import { testTempDir } from '../../support/temp-dir.js';

let url: string;
let campaignId: number;

beforeAll(async () => {
  url = await createEmptyDatabase('cli');
  campaignId = await seedDemoCampaign(url);
});

afterEach(() => vi.restoreAllMocks());

/** A campaign with one pending work item and no trials yet. */
async function campaignWithoutTrials(name: string): Promise<number> {
  const db = await openEvalDatabase(url, { log: () => undefined });
  try {
    const { campaignId } = await enqueueCampaign(db, {
      name,
      subjects: ['tikv'],
      includeBaseline: false,
      continuous: false,
      variant: 'default',
      gitCommitHash: '',
      items: [{ chaosType: 'node_kill' }],
    });
    return campaignId;
  } finally {
    await db.close();
  }
}

describe('iterate-campaign analyze', () => {
  test('prints the diagnosis for people: aligned plain text when piped, no markup', async () => {
    const result = await cli(['analyze', String(campaignId), '--database-url', url]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      `FAIL Campaign ${campaignId} · tikv-all-chaos-cloud: 51.9% vs target 90.0%, target missed`,
    );
    expect(result.stdout).toMatch(/1\. all-failed-no-ticket — network_partition · pipeline/);
    expect(result.stdout).toMatch(
      /trial \d+ +timeout +no-ticket +uv run eval show --trial \d+ --remote/,
    );
    for (const markup of ['<', '|---|', '<!--', '**', '`', '\x1b']) {
      expect(result.stdout).not.toContain(markup);
    }
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('--format md prints the Markdown of the diagnosis issue a first analysis creates', async () => {
    const result = await cli([
      'analyze',
      String(campaignId),
      '--format',
      'md',
      '--database-url',
      url,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Campaign ${campaignId} · tikv-all-chaos-cloud — 51.9% vs target 90.0%`,
    );
    expect(result.stdout).toContain('`all-failed-no-ticket` — `network_partition`');
    expect(result.stdout.startsWith('<!-- iterate-campaign:diagnosis')).toBe(true);
    expect(result.stdout).toContain('<summary>Targeted retry campaign</summary>');
  });

  test('--format with a bad value names the field and the choices', async () => {
    const result = await cli([
      'analyze',
      String(campaignId),
      '--format',
      'html',
      '--database-url',
      url,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/format.*html.*text.*md/);
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
    const dir = await testTempDir('retry-');
    const file = join(dir, 'out', 'retry.yaml');
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    const result = await cli([
      'analyze',
      String(campaignId),
      '--database-url',
      url,
      '--write-retry',
      'out/retry.yaml',
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
    const dir = await testTempDir('dotenv-');
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
    const empty = await campaignWithoutTrials('empty');
    const result = await cli(['analyze', String(empty), '--database-url', url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No trials were recorded (1 work items: 1 pending');
    const md = await cli(['analyze', String(empty), '--format', 'md', '--database-url', url]);
    expect(md.stdout).toContain(
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

describe('analyze: inputs validated like everywhere else, before any side effect', () => {
  test.each(['$(id)', 'registry.local/eval/operator:v1 --privileged', 'operator:latest'])(
    '--operator-image %s is refused as retry refuses it',
    async (image) => {
      const result = await cli([
        'analyze',
        String(campaignId),
        '--database-url',
        url,
        '--operator-image',
        image,
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/Invalid operator-image/);
      expect(result.stdout).toBe('');
    },
  );

  test.each(['../../../x.yaml', '/tmp/x.yaml', 'a/../../x.yaml'])(
    '--write-retry %s outside the workspace is refused',
    async (path) => {
      const result = await cli([
        'analyze',
        String(campaignId),
        '--database-url',
        url,
        '--write-retry',
        path,
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Invalid write-retry: '${path}'`);
      expect(result.stderr).toContain('expected a path inside the workspace');
    },
  );

  test('--write-retry naming a directory says so instead of EISDIR', async () => {
    const dir = await testTempDir('retry-dir-');
    await mkdir(join(dir, 'retry.yaml'));
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    const result = await cli([
      'analyze',
      String(campaignId),
      '--database-url',
      url,
      '--write-retry',
      'retry.yaml',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Cannot write write-retry 'retry.yaml': it is a directory");
    expect(result.stderr).not.toContain('EISDIR');
  });

  test('--write-retry below a file says a file stands in the way instead of ENOTDIR/EEXIST', async () => {
    const dir = await testTempDir('retry-file-');
    await writeFile(join(dir, 'campaigns'), 'a file, not a directory\n');
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    const result = await cli([
      'analyze',
      String(campaignId),
      '--database-url',
      url,
      '--write-retry',
      'campaigns/retry.yaml',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "Cannot write write-retry 'campaigns/retry.yaml': a file stands where a directory of the path should be",
    );
    expect(result.stderr).not.toMatch(/ENOTDIR|EEXIST/);
  });

  test('a database without the harness schema: the error names it and says how to create the schema', async () => {
    const empty = await createEmptyDatabase('noschema');
    const result = await cli(['analyze', '1', '--database-url', empty]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /query on 127\.0\.0\.1:\d+\/noschema_\w+ failed: relation "campaigns" does not exist \(is 127\.0\.0\.1:\d+\/noschema_\w+ the eval database\? .*run any `uv run eval` command against it once, which creates and migrates the schema\)/,
    );
  });

  test('a 10-digit id is refused at once', async () => {
    const result = await cli(['analyze', '2147483648', '--database-url', url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Invalid campaign-id: '2147483648'");
    expect(result.stderr).toContain('up to 2147483647');
  });

  test('config retry.operator_image gets the same check, naming the file', async () => {
    const dir = await testTempDir('config-');
    await writeFile(join(dir, 'c.yml'), 'retry:\n  operator_image: "x; $(id)"\n');
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    const result = await cli([
      'analyze',
      String(campaignId),
      '--database-url',
      url,
      '--config',
      'c.yml',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: c\.yml: Invalid retry\.operator_image/);
  });

  test('a config over 1 MiB is refused before it is read, naming the file', async () => {
    const dir = await testTempDir('config-');
    await writeFile(join(dir, 'big.yml'), `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    const result = await cli([
      'analyze',
      String(campaignId),
      '--database-url',
      url,
      '--config',
      'big.yml',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: big\.yml: \d+ bytes is over the 1048576-byte limit/);
  });

  test('--write-retry on a campaign with no trials says there are no trials', async () => {
    const empty = await campaignWithoutTrials('empty-retry');
    const dir = await testTempDir('retry-');
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    const result = await cli([
      'analyze',
      String(empty),
      '--database-url',
      url,
      '--write-retry',
      'r.yaml',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Nothing to retry: campaign ${empty} has no trials yet`);
    expect(result.stderr).not.toContain('every combination meets the target');
  });
});

describe('analyze: chaos types the harness does not know', () => {
  test('are reported, not fatal: the analysis is printed, only their retry is withheld, with the reason', async () => {
    const unknown = await seedDemoCampaign(url, { name: 'unknown-types' });
    const db = await openEvalDatabase(url, { log: () => undefined });
    // A fault upstream added after this version: its work items name a type we do not know.
    await db.query({
      text: `UPDATE work_queue SET chaos_type = 'quantum_flux'
             WHERE campaign_id = $1 AND chaos_type = 'network_partition'`,
      values: [unknown],
    });
    // Legacy trials: no work item, and no chaos_type in their metadata.
    await db.query({
      text: `UPDATE trials SET chaos_metadata = chaos_metadata - 'chaos_type'
             WHERE id IN (SELECT trial_id FROM work_queue
                          WHERE campaign_id = $1 AND chaos_type = 'pd_leader_kill')`,
      values: [unknown],
    });
    await db.query({
      text: `UPDATE work_queue SET trial_id = NULL
             WHERE campaign_id = $1 AND chaos_type = 'pd_leader_kill'`,
      values: [unknown],
    });
    await db.close();
    const dir = await testTempDir('retry-');
    const summary = join(dir, 'summary.md');
    await writeFile(summary, '');
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    const result = await cli(
      ['analyze', String(unknown), '--database-url', url, '--write-retry', 'retry.yaml'],
      { GITHUB_STEP_SUMMARY: summary },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('quantum_flux');
    expect(result.stderr).toMatch(
      /Withheld from the retry campaign: quantum_flux — "quantum_flux" is not a chaos type/,
    );
    expect(result.stderr).toMatch(
      /Withheld from the retry campaign: unknown — its trials record no chaos type/,
    );
    const yaml = await readFile(join(dir, 'retry.yaml'), 'utf8');
    const { config } = parseCampaignYaml(yaml);
    expect(config.chaos_types.map((c) => c.type)).toEqual([
      'latency',
      'latency',
      'process_pause',
      'packet_loss',
      'asymmetric_partition',
    ]);
    expect(yaml).toMatch(/# Withheld from the retry: quantum_flux \{\} — /);
    const written = await readFile(summary, 'utf8');
    expect(written).toContain('Withheld from the retry campaign');
    expect(written).toContain('`quantum_flux`');
  });
});

test('--write-retry of a two-subject campaign keeps the failing subject, its timeout, the variant and float params', async () => {
  const db = await openEvalDatabase(url, { log: () => undefined });
  let id: number;
  try {
    const params = { users: new PyFloat(50) };
    const enqueued = await enqueueCampaign(db, {
      name: 'chat-shard-cloud',
      subjects: ['chat-db-app', 'chat-db-app-shard'],
      includeBaseline: false,
      continuous: false,
      variant: 'opus',
      gitCommitHash: '',
      items: ['chat-db-app', 'chat-db-app-shard'].map((subjectType) => ({
        subjectType,
        chaosType: 'db_sharding_direct',
        chaosParams: params,
        resolutionTimeout: 1800,
      })),
    });
    id = enqueued.campaignId;
    // chat-db-app healthy and resolved; chat-db-app-shard timed out unhealthy.
    for (const [index, healthy] of [true, false].entries()) {
      const trialId = await insertTrial(db, {
        campaignId: id,
        startedAt: '2026-02-10T12:00:00+00:00',
        chaosInjectedAt: '2026-02-10T12:02:00+00:00',
        ticketCreatedAt: '2026-02-10T12:02:20+00:00',
        resolvedAt: healthy ? '2026-02-10T12:07:00+00:00' : null,
        endedAt: '2026-02-10T12:20:00+00:00',
        finalState: JSON.stringify({ app: { status: healthy ? 'healthy' : 'down' } }),
        chaosMetadata: '{"chaos_type": "db_sharding_direct"}',
      });
      await complete(db, enqueued.workIds[index]!, { trialId });
    }
  } finally {
    await db.close();
  }
  const dir = await testTempDir('retry-');
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
  const result = await cli([
    'analyze',
    String(id),
    '--database-url',
    url,
    '--write-retry',
    'r.yaml',
  ]);
  expect(result.code, result.stderr).toBe(0);
  const yaml = await readFile(join(dir, 'r.yaml'), 'utf8');
  expect(yaml).toContain('subjects: [chat-db-app-shard]\n');
  expect(yaml).toContain('      users: 50.0\n');
  expect(yaml).toContain('    resolution_timeout: 1800\n');
  expect(yaml).toContain('variant: opus\n');
  expect(yaml).not.toContain('Not exact');
});
