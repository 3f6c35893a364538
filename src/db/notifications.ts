import type pg from 'pg';
import type { EvalDatabase } from './pool.js';
import { WORK_ITEM_COMPLETED_CHANNEL } from './upstream-schema.js';

export interface CompletionListener {
  /** Resolves on a completion NOTIFY for the campaign (or an unreadable one), or after `ms`. */
  wait(ms: number): Promise<'notified' | 'timeout'>;
  /** Whether LISTEN is currently active (false: plain polling until it reconnects). */
  readonly listening: boolean;
  close(): Promise<void>;
}

/**
 * LISTENs on upstream's `work_item_completed` channel on one pooled connection, like
 * `eval wait` (notify.py). When the connection dies (server restart) it keeps trying to LISTEN
 * again in the background; meanwhile `wait` simply times out, so callers fall back to polling.
 */
export function listenForCompletions(
  db: EvalDatabase,
  campaignId: number,
  log: (message: string) => void,
): CompletionListener {
  let closed = false;
  let listening = false;
  let pending = false;
  let wake: (() => void) | undefined;
  let release: (() => void) | undefined;

  const notify = (message: pg.Notification) => {
    if (message.channel !== WORK_ITEM_COMPLETED_CHANNEL) return;
    if (!concernsCampaign(message.payload, campaignId)) return;
    pending = true;
    wake?.();
  };

  // The connection is discarded afterwards rather than UNLISTENed: on a silent network an UNLISTEN
  // would wait for the query deadline, and a listening connection must not go back to the pool.
  const session = async () => {
    await db.withClient(
      async (client) => {
        const ended = new Promise<void>((resolve, reject) => {
          release = resolve;
          client.once('error', reject);
          client.once('end', () => reject(new Error('connection ended')));
        });
        ended.catch(() => undefined);
        if (closed) return;
        await client.query(`LISTEN ${WORK_ITEM_COMPLETED_CHANNEL}`);
        listening = true;
        client.on('notification', notify);
        try {
          await ended;
        } finally {
          listening = false;
          client.removeListener('notification', notify);
        }
      },
      { discard: true },
    );
  };

  const loop = (async () => {
    while (!closed) {
      try {
        await session();
      } catch (error) {
        if (closed) break;
        log(
          `LISTEN ${WORK_ITEM_COMPLETED_CHANNEL} lost (${(error as Error).message}); polling until it reconnects`,
        );
        pending = true;
        wake?.();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  })();

  return {
    get listening() {
      return listening;
    },
    wait(ms) {
      if (pending) {
        pending = false;
        return Promise.resolve('notified');
      }
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          wake = undefined;
          resolve('timeout');
        }, ms);
        wake = () => {
          clearTimeout(timer);
          wake = undefined;
          pending = false;
          resolve('notified');
        };
      });
    },
    async close() {
      closed = true;
      wake?.();
      release?.();
      // A session still connecting or sending LISTEN on a dead network ends when the pool closes.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([loop, new Promise((resolve) => (timer = setTimeout(resolve, 500)))]);
      clearTimeout(timer);
    },
  };
}

/** upstream's payload: {"work_id", "campaign_id", "status", "trial_id"}; unreadable ones wake too. */
function concernsCampaign(payload: string | undefined, campaignId: number): boolean {
  try {
    const parsed = JSON.parse(payload ?? '') as { campaign_id?: unknown };
    return parsed.campaign_id === campaignId;
  } catch {
    return true;
  }
}
