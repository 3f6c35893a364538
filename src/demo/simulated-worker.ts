import type { WorkItemRecord } from '../core/records.js';
import type { Queryable } from '../db/pool.js';
import { claimNext, complete, insertTrial, updateVmName } from '../db/work-queue.js';
import type { SimulatedTrial } from './failure-model.js';

export interface SimulatedWorkerOptions {
  db: Queryable;
  workerId: string;
  campaignId: number;
  /** The simulated wall clock at which this worker starts its first trial. */
  startAt: Date;
  cooldownSeconds: number;
  /** Real time each trial takes (default 0), so that a watcher sees progress. */
  delayMs?: number;
  simulate(item: WorkItemRecord, start: Date): SimulatedTrial;
  onItem?(item: WorkItemRecord, result: SimulatedTrial): void;
}

/**
 * A stand-in for `eval worker start`: claims items exactly like upstream (`claim_next`, FOR
 * UPDATE SKIP LOCKED), writes the trial row then completes the item, or fails it with the error
 * and no trial. Unlike upstream it stops when the campaign has nothing left to claim.
 */
export async function runSimulatedWorker(options: SimulatedWorkerOptions): Promise<number> {
  let clock = options.startAt;
  let done = 0;
  for (;;) {
    const item = await claimNext(options.db, options.workerId, options.campaignId);
    if (!item) return done;
    await updateVmName(options.db, item.id, `tikv-eval-0-${options.workerId.replace(/\W/g, '')}`);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const result = options.simulate(item, clock);
    if (result.trial) {
      const trialId = await insertTrial(options.db, {
        campaignId: options.campaignId,
        ...result.trial,
      });
      await complete(options.db, item.id, { trialId });
      clock = new Date(Date.parse(result.trial.endedAt) + options.cooldownSeconds * 1000);
    } else {
      await complete(options.db, item.id, { error: result.error ?? 'unknown error' });
      clock = new Date(clock.getTime() + 4 * 60_000);
    }
    options.onItem?.(item, result);
    done += 1;
  }
}
