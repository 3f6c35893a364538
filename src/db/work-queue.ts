import { pyJsonDumps } from '../core/py-json.js';
import type { TrialTimes, WorkItemRecord } from '../core/records.js';
import { DatabaseError } from './connection-url.js';
import { toWorkItemRecord } from './eval-reader.js';
import { EVAL_TYPES, type Queryable } from './pool.js';

/**
 * The upstream work queue and row writers (eval/src/eval/runner/queue.py and db_postgres.py
 * @ 675946b) with the same SQL semantics, so Python workers and this package can share a database.
 * Every function takes a Queryable: pass a transaction's client to group writes.
 */

/** What upstream's `insert_campaign` writes (`chaos_type` is always `''`; notable/notes keep defaults). */
export interface NewCampaign {
  subjectName: string;
  name: string;
  trialCount: number;
  baseline?: boolean;
  continuous?: boolean;
  variantName?: string;
  /** JSON text; empty or absent is stored as NULL. */
  topologyJson?: string;
  gitCommitHash?: string;
  /** ISO 8601; naive values are UTC. Absent: the server's NOW(). */
  createdAt?: string;
}

/** One work item as upstream's `enqueue` reads it; absent keys take upstream's defaults. */
export interface WorkItemSpec {
  subjectType?: string;
  chaosType?: string;
  chaosParams?: unknown;
  baseline?: boolean;
  sequenceNumber?: number | null;
  resolutionTimeout?: number | null;
}

/** What upstream's `insert_trial` writes. JSON fields are JSON text; empty takes the default. */
export interface NewTrial extends TrialTimes {
  campaignId: number;
  initialState?: string;
  finalState?: string;
  chaosMetadata?: string;
  commandsJson?: string;
  operatorDataJson?: string;
}

export interface CampaignStatusCounts {
  pending: number;
  running: number;
  completed: number;
  failed: number;
  /** Upstream keeps any other status value as its own key. */
  [status: string]: number;
}

export async function insertCampaign(db: Queryable, campaign: NewCampaign): Promise<number> {
  const { rows } = await db.query({
    text: `INSERT INTO campaigns (subject_name, chaos_type, name, trial_count, baseline, continuous,
             variant_name, topology_json, git_commit_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, COALESCE($10::timestamptz, NOW()))
           RETURNING id`,
    values: [
      campaign.subjectName,
      '',
      campaign.name,
      campaign.trialCount,
      campaign.baseline ?? false,
      campaign.continuous ?? false,
      campaign.variantName ?? 'default',
      campaign.topologyJson || null,
      campaign.gitCommitHash ?? '',
      campaign.createdAt === undefined ? null : utcTimestamp('createdAt', campaign.createdAt),
    ],
  });
  return rows[0]!.id as number;
}

/**
 * Rows identical to upstream's one INSERT per item, written by one statement over `unnest`
 * arrays. Returns the ids in item order (ids are drawn in `ORDER BY ord` order, so ascending).
 */
export async function enqueue(
  db: Queryable,
  campaignId: number,
  items: readonly WorkItemSpec[],
): Promise<number[]> {
  if (items.length === 0) return [];
  const pick = <K extends keyof WorkItemSpec, D>(item: WorkItemSpec, key: K, fallback: D) =>
    item[key] === undefined ? fallback : item[key];
  const { rows } = await db.query({
    text: `INSERT INTO work_queue (campaign_id, subject_type, chaos_type, chaos_params, baseline,
             status, sequence_number, resolution_timeout)
           SELECT $1, t.subject_type, t.chaos_type, t.chaos_params::jsonb, t.baseline, 'pending',
                  t.sequence_number, t.resolution_timeout
           FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::integer[], $7::integer[])
                WITH ORDINALITY
                AS t(subject_type, chaos_type, chaos_params, baseline, sequence_number,
                     resolution_timeout, ord)
           ORDER BY t.ord
           RETURNING id`,
    values: [
      campaignId,
      items.map((item) => pick(item, 'subjectType', 'tikv')),
      items.map((item) => pick(item, 'chaosType', 'node_kill')),
      // json.dumps text, as upstream's enqueue sends it: jsonb then keeps `50.0` a float.
      items.map((item) => pyJsonDumps(pick(item, 'chaosParams', {}))),
      items.map((item) => pick(item, 'baseline', false)),
      items.map((item) => item.sequenceNumber ?? null),
      items.map((item) => item.resolutionTimeout ?? null),
    ],
  });
  return rows.map((row) => row.id as number).sort((a, b) => a - b);
}

/**
 * Upstream `claim_next`, statement for statement: the lowest claimable pending id, skipping rows
 * other workers hold. A continuous campaign's item `n > 0` is claimable only after item `n - 1`
 * was completed by this same worker (state lives on that worker's VM).
 */
