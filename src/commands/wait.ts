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
import { InputError, parseId } from '../core/inputs.js';
import { readProgress } from '../db/campaign-progress.js';
import { listenForCompletions } from '../db/notifications.js';
import { openEvalDatabase, type EvalDatabase } from '../db/pool.js';
import type { Logger } from '../logger.js';
import { defineCommand } from './command.js';
import { DATABASE_URL_INPUT, readDatabaseUrl } from './common-inputs.js';

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

interface WaitInput {
  campaignId: number;
  databaseUrl: string;
  timeoutMs: number;
  pollMs: number;
}

export const waitCommand = defineCommand<WaitInput>({
  name: 'wait',
  description:
    'Wait for a campaign to finish (LISTEN/NOTIFY with polling), with progress and a timeout.',
  surfaces: ['action', 'cli'],
  outputs: {
    finished: 'true when the campaign has no pending or running work item',
    'timed-out': 'true when timeout-minutes passed first',
    completed: 'Completed work items',
    failed: 'Failed work items',
  },
  inputs: {
    'retry-campaign-id': { description: 'The campaign to wait for', positional: 0, required: true },
    'timeout-minutes': { description: 'Stop waiting after this many minutes (default 300)' },
    'poll-seconds': { description: 'Poll interval when no notification arrives (default 30)' },
    'database-url': DATABASE_URL_INPUT,
  },
  parse(inputs, io) {
    const raw = inputs.get('retry-campaign-id');
    if (raw === undefined)
      throw new InputError(
        'Missing retry-campaign-id: give the campaign id to wait for, such as 123',
      );
    const databaseUrl = readDatabaseUrl(inputs, io);
    const timeoutMinutes = parseId('timeout-minutes', inputs.get('timeout-minutes') ?? '300');
    const pollSeconds = parseId('poll-seconds', inputs.get('poll-seconds') ?? '30');
    return {
      campaignId: parseId('retry-campaign-id', raw),
      databaseUrl,
      timeoutMs: timeoutMinutes * 60_000,
      pollMs: pollSeconds * 1000,
    };
  },
  async run(input, io) {
    const db = await openEvalDatabase(input.databaseUrl, {
      log: (m) => io.logger.warning(m),
      signal: io.signal,
    });
    let result: WaitResult;
    try {
      result = await waitForCampaign(db, input.campaignId, {
        timeoutMs: input.timeoutMs,
        pollMs: input.pollMs,
        logger: io.logger,
        signal: io.signal,
      });
    } finally {
      await db.close();
    }
    const { totals } = result;
    io.setOutput('finished', result.finished);
    io.setOutput('timed-out', result.timedOut);
    io.setOutput('completed', totals.completed);
    io.setOutput('failed', totals.failed);
    if (result.finished) {
      io.print(
        `Campaign ${input.campaignId} finished: ${totals.completed}/${totals.total} completed${totals.failed ? `, ${totals.failed} failed` : ''}`,
      );
    } else if (result.timedOut) {
      io.logger.warning(
        `Stopped waiting for campaign ${input.campaignId} after ${formatDuration(input.timeoutMs / 1000)}: ${describeTotals(totals)}. Run wait again to resume.`,
      );
    } else if (result.interrupted) {
      io.logger.warning(
        `Interrupted while waiting for campaign ${input.campaignId}: ${describeTotals(totals)}. Run wait again to resume.`,
      );
      return 130;
    }
    return totals.total === 0 ? 1 : 0;
  },
});
