import picomatch from 'picomatch';
import type { CampaignData, CampaignRecord, TrialRecord, WorkItemRecord } from '../core/records.js';
import { openSnapshot, type CampaignSnapshot } from './campaign-snapshot.js';
import { DatabaseError } from './connection-url.js';
import {
  arrayQuery,
  isInt4,
  MAX_INT4,
  TRIAL_FIELDS,
  TRIAL_SOURCE,
  toTrialRecord,
  WORK_ITEM_SELECT,
  workItemFromArray,
  workItemFromSelect,
} from './eval-rows.js';
import { EVAL_TYPES, repeatable, withSession, type Queryable } from './pool.js';

/** Read-only access to the upstream tables; never writes or alters them. */
export interface EvalReader {
  getCampaign(id: number): Promise<CampaignRecord | null>;
  getTrials(campaignId: number): Promise<TrialRecord[]>;
  getWorkItems(campaignId: number): Promise<WorkItemRecord[]>;
  /** Campaign, work items and trials from one snapshot; throws DatabaseError when not found. */
  loadCampaignData(id: number): Promise<CampaignData>;
  /** Newest campaign (by id) with at least one work item, all of them completed or failed. */
  findLatestFinishedCampaign(nameGlob?: string): Promise<CampaignRecord | null>;
  /** Up to `limit` existing campaign ids closest to `id`, closest first. */
  listCampaignIdsNear(id: number, limit?: number): Promise<number[]>;
  /** The first `limit` commands of each trial, for evidence (the main load only counts them). */
  getTrialCommands(trialIds: readonly number[], limit: number): Promise<Map<number, unknown>>;
  /**
   * Runs `fn` on one REPEATABLE READ snapshot of the campaign: its work items summed up in SQL and
   * its trials handed over row by row as they arrive, so memory does not grow with the campaign.
   * Throws DatabaseError when the campaign does not exist. After a lost connection `fn` runs again
   * from the start, on a fresh snapshot.
   */
  readCampaign<T>(id: number, fn: (snapshot: CampaignSnapshot) => Promise<T>): Promise<T>;
}

const CAMPAIGN_COLUMNS = `id, subject_name, chaos_type, name, trial_count, baseline, continuous, notable,
  notes, variant_name, git_commit_hash, created_at`;

const WORK_ITEM_COLUMNS = `id, campaign_id, subject_type, chaos_type, chaos_params, baseline,
  status, worker_id, claimed_at, completed_at, trial_id, error, sequence_number, vm_name,
  resolution_timeout`;

export function createEvalReader(source: Queryable): EvalReader {
  // Reads only: a lost connection is retried on a fresh one.
  const db = repeatable(source);
  const getCampaign = (id: number) => selectCampaign(db, id);
  const getTrials = (campaignId: number) => selectTrials(db, campaignId);
  const getWorkItems = (campaignId: number) => selectWorkItems(db, campaignId);
  const listCampaignIdsNear = (id: number, limit = 3) => selectIdsNear(db, id, limit);
  return {
    getCampaign,
    getTrials,
    getWorkItems,
    listCampaignIdsNear,
    loadCampaignData: (id) => inSnapshot(db, (session) => loadAll(session, id)),
    findLatestFinishedCampaign: (nameGlob) => findLatestFinished(db, nameGlob),
    getTrialCommands: (trialIds, limit) => selectTrialCommands(db, trialIds, limit),
    readCampaign: (id, fn) =>
      inSnapshot(db, async (session, owned) =>
        fn(await openSnapshot(session, owned, await existingCampaign(session, id))),
      ),
  };
}

async function loadAll(db: Queryable, id: number): Promise<CampaignData> {
  const campaign = await existingCampaign(db, id);
  // Work items before trials: a completed item's trial row is inserted before the item completes.
  const workItems = await selectWorkItems(db, id);
  const trials = await selectTrials(db, id);
  return { campaign, trials, workItems };
}

async function existingCampaign(db: Queryable, id: number): Promise<CampaignRecord> {
  if (!Number.isInteger(id) || id < 1) {
    throw new DatabaseError(`invalid campaign id ${id}: expected a positive integer`);
  }
  const campaign = await selectCampaign(db, id);
  if (!campaign) throw await notFound(db, id);
  return campaign;
}

async function notFound(db: Queryable, id: number): Promise<DatabaseError> {
  const near = await selectIdsNear(db, id, 3);
  const hint =
    near.length > 0
      ? ` (nearest existing campaigns: ${near.join(', ')})`
      : ' (the database has no campaigns)';
  return new DatabaseError(`Campaign ${id} not found${hint}`);
}

async function selectCampaign(db: Queryable, id: number): Promise<CampaignRecord | null> {
  if (!isInt4(id)) return null;
  const { rows } = await db.query({
    text: `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1`,
    values: [id],
    types: EVAL_TYPES,
  });
  return rows[0] ? toCampaignRecord(rows[0]) : null;
}

async function selectTrials(db: Queryable, campaignId: number): Promise<TrialRecord[]> {
  if (!isInt4(campaignId)) return [];
  const { rows } = await db.query(
    arrayQuery(`SELECT ${TRIAL_FIELDS} FROM ${TRIAL_SOURCE} WHERE t.campaign_id = $1`, [
      campaignId,
    ]),
  );
  return sortedById((rows as unknown[][]).map((row) => toTrialRecord(row, campaignId)));
}

