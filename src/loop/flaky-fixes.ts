import type { CampaignAnalysis } from '../core/analysis.js';
import type { Cause } from '../core/causes.js';
import type { Comparison } from '../core/compare.js';
import { flakyFixes } from '../core/flaky.js';
import type { Symptom } from '../core/symptoms.js';
import type { Queryable } from '../db/pool.js';
import { DEFAULT_HISTORY } from '../core/flaky.js';
import { loadFlakyHistory } from './campaign-history.js';

/**
 * Marks the comparison's "fixed" rows whose combination flips across the series of the campaign
 * the retry retried, with the trials that would separate a fix from that noise.
 */
export async function markFlakyFixes(
  db: Queryable,
  comparison: Comparison,
  before: CampaignAnalysis,
  causes: Record<Symptom, Cause>,
  history = DEFAULT_HISTORY,
): Promise<void> {
  if (!comparison.rows.some((r) => r.verdict === 'fixed')) return;
  const series = await loadFlakyHistory(db, before, { history, causes });
  const fixes = flakyFixes(comparison.rows, series);
  if (fixes.length) comparison.flaky_fixes = fixes;
}
