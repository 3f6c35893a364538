/**
 * Where an engineer would look next (seed step 2), added to an analysis: invariant coverage of the
 * failing combinations, the pass history of the series (flaky combinations), and the worker log
 * lines of each failed trial shown with evidence.
 */
import type { CampaignAnalysis } from '../core/analysis.js';
import type { ProjectConfig } from '../core/config.js';
import type { Queryable } from '../db/pool.js';
import type { Logger } from '../logger.js';
import { loadFlakyHistory } from './campaign-history.js';
import { checkInvariantCoverage } from './invariant-coverage.js';
import { attachWorkerLogExcerpts } from './worker-logs.js';

export interface InvestigationOptions {
  /** Harness checkout with the subject's invariant files; undefined: coverage is not checked. */
  sourceDir: string | undefined;
  /** Campaigns of the series to read for flaky combinations; 0: none. */
  history: number;
  workerLogsDir: string | undefined;
}

export async function investigate(
  db: Queryable,
  analysis: CampaignAnalysis,
  config: ProjectConfig,
  options: InvestigationOptions,
  logger: Pick<Logger, 'info' | 'warning'>,
): Promise<void> {
  const coverage = await checkInvariantCoverage(analysis, config, options.sourceDir);
  analysis.invariant_coverage = coverage.invariant_coverage;
  if (coverage.invariant_coverage_note)
    analysis.invariant_coverage_note = coverage.invariant_coverage_note;
  if (coverage.invariant_source) analysis.invariant_source = coverage.invariant_source;
  if (options.history > 0) {
    analysis.flaky = await loadFlakyHistory(db, analysis, {
      history: options.history,
      causes: config.causes,
    });
    const flaky = analysis.flaky.filter((f) => f.flaky).length;
    logger.info(
      `History: ${analysis.flaky[0]?.campaigns.length ?? 0} campaign(s) of the series read; ${flaky} flaky combination(s).`,
    );
  }
  if (options.workerLogsDir)
    await attachWorkerLogExcerpts(analysis.trials_detail, options.workerLogsDir, logger);
}