async function selectTrialCommands(
  db: Queryable,
  trialIds: readonly number[],
  limit: number,
): Promise<Map<number, unknown>> {
  if (trialIds.length === 0) return new Map();
  const { rows } = await db.query({
    text: `SELECT id, CASE WHEN jsonb_typeof(commands_json) = 'array'
                   THEN jsonb_path_query_array(commands_json, ('$[0 to ' || ($2::int - 1) || ']')::jsonpath)
                   ELSE commands_json END AS commands
           FROM trials WHERE id = ANY($1::int[])`,
    values: [trialIds, limit],
  });
  return new Map(rows.map((row) => [row.id as number, row.commands ?? []]));
}

async function selectWorkItems(db: Queryable, campaignId: number): Promise<WorkItemRecord[]> {
  if (!isInt4(campaignId)) return [];
  const { rows } = await db.query(
    arrayQuery(`SELECT ${WORK_ITEM_SELECT} FROM work_queue WHERE campaign_id = $1`, [campaignId]),
  );
  return sortedById((rows as unknown[][]).map(workItemFromSelect));
}

async function selectIdsNear(db: Queryable, id: number, limit: number): Promise<number[]> {
  if (!Number.isFinite(id) || limit <= 0) return [];
  const pivot = Math.max(-MAX_INT4, Math.min(MAX_INT4, Math.trunc(id)));
  // Two index range scans instead of sorting the whole table by distance.
  const { rows } = await db.query({
    text: `(SELECT id FROM campaigns WHERE id < $1 ORDER BY id DESC LIMIT $2)
           UNION ALL
           (SELECT id FROM campaigns WHERE id >= $1 ORDER BY id LIMIT $2)`,
    values: [pivot, limit],
  });
  return rows
    .map((row) => row.id as number)
    .filter((candidate) => candidate !== id)
    .sort((a, b) => Math.abs(a - id) - Math.abs(b - id) || a - b)
    .slice(0, limit);
}

const FINISHED_PAGE = 500;

async function findLatestFinished(
  db: Queryable,
  nameGlob?: string,
): Promise<CampaignRecord | null> {
  const matches = nameGlob ? picomatch(nameGlob, { bash: true, dot: true }) : () => true;
  let below = MAX_INT4 + 1;
  for (;;) {
    const { rows } = await db.query({
      text: `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c
             WHERE c.id < $1::bigint
               AND EXISTS (SELECT 1 FROM work_queue w WHERE w.campaign_id = c.id)
               AND NOT EXISTS (
                 SELECT 1 FROM work_queue w
                 WHERE w.campaign_id = c.id
                   AND (w.status IS NULL OR w.status NOT IN ('completed', 'failed'))
               )
             ORDER BY c.id DESC
             LIMIT $2`,
      values: [below, FINISHED_PAGE],
      types: EVAL_TYPES,
    });
    for (const row of rows) {
      const campaign = toCampaignRecord(row);
      if (matches(campaign.name)) return campaign;
    }
    if (rows.length < FINISHED_PAGE) return null;
    below = rows[rows.length - 1]!.id as number;
  }
}

/** Campaign.from_row: empty/NULL name falls back to `subject/chaos_type`, variant to `default`. */
function toCampaignRecord(row: Record<string, unknown>): CampaignRecord {
  const subjectName = (row.subject_name as string | null) ?? '';
  return {
    id: row.id as number,
    subjectName,
    name:
      (row.name as string | null) || `${subjectName}/${(row.chaos_type as string | null) ?? ''}`,
    trialCount: row.trial_count as number,
    baseline: Boolean(row.baseline),
    continuous: Boolean(row.continuous),
    notable: Boolean(row.notable),
    notes: (row.notes as string | null) ?? '',
    variantName: (row.variant_name as string | null) || 'default',
    gitCommitHash: (row.git_commit_hash as string | null) || '',
    createdAt: (row.created_at as string | null) ?? '',
  };
}

/** A work_queue row by column name (e.g. `RETURNING *`) as a record. */
export function toWorkItemRecord(row: Record<string, unknown>): WorkItemRecord {
  return workItemFromArray(WORK_ITEM_COLUMNS.split(',').map((column) => row[column.trim()]));
}

/**
 * Upstream reads `ORDER BY id`. Sorting here instead spares the server a sort that spills to disk
 * for 100k-row campaigns (about a quarter of the load time); rows usually arrive in id order anyway.
 */
function sortedById<T extends { id: number }>(records: T[]): T[] {
  for (let i = 1; i < records.length; i++) {
    if (records[i - 1]!.id > records[i]!.id) return records.sort((a, b) => a.id - b.id);
  }
  return records;
}

/**
 * One REPEATABLE READ snapshot when we own the connection, so the three reads agree; a
 * caller-supplied client is used as is (it may already be inside the caller's transaction).
 */
function inSnapshot<T>(
  db: Queryable,
  fn: (session: Queryable, owned: boolean) => Promise<T>,
): Promise<T> {
  return withSession(db, async (session, owned) => {
    if (!owned) return fn(session, false);
    await session.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
    try {
      const result = await fn(session, true);
      await session.query({ text: 'COMMIT' });
      return result;
    } catch (error) {
      await session.query({ text: 'ROLLBACK' }).catch(() => undefined);
      throw error;
    }
  });
}
