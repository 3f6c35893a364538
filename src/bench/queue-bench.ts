import { performance } from 'node:perf_hooks';
import { waitForCampaign } from '../loop/wait.js';
import { enqueueCampaign } from '../db/enqueue-campaign.js';
import type { EvalDatabase } from '../db/pool.js';
import { claimNext, complete, insertCampaign, enqueue } from '../db/work-queue.js';
import { silentLogger } from '../logger.js';

/** Enqueues `size` work items the way `retry` does (one transaction with the campaign row). */
export async function timeEnqueue(db: EvalDatabase, size: number): Promise<number> {
  const items = Array.from({ length: size }, (_, i) => ({
    chaosType: i % 2 ? 'latency' : 'node_kill',
    chaosParams: i % 2 ? { min_ms: 50, max_ms: 150 } : {},
  }));
  const start = performance.now();
  await enqueueCampaign(db, {
    name: 'bench-enqueue',
    subjects: ['tikv'],
    includeBaseline: false,
    continuous: false,
    variant: 'default',
    gitCommitHash: 'bench',
    items,
  });
  return performance.now() - start;
}

/**
 * Time from the last item's completion to `wait` returning, with a poll interval far longer than
 * the run, so only the NOTIFY can wake it.
 */
export async function timeWaitWake(db: EvalDatabase): Promise<number> {
  const campaignId = await insertCampaign(db, {
    subjectName: 'tikv',
    name: 'bench-wait',
    trialCount: 1,
  });
  const [workId] = await enqueue(db, campaignId, [{ chaosType: 'node_kill' }]);
  await claimNext(db, 'bench', campaignId);
  let completedAt = 0;
  const waiting = waitForCampaign(db, campaignId, {
    timeoutMs: 60_000,
    pollMs: 60_000,
    logger: silentLogger,
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  await complete(db, workId!, {});
  completedAt = performance.now();
  await waiting;
  return performance.now() - completedAt;
}
