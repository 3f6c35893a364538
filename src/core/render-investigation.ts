/**
 * Markdown of the investigation parts of a diagnosis (kept apart from render-diagnosis.ts): invariant
 * coverage, flaky combinations across the series, and the worker log lines in a trial's evidence.
 */
import type { CampaignAnalysis, TrialDetail } from './analysis.js';
import type { Comparison } from './compare.js';
import type { FlakyCombination } from './flaky.js';
import { describeCombination } from './grouping.js';
import { bulletList, codeBlock, codeSpan, markdownTable } from './markdown/index.js';
import type { InvariantCoverage } from './invariants/coverage.js';
import { cloudLogsCommand } from './worker-log.js';

const VERDICT_LABEL: Record<InvariantCoverage['verdict'], string> = {
  missing: '❌ missing',
  insensitive: '⚠️ insensitive',
  covered: '✅ covered',
};

export function renderInvariantCoverage(a: CampaignAnalysis): string {
  const rows = a.invariant_coverage ?? [];
  const commit = a.invariant_source?.commit;
  const source = commit
    ? `\n\nInvariant files read at the campaign's commit ${codeSpan(commit.slice(0, 12))}.`
    : '';
  const note = a.invariant_coverage_note ? `\n\n${a.invariant_coverage_note}` : '';
  if (rows.length === 0) return note ? `### Invariant coverage${note}` : '';
  const table = markdownTable(
    ['Chaos type', 'Verdict', 'Invariants', 'Why'],
    rows.map((row) => [
      codeSpan(describeCombination({ chaosType: row.chaos_type, params: row.params })),
      VERDICT_LABEL[row.verdict],
      row.invariants.map(describeInvariant).join('<br>') || '—',
      row.reason,
    ]),
  );
  return `### Invariant coverage\n\n${table}${source}${note}`;
}

function describeInvariant(i: InvariantCoverage['invariants'][number]): string {
  const threshold = i.threshold === null ? 'no threshold' : `threshold ${i.threshold}`;
  return `${codeSpan(i.name)} (${threshold}, grace ${i.grace_period_seconds} s) ${codeSpan(`${i.file}:${i.line}`)}`;
}

export function renderFlaky(a: CampaignAnalysis): string {
  const flaky = (a.flaky ?? []).filter((f) => f.flaky);
  if (flaky.length === 0) return '';
  const items = flaky.map(
    (f) =>
      `${codeSpan(describeCombination({ chaosType: f.chaos_type, params: f.params }))}: ${passSequence(f, a.target_win_rate)} over ${f.campaigns.length} campaigns, flips ${Math.round((f.flip_rate ?? 0) * 100)}% of the time — a single campaign's pass or fail says little here.`,
  );
  return bulletList(
    '### Flaky across campaigns\n\nThese combinations flip between passing and failing across the last campaigns of the series (oldest first):',
    items,
  );
}

function passSequence(f: FlakyCombination, target: number): string {
  return f.campaigns
    .map((c) => `${c.successes / c.trials >= target ? '✅' : '❌'}${c.successes}/${c.trials}`)
    .join(' ');
}

/** Blocks added to a failed trial's evidence: its worker log lines and Cloud Logging. */
export function renderTrialLogLines(t: TrialDetail): string[] {
  const blocks: string[] = [];
  if (t.log_excerpt?.length) {
    blocks.push(
      `Worker log (work item ${t.work_id ?? '?'}):\n\n${codeBlock(t.log_excerpt.join('\n'))}`,
    );
  }
  blocks.push(`Cloud Logging: ${codeSpan(cloudLogsCommand(t.trial_id))}`);
  return blocks;
}

/** Under the verdict table of a retry: "fixed" verdicts that may only be a flaky type's noise. */
export function renderFlakyFixes(c: Comparison): string {
  const fixes = c.flaky_fixes ?? [];
  if (fixes.length === 0) return '';
  const lines = fixes.map((f) => {
    const what = codeSpan(describeCombination({ chaosType: f.chaos_type, params: f.params }));
    const history = `flips ${Math.round(f.flip_rate * 100)}% of the time over the last ${f.campaigns} campaigns, ${Math.round(f.pooled_rate * 100)}% of its trials passed`;
    const more =
      f.more_trials_needed === null
        ? 'no number of extra trials separates a fix from its noise'
        : f.more_trials_needed === 0
          ? `${f.retry.successes}/${f.retry.trials} already beats that rate (one-sided binomial, p ≤ 0.05)`
          : `${f.more_trials_needed} more all-success trials would separate a fix from noise (one-sided binomial against ${Math.round(f.pooled_rate * 100)}%, p ≤ 0.05)`;
    return `- ${what} is **flaky** (${history}): "fixed" at ${f.retry.successes}/${f.retry.trials} may be luck; ${more}.`;
  });
  return `> [!WARNING]\n> "Fixed" on a flaky type:\n${lines.map((l) => `> ${l}`).join('\n')}`;
}
