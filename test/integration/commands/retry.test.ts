/**
 * `retry` against a real PostgreSQL with the upstream schema and the GitHub emulator: the merged
 * PR says "Fixes #N", issue N carries the diagnosis state block, and the retry campaign is
 * enqueued directly — the rows must equal, field by field, what upstream's `eval run campaign
 * --cloud=gcp` (the stand-in's literal port of it) writes for the same YAML file.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import {
  diagnosisMarker,
  serializeDiagnosisState,
  type DiagnosisState,
} from '../../../src/core/diagnosis-state.js';
import { PyFloat } from '../../../src/core/py-json.js';
import { enqueueCampaign } from '../../../src/db/enqueue-campaign.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { ensureProductSchema } from '../../../src/db/product-schema.js';
import { enqueueRetryOnce } from '../../../src/db/retry-runs.js';
import { createUpstreamSchema } from '../../../src/db/upstream-schema.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../../src/demo/embedded-server.js';
import { useGitHubEmulator } from '../../support/github-emulator/index.js';
import {
  databaseOf,
  holdLock,
  stopImmediately,
  terminateBackend,
  waitingQuery,
} from '../../support/postgres-faults.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import { upstreamDatabase } from '../db/helpers.js';
import {
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  requireTools,
  startRegistry,
  type TestRegistry,
} from '../images/support.js';
import { runTestCommand, STANDIN } from './support.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const SERIES = 'tikv-all-chaos-cloud';
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const gh = useGitHubEmulator();
const dirs: string[] = [];
const run = promisify(execFile);

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const CONFIG = `retry:
  dir: eval/campaigns/debug
  include_baseline: true
  eval_directory: .
images:
  registry: us-central1-docker.pkg.dev/test-project/eval
`;

async function workspace(config = CONFIG): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-retry-'));
  dirs.push(dir);
  await writeFile(join(dir, 'iterate-campaign.yml'), config);
  return dir;
}

async function previousCampaign(db: EvalDatabase): Promise<number> {
  const { campaignId } = await enqueueCampaign(db, {
    name: SERIES,
    subjects: ['tikv'],
    includeBaseline: true,
    continuous: false,
    variant: 'default',
    gitCommitHash: '1'.repeat(40),
    items: [
      { chaosType: 'node_kill' },
      { chaosType: 'latency', chaosParams: { min_ms: 50, max_ms: 150 } },
    ],
  });
  return campaignId;
}

function diagnosisBody(campaignId: number): string {
  const state: DiagnosisState = {
    version: 1,
    series: SERIES,
    revision: 2,
    target_win_rate: 0.9,
    latest_campaign_id: campaignId,
    campaign_ids: [campaignId],
    failing: [
      { chaos_type: 'latency', params: { min_ms: 50, max_ms: 150 } },
      { chaos_type: 'latency', params: { min_ms: 200, max_ms: 500 } },
      { chaos_type: 'network_partition', params: {} },
    ],
    iterations: [
      {
        campaign_id: campaignId,
        date: '2026-02-10T12:00:00+00:00',
        win_rate: 0.5,
        target_win_rate: 0.9,
        meets_target: false,
        trials: 28,
        failing: [
          'latency (min_ms=50, max_ms=150)',
          'latency (min_ms=200, max_ms=500)',
          'network_partition',
        ],
        failing_count: 3,
      },
    ],
  };
  return [diagnosisMarker(SERIES), serializeDiagnosisState(state), '', '## Diagnosis', 'text'].join(
    '\n',
  );
}

let branch = 0;

/** A fix PR (body as given) merged into main; returns its number and merge SHA. */
function mergedPr(body: string): { number: number; sha: string } {
  const head = `fix-${++branch}`;
  gh.state.commitFiles(OWNER, REPO, {
    branch: head,
    files: { [`subjects/tikv/observer/fix${branch}.py`]: 'x = 1\n' },
  });
  const pull = gh.state.createPull(OWNER, REPO, { head, title: 'Fix invariant', body });
  return { number: pull.number, sha: gh.state.mergePull(OWNER, REPO, pull.number) };
}

function env(sha: string): NodeJS.ProcessEnv {
  return {
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: gh.url,
    GITHUB_SHA: sha,
    GITHUB_EVENT_NAME: 'push',
  };
}

