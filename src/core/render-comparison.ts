import type { Comparison, ComparisonRow, RowVerdict } from './compare.js';
import { describeCombination } from './grouping.js';
import {
  bulletList,
  clampMarkdown,
  codeSpan,
  joinBlocks,
  markdownTable,
  truncationNote,
} from './markdown/index.js';
import { beforeAfterChart } from './render-comparison-chart.js';
import { renderFlakyFixes } from './render-investigation.js';
import { GITHUB_BODY_LIMIT, pct } from './render-diagnosis.js';
import { renderTopUpSection } from './top-up.js';

export interface TestedImage {
  name: string;
  reference: string;
  digest?: string;
}

export interface ComparisonContext {
  issueNumber?: number;
  images?: TestedImage[];
  /** Link to the workflow run or job summary with the full report. */
  runUrl?: string;
  /** What happens next, e.g. "finalize: validation campaign 14 enqueued". */
  nextStep?: string;
  preamble?: string;
  maxLength?: number;
}

const VERDICT_ICON: Record<RowVerdict, string> = {
  fixed: '✅ fixed',
  improved: '📈 improved',
  inconclusive: '❓ inconclusive',
  'still failing': '❌ still failing',
  regressed: '🔻 regressed',
  held: '✅ held',
};

/** Failures listed in the comment; the diagnosis issue has them all. */
const MAX_FINDINGS = 30;

interface Section {
  /** How the truncation note names it when it is left out. */
  name: string;
  text: string;
}

/**
 * The PR comment (and job summary) for a retry: verdict table, before/after chart, failures, images,
 * links and the next step. When it does not fit, optional sections are left out (images first,
 * then failures, then the chart) and a note under the title says which, and where the rest is.
 */
export function renderComparisonMarkdown(c: Comparison, context: ComparisonContext = {}): string {
  const max = context.maxLength ?? GITHUB_BODY_LIMIT;
  const optional: Section[] = [
    { name: 'the before/after chart', text: chartSection(c.rows) },
    {
      name: `the list of ${c.new_findings.length} failures in the retry`,
      text: findingsSummary(c),
    },
    { name: 'the list of images tested', text: imagesSection(context.images) },
  ].filter((s) => s.text);
  const where = `Full results: ${context.runUrl ?? 'the job summary of the run'}.`;
  const render = (kept: readonly Section[], dropped: readonly Section[]) =>
    joinBlocks(
      context.preamble,
      title(c),
      dropped.length > 0 &&
        truncationNote(
          dropped.map((s) => s.name),
          where,
        ),
      summary(c),
      verdictTable(c.rows),
      renderTopUpSection(c),
      renderFlakyFixes(c),
      ...kept.map((s) => s.text),
      linksSection(c, context),
    );
  const kept = [...optional];
  const dropped: Section[] = [];
  let body = render(kept, dropped);
  while (body.length > max && kept.length) {
    dropped.unshift(kept.pop()!);
    body = render(kept, dropped);
  }
  return clampMarkdown(body, max, context.runUrl);
}

function title(c: Comparison): string {
  const r = c.retry;
  const status =
    r.verdict === 'reached'
      ? `target ${pct(c.target_win_rate)} reached with confidence (95% lower bound ${pct(r.ci[0])})`
      : r.verdict === 'reached-not-confident'
        ? `target ${pct(c.target_win_rate)} reached, but not yet confident: ${r.all_success_trials_needed ?? '∞'} more all-success trials needed`
        : `target ${pct(c.target_win_rate)} missed`;
  const icon = c.verdict === 'regressed' ? '🔻' : r.verdict === 'missed' ? '❌' : '✅';
  return `## ${icon} Retry campaign ${c.retry_campaign_id} vs campaign ${c.previous_campaign_id}: ${pct(r.win_rate)} (${r.successes}/${r.trials}) — ${status}`;
}

