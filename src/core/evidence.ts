import { decodeJsonColumn, isPlainObject } from './json.js';
import type { TrialRecord, WorkItemRecord } from './records.js';
import { decodeCommands } from './scoring.js';
import { toIsoString } from './time.js';

export interface TrialEvidence {
  started_at: string;
  chaos_injected_at: string;
  ticket_created_at: string | null;
  resolved_at: string | null;
  ended_at: string;
  chaos_target: string | null;
  /** Commands as `eval show --trial` prints them: the `command` of each tool call, ≤ 80 chars. */
  commands: string[];
  commands_total: number;
  stores_not_up: string[];
  final_state: 'empty' | 'unparsable' | 'present';
  work_item_error: string | null;
  worker_id: string | null;
  vm_name: string | null;
  reproduce: string;
}

const MAX_COMMANDS = 10;
const MAX_COMMAND_LENGTH = 80;

export function describeEvidence(
  trial: TrialRecord,
  workItem: WorkItemRecord | undefined,
): TrialEvidence {
  const commands = decodeCommands(trial.commands);
  const total = trial.commandStats?.count ?? commands.length;
  const { storesNotUp, finalState } = describeFinalState(trial.finalState);
  return {
    started_at: iso(trial.startedAt),
    chaos_injected_at: iso(trial.chaosInjectedAt),
    ticket_created_at: trial.ticketCreatedAt === null ? null : iso(trial.ticketCreatedAt),
    resolved_at: trial.resolvedAt === null ? null : iso(trial.resolvedAt),
    ended_at: iso(trial.endedAt),
    chaos_target: chaosTarget(trial.chaosMetadata),
    commands: commands.slice(0, MAX_COMMANDS).map(commandText),
    commands_total: total,
    stores_not_up: storesNotUp,
    final_state: finalState,
    work_item_error: workItem?.error ?? null,
    worker_id: workItem?.workerId ?? null,
    vm_name: workItem?.vmName ?? null,
    reproduce: `uv run eval show --trial ${trial.id} --remote`,
  };
}

function iso(text: string): string {
  try {
    return toIsoString(text);
  } catch {
    return text;
  }
}

function commandText(command: unknown): string {
  let text: string;
  if (!isPlainObject(command)) text = JSON.stringify(command) ?? '';
  else {
    const params = parseMaybeJson(command.tool_params);
    if (isPlainObject(params) && typeof params.command === 'string') text = params.command;
    else if (typeof params === 'string' && params) text = params;
    else text = `${String(command.tool_name ?? 'tool')} ${JSON.stringify(params ?? {})}`;
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_COMMAND_LENGTH ? `${text.slice(0, MAX_COMMAND_LENGTH)}...` : text;
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function describeFinalState(value: unknown): {
  storesNotUp: string[];
  finalState: TrialEvidence['final_state'];
} {
  let state: unknown;
  try {
    state = decodeJsonColumn(value, {});
  } catch {
    return { storesNotUp: [], finalState: 'unparsable' };
  }
  if (!isPlainObject(state)) return { storesNotUp: [], finalState: 'present' };
  if (Object.keys(state).length === 0) return { storesNotUp: [], finalState: 'empty' };
  const stores = Array.isArray(state.stores) ? state.stores.filter(isPlainObject) : [];
  const storesNotUp = stores
    .filter((store) => store.state_name !== 'Up')
    .map(
      (store) =>
        `store ${String(store.id ?? '?')} (${String(store.address ?? 'unknown address')}): ${String(store.state_name ?? 'no state')}`,
    );
  if (typeof state.error === 'string') storesNotUp.push(`state capture error: ${state.error}`);
  return { storesNotUp, finalState: 'present' };
}

function chaosTarget(metadata: unknown): string | null {
  try {
    const decoded = decodeJsonColumn(metadata, {});
    if (!isPlainObject(decoded)) return null;
    for (const key of ['target_container', 'target_ip', 'target_store_id', 'chaos_container']) {
      if (decoded[key] !== undefined && decoded[key] !== null) return String(decoded[key]);
    }
  } catch {
    // unreadable metadata has no target to show
  }
  return null;
}

/** Fills in evidence commands fetched after the analysis (see EvalReader.getTrialCommands). */
export function fillEvidenceCommands(
  details: readonly { trial_id: number; evidence?: TrialEvidence }[],
  commandsById: ReadonlyMap<number, unknown>,
): void {
  for (const detail of details) {
    const commands = commandsById.get(detail.trial_id);
    if (detail.evidence && commands !== undefined) {
      detail.evidence.commands = decodeCommands(commands).slice(0, MAX_COMMANDS).map(commandText);
    }
  }
}

export const EVIDENCE_COMMANDS = MAX_COMMANDS;
