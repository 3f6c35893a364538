/**
 * The whole loop with the bundled dist/index.js run as the runner runs it, on the real PostgreSQL
 * test server (upstream schema, a password-protected role) and the GitHub emulator (checked against
 * GitHub's OpenAPI description):
 *
 *   analyze → diagnosis issue → fix PR "Fixes #1" merged → plan → retry (delivered twice) →
 *   a worker that dies with an item running → reconcile (still waiting) → release-stale →
 *   supervised stand-in workers, with wait killed mid-way and re-run → compare ‖ reconcile (one
 *   comment) → finalize (validation campaign) → validation workers → finalize → issue closed,
 *   validation campaign notable with a note.
 *
 * And the bundled wait across a PostgreSQL restart, on a server of its own.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiagnosisState } from '../../src/core/diagnosis-state.js';
import { readCampaignNotes } from '../support/campaign-notes.js';
import { enqueueCampaign } from '../../src/db/enqueue-campaign.js';
import { openEvalDatabase, type EvalDatabase } from '../../src/db/pool.js';
import { createUpstreamSchema } from '../../src/db/upstream-schema.js';
import { claimNext, complete } from '../../src/db/work-queue.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/demo/embedded-server.js';
import { readStickyMarker } from '../../src/github/sticky-comment.js';
import { createEmptyDatabase } from '../support/databases.js';
import { GITHUB_ACTIONS_BOT, useGitHubEmulator } from '../support/github-emulator/index.js';
import { seedDemoCampaign } from '../support/seed-campaign.js';
import {
  ROOT,
  runBundle,
  startBundle,
  until,
  visibleLog,
  type BundleOptions,
  type BundleRun,
} from './bundle-runner.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const FIXED_AGENT = join(ROOT, 'test/dist/fixtures/fixed-agent-worker.mjs');
const STANDIN = join(ROOT, 'test/fixtures/eval-worker-standin.mjs');
const DIGEST = `sha256:${'c4'.repeat(32)}`;
const CONFIG = `retry:
  dir: eval/campaigns/debug
  parallel: 2
  eval_directory: .
  worker_poll_seconds: 0.5
  worker_grace_seconds: 5
  adaptive: false # one look: top-up rounds are covered by test/integration/commands/top-up.test.ts
images:
  registry: us-central1-docker.pkg.dev/test-project/eval
`;

const gh = useGitHubEmulator({ getUserWithInstallationToken: 'forbidden' });

let databaseUrl: string;
let password: string;
let workspace: string;
let db: EvalDatabase;

/** A database owned by a role with its own password; the workspace a checkout would give. */
beforeAll(async () => {
  if (!existsSync(join(ROOT, 'lib/demo/failure-model.js'))) {
    throw new Error('lib/ is missing: run `npm run bundle` before the dist tests');
  }
  const adminUrl = await createEmptyDatabase('loop');
  const database = new URL(adminUrl).pathname.slice(1);
  const role = `loop_${randomBytes(4).toString('hex')}`;
  password = `Pw-${randomBytes(12).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await admin.query(`ALTER DATABASE ${database} OWNER TO ${role}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  databaseUrl = url.toString();
  workspace = await mkdtemp(join(tmpdir(), 'iterate-campaign-workspace-'));
  await mkdir(join(workspace, '.github'), { recursive: true });
  await writeFile(join(workspace, '.github/iterate-campaign.yml'), CONFIG);
  const validation = join(workspace, 'eval/campaigns/operations/tikv-all-chaos-cloud.yaml');
  await mkdir(dirname(validation), { recursive: true });
  await copyFile(join(ROOT, 'campaigns/tikv-all-chaos-cloud.yaml'), validation);
  db = await openEvalDatabase(databaseUrl, { log: () => undefined });
}, 120_000);

