/**
 * `worker` against a real PostgreSQL with the upstream schema, supervising the stand-in for
 * `eval worker start` (test/fixtures/eval-worker-standin.mjs), which claims items with upstream's
 * claim_next SQL and never exits on its own.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { enqueueCampaign } from '../../../src/db/enqueue-campaign.js';
import type { EvalDatabase } from '../../../src/db/pool.js';
import { superviseWorker } from '../../../src/process/worker-supervisor.js';
import { memoryLogger } from '../../../src/logger.js';
import { waitForCampaign } from '../../../src/loop/wait.js';
import { upstreamDatabase } from '../db/helpers.js';
import { runTestCommand, STANDIN } from './support.js';

const IMAGE = 'us-central1-docker.pkg.dev/p/eval/operator:abc1234';
const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function workspace(
  config = 'retry:\n  eval_directory: .\n  worker_poll_seconds: 0.2\n  worker_grace_seconds: 5\n',
) {
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-worker-'));
  dirs.push(dir);
  await writeFile(join(dir, 'iterate-campaign.yml'), config);
  return dir;
}

async function campaignWith(db: EvalDatabase, items: number): Promise<number> {
  const { campaignId } = await enqueueCampaign(db, {
    name: 'tikv-retry-7',
    subjects: ['tikv'],
    includeBaseline: false,
    continuous: false,
    variant: 'default',
    gitCommitHash: 'a'.repeat(40),
    items: Array.from({ length: items }, (_, i) => ({
      chaosType: i % 2 ? 'latency' : 'node_kill',
      chaosParams: i % 2 ? { min_ms: 50, max_ms: 150 } : {},
    })),
  });
  return campaignId;
}

const standinCommand = `${process.execPath} ${STANDIN} worker start --cloud=gcp --id=c<CID>-<i> --campaign=<CID> --operator-image=<image>`;

function workerInputs(
  url: string,
  campaignId: number,
  index: number,
  extra: Record<string, string> = {},
) {
  return {
    'retry-campaign-id': String(campaignId),
    'worker-index': String(index),
    'worker-command': standinCommand,
    'operator-image': IMAGE,
    'database-url': url,
    config: 'iterate-campaign.yml',
    ...extra,
  };
}

describe('worker command', () => {
  test('three supervised workers drain a campaign, every item claimed exactly once, and all three exit', async () => {
    const { url, db } = await upstreamDatabase();
    const campaignId = await campaignWith(db, 24);
    const cwd = await workspace();
    const started = Date.now();
    const runs = await Promise.all(
      [1, 2, 3].map((i) => runTestCommand('worker', workerInputs(url, campaignId, i), { cwd })),
    );
    for (const [index, run] of runs.entries()) {
      expect(run.error, run.log).toBeUndefined();
      expect(run.code, run.log).toBe(0);
      expect(run.outputs).toMatchObject({
        'worker-id': `c${campaignId}-${index + 1}`,
        'stop-reason': 'drained',
      });
      expect(run.log).toContain(`Operator: ${IMAGE}`);
      expect(run.log).toContain('Received SIGTERM');
      expect(run.log).toContain('Worker stopped');
      expect(run.log).not.toContain(new URL(url).password || '\u0000');
    }
    expect(Date.now() - started).toBeLessThan(30_000);

    const { rows: items } = await db.query({
      text: 'SELECT id, status, worker_id, trial_id FROM work_queue WHERE campaign_id = $1 ORDER BY id',
      values: [campaignId],
    });
    expect(items).toHaveLength(24);
    expect(items.every((item) => item.status === 'completed')).toBe(true);
    const trialIds = items.map((item) => item.trial_id as number);
    expect(new Set(trialIds).size).toBe(24);
    const { rows: trials } = await db.query({
      text: 'SELECT id FROM trials WHERE campaign_id = $1',
      values: [campaignId],
    });
    // A double claim would have written a second trial for the same item.
    expect(trials).toHaveLength(24);
    for (const item of items) expect(item.worker_id).toMatch(new RegExp(`^c${campaignId}-[123]$`));
    // Each worker's output is kept in worker-logs/worker-c<CID>-<i>.log (what the workflows upload):
    // it claims exactly the items the database says that worker ran.
    for (const i of [1, 2, 3]) {
      const workerId = `c${campaignId}-${i}`;
      const log = await readFile(join(cwd, 'worker-logs', `worker-${workerId}.log`), 'utf8');
      const claimed = [...log.matchAll(/Claimed work item (\d+):/g)].map((m) => Number(m[1]));
      const ran = items.filter((item) => item.worker_id === workerId).map((item) => item.id);
      expect(claimed.sort((a, b) => a - b)).toEqual(ran);
      expect(log).not.toContain(new URL(url).password || '\u0000');
    }
  });

  test('a worker that ignores SIGTERM is killed with SIGKILL after the grace period', async () => {
    const { url, db } = await upstreamDatabase();
    const campaignId = await campaignWith(db, 2);
    const cwd = await workspace(
      'retry:\n  eval_directory: .\n  worker_poll_seconds: 0.2\n  worker_grace_seconds: 0.5\n',
    );
    const run = await runTestCommand('worker', workerInputs(url, campaignId, 1), {
      cwd,
      env: { STANDIN_IGNORE_SIGTERM: '1' },
    });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Ignoring SIGTERM');
    expect(run.log).toContain('did not stop within 0.5 s of SIGTERM: sending SIGKILL');
    expect(run.log).toContain('signal SIGKILL');
  });

  test('a worker that exits on its own before the campaign is drained fails with its exit code and output tail', async () => {
    const { url, db } = await upstreamDatabase();
    const campaignId = await campaignWith(db, 50);
    const cwd = await workspace();
    const run = await runTestCommand('worker', workerInputs(url, campaignId, 1), {
      cwd,
      env: { STANDIN_EXIT_AFTER_MS: '400', STANDIN_TRIAL_MS: '100' },
    });
    expect(run.code).toBe(1);
    expect(run.log).toMatch(
      new RegExp(
        `Worker c${campaignId}-1 exited on its own with exit code 3 before campaign ${campaignId} was drained`,
      ),
    );
    expect(run.log).toContain('--- last');
    expect(run.log).toContain('Simulated crash');
  });

  test('the operator image defaults to none and then refuses to start a worker that needs one', async () => {
    const { url, db } = await upstreamDatabase();
    const campaignId = await campaignWith(db, 1);
    const cwd = await workspace();
    const run = await runTestCommand(
      'worker',
      { ...workerInputs(url, campaignId, 1), 'operator-image': undefined },
      { cwd },
    );
    expect(run.code).toBe(1);
    expect(run.error?.message).toMatch(/No operator image for the worker command's <image>/);
    const { rows } = await db.query({
      text: "SELECT COUNT(*)::int AS n FROM work_queue WHERE status = 'pending'",
    });
    expect(rows[0].n).toBe(1);
  });

  test('an unknown campaign fails before anything starts', async () => {
    const { url } = await upstreamDatabase();
    const cwd = await workspace();
    const run = await runTestCommand('worker', workerInputs(url, 987654, 1), { cwd });
    expect(run.code).toBe(1);
    expect(run.error?.message).toMatch(/Campaign 987654 has no work items/);
  });
});

/** Alive and not a zombie (an orphan may wait for a PID 1 that never reaps it). */
async function isAlive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return false;
  return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

