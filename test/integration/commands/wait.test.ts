import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { WAIT_TIMED_OUT_EXIT_CODE, waitCommand } from '../../../src/commands/wait.js';
import { waitForCampaign } from '../../../src/loop/wait.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../../src/demo/embedded-server.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { createUpstreamSchema } from '../../../src/db/upstream-schema.js';
import { claimNext, complete, enqueue, insertCampaign } from '../../../src/db/work-queue.js';
import { memoryLogger, SecretMasker } from '../../../src/logger.js';
import { startFaultProxy } from '../../support/fault-proxy.js';
import { runTestCommand } from './support.js';
import { createEmptyDatabase } from '../../support/databases.js';

async function campaignWith(db: EvalDatabase, items: number): Promise<number> {
  const id = await insertCampaign(db, {
    subjectName: 'tikv',
    name: 'wait-test',
    trialCount: items,
  });
  await enqueue(
    db,
    id,
    Array.from({ length: items }, (_, i) => ({ chaosType: i % 2 ? 'latency' : 'node_kill' })),
  );
  return id;
}

async function drain(db: EvalDatabase, campaignId: number, everyMs: number): Promise<number> {
  let completedAt = 0;
  for (;;) {
    const item = await claimNext(db, 'w-1', campaignId);
    if (!item) return completedAt;
    await new Promise((r) => setTimeout(r, everyMs));
    await complete(db, item.id, item.id % 3 === 0 ? { error: 'ssh: timed out' } : {});
    completedAt = performance.now();
  }
}

