import { canonicalJson, decodeJsonColumn, isPlainObject } from './json.js';
import { PyBigInt, PyFloat } from './py-json.js';
import type { TrialRecord, TrialWorkItem, WorkItemRecord } from './records.js';

/** A chaos type with the params it ran with: the unit a campaign YAML enumerates. */
export interface Combination {
  /** Part of the identity when known: a campaign may span several subjects. */
  subject?: string;
  chaosType: string;
  params: Record<string, unknown>;
}

/**
 * Metadata keys that echo a campaign `params` entry, per chaos type (eval-harness.md §6). Used only
 * when a trial has no work item; other metadata keys (target container, IPs) vary per trial.
 */
const PARAM_KEYS_IN_METADATA: Record<string, readonly string[]> = {
  latency: ['min_ms', 'max_ms'],
  packet_loss: ['percent'],
  disk_pressure: ['fill_percent'],
  memory_exhaustion: ['consume_mb'],
  cpu_starvation: ['cores'],
};

export function combinationKey(combination: Combination): string {
  const subject = combination.subject ? `${combination.subject}|` : '';
  return `${subject}${combination.chaosType}|${paramsKey(combination.params)}`;
}

// Streamed trials share one decoded params object per distinct text: key it once. Params are
// never modified after decoding.
const paramsKeys = new WeakMap<object, string>();

function paramsKey(params: Record<string, unknown>): string {
  let key = paramsKeys.get(params);
  if (key === undefined) {
    key = canonicalJson(params);
    paramsKeys.set(params, key);
  }
  return key;
}

export function describeCombination({ chaosType, params }: Combination): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return chaosType;
  return `${chaosType} (${entries.map(([k, v]) => `${k}=${describeParam(v)}`).join(', ')})`;
}

function describeParam(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof PyFloat || value instanceof PyBigInt) return String(value);
  return JSON.stringify(value);
}

export interface TrialIdentity extends Combination {
  subject: string;
  baseline: boolean;
  workItem: TrialWorkItem | undefined;
}

/**
 * Chaos type and params of a trial: from its work item (what the campaign asked for), else from
 * `chaos_metadata` (what the injector reported). Baseline trials have empty metadata, so without a
 * work item upstream calls them `unknown`; with one they are `none`.
 */
export function identifyTrial(
  trial: TrialRecord,
  workItem: TrialWorkItem | undefined,
  campaignSubject = '',
): TrialIdentity {
  if (workItem) {
    const params = safeObject(workItem.chaosParams);
    return {
      subject: workItem.subjectType,
      chaosType: workItem.chaosType,
      params,
      baseline: workItem.baseline,
      workItem,
    };
  }
  const metadata = safeObject(trial.chaosMetadata);
  const chaosType = typeof metadata.chaos_type === 'string' ? metadata.chaos_type : 'unknown';
  const params: Record<string, unknown> = {};
  for (const key of PARAM_KEYS_IN_METADATA[chaosType] ?? []) {
    if (metadata[key] !== undefined) params[key] = metadata[key];
  }
  const baseline = Object.keys(metadata).length === 0;
  return {
    subject: campaignSubject,
    chaosType: baseline ? 'none' : chaosType,
    params,
    baseline,
    workItem,
  };
}

export function workItemCombination(
  item: Pick<WorkItemRecord, 'subjectType' | 'chaosType' | 'chaosParams'>,
): Combination & { subject: string } {
  return {
    subject: item.subjectType,
    chaosType: item.chaosType,
    params: safeObject(item.chaosParams),
  };
}

const decodedObjects = new WeakMap<object, Record<string, unknown>>();

/** `decodeObject`, once per decoded value (streamed trials share equal ones). */
function safeObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return decodeObject(value);
  let decoded = decodedObjects.get(value);
  if (decoded === undefined) {
    decoded = decodeObject(value);
    decodedObjects.set(value, decoded);
  }
  return decoded;
}

function decodeObject(value: unknown): Record<string, unknown> {
  try {
    const decoded = decodeJsonColumn(value, {});
    return isPlainObject(decoded) ? naturalOrder(decoded) : {};
  } catch {
    return {};
  }
}

const PREFERRED_KEY_ORDER = ['min_ms', 'max_ms'];

/**
 * JSONB stores keys shortest first, so `{min_ms, max_ms}` comes back as `{max_ms, min_ms}`; put
 * the pairs people write in their usual order again for reports and retry YAML.
 */
function naturalOrder(params: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(params);
  if (keys.length < 2) return params;
  const rank = (k: string) => {
    const i = PREFERRED_KEY_ORDER.indexOf(k);
    return i < 0 ? PREFERRED_KEY_ORDER.length : i;
  };
  const sorted = [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(sorted.map((k) => [k, params[k]]));
}

/** Work items indexed by the trial they produced. */
export function indexWorkItemsByTrial(
  items: readonly WorkItemRecord[],
): Map<number, WorkItemRecord> {
  const byTrial = new Map<number, WorkItemRecord>();
  for (const item of items) if (item.trialId !== null) byTrial.set(item.trialId, item);
  return byTrial;
}