function inputs(url: string, extra: Record<string, string | undefined> = {}) {
  return {
    'database-url': url,
    'github-token': gh.token,
    config: 'iterate-campaign.yml',
    'trials-per-combination': '2',
    'operator-image': `us-central1-docker.pkg.dev/test-project/eval/operator:abc1234@${DIGEST}`,
    digests: JSON.stringify({
      'operator-image': 'x',
      'digest-operator': DIGEST,
      'digest-worker': '',
    }),
    ...extra,
  };
}

async function count(db: EvalDatabase, sql: string): Promise<number> {
  return (await db.query({ text: sql })).rows[0].n as number;
}

const campaignRow = async (db: EvalDatabase, id: number) =>
  (
    await db.query({
      text: `SELECT to_jsonb(c) - 'id' - 'created_at' AS row FROM campaigns c WHERE id = $1`,
      values: [id],
    })
  ).rows[0].row;

const workRows = async (db: EvalDatabase, id: number) =>
  (
    await db.query({
      text: `SELECT to_jsonb(w) - 'id' - 'campaign_id' AS row FROM work_queue w WHERE campaign_id = $1 ORDER BY id`,
      values: [id],
    })
  ).rows.map((r) => r.row);

describe('retry command (direct enqueue)', () => {
  test('enqueues the targeted retry from the diagnosis issue the PR fixes; rows equal upstream’s for the same YAML', async () => {
    const { url, db } = await upstreamDatabase();
    const previous = await previousCampaign(db);
    const issue = gh.state.createIssue(OWNER, REPO, {
      title: `Campaign diagnosis: ${SERIES}`,
      body: diagnosisBody(previous),
    });
    const pr = mergedPr(`Tighten the latency invariant.\n\nFixes #${issue.number}`);
    const cwd = await workspace();

    const result = await runTestCommand('retry', inputs(url), { cwd, env: env(pr.sha) });
    expect(result.error, result.log).toBeUndefined();
    expect(result.code).toBe(0);
    const retryId = Number(result.outputs['retry-campaign-id']);
    expect(retryId).toBeGreaterThan(previous);
    expect(result.outputs['retry-campaign-path']).toBe(
      `eval/campaigns/debug/${SERIES}-retry-${previous}.yaml`,
    );
    expect(result.outputs['worker-indexes']).toBe('[1,2,3]');

    const yaml = await readFile(join(cwd, result.outputs['retry-campaign-path']!), 'utf8');
    expect(yaml).toContain(
      `image: us-central1-docker.pkg.dev/test-project/eval/operator:abc1234@${DIGEST}`,
    );
    expect(yaml).toContain(`PR #${pr.number}, merged as ${pr.sha}`);

    // Upstream's enqueue of the same file, into the same database.
    const { stdout } = await run(
      process.execPath,
      [
        STANDIN,
        'run',
        'campaign',
        join(cwd, result.outputs['retry-campaign-path']!),
        '--cloud=gcp',
      ],
      {
        env: { ...process.env, EVAL_DATABASE_URL: url, STANDIN_GIT_COMMIT: pr.sha },
      },
    );
    const upstreamId = Number(/Created campaign (\d+) in cloud database/.exec(stdout)![1]);

    expect(await campaignRow(db, retryId)).toEqual(await campaignRow(db, upstreamId));
    expect(await campaignRow(db, retryId)).toMatchObject({
      name: `${SERIES}-retry-${previous}`,
      subject_name: 'tikv',
      trial_count: 7,
      baseline: true,
      git_commit_hash: pr.sha,
    });
    const ours = await workRows(db, retryId);
    expect(ours).toEqual(await workRows(db, upstreamId));
    expect(ours.map((r) => [r.chaos_type, r.chaos_params, r.baseline])).toEqual([
      ['latency', { min_ms: 50, max_ms: 150 }, false],
      ['latency', { min_ms: 50, max_ms: 150 }, false],
      ['latency', { min_ms: 200, max_ms: 500 }, false],
      ['latency', { min_ms: 200, max_ms: 500 }, false],
      ['network_partition', {}, false],
      ['network_partition', {}, false],
      ['none', {}, true],
    ]);

    const { rows: links } = await db.query({ text: 'SELECT * FROM iterate_campaign.retry_runs' });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      repository: `${OWNER}/${REPO}`,
      pr_number: pr.number,
      merge_sha: pr.sha,
      previous_campaign_id: previous,
      diagnosis_issue: issue.number,
      retry_campaign_id: retryId,
      operator_image: `us-central1-docker.pkg.dev/test-project/eval/operator:abc1234@${DIGEST}`,
      image_digests: { operator: DIGEST },
      mode: 'direct',
    });
    // The upstream tables keep their exact shape: nothing of ours in the public schema.
    expect(
      await count(
        db,
        "SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'retry%'",
      ),
    ).toBe(0);
  });

  test('a second run for the same PR and merge SHA returns the same campaign and writes nothing', async () => {
    const { url, db } = await upstreamDatabase();
    const previous = await previousCampaign(db);
    const issue = gh.state.createIssue(OWNER, REPO, { title: 'd', body: diagnosisBody(previous) });
    const pr = mergedPr(`Fixes #${issue.number}`);
    const cwd = await workspace();
    const first = await runTestCommand('retry', inputs(url), { cwd, env: env(pr.sha) });
    expect(first.code, first.log).toBe(0);
    const before = await count(db, 'SELECT COUNT(*)::int AS n FROM work_queue');
    const maxIds = await db.query({
      text: 'SELECT (SELECT MAX(id) FROM campaigns) AS c, (SELECT last_value FROM campaigns_id_seq) AS s',
    });

    const second = await runTestCommand('retry', inputs(url), { cwd, env: env(pr.sha) });
    expect(second.code, second.log).toBe(0);
    expect(second.outputs['retry-campaign-id']).toBe(first.outputs['retry-campaign-id']);
    expect(second.log).toContain('already has retry campaign');
    expect(await count(db, 'SELECT COUNT(*)::int AS n FROM work_queue')).toBe(before);
    expect(await count(db, 'SELECT COUNT(*)::int AS n FROM iterate_campaign.retry_runs')).toBe(1);
    // Not even a rolled-back insert: the campaign id sequence did not move.
    const after = await db.query({
      text: 'SELECT (SELECT MAX(id) FROM campaigns) AS c, (SELECT last_value FROM campaigns_id_seq) AS s',
    });
    expect(after.rows[0]).toEqual(maxIds.rows[0]);
  });

  test('two concurrent runs write one campaign and both report it', async () => {
    const { url, db } = await upstreamDatabase();
    const previous = await previousCampaign(db);
    const issue = gh.state.createIssue(OWNER, REPO, { title: 'd', body: diagnosisBody(previous) });
    const pr = mergedPr(`Fixes #${issue.number}`);
    const [cwdA, cwdB] = [await workspace(), await workspace()];
    const [a, b] = await Promise.all([
      runTestCommand('retry', inputs(url), { cwd: cwdA, env: env(pr.sha) }),
      runTestCommand('retry', inputs(url), { cwd: cwdB, env: env(pr.sha) }),
    ]);
    expect(a.code, a.log).toBe(0);
    expect(b.code, b.log).toBe(0);
    expect(a.outputs['retry-campaign-id']).toBe(b.outputs['retry-campaign-id']);
    expect(
      await count(db, `SELECT COUNT(*)::int AS n FROM campaigns WHERE id <> ${previous}`),
    ).toBe(1);
    expect(
      await count(db, `SELECT COUNT(*)::int AS n FROM work_queue WHERE campaign_id <> ${previous}`),
    ).toBe(7);
    expect(await count(db, 'SELECT COUNT(*)::int AS n FROM iterate_campaign.retry_runs')).toBe(1);
  });

  test('an issue written by someone else is not trusted: nothing is enqueued', async () => {
    const { url, db } = await upstreamDatabase();
    const previous = await previousCampaign(db);
    const forged = gh.state.createIssue(OWNER, REPO, {
      title: 'd',
      body: diagnosisBody(previous),
      user: 'mallory',
    });
    const pr = mergedPr(`Fixes #${forged.number}`);
    const result = await runTestCommand('retry', inputs(url), {
      cwd: await workspace(),
      env: env(pr.sha),
    });
    expect(result.code, result.log).toBe(0);
    expect(result.outputs['retry-campaign-id']).toBe('');
    expect(result.log).toContain(`#${forged.number} was not written by github-actions[bot]`);
    expect(await count(db, 'SELECT COUNT(*)::int AS n FROM campaigns')).toBe(1);
  });

  test('a merge that fixes no issue, and a direct push, retry nothing', async () => {
    const { url, db } = await upstreamDatabase();
    const pr = mergedPr('Refactor, no issue.');
    const noLink = await runTestCommand('retry', inputs(url), {
      cwd: await workspace(),
      env: env(pr.sha),
    });
    expect(noLink.code, noLink.log).toBe(0);
    expect(noLink.log).toContain(
      `Nothing to retry: PR #${pr.number} links no issue with a closing keyword`,
    );
    const direct = gh.state.commitFiles(OWNER, REPO, {
      branch: 'main',
      files: { 'README.md': 'direct\n' },
    });
    const push = await runTestCommand('retry', inputs(url), {
      cwd: await workspace(),
      env: env(direct),
    });
    expect(push.code, push.log).toBe(0);
    expect(push.log).toContain('is not the merge commit of a pull request');
    gh.state.commitFiles(OWNER, REPO, { branch: 'open-fix', files: { 'eval/src/x.py': 'x\n' } });
    const open = gh.state.createPull(OWNER, REPO, {
      head: 'open-fix',
      title: 'WIP',
      body: 'Fixes #1',
    });
    const unmerged = await runTestCommand(
      'retry',
      inputs(url, { 'pr-number': String(open.number) }),
      {
        cwd: await workspace(),
        env: env(pr.sha),
      },
    );
    expect(unmerged.log).toContain(`Nothing to retry: PR #${open.number} is not merged`);
    expect(await count(db, 'SELECT COUNT(*)::int AS n FROM campaigns')).toBe(0);
  });

  test('with campaign-id and pr-number: failing combinations come from scoring that campaign; no GitHub needed', async () => {
    const { url, db } = await upstreamDatabase();
    const previous = await seedDemoCampaign(url);
    const sha = 'c'.repeat(40);
    const result = await runTestCommand(
      'retry',
      inputs(url, {
        'github-token': undefined,
        'campaign-id': String(previous),
        'pr-number': '41',
      }),
      { cwd: await workspace(), env: { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_SHA: sha } },
    );
    expect(result.code, result.log).toBe(0);
    const retryId = Number(result.outputs['retry-campaign-id']);
    const types = (await workRows(db, retryId)).map((r) => r.chaos_type as string);
    expect(types).toContain('network_partition');
    expect(types).not.toContain('node_kill');
    expect(gh.requests.length).toBe(0);
    const { rows } = await db.query({
      text: 'SELECT pr_number, merge_sha, diagnosis_issue FROM iterate_campaign.retry_runs',
    });
    expect(rows).toEqual([{ pr_number: 41, merge_sha: sha, diagnosis_issue: null }]);
  });
});