describe('waitForCampaign on the shared server', () => {
  let db: EvalDatabase;
  let url: string;
  beforeAll(async () => {
    url = await createEmptyDatabase('wait');
    db = await openEvalDatabase(url, { log: () => undefined });
    await createUpstreamSchema(db);
    return () => db.close();
  });

  test('returns on the NOTIFY of the last completion, not on the poll interval', async () => {
    const campaignId = await campaignWith(db, 6);
    const logger = memoryLogger();
    const waiting = waitForCampaign(db, campaignId, { timeoutMs: 30_000, pollMs: 60_000, logger });
    const lastCompletion = await drain(db, campaignId, 50);
    const result = await waiting;
    const latency = performance.now() - lastCompletion;
    expect(result).toMatchObject({
      finished: true,
      timedOut: false,
      totals: { total: 6, completed: 4, failed: 2 },
    });
    expect(latency).toBeLessThan(10_000); // a poll would have taken 60 s
    expect(logger.text()).toContain(
      `Campaign ${campaignId}: 6/6 done (100%): 4 completed, 2 failed · 0 running · 0 pending · done`,
    );
    // Without a terminal, progress is a line a minute (plus the finished state), not one per change.
    const progress = logger.lines.filter((l) => l.includes(`Campaign ${campaignId}: `));
    expect(progress.length).toBeLessThanOrEqual(2);
  });

  test('a timeout stops cleanly with partial counts', async () => {
    const campaignId = await campaignWith(db, 3);
    const item = await claimNext(db, 'w-9', campaignId);
    await complete(db, item!.id, {});
    const result = await waitForCampaign(db, campaignId, {
      timeoutMs: 300,
      pollMs: 100,
      logger: memoryLogger(),
    });
    expect(result).toMatchObject({
      finished: false,
      timedOut: true,
      totals: { total: 3, completed: 1, pending: 2 },
    });
  });

  test('flags an item claimed long ago whose worker is probably gone', async () => {
    const campaignId = await campaignWith(db, 1);
    const item = await claimNext(db, 'c1-3', campaignId);
    await db.query({
      text: "UPDATE work_queue SET claimed_at = NOW() - interval '2 hours' WHERE id = $1",
      values: [item!.id],
    });
    const logger = memoryLogger();
    await waitForCampaign(db, campaignId, { timeoutMs: 200, pollMs: 100, logger });
    expect(logger.text()).toMatch(
      new RegExp(
        `Work item ${item!.id} \\(node_kill\\) has been running on c1-3 for 2h00m: its worker is probably gone`,
      ),
    );
  });

  test('an aborted wait returns at once, and a second wait resumes from the database', async () => {
    const campaignId = await campaignWith(db, 2);
    const controller = new AbortController();
    const waiting = waitForCampaign(db, campaignId, {
      timeoutMs: 30_000,
      pollMs: 60_000,
      logger: memoryLogger(),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    expect(await waiting).toMatchObject({ interrupted: true, finished: false });
    await drain(db, campaignId, 0);
    expect(
      await waitForCampaign(db, campaignId, {
        timeoutMs: 5_000,
        pollMs: 1_000,
        logger: memoryLogger(),
      }),
    ).toMatchObject({ finished: true });
  });

  test('polling adds no abort listener per poll (no MaxListenersExceededWarning)', async () => {
    const campaignId = await campaignWith(db, 1);
    const controller = new AbortController();
    let most = 0;
    const logger = memoryLogger();
    const info = logger.info;
    logger.info = (message) => {
      most = Math.max(most, getEventListeners(controller.signal, 'abort').length);
      info(message);
    };
    const waiting = waitForCampaign(db, campaignId, {
      timeoutMs: 1_500,
      pollMs: 20,
      logger,
      signal: controller.signal,
    });
    const sample = setInterval(() => {
      most = Math.max(most, getEventListeners(controller.signal, 'abort').length);
    }, 5);
    const result = await waiting;
    clearInterval(sample);
    expect(result.timedOut).toBe(true);
    expect(most).toBeLessThanOrEqual(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('the wait command exits 124 on timeout and sets timed-out', async () => {
    const campaignId = await campaignWith(db, 1);
    const outputs: Record<string, string> = {};
    const logger = memoryLogger();
    const code = await waitCommand.run(
      { campaignId, databaseUrl: url, timeoutMs: 300, pollMs: 100 },
      {
        surface: 'cli',
        logger,
        masker: new SecretMasker(),
        env: {},
        cwd: process.cwd(),
        setOutput: (key, value) => (outputs[key] = String(value)),
        appendSummary: async () => undefined,
        print: () => undefined,
      },
    );
    expect(code).toBe(WAIT_TIMED_OUT_EXIT_CODE);
    expect(WAIT_TIMED_OUT_EXIT_CODE).toBe(124);
    expect(outputs).toMatchObject({ finished: 'false', 'timed-out': 'true' });
    expect(logger.text()).toContain(`Stopped waiting for campaign ${campaignId}`);
  });

  test.each([
    [
      'poll-seconds',
      '2147484',
      /Invalid poll-seconds: '2147484' — expected a whole number from 1 to 3600/,
    ],
    ['poll-seconds', '0', /Invalid poll-seconds: '0'/],
    [
      'timeout-minutes',
      '100000',
      /Invalid timeout-minutes: '100000' — expected a whole number from 1 to 7200/,
    ],
  ])('bounds %s: %s is refused before connecting', async (input, value, message) => {
    const run = await runTestCommand('wait', {
      'retry-campaign-id': '1',
      'database-url': url,
      [input]: value,
    });
    expect(run.code).toBe(1);
    expect(run.error?.message).toMatch(message);
  });

  test('a campaign without work items ends the wait, like eval wait', async () => {
    const id = await insertCampaign(db, { subjectName: 'tikv', name: 'empty', trialCount: 0 });
    const logger = memoryLogger();
    expect(
      await waitForCampaign(db, id, { timeoutMs: 5_000, pollMs: 1_000, logger }),
    ).toMatchObject({ finished: false, timedOut: false });
    expect(logger.text()).toContain(`No work items found for campaign ${id}`);
  });
});

describe('waitForCampaign across a database restart', () => {
  let server: EmbeddedServer;
  beforeAll(async () => {
    server = await startEmbeddedPostgres();
  }, 120_000);
  afterAll(() => server.stop());

  test('keeps waiting while PostgreSQL restarts, then finishes', async () => {
    const db = await openEvalDatabase(await server.createDatabase('restart'), {
      log: () => undefined,
      retryBudgetMs: 30_000,
    });
    try {
      await createUpstreamSchema(db);
      const campaignId = await campaignWith(db, 2);
      const logger = memoryLogger();
      const waiting = waitForCampaign(db, campaignId, { timeoutMs: 60_000, pollMs: 300, logger });
      await new Promise((r) => setTimeout(r, 300));
      await server.pause();
      await new Promise((r) => setTimeout(r, 1_000));
      await server.resume();
      await drain(db, campaignId, 0);
      expect(await waiting).toMatchObject({ finished: true, totals: { total: 2 } });
      expect(logger.text()).toMatch(/progress failed|LISTEN work_item_completed lost/);
    } finally {
      await db.close();
    }
  }, 90_000);
});

describe('#8 waitForCampaign when the connection goes silent mid-poll', () => {
  test('returns timed out at its deadline instead of hanging on the silent read', async () => {
    const url = await createEmptyDatabase('waitsilent');
    const setup = await openEvalDatabase(url, { log: () => undefined });
    await createUpstreamSchema(setup);
    const campaignId = await campaignWith(setup, 2);
    await setup.close();
    const proxy = await startFaultProxy(Number(new URL(url).port));
    onTestFinished(() => proxy.close());
    // Default query deadline (statement_timeout + 5 s = 65 s): only wait's own deadline can save it.
    const db = await openEvalDatabase(proxy.urlFor(url), { log: () => undefined });
    const logger = memoryLogger();
    const started = Date.now();
    const waiting = waitForCampaign(db, campaignId, { timeoutMs: 2_000, pollMs: 200, logger });
    await new Promise((resolve) => setTimeout(resolve, 500));
    proxy.silent();
    const result = await waiting;
    const waitedMs = Date.now() - started;
    const closing = Date.now();
    await db.close();
    expect(result).toMatchObject({ timedOut: true, finished: false });
    expect(logger.text()).toContain(`Campaign ${campaignId}: 0/2 done`);
    expect(waitedMs).toBeLessThan(2_000 + 3_000);
    expect(Date.now() - closing).toBeLessThan(2_500);
  });
});
