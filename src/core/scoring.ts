import { decodeJsonColumnRaw } from './json.js';
import {
  isPyDict,
  pyGet,
  pyHashKey,
  pyIter,
  pyLen,
  PyException,
  pyTruthy,
  pyTypeName,
} from './py-json.js';
import type { TrialRecord } from './records.js';
import { computeDurationSeconds, pythonDatetimeProblem, TimestampError } from './time.js';

/** Upstream `TrialOutcome` (eval/src/eval/analysis/types.py). */
export type Outcome = 'success' | 'failure' | 'timeout';

export interface TrialScore {
  trialId: number;
  outcome: Outcome;
  resolved: boolean;
  finalHealthy: boolean;
  timeToDetectSec: number | null;
  timeToResolveSec: number | null;
  commandCount: number;
  uniqueCommands: number;
  /**
   * Why upstream's own code raises on this row instead of scoring it (which stops `eval analyze`
   * for the whole campaign). We still score it as upstream's guards intend and say so here.
   */
  anomalies: string[];
}

/** Suffix of every anomaly: the consequence for upstream. */
const UPSTREAM_FAILS = 'upstream raises here, so `eval analyze` fails for the whole campaign';

function raised(anomalies: string[], field: string, error: PyException, fallback: string): void {
  anomalies.push(`${field}: ${error.message} — ${UPSTREAM_FAILS}; ${fallback}`);
}

/**
 * Upstream `is_final_state_healthy`, step for step with the same short-circuits: decode errors are
 * unhealthy (upstream catches JSONDecodeError/TypeError), a non-dict state for tikv/chat-db-app and
 * a store that is not a dict before any non-`Up` store raise (listed in `anomalies`).
 */
export function isFinalStateHealthy(
  finalState: unknown,
  subjectName: string,
  anomalies: string[] = [],
): boolean {
  try {
    return finalStateHealthy(finalState, subjectName);
  } catch (error) {
    if (!(error instanceof PyException)) throw error;
    raised(anomalies, 'final_state', error, 'scored as unhealthy');
    return false;
  }
}

/** Whether the health of `subjectName`'s trials reads nothing but `stores[*].state_name`. */
export function healthReadsOnlyStoreStates(subjectName: string): boolean {
  return subjectName.toLowerCase() === 'tikv';
}

function finalStateHealthy(finalState: unknown, subjectName: string): boolean {
  let state: unknown;
  try {
    state = decodeJsonColumnRaw(finalState, {});
  } catch (error) {
    // Upstream catches these two; ValueError (over-long int) escapes.
    if (error instanceof PyException && error.pyType === 'JSONDecodeError') return false;
    throw error;
  }
  const subject = subjectName.toLowerCase();
  if (healthReadsOnlyStoreStates(subject)) {
    const stores = pyGet(state, 'stores', []);
    if (!pyTruthy(stores)) return false;
    for (const store of pyIter(stores)) {
      if (pyGet(store, 'state_name', null) !== 'Up') return false;
    }
    return true;
  }
  if (subject === 'chat-db-app' || subject === 'chat-db-app-shard') {
    const app = pyGet(state, 'app', {});
    if (isPyDict(app) && pyTruthy(app.error ?? null)) return false;
    return isPyDict(app) && app.status === 'healthy';
  }
  return pyTruthy(state);
}

/** Upstream `score_trial` with the deterministic (non-LLM) command counts. */
export function scoreTrial(
  trial: TrialRecord,
  subjectName: string,
  localUtcOffsetMinutes: number,
): TrialScore {
  const anomalies: string[] = [];
  checkReadable(trial, anomalies);
  const timeToDetectSec = duration(
    trial.chaosInjectedAt,
    trial.ticketCreatedAt,
    localUtcOffsetMinutes,
    'ticket_created_at',
    anomalies,
  );
  const timeToResolveSec = duration(
    trial.chaosInjectedAt,
    trial.resolvedAt,
    localUtcOffsetMinutes,
    'resolved_at',
    anomalies,
  );
  const finalHealthy = isFinalStateHealthy(trial.finalState, subjectName, anomalies);
  const resolved = trial.resolvedAt !== null && finalHealthy;
  const outcome: Outcome = resolved
    ? 'success'
    : trial.resolvedAt === null && !finalHealthy
      ? 'timeout'
      : 'failure';
  const { count, unique } = trial.commandStats ?? countCommands(trial.commands, anomalies);
  return {
    trialId: trial.id,
    outcome,
    resolved,
    finalHealthy,
    timeToDetectSec,
    timeToResolveSec,
    commandCount: count,
    uniqueCommands: unique,
    anomalies,
  };
}

