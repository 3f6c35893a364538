/** SQL and row mapping shared by the readers of the upstream tables (eval-reader, campaign-snapshot). */
import type pg from 'pg';
import { JsonText } from '../core/json.js';
import { pyJsonLoads } from '../core/py-json.js';
import type { TrialRecord, WorkItemRecord } from '../core/records.js';
import { asyncpgTimestamp } from '../core/time.js';
import { EVAL_TYPES } from './pool.js';

export const MAX_INT4 = 2_147_483_647;

// Only the columns TrialRecord needs: initial_state and operator_data_json can be megabytes per row.
// SQL NULL JSON becomes upstream's default text ('{}' / '[]'), so a NULL here is JSON `null`.
// Commands are counted here when every item is an object whose tool_params is absent or a string
// (then jsonb string equality is Python's); any other shape is sent as its exact jsonb text, which
// core/scoring.ts reads as upstream does (Python equality of 1, 1.0 and true; raising shapes).
// Transferring and parsing every command list was 40% of loading a 100,000-trial campaign; the
// shape check and both counts are one pass over the list.
/** Whether the commands of the row are counted in SQL (see TRIAL_FIELDS). */
export const SIMPLE_COMMANDS = `(jsonb_typeof(d.cj) = 'array' AND COALESCE(s.plain, true))`;
/** The columns `toTrialRecord` reads, in its order; FROM TRIAL_SOURCE. */
export const TRIAL_FIELDS = `t.id, t.started_at, t.chaos_injected_at, t.ticket_created_at,
  t.resolved_at, t.ended_at, COALESCE(t.final_state, '{}'::jsonb),
  COALESCE(t.chaos_metadata, '{}'::jsonb),
  CASE WHEN ${SIMPLE_COMMANDS} THEN NULL ELSE d.cj::text END,
  CASE WHEN ${SIMPLE_COMMANDS} THEN s.count END,
  CASE WHEN ${SIMPLE_COMMANDS} THEN s.dist END`;
export const TRIAL_FIELD_COUNT = 11;
export const TRIAL_SOURCE = `trials t
  CROSS JOIN LATERAL (SELECT COALESCE(t.commands_json, '[]'::jsonb) AS cj) AS d
  CROSS JOIN LATERAL (
    SELECT count(*) AS count,
           count(DISTINCT COALESCE(c -> 'tool_params', '""'::jsonb)) AS dist,
           bool_and(jsonb_typeof(c) = 'object'
                    AND jsonb_typeof(COALESCE(c -> 'tool_params', '""'::jsonb)) = 'string') AS plain
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d.cj) = 'array' THEN d.cj ELSE '[]' END) AS c
  ) AS s`;

const FINAL_STATE = `COALESCE(t.final_state, '{}'::jsonb)`;
// The stores' state names, when every store is an object with one (`strict` fails otherwise,
// silently giving []): all a tikv campaign's health reads, a tenth of the state's text.
const STATE_NAMES = `CASE WHEN jsonb_typeof(${FINAL_STATE} -> 'stores') = 'array' THEN
    CASE WHEN jsonb_array_length(n.names) = jsonb_array_length(${FINAL_STATE} -> 'stores')
      THEN n.names::text END END`;

/**
 * The analysis stream's columns: TRIAL_FIELDS' first eight (timestamps and JSON), then the commands
 * as the tool_params of every item (`strict` fails, silently giving [], unless every item is an
 * object with tool_params) or, when that is not the whole list, the list's exact text. Node counts
 * the distinct params (distinctCount): counting them per row in SQL was most of the query's time.
 * With `storeNames` (tikv campaigns) the final state comes as its stores' state names instead
 * (column 10), whole only when a store has none.
 */
export function streamTrialFields(storeNames: boolean): string {
  return `t.id, t.started_at, t.chaos_injected_at, t.ticket_created_at,
  t.resolved_at, t.ended_at,
  ${storeNames ? `CASE WHEN sn.names IS NULL THEN ${FINAL_STATE} END` : FINAL_STATE},
  COALESCE(t.chaos_metadata, '{}'::jsonb),
  CASE WHEN jsonb_typeof(d.cj) <> 'array' THEN d.cj::text
       WHEN jsonb_array_length(p.params) <> jsonb_array_length(d.cj) THEN d.cj::text END,
  CASE WHEN jsonb_typeof(d.cj) <> 'array' THEN NULL
       WHEN jsonb_array_length(p.params) = jsonb_array_length(d.cj) THEN p.params::text END,
  ${storeNames ? 'sn.names' : 'NULL::text'}`;
}
export const STREAM_TRIAL_FIELD_COUNT = 11;
export function streamTrialSource(storeNames: boolean): string {
  return `trials t
  CROSS JOIN LATERAL (SELECT COALESCE(t.commands_json, '[]'::jsonb) AS cj) AS d
  CROSS JOIN LATERAL jsonb_path_query_array(d.cj, 'strict $[*].tool_params', '{}', true) AS p(params)${
    storeNames
      ? `
  CROSS JOIN LATERAL jsonb_path_query_array(${FINAL_STATE}, 'strict $.stores[*].state_name', '{}', true) AS n(names)
  CROSS JOIN LATERAL (SELECT ${STATE_NAMES} AS names) AS sn`
      : ''
  }`;
}

