/**
 * Retry reports: what happened after a retry campaign was enqueued, one row per retry campaign in
 * `iterate_campaign.retry_reports`, so that the blocking path (wait → compare → finalize) and the
 * cron path (reconcile) can both drive a retry to its end without doing anything twice.
 *
 *   waiting ──compare/reconcile──▶ reported ──finalize (target reached)──▶ finalizing ──▶ finalized
 *
 * - Reporting is claimed with a lease: `UPDATE … WHERE status = 'waiting' AND lease expired
 *   RETURNING` is atomic, so exactly one process writes the comment and the issue iteration; a
 *   process that dies leaves a lease that expires, and the next reconcile takes over.
 * - Marking reported/finalized is guarded by the lease owner: a process whose lease was taken over
 *   does not overwrite the new owner's result.
 * - The validation campaign is enqueued in the same transaction that records its id, under a row
 *   lock, so two finalizers enqueue it once.
 * - Writes to one PR's sticky comment are serialized with a session advisory lock per PR.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ReportStatus } from '../core/retry-report.js';
import type { EvalDatabase, Queryable } from './pool.js';
import { ensureProductTable, PRODUCT_SCHEMA, RETRY_RUNS_TABLE } from './product-schema.js';

const RETRY_REPORTS_TABLE = `${PRODUCT_SCHEMA}.retry_reports`;

const OPEN_STATUSES = "('waiting', 'reported', 'finalizing')";

const RETRY_REPORTS_DDL = `
CREATE TABLE IF NOT EXISTS ${RETRY_REPORTS_TABLE} (
    retry_campaign_id INTEGER PRIMARY KEY,
    retry_run_id BIGINT,
    repository TEXT NOT NULL,
    pr_number INTEGER CHECK (pr_number > 0),
    previous_campaign_id INTEGER NOT NULL,
    diagnosis_issue INTEGER,
    target_win_rate DOUBLE PRECISION NOT NULL CHECK (target_win_rate > 0 AND target_win_rate <= 1),
    status TEXT NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'reported', 'finalizing', 'finalized')),
    verdict TEXT,
    win_rate DOUBLE PRECISION,
    target_reached BOOLEAN,
    comment_id BIGINT,
    comment_revision BIGINT NOT NULL DEFAULT 0,
    validation_campaign_id INTEGER,
    validation_passed BOOLEAN,
    lease_owner TEXT,
    lease_until TIMESTAMPTZ,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    reported_at TIMESTAMPTZ,
    finalized_at TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS retry_reports_open_idx ON ${RETRY_REPORTS_TABLE} (repository)
    WHERE status IN ${OPEN_STATUSES};
`;

/** Serializes concurrent first-time DDL of this table (distinct from retry_runs' lock). */
const DDL_LOCK_KEY = '7596543301218002';
/** How long a claim protects a report while it is written (a report takes seconds). */
const DEFAULT_LEASE_SECONDS = 600;

/** What a report starts from: the retry's link to its PR and previous campaign. */
export interface ReportSeed {
  retryCampaignId: number;
  retryRunId: number | null;
  repository: string;
  prNumber: number | null;
  previousCampaignId: number;
  diagnosisIssue: number | null;
  targetWinRate: number;
}

export interface RetryReport extends ReportSeed {
  status: ReportStatus;
  verdict: string | null;
  winRate: number | null;
  targetReached: boolean | null;
  commentId: number | null;
  commentRevision: number;
  validationCampaignId: number | null;
  validationPassed: boolean | null;
  leaseOwner: string | null;
  leaseUntil: string | null;
  attempts: number;
}

const COLUMNS = `retry_campaign_id, retry_run_id, repository, pr_number, previous_campaign_id,
  diagnosis_issue, target_win_rate, status, verdict, win_rate, target_reached, comment_id,
  comment_revision, validation_campaign_id, validation_passed, lease_owner, lease_until, attempts`;

/** Creates the product schema (retry_runs) and this table when missing; idempotent, concurrent-safe. */
export async function ensureRetryReportsSchema(db: EvalDatabase): Promise<void> {
  await ensureProductTable(db, RETRY_REPORTS_TABLE, RETRY_REPORTS_DDL, DDL_LOCK_KEY);
}

/** The report of `seed.retryCampaignId`, created `waiting` if there is none (an existing row wins). */
export async function openReport(db: Queryable, seed: ReportSeed): Promise<RetryReport> {
  await db.query({
    text: `INSERT INTO ${RETRY_REPORTS_TABLE} (retry_campaign_id, retry_run_id, repository, pr_number,
             previous_campaign_id, diagnosis_issue, target_win_rate)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (retry_campaign_id) DO NOTHING`,
    values: [
      seed.retryCampaignId,
      seed.retryRunId,
      seed.repository.toLowerCase(),
      seed.prNumber,
      seed.previousCampaignId,
      seed.diagnosisIssue,
      seed.targetWinRate,
    ],
  });
  const report = await findReport(db, seed.retryCampaignId);
  if (!report) throw new Error(`retry report ${seed.retryCampaignId} vanished after its insert`);
  return report;
}

