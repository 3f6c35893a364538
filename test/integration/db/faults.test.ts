/**
 * Database faults against the real PostgreSQL (reliability.md §3.3, §6 #6–#12): backends killed
 * mid-query and mid-transaction, deadlocks, exhausted connections, a connection that goes silent
 * (loopback proxy). None may crash the process (vitest fails a file on an unhandled 'error'
 * event); each ends in a typed error or a successful retry, never half-written. The commands under
 * `pg_terminate_backend` and `pg_ctl stop -m immediate`: commands/database-faults.test.ts (analyze,
 * wait) and commands/retry.test.ts (retry).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, inject, onTestFinished, test } from 'vitest';
import { DatabaseError } from '../../../src/db/connection-url.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { ensureProductSchema, RETRY_RUNS_TABLE } from '../../../src/db/product-schema.js';
import { advisoryKey, enqueueRetryOnce } from '../../../src/db/retry-runs.js';
import { resolveCauses } from '../../../src/core/causes.js';
import { loadCampaignAnalysis } from '../../../src/loop/analyze-campaign.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { startFaultProxy } from '../../support/fault-proxy.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import { upstreamDatabase } from './helpers.js';

const run = promisify(execFile);

async function admin(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  onTestFinished(() => client.end().catch(() => undefined));
  return client;
}

function databaseOf(url: string): string {
  return new URL(url).pathname.slice(1);
}

/** Terminates our backends on `database` whose current query matches `like`, once one is there. */
async function terminateWhen(control: pg.Client, database: string, like: string): Promise<number> {
  for (let i = 0; i < 400; i++) {
    const { rows } = await control.query(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
       WHERE datname = $1 AND application_name = 'iterate-campaign' AND query LIKE $2
         AND state <> 'idle'`,
      [database, like],
    );
    if (rows.length > 0) return rows.length;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no backend running ${like}`);
}

async function rejection(promise: Promise<unknown>): Promise<DatabaseError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  return error as DatabaseError;
}

