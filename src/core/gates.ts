/**
 * `fail-on`: when analyze or compare fail the step, after everything is written. Each level
 * includes the ones before it: `regressed` ⊂ `missed` ⊂ `not-fixed`.
 */
import type { CampaignAnalysis } from './analysis.js';
import type { Comparison } from './compare.js';
import { describeCombination } from './grouping.js';
import { InputError, shown } from './inputs.js';

export type FailOn = 'never' | 'regressed' | 'missed' | 'not-fixed';
const FAIL_ON_VALUES: readonly FailOn[] = ['never', 'regressed', 'missed', 'not-fixed'];

export const FAIL_ON_DESCRIPTION =
  'Fail the step after everything is written: never (default), regressed (a combination regressed), missed (a regression or the target missed), not-fixed (anything short of every retried combination fixed)';
export const ANALYZE_FAIL_ON_DESCRIPTION =
  'Fail the step after everything is written: never (default), missed (the win rate or a chaos type with its own target is below it), not-fixed (any combination below its target)';

export function parseFailOn(
  field: string,
  value: string | undefined,
  command: 'analyze' | 'compare',
): FailOn {
  const v = (value ?? 'never').trim();
  const allowed =
    command === 'analyze' ? FAIL_ON_VALUES.filter((x) => x !== 'regressed') : FAIL_ON_VALUES;
  if ((allowed as readonly string[]).includes(v)) return v as FailOn;
  const hint = v === 'regressed' ? ' (a regression needs a comparison: use it with compare)' : '';
  throw new InputError(
    `Invalid ${field}: '${shown(v)}' — expected one of ${allowed.join(', ')}${hint}`,
  );
}

/** A gate that failed: the command has written everything; this ends the step. */
export class GateFailure extends Error {}

export type GateResult =
  | { kind: 'pass' }
  | { kind: 'fail'; message: string }
  /** Trials are still coming for some combinations: the gate is checked on the final comparison. */
  | { kind: 'deferred'; message: string };

const PASS: GateResult = { kind: 'pass' };
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function list(items: readonly { chaos_type: string; params: Record<string, unknown> }[]): string {
  const shownItems = items
    .slice(0, 5)
    .map((c) => describeCombination({ chaosType: c.chaos_type, params: c.params }));
  return `${shownItems.join(', ')}${items.length > 5 ? ` and ${items.length - 5} more` : ''}`;
}

export function analysisGate(failOn: FailOn, analysis: CampaignAnalysis): GateResult {
  if (failOn === 'never' || failOn === 'regressed') return PASS;
  const id = analysis.campaign.id;
  if (!analysis.meets_target) {
    const types = (analysis.chaos_type_targets ?? []).filter((t) => !t.meets_target);
    const why = [
      ...(analysis.win_rate < analysis.target_win_rate || analysis.trials === 0
        ? [`win rate ${pct(analysis.win_rate)} < target ${pct(analysis.target_win_rate)}`]
        : []),
      ...types.map((t) => `${t.chaos_type} ${pct(t.win_rate)} < its target ${pct(t.target)}`),
    ];
    return {
      kind: 'fail',
      message: `fail-on ${failOn}: campaign ${id} missed the target: ${why.join('; ')}`,
    };
  }
  if (failOn === 'not-fixed' && analysis.failing.length > 0) {
    return {
      kind: 'fail',
      message: `fail-on not-fixed: campaign ${id} has ${analysis.failing.length} combination(s) below target: ${list(analysis.failing)}`,
    };
  }
  return PASS;
}

export function comparisonGate(failOn: FailOn, comparison: Comparison): GateResult {
  if (failOn === 'never') return PASS;
  const retry = comparison.retry_campaign_id;
  if (comparison.regressions.length > 0) {
    return {
      kind: 'fail',
      message: `fail-on ${failOn}: retry campaign ${retry} regressed: ${list(comparison.regressions)}`,
    };
  }
  if (failOn === 'regressed') return PASS;
  const pending = comparison.rows.filter((r) => r.stop_reason === 'needs-more-trials');
  if (pending.length > 0) {
    return {
      kind: 'deferred',
      message: `fail-on ${failOn} is checked once the top-up round for ${pending.length} combination(s) has finished`,
    };
  }
  if (comparison.retry.verdict === 'missed') {
    return {
      kind: 'fail',
      message: `fail-on ${failOn}: retry campaign ${retry} missed the target: win rate ${pct(comparison.retry.win_rate)} (${comparison.retry.successes}/${comparison.retry.trials}) < ${pct(comparison.target_win_rate)}`,
    };
  }
  const notFixed = comparison.rows.filter((r) => r.verdict !== 'fixed' && r.verdict !== 'held');
  if (failOn === 'not-fixed' && notFixed.length > 0) {
    return {
      kind: 'fail',
      message: `fail-on not-fixed: retry campaign ${retry} left ${notFixed.length} combination(s) not fixed: ${list(notFixed)}`,
    };
  }
  return PASS;
}
