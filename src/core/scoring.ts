import { decodeJsonColumn, isPlainObject, JsonColumnError, pythonTruthy } from './json.js';
import type { TrialRecord } from './records.js';
import { computeDurationSeconds, TimestampError } from './time.js';

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
   * Rows on which upstream's own code would raise instead of scoring (it crashes the whole
   * `eval analyze`); we score them as upstream's guards intend and say why here.
   */
  anomalies: string[];
}

/**
 * Upstream `is_final_state_healthy`: TiKV needs a non-empty `stores` list all `Up`; chat-db-app
 * needs `app.status == "healthy"` without `app.error`; other subjects are healthy when the state
 * is truthy. Unparsable JSON is unhealthy.
 */
export function isFinalStateHealthy(
  finalState: unknown,
  subjectName: string,
  anomalies: string[] = [],
): boolean {
  let state: unknown;
  try {
    state = decodeJsonColumn(finalState, {});
  } catch (error) {
    if (error instanceof JsonColumnError) return false;
    throw error;
  }
  const subject = subjectName.toLowerCase();
  if (subject === 'tikv') {
    if (!isPlainObject(state)) return unscorable(anomalies, 'final_state is not a JSON object');
    const stores = state.stores ?? [];
    if (!pythonTruthy(stores)) return false;
    if (!Array.isArray(stores) || !stores.every(isPlainObject)) {
      return unscorable(anomalies, 'final_state.stores is not a list of objects');
    }
    return stores.every((store) => store.state_name === 'Up');
  }
  if (subject === 'chat-db-app' || subject === 'chat-db-app-shard') {
    if (!isPlainObject(state)) return unscorable(anomalies, 'final_state is not a JSON object');
    const app = state.app ?? {};
    if (isPlainObject(app) && pythonTruthy(app.error)) return false;
    return isPlainObject(app) && app.status === 'healthy';
  }
  return pythonTruthy(state);
}

function unscorable(anomalies: string[], reason: string): false {
  anomalies.push(`${reason} (upstream scoring raises here; scored as unhealthy)`);
  return false;
}

/** Upstream `score_trial` with the deterministic (non-LLM) command counts. */
export function scoreTrial(
  trial: TrialRecord,
  subjectName: string,
  localUtcOffsetMinutes: number,
): TrialScore {
  const anomalies: string[] = [];
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
  const { count, unique } =
    trial.commandStats ?? countCommands(decodeCommands(trial.commands, anomalies));
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

function duration(
  start: string,
  end: string | null,
  offset: number,
  field: string,
  anomalies: string[],
): number | null {
  try {
    return computeDurationSeconds(start, end, offset);
  } catch (error) {
    if (!(error instanceof TimestampError)) throw error;
    anomalies.push(`${field}: ${error.message} (upstream raises; time left empty)`);
    return null;
  }
}

/** The agent's tool calls; an unreadable column counts as none and is reported. */
export function decodeCommands(value: unknown, anomalies: string[] = []): unknown[] {
  try {
    const commands = decodeJsonColumn(value, []);
    if (Array.isArray(commands)) return commands;
    anomalies.push('commands_json is not a JSON list (upstream raises; counted as 0 commands)');
  } catch (error) {
    if (!(error instanceof JsonColumnError)) throw error;
    anomalies.push(`commands_json is not valid JSON: ${error.message}`);
  }
  return [];
}

function countCommands(commands: unknown[]): { count: number; unique: number } {
  return { count: commands.length, unique: countUniqueToolParams(commands) };
}

/** `len(set(c.get("tool_params", "") for c in commands))`. */
function countUniqueToolParams(commands: unknown[]): number {
  const seen = new Set<string>();
  for (const command of commands) {
    const params = isPlainObject(command) && 'tool_params' in command ? command.tool_params : '';
    seen.add(typeof params === 'string' ? `s:${params}` : `j:${JSON.stringify(params)}`);
  }
  return seen.size;
}
