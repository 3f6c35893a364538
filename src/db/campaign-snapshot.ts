/**
 * One campaign read for analysis in constant memory: work items summed up in SQL, trials streamed
 * row by row to the caller as they arrive, evidence rows fetched by id at the end.
 */
import pg from 'pg';
import type {
  CampaignRecord,
  TrialRecord,
  TrialWorkItem,
  WorkItemGroup,
  WorkItemRecord,
  WorkItemSummary,
} from '../core/records.js';
import {
  arrayQuery,
  exactJson,
  SIMPLE_COMMANDS,
  finalStateOfNames,
  STREAM_TRIAL_FIELD_COUNT,
  streamTrialFields,
  streamTrialSource,
  TRIAL_FIELD_COUNT,
  TRIAL_FIELDS,
  TRIAL_SOURCE,
  toStreamedTrialRecord,
  toTrialRecord,
  WORK_ITEM_SELECT,
  workItemFromSelect,
} from './eval-rows.js';
import { EVAL_TYPES, type Queryable } from './pool.js';
import { healthReadsOnlyStoreStates } from '../core/scoring.js';

export interface CampaignSnapshot {
  campaign: CampaignRecord;
  workItems: WorkItemSummary;
  /**
   * Hands each trial, with the work item it came from, to `visit` as its row arrives, in no
   * particular order; `visit` keeps what it needs (nothing else of the row outlives the call).
   */
  forEachTrial(
    visit: (trial: TrialRecord, workItem: TrialWorkItem | undefined) => void,
  ): Promise<void>;
  /** Full rows of these trials and their work items, with their first `commandLimit` commands. */
  evidence(
    trialIds: readonly number[],
    commandLimit: number,
  ): Promise<Map<number, { trial: TrialRecord; workItem: WorkItemRecord | undefined }>>;
}

/**
 * From this many work items the planner is told that parallel workers cost nothing to start or to
 * hand rows over (it prices a 100,000-row result too high to split). Their scans, joins and JSON
 * paths then run on several cores: 100,000 trials stream in about 60% of the time, 10,000 in 70%.
 * Below it starting workers is about what they save.
 */
export const PARALLEL_FROM_ITEMS = 10_000;
const PARALLEL_SETTINGS = [
  'parallel_setup_cost',
  'parallel_tuple_cost',
  // The campaign is what is read, not the whole table or index these sizes are compared with.
  'min_parallel_table_scan_size',
  'min_parallel_index_scan_size',
];
/** Decoded JSON texts kept for reuse (final states and params repeat across trials). */
const MEMO_ENTRIES = 512;
const MEMO_MAX_TEXT = 4_096;
const JSON_OID = 114;
const JSONB_OID = 3802;

/**
 * The analysis stream: each trial with the work item indexWorkItemsByTrial picks for it, the
 * campaign's last (highest id). An anti-join (hashes) rather than DISTINCT ON, whose sort spills to
 * disk for large campaigns. Run after planTrialStream.
 */
export const trialStreamQuery = (
  storeNames: boolean,
) => `SELECT ${streamTrialFields(storeNames)}, w.id,
    w.subject_type, w.chaos_type, w.chaos_params::text, w.baseline
  FROM ${streamTrialSource(storeNames)}
  LEFT JOIN (
    SELECT trial_id, id, subject_type, chaos_type, chaos_params, baseline
    FROM work_queue AS w1
    WHERE campaign_id = $1 AND trial_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM work_queue AS w2
      WHERE w2.campaign_id = $1 AND w2.trial_id = w1.trial_id AND w2.id > w1.id)
  ) AS w ON w.trial_id = t.id
  WHERE t.campaign_id = $1`;

// One row per (subject, chaos type, params text, baseline), in order of its first work item.
const GROUPS_QUERY = `SELECT subject_type, chaos_type, chaos_params::text, COALESCE(baseline, false),
    max(resolution_timeout), count(*),
    count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'running'),
    count(*) FILTER (WHERE status = 'completed'), count(*) FILTER (WHERE status = 'failed')
  FROM work_queue WHERE campaign_id = $1
  GROUP BY 1, 2, 3, 4
  ORDER BY min(id)`;