/** Creates a `waiting` report for every retry run of `repository` that has none yet. */
export async function openReportsForRuns(
  db: Queryable,
  repository: string,
  targetWinRate: number,
): Promise<number> {
  const { rowCount } = await db.query({
    text: `INSERT INTO ${RETRY_REPORTS_TABLE} (retry_campaign_id, retry_run_id, repository, pr_number,
             previous_campaign_id, diagnosis_issue, target_win_rate)
           SELECT DISTINCT ON (r.retry_campaign_id) r.retry_campaign_id, r.id, r.repository,
                  r.pr_number, r.previous_campaign_id, r.diagnosis_issue, $2
           FROM ${RETRY_RUNS_TABLE} r
           WHERE r.repository = $1 AND r.previous_campaign_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM ${RETRY_REPORTS_TABLE} x
                             WHERE x.retry_campaign_id = r.retry_campaign_id)
           ORDER BY r.retry_campaign_id, r.id
           ON CONFLICT (retry_campaign_id) DO NOTHING`,
    values: [repository.toLowerCase(), targetWinRate],
  });
  return rowCount ?? 0;
}

export async function findReport(
  db: Queryable,
  retryCampaignId: number,
): Promise<RetryReport | null> {
  const { rows } = await db.query({
    text: `SELECT ${COLUMNS} FROM ${RETRY_REPORTS_TABLE} WHERE retry_campaign_id = $1`,
    values: [retryCampaignId],
  });
  return rows[0] ? toReport(rows[0]) : null;
}

/** Reports of `repository` that still have something to do, oldest retry first. */
export async function listOpenReports(db: Queryable, repository: string): Promise<RetryReport[]> {
  const { rows } = await db.query({
    text: `SELECT ${COLUMNS} FROM ${RETRY_REPORTS_TABLE}
           WHERE repository = $1 AND status IN ${OPEN_STATUSES}
           ORDER BY retry_campaign_id`,
    values: [repository.toLowerCase()],
  });
  return rows.map(toReport);
}

export interface ClaimOptions {
  owner: string;
  /** Statuses the claim may start from. */
  from: readonly ReportStatus[];
  leaseSeconds?: number;
}

/**
 * Atomically takes the report's lease when it is in one of `from` and nobody else holds a live
 * lease (the owner may renew its own). Returns the claimed row, or null.
 */
export async function claimReport(
  db: Queryable,
  retryCampaignId: number,
  options: ClaimOptions,
): Promise<RetryReport | null> {
  const { rows } = await db.query({
    text: `UPDATE ${RETRY_REPORTS_TABLE}
           SET lease_owner = $2, lease_until = NOW() + make_interval(secs => $3),
               attempts = attempts + 1, updated_at = NOW()
           WHERE retry_campaign_id = $1 AND status = ANY($4::text[])
             AND (lease_until IS NULL OR lease_until < NOW() OR lease_owner = $2)
           RETURNING ${COLUMNS}`,
    values: [
      retryCampaignId,
      options.owner,
      options.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
      [...options.from],
    ],
  });
  return rows[0] ? toReport(rows[0]) : null;
}

/** Gives the lease back without changing the status (a failed attempt: the next run retries). */
export async function releaseReport(
  db: Queryable,
  retryCampaignId: number,
  owner: string,
): Promise<void> {
  await db.query({
    text: `UPDATE ${RETRY_REPORTS_TABLE} SET lease_owner = NULL, lease_until = NULL, updated_at = NOW()
           WHERE retry_campaign_id = $1 AND lease_owner = $2`,
    values: [retryCampaignId, owner],
  });
}

export interface ReportedResult {
  verdict: string;
  winRate: number;
  targetReached: boolean;
  targetWinRate: number;
}

/** `waiting` → `reported`, only while `owner` still holds the lease. False when it was lost. */
export async function markReported(
  db: Queryable,
  retryCampaignId: number,
  owner: string,
  result: ReportedResult,
): Promise<boolean> {
  const { rowCount } = await db.query({
    text: `UPDATE ${RETRY_REPORTS_TABLE}
           SET status = 'reported', verdict = $3, win_rate = $4, target_reached = $5,
               target_win_rate = $6, reported_at = NOW(), updated_at = NOW(),
               lease_owner = NULL, lease_until = NULL
           WHERE retry_campaign_id = $1 AND lease_owner = $2 AND status = 'waiting'`,
    values: [
      retryCampaignId,
      owner,
      result.verdict,
      result.winRate,
      result.targetReached,
      result.targetWinRate,
    ],
  });
  return rowCount === 1;
}

