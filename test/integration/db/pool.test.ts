import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { describe, expect, inject, onTestFinished, test } from 'vitest';
import { freePort } from '../../../src/demo/embedded-server.js';
import { DatabaseError } from '../../../src/db/connection-url.js';
import { openEvalDatabase } from '../../../src/db/pool.js';
import { createEmptyDatabase } from '../../support/databases.js';

const PASSWORD = 'p@ss/w:rd é%';
const ENCODED = encodeURIComponent(PASSWORD);

function urlWith(
  base: string,
  changes: { port?: number; password?: string; database?: string; query?: string },
) {
  const url = new URL(base);
  if (changes.port !== undefined) url.port = String(changes.port);
  if (changes.password !== undefined) url.password = changes.password;
  if (changes.database !== undefined) url.pathname = `/${changes.database}`;
  return `${url.toString()}${changes.query ?? ''}`;
}

async function failure(promise: Promise<unknown>): Promise<DatabaseError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  return error as DatabaseError;
}

function expectNoPassword(text: string) {
  for (const spelling of [PASSWORD, ENCODED, 'p@ss', 'p%40ss', 'w:rd', 'w%3Ard']) {
    expect(text).not.toContain(spelling);
  }
}

describe('openEvalDatabase: sessions', () => {
  test('timestamps come back as PostgreSQL text with microseconds, TimeZone is UTC', async () => {
    const db = await openEvalDatabase(await createEmptyDatabase('pool'));
    onTestFinished(() => db.close());
    const { rows } = await db.query({
      text: `SELECT timestamptz '2026-02-10 14:34:56.123456+02' AS tz,
                    timestamp '2026-02-10 12:34:56.000001' AS naive,
                    current_setting('TimeZone') AS zone`,
    });
    expect(rows[0]).toEqual({
      tz: '2026-02-10 12:34:56.123456+00',
      naive: '2026-02-10 12:34:56.000001',
      zone: 'UTC',
    });
    // The parsers are per pool: the global pg types still produce Dates.
    expect(pg.types.getTypeParser(1184, 'text')('2026-02-10 12:34:56+00')).toBeInstanceOf(Date);
  });

  test('keeps TimeZone UTC when the URL carries its own options= parameter', async () => {
    const url = `${await createEmptyDatabase('opts')}?options=${encodeURIComponent('-c search_path=public')}`;
    const db = await openEvalDatabase(url);
    onTestFinished(() => db.close());
    const { rows } = await db.query({
      text: "SELECT current_setting('TimeZone') AS zone, current_setting('search_path') AS path",
    });
    expect(rows[0]).toEqual({ zone: 'UTC', path: 'public' });
  });

  test('statement_timeout cancels long statements with a DatabaseError naming the limit', async () => {
    const db = await openEvalDatabase(await createEmptyDatabase('slow'), {
      statementTimeoutMs: 200,
    });
    onTestFinished(() => db.close());
    const error = await failure(db.query({ text: 'SELECT pg_sleep(5)' }));
    expect(error.message).toContain('statement_timeout (200 ms)');
    expect(error.code).toBe('57014');
    // The pool is still usable afterwards.
    expect((await db.query({ text: 'SELECT 1 AS one' })).rows).toEqual([{ one: 1 }]);
  });

  test('#10 read-only work cancelled by statement_timeout runs once more, on a kept connection', async () => {
    const warnings: string[] = [];
    const db = await openEvalDatabase(await createEmptyDatabase('slowonce'), {
      statementTimeoutMs: 300,
      log: (m) => warnings.push(m),
    });
    onTestFinished(() => db.close());
    const pids: number[] = [];
    const result = await db.retrying.withClient(async (client) => {
      const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
      pids.push(rows[0].pid as number);
      if (pids.length === 1) await client.query('SELECT pg_sleep(5)');
      return 'read';
    });
    expect(result).toBe('read');
    expect(pids).toHaveLength(2);
    // The connection is healthy after a server-side cancel: the pool lends the same one again.
    expect(pids[1]).toBe(pids[0]);
    expect(warnings.join('\n')).toMatch(
      /cancelled after statement_timeout \(300 ms\); running it once more/,
    );
  });

  test('#10 a statement that times out again fails with one clear error after exactly two runs', async () => {
    const db = await openEvalDatabase(await createEmptyDatabase('slowtwice'), {
      statementTimeoutMs: 200,
      log: () => undefined,
    });
    onTestFinished(() => db.close());
    let runs = 0;
    const error = await failure(
      db.retrying.withClient(async (client) => {
        runs++;
        return client.query('SELECT pg_sleep(5)');
      }),
    );
    expect(runs).toBe(2);
    expect(error.code).toBe('57014');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(
      /^query on 127\.0\.0\.1:\d+\/slowtwice_\w+ cancelled after statement_timeout \(200 ms\), twice/,
    );
    expect((await db.query({ text: 'SELECT 1 AS one' })).rows).toEqual([{ one: 1 }]);
  });

  test('a statement cancelled by someone else (57014, user request) is not run again', async () => {
    const url = await createEmptyDatabase('cancelled');
    const db = await openEvalDatabase(url, { log: () => undefined });
    onTestFinished(() => db.close());
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    onTestFinished(() => admin.end());
    let runs = 0;
    const read = failure(
      db.retrying.withClient(async (client) => {
        runs++;
        return client.query('SELECT pg_sleep(5)');
      }),
    );
    await expect
      .poll(
        async () =>
          (
            await admin.query(
              `SELECT pg_cancel_backend(pid) AS cancelled FROM pg_stat_activity
               WHERE datname = $1 AND query LIKE '%pg_sleep%' AND state = 'active'`,
              [new URL(url).pathname.slice(1)],
            )
          ).rows.length,
        { timeout: 10_000 },
      )
      .toBe(1);
    const error = await read;
    expect(error.code).toBe('57014');
    expect(runs).toBe(1);
  });

  test('an idle connection killed by the server is logged, not fatal', async () => {
    const warnings: string[] = [];
    const url = urlWith(await createEmptyDatabase('idle'), {});
    const db = await openEvalDatabase(url, { log: (message) => warnings.push(message) });
    onTestFinished(() => db.close());
    const { rows } = await db.query({ text: 'SELECT pg_backend_pid() AS pid' });
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    } finally {
      await admin.end();
    }
    await expect.poll(() => warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(/^idle connection to 127\.0\.0\.1:\d+\/idle_\w+ failed/);
    expect((await db.query({ text: 'SELECT 2 AS two' })).rows).toEqual([{ two: 2 }]);
  });

  test('close() can be called twice', async () => {
    const db = await openEvalDatabase(await createEmptyDatabase('close'));
    await db.close();
    await expect(db.close()).resolves.toBeUndefined();
  });
});