function summary(c: Comparison): string {
  const r = c.retry;
  const regressions = c.regressions.length
    ? `\\\n**Regressions:** ${c.regressions.map((x) => codeSpan(describeCombination({ chaosType: x.chaos_type, params: x.params }))).join(', ')}`
    : '';
  return `95% CI ${pct(r.ci[0])}–${pct(r.ci[1])} · baseline trials left out${regressions}`;
}

/** No-break spaces: "2/3 (66.7%)" never splits over two lines in a narrow column. */
function side(s: ComparisonRow['before']): string {
  return s.trials ? `${s.successes}/${s.trials}\u00a0(${pct(s.win_rate)})` : '—\u00a0not\u00a0run';
}

function verdictTable(rows: readonly ComparisonRow[]): string {
  const lines = rows.map((r) => {
    const p = r.verdict === 'regressed' ? r.p_regression : r.p_improvement;
    return [
      codeSpan(describeCombination({ chaosType: r.chaos_type, params: r.params })),
      side(r.before),
      side(r.after),
      p.toFixed(3),
      VERDICT_ICON[r.verdict],
    ];
  });
  const table = markdownTable(
    [
      'Chaos type',
      { header: 'Before', align: 'right' },
      { header: 'After', align: 'right' },
      // A short header leaves the width to the values; the note under the table says what p is.
      { header: 'p', align: 'right' },
      'Verdict',
    ],
    lines,
  );
  return `${table}\n\n<sub>p (one-sided Fisher's exact test) is the chance of a gain at least this large if nothing changed (for regressions, of a loss). With 3 trials per type, 0/3 → 3/3 is the smallest gain that can be significant (p = 0.05).</sub>`;
}

function chartSection(rows: readonly ComparisonRow[]): string {
  const chart = beforeAfterChart(rows);
  return chart && `### Before and after\n\n${chart}`;
}

function findingsSummary(c: Comparison): string {
  if (c.new_findings.length === 0) return '';
  const items = c.new_findings.slice(0, MAX_FINDINGS).map((f) => {
    const where = describeCombination({ chaosType: f.chaos_type, params: f.params });
    const count = f.trial_ids.length
      ? `${f.trial_ids.length} trial${f.trial_ids.length === 1 ? '' : 's'}`
      : `${f.work_ids.length} broken work item${f.work_ids.length === 1 ? '' : 's'}`;
    return `${codeSpan(f.symptom)} — ${codeSpan(where)} · ${f.kind} · ${count} · fix in ${f.fix_locations.map(codeSpan).join(', ')}`;
  });
  if (c.new_findings.length > MAX_FINDINGS)
    items.push(`…and ${c.new_findings.length - MAX_FINDINGS} more (see the diagnosis)`);
  return bulletList('### Failures in the retry', items);
}

function imagesSection(images: readonly TestedImage[] | undefined): string {
  if (!images?.length) return '';
  return bulletList(
    '### Images tested',
    images.map(
      (i) =>
        `${codeSpan(i.name)}: ${codeSpan(i.reference)}${i.digest ? ` (${codeSpan(i.digest)})` : ''}`,
    ),
  );
}

function linksSection(c: Comparison, context: ComparisonContext): string {
  const items = [
    `Campaigns: previous ${c.previous_campaign_id} · retry ${c.retry_campaign_id} (${codeSpan(`uv run eval show ${c.retry_campaign_id} --remote`)})`,
  ];
  if (context.issueNumber) items.push(`Diagnosis: #${context.issueNumber}`);
  if (context.runUrl) items.push(`Full report: ${context.runUrl}`);
  items.push(`Next: ${context.nextStep ?? defaultNextStep(c)}`);
  return bulletList('### Links and next step', items);
}

function defaultNextStep(c: Comparison): string {
  if (c.verdict === 'regressed')
    return 'fix the regression before anything else; the diagnosis issue lists the new failures.';
  if (c.retry.verdict !== 'missed')
    return 'finalize: run the full validation campaign with these images.';
  return "iterate: the retry's failures are the next diagnosis.";
}