describe('a connection lost mid-query', () => {
  test('pg_terminate_backend on an active query: a retryable DatabaseError, no crash; the pool recovers', async () => {
    const url = await createEmptyDatabase('kill');
    const db = await openEvalDatabase(url, { log: () => undefined });
    onTestFinished(() => db.close());
    const control = await admin();
    const query = rejection(db.query({ text: 'SELECT pg_sleep(5)' }));
    await terminateWhen(control, databaseOf(url), '%pg_sleep%');
    const error = await query;
    expect(error.retryable).toBe(true);
    expect(error.code).toBe('57P01');
    expect(error.message).toMatch(/^connection to 127\.0\.0\.1:\d+\/kill_\w+ lost during a query/);
    expect((await db.query({ text: 'SELECT 1 AS one' })).rows).toEqual([{ one: 1 }]);
  });

  test('read-only work on the retrying view runs again on a fresh connection', async () => {
    const url = await createEmptyDatabase('reread');
    const warnings: string[] = [];
    const db = await openEvalDatabase(url, { log: (m) => warnings.push(m) });
    onTestFinished(() => db.close());
    const control = await admin();
    let attempts = 0;
    const read = db.retrying.withClient(async (client) => {
      attempts++;
      const { rows } = await client.query(
        attempts === 1 ? 'SELECT pg_sleep(5), 1 AS n' : 'SELECT 2 AS n',
      );
      return rows[0].n as number;
    });
    await terminateWhen(control, databaseOf(url), '%pg_sleep%');
    expect(await read).toBe(2);
    expect(attempts).toBe(2);
    expect(warnings.join('\n')).toMatch(/lost during a query.*retrying on a fresh connection/);
  });

  test('#7 terminated mid-transaction while enqueueing: retried whole, rows exact (no duplicates, none missing)', async () => {
    const { url, db } = await upstreamDatabase({ log: () => undefined });
    await ensureProductSchema(db);
    const control = await admin();
    await control.query(`SELECT 1`);
    // Block the transaction after it wrote the campaign and work items: INSERT into retry_runs waits.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    onTestFinished(() => blocker.end().catch(() => undefined));
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE ${RETRY_RUNS_TABLE} IN EXCLUSIVE MODE`);
    const key = { repository: 'o/r', prNumber: 9, mergeSha: 'e'.repeat(40) };
    const items = Array.from({ length: 50 }, (_, i) => ({
      chaosType: 'latency',
      chaosParams: { n: i },
    }));
    const enqueue = enqueueRetryOnce(
      db,
      key,
      {
        previousCampaignId: 1,
        diagnosisIssue: null,
        campaignName: 'x-retry',
        operatorImage: '',
        imageDigests: {},
      },
      {
        name: 'x-retry',
        subjects: ['tikv'],
        includeBaseline: false,
        continuous: false,
        variant: 'default',
        gitCommitHash: 'e'.repeat(40),
        items,
      },
    );
    await terminateWhen(control, databaseOf(url), `INSERT INTO ${RETRY_RUNS_TABLE}%`);
    await blocker.query('COMMIT');
    const outcome = await enqueue;
    expect(outcome.created).toBe(true);
    const counts = await db.query({
      text: `SELECT (SELECT COUNT(*)::int FROM campaigns) AS campaigns,
                    (SELECT COUNT(*)::int FROM work_queue) AS items,
                    (SELECT COUNT(*)::int FROM ${RETRY_RUNS_TABLE}) AS runs`,
    });
    expect(counts.rows[0]).toEqual({ campaigns: 1, items: 50, runs: 1 });
    expect(advisoryKey(key)).toMatch(/^-?\d+$/);
  });
});

describe('transactions that lose a race', () => {
  test('#11 a deadlock (40P01) inside db.transaction is retried whole', async () => {
    const url = await createEmptyDatabase('deadlock');
    const db = await openEvalDatabase(url, { log: () => undefined });
    onTestFinished(() => db.close());
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    onTestFinished(() => other.end().catch(() => undefined));
    await db.query({ text: 'CREATE TABLE t (id int PRIMARY KEY, v int)' });
    await db.query({ text: 'INSERT INTO t VALUES (1, 0), (2, 0)' });
    let attempts = 0;
    let otherDone: Promise<unknown> | undefined;
    const result = await db.transaction(async (client) => {
      attempts++;
      // Our session detects the deadlock (the other one waits 10 s before checking).
      await client.query("SET LOCAL deadlock_timeout = '100ms'");
      await client.query('UPDATE t SET v = v + 1 WHERE id = 1');
      if (attempts === 1) {
        await other.query('BEGIN');
        await other.query("SET LOCAL deadlock_timeout = '10s'");
        await other.query('UPDATE t SET v = v + 10 WHERE id = 2');
        otherDone = other
          .query('UPDATE t SET v = v + 10 WHERE id = 1')
          .then(() => other.query('COMMIT'));
      }
      await client.query('UPDATE t SET v = v + 1 WHERE id = 2');
      return attempts;
    });
    await otherDone;
    expect(result).toBe(2);
    const { rows } = await db.query({ text: 'SELECT id, v FROM t ORDER BY id' });
    expect(rows).toEqual([
      { id: 1, v: 11 },
      { id: 2, v: 11 },
    ]);
  });
});

describe('#11 serialization failures', () => {
  test('a serialization failure (40001) inside db.transaction is retried whole; the first attempt leaves nothing', async () => {
    const url = await createEmptyDatabase('serial');
    const db = await openEvalDatabase(url, { log: () => undefined });
    onTestFinished(() => db.close());
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    onTestFinished(() => other.end().catch(() => undefined));
    await db.query({ text: 'CREATE TABLE s (k text)' });
    let attempts = 0;
    await db.transaction(async (client) => {
      attempts++;
      await client.query('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE');
      await client.query("SELECT COUNT(*) FROM s WHERE k = 'a'");
      if (attempts === 1) {
        // Write skew: each reads what the other writes; the other commits first.
        await other.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        await other.query("SELECT COUNT(*) FROM s WHERE k = 'b'");
        await other.query("INSERT INTO s VALUES ('a')");
        await other.query('COMMIT');
      }
      await client.query("INSERT INTO s VALUES ('b')");
    });
    expect(attempts).toBe(2);
    const { rows } = await db.query({ text: 'SELECT k FROM s ORDER BY k' });
    expect(rows).toEqual([{ k: 'a' }, { k: 'b' }]);
  });
});

describe('#12 connections exhausted (53300)', () => {
  test('connect backs off and succeeds once a slot is free; the log names the cause', async () => {
    const url = new URL(await createEmptyDatabase('full'));
    const control = await admin();
    const role = `limited_${Date.now()}`;
    await control.query(`CREATE ROLE ${role} LOGIN PASSWORD 'pw' CONNECTION LIMIT 1`);
    onTestFinished(async () => {
      await control.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    });
    url.username = role;
    url.password = 'pw';
    const holder = new pg.Client({ connectionString: url.toString() });
    await holder.connect();
    const warnings: string[] = [];
    setTimeout(() => void holder.end(), 700);
    const db = await openEvalDatabase(url.toString(), { log: (m) => warnings.push(m) });
    onTestFinished(() => db.close());
    expect(warnings.join('\n')).toContain('too many connections');
    expect((await db.query({ text: 'SELECT 1 AS one' })).rows).toEqual([{ one: 1 }]);
  });
});

describe('#8 a connection that goes silent (half-open TCP, blackholed route)', () => {
  async function throughProxy(queryTimeoutMs: number, retryBudgetMs = 3_000) {
    const url = await createEmptyDatabase('silent');
    const proxy = await startFaultProxy(Number(new URL(url).port));
    onTestFinished(() => proxy.close());
    const warnings: string[] = [];
    const db = await openEvalDatabase(proxy.urlFor(url), {
      queryTimeoutMs,
      connectTimeoutMs: 500,
      retryBudgetMs,
      log: (m) => warnings.push(m),
    });
    onTestFinished(() => db.close());
    return { db, proxy, warnings, url };
  }

  test('a query fails after the client-side deadline with a retryable error, and the pool recovers', async () => {
    const { db, proxy } = await throughProxy(1_000);
    expect((await db.query({ text: 'SELECT 1 AS one' })).rows).toEqual([{ one: 1 }]);
    proxy.silent();
    const started = Date.now();
    const error = await rejection(db.query({ text: 'SELECT 2 AS two' }));
    const detectedMs = Date.now() - started;
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/no answer from .* within 1000 ms: the connection went silent/);
    expect(detectedMs).toBeGreaterThanOrEqual(900);
    expect(detectedMs).toBeLessThan(5_000);
    proxy.heal();
    expect((await db.query({ text: 'SELECT 3 AS three' })).rows).toEqual([{ three: 3 }]);
  });

  test('a poll on the retrying view resumes on a fresh connection once the route heals', async () => {
    const { db, proxy, warnings } = await throughProxy(500);
    await db.query({ text: 'SELECT 1' });
    proxy.silent();
    setTimeout(() => proxy.heal(), 800);
    const { rows } = await db.retrying.query({ text: 'SELECT 4 AS four' });
    expect(rows).toEqual([{ four: 4 }]);
    expect(warnings.join('\n')).toMatch(/went silent; retrying on a fresh connection/);
  });

  test('a transaction whose statement gets no answer fails after one deadline: its ROLLBACK does not wait out another', async () => {
    const { db, proxy } = await throughProxy(2_000);
    await db.query({ text: 'SELECT 1' });
    void proxy.silentOn('SELECT 6');
    const started = Date.now();
    const error = await rejection(
      db.withClient(async (client) => {
        await client.query('BEGIN');
        try {
          return await client.query('SELECT 6 AS six');
        } catch (failure) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw failure;
        }
      }),
    );
    expect(error.code).toBe('QUERY_TIMEOUT');
    // Two deadlines (4 s) would mean the ROLLBACK queued behind the unanswered statement.
    expect(Date.now() - started).toBeLessThan(3_500);
  });

  test('an analysis whose trial rows stop coming fails after one deadline: its ROLLBACK does not wait out another', async () => {
    const { db, proxy, url } = await throughProxy(2_000, 0);
    const id = await seedDemoCampaign(url);
    // Only the trial stream reads JSON paths before the evidence query.
    void proxy.silentOn('jsonb_path_query_array');
    const started = Date.now();
    const error = await rejection(
      loadCampaignAnalysis(db, id, { target: 0.9, causes: resolveCauses() }),
    );
    expect(error.code).toBe('QUERY_TIMEOUT');
    // Two deadlines (4 s) would mean the ROLLBACK queued behind the streamed query.
    expect(Date.now() - started).toBeLessThan(3_500);
  });

  test('close() does not wait for silent connections', async () => {
    const { db, proxy } = await throughProxy(60_000);
    await Promise.all([db.query({ text: 'SELECT 1' }), db.query({ text: 'SELECT 1' })]);
    proxy.silent();
    const stuck = db.query({ text: 'SELECT 5' }).catch((error: unknown) => error);
    const started = Date.now();
    await db.close();
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(await stuck).toBeInstanceOf(Error);
  });
});

describe('interruption (SIGINT/SIGTERM)', () => {
  test('an aborted signal stops the connect retry loop at once', async () => {
    const url = new URL(inject('pgAdminUrl'));
    const { freePort } = await import('../../../src/demo/embedded-server.js');
    url.port = String(await freePort());
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('received SIGTERM')), 300);
    const started = Date.now();
    const error = await rejection(
      openEvalDatabase(url.toString(), {
        retryBudgetMs: 60_000,
        signal: controller.signal,
        log: () => undefined,
      }),
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(error.code).toBe('ABORTED');
    expect(error.message).toMatch(/^interrupted \(received SIGTERM\)/);
  });

  test('an aborted signal cuts an in-flight query', async () => {
    const controller = new AbortController();
    const db: EvalDatabase = await openEvalDatabase(await createEmptyDatabase('abort'), {
      signal: controller.signal,
    });
    onTestFinished(() => db.close());
    const query = rejection(db.query({ text: 'SELECT pg_sleep(10)' }));
    setTimeout(() => controller.abort(new Error('received SIGINT')), 200);
    const started = Date.now();
    const error = await query;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error.code).toBe('ABORTED');
  });
});

describe('sslmode=no-verify', () => {
  test('is not silent: a warning says the certificate is not verified', async () => {
    const warnings: string[] = [];
    const url = `${await createEmptyDatabase('noverify')}?sslmode=no-verify`;
    await openEvalDatabase(url, { log: (m) => warnings.push(m), retryBudgetMs: 0 }).then(
      (db) => db.close(),
      () => undefined, // the test server has no SSL; the warning comes before connecting
    );
    expect(warnings[0]).toMatch(
      /^sslmode=no-verify: the certificate of 127\.0\.0\.1:\d+\/noverify_\w+ is NOT verified/,
    );
  });
});

describe('#13 TLS to a server with a self-signed certificate (made by openssl)', () => {
  async function selfSignedServer(): Promise<number> {
    const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-tls-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ]);
    const [key, cert] = await Promise.all([
      readFile(join(dir, 'key.pem')),
      readFile(join(dir, 'cert.pem')),
    ]);
    // Answers PostgreSQL's SSLRequest with 'S', then speaks TLS with the self-signed certificate.
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.once('data', () => {
        socket.write('S');
        const secure = new TLSSocket(socket, { isServer: true, key, cert });
        secure.on('error', () => undefined);
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      sockets.forEach((s) => s.destroy());
      server.close();
    });
    return (server.address() as { port: number }).port;
  }

  test('sslmode=require without the CA fails closed, naming sslrootcert, never the password', async () => {
    const port = await selfSignedServer();
    const url = `postgresql://eval:s3cr%40t@127.0.0.1:${port}/evals?sslmode=require`;
    const error = await rejection(
      openEvalDatabase(url, { retryBudgetMs: 0, log: () => undefined }),
    );
    expect(error.message).toMatch(
      new RegExp(
        `^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/evals: SSL problem: .*self[- ]signed`,
      ),
    );
    expect(error.message).toContain('sslrootcert=');
    expect(error.message).not.toMatch(/s3cr/);
  });
});
