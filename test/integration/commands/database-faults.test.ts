/**
 * `analyze` and `wait` as commands, on a PostgreSQL server of their own, while their query is
 * held mid-flight by a table lock: the backend is killed (`pg_terminate_backend`) or the whole
 * server stops (`pg_ctl stop -m immediate`). Each ends in a successful retry with the same result
 * as an undisturbed run, or, when the server stays down, in one clear error and nothing written.
 * (A crash would fail the file: vitest reports an unhandled 'error' event.)
 * `retry` under the same faults: retry.test.ts; pool-level faults: db/faults.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../../src/demo/embedded-server.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { claimNext, complete, enqueue, insertCampaign } from '../../../src/db/work-queue.js';
import {
  databaseOf,
  holdLock,
  stopImmediately,
  terminateBackend,
  waitingQuery,
} from '../../support/postgres-faults.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import { runTestCommand, type CommandRun } from './support.js';

let server: EmbeddedServer;
let url: string;
let campaignId: number;
let clean: { json: unknown; yaml: string };

beforeAll(async () => {
  server = await startEmbeddedPostgres();
  url = await server.createDatabase('faults');
  campaignId = await seedDemoCampaign(url);
  const run = await analyze();
  expect(run.code, run.log).toBe(0);
  clean = { json: JSON.parse(run.printed.join('\n')), yaml: await readFile(run.retryFile, 'utf8') };
}, 120_000);

const dirs: string[] = [];

afterAll(async () => {
  await server?.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function analyze(): Promise<CommandRun & { retryFile: string }> {
  const cwd = await mkdtemp(join(tmpdir(), 'iterate-campaign-faults-'));
  dirs.push(cwd);
  const run = await runTestCommand(
    'analyze',
    {
      'campaign-id': String(campaignId),
      'database-url': url,
      json: 'true',
      'write-retry': 'retry.yaml',
    },
    { cwd },
  );
  return { ...run, retryFile: join(cwd, 'retry.yaml') };
}

/** Runs `command` once its read of `table` is waiting on a lock, then applies `fault`. */
async function midQuery<T>(
  table: string,
  command: () => Promise<T>,
  fault: (pid: number) => Promise<void>,
): Promise<{ result: T; query: string }> {
  const lock = await holdLock(url, table, 'ACCESS EXCLUSIVE');
  onTestFinished(() => lock.release());
  const running = command();
  const { pid, query } = await waitingQuery(server.adminUrl, databaseOf(url));
  await fault(pid);
  await lock.release();
  return { result: await running, query };
}

const terminate = (pid: number) => terminateBackend(server.adminUrl, pid);

async function crashAndRestart(): Promise<void> {
  await stopImmediately(server);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await server.resume();
}

describe('analyze with its read of trials cut mid-query', () => {
  test('pg_terminate_backend: the read runs again on a fresh connection; the same analysis and retry file', async () => {
    const { result: run, query } = await midQuery('trials', analyze, terminate);
    expect(query).toMatch(/\btrials\b/);
    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/lost during a query.*retrying on a fresh connection/);
    expect(JSON.parse(run.printed.join('\n'))).toEqual(clean.json);
    expect(await readFile(run.retryFile, 'utf8')).toBe(clean.yaml);
  });

  test('pg_ctl stop -m immediate, server back a second later: the same analysis and retry file', async () => {
    const { result: run } = await midQuery('trials', analyze, crashAndRestart);
    expect(run.code, run.log).toBe(0);
    expect(JSON.parse(run.printed.join('\n'))).toEqual(clean.json);
    expect(await readFile(run.retryFile, 'utf8')).toBe(clean.yaml);
  }, 90_000);

  test('pg_ctl stop -m immediate, server kept down: one clear error, no report, no retry file', async () => {
    const { result: run } = await midQuery('trials', analyze, () => stopImmediately(server));
    onTestFinished(() => server.resume());
    expect(run.code).toBe(1);
    expect(run.error).toBeDefined();
    const message = run.error!.message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      new RegExp(`^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${server.port}/faults: `),
    );
    expect(message).not.toContain('postgres:postgres');
    expect(run.printed.join('')).toBe('');
    expect(existsSync(run.retryFile)).toBe(false);
  }, 90_000);
});

describe('wait with its progress read cut mid-poll', () => {
  async function campaign(db: EvalDatabase, items: number): Promise<number> {
    const id = await insertCampaign(db, { subjectName: 'tikv', name: 'faults', trialCount: items });
    await enqueue(
      db,
      id,
      Array.from({ length: items }, () => ({ chaosType: 'node_kill' })),
    );
    return id;
  }

  async function finish(id: number): Promise<void> {
    const db = await openEvalDatabase(url, { log: () => undefined, retryBudgetMs: 30_000 });
    try {
      for (let item = await claimNext(db, 'w-1', id); item; item = await claimNext(db, 'w-1', id))
        await complete(db, item.id, {});
    } finally {
      await db.close();
    }
  }

  async function waitFor(fault: (pid: number) => Promise<void>) {
    const db = await openEvalDatabase(url, { log: () => undefined });
    const id = await campaign(db, 3).finally(() => db.close());
    const { result } = await midQuery(
      'work_queue',
      async () => ({
        waiting: runTestCommand('wait', {
          'retry-campaign-id': String(id),
          'database-url': url,
          'poll-seconds': '1',
          'timeout-minutes': '2',
        }),
      }),
      fault,
    );
    await finish(id);
    return { id, run: await result.waiting };
  }

  test.each([
    ['pg_terminate_backend', terminate],
    ['pg_ctl stop -m immediate and a restart', () => crashAndRestart()],
  ])(
    '%s: the poll resumes and the wait ends finished, exit 0',
    async (_, fault) => {
      const { id, run } = await waitFor(fault);
      expect(run.code, run.log).toBe(0);
      expect(run.outputs).toMatchObject({ finished: 'true', 'timed-out': 'false', completed: '3' });
      expect(run.printed.join('\n')).toContain(`Campaign ${id} finished: 3/3 completed`);
    },
    120_000,
  );
});
