import pg from 'pg';
import {
  DatabaseError,
  maskSecrets,
  secretsOf,
  targetOf,
  validateDatabaseUrl,
  type DatabaseTarget,
} from './connection-url.js';

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;

/**
 * Type parsers for every query this package runs: timestamps stay the text PostgreSQL printed,
 * because a JS Date would drop the microseconds upstream's ISO strings carry.
 * Passed per pool and per query, never set globally on the shared `pg.types`.
 */
export const EVAL_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** Anything that runs a query: a pool, a client inside a transaction, or an EvalDatabase. */
export interface Queryable {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

/**
 * Runs `fn` on a single session. A pool (or EvalDatabase) lends one connection and `owned` is true;
 * a client is used as is (`owned` false: it may already be inside the caller's transaction).
 */
export async function withSession<T>(
  db: Queryable | pg.Pool,
  fn: (session: Queryable, owned: boolean) => Promise<T>,
): Promise<T> {
  if (isEvalDatabase(db)) return db.withClient((client) => fn(client, true));
  if (db instanceof pg.Pool) {
    const client = await db.connect();
    try {
      return await fn(client, true);
    } finally {
      client.release();
    }
  }
  return fn(db, false);
}

function isEvalDatabase(db: Queryable | pg.Pool): db is EvalDatabase {
  return typeof (db as Partial<EvalDatabase>).withClient === 'function';
}

export interface EvalDatabaseOptions {
  /** Server-side `statement_timeout` for every statement, ms (default 60 000). */
  statementTimeoutMs?: number;
  /** Limit for one connection attempt including authentication, ms (default 10 000). */
  connectTimeoutMs?: number;
  /** Total time spent retrying transient connect failures, ms (default 20 000). */
  retryBudgetMs?: number;
  /** Pool size (default 3, like upstream's asyncpg pool). */
  max?: number;
  /** Where warnings go (idle-client errors, retries); default stderr. Never receives the password. */
  log?: (message: string) => void;
}

export interface EvalDatabase extends Queryable {
  /** `host:port/database` of the server, for messages. */
  readonly target: string;
  /** Runs `fn` on one pooled connection (for transactions, LISTEN, multi-statement reads). */
  withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const DEFAULTS = { statementTimeoutMs: 60_000, connectTimeoutMs: 10_000, retryBudgetMs: 20_000 };
const SESSION_OPTIONS = '-c TimeZone=UTC -c DateStyle=ISO';
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  '57P03',
  '53300',
]);

/**
 * Opens a pool on the eval database and proves it works with one connection, retrying transient
 * failures (refused, timeout, server starting up) within the retry budget.
 */
export async function openEvalDatabase(
  url: string,
  options: EvalDatabaseOptions = {},
): Promise<EvalDatabase> {
  validateDatabaseUrl(url);
  const settings = {
    statementTimeoutMs: options.statementTimeoutMs ?? DEFAULTS.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    retryBudgetMs: options.retryBudgetMs ?? DEFAULTS.retryBudgetMs,
  };
  const log = options.log ?? ((message: string) => process.stderr.write(`warning: ${message}\n`));
  const context = connectContextFor(url, settings.connectTimeoutMs);
  checkClientConfig(url, context);
  const pool = createPool(url, settings, options.max ?? 3, context, log);
  const acquire = () => connectWithRetry(pool, context, settings.retryBudgetMs, log);
  try {
    (await acquire()).release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const withClient = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await acquire();
    let failure: unknown;
    try {
      return await fn(client);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      client.release(isBrokenConnection(failure) ? (failure as Error) : undefined);
    }
  };
  return {
    target: describe(context.target),
    withClient,
    query: (config) =>
      withClient(async (client) => {
        try {
          return await client.query({ types: EVAL_TYPES, ...config });
        } catch (error) {
          throw queryError(error, context, settings.statementTimeoutMs);
        }
      }),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

/** pg reads sslrootcert/sslcert/sslkey files while constructing a client; fail early and clearly. */
function checkClientConfig(url: string, context: ConnectContext): void {
  try {
    new pg.Client({ connectionString: url });
  } catch (error) {
    throw connectError(error, context);
  }
}

/** What connection error messages may mention, and what they must mask. */
export interface ConnectContext {
  target: DatabaseTarget;
  secrets: string[];
  connectTimeoutMs: number;
}

export function connectContextFor(
  url: string,
  connectTimeoutMs = DEFAULTS.connectTimeoutMs,
): ConnectContext {
  return { target: targetOf(url), secrets: secretsOf(url), connectTimeoutMs };
}

function createPool(
  url: string,
  settings: typeof DEFAULTS,
  max: number,
  context: ConnectContext,
  log: (message: string) => void,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: withSessionOptions(url),
    options: SESSION_OPTIONS,
    statement_timeout: settings.statementTimeoutMs,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    application_name: 'iterate-campaign',
    types: EVAL_TYPES,
    max,
    allowExitOnIdle: true,
  });
  // An idle client losing its server emits 'error' on the pool; unhandled, that would crash.
  // pool.end() returns before its clients' sockets close, so errors after it are not news.
  pool.on('error', (error) => {
    if (pool.ending) return;
    log(`idle connection to ${describe(context.target)} failed: ${safeMessage(error, context)}`);
  });
  return pool;
}

