import type { Symptom } from './symptoms.js';

export interface Cause {
  likelyCause: string;
  fixLocations: string[];
}

/**
 * The iterate-campaign skill's root-cause checklist and key-files table (its SKILL.md), keyed by
 * symptom. `.github/iterate-campaign.yml` may replace or extend any entry.
 */
export const DEFAULT_CAUSES: Readonly<Record<Symptom, Cause>> = {
  'negative-detect-time': {
    likelyCause:
      'A startup ticket leaked past the pre-chaos force-resolve, so the "detection" predates the fault.',
    fixLocations: ['eval/src/eval/runner/worker.py (pre-chaos flow)'],
  },
  'zero-detect-time': {
    likelyCause:
      'A ticket already existed when chaos was injected (pre-existing ticket), so no real detection happened.',
    fixLocations: ['eval/src/eval/runner/worker.py (pre-chaos flow, restart_operator)'],
  },
  'no-ticket': {
    likelyCause:
      'The monitor never created a ticket: the invariant for this chaos type is missing or broken.',
    fixLocations: ['subjects/tikv/observer/src/tikv_observer/invariants.py'],
  },
  'ticket-no-commands': {
    likelyCause: 'A ticket exists but the agent ran no command: it is stuck on a startup ticket.',
    fixLocations: ['eval/src/eval/runner/worker.py (restart_operator)'],
  },
  'empty-final-state': {
    likelyCause: 'The final state is {}: state capture queried the wrong endpoint.',
    fixLocations: ['eval/src/eval/subjects/cloud/gcp/subject.py'],
  },
  'resolved-unhealthy': {
    likelyCause:
      'The ticket was resolved but the final state is unhealthy: state captured too early, or a scoring bug.',
    fixLocations: [
      'eval/src/eval/runner/worker.py (wait_healthy)',
      'eval/src/eval/analysis/scoring.py',
    ],
  },
  'unresolved-healthy': {
    likelyCause:
      'The subject recovered but the ticket was never resolved: the invariant fires during stabilization or never clears.',
    fixLocations: [
      'subjects/tikv/observer/src/tikv_observer/invariants.py (threshold or grace period)',
    ],
  },
  timeout: {
    likelyCause:
      'The agent worked the ticket but could not fix the fault within the resolution timeout.',
    fixLocations: [
      'packages/operator-core/ (agent behaviour)',
      'campaign chaos_types[].resolution_timeout',
    ],
  },
  'all-failed-no-ticket': {
    likelyCause: 'Every trial of this chaos type failed without a ticket: no invariant detects it.',
    fixLocations: ['subjects/tikv/observer/src/tikv_observer/invariants.py'],
  },
  'pd-chaos-failing': {
    likelyCause: 'Every PD-related chaos type fails: the monitor uses a single PD endpoint.',
    fixLocations: ['eval/src/eval/runner/remote_operator.py (PD endpoints)'],
  },
  'broken-work-item': {
    likelyCause:
      'The work item failed before a trial was recorded (worker, VM or subject setup error).',
    fixLocations: ['eval/src/eval/runner/worker.py', 'eval/src/eval/subjects/cloud/gcp/subject.py'],
  },
};

export interface CauseOverride {
  likelyCause?: string;
  fixLocations?: string[];
  /** `replace` (default) swaps the fix locations; `extend` appends to the defaults. */
  mode?: 'replace' | 'extend';
}

export function resolveCauses(
  overrides: Partial<Record<Symptom, CauseOverride>> = {},
): Record<Symptom, Cause> {
  const causes = { ...DEFAULT_CAUSES } as Record<Symptom, Cause>;
  for (const [symptom, override] of Object.entries(overrides) as [Symptom, CauseOverride][]) {
    const base = causes[symptom];
    const fixLocations =
      override.fixLocations === undefined
        ? base.fixLocations
        : override.mode === 'extend'
          ? [...base.fixLocations, ...override.fixLocations]
          : override.fixLocations;
    causes[symptom] = { likelyCause: override.likelyCause ?? base.likelyCause, fixLocations };
  }
  return causes;
}