export async function claimNext(
  db: Queryable,
  workerId: string,
  campaignId?: number,
): Promise<WorkItemRecord | null> {
  const campaignFilter = campaignId === undefined ? '' : 'AND w.campaign_id = $2';
  const { rows } = await db.query({
    text: `UPDATE work_queue
           SET status = 'running',
               worker_id = $1,
               claimed_at = NOW()
           WHERE id = (
               SELECT w.id FROM work_queue w
               WHERE w.status = 'pending'
                 ${campaignFilter}
                 AND (
                   w.sequence_number IS NULL
                   OR w.sequence_number = 0
                   OR (w.sequence_number > 0 AND EXISTS (
                     SELECT 1 FROM work_queue prev
                     WHERE prev.campaign_id = w.campaign_id
                       AND prev.sequence_number = w.sequence_number - 1
                       AND prev.status = 'completed'
                       AND prev.worker_id = $1
                   ))
                 )
               ORDER BY w.id
               FOR UPDATE SKIP LOCKED
               LIMIT 1
           )
           RETURNING *`,
    values: campaignId === undefined ? [workerId] : [workerId, campaignId],
    types: EVAL_TYPES,
  });
  return rows[0] ? toWorkItemRecord(rows[0]) : null;
}

export async function updateVmName(db: Queryable, workId: number, vmName: string): Promise<void> {
  await db.query({
    text: 'UPDATE work_queue SET vm_name = $1 WHERE id = $2',
    values: [vmName, workId],
  });
}

/**
 * Upstream `complete`: `failed` when `error` is non-empty, else `completed`. Unconditional, like
 * upstream: it overwrites a `failed` set meanwhile by kill/cancel.
 */
export async function complete(
  db: Queryable,
  workId: number,
  outcome: { trialId?: number | null; error?: string | null } = {},
): Promise<void> {
  await db.query({
    text: `UPDATE work_queue
           SET status = $1,
               completed_at = NOW(),
               trial_id = $2,
               error = $3
           WHERE id = $4`,
    values: [
      outcome.error ? 'failed' : 'completed',
      outcome.trialId ?? null,
      outcome.error ?? null,
      workId,
    ],
  });
}

/** Upstream `insert_trial`; `behavior_json` is left to its default. */
export async function insertTrial(db: Queryable, trial: NewTrial): Promise<number> {
  const { rows } = await db.query({
    text: `INSERT INTO trials (
             campaign_id, started_at, chaos_injected_at,
             ticket_created_at, resolved_at, ended_at,
             initial_state, final_state, chaos_metadata, commands_json,
             operator_data_json
           ) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb)
           RETURNING id`,
    values: [
      trial.campaignId,
      utcTimestamp('startedAt', trial.startedAt),
      utcTimestamp('chaosInjectedAt', trial.chaosInjectedAt),
      trial.ticketCreatedAt === null
        ? null
        : utcTimestamp('ticketCreatedAt', trial.ticketCreatedAt),
      trial.resolvedAt === null ? null : utcTimestamp('resolvedAt', trial.resolvedAt),
      utcTimestamp('endedAt', trial.endedAt),
      trial.initialState || '{}',
      trial.finalState || '{}',
      trial.chaosMetadata || '{}',
      trial.commandsJson || '[]',
      trial.operatorDataJson || '{}',
    ],
  });
  return rows[0]!.id as number;
}

export async function getCampaignStatus(
  db: Queryable,
  campaignId: number,
): Promise<CampaignStatusCounts> {
  const { rows } = await db.query({
    text: `SELECT status, COUNT(*)::integer AS count
           FROM work_queue
           WHERE campaign_id = $1
           GROUP BY status`,
    values: [campaignId],
  });
  const counts: CampaignStatusCounts = { pending: 0, running: 0, completed: 0, failed: 0 };
  for (const row of rows) counts[String(row.status)] = row.count as number;
  return counts;
}

/** Every work item of the campaign, whatever its status. */
export async function countWorkItems(db: Queryable, campaignId: number): Promise<number> {
  const counts = await getCampaignStatus(db, campaignId);
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/**
 * Upstream's `parse_iso_datetime` takes naive timestamps as UTC. Making the offset explicit keeps
 * that true whatever the session TimeZone of the caller's connection is. Like upstream (where
 * `fromisoformat("")` raises), an empty string is rejected rather than stored as NULL.
 */
function utcTimestamp(field: string, value: string): string {
  const text = value.trim();
  if (text === '') {
    throw new DatabaseError(
      `${field}: empty timestamp; expected ISO 8601 such as 2026-02-10T12:34:56+00:00`,
    );
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00+00:00`;
  const separator = text.search(/\d[T ]\d/);
  if (separator === -1) return text;
  const time = text.slice(separator + 2);
  return /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(time) ? text : `${text}+00:00`;
}