const TIMESTAMP_FIELDS = [
  ['started_at', 'startedAt'],
  ['chaos_injected_at', 'chaosInjectedAt'],
  ['ticket_created_at', 'ticketCreatedAt'],
  ['resolved_at', 'resolvedAt'],
  ['ended_at', 'endedAt'],
] as const;

/** asyncpg cannot turn a timestamp outside Python's years 1–9999 into a datetime: reading the row raises. */
function checkReadable(trial: TrialRecord, anomalies: string[]): void {
  for (const [column, field] of TIMESTAMP_FIELDS) {
    const text = trial[field];
    const problem = text ? pythonDatetimeProblem(text) : null;
    if (problem !== null) {
      anomalies.push(
        `${column}: ${JSON.stringify(text)} ${problem}: asyncpg raises OverflowError reading the trial — ${UPSTREAM_FAILS}; the time is left empty`,
      );
    }
  }
}

function duration(
  start: string,
  end: string | null,
  offset: number,
  field: string,
  anomalies: string[],
): number | null {
  if ((start && pythonDatetimeProblem(start)) || (end && pythonDatetimeProblem(end))) return null;
  try {
    return computeDurationSeconds(start, end, offset);
  } catch (error) {
    if (error instanceof TimestampError) {
      anomalies.push(`${field}: ${error.message} — ${UPSTREAM_FAILS}; the time is left empty`);
      return null;
    }
    throw error;
  }
}

/**
 * `commands = safe_json_loads(commands_json, [])`, `len(commands)` and
 * `len(set(c.get("tool_params", "") for c in commands))`, raising where Python raises. On a raise
 * the row counts the list's length (0 for anything else) and the distinct hashable params.
 */
function countCommands(value: unknown, anomalies: string[]): { count: number; unique: number } {
  let commands: unknown;
  try {
    commands = decodeJsonColumnRaw(value, []);
  } catch (error) {
    if (!(error instanceof PyException)) throw error;
    raised(anomalies, 'commands_json', error, 'counted as 0 commands');
    return { count: 0, unique: 0 };
  }
  try {
    const count = pyLen(commands);
    const seen = new Set<string>();
    for (const command of pyIter(commands)) seen.add(pyHashKey(pyGet(command, 'tool_params', '')));
    return { count, unique: seen.size };
  } catch (error) {
    if (!(error instanceof PyException)) throw error;
    const shape = Array.isArray(commands)
      ? 'a list whose items are not all dicts with hashable tool_params'
      : `a JSON ${pyTypeName(commands)}, not a list`;
    raised(anomalies, 'commands_json', error, `it is ${shape}; counted leniently`);
    return lenientCounts(commands);
  }
}

function lenientCounts(commands: unknown): { count: number; unique: number } {
  if (!Array.isArray(commands)) return { count: 0, unique: 0 };
  const seen = new Set<string>();
  for (const command of commands) {
    try {
      seen.add(pyHashKey(pyGet(command, 'tool_params', '')));
    } catch {
      // skipped: upstream raises on it
    }
  }
  return { count: commands.length, unique: seen.size };
}

/** The agent's tool calls for evidence; an unreadable column counts as none. */
export function decodeCommands(value: unknown): unknown[] {
  try {
    const commands = decodeJsonColumnRaw(value, []);
    return Array.isArray(commands) ? commands : [];
  } catch (error) {
    if (error instanceof PyException) return [];
    throw error;
  }
}
