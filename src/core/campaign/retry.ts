/**
 * The one builder of targeted retry campaigns, used by analyze (issue, --write-retry, PR), retry,
 * finalize and the demo: from the failing combinations of a campaign (subject, chaos type, params
 * exactly as stored, resolution timeout of the source work items) and the retry settings, the
 * campaign file and the config the harness reads back from it.
 */
import { isChaosType, type ChaosType, type Subject } from '../chaos-types.js';
import { workItemCombination } from '../grouping.js';
import { canonicalJson } from '../json.js';
import { isPyDict, PyBigInt, PyFloat } from '../py-json.js';
import type { WorkItemRecord } from '../records.js';
import { CampaignYamlError, type CampaignYamlProblem } from './errors.js';
import { writeCampaign } from './render.js';
import {
  DEFAULT_CLOUD_MACHINE_TYPE,
  DEFAULT_CLOUD_ZONE,
  DEFAULT_VARIANT,
  type CampaignConfig,
} from './schema.js';

const MAX_SERIES_LENGTH = 80;

/**
 * Deterministic retry campaign name `<series>-retry-<campaignId>`. The series is slugged to
 * [a-z0-9-] and a previous `-retry-<id>` suffix is dropped, so retries of retries do not nest.
 */
export function retryCampaignName(seriesName: string, campaignId: number | string): string {
  const id = String(campaignId);
  if (!/^[1-9][0-9]{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) {
    throw new RangeError(`campaign id must be a positive integer, got ${JSON.stringify(id)}`);
  }
  const slug = seriesName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/(?:-retry-[0-9]+)+$/, '');
  const series = slug.slice(0, MAX_SERIES_LENGTH).replace(/-+$/, '') || 'campaign';
  return `${series}-retry-${id}`;
}

/** One failing combination of the source campaign, as its work items stored it. */
export interface FailingCombination {
  /** `work_queue.subject_type` of its work items. */
  subject: string;
  chaos_type: string;
  /** Exactly as stored (`50.0` is a PyFloat): the retry must run the same conditions. */
  params: Record<string, unknown>;
  /** `work_queue.resolution_timeout` of its work items (seconds), null for the harness default. */
  resolution_timeout: number | null;
}

export interface RetrySource {
  campaignId: number;
  /** The campaign's name: the retry's series. */
  campaignName: string;
  /** `campaigns.variant_name`; kept so the agent configuration does not change. */
  variant: string;
  failing: readonly FailingCombination[];
}

export interface RetrySettings {
  trialsPerCombination: number;
  parallel: number;
  cooldownSeconds: number;
  includeBaseline: boolean;
  /** Empty: the harness derives `…/<GCP_PROJECT>/eval/operator:latest`. */
  operatorImage: string;
}

/** A (subject, chaos type, params) the subjects × entries matrix runs although it did not fail. */
interface ExtraCombination {
  subject: string;
  chaos_type: string;
  params: Record<string, unknown>;
}

export interface RetryCampaign {
  name: string;
  yaml: string;
  /** As the harness reads `yaml` back (so what is enqueued is what the file says). */
  config: CampaignConfig;
  /**
   * Upstream's YAML has no per-entry subject: it runs every subject × every entry. When failures
   * differ between subjects that reruns some passing combinations too; they are listed here and in
   * the file's header. Empty when the retry is exact.
   */
  extra: ExtraCombination[];
}

/**
 * Builds the retry campaign: subjects that had failures (in source order), one chaos entry per
 * distinct failing (type, params) with its resolution timeout, the source's variant, the retry
 * settings. Validated once, by reading the rendered text back as the harness does; throws
 * CampaignYamlError when upstream would reject it or a param cannot round-trip.
 */
export function buildRetryCampaign(
  source: RetrySource,
  settings: RetrySettings,
  headerLines: readonly string[],
): RetryCampaign {
  const name = retryCampaignName(source.campaignName, source.campaignId);
  const problems: CampaignYamlProblem[] = [];
  if (source.failing.length === 0) {
    problems.push({
      path: ['chaos_types'],
      message: 'chaos_types: a retry campaign needs at least one failing combination',
    });
  }
  const subjects: string[] = [];
  const entries = new Map<
    string,
    { type: string; params: Record<string, unknown>; timeout: number | null }
  >();
  const failed = new Set<string>();
  for (const combo of source.failing) {
    if (!subjects.includes(combo.subject)) subjects.push(combo.subject);
    const key = canonicalJson([combo.chaos_type, combo.params]);
    failed.add(`${combo.subject}|${key}`);
    const entry = entries.get(key);
    if (!entry) {
      entries.set(key, {
        type: combo.chaos_type,
        params: cloneParams(combo.params),
        timeout: combo.resolution_timeout,
      });
    } else if (combo.resolution_timeout !== null) {
      // The same entry ran with different timeouts on different rows: never give it less time.
      entry.timeout = Math.max(entry.timeout ?? 0, combo.resolution_timeout);
    }
    if (!isChaosType(combo.chaos_type)) {
      problems.push({
        path: ['chaos_types'],
        message: `chaos_types: ${JSON.stringify(combo.chaos_type)} is not a chaos type upstream's campaign files accept`,
      });
    }
  }
  if (problems.length > 0)
    throw new CampaignYamlError(JSON.stringify(name), problems, 'retry campaign');

  const extra: ExtraCombination[] = [];
  for (const subject of subjects) {
    for (const [key, entry] of entries) {
      if (!failed.has(`${subject}|${key}`)) {
        extra.push({ subject, chaos_type: entry.type, params: entry.params });
      }
    }
  }
  const config: CampaignConfig = {
    name,
    subjects: subjects as Subject[],
    chaos_types: [...entries.values()].map((entry) => ({
      type: entry.type as ChaosType,
      params: entry.params,
      resolution_timeout: entry.timeout,
    })),
    trials_per_combination: settings.trialsPerCombination,
    parallel: settings.parallel,
    cooldown_seconds: settings.cooldownSeconds,
    include_baseline: settings.includeBaseline,
    variant: source.variant || DEFAULT_VARIANT,
    continuous: false,
    checker: null,
    cloud: {
      provider: 'gcp',
      project: null,
      zone: DEFAULT_CLOUD_ZONE,
      machine_type: DEFAULT_CLOUD_MACHINE_TYPE,
      database_url: null,
      operator: { enabled: true, image: settings.operatorImage },
    },
  };
  const header = [...headerLines];
  if (extra.length > 0) header.push(...extraNote(extra));
  const written = writeCampaign(config, header.join('\n'), `${name}.yaml`);
  return { name, yaml: written.yaml, config: written.config, extra };
}

