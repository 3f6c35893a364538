/**
 * Invariant coverage and sensitivity of failing combinations (seed step 2, "Check invariant
 * coverage", and the root-cause rows "Missing invariant for chaos type" / "Invariant not sensitive
 * enough"). For each failing chaos type and params: which invariants should detect it (a table per
 * chaos type, overridable), whether they exist and are checked, and whether their threshold or grace
 * period can fire for the injected params. Pure.
 */
import { describeCombination } from '../grouping.js';
import { codeSpan } from '../markdown/index.js';
import type { InvariantDefinition } from './parse-invariants.js';

type CoverageVerdict = 'missing' | 'insensitive' | 'covered';

export interface InvariantCoverage {
  chaos_type: string;
  params: Record<string, unknown>;
  verdict: CoverageVerdict;
  invariants: {
    name: string;
    threshold: number | null;
    grace_period_seconds: number;
    file: string;
    line: number;
  }[];
  reason: string;
}

/** Where the invariant files were read: at the campaign's commit, or the working tree and why. */
export interface InvariantSource {
  commit: string | null;
  reason?: string;
}

/**
 * One invariant expected to detect a chaos type. `magnitude` says what of the injected params the
 * invariant's threshold is compared with (`param`, `mean(a, b)`, `min(a, b)`, `max(a, b)`); the
 * invariant fires when that value exceeds the threshold, as every upstream TiKV check does
 * (`value > config.threshold`). `defaults` are the injector's defaults for params a campaign omits.
 */
interface DetectorSpec {
  invariant: string;
  magnitude?: string;
  defaults?: Record<string, number>;
  /** Unit shown in reasons, e.g. ms or %. */
  unit?: string;
}

export type ChaosInvariantTable = Record<string, DetectorSpec[]>;

/**
 * The default table for TiKV, derived from the harness's chaos injectors (eval/src/eval/subjects,
 * eval-harness.md §6.1) and the invariants of subjects/tikv/observer/src/tikv_observer/invariants.py:
 * - node_kill: the killed store leaves `Up` → store_down.
 * - process_pause: SIGSTOP; PD marks the store Disconnected, Prometheus loses it → store_down,
 *   metrics_unavailable ("frozen process (SIGSTOP)" in its docstring).
 * - network_partition: the cloud injector drops TiKV's Raft/gRPC port 20160 only, so PD still sees
 *   the store Up and Prometheus still scrapes it; only its Raft peers notice → high_raft_lag (the
 *   majority without it still commits, so high_raft_commit stays quiet).
 * - asymmetric_partition, packet_loss: peer traffic degraded → high_raft_lag, high_raft_commit
 *   ("spikes indicate network issues (latency, packet loss, partitions)").
 * - latency: netem `delay avg var` with avg = (min_ms + max_ms) // 2 → high_latency (P99 ms). A
 *   single delayed follower does not slow a majority commit, so high_raft_commit is not counted.
 * - disk_pressure: fills fill_percent % of the free space → low_disk_space (usage %); usage ends at
 *   least at fill_percent, so a fill above the threshold always fires.
 * - leader_concentration → leader_imbalance.
 * - pd_leader_kill, memory_exhaustion, cpu_starvation: no invariant observes PD, memory or CPU.
 */
export const DEFAULT_CHAOS_INVARIANTS: ChaosInvariantTable = {
  node_kill: [{ invariant: 'store_down' }],
  process_pause: [{ invariant: 'store_down' }, { invariant: 'metrics_unavailable' }],
  network_partition: [{ invariant: 'high_raft_lag' }],
  asymmetric_partition: [{ invariant: 'high_raft_lag' }, { invariant: 'high_raft_commit' }],
  packet_loss: [{ invariant: 'high_raft_commit' }, { invariant: 'high_raft_lag' }],
  latency: [
    {
      invariant: 'high_latency',
      magnitude: 'mean(min_ms, max_ms)',
      defaults: { min_ms: 50, max_ms: 150 },
      unit: 'ms',
    },
  ],
  disk_pressure: [
    {
      invariant: 'low_disk_space',
      magnitude: 'fill_percent',
      defaults: { fill_percent: 80 },
      unit: '%',
    },
  ],
  leader_concentration: [{ invariant: 'leader_imbalance' }],
  pd_leader_kill: [],
  memory_exhaustion: [],
  cpu_starvation: [],
};

/** Params a campaign may give a fault's duration in; a fault shorter than the grace period never fires. */
const DURATION_KEYS = ['duration_seconds', 'duration_s', 'duration_sec', 'duration'];

const MAGNITUDE =
  /^\s*(?:(mean|min|max)\(\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*\)|([A-Za-z_]\w*))\s*$/;

/** Checks a `magnitude` expression; returns an error message or undefined. */
export function magnitudeError(expression: string): string | undefined {
  return MAGNITUDE.test(expression)
    ? undefined
    : `'${expression}' — expected a param name or mean(a, b), min(a, b), max(a, b)`;
}

