/**
 * Target win rates: one default (the overall rate and every chaos type without its own) and
 * optional per-chaos-type targets from the config (`targets: {default: 0.9, pd_leader_kill: 0.8}`).
 */
export type ChaosTypeTargets = Readonly<Record<string, number>>;

const DEFAULT_TARGET = 0.9;

export function targetFor(
  fallback: number,
  byChaosType: ChaosTypeTargets | undefined,
  chaosType: string,
): number {
  return byChaosType && Object.hasOwn(byChaosType, chaosType)
    ? (byChaosType[chaosType] as number)
    : fallback;
}

/** The default target: the target-win-rate input when given, else the config's, else 90 %. */
export function defaultTarget(input: number | undefined, configured: number | undefined): number {
  return input ?? configured ?? DEFAULT_TARGET;
}

export interface ChaosTypeTargetCheck {
  chaos_type: string;
  target: number;
  trials: number;
  successes: number;
  win_rate: number;
  meets_target: boolean;
}

/** Each chaos type with its own target, over all its params (baseline rows left out). */
export function checkChaosTypeTargets(
  rows: readonly { chaos_type: string; baseline: boolean; trials: number; successes: number }[],
  byChaosType: ChaosTypeTargets | undefined,
): ChaosTypeTargetCheck[] {
  if (!byChaosType) return [];
  const totals = new Map<string, { trials: number; successes: number }>();
  for (const row of rows) {
    if (row.baseline || !Object.hasOwn(byChaosType, row.chaos_type)) continue;
    const t = totals.get(row.chaos_type) ?? { trials: 0, successes: 0 };
    t.trials += row.trials;
    t.successes += row.successes;
    totals.set(row.chaos_type, t);
  }
  return [...totals].map(([chaos_type, t]) => {
    const target = byChaosType[chaos_type] as number;
    const win_rate = t.trials ? t.successes / t.trials : 0;
    return { chaos_type, target, ...t, win_rate, meets_target: t.trials > 0 && win_rate >= target };
  });
}
