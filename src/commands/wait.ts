import { describeTotals, formatDuration } from '../core/progress.js';
import { InputError, parseBoundedInt, parseId } from '../core/inputs.js';
import { openEvalDatabase } from '../db/pool.js';
import { waitForCampaign, type WaitResult } from '../loop/wait.js';
import { signalExitCode } from '../signals.js';
import { defineCommand } from './command.js';
import { DATABASE_URL_INPUT, readDatabaseUrl } from './common-inputs.js';

/** Like timeout(1): the campaign did not finish within timeout-minutes. */
export const WAIT_TIMED_OUT_EXIT_CODE = 124;
/** A self-hosted job runs at most 5 days; longer waits are a mistake. */
const MAX_TIMEOUT_MINUTES = 7_200;
/** An hour; also far below Node's timer limit (2^31 - 1 ms, about 24.8 days). */
const MAX_POLL_SECONDS = 3_600;

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
    'timeout-minutes': {
      description: `Stop waiting after this many minutes, 1 to ${MAX_TIMEOUT_MINUTES} (default 300); exit code 124 then`,
    },
    'poll-seconds': {
      description: `Poll interval when no notification arrives, 1 to ${MAX_POLL_SECONDS} (default 30)`,
    },
    'database-url': DATABASE_URL_INPUT,
  },
  parse(inputs, io) {
    const raw = inputs.get('retry-campaign-id');
    if (raw === undefined)
      throw new InputError(
        'Missing retry-campaign-id: give the campaign id to wait for, such as 123',
      );
    const databaseUrl = readDatabaseUrl(inputs, io);
    const timeoutMinutes = parseBoundedInt(
      'timeout-minutes',
      inputs.get('timeout-minutes') ?? '300',
      1,
      MAX_TIMEOUT_MINUTES,
      'minutes',
    );
    const pollSeconds = parseBoundedInt(
      'poll-seconds',
      inputs.get('poll-seconds') ?? '30',
      1,
      MAX_POLL_SECONDS,
      'seconds',
    );
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
        progress: io.liveProgress?.(),
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
      return WAIT_TIMED_OUT_EXIT_CODE;
    } else if (result.interrupted) {
      io.logger.warning(
        `Interrupted while waiting for campaign ${input.campaignId}: ${describeTotals(totals)}. Run wait again to resume.`,
      );
      return signalExitCode() ?? 130;
    }
    return totals.total === 0 ? 1 : 0;
  },
});
