/**
 * #8 / issue item 2, as commands with their default settings: a connection that stops answering
 * mid-query (a loopback proxy that forwards nothing from the moment the query is sent, like a
 * half-open TCP connection) never holds `analyze` or `wait` past its own deadline plus 30 s.
 * analyze's deadline is the client-side query deadline (statement_timeout 60 s + 5 s); wait's is
 * timeout-minutes. Both tests run at once: together they take about a minute.
 */
import { describe, test, type TestContext } from 'vitest';
import { WAIT_TIMED_OUT_EXIT_CODE } from '../../../src/commands/wait.js';
import { openEvalDatabase } from '../../../src/db/pool.js';
import { createUpstreamSchema } from '../../../src/db/upstream-schema.js';
import { enqueue, insertCampaign } from '../../../src/db/work-queue.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { startFaultProxy } from '../../support/fault-proxy.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import { runTestCommand } from './support.js';

const SLACK_MS = 30_000;
/** The pool's defaults: statement_timeout 60 s, client-side query deadline 5 s later. */
const QUERY_DEADLINE_MS = 65_000;

/** Concurrent tests must use their own context's hooks. */
async function proxied(context: TestContext, url: string, silentOn: string) {
  const proxy = await startFaultProxy(Number(new URL(url).port));
  context.onTestFinished(() => proxy.close());
  void proxy.silentOn(silentOn);
  return proxy.urlFor(url);
}

describe.concurrent('a connection that goes silent mid-query', () => {
  test('analyze: one clear error once the query deadline passes, within it + 30 s', async (context) => {
    const { expect } = context;
    const url = await createEmptyDatabase('silentanalyze');
    const id = await seedDemoCampaign(url);
    const through = await proxied(context, url, 'trials');
    const started = Date.now();
    const run = await runTestCommand('analyze', {
      'campaign-id': String(id),
      'database-url': through,
    });
    const elapsed = Date.now() - started;
    expect(run.code).toBe(1);
    expect(run.error?.message).toMatch(
      new RegExp(
        `^no answer from 127\\.0\\.0\\.1:\\d+/silentanalyze_\\w+ within ${QUERY_DEADLINE_MS} ms: the connection went silent`,
      ),
    );
    expect(elapsed, run.log).toBeLessThan(QUERY_DEADLINE_MS + SLACK_MS);
  }, 150_000);

  test('wait --timeout-minutes 1: exit 124 and timed-out, within a minute + 30 s', async (context) => {
    const { expect } = context;
    const url = await createEmptyDatabase('silentwait');
    const db = await openEvalDatabase(url, { log: () => undefined });
    let id: number;
    try {
      await createUpstreamSchema(db);
      id = await insertCampaign(db, { subjectName: 'tikv', name: 'silent', trialCount: 2 });
      await enqueue(db, id, [{ chaosType: 'node_kill' }, { chaosType: 'latency' }]);
    } finally {
      await db.close();
    }
    const through = await proxied(context, url, 'work_queue');
    const started = Date.now();
    const run = await runTestCommand('wait', {
      'retry-campaign-id': String(id),
      'database-url': through,
      'timeout-minutes': '1',
    });
    const elapsed = Date.now() - started;
    expect(run.code, run.log).toBe(WAIT_TIMED_OUT_EXIT_CODE);
    expect(run.outputs).toMatchObject({ finished: 'false', 'timed-out': 'true' });
    expect(run.log).toContain(`Stopped waiting for campaign ${id} after 1m00s`);
    expect(elapsed).toBeLessThan(60_000 + SLACK_MS);
  }, 150_000);
});