/** `finalizing` → `finalized` with the validation's result, only while `owner` holds the lease. */
export async function markFinalized(
  db: Queryable,
  retryCampaignId: number,
  owner: string,
  validationPassed: boolean,
): Promise<boolean> {
  const { rowCount } = await db.query({
    text: `UPDATE ${RETRY_REPORTS_TABLE}
           SET status = 'finalized', validation_passed = $3, finalized_at = NOW(), updated_at = NOW(),
               lease_owner = NULL, lease_until = NULL
           WHERE retry_campaign_id = $1 AND lease_owner = $2 AND status = 'finalizing'`,
    values: [retryCampaignId, owner, validationPassed],
  });
  return rowCount === 1;
}

/** Records the sticky comment written; the stored revision only ever grows. */
export async function recordComment(
  db: Queryable,
  retryCampaignId: number,
  commentId: number,
  revision: number,
): Promise<void> {
  await db.query({
    text: `UPDATE ${RETRY_REPORTS_TABLE}
           SET comment_id = $2, comment_revision = GREATEST(comment_revision, $3), updated_at = NOW()
           WHERE retry_campaign_id = $1`,
    values: [retryCampaignId, commentId, revision],
  });
}

export interface ValidationStart {
  report: RetryReport;
  /** False when an earlier finalize had already enqueued it: nothing was written. */
  created: boolean;
}

/**
 * Enqueues the validation campaign once: under a row lock, a report that already has one returns
 * it; otherwise `enqueue` runs on the same transaction and the report moves to `finalizing`.
 * Only a `reported` report whose verdict is `target-reached` may start one.
 */
export async function startValidationOnce(
  db: EvalDatabase,
  retryCampaignId: number,
  enqueue: (client: pg.PoolClient) => Promise<number>,
): Promise<ValidationStart> {
  // Retried whole by db.transaction; the re-check under the row lock makes a lost COMMIT harmless.
  return db.transaction(async (client) => {
    const { rows } = await client.query({
      text: `SELECT ${COLUMNS} FROM ${RETRY_REPORTS_TABLE} WHERE retry_campaign_id = $1 FOR UPDATE`,
      values: [retryCampaignId],
    });
    const current = rows[0] ? toReport(rows[0]) : null;
    if (!current) throw new Error(`No retry report for campaign ${retryCampaignId}`);
    if (current.validationCampaignId !== null || current.status !== 'reported') {
      return { report: current, created: false };
    }
    const validationId = await enqueue(client);
    const updated = await client.query({
      text: `UPDATE ${RETRY_REPORTS_TABLE}
             SET validation_campaign_id = $2, status = 'finalizing', updated_at = NOW()
             WHERE retry_campaign_id = $1 RETURNING ${COLUMNS}`,
      values: [retryCampaignId, validationId],
    });
    return { report: toReport(updated.rows[0]!), created: true };
  });
}

/**
 * Runs `fn` holding a session advisory lock for one PR's sticky comment, so that only one of our
 * processes lists, creates or edits it at a time (the lock ends with the session if we die).
 */
export async function withCommentLock<T>(
  db: EvalDatabase,
  repository: string,
  prNumber: number,
  fn: () => Promise<T>,
): Promise<T> {
  const key = commentLockKey(repository, prNumber);
  return db.withClient(async (session) => {
    await session.query({ text: 'SELECT pg_advisory_lock($1::bigint)', values: [key] });
    try {
      return await fn();
    } finally {
      await session
        .query({ text: 'SELECT pg_advisory_unlock($1::bigint)', values: [key] })
        .catch(() => undefined);
    }
  });
}

function commentLockKey(repository: string, prNumber: number): string {
  const digest = createHash('sha256')
    .update(`iterate_campaign.retry_report_comment\0${repository.toLowerCase()}\0${prNumber}`)
    .digest();
  return digest.readBigInt64BE(0).toString();
}

function toReport(row: Record<string, unknown>): RetryReport {
  const optionalNumber = (value: unknown) =>
    value === null || value === undefined ? null : Number(value);
  return {
    retryCampaignId: Number(row.retry_campaign_id),
    retryRunId: optionalNumber(row.retry_run_id),
    repository: row.repository as string,
    prNumber: optionalNumber(row.pr_number),
    previousCampaignId: Number(row.previous_campaign_id),
    diagnosisIssue: optionalNumber(row.diagnosis_issue),
    targetWinRate: Number(row.target_win_rate),
    status: row.status as ReportStatus,
    verdict: (row.verdict as string | null) ?? null,
    winRate: optionalNumber(row.win_rate),
    targetReached: (row.target_reached as boolean | null) ?? null,
    commentId: optionalNumber(row.comment_id),
    commentRevision: Number(row.comment_revision),
    validationCampaignId: optionalNumber(row.validation_campaign_id),
    validationPassed: (row.validation_passed as boolean | null) ?? null,
    leaseOwner: (row.lease_owner as string | null) ?? null,
    leaseUntil:
      row.lease_until === null || row.lease_until === undefined ? null : String(row.lease_until),
    attempts: Number(row.attempts),
  };
}
