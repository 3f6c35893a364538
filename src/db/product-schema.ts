/**
 * The product's own tables, in schema `iterate_campaign`: the upstream tables (public.campaigns,
 * trials, work_queue) keep their exact shape, nothing here references or alters them.
 *
 * `retry_runs` links a merged fix PR (repository, PR number, merge SHA) to the campaign it retried,
 * the retry campaign it enqueued and the images it pinned. The UNIQUE key on
 * (repository, pr_number, merge_sha) makes "one retry per merge" a database fact.
 */
import type pg from 'pg';
import { repeatable, withSession, type EvalDatabase, type Queryable } from './pool.js';

export const PRODUCT_SCHEMA = 'iterate_campaign';
export const RETRY_RUNS_TABLE = `${PRODUCT_SCHEMA}.retry_runs`;

const PRODUCT_DDL = `
CREATE SCHEMA IF NOT EXISTS ${PRODUCT_SCHEMA};

CREATE TABLE IF NOT EXISTS ${RETRY_RUNS_TABLE} (
    id BIGSERIAL PRIMARY KEY,
    repository TEXT NOT NULL,
    pr_number INTEGER NOT NULL CHECK (pr_number > 0),
    merge_sha TEXT NOT NULL CHECK (merge_sha ~ '^([0-9a-f]{40}|[0-9a-f]{64})$'),
    previous_campaign_id INTEGER,
    diagnosis_issue INTEGER,
    retry_campaign_id INTEGER NOT NULL,
    campaign_name TEXT NOT NULL,
    operator_image TEXT NOT NULL DEFAULT '',
    image_digests JSONB NOT NULL DEFAULT '{}'::jsonb,
    mode TEXT NOT NULL CHECK (mode IN ('direct', 'cli')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT retry_runs_pr_merge_key UNIQUE (repository, pr_number, merge_sha)
);

CREATE INDEX IF NOT EXISTS retry_runs_retry_campaign_idx ON ${RETRY_RUNS_TABLE} (retry_campaign_id);
`;

/** Serializes concurrent first-time DDL (CREATE … IF NOT EXISTS races on the catalog otherwise). */
const DDL_LOCK_KEY = '7596543301218001';

/**
 * Creates the schema and tables when missing. Idempotent and safe to run concurrently; when the
 * table already exists nothing is executed that needs the CREATE privilege.
 */
export async function ensureProductSchema(db: Queryable | pg.Pool): Promise<void> {
  await withSession(repeatable(db), async (session) => {
    if (await retryRunsExists(session)) return;
    await session.query({ text: 'BEGIN' });
    try {
      await session.query({
        text: 'SELECT pg_advisory_xact_lock($1::bigint)',
        values: [DDL_LOCK_KEY],
      });
      await session.query({ text: PRODUCT_DDL });
      await session.query({ text: 'COMMIT' });
    } catch (error) {
      await session.query({ text: 'ROLLBACK' }).catch(() => undefined);
      throw error;
    }
  });
}

async function retryRunsExists(session: Queryable): Promise<boolean> {
  const { rows } = await session.query({
    text: 'SELECT to_regclass($1) IS NOT NULL AS present',
    values: [RETRY_RUNS_TABLE],
  });
  return rows[0]?.present === true;
}

/** Whether a (schema-qualified) table exists. */
export async function tableExists(session: Queryable, table: string): Promise<boolean> {
  const { rows } = await session.query({
    text: 'SELECT to_regclass($1) IS NOT NULL AS present',
    values: [table],
  });
  return rows[0]?.present === true;
}

/**
 * Creates one more product table (after the schema) when missing: idempotent, and concurrent
 * first runs serialize on `lockKey`; nothing needing CREATE runs once the table exists.
 */
export async function ensureProductTable(
  db: EvalDatabase,
  table: string,
  ddl: string,
  lockKey: string,
): Promise<void> {
  await ensureProductSchema(db);
  await db.retrying.withClient(async (session) => {
    if (await tableExists(session, table)) return;
    await session.query('BEGIN');
    try {
      await session.query({ text: 'SELECT pg_advisory_xact_lock($1::bigint)', values: [lockKey] });
      await session.query(ddl);
      await session.query('COMMIT');
    } catch (error) {
      await session.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
