/**
 * Retry runs: one targeted retry campaign per (repository, PR, merge SHA), enqueued exactly once.
 *
 * Direct mode (`enqueueRetryOnce`): one transaction takes a transaction-level advisory lock on the
 * key, returns the recorded run if there is one, else writes the `campaigns` row, one `work_queue`
 * row per spec (exactly as upstream's `eval run campaign --cloud=gcp`) and the `retry_runs` row,
 * and commits. Concurrent runs queue on the lock; the second one finds the first one's row. The
 * UNIQUE key is the backstop. A transaction that fails on a lost connection, a deadlock or a
 * serialization failure is retried whole: it is atomic, and the retry re-checks the key first.
 *
 * CLI mode (`withRetryRunLock` + `recordRetryRun`): the campaign is written by the harness's own
 * CLI, so the lock is a session-level one held around the CLI run.
 */
import { createHash } from 'node:crypto';
import { DatabaseError } from './connection-url.js';
import type { EvalDatabase, Queryable } from './pool.js';
import { RETRY_RUNS_TABLE } from './product-schema.js';
import { writeCampaignRows, type CampaignToEnqueue } from './enqueue-campaign.js';

export interface RetryRunKey {
  /** `owner/repo`; compared case-insensitively (stored lowercase). */
  repository: string;
  prNumber: number;
  mergeSha: string;
}

export interface RetryRunLink {
  previousCampaignId: number | null;
  diagnosisIssue: number | null;
  campaignName: string;
  operatorImage: string;
  /** Image name → pushed digest. */
  imageDigests: Record<string, string>;
}

export interface RetryRun extends RetryRunKey, RetryRunLink {
  id: number;
  retryCampaignId: number;
  mode: 'direct' | 'cli';
  createdAt: string;
}

/** What `eval run campaign --cloud=gcp` writes for one campaign file. */
export type RetryCampaignRows = CampaignToEnqueue;

export interface EnqueueOutcome {
  run: RetryRun;
  /** False when an earlier run had already enqueued the retry: nothing was written. */
  created: boolean;
  workIds: number[];
}

const COLUMNS = `id, repository, pr_number, merge_sha, previous_campaign_id, diagnosis_issue,
  retry_campaign_id, campaign_name, operator_image, image_digests, mode, created_at`;

function normalizeKey(key: RetryRunKey): RetryRunKey {
  const repository = key.repository.trim().toLowerCase();
  const mergeSha = key.mergeSha.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]*\/[a-z0-9._-]+$/.test(repository)) {
    throw new DatabaseError(
      `invalid repository '${key.repository.slice(0, 80)}': expected owner/repo`,
    );
  }
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(mergeSha)) {
    throw new DatabaseError(
      `invalid merge SHA '${key.mergeSha.slice(0, 80)}': expected 40 hex digits`,
    );
  }
  if (!Number.isSafeInteger(key.prNumber) || key.prNumber < 1 || key.prNumber > 2_147_483_647) {
    throw new DatabaseError(`invalid PR number ${key.prNumber}`);
  }
  return { repository, prNumber: key.prNumber, mergeSha };
}

/** A signed 64-bit advisory-lock key for one retry key (as text, for a `$1::bigint` parameter). */
export function advisoryKey(key: RetryRunKey): string {
  const k = normalizeKey(key);
  const digest = createHash('sha256')
    .update(`iterate_campaign.retry_runs\0${k.repository}\0${k.prNumber}\0${k.mergeSha}`)
    .digest();
  return digest.readBigInt64BE(0).toString();
}

export async function findRetryRun(db: Queryable, key: RetryRunKey): Promise<RetryRun | null> {
  const k = normalizeKey(key);
  const { rows } = await db.query({
    text: `SELECT ${COLUMNS} FROM ${RETRY_RUNS_TABLE}
           WHERE repository = $1 AND pr_number = $2 AND merge_sha = $3`,
    values: [k.repository, k.prNumber, k.mergeSha],
  });
  return rows[0] ? toRetryRun(rows[0]) : null;
}

/** The run that enqueued `campaignId` as its retry campaign, if this product enqueued it. */
export async function findRetryRunByCampaign(
  db: Queryable,
  campaignId: number,
): Promise<RetryRun | null> {
  const { rows } = await db.query({
    text: `SELECT ${COLUMNS} FROM ${RETRY_RUNS_TABLE} WHERE retry_campaign_id = $1 ORDER BY id LIMIT 1`,
    values: [campaignId],
  });
  return rows[0] ? toRetryRun(rows[0]) : null;
}