describe('retry command: inputs refused before anything is written', () => {
  test('a 10-digit pr-number fails validation, before the product schema is created', async () => {
    const { url, db } = await upstreamDatabase();
    const result = await runTestCommand('retry', inputs(url, { 'pr-number': '9999999999' }), {
      cwd: await workspace(),
      env: env('c'.repeat(40)),
    });
    expect(result.code).toBe(1);
    expect(result.error?.message).toMatch(
      /^Invalid pr-number: '9999999999' — expected a positive whole number up to 2147483647/,
    );
    const { rows } = await db.query({
      text: "SELECT to_regnamespace('iterate_campaign') IS NULL AS absent",
    });
    expect(rows[0].absent).toBe(true);
  });

  test('without GITHUB_REPOSITORY the hint fits retry (no output option to suggest)', async () => {
    const { url } = await upstreamDatabase();
    const result = await runTestCommand('retry', inputs(url, { 'pr-number': '7' }), {
      cwd: await workspace(),
      env: { GITHUB_SHA: 'c'.repeat(40), GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(1);
    expect(result.error?.message).toMatch(
      /^GITHUB_REPOSITORY is not set: .*export GITHUB_REPOSITORY=owner\/repo\.$/,
    );
    expect(result.error?.message).not.toContain('output');
  });
});

describe('enqueueRetryOnce', () => {
  test('eight concurrent callers on separate connections: one campaign, one run, all see the same id', async () => {
    const { url, db } = await upstreamDatabase();
    const pools = await Promise.all(Array.from({ length: 8 }, () => openEvalDatabase(url)));
    try {
      await Promise.all(pools.map((pool) => ensureProductSchema(pool)));
      const key = { repository: 'Octo-Org/Octo-Repo', prNumber: 7, mergeSha: 'D'.repeat(40) };
      const link = {
        previousCampaignId: 1,
        diagnosisIssue: 2,
        campaignName: 'x-retry-1',
        operatorImage: '',
        imageDigests: {},
      };
      const rows = {
        name: 'x-retry-1',
        subjects: ['tikv'],
        includeBaseline: false,
        continuous: false,
        variant: 'default',
        gitCommitHash: 'd'.repeat(40),
        items: [{ chaosType: 'node_kill' }, { chaosType: 'latency', chaosParams: { min_ms: 1 } }],
      };
      const outcomes = await Promise.all(
        pools.map((pool) => enqueueRetryOnce(pool, key, link, rows)),
      );
      expect(new Set(outcomes.map((o) => o.run.retryCampaignId)).size).toBe(1);
      expect(outcomes.filter((o) => o.created)).toHaveLength(1);
      expect(outcomes[0]!.run).toMatchObject({
        repository: 'octo-org/octo-repo',
        mergeSha: 'd'.repeat(40),
      });
      expect(await count(db, 'SELECT COUNT(*)::int AS n FROM campaigns')).toBe(1);
      expect(await count(db, 'SELECT COUNT(*)::int AS n FROM work_queue')).toBe(2);
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
    }
  });
});

describe('retry command (via-cli)', () => {
  async function fakeUv(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-uv-'));
    dirs.push(dir);
    await mkdir(join(dir, 'bin'));
    const script = join(dir, 'bin', 'uv');
    await writeFile(
      script,
      `#!/bin/sh\n[ "$1" = run ] && [ "$2" = eval ] || { echo "unexpected: uv $*" >&2; exit 64; }\nshift 2\nexec "${process.execPath}" "${STANDIN}" "$@"\n`,
    );
    await chmod(script, 0o755);
    return join(dir, 'bin');
  }

  test('runs `uv run eval run campaign <yaml> --cloud=gcp`, records the link, and a second run does not enqueue again', async () => {
    const { url, db } = await upstreamDatabase();
    const previous = await previousCampaign(db);
    const issue = gh.state.createIssue(OWNER, REPO, { title: 'd', body: diagnosisBody(previous) });
    const pr = mergedPr(`Closes #${issue.number}`);
    const bin = await fakeUv();
    const cliEnv = {
      ...env(pr.sha),
      PATH: `${bin}:${process.env.PATH}`,
      STANDIN_GIT_COMMIT: pr.sha,
    };
    const cwd = await workspace();
    const first = await runTestCommand('retry', inputs(url, { 'via-cli': 'true' }), {
      cwd,
      env: cliEnv,
    });
    expect(first.code, first.log).toBe(0);
    const retryId = Number(first.outputs['retry-campaign-id']);
    expect(first.log).toContain(`Created campaign ${retryId} in cloud database`);
    expect(first.log).not.toContain(new URL(url).password || '\u0000');
    expect(await campaignRow(db, retryId)).toMatchObject({
      name: `${SERIES}-retry-${previous}`,
      trial_count: 7,
      git_commit_hash: pr.sha,
    });
    const { rows } = await db.query({
      text: 'SELECT retry_campaign_id, mode FROM iterate_campaign.retry_runs',
    });
    expect(rows).toEqual([{ retry_campaign_id: retryId, mode: 'cli' }]);

    const second = await runTestCommand('retry', inputs(url, { 'via-cli': 'true' }), {
      cwd,
      env: cliEnv,
    });
    expect(second.outputs['retry-campaign-id']).toBe(String(retryId));
    expect(await count(db, 'SELECT COUNT(*)::int AS n FROM campaigns')).toBe(2);
  });

  test('a failing harness CLI reports its exit code and output tail, and records nothing', async () => {
    const { url, db } = await upstreamDatabase();
    const previous = await previousCampaign(db);
    const issue = gh.state.createIssue(OWNER, REPO, { title: 'd', body: diagnosisBody(previous) });
    const pr = mergedPr(`Fixes #${issue.number}`);
    const result = await runTestCommand('retry', inputs(url, { 'via-cli': 'true' }), {
      cwd: await workspace(),
      env: { ...env(pr.sha), PATH: process.env.PATH, EVAL_DATABASE_URL: '' },
    });
    // Without the fake uv on PATH: either uv is missing, or a real uv fails in an empty directory.
    expect(result.code).toBe(1);
    expect(result.error?.message).toMatch(
      /eval run campaign (failed with exit code \d+|could not run 'uv')/,
    );
    expect(await count(db, 'SELECT COUNT(*)::int AS n FROM iterate_campaign.retry_runs')).toBe(0);
  });
});

/** Pushes a one-blob OCI image to the registry over its HTTP API (what build leaves behind). */
async function pushManifest(registry: TestRegistry, repository: string, tag: string) {
  const auth = `Basic ${Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}`;
  const base = `http://${registry.host}/v2/${repository}`;
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', tag }));
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  const upload = await fetch(`${base}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: auth },
  });
  const location = new URL(upload.headers.get('location')!, `http://${registry.host}`);
  location.searchParams.set('digest', configDigest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { authorization: auth, 'content-type': 'application/octet-stream' },
    body: config,
  });
  expect(put.status).toBe(201);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: configDigest,
      size: config.length,
    },
    layers: [],
  });
  const pushed = await fetch(`${base}/manifests/${tag}`, {
    method: 'PUT',
    headers: { authorization: auth, 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
    body: manifest,
  });
  expect(pushed.status).toBe(201);
  return `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
}

describe('retry command (digests of the planned tags from the registry)', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    requireTools('docker-registry');
    registry = await startRegistry({ auth: true });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  const planned = (tag: string, name = 'operator') => ({
    name,
    dockerfile: name === 'operator' ? 'subjects/tikv/Dockerfile.operator' : 'eval/Dockerfile',
    context: '.',
    platform: 'linux/amd64',
    tag,
  });

  /** retry by campaign-id (no GitHub) with the plan's images and the registry login. */
  async function retryWithImages(
    url: string,
    previous: number,
    pr: number,
    images: ReturnType<typeof planned>[],
  ) {
    return runTestCommand(
      'retry',
      inputs(url, {
        'github-token': undefined,
        'operator-image': undefined,
        digests: undefined,
        'campaign-id': String(previous),
        'pr-number': String(pr),
        images: JSON.stringify(images),
        'registry-username': REGISTRY_USER,
        'registry-password': REGISTRY_PASSWORD,
      }),
      {
        cwd: await workspace(),
        env: { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_SHA: String(pr % 10).repeat(40) },
      },
    );
  }

  test('pins the operator by the digest the registry holds and records every planned digest', async () => {
    const { url, db } = await upstreamDatabase();
    const previous = await seedDemoCampaign(url);
    const operatorTag = `${registry.host}/eval/operator:abc1234`;
    const workerTag = `${registry.host}/eval/worker:abc1234`;
    const operatorDigest = await pushManifest(registry, 'eval/operator', 'abc1234');
    const workerDigest = await pushManifest(registry, 'eval/worker', 'abc1234');
    const result = await retryWithImages(url, previous, 42, [
      planned(operatorTag),
      planned(workerTag, 'worker'),
    ]);
    expect(result.code, result.log).toBe(0);
    expect(result.outputs['operator-image']).toBe(`${operatorTag}@${operatorDigest}`);
    expect(result.log).not.toContain(REGISTRY_PASSWORD);
    const { rows } = await db.query({
      text: 'SELECT operator_image, image_digests FROM iterate_campaign.retry_runs WHERE pr_number = 42',
    });
    expect(rows).toEqual([
      {
        operator_image: `${operatorTag}@${operatorDigest}`,
        image_digests: { operator: operatorDigest, worker: workerDigest },
      },
    ]);
  });

  test('a planned tag the registry does not hold fails naming it, and nothing is enqueued', async () => {
    const { url, db } = await upstreamDatabase();
    const previous = await seedDemoCampaign(url);
    const missing = `${registry.host}/eval/operator:never-pushed`;
    const result = await retryWithImages(url, previous, 43, [planned(missing)]);
    expect(result.code).not.toBe(0);
    expect(result.log).toContain(`Planned image operator (${missing}) is not in the registry`);
    expect(await count(db, 'SELECT count(*)::int AS n FROM iterate_campaign.retry_runs')).toBe(0);
  });
});

describe('retry of a two-subject campaign', () => {
  test('reruns exactly the failing (subject, chaos type, params) with its timeout, variant and float params', async () => {
    const { url, db } = await upstreamDatabase();
    const params = { users: new PyFloat(50), ratio: 0.5 };
    const { campaignId: previous } = await enqueueCampaign(db, {
      name: 'chat-shard-cloud',
      subjects: ['chat-db-app', 'chat-db-app-shard'],
      includeBaseline: false,
      continuous: false,
      variant: 'opus',
      gitCommitHash: '1'.repeat(40),
      items: ['chat-db-app', 'chat-db-app-shard'].map((subjectType) => ({
        subjectType,
        chaosType: 'db_sharding_direct',
        chaosParams: params,
        resolutionTimeout: 1800,
      })),
    });
    // The issue's JSON state has lost the float: 50.0 reads back as 50.
    const state: DiagnosisState = {
      version: 1,
      series: 'chat-shard-cloud',
      revision: 1,
      target_win_rate: 0.9,
      latest_campaign_id: previous,
      campaign_ids: [previous],
      failing: [
        {
          subject: 'chat-db-app-shard',
          chaos_type: 'db_sharding_direct',
          params: { users: 50, ratio: 0.5 },
        },
      ],
      iterations: [
        {
          campaign_id: previous,
          date: '2026-02-10T12:00:00+00:00',
          win_rate: 0.5,
          target_win_rate: 0.9,
          meets_target: false,
          trials: 2,
          failing: ['db_sharding_direct (users=50.0, ratio=0.5)'],
          failing_count: 1,
        },
      ],
    };
    const issue = gh.state.createIssue(OWNER, REPO, {
      title: 'Campaign diagnosis: chat-shard-cloud',
      body: [diagnosisMarker('chat-shard-cloud'), serializeDiagnosisState(state)].join('\n'),
    });
    const pr = mergedPr(`Fixes #${issue.number}`);
    const cwd = await workspace(`retry:\n  dir: eval/campaigns/debug\n  eval_directory: .\n`);

    const result = await runTestCommand('retry', inputs(url), { cwd, env: env(pr.sha) });
    expect(result.code, result.log).toBe(0);
    const retryId = Number(result.outputs['retry-campaign-id']);
    const yaml = await readFile(join(cwd, result.outputs['retry-campaign-path']!), 'utf8');
    expect(yaml).toContain('subjects: [chat-db-app-shard]\n');
    expect(yaml).toContain('      users: 50.0\n');
    expect(yaml).toContain('    resolution_timeout: 1800\n');
    expect(yaml).toContain('variant: opus\n');

    expect(await campaignRow(db, retryId)).toMatchObject({
      subject_name: 'chat-db-app-shard',
      variant_name: 'opus',
      trial_count: 2,
    });
    const { rows } = await db.query({
      text: `SELECT subject_type, chaos_type, chaos_params::text AS params, resolution_timeout, baseline
             FROM work_queue WHERE campaign_id = $1 ORDER BY id`,
      values: [retryId],
    });
    // What upstream's enqueue stores for this YAML: json.dumps(PyYAML's dict)::jsonb.
    const upstreamText = (
      await db.query({
        text: `SELECT $1::jsonb::text AS t`,
        values: ['{"users": 50.0, "ratio": 0.5}'],
      })
    ).rows[0].t as string;
    expect(upstreamText).toBe('{"ratio": 0.5, "users": 50.0}');
    expect(rows).toEqual([
      {
        subject_type: 'chat-db-app-shard',
        chaos_type: 'db_sharding_direct',
        params: upstreamText,
        resolution_timeout: 1800,
        baseline: false,
      },
      {
        subject_type: 'chat-db-app-shard',
        chaos_type: 'db_sharding_direct',
        params: upstreamText,
        resolution_timeout: 1800,
        baseline: false,
      },
    ]);
  });
});