afterAll(async () => {
  await db?.close();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

function step(
  command: string,
  inputs: Record<string, string>,
  options: Partial<BundleOptions> & { sha?: string } = {},
): BundleOptions {
  const { sha, ...rest } = options;
  return {
    apiUrl: gh.url,
    token: gh.token,
    repository: `${OWNER}/${REPO}`,
    event: sha
      ? { name: 'push', payload: { ref: 'refs/heads/main', after: sha } }
      : { name: 'workflow_dispatch', payload: { inputs: {} } },
    workspace,
    ...rest,
    env: { ...(sha ? { GITHUB_SHA: sha } : {}), ...rest.env },
    // Each step runs its command's own action (`<command>/action.yml`), as a caller's workflow does.
    action: command,
    inputs: { 'database-url': databaseUrl, ...inputs },
  };
}

function expectClean(run: BundleRun, name: string): void {
  expect(run.code, `${name}:\n${run.stdout}\n${run.stderr}`).toBe(0);
  expect(visibleLog(run)).not.toContain(password);
  expect(visibleLog(run)).not.toContain(gh.token);
}

function workerStep(
  campaignId: string,
  index: number,
  command: string,
  env: NodeJS.ProcessEnv,
  operatorImage?: string,
) {
  return step(
    'worker',
    {
      'retry-campaign-id': campaignId,
      'worker-index': String(index),
      'worker-command': command,
      ...(operatorImage ? { 'operator-image': operatorImage } : {}),
    },
    { env, timeoutMs: 60_000 },
  );
}

function botComments(pr: number) {
  return gh.state
    .comments(OWNER, REPO, pr)
    .filter((c) => c.user === GITHUB_ACTIONS_BOT.login && readStickyMarker(c.body));
}

async function campaignsNamed(name: string): Promise<number[]> {
  const { rows } = await db.query({
    text: 'SELECT id FROM campaigns WHERE name = $1 ORDER BY id',
    values: [name],
  });
  return rows.map((r) => r.id as number);
}

describe('the loop, bundled', () => {
  it('analyze → issue → merge → plan → retry → workers → wait → compare → finalize → issue closed', async () => {
    const previous = await seedDemoCampaign(databaseUrl);

    // analyze: the diagnosis issue
    const analyzed = await runBundle(step('analyze', { 'campaign-id': String(previous) }));
    expectClean(analyzed, 'analyze');
    expect(analyzed.outputs['issue-number']).toBe('1');

    // a fix PR that says "Fixes #1", merged
    gh.state.commitFiles(OWNER, REPO, {
      branch: 'fix-partition-invariant',
      files: {
        'subjects/tikv/observer/src/tikv_observer/invariants.py': 'PARTITION_GRACE_S = 5\n',
      },
    });
    const pull = gh.state.createPull(OWNER, REPO, {
      head: 'fix-partition-invariant',
      title: 'Fix the partition invariant',
      body: 'The invariant never fired on a partition.\n\nFixes #1',
      user: 'octocat',
    });
    const sha = gh.state.mergePull(OWNER, REPO, pull.number);

    // plan: the operator image is rebuilt
    const planned = await runBundle(step('plan', {}, { sha }));
    expectClean(planned, 'plan');
    expect(planned.outputs['pr-number']).toBe(String(pull.number));
    const [image] = JSON.parse(planned.outputs.images!) as { name: string; tag: string }[];
    expect(image).toMatchObject({
      name: 'operator',
      tag: `us-central1-docker.pkg.dev/test-project/eval/operator:${sha.slice(0, 7)}`,
    });

    // retry, delivered twice: one campaign
    const retryInputs = {
      'operator-image': `${image!.tag}@${DIGEST}`,
      digests: JSON.stringify({ 'digest-operator': DIGEST }),
    };
    const [first, second] = [
      await runBundle(step('retry', retryInputs, { sha })),
      await runBundle(step('retry', retryInputs, { sha, runId: '9002' })),
    ];
    expectClean(first, 'retry');
    expectClean(second, 'retry again');
    const retryId = first.outputs['retry-campaign-id']!;
    expect(second.outputs['retry-campaign-id']).toBe(retryId);
    expect(await campaignsNamed(`tikv-all-chaos-cloud-retry-${previous}`)).toEqual([
      Number(retryId),
    ]);
    expect(first.outputs['worker-indexes']).toBe('[1,2]');

    // a worker that dies with an item in hand
    const crashing = await runBundle(
      workerStep(retryId, 9, `node ${STANDIN} worker start --id=c<CID>-<i> --campaign=<CID>`, {
        STANDIN_TRIAL_MS: '60000',
        STANDIN_EXIT_AFTER_MS: '1500',
      }),
    );
    expect(crashing.code).toBe(1);
    expect(crashing.stdout).toMatch(
      /exited on its own with exit code 3 before campaign \d+ was drained/,
    );
    const orphaned = await db.query({
      text: "SELECT id FROM work_queue WHERE campaign_id = $1 AND status = 'running'",
      values: [Number(retryId)],
    });
    expect(orphaned.rows).toHaveLength(1);

    // reconcile (cron): the campaign is not finished, nothing is written
    const writesBefore = gh.requests.filter((r) => r.method !== 'GET').length;
    const early = await runBundle(step('reconcile', {}));
    expectClean(early, 'reconcile (early)');
    expect(JSON.parse(early.outputs.reconciled!)).toEqual([
      {
        'retry-campaign-id': Number(retryId),
        action: 'waiting',
        detail: expect.stringContaining('1 running'),
      },
    ]);
    expect(gh.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);

    // `eval worker release-stale --remote --timeout 0`: the item goes back to the queue
    await db.query({
      text: `UPDATE work_queue SET status = 'pending', worker_id = NULL, claimed_at = NULL
             WHERE campaign_id = $1 AND status = 'running'`,
      values: [Number(retryId)],
    });

    // wait, killed mid-way; then the workers, and wait again
    const killed = await startBundle(
      step('wait', { 'retry-campaign-id': retryId, 'poll-seconds': '1' }),
    );
    await until(killed.output, /Campaign \d+: 0\/21 done/);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    const agent = `node ${FIXED_AGENT} worker start --id=c<CID>-<i> --campaign=<CID> --operator-image=<image>`;
    const fixedEnv = { FIXED_CHAOS_TYPES: 'all', ITEM_MS: '150' };
    const waiting = await startBundle(
      step('wait', { 'retry-campaign-id': retryId, 'poll-seconds': '1' }, { runId: '9003' }),
    );
    const workers = await Promise.all(
      [1, 2].map((i) => runBundle(workerStep(retryId, i, agent, fixedEnv))),
    );
    for (const worker of workers) {
      expectClean(worker, 'worker');
      expect(worker.outputs['stop-reason']).toBe('drained');
    }
    const waited = await waiting.done;
    expectClean(waited, 'wait');
    expect(waited.outputs).toMatchObject({
      finished: 'true',
      'timed-out': 'false',
      completed: '21',
    });

    // compare (the wait path) and reconcile (the cron path) at the same time: one report
    const [compared, reconciled] = await Promise.all([
      runBundle(step('compare', { 'retry-campaign-id': retryId }, { runId: '9004' })),
      runBundle(step('reconcile', {}, { runId: '9005' })),
    ]);
    expectClean(compared, 'compare');
    expectClean(reconciled, 'reconcile');
    expect(compared.outputs).toMatchObject({
      verdict: 'target-reached',
      'target-reached': 'true',
      regressions: '[]',
      'win-rate': '1.0000',
    });
    expect(botComments(pull.number)).toHaveLength(1);
    expect(compared.summary).toContain(`## ✅ Retry campaign ${retryId} vs campaign ${previous}`);
    const issue = readDiagnosisState(gh.state.issue(OWNER, REPO, 1)!.body);
    expect(issue.kind === 'ok' && issue.state.campaign_ids).toEqual([previous, Number(retryId)]);
    expect(gh.state.issue(OWNER, REPO, 1)!.state).toBe('open');

    // finalize: the full validation campaign, once
    const started = await runBundle(
      step('finalize', { 'retry-campaign-id': retryId }, { runId: '9006' }),
    );
    expectClean(started, 'finalize (start)');
    const validationId = started.outputs['validation-campaign-id']!;
    expect(started.outputs).toMatchObject({
      'validation-status': 'running',
      'worker-indexes': '[1,2]',
      'operator-image': `${image!.tag}@${DIGEST}`,
    });
    expect(await campaignsNamed('tikv-all-chaos-cloud')).toEqual([previous, Number(validationId)]);

    const validators = await Promise.all(
      [1, 2].map((i) =>
        runBundle(workerStep(validationId, i, agent, fixedEnv, started.outputs['operator-image'])),
      ),
    );
    for (const worker of validators) expectClean(worker, 'validation worker');

    const concluded = await runBundle(
      step('finalize', { 'retry-campaign-id': retryId }, { runId: '9007' }),
    );
    expectClean(concluded, 'finalize (conclude)');
    expect(concluded.outputs['validation-status']).toBe('passed');
    expect(gh.state.issue(OWNER, REPO, 1)).toMatchObject({
      state: 'closed',
      stateReason: 'completed',
    });
    const notes = await readCampaignNotes(db, Number(validationId));
    expect(notes).toEqual({
      notable: true,
      notes: expect.stringMatching(
        new RegExp(
          `^Validated PR #${pull.number} "Fix the partition invariant" \\(merge ${sha.slice(0, 7)}\\)\\.`,
        ),
      ),
    });
    const [comment] = botComments(pull.number);
    expect(botComments(pull.number)).toHaveLength(1);
    expect(comment!.body.split('\n').slice(0, 2)).toEqual([
      `<!-- iterate-campaign:retry-report pr=${pull.number} revision=${Number(retryId) * 10 + 4} -->`,
      expect.stringMatching(
        new RegExp(`^### ✅ Validation campaign ${validationId}: 100\\.0% \\(28/28\\)`),
      ),
    ]);
    expect(comment!.body).toContain(`\`${image!.tag}\` (\`${DIGEST}\`)`);
  }, 300_000);
});

describe('the bundled wait across a PostgreSQL restart', () => {
  let server: EmbeddedServer;
  beforeAll(async () => {
    server = await startEmbeddedPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  it('reconnects and finishes', async () => {
    const url = await server.createDatabase('restart');
    const own = await openEvalDatabase(url, { log: () => undefined, retryBudgetMs: 30_000 });
    try {
      await createUpstreamSchema(own);
      const { campaignId } = await enqueueCampaign(own, {
        name: 'restart',
        subjects: ['tikv'],
        includeBaseline: false,
        continuous: false,
        variant: 'default',
        gitCommitHash: '',
        items: [{ chaosType: 'node_kill' }, { chaosType: 'latency' }],
      });
      const waiting = await startBundle(
        step('wait', {
          'retry-campaign-id': String(campaignId),
          'poll-seconds': '1',
          'database-url': url,
        }),
      );
      await until(waiting.output, /Campaign \d+: 0\/2 done/);
      await server.pause();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await server.resume();
      for (
        let item = await claimNext(own, 'w-1', campaignId);
        item;
        item = await claimNext(own, 'w-1', campaignId)
      ) {
        await complete(own, item.id, {});
      }
      const run = await waiting.done;
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ finished: 'true', completed: '2' });
      expect(run.stdout).toMatch(/::warning::.*(progress failed|LISTEN work_item_completed lost)/);
    } finally {
      await own.close();
    }
  }, 120_000);
});