function extraNote(extra: readonly ExtraCombination[]): string[] {
  return [
    `Not exact: upstream runs every subject with every entry, so this also reruns ${extra.length} combination(s) that did not fail:`,
    ...extra.map((e) => `  ${e.subject} ${describeParams(e.chaos_type, e.params)}`),
  ];
}

function describeParams(chaosType: string, params: Record<string, unknown>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return chaosType;
  return `${chaosType} (${entries.map(([k, v]) => `${k}=${typeof v === 'string' ? v : String(v)}`).join(', ')})`;
}

/** A deep copy that keeps PyFloat / PyBigInt (structuredClone would turn them into plain objects). */
function cloneParams<T>(value: T): T {
  if (value instanceof PyFloat || value instanceof PyBigInt) return value;
  if (Array.isArray(value)) return value.map(cloneParams) as T;
  if (isPyDict(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: cloneParams(value[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out as T;
  }
  return value;
}

/** The retry settings of the project config (`retry:`), with the operator image chosen. */
export function retrySettings(
  retry: {
    trialsPerCombination: number;
    parallel: number;
    cooldownSeconds: number;
    includeBaseline: boolean;
  },
  operatorImage: string | undefined,
  trialsPerCombination = retry.trialsPerCombination,
): RetrySettings {
  return {
    trialsPerCombination,
    parallel: retry.parallel,
    cooldownSeconds: retry.cooldownSeconds,
    includeBaseline: retry.includeBaseline,
    operatorImage: operatorImage ?? '',
  };
}

/** The retry source of an analysis: its campaign and failing combinations. */
export function retrySourceOf(analysis: {
  campaign: { id: number; name: string; variant: string };
  failing: readonly FailingCombination[];
}): RetrySource {
  return {
    campaignId: analysis.campaign.id,
    campaignName: analysis.campaign.name,
    variant: analysis.campaign.variant,
    failing: analysis.failing,
  };
}

/** A failing combination as a diagnosis issue recorded it (JSON: `50.0` may read back as `50`). */
export interface RecordedCombination {
  subject?: string;
  chaos_type: string;
  params: Record<string, unknown>;
}

/**
 * The exact failing combinations behind recorded ones, from the source campaign's work items:
 * params as stored, each subject that ran them, and their resolution timeout. A recorded
 * combination no work item matches is kept as recorded (campaign subject, default timeout).
 */
export function failingFromWorkItems(
  recorded: readonly RecordedCombination[],
  items: readonly WorkItemRecord[],
  campaignSubject: string,
): FailingCombination[] {
  const found = new Map<string, FailingCombination>();
  for (const wanted of recorded) {
    const wantedKey = looseKey(wanted.chaos_type, wanted.params);
    let matched = false;
    for (const item of items) {
      if (item.baseline) continue;
      const combination = workItemCombination(item);
      if (looseKey(combination.chaosType, combination.params) !== wantedKey) continue;
      if (wanted.subject !== undefined && wanted.subject !== combination.subject) continue;
      matched = true;
      const key = `${combination.subject}|${canonicalJson([combination.chaosType, combination.params])}`;
      const existing = found.get(key);
      if (!existing) {
        found.set(key, {
          subject: combination.subject,
          chaos_type: combination.chaosType,
          params: combination.params,
          resolution_timeout: item.resolutionTimeout,
        });
      } else if (
        item.resolutionTimeout !== null &&
        (existing.resolution_timeout ?? -Infinity) < item.resolutionTimeout
      ) {
        existing.resolution_timeout = item.resolutionTimeout;
      }
    }
    if (!matched) {
      const subject = wanted.subject ?? campaignSubject;
      found.set(`${subject}|${canonicalJson([wanted.chaos_type, wanted.params])}`, {
        subject,
        chaos_type: wanted.chaos_type,
        params: wanted.params,
        resolution_timeout: null,
      });
    }
  }
  return [...found.values()];
}

/** Params compared as JSON numbers, so a recorded `50` finds the stored `50.0`. */
function looseKey(chaosType: string, params: Record<string, unknown>): string {
  return canonicalJson([chaosType, JSON.parse(JSON.stringify(params)) as unknown]);
}