describe('superviseWorker', () => {
  test('our SIGINT is forwarded: the child’s whole process group stops', async () => {
    const dir = await workspace();
    const pidFile = join(dir, 'grandchild.pid');
    const signals = new EventEmitter();
    const logger = memoryLogger();
    const supervised = superviseWorker({
      file: 'sh',
      args: ['-c', `sleep 300 & echo $! > ${pidFile}; echo started; wait`],
      cwd: dir,
      logger,
      isDrained: async () => false,
      pollIntervalMs: 50,
      graceMs: 10_000,
      cancelGraceMs: 2000,
      signals,
    });
    let grandchild = 0;
    for (let i = 0; i < 100 && !grandchild; i++) {
      await new Promise((r) => setTimeout(r, 50));
      grandchild = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()) || 0;
    }
    expect(grandchild).toBeGreaterThan(0);
    signals.emit('SIGINT', 'SIGINT');
    const result = await supervised;
    expect(result).toMatchObject({ reason: 'signal', receivedSignal: 'SIGINT', killed: false });
    expect(result.signal ?? String(result.exitCode)).toMatch(/SIGTERM|143/);
    expect(logger.text()).toContain('started');
    // The grandchild (not a direct child) got the group's SIGTERM too.
    await new Promise((r) => setTimeout(r, 100));
    expect(await isAlive(grandchild)).toBe(false);
    expect(signals.listenerCount('SIGINT')).toBe(0);
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  test('a missing executable is reported, not thrown', async () => {
    const result = await superviseWorker({
      file: 'definitely-not-a-command-xyz',
      args: [],
      cwd: tmpdir(),
      logger: memoryLogger(),
      isDrained: async () => true,
      pollIntervalMs: 50,
      graceMs: 100,
      signals: new EventEmitter(),
    });
    expect(result.reason).toBe('exited');
    expect(result.spawnError).toMatch(/ENOENT|not found/i);
  });
});

/** queue.py release_stale @ 675946b, the statement of `eval worker release-stale --timeout N`. */
const RELEASE_STALE = `UPDATE work_queue
  SET status = 'pending', worker_id = NULL, claimed_at = NULL
  WHERE status = 'running' AND claimed_at < NOW() - make_interval(secs => $1)`;

describe('#20 a worker dies mid-job (upstream semantics: no heartbeat or attempt counter; a claim goes stale by claimed_at age, release-stale requeues it, a failure is final until retry-failed)', () => {
  test('the item stays running on the dead worker, is reported as orphaned, is claimed by no one until released, then runs once more; its failure shows in the analysis', async () => {
    const { url, db } = await upstreamDatabase();
    const campaignId = await campaignWith(db, 3); // node_kill, latency, node_kill
    const cwd = await workspace();
    const items = async () =>
      (
        await db.query({
          text: `SELECT id, status, worker_id, trial_id, error FROM work_queue
                 WHERE campaign_id = $1 ORDER BY id`,
          values: [campaignId],
        })
      ).rows;

    // Worker 1 claims the first item and is killed (SIGKILL: no handler runs, nothing is written).
    const first = runTestCommand('worker', workerInputs(url, campaignId, 1), {
      cwd,
      env: { STANDIN_TRIAL_MS: '600000', STANDIN_RECORD_VM: '1' },
    });
    let vm: string | null = null;
    await expect
      .poll(
        async () =>
          (vm = (
            await db.query({
              text: `SELECT vm_name FROM work_queue WHERE campaign_id = $1 AND status = 'running'`,
              values: [campaignId],
            })
          ).rows[0]?.vm_name as string | null),
        { timeout: 20_000 },
      )
      .toMatch(/^standin-\d+$/);
    process.kill(Number(vm!.slice('standin-'.length)), 'SIGKILL');
    const dead = await first;
    expect(dead.code).toBe(1);
    expect(dead.log).toMatch(
      new RegExp(
        `Worker c${campaignId}-1 exited on its own with signal SIGKILL before campaign ${campaignId} was drained \\(pending 2, running 1, completed 0, failed 0\\)`,
      ),
    );
    const [orphan] = await items();
    expect(orphan).toMatchObject({ status: 'running', worker_id: `c${campaignId}-1` });

    // Another worker drains what is pending and leaves the dead worker's claim alone.
    const second = await runTestCommand('worker', workerInputs(url, campaignId, 2), { cwd });
    expect(second.code, second.log).toBe(0);
    expect(second.outputs['stop-reason']).toBe('drained');
    expect(await items()).toEqual([
      expect.objectContaining({ id: orphan.id, status: 'running', worker_id: `c${campaignId}-1` }),
      expect.objectContaining({ status: 'completed', worker_id: `c${campaignId}-2` }),
      expect.objectContaining({ status: 'completed', worker_id: `c${campaignId}-2` }),
    ]);

    // An hour later wait names the orphan and how to requeue it, and times out rather than hang.
    await db.query({
      text: "UPDATE work_queue SET claimed_at = claimed_at - interval '61 minutes' WHERE id = $1",
      values: [orphan.id],
    });
    const logger = memoryLogger();
    const waiting = waitForCampaign(db, campaignId, { timeoutMs: 60_000, pollMs: 200, logger });
    await expect
      .poll(() => logger.text(), { timeout: 20_000 })
      .toContain(
        `Work item ${orphan.id} (node_kill) has been running on c${campaignId}-1 for 1h01m: its worker is probably gone. \`uv run eval worker release-stale --remote\` puts it back in the queue.`,
      );

    // `eval worker release-stale --timeout 3600`, then a worker whose subject never gets healthy.
    const released = await db.query({ text: RELEASE_STALE, values: [3600] });
    expect(released.rowCount).toBe(1);
    const third = await runTestCommand('worker', workerInputs(url, campaignId, 3), {
      cwd,
      env: { STANDIN_FAIL_CHAOS: 'node_kill' },
    });
    expect(third.code, third.log).toBe(0);
    const result = await waiting;
    expect(result).toMatchObject({
      finished: true,
      totals: { total: 3, completed: 2, failed: 1, running: 0, pending: 0 },
    });
    expect((await items())[0]).toMatchObject({
      id: orphan.id,
      status: 'failed',
      worker_id: `c${campaignId}-3`,
      trial_id: null,
      error: 'Subject failed to become healthy',
    });
    // One trial per completed item: the dead worker's claim left none, the requeue made no copy.
    const { rows: trials } = await db.query({
      text: 'SELECT COUNT(*)::int AS n FROM trials WHERE campaign_id = $1',
      values: [campaignId],
    });
    expect(trials[0].n).toBe(2);

    const analyzed = await runTestCommand('analyze', {
      'campaign-id': String(campaignId),
      'database-url': url,
      json: 'true',
    });
    expect(analyzed.code, analyzed.log).toBe(0);
    expect(JSON.parse(analyzed.printed.join('\n')).broken_work_items).toEqual([
      {
        work_id: orphan.id,
        subject: 'tikv',
        chaos_type: 'node_kill',
        params: {},
        worker_id: `c${campaignId}-3`,
        vm_name: expect.stringMatching(/^standin-\d+$/),
        error: 'Subject failed to become healthy',
      },
    ]);
  }, 90_000);
});