export function assessCoverage(
  combos: readonly { chaos_type: string; params: Record<string, unknown> }[],
  definitions: readonly InvariantDefinition[],
  table: ChaosInvariantTable,
): InvariantCoverage[] {
  return combos.map((combo) => assessOne(combo, definitions, table));
}

function assessOne(
  combo: { chaos_type: string; params: Record<string, unknown> },
  definitions: readonly InvariantDefinition[],
  table: ChaosInvariantTable,
): InvariantCoverage {
  const base = { chaos_type: combo.chaos_type, params: combo.params };
  const specs = table[combo.chaos_type];
  if (specs === undefined || specs.length === 0) {
    return {
      ...base,
      verdict: 'missing',
      invariants: [],
      reason:
        specs === undefined
          ? `No invariant is mapped to ${codeSpan(combo.chaos_type)} (add it under invariants.chaos_types in the config if one should detect it).`
          : `No invariant detects ${codeSpan(combo.chaos_type)}: the observer checks nothing this fault changes.`,
    };
  }
  const found = specs.flatMap((spec) => {
    const def = definitions.find((d) => d.name === spec.invariant && d.checks.length > 0);
    return def ? [{ spec, def }] : [];
  });
  if (found.length === 0) {
    const defined = specs
      .map((s) => definitions.find((d) => d.name === s.invariant))
      .filter((d): d is InvariantDefinition => d !== undefined);
    const unchecked = defined.length
      ? ` ${defined.map((d) => `${codeSpan(d.name)} (${where(d)})`).join(', ')} is defined but no check_* method uses it.`
      : '';
    return {
      ...base,
      verdict: 'missing',
      invariants: defined.map(entryOf),
      reason: `None of the invariants expected to detect it (${list(specs.map((s) => s.invariant))}) is checked.${unchecked}`,
    };
  }
  const judged = found.map(({ spec, def }) => ({ def, why: cannotFire(spec, def, combo.params) }));
  const sensitive = judged.filter((j) => j.why === undefined);
  if (sensitive.length > 0) {
    return {
      ...base,
      verdict: 'covered',
      invariants: sensitive.map((j) => entryOf(j.def)),
      reason: `${list(sensitive.map((j) => j.def.name))} can fire for ${codeSpan(describeCombination({ chaosType: combo.chaos_type, params: combo.params }))}; the cause is elsewhere (ticket flow, agent, scoring).`,
    };
  }
  return {
    ...base,
    verdict: 'insensitive',
    invariants: judged.map((j) => entryOf(j.def)),
    reason: judged.map((j) => j.why).join(' '),
  };
}

/** Why the invariant cannot fire for these params, or undefined when it can. */
function cannotFire(
  spec: DetectorSpec,
  def: InvariantDefinition,
  params: Record<string, unknown>,
): string | undefined {
  const duration = DURATION_KEYS.map((k) => numeric(params[k])).find((v) => v !== undefined);
  if (
    duration !== undefined &&
    def.grace_period_seconds > 0 &&
    duration <= def.grace_period_seconds
  ) {
    return `${codeSpan(def.name)} waits a ${def.grace_period_seconds} s grace period (${where(def)}) but the fault lasts ${duration} s.`;
  }
  if (!spec.magnitude || def.threshold === null) return undefined;
  const injected = magnitudeOf(spec, params);
  if (injected === undefined || injected.value > def.threshold) return undefined;
  const unit = spec.unit ? ` ${spec.unit}` : '';
  return `${codeSpan(def.name)} fires above ${def.threshold}${unit} (${where(def)}) but the injected ${injected.what} is ${injected.value}${unit}: the check resets its ${def.grace_period_seconds} s grace timer whenever a sample falls under the threshold, so it cannot fire. Lower the threshold or inject more.`;
}

function magnitudeOf(
  spec: DetectorSpec,
  params: Record<string, unknown>,
): { value: number; what: string } | undefined {
  const match = MAGNITUDE.exec(spec.magnitude ?? '');
  if (!match) return undefined;
  const read = (key: string) => numeric(params[key]) ?? spec.defaults?.[key];
  if (match[4]) {
    const value = read(match[4]);
    return value === undefined ? undefined : { value, what: match[4] };
  }
  const [a, b] = [read(match[2]!), read(match[3]!)];
  if (a === undefined || b === undefined) return undefined;
  const fn = match[1]!;
  // Upstream configures netem with avg = (min_ms + max_ms) // 2.
  const value =
    fn === 'mean' ? Math.floor((a + b) / 2) : fn === 'min' ? Math.min(a, b) : Math.max(a, b);
  const label = fn === 'mean' ? 'mean' : fn;
  return { value, what: `${label} of ${match[2]} and ${match[3]} (${a}–${b})` };
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function entryOf(def: InvariantDefinition): InvariantCoverage['invariants'][number] {
  return {
    name: def.name,
    threshold: def.threshold,
    grace_period_seconds: def.grace_period_seconds,
    file: def.file,
    line: def.line,
  };
}

function list(names: readonly string[]): string {
  return names.map(codeSpan).join(', ');
}

function where(def: InvariantDefinition): string {
  return codeSpan(`${def.file}:${def.line}`);
}
