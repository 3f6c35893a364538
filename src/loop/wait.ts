import { lineProgress } from '../core/terminal/progress-lines.js';
import type { ProgressReporter } from '../core/terminal/progress-view.js';
import {
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
  /** Where progress goes (a live bar in a terminal); default: a log line a minute. */
  progress?: ProgressReporter;
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
  // One abort listener for the whole wait, not one per poll.
  const stop = stopped(options.signal);
  const progress = options.progress ?? lineProgress((line) => options.logger.info(line));
  let totals: ProgressTotals = { total: 0, pending: 0, running: 0, completed: 0, failed: 0 };
  const result = (outcome: 'finished' | 'timedOut' | 'interrupted' | 'empty'): WaitResult => ({
    finished: outcome === 'finished',
    timedOut: outcome === 'timedOut',
    interrupted: outcome === 'interrupted',
    totals,
  });
  const warnedStale = new Set<number>();
  try {
    for (;;) {
      if (options.signal?.aborted) return result('interrupted');
      try {
        // A read on a silent network must not outlive the deadline (or the first signal).
        const read = await within(
          readProgress(db, campaignId),
          deadline - Date.now(),
          stop.promise,
        );
        if (read === 'deadline') return result('timedOut');
        if (read === 'stopped') return result('interrupted');
        const snapshot = read.value;
        totals = totalsOf(snapshot);
        if (totals.total === 0) {
          options.logger.warning(`No work items found for campaign ${campaignId}`);
          return result('empty');
        }
        progress.update({
          campaignId,
          mode: listener.listening ? 'live' : 'polling',
          snapshot,
          staleAfterSeconds: staleAfter,
        });
        for (const item of staleItems(snapshot, staleAfter)) {
          if (warnedStale.has(item.workId)) continue;
          warnedStale.add(item.workId);
          options.logger.warning(
            `Work item ${item.workId} (${item.chaosType}) has been running on ${item.workerId ?? 'an unknown worker'} for ${formatDuration(item.runningSeconds)}: its worker is probably gone. \`uv run eval worker release-stale --remote\` puts it back in the queue.`,
          );
        }
        if (isFinished(totals)) return result('finished');
      } catch (error) {
        if (options.signal?.aborted) return result('interrupted');
        options.logger.warning(
          `Reading campaign ${campaignId} progress failed (${(error as Error).message}); retrying`,
        );
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return result('timedOut');
      await Promise.race([listener.wait(Math.min(options.pollMs, remaining)), stop.promise]);
    }
  } finally {
    stop.dispose();
    progress.stop();
    await listener.close();
  }
}

/** Resolves when the signal aborts; `dispose` removes the one listener it added. */
function stopped(signal: AbortSignal | undefined): { promise: Promise<void>; dispose(): void } {
  if (!signal) return { promise: new Promise(() => undefined), dispose: () => undefined };
  let onAbort = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/** `work`, unless the deadline passes or `stop` resolves first. */
async function within<T>(
  work: Promise<T>,
  ms: number,
  stop: Promise<void>,
): Promise<{ value: T } | 'deadline' | 'stopped'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), Math.max(0, ms));
  });
  work.catch(() => undefined); // a late failure after the deadline is not news
  try {
    return await Promise.race([
      work.then((value) => ({ value })),
      deadline,
      stop.then(() => 'stopped' as const),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
