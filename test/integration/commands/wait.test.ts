import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waitForCampaign } from '../../../src/loop/wait.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../../src/demo/embedded-server.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { createUpstreamSchema } from '../../../src/db/upstream-schema.js';
import { claimNext, complete, enqueue, insertCampaign } from '../../../src/db/work-queue.js';
import { memoryLogger } from '../../../src/logger.js';
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
  beforeAll(async () => {
    db = await openEvalDatabase(await createEmptyDatabase('wait'), { log: () => undefined });
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
      `Campaign ${campaignId}: 6/6 done (100%): 4 completed, 2 failed · 0 running · 0 pending`,
    );
    expect(logger.text()).toMatch(/node_kill 3\/3 · latency 3\/3/);
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