/**
 * A row of streamTrialFields as the analysis reads it (Trial.from_row, see toTrialRecord).
 * `storesOf` turns the state names text into the final state's stores (callers share equal ones).
 */
export function toStreamedTrialRecord(
  row: unknown[],
  campaignId: number,
  storesOf: (stateNames: string) => unknown = finalStateOfNames,
): TrialRecord {
  return {
    ...trialStart(row, campaignId),
    finalState: row[10] == null ? row[6] : storesOf(row[10] as string),
    chaosMetadata: row[7],
    ...streamedCommands(row[8] as string | null, row[9] as string | null),
  };
}

/** Distinct strings: compared pairwise for short lists (no Set to allocate per trial). */
function distinctCount(values: readonly unknown[]): number {
  if (values.length > 16) return new Set(values).size;
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = values[j] === values[i];
    if (!seen) distinct += 1;
  }
  return distinct;
}

/** `{"stores": [{"state_name": …}, …]}`: the part of a final state tikv's health rule reads. */
export function finalStateOfNames(stateNames: string): unknown {
  const names = JSON.parse(stateNames) as unknown[];
  return { stores: names.map((name) => ({ state_name: name })) };
}

function streamedCommands(
  raw: string | null,
  params: string | null,
): Pick<TrialRecord, 'commands' | 'commandStats'> {
  if (params === null) return { commands: new JsonText(raw ?? '[]') };
  const values = JSON.parse(params) as unknown[];
  if (values.every((value) => typeof value === 'string')) {
    return { commands: [], commandStats: { count: values.length, unique: distinctCount(values) } };
  }
  // Numbers, booleans, lists: Python's equality and hashing decide, on the exact values; only
  // tool_params is read of each item, so the items are rebuilt around it.
  let exact: unknown[];
  try {
    exact = pyJsonLoads(params) as unknown[];
  } catch {
    // An int Python refuses to parse (over 4,300 digits): json.loads of the whole list raises the
    // same ValueError, which scoring reports.
    return { commands: new JsonText(params) };
  }
  return { commands: exact.map((value) => ({ tool_params: value })) };
}

// chaos_params as its exact jsonb text: JSON.parse would turn `50.0` into 50 and round big ints.
export const WORK_ITEM_SELECT = `id, campaign_id, subject_type, chaos_type, chaos_params::text, baseline,
  status, worker_id, claimed_at, completed_at, trial_id, error, sequence_number, vm_name,
  resolution_timeout`;

/**
 * Trial.from_row: NULL start/injection/end → "", NULL ticket/resolved stay null; NULL JSON →
 * default. `row` starts with TRIAL_FIELDS.
 */
export function toTrialRecord(row: unknown[], campaignId: number): TrialRecord {
  return {
    ...trialStart(row, campaignId),
    finalState: row[6],
    chaosMetadata: row[7],
    ...commandFields(row[8], row[9], row[10]),
  };
}

/** jsonb text decoded as Python's json.loads would (`50.0` a PyFloat); kept as text if it cannot be. */
export function exactJson(text: string): unknown {
  try {
    return pyJsonLoads(text);
  } catch {
    return new JsonText(text);
  }
}

/** Id and timestamps of a row starting with TRIAL_FIELDS' first six columns. */
function trialStart(
  row: unknown[],
  campaignId: number,
): Pick<
  TrialRecord,
  | 'id'
  | 'campaignId'
  | 'startedAt'
  | 'chaosInjectedAt'
  | 'ticketCreatedAt'
  | 'resolvedAt'
  | 'endedAt'
> {
  return {
    id: row[0] as number,
    campaignId,
    startedAt: timestamp(row[1]) ?? '',
    chaosInjectedAt: timestamp(row[2]) ?? '',
    ticketCreatedAt: timestamp(row[3]),
    resolvedAt: timestamp(row[4]),
    endedAt: timestamp(row[5]) ?? '',
  };
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

export function workItemFromArray(
  row: unknown[],
  chaosParams: unknown = row[4] ?? {},
): WorkItemRecord {
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

/** A row of WORK_ITEM_SELECT with its params decoded exactly. */
export function workItemFromSelect(row: unknown[]): WorkItemRecord {
  return workItemFromArray(row, row[4] == null ? {} : exactJson(row[4] as string));
}

export function arrayQuery(text: string, values: unknown[]): pg.QueryConfig {
  return { text, values, types: EVAL_TYPES, rowMode: 'array' } as pg.QueryConfig;
}

export function isInt4(id: number): boolean {
  return Number.isInteger(id) && id >= -MAX_INT4 - 1 && id <= MAX_INT4;
}