describe('openEvalDatabase: connection errors are one line with host, port, database and never the password', () => {
  test('refused port: retried within the budget, then "connection refused"', async () => {
    const port = await freePort();
    const url = urlWith(inject('pgAdminUrl'), { port, password: ENCODED, database: 'evals' });
    const warnings: string[] = [];
    const error = await failure(
      openEvalDatabase(url, { retryBudgetMs: 800, log: (m) => warnings.push(m) }),
    );
    expect(error.message).toMatch(
      new RegExp(
        `^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/evals: connection refused after \\d+ attempts`,
      ),
    );
    expect(error.message).not.toContain('\n');
    expect(error.code).toBe('ECONNREFUSED');
    expect(warnings.length).toBeGreaterThan(0);
    expectNoPassword(error.message);
    expectNoPassword(warnings.join('\n'));
  });

  test('wrong password: "authentication failed", not retried', async () => {
    const url = urlWith(inject('pgAdminUrl'), { password: ENCODED });
    const warnings: string[] = [];
    const started = Date.now();
    const error = await failure(
      openEvalDatabase(url, { retryBudgetMs: 20_000, log: (m) => warnings.push(m) }),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(warnings).toEqual([]);
    expect(error.code).toBe('28P01');
    expect(error.message).toMatch(
      /^cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/postgres: authentication failed for user "postgres"/,
    );
    expect(error.message).not.toContain('\n');
    expectNoPassword(error.message);
    expectNoPassword(String((error.cause as Error).message));
  });

  test('missing database: "does not exist"', async () => {
    const error = await failure(
      openEvalDatabase(urlWith(inject('pgAdminUrl'), { database: 'nope_db' })),
    );
    expect(error.code).toBe('3D000');
    expect(error.message).toMatch(
      /at 127\.0\.0\.1:\d+\/nope_db: database "nope_db" does not exist$/,
    );
  });

  test('a server that never answers: "timed out"', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      sockets.forEach((socket) => socket.destroy());
      silent.close();
    });
    const port = (silent.address() as { port: number }).port;
    const url = `postgresql://eval:${ENCODED}@127.0.0.1:${port}/evals`;
    const error = await failure(openEvalDatabase(url, { connectTimeoutMs: 300, retryBudgetMs: 0 }));
    expect(error.message).toBe(
      `cannot connect to PostgreSQL at 127.0.0.1:${port}/evals: connection timed out (no answer within 300 ms)`,
    );
  });

  test('sslmode=require against a server without SSL points at sslmode', async () => {
    const url = urlWith(inject('pgAdminUrl'), { password: ENCODED, query: '?sslmode=require' });
    const error = await failure(openEvalDatabase(url, { retryBudgetMs: 0 }));
    expect(error.message).toMatch(/SSL problem: .*does not support SSL/);
    expect(error.message).toContain('sslmode=');
    expectNoPassword(error.message);
  });

  test('an unreadable sslrootcert file points at sslrootcert', async () => {
    const url = urlWith(inject('pgAdminUrl'), {
      password: ENCODED,
      query: '?sslrootcert=/nonexistent/ca.pem',
    });
    const error = await failure(openEvalDatabase(url));
    expect(error.message).toContain('sslrootcert=');
    expect(error.message).toMatch(/^cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/postgres: /);
    expectNoPassword(error.message);
  });

  test('an invalid URL is rejected before connecting, redacted', async () => {
    const error = await failure(openEvalDatabase(`mysql://u:${ENCODED}@h/db`));
    expect(error.message).toMatch(
      /^database-url: the scheme must be postgres:\/\/ or postgresql:\/\//,
    );
    expectNoPassword(error.message);
  });
});