/** Enqueues the retry campaign and records the run, once per key (see the module comment). */
export async function enqueueRetryOnce(
  db: EvalDatabase,
  key: RetryRunKey,
  link: RetryRunLink,
  campaign: RetryCampaignRows,
): Promise<EnqueueOutcome> {
  const k = normalizeKey(key);
  // Retried whole by db.transaction; the re-check under the lock makes a lost COMMIT harmless.
  return db.transaction(async (client) => {
    await client.query({
      text: 'SELECT pg_advisory_xact_lock($1::bigint)',
      values: [advisoryKey(k)],
    });
    const existing = await findRetryRun(client, k);
    if (existing) return { run: existing, created: false, workIds: [] };
    const { campaignId: retryCampaignId, workIds } = await writeCampaignRows(client, campaign);
    const run = await insertRun(client, k, link, retryCampaignId, 'direct');
    return { run, created: true, workIds };
  });
}

/**
 * Runs `fn` while holding the key's session-level advisory lock on one connection (CLI mode:
 * the harness writes the campaign in between). The lock is released however `fn` ends.
 */
export async function withRetryRunLock<T>(
  db: EvalDatabase,
  key: RetryRunKey,
  fn: (session: Queryable) => Promise<T>,
): Promise<T> {
  const lockKey = advisoryKey(key);
  return db.withClient(async (client) => {
    await client.query({ text: 'SELECT pg_advisory_lock($1::bigint)', values: [lockKey] });
    try {
      return await fn(client);
    } finally {
      await client.query({ text: 'SELECT pg_advisory_unlock($1::bigint)', values: [lockKey] });
    }
  });
}

/** Records a run whose campaign already exists; an existing row for the key wins and is returned. */
export async function recordRetryRun(
  db: Queryable,
  key: RetryRunKey,
  link: RetryRunLink,
  retryCampaignId: number,
  mode: 'direct' | 'cli',
): Promise<{ run: RetryRun; created: boolean }> {
  const k = normalizeKey(key);
  const { rows } = await db.query({
    text: `INSERT INTO ${RETRY_RUNS_TABLE} (repository, pr_number, merge_sha, previous_campaign_id,
             diagnosis_issue, retry_campaign_id, campaign_name, operator_image, image_digests, mode)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
           ON CONFLICT ON CONSTRAINT retry_runs_pr_merge_key DO NOTHING
           RETURNING ${COLUMNS}`,
    values: runValues(k, link, retryCampaignId, mode),
  });
  if (rows[0]) return { run: toRetryRun(rows[0]), created: true };
  const existing = await findRetryRun(db, k);
  if (!existing) throw new DatabaseError('retry run vanished after a conflicting insert');
  return { run: existing, created: false };
}

/**
 * A campaign the harness CLI created for this merge in an earlier attempt that died before the run
 * was recorded: same name, git commit = the merge SHA, and not linked to any retry run.
 */
export async function findUnlinkedCampaign(
  db: Queryable,
  name: string,
  mergeSha: string,
): Promise<number | null> {
  const { rows } = await db.query({
    text: `SELECT c.id FROM campaigns c
           WHERE c.name = $1 AND c.git_commit_hash = $2
             AND NOT EXISTS (SELECT 1 FROM ${RETRY_RUNS_TABLE} r WHERE r.retry_campaign_id = c.id)
           ORDER BY c.id LIMIT 1`,
    values: [name, mergeSha.toLowerCase()],
  });
  return rows[0] ? (rows[0].id as number) : null;
}

async function insertRun(
  client: Queryable,
  key: RetryRunKey,
  link: RetryRunLink,
  retryCampaignId: number,
  mode: 'direct' | 'cli',
): Promise<RetryRun> {
  const { rows } = await client.query({
    text: `INSERT INTO ${RETRY_RUNS_TABLE} (repository, pr_number, merge_sha, previous_campaign_id,
             diagnosis_issue, retry_campaign_id, campaign_name, operator_image, image_digests, mode)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
           RETURNING ${COLUMNS}`,
    values: runValues(key, link, retryCampaignId, mode),
  });
  return toRetryRun(rows[0]!);
}

function runValues(
  key: RetryRunKey,
  link: RetryRunLink,
  retryCampaignId: number,
  mode: string,
): unknown[] {
  return [
    key.repository,
    key.prNumber,
    key.mergeSha,
    link.previousCampaignId,
    link.diagnosisIssue,
    retryCampaignId,
    link.campaignName,
    link.operatorImage,
    JSON.stringify(link.imageDigests),
    mode,
  ];
}

function toRetryRun(row: Record<string, unknown>): RetryRun {
  return {
    id: Number(row.id),
    repository: row.repository as string,
    prNumber: row.pr_number as number,
    mergeSha: row.merge_sha as string,
    previousCampaignId: (row.previous_campaign_id as number | null) ?? null,
    diagnosisIssue: (row.diagnosis_issue as number | null) ?? null,
    retryCampaignId: row.retry_campaign_id as number,
    campaignName: row.campaign_name as string,
    operatorImage: row.operator_image as string,
    imageDigests: (row.image_digests as Record<string, string> | null) ?? {},
    mode: row.mode as 'direct' | 'cli',
    createdAt: String(row.created_at),
  };
}