/** `session` is inside a REPEATABLE READ READ ONLY transaction when `owned`. */
export async function openSnapshot(
  session: Queryable,
  owned: boolean,
  campaign: CampaignRecord,
): Promise<CampaignSnapshot> {
  const workItems = await summarizeWorkItems(session, campaign.id);
  return {
    campaign,
    workItems,
    forEachTrial: (visit) => streamTrials(session, owned, campaign, workItems, visit),
    evidence: (ids, limit) => selectEvidence(session, campaign.id, ids, limit),
  };
}

async function summarizeWorkItems(db: Queryable, campaignId: number): Promise<WorkItemSummary> {
  const params = memo(exactJson);
  const { rows } = await db.query(arrayQuery(GROUPS_QUERY, [campaignId]));
  const statuses = { total: 0, pending: 0, running: 0, completed: 0, failed: 0 };
  const groups = (rows as unknown[][]).map((row): WorkItemGroup => {
    statuses.total += Number(row[5]);
    statuses.pending += Number(row[6]);
    statuses.running += Number(row[7]);
    statuses.completed += Number(row[8]);
    statuses.failed += Number(row[9]);
    return {
      subjectType: row[0] as string,
      chaosType: row[1] as string,
      chaosParams: row[2] == null ? {} : params(row[2] as string),
      baseline: row[3] as boolean,
      resolutionTimeout: row[4] as number | null,
    };
  });
  const broken = await db.query(
    arrayQuery(
      `SELECT ${WORK_ITEM_SELECT} FROM work_queue
       WHERE campaign_id = $1 AND status = 'failed' AND trial_id IS NULL ORDER BY id`,
      [campaignId],
    ),
  );
  return { groups, statuses, broken: (broken.rows as unknown[][]).map(workItemFromSelect) };
}

async function streamTrials(
  db: Queryable,
  owned: boolean,
  campaign: CampaignRecord,
  workItems: WorkItemSummary,
  visit: (trial: TrialRecord, workItem: TrialWorkItem | undefined) => void,
): Promise<void> {
  const campaignId = campaign.id;
  const storeNames = healthReadsOnlyStoreStates(campaign.subjectName);
  const params = memo(exactJson);
  const stores = memo(finalStateOfNames);
  const visitRow = (row: unknown[]): void => {
    const i = STREAM_TRIAL_FIELD_COUNT;
    const workId = row[i] as number | null;
    visit(
      toStreamedTrialRecord(row, campaignId, stores),
      workId === null
        ? undefined
        : {
            id: workId,
            subjectType: row[i + 1] as string,
            chaosType: row[i + 2] as string,
            chaosParams: row[i + 3] == null ? {} : params(row[i + 3] as string),
            baseline: Boolean(row[i + 4]),
          },
    );
  };
  if (owned) await planTrialStream(db, workItems.statuses.total);
  const query = {
    text: trialStreamQuery(storeNames),
    values: [campaignId],
    types: memoJsonTypes(),
  };
  await forEachRow(db, query, visitRow);
}

/**
 * Planner settings for trialStreamQuery, local to the snapshot's transaction, in one round trip
 * (the history reads up to ten campaigns, on links where a round trip can take 20 ms).
 *
 * Nested loops are off: a campaign is usually read just after it finished, before autovacuum has
 * analysed its rows, so the statistics know nothing of it and the planner expects one row. It then
 * nests loops over the campaign's work items inside the loop over its trials, work that grows with
 * the cube of the campaign: 0.5 s for 100 trials, 20 s for 300, so past the 60 s statement timeout
 * from about 450. Hash joins cost about the same for a one-row campaign. (The JSON laterals still
 * nest: there is no other way to run them.)
 */