/** pg lets connection-string parameters override the config, so merge into a URL `options=`. */
function withSessionOptions(url: string): string {
  if (!/[?&]options=/.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url; // e.g. an empty host with ?host=: pg parses it its own way; keep the URL as given
  }
  const existing = parsed.searchParams.get('options') ?? '';
  parsed.searchParams.set('options', `${existing} ${SESSION_OPTIONS}`.trim());
  return parsed.toString();
}

async function connectWithRetry(
  pool: pg.Pool,
  context: ConnectContext,
  budgetMs: number,
  log: (message: string) => void,
): Promise<pg.PoolClient> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      const delay = Math.min(250 * 2 ** (attempt - 1), 2_000);
      const elapsed = Date.now() - started;
      if (!isTransient(error) || elapsed + delay > budgetMs) {
        throw connectError(error, context, attempt, elapsed);
      }
      log(
        `${describe(context.target)} not reachable (${classify(error, context).reason}); retrying in ${delay} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** One line naming host, port and database and the cause class; never the password. */
export function connectError(
  error: unknown,
  context: ConnectContext,
  attempts = 1,
  elapsedMs = 0,
): DatabaseError {
  const { reason, hint } = classify(error, context);
  const retried =
    attempts > 1 ? ` after ${attempts} attempts in ${(elapsedMs / 1000).toFixed(1)} s` : '';
  const message = `cannot connect to PostgreSQL at ${describe(context.target)}: ${reason}${retried}${hint ? ` (${hint})` : ''}`;
  return new DatabaseError(oneLine(maskSecrets(message, context.secrets)), {
    cause: error,
    code: codeOf(error),
  });
}

function classify(error: unknown, context: ConnectContext): { reason: string; hint?: string } {
  const code = codeOf(error);
  const message = rawMessage(error);
  const { host, port, database, user } = context.target;
  if (code === '28P01') {
    return {
      reason: `authentication failed for user "${user}"`,
      hint: 'check the user and password in the URL',
    };
  }
  if (code === '3D000') return { reason: `database "${database}" does not exist` };
  if (isSslProblem(code, message)) {
    return {
      reason: `SSL problem: ${safeMessage(error, context)}`,
      hint: 'check sslmode= and sslrootcert= in the URL; the server may not support SSL, or the certificate is not trusted',
    };
  }
  if (code === 'ENOENT' || code === 'EACCES') {
    return {
      reason: `cannot read a file named in the URL: ${safeMessage(error, context)}`,
      hint: 'check sslrootcert=, sslcert= and sslkey=',
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      reason: 'connection refused',
      hint: `is PostgreSQL running and listening on ${host}:${port}?`,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { reason: `host not found (DNS lookup of "${host}" failed)` };
  }
  if (/timeout exceeded when trying to connect/i.test(message)) {
    return {
      reason: `no pooled connection became free within ${context.connectTimeoutMs} ms`,
      hint: 'too many concurrent queries for the pool size',
    };
  }
  if (code === 'CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return { reason: `connection timed out (no answer within ${context.connectTimeoutMs} ms)` };
  }
  if (code === '28000') {
    return {
      reason: `access rejected: ${safeMessage(error, context)}`,
      hint: 'pg_hba.conf; try sslmode=require',
    };
  }
  if (code === '57P03') return { reason: 'the server is starting up or shutting down' };
  if (code === '53300') return { reason: 'too many connections' };
  return { reason: safeMessage(error, context) };
}

function queryError(error: unknown, context: ConnectContext, statementTimeoutMs: number): unknown {
  if (error instanceof DatabaseError) return error;
  const code = codeOf(error);
  if (code === '57014') {
    return new DatabaseError(
      `query on ${describe(context.target)} cancelled after statement_timeout (${statementTimeoutMs} ms)`,
      { cause: error, code },
    );
  }
  if (isBrokenConnection(error)) return connectError(error, context);
  return new DatabaseError(
    oneLine(`query on ${describe(context.target)} failed: ${safeMessage(error, context)}`),
    { cause: error, code },
  );
}

function isTransient(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && TRANSIENT_CODES.has(code);
}

function isBrokenConnection(error: unknown): boolean {
  if (error === undefined) return false;
  const code = codeOf(error);
  return (
    code === 'ECONNRESET' || code === 'EPIPE' || /connection terminated/i.test(rawMessage(error))
  );
}

function isSslProblem(code: string | undefined, message: string): boolean {
  return (
    /\b(ssl|tls|certificate)\b/i.test(message) ||
    /CERT|SSL|TLS/.test(code ?? '') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
  );
}

/** pg reports its own connect timeout without a code; Node wraps dual-stack failures in AggregateError. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const withCode = error as { code?: unknown; errors?: unknown };
  if (typeof withCode.code === 'string' && withCode.code) return withCode.code;
  if (Array.isArray(withCode.errors) && withCode.errors.length > 0)
    return codeOf(withCode.errors[0]);
  if (/timeout/i.test(rawMessage(error))) return 'CONNECT_TIMEOUT';
  return undefined;
}

function rawMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function safeMessage(error: unknown, context: ConnectContext): string {
  return oneLine(maskSecrets(rawMessage(error), context.secrets));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function describe(target: DatabaseTarget): string {
  return `${target.host}:${target.port}/${target.database}`;
}
