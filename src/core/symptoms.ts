import { decodeJsonColumn, isPlainObject, JsonColumnError } from './json.js';
import type { TrialRecord } from './records.js';
import type { TrialScore } from './scoring.js';

/** Per-trial symptoms, in precedence order: the first that applies is the primary symptom. */
const TRIAL_SYMPTOMS = [
  'negative-detect-time',
  'zero-detect-time',
  'no-ticket',
  'ticket-no-commands',
  'empty-final-state',
  'resolved-unhealthy',
  'unresolved-healthy',
  'timeout',
] as const;
export type TrialSymptom = (typeof TRIAL_SYMPTOMS)[number];

/** Findings that are not one trial's symptom: campaign-level patterns and broken work items. */
const PATTERN_SYMPTOMS = ['all-failed-no-ticket', 'pd-chaos-failing', 'broken-work-item'] as const;
type PatternSymptom = (typeof PATTERN_SYMPTOMS)[number];
export type Symptom = TrialSymptom | PatternSymptom;
export const ALL_SYMPTOMS: readonly Symptom[] = [...PATTERN_SYMPTOMS, ...TRIAL_SYMPTOMS];

/** `pipeline`: the harness is broken and must be fixed; `agent`: a genuine agent failure. */
export type FailureKind = 'pipeline' | 'agent';

/**
 * Detect times under one second count as zero: chaos and ticket timestamps have one-second
 * precision, and the monitor polls every 5 s, so a real detection is never that fast.
 */
const ZERO_DETECT_BELOW_SEC = 1;

export interface Classification {
  symptoms: TrialSymptom[];
  kind: FailureKind;
}

function isEmptyFinalState(finalState: unknown): boolean {
  try {
    const state = decodeJsonColumn(finalState, {});
    return isPlainObject(state) && Object.keys(state).length === 0;
  } catch (error) {
    if (error instanceof JsonColumnError) return false;
    throw error;
  }
}

/** Symptoms of a trial that did not score `success`, primary first. */
export function classifyFailedTrial(trial: TrialRecord, score: TrialScore): Classification {
  const ttd = score.timeToDetectSec;
  const hasTicket = trial.ticketCreatedAt !== null;
  const emptyFinal = isEmptyFinalState(trial.finalState);
  const checks: Record<TrialSymptom, boolean> = {
    'negative-detect-time': ttd !== null && ttd < 0,
    'zero-detect-time': ttd !== null && ttd >= 0 && ttd < ZERO_DETECT_BELOW_SEC,
    'no-ticket': !hasTicket && score.commandCount === 0,
    'ticket-no-commands': hasTicket && score.commandCount === 0,
    'empty-final-state': emptyFinal,
    'resolved-unhealthy': trial.resolvedAt !== null && !score.finalHealthy,
    'unresolved-healthy': trial.resolvedAt === null && score.finalHealthy,
    timeout: trial.resolvedAt === null && !score.finalHealthy && score.commandCount > 0,
  };
  const symptoms = TRIAL_SYMPTOMS.filter((symptom) => checks[symptom]);
  return { symptoms, kind: failureKind(trial, score, emptyFinal) };
}

/**
 * Upstream's success criteria (iterate-campaign SKILL.md @ b347467): a trial is a working pipeline
 * when it ran to `ended_at`, chaos was injected with valid metadata, the monitor filed a ticket
 * with a positive time to detect, and the agent worked it. Only then is a failure the agent's.
 * An empty final state means state capture failed, which is the harness's fault too.
 */
function failureKind(trial: TrialRecord, score: TrialScore, emptyFinal: boolean): FailureKind {
  const ttd = score.timeToDetectSec;
  const pipelineOk =
    trial.endedAt !== '' &&
    hasChaosType(trial.chaosMetadata) &&
    ttd !== null &&
    ttd >= ZERO_DETECT_BELOW_SEC &&
    score.commandCount > 0 &&
    !emptyFinal;
  return pipelineOk ? 'agent' : 'pipeline';
}

function hasChaosType(metadata: unknown): boolean {
  try {
    const decoded = decodeJsonColumn(metadata, {});
    return (
      isPlainObject(decoded) && typeof decoded.chaos_type === 'string' && decoded.chaos_type !== ''
    );
  } catch {
    return false;
  }
}