export async function planTrialStream(db: Queryable, workItemCount: number): Promise<void> {
  const settings = [['enable_nestloop', 'off']];
  if (workItemCount >= PARALLEL_FROM_ITEMS) {
    for (const setting of PARALLEL_SETTINGS) settings.push([setting, '0']);
  }
  await db.query({
    text: `SELECT ${settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
    values: settings.flat(),
  });
}

/**
 * Runs `query` and hands each row to `visit` as it arrives, keeping none: memory stays flat
 * whatever the result's size, and no cursor is needed (a cursor's plan cannot use parallel
 * workers). A first error of `visit` fails the query once the server has finished it. Sessions
 * that are not a pg client get one result, visited row by row. The whole stream is one statement,
 * so statement_timeout bounds it (60 s by default; 100,000 trials take about 2 s).
 */
async function forEachRow(
  db: Queryable,
  query: { text: string; values: unknown[]; types: pg.CustomTypesConfig },
  visit: (row: unknown[]) => void,
): Promise<void> {
  const config = { ...query, rowMode: 'array' } as pg.QueryConfig;
  if (!(db instanceof pg.Client)) {
    const { rows } = await db.query(config);
    for (const row of rows as unknown[][]) visit(row);
    return;
  }
  let failure: { error: unknown } | undefined;
  await new Promise<void>((resolve, reject) => {
    const rows = new pg.Query(config, (error) => {
      if (error) reject(error);
      else if (failure) reject(failure.error);
      else resolve();
    });
    rows.on('row', (row: unknown[], result) => {
      // pg also collects the rows of a query that has a callback (its query_timeout adds one).
      if (result) result.rows.length = 0;
      if (failure) return;
      try {
        visit(row);
      } catch (error) {
        failure = { error };
      }
    });
    db.query(rows);
  });
}

async function selectEvidence(
  db: Queryable,
  campaignId: number,
  trialIds: readonly number[],
  commandLimit: number,
): Promise<Map<number, { trial: TrialRecord; workItem: WorkItemRecord | undefined }>> {
  const found = new Map<number, { trial: TrialRecord; workItem: WorkItemRecord | undefined }>();
  if (trialIds.length === 0) return found;
  const trials = await db.query(
    arrayQuery(
      `SELECT ${TRIAL_FIELDS},
         CASE WHEN ${SIMPLE_COMMANDS}
           THEN jsonb_path_query_array(d.cj, ('$[0 to ' || ($3::int - 1) || ']')::jsonpath) END
       FROM ${TRIAL_SOURCE} WHERE t.campaign_id = $1 AND t.id = ANY($2::int[])`,
      [campaignId, trialIds, commandLimit],
    ),
  );
  const items = await db.query(
    arrayQuery(
      `SELECT ${WORK_ITEM_SELECT} FROM work_queue
       WHERE campaign_id = $1 AND trial_id = ANY($2::int[]) ORDER BY id`,
      [campaignId, trialIds],
    ),
  );
  const itemsByTrial = new Map<number, WorkItemRecord>();
  for (const row of items.rows as unknown[][]) {
    const item = workItemFromSelect(row);
    itemsByTrial.set(item.trialId!, item);
  }
  for (const row of trials.rows as unknown[][]) {
    const trial = toTrialRecord(row, campaignId);
    const prefix = row[TRIAL_FIELD_COUNT];
    if (trial.commandStats && prefix != null) trial.commands = prefix;
    found.set(trial.id, { trial, workItem: itemsByTrial.get(trial.id) });
  }
  return found;
}

/** JSON columns parsed as pg does (JSON.parse), each distinct short text once per stream. */
function memoJsonTypes(): pg.CustomTypesConfig {
  const parse = memo((text: string) => JSON.parse(text) as unknown);
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === JSONB_OID || oid === JSON_OID
        ? parse
        : EVAL_TYPES.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/**
 * `decode` with its results reused for equal short texts. The values are shared between rows, so
 * nothing may modify them (the analysis only reads them).
 */
function memo(decode: (text: string) => unknown): (text: string) => unknown {
  const cache = new Map<string, unknown>();
  return (text) => {
    if (text.length > MEMO_MAX_TEXT) return decode(text);
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit;
    const value = decode(text);
    if (cache.size >= MEMO_ENTRIES) cache.clear();
    cache.set(text, value);
    return value;
  };
}
