/** A finished retry reported exactly once: the issue's iteration, the PR comment, the status. */
import {
  claimReport,
  findReport,
  markReported,
  releaseReport,
  type RetryReport,
} from '../db/retry-reports.js';
import type { RetryRun } from '../db/retry-runs.js';
import { targetReached } from '../core/retry-report.js';
import type { DiagnosisIssueOutcome } from '../github/diagnosis-issue.js';
import type { StickyOutcome } from '../github/sticky-comment.js';
import {
  publishRetryComment,
  recordIteration,
  renderReportComment,
  type ReportContext,
  type RetryComparison,
} from './report-context.js';

export type ReportResult =
  | {
      kind: 'reported';
      body: string;
      prNumber: number | null;
      comment: StickyOutcome | undefined;
      issue: DiagnosisIssueOutcome | undefined;
    }
  | { kind: 'already'; body: string; report: RetryReport }
  | { kind: 'printed'; body: string };

/**
 * Claims the report and, holding the lease, appends the retry to the diagnosis issue, writes the
 * PR comment and marks the report `reported`. When another run holds the lease or reported already,
 * nothing is written. A failure gives the lease back so the next run retries.
 */
export async function reportRetry(
  ctx: ReportContext,
  report: RetryReport,
  loaded: RetryComparison,
  run: RetryRun | null,
): Promise<ReportResult> {
  const claimed = await claimReport(ctx.db, report.retryCampaignId, {
    owner: ctx.leaseOwner,
    from: ['waiting'],
  });
  if (!claimed) {
    const current = (await findReport(ctx.db, report.retryCampaignId)) ?? report;
    const body = renderReportComment(ctx, loaded, run, current.diagnosisIssue ?? undefined);
    return { kind: 'already', body, report: current };
  }
  try {
    return await writeReport(ctx, claimed, loaded, run);
  } catch (error) {
    await releaseReport(ctx.db, claimed.retryCampaignId, ctx.leaseOwner).catch(() => undefined);
    throw error;
  }
}

async function writeReport(
  ctx: ReportContext,
  report: RetryReport,
  loaded: RetryComparison,
  run: RetryRun | null,
): Promise<ReportResult> {
  const issue = await recordIteration(ctx, report, loaded.after, { keepOpen: true });
  const issueNumber = issue?.issue?.number ?? report.diagnosisIssue ?? undefined;
  const body = renderReportComment(ctx, loaded, run, issueNumber);
  const comment = await publishRetryComment(ctx, report, 'reported', body);
  const marked = await markReported(ctx.db, report.retryCampaignId, ctx.leaseOwner, {
    verdict: loaded.comparison.verdict,
    winRate: loaded.comparison.retry.win_rate,
    targetReached: targetReached(loaded.comparison),
    targetWinRate: loaded.comparison.target_win_rate,
  });
  if (!marked) {
    ctx.io.logger.warning(
      `The report lease on retry campaign ${report.retryCampaignId} expired and was taken over; the other run records the result.`,
    );
  }
  return { kind: 'reported', body, prNumber: report.prNumber, comment, issue };
}