describe('retry with its enqueue transaction cut mid-flight (a PostgreSQL server of its own)', () => {
  let server: EmbeddedServer;
  let databases = 0;
  beforeAll(async () => {
    server = await startEmbeddedPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  async function fixture() {
    const url = await server.createDatabase(`retry_fault_${++databases}`);
    const db = await openEvalDatabase(url, { log: () => undefined, retryBudgetMs: 30_000 });
    onTestFinished(() => db.close());
    await createUpstreamSchema(db);
    await ensureProductSchema(db);
    const previous = await previousCampaign(db);
    const issue = gh.state.createIssue(OWNER, REPO, { title: 'd', body: diagnosisBody(previous) });
    const pr = mergedPr(`Fixes #${issue.number}`);
    const cwd = await workspace();
    const retry = () => runTestCommand('retry', inputs(url), { cwd, env: env(pr.sha) });
    const rows = async () =>
      (
        await db.retrying.query({
          text: `SELECT (SELECT COUNT(*)::int FROM campaigns WHERE name = $1) AS campaigns,
                        (SELECT COUNT(*)::int FROM work_queue w JOIN campaigns c ON c.id = w.campaign_id
                          WHERE c.name = $1) AS items,
                        (SELECT COUNT(*)::int FROM iterate_campaign.retry_runs) AS runs`,
          values: [`${SERIES}-retry-${previous}`],
        })
      ).rows[0];
    return { url, retry, rows };
  }

  /** Starts retry; once its INSERT of the retry_runs row waits on a lock (campaign and work items
   * already written in the same transaction), applies `fault` and lets the lock go. */
  async function cutMidTransaction(
    url: string,
    retry: () => ReturnType<typeof runTestCommand>,
    fault: (pid: number) => Promise<void>,
  ) {
    const lock = await holdLock(url, 'iterate_campaign.retry_runs', 'EXCLUSIVE');
    onTestFinished(() => lock.release());
    const running = retry();
    const { pid, query } = await waitingQuery(server.adminUrl, databaseOf(url));
    expect(query).toMatch(/INSERT INTO iterate_campaign\.retry_runs/);
    await fault(pid);
    await lock.release();
    return running;
  }

  const EXACT = { campaigns: 1, items: 7, runs: 1 };

  test('pg_terminate_backend: the transaction runs again whole; one campaign, its 7 items, one link', async () => {
    const { url, retry, rows } = await fixture();
    const run = await cutMidTransaction(url, retry, (pid) =>
      terminateBackend(server.adminUrl, pid),
    );
    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/lost during a query.*retrying on a fresh connection/);
    expect(await rows()).toEqual(EXACT);
  });

  test('pg_ctl stop -m immediate, server back a second later: the same exact rows', async () => {
    const { url, retry, rows } = await fixture();
    const run = await cutMidTransaction(url, retry, async () => {
      await stopImmediately(server);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await server.resume();
    });
    expect(run.code, run.log).toBe(0);
    expect(await rows()).toEqual(EXACT);
  }, 90_000);

  test('pg_ctl stop -m immediate, server kept down: one clear error and no half-written rows; a re-run enqueues once', async () => {
    const { url, retry, rows } = await fixture();
    const run = await cutMidTransaction(url, retry, () => stopImmediately(server));
    await server.resume();
    expect(run.code).toBe(1);
    expect(run.error?.message).toMatch(
      new RegExp(
        `^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${server.port}/retry_fault_\\d+: `,
      ),
    );
    expect(run.error?.message).not.toContain('\n');
    expect(run.outputs['retry-campaign-id']).toBeUndefined();
    expect(await rows()).toEqual({ campaigns: 0, items: 0, runs: 0 });

    const again = await retry();
    expect(again.code, again.log).toBe(0);
    expect(await rows()).toEqual(EXACT);
  }, 90_000);
});
