/**
 * Pure decisions of the report side of the loop (compare → comment → finalize): comment revisions,
 * whether a retry may be finalized, what reconcile does next with a report, the PR comment's
 * validation banner and next step, the note written on a validated campaign, and clamping a body
 * to GitHub's size limits. No I/O.
 */
import type { CampaignAnalysis } from './analysis.js';
import type { Comparison } from './compare.js';
import { describeCombination } from './grouping.js';
import { codeSpan } from './markdown/index.js';
import { renderComparisonMarkdown, type ComparisonContext } from './render-comparison.js';
import { pct } from './render-diagnosis.js';

export type ReportStatus = 'waiting' | 'reported' | 'finalizing' | 'finalized';

/** What the sticky PR comment shows; later stages of the same retry have higher revisions. */
export type CommentStage = 'reported' | 'validation-enqueued' | 'validation-finished';
const STAGE_ORDER: Record<CommentStage, number> = {
  reported: 2,
  'validation-enqueued': 3,
  'validation-finished': 4,
};

/**
 * Monotonic revision of the PR comment: a newer retry campaign always outranks an older one, and
 * within one retry a later stage outranks an earlier one. An older run never overwrites a newer.
 */
export function commentRevision(retryCampaignId: number, stage: CommentStage): number {
  return retryCampaignId * 10 + STAGE_ORDER[stage];
}

/** The retry verdict that lets finalize run the full validation campaign. */
export function readyToFinalize(verdict: string | null | undefined): boolean {
  return verdict === 'target-reached';
}

/** `target-reached` for the outputs: the point estimate is at or above the target. */
export function targetReached(comparison: Comparison): boolean {
  return comparison.retry.verdict !== 'missed';
}

export interface CompareOutputs {
  verdict: Comparison['verdict'];
  'win-rate': string;
  'target-reached': boolean;
  regressions: string;
}

export function compareOutputs(comparison: Comparison): CompareOutputs {
  return {
    verdict: comparison.verdict,
    'win-rate': comparison.retry.win_rate.toFixed(4),
    'target-reached': targetReached(comparison),
    regressions: JSON.stringify(comparison.regressions),
  };
}

// ── reconcile ──────────────────────────────────────────────────────────────────────────────────

export interface ReportSnapshot {
  status: ReportStatus;
  verdict: string | null;
  validationCampaignId: number | null;
}

export type ReconcileStep =
  | { kind: 'report'; campaignId: number }
  | { kind: 'start-validation' }
  | { kind: 'conclude-validation'; campaignId: number }
  | { kind: 'done'; why: string };

/** The next thing to do for one report; the campaign it waits on must be finished first. */
export function nextReconcileStep(report: ReportSnapshot, retryCampaignId: number): ReconcileStep {
  switch (report.status) {
    case 'waiting':
      return { kind: 'report', campaignId: retryCampaignId };
    case 'reported':
      return readyToFinalize(report.verdict)
        ? { kind: 'start-validation' }
        : { kind: 'done', why: `verdict ${report.verdict ?? 'unknown'}: nothing to finalize` };
    case 'finalizing':
      return report.validationCampaignId === null
        ? { kind: 'start-validation' }
        : { kind: 'conclude-validation', campaignId: report.validationCampaignId };
    case 'finalized':
      return { kind: 'done', why: 'finalized' };
  }
}

// ── validation ─────────────────────────────────────────────────────────────────────────────────

export type ValidationState =
  | { kind: 'enqueued'; campaignId: number; workItems: number; file: string }
  | { kind: 'finished'; analysis: CampaignAnalysis; notable: boolean };

/** The banner above the comparison once finalize has started. */
export function validationBanner(state: ValidationState): string {
  if (state.kind === 'enqueued') {
    return `### ⏳ Validation campaign ${state.campaignId} enqueued\n\nThe full campaign ${codeSpan(state.file)} (${state.workItems} work items) runs with the images below; this comment is updated when it finishes.`;
  }
  const a = state.analysis;
  const score = `${pct(a.win_rate)} (${a.successes}/${a.trials})`;
  if (a.meets_target) {
    const notable = state.notable ? ' — marked notable' : '';
    return `### ✅ Validation campaign ${a.campaign.id}: ${score} ≥ target ${pct(a.target_win_rate)}${notable}\n\nThe full campaign confirms the fix: no regression across every chaos type.`;
  }
  const failing = a.failing
    .slice(0, 8)
    .map((f) => codeSpan(describeCombination({ chaosType: f.chaos_type, params: f.params })))
    .join(', ');
  return `### ❌ Validation campaign ${a.campaign.id}: ${score} < target ${pct(a.target_win_rate)}\n\nStill failing in the full campaign: ${failing || 'broken work items only'}.`;
}

