/**
 * Markdown of the investigation parts of a diagnosis (kept apart from render-diagnosis.ts): invariant
 * coverage, flaky combinations across the series, and the worker log lines in a trial's evidence.
 */
import type { CampaignAnalysis, TrialDetail } from './analysis.js';
import type { Comparison } from './compare.js';
import type { FlakyCombination } from './flaky.js';
import { describeCombination } from './grouping.js';
import type { InvariantCoverage } from './invariants/coverage.js';
import { cloudLogsCommand } from './worker-log.js';

const VERDICT_LABEL: Record<InvariantCoverage['verdict'], string> = {
  missing: '❌ missing',
  insensitive: '⚠️ insensitive',
  covered: '✅ covered',
};

export function renderInvariantCoverage(a: CampaignAnalysis): string {
  const rows = a.invariant_coverage ?? [];
  const note = a.invariant_coverage_note ? `\n\n${a.invariant_coverage_note}` : '';
  if (rows.length === 0) return note ? `### Invariant coverage${note}` : '';
  const lines = rows.map((row) => {
    const params = Object.keys(row.params).length ? code(JSON.stringify(row.params)) : '';
    const invariants = row.invariants.map(describeInvariant).join('<br>') || '—';
    return `| ${code(row.chaos_type)} | ${params} | ${VERDICT_LABEL[row.verdict]} | ${invariants} | ${cell(row.reason)} |`;
  });
  return (
    '### Invariant coverage\n\n' +
    '| Chaos type | Params | Verdict | Invariants | Why |\n|---|---|---|---|---|\n' +
    lines.join('\n') +
    note
  );
}

function describeInvariant(i: InvariantCoverage['invariants'][number]): string {
  const threshold = i.threshold === null ? 'no threshold' : `threshold ${i.threshold}`;
  return `${code(i.name)} (${threshold}, grace ${i.grace_period_seconds} s) ${code(`${i.file}:${i.line}`)}`;
}

export function renderFlaky(a: CampaignAnalysis): string {
  const flaky = (a.flaky ?? []).filter((f) => f.flaky);
  if (flaky.length === 0) return '';
  const lines = flaky.map(
    (f) =>
      `- ${code(f.chaos_type)}${Object.keys(f.params).length ? ` ${code(JSON.stringify(f.params))}` : ''}: ${passSequence(f, a.target_win_rate)} over ${f.campaigns.length} campaigns, flips ${Math.round((f.flip_rate ?? 0) * 100)}% of the time — a single campaign's pass or fail says little here.`,
  );
  return `### Flaky across campaigns\n\nThese combinations flip between passing and failing across the last campaigns of the series (oldest first):\n\n${lines.join('\n')}`;
}

function passSequence(f: FlakyCombination, target: number): string {
  return f.campaigns
    .map((c) => `${c.successes / c.trials >= target ? '✅' : '❌'}${c.successes}/${c.trials}`)
    .join(' ');
}

/** Lines added to a failed trial's evidence block: its worker log lines and Cloud Logging. */
export function renderTrialLogLines(t: TrialDetail): string[] {
  const lines: string[] = [];
  if (t.log_excerpt?.length) {
    lines.push(
      `- Worker log (work item ${t.work_id ?? '?'}):\n\n${fence(t.log_excerpt.join('\n'))}`,
    );
  }
  lines.push(`- Cloud Logging: \`${cloudLogsCommand(t.trial_id)}\``);
  return lines;
}

function code(text: string): string {
  const clean = text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const ticks = '`'.repeat(Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return ticks.length > 1 ? `${ticks} ${clean} ${ticks}` : `\`${clean}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}\n${text}\n${ticks}`;
}

/** Under the verdict table of a retry: "fixed" verdicts that may only be a flaky type's noise. */
export function renderFlakyFixes(c: Comparison): string {
  const fixes = c.flaky_fixes ?? [];
  if (fixes.length === 0) return '';
  const lines = fixes.map((f) => {
    const what = code(describeCombination({ chaosType: f.chaos_type, params: f.params }));
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
