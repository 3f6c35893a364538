import {
  describeGroups,
  describeRunning,
  describeTotals,
  formatDuration,
  isFinished,
  staleItems,
  totalsOf,
  type ProgressTotals,
} from '../core/progress.js';
import { readProgress } from '../db/campaign-progress.js';
import { listenForCompletions } from '../db/notifications.js';
import type { EvalDatabase } from '../db/pool.js';
import type { Logger } from '../logger.js';

export interface WaitOptions {
  timeoutMs: number;
  pollMs: number;
  /** Running items older than this are reported as probably orphaned (default 1 h). */
  staleAfterSeconds?: number;
  logger: Logger;
  signal?: AbortSignal;
}

export interface WaitResult {
  finished: boolean;
  timedOut: boolean;
  interrupted: boolean;
  totals: ProgressTotals;
}

/**
 * Waits for a campaign like `eval wait` (LISTEN on work_item_completed, polling as the fallback),
 * printing progress when it changes. Everything is re-read from the database, so a re-run after
 * a crash or a cancel simply resumes. Database errors are logged and retried until the deadline.
 */
export async function waitForCampaign(
  db: EvalDatabase,
  campaignId: number,
  options: WaitOptions,
): Promise<WaitResult> {
  const deadline = Date.now() + options.timeoutMs;
  const staleAfter = options.staleAfterSeconds ?? 3600;
  const listener = listenForCompletions(db, campaignId, (m) => options.logger.warning(m));
  let lastLine = '';
  let totals: ProgressTotals = { total: 0, pending: 0, running: 0, completed: 0, failed: 0 };
  const warnedStale = new Set<number>();
  try {
    for (;;) {
      if (options.signal?.aborted)
        return { finished: false, timedOut: false, interrupted: true, totals };
      try {
        const snapshot = await readProgress(db, campaignId);
        totals = totalsOf(snapshot);
        if (totals.total === 0) {
          options.logger.warning(`No work items found for campaign ${campaignId}`);
          return { finished: false, timedOut: false, interrupted: false, totals };
        }
        const line = `Campaign ${campaignId}: ${describeTotals(totals)}`;
        if (line !== lastLine) {
          options.logger.info(line);
          options.logger.info(`  ${describeGroups(snapshot)}`);
          for (const running of describeRunning(snapshot))
            options.logger.info(`  running ${running}`);
          lastLine = line;
        }
        for (const item of staleItems(snapshot, staleAfter)) {
          if (warnedStale.has(item.workId)) continue;
          warnedStale.add(item.workId);
          options.logger.warning(
            `Work item ${item.workId} (${item.chaosType}) has been running on ${item.workerId ?? 'an unknown worker'} for ${formatDuration(item.runningSeconds)}: its worker is probably gone. \`uv run eval worker release-stale --remote\` puts it back in the queue.`,
          );
        }
        if (isFinished(totals))
          return { finished: true, timedOut: false, interrupted: false, totals };
      } catch (error) {
        options.logger.warning(
          `Reading campaign ${campaignId} progress failed (${(error as Error).message}); retrying`,
        );
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return { finished: false, timedOut: true, interrupted: false, totals };
      await Promise.race([
        listener.wait(Math.min(options.pollMs, remaining)),
        aborted(options.signal),
      ]);
    }
  } finally {
    await listener.close();
  }
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );
}
