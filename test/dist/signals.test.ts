/**
 * #19: signals to the real bundled action process. The runner sends SIGINT then SIGTERM on a
 * cancelled job; the first signal must end the step within 2 s with one ::error:: line and a job
 * summary, whether the command is waiting on the database or retrying a database that is down.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { freePort } from '../../src/demo/embedded-server.js';
import { openEvalDatabase } from '../../src/db/pool.js';
import { createUpstreamSchema } from '../../src/db/upstream-schema.js';
import { enqueue, insertCampaign } from '../../src/db/work-queue.js';
import { createEmptyDatabase } from '../support/databases.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { seedDemoCampaign } from '../support/seed-campaign.js';
import { startBundle, until } from './bundle-runner.js';
import { testTempDir } from '../support/temp-dir.js';

async function waitingCampaign(): Promise<{ url: string; id: number }> {
  const url = await createEmptyDatabase('signals');
  const db = await openEvalDatabase(url, { log: () => undefined });
  try {
    await createUpstreamSchema(db);
    const id = await insertCampaign(db, { subjectName: 'tikv', name: 'signals', trialCount: 1 });
    await enqueue(db, id, [{ chaosType: 'node_kill' }]);
    return { url, id };
  } finally {
    await db.close();
  }
}

async function waitStep(databaseUrl: string, id: number) {
  return startBundle({
    apiUrl: 'http://127.0.0.1:9',
    token: 'unused-token',
    repository: 'octo-org/octo-repo',
    event: { name: 'workflow_dispatch', payload: {} },
    inputs: { command: 'wait', 'retry-campaign-id': String(id), 'database-url': databaseUrl },
    workspace: await testTempDir('iterate-campaign-signals-'),
  });
}

async function stopWith(step: Awaited<ReturnType<typeof waitStep>>, signal: NodeJS.Signals) {
  const sent = Date.now();
  step.child.kill(signal);
  const run = await step.done;
  return { run, exitMs: Date.now() - sent };
}

describe('node dist/index.js and signals', () => {
  it('SIGTERM while waiting on the database: exit 143 within 2 s, one ::error::, a summary', async () => {
    const { url, id } = await waitingCampaign();
    const step = await waitStep(url, id);
    await until(step.output, new RegExp(`Campaign ${id}: 0/1 done`));
    const { run, exitMs } = await stopWith(step, 'SIGTERM');
    expect(exitMs).toBeLessThan(2_000);
    expect(run.code).toBe(143);
    expect(run.stderr).toContain('Received SIGTERM: stopping');
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1);
    expect(run.summary).toContain(
      '**iterate-campaign wait failed:** wait was interrupted (SIGTERM)',
    );
  });

  it('SIGTERM while a query gets no answer (a silent connection): exit 143 within 2 s', async () => {
    const url = await createEmptyDatabase('signalsilent');
    const id = await seedDemoCampaign(url);
    const proxy = await startFaultProxy(Number(new URL(url).port));
    onTestFinished(() => proxy.close());
    const silenced = proxy.silentOn('trials');
    const step = await startBundle({
      apiUrl: 'http://127.0.0.1:9',
      token: 'unused-token',
      repository: 'octo-org/octo-repo',
      event: { name: 'workflow_dispatch', payload: {} },
      inputs: {
        command: 'analyze',
        'campaign-id': String(id),
        'database-url': proxy.urlFor(url),
        output: 'none',
      },
      workspace: await testTempDir('iterate-campaign-signals-'),
    });
    await silenced;
    const { run, exitMs } = await stopWith(step, 'SIGTERM');
    expect(exitMs).toBeLessThan(2_000);
    expect(run.code).toBe(143);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1);
    expect(run.summary).toContain('iterate-campaign analyze failed');
  });

  it('SIGINT while the database is down (connect retry loop): exit 130 within 2 s', async () => {
    const url = `postgresql://eval:pw@127.0.0.1:${await freePort()}/evals`;
    const step = await waitStep(url, 1);
    await until(step.output, /not reachable/);
    const { run, exitMs } = await stopWith(step, 'SIGINT');
    expect(exitMs).toBeLessThan(2_000);
    expect(run.code).toBe(130);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1);
    expect(run.summary).toContain('iterate-campaign wait failed');
  });
});