export interface NextStepContext {
  issueNumber?: number;
  validationFile: string;
  validation?: ValidationState;
}

/** The "Next:" line of the comment, after the validation stage when there is one. */
export function nextStep(comparison: Comparison, context: NextStepContext): string {
  const issue = context.issueNumber ? ` in #${context.issueNumber}` : '';
  const validation = context.validation;
  if (validation?.kind === 'enqueued') {
    return `wait for validation campaign ${validation.campaignId}; reconcile (or finalize) records the result here.`;
  }
  if (validation?.kind === 'finished') {
    return validation.analysis.meets_target
      ? `done: campaign ${validation.analysis.campaign.id} is marked notable${context.issueNumber ? ` and #${context.issueNumber} is closed` : ''}.`
      : `iterate: the validation campaign's failures are the next diagnosis${issue}.`;
  }
  if (comparison.verdict === 'regressed') {
    return `fix the regression first; the failures are the next diagnosis${issue}.`;
  }
  if (readyToFinalize(comparison.verdict)) {
    return `finalize: the full validation campaign ${codeSpan(context.validationFile)} runs with these images.`;
  }
  return `iterate: the retry's failures are the next diagnosis${issue}.`;
}

/** What `eval note` gets on the validated campaign: what was fixed, by which PR, with which result. */
export function validationNote(input: {
  prNumber: number | null;
  prTitle?: string;
  mergeSha: string | null;
  comparison: Comparison;
  validation: CampaignAnalysis;
}): string {
  const fixed = input.comparison.rows
    .filter((r) => r.verdict === 'fixed' || r.verdict === 'improved')
    .map(
      (r) => `${describeCombination({ chaosType: r.chaos_type, params: r.params })} ${r.verdict}`,
    );
  const pr = input.prNumber ? `PR #${input.prNumber}` : 'the fix';
  const title = input.prTitle ? ` "${oneLine(input.prTitle).slice(0, 120)}"` : '';
  const merge = input.mergeSha ? ` (merge ${input.mergeSha.slice(0, 7)})` : '';
  const v = input.validation;
  return [
    `Validated ${pr}${title}${merge}.`,
    `Retry campaign ${input.comparison.retry_campaign_id} vs ${input.comparison.previous_campaign_id}: ${fixed.join(', ') || 'no significant per-type change'}.`,
    `Full validation: ${pct(v.win_rate)} (${v.successes}/${v.trials}) ≥ target ${pct(v.target_win_rate)}.`,
    '(iterate-campaign)',
  ].join(' ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ── the comment body ───────────────────────────────────────────────────────────────────────────

/** Budget for a comment or issue body: ≤ 60 000 UTF-16 units also keeps it under 65 536 code points and 262 144 UTF-8 bytes. */
export const COMMENT_BUDGET = 60_000;

export interface RetryCommentInput {
  comparison: Comparison;
  context: Omit<ComparisonContext, 'preamble' | 'maxLength' | 'nextStep'>;
  next: NextStepContext;
  maxLength?: number;
}

/** The PR comment / job summary body (without the sticky marker), at most `maxLength` long. */
export function renderRetryComment(input: RetryCommentInput): string {
  return renderComparisonMarkdown(input.comparison, {
    ...input.context,
    nextStep: nextStep(input.comparison, input.next),
    ...(input.next.validation ? { preamble: validationBanner(input.next.validation) } : {}),
    maxLength: input.maxLength ?? COMMENT_BUDGET,
  });
}

/** Kept here for the sticky comment's last-resort cut; the writer lives in `markdown/`. */
export { clampMarkdown } from './markdown/index.js';
