import picomatch from 'picomatch';
import type pg from 'pg';
import { JsonText } from '../core/json.js';
import { pyJsonLoads } from '../core/py-json.js';
import type { CampaignData, CampaignRecord, TrialRecord, WorkItemRecord } from '../core/records.js';
import { asyncpgTimestamp } from '../core/time.js';
import { DatabaseError } from './connection-url.js';
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
}

const MAX_INT4 = 2_147_483_647;

const CAMPAIGN_COLUMNS = `id, subject_name, chaos_type, name, trial_count, baseline, continuous, notable,
  notes, variant_name, git_commit_hash, created_at`;

// Only the columns TrialRecord needs: initial_state and operator_data_json can be megabytes per row.
// SQL NULL JSON becomes upstream's default text ('{}' / '[]'), so a NULL here is JSON `null`.
// Commands are counted here when every item is an object whose tool_params is absent or a string
// (then jsonb string equality is Python's); any other shape is sent as its exact jsonb text, which
// core/scoring.ts reads as upstream does (Python equality of 1, 1.0 and true; raising shapes).
// Transferring and parsing every command list was 40% of loading a 100,000-trial campaign.
const TRIAL_COLUMNS = `t.id, t.campaign_id, t.started_at, t.chaos_injected_at, t.ticket_created_at,
  t.resolved_at, t.ended_at, COALESCE(t.final_state, '{}'::jsonb),
  COALESCE(t.chaos_metadata, '{}'::jsonb),
  CASE WHEN s.simple THEN NULL ELSE s.cj::text END,
  CASE WHEN s.simple THEN jsonb_array_length(s.cj) END,
  CASE WHEN s.simple THEN (
    SELECT count(DISTINCT COALESCE(c -> 'tool_params', '""'::jsonb))
    FROM jsonb_array_elements(s.cj) AS c) END`;
const TRIAL_SOURCE = `trials t CROSS JOIN LATERAL (
    SELECT cj, jsonb_typeof(cj) = 'array' AND NOT EXISTS (
      SELECT 1 FROM jsonb_array_elements(cj) AS c
      WHERE jsonb_typeof(c) <> 'object'
         OR (c ? 'tool_params' AND jsonb_typeof(c -> 'tool_params') <> 'string')) AS simple
    FROM (SELECT COALESCE(t.commands_json, '[]'::jsonb) AS cj) AS d) AS s`;

// chaos_params as its exact jsonb text: JSON.parse would turn `50.0` into 50 and round big ints.
const WORK_ITEM_SELECT = `id, campaign_id, subject_type, chaos_type, chaos_params::text, baseline,
  status, worker_id, claimed_at, completed_at, trial_id, error, sequence_number, vm_name,
  resolution_timeout`;

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
  };
}

async function loadAll(db: Queryable, id: number): Promise<CampaignData> {
  if (!Number.isInteger(id) || id < 1) {
    throw new DatabaseError(`invalid campaign id ${id}: expected a positive integer`);
  }
  const campaign = await selectCampaign(db, id);
  if (!campaign) throw await notFound(db, id);
  // Work items before trials: a completed item's trial row is inserted before the item completes.
  const workItems = await selectWorkItems(db, id);
  const trials = await selectTrials(db, id);
  return { campaign, trials, workItems };
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
    arrayQuery(`SELECT ${TRIAL_COLUMNS} FROM ${TRIAL_SOURCE} WHERE t.campaign_id = $1`, [
      campaignId,
    ]),
  );
  return sortedById((rows as unknown[][]).map(toTrialRecord));
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
  return sortedById(
    (rows as unknown[][]).map((row) =>
      workItemFromArray(row, row[4] == null ? {} : exactJson(row[4] as string)),
    ),
  );
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

/** Trial.from_row: NULL start/injection/end → "", NULL ticket/resolved stay null; NULL JSON → default. */
function toTrialRecord(row: unknown[]): TrialRecord {
  return {
    id: row[0] as number,
    campaignId: row[1] as number,
    startedAt: timestamp(row[2]) ?? '',
    chaosInjectedAt: timestamp(row[3]) ?? '',
    ticketCreatedAt: timestamp(row[4]),
    resolvedAt: timestamp(row[5]),
    endedAt: timestamp(row[6]) ?? '',
    finalState: row[7],
    chaosMetadata: row[8],
    ...commandFields(row[9], row[10], row[11]),
  };
}

/** jsonb text decoded as Python's json.loads would (`50.0` a PyFloat); kept as text if it cannot be. */
function exactJson(text: string): unknown {
  try {
    return pyJsonLoads(text);
  } catch {
    return new JsonText(text);
  }
}

function timestamp(value: unknown): string | null {
  return typeof value === 'string' ? asyncpgTimestamp(value) : null;
}

function commandFields(
  raw: unknown,
  count: unknown,
  unique: unknown,
): Pick<TrialRecord, 'commands' | 'commandStats'> {
  if (count === null || count === undefined) return { commands: new JsonText(raw as string) };
  return { commands: [], commandStats: { count: Number(count), unique: Number(unique) } };
}

function workItemFromArray(row: unknown[], chaosParams: unknown = row[4] ?? {}): WorkItemRecord {
  return {
    id: row[0] as number,
    campaignId: row[1] as number,
    subjectType: row[2] as string,
    chaosType: row[3] as string,
    chaosParams,
    baseline: Boolean(row[5]),
    status: (row[6] as string | null) ?? '',
    workerId: row[7] as string | null,
    claimedAt: row[8] as string | null,
    completedAt: row[9] as string | null,
    trialId: row[10] as number | null,
    error: row[11] as string | null,
    sequenceNumber: row[12] as number | null,
    vmName: row[13] as string | null,
    resolutionTimeout: row[14] as number | null,
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

function arrayQuery(text: string, values: unknown[]): pg.QueryConfig {
  return { text, values, types: EVAL_TYPES, rowMode: 'array' } as pg.QueryConfig;
}

function isInt4(id: number): boolean {
  return Number.isInteger(id) && id >= -MAX_INT4 - 1 && id <= MAX_INT4;
}

/**
 * One REPEATABLE READ snapshot when we own the connection, so the three reads agree; a
 * caller-supplied client is used as is (it may already be inside the caller's transaction).
 */
function inSnapshot<T>(db: Queryable, fn: (session: Queryable) => Promise<T>): Promise<T> {
  return withSession(db, async (session, owned) => {
    if (!owned) return fn(session);
    await session.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
    try {
      const result = await fn(session);
      await session.query({ text: 'COMMIT' });
      return result;
    } catch (error) {
      await session.query({ text: 'ROLLBACK' }).catch(() => undefined);
      throw error;
    }
  });
}
