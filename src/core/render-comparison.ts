import { renderFlakyFixes } from './render-investigation.js';
import type { Comparison, ComparisonRow, RowVerdict } from './compare.js';
import { describeCombination } from './grouping.js';
import { GITHUB_BODY_LIMIT, pct } from './render-diagnosis.js';

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
  inconclusive: '❔ inconclusive',
  'still failing': '❌ still failing',
  regressed: '🔻 regressed',
  held: '✅ held',
};

/** The PR comment (and job summary) for a retry: verdict table, chart, images, next step. */
export function renderComparisonMarkdown(c: Comparison, context: ComparisonContext = {}): string {
  const max = context.maxLength ?? GITHUB_BODY_LIMIT;
  const sections = [
    context.preamble,
    headline(c),
    verdictTable(c.rows),
    renderFlakyFixes(c),
    chart(c.rows),
    findingsSummary(c),
    imagesSection(context.images),
    linksSection(c, context),
  ].filter((s): s is string => Boolean(s));
  // Drop the optional sections from the end until it fits; the headline and table always stay.
  while (sections.join('\n\n').length > max && sections.length > 3)
    sections.splice(sections.length - 2, 1);
  const body = sections.join('\n\n');
  return body.length <= max ? body : body.slice(0, max);
}

function headline(c: Comparison): string {
  const r = c.retry;
  const status =
    r.verdict === 'reached'
      ? `target ${pct(c.target_win_rate)} reached with confidence (95% lower bound ${pct(r.ci[0])})`
      : r.verdict === 'reached-not-confident'
        ? `target ${pct(c.target_win_rate)} reached, but not yet confident: ${r.all_success_trials_needed ?? '∞'} more all-success trials needed`
        : `target ${pct(c.target_win_rate)} missed`;
  const icon = c.verdict === 'regressed' ? '🔻' : r.verdict === 'missed' ? '❌' : '✅';
  const regressions = c.regressions.length
    ? `\n\n**Regressions:** ${c.regressions.map((x) => `\`${describeCombination({ chaosType: x.chaos_type, params: x.params })}\``).join(', ')}`
    : '';
  return `## ${icon} Retry campaign ${c.retry_campaign_id} vs campaign ${c.previous_campaign_id}: ${pct(r.win_rate)} (${r.successes}/${r.trials}) — ${status}\n\n95% CI ${pct(r.ci[0])}–${pct(r.ci[1])} · baseline trials left out${regressions}`;
}

function verdictTable(rows: readonly ComparisonRow[]): string {
  const lines = rows.map((r) => {
    const params = Object.keys(r.params).length ? `\`${JSON.stringify(r.params)}\`` : '';
    const before = r.before.trials
      ? `${r.before.successes}/${r.before.trials} (${pct(r.before.win_rate)})`
      : '—';
    const after = `${r.after.successes}/${r.after.trials} (${pct(r.after.win_rate)})`;
    const p = r.verdict === 'regressed' ? r.p_regression : r.p_improvement;
    return `| \`${r.chaos_type}\` | ${params} | ${before} | ${after} | ${p.toFixed(3)} | ${VERDICT_ICON[r.verdict]} |`;
  });
  return [
    '| Chaos type | Params | Before | After | p (Fisher, one-sided) | Verdict |',
    '|---|---|---|---|---|---|',
    ...lines,
    '',
    '<sub>p is the chance of a gain at least this large if nothing changed (for regressions, of a loss). With 3 trials per type, 0/3 → 3/3 is the smallest gain that can be significant (p = 0.05).</sub>',
  ].join('\n');
}

/** A Mermaid bar chart GitHub renders natively: before and after win rate per combination. */
function chart(rows: readonly ComparisonRow[]): string {
  if (rows.length === 0) return '';
  const label = (r: ComparisonRow) =>
    JSON.stringify(
      describeCombination({ chaosType: r.chaos_type, params: r.params }).replace(/"/g, "'"),
    );
  const percent = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 100));
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Win rate per chaos type: before (first bar) vs after (second bar)"',
    `  x-axis [${rows.map(label).join(', ')}]`,
    '  y-axis "Win rate (%)" 0 --> 100',
    `  bar [${rows.map((r) => percent(r.before.win_rate)).join(', ')}]`,
    `  bar [${rows.map((r) => percent(r.after.win_rate)).join(', ')}]`,
    '```',
  ].join('\n');
}

function findingsSummary(c: Comparison): string {
  if (c.new_findings.length === 0) return '';
  const lines = c.new_findings.slice(0, 30).map((f) => {
    const where = describeCombination({ chaosType: f.chaos_type, params: f.params });
    const count = f.trial_ids.length || f.work_ids.length;
    return `- \`${f.symptom}\` — \`${where}\` · ${f.kind} · ${count} · fix in ${f.fix_locations.map((l) => `\`${l}\``).join(', ')}`;
  });
  const more = c.new_findings.length > 30 ? `\n- …and ${c.new_findings.length - 30} more` : '';
  return `### Failures in the retry\n\n${lines.join('\n')}${more}`;
}

function imagesSection(images: readonly TestedImage[] | undefined): string {
  if (!images?.length) return '';
  return `### Images tested\n\n${images.map((i) => `- \`${i.name}\`: \`${i.reference}\`${i.digest ? ` (\`${i.digest}\`)` : ''}`).join('\n')}`;
}

function linksSection(c: Comparison, context: ComparisonContext): string {
  const lines = [
    `- Campaigns: previous ${c.previous_campaign_id} · retry ${c.retry_campaign_id} (\`uv run eval show ${c.retry_campaign_id} --remote\`)`,
  ];
  if (context.issueNumber) lines.push(`- Diagnosis: #${context.issueNumber}`);
  if (context.runUrl) lines.push(`- Full report: ${context.runUrl}`);
  lines.push(`- Next: ${context.nextStep ?? defaultNextStep(c)}`);
  return lines.join('\n');
}

function defaultNextStep(c: Comparison): string {
  if (c.verdict === 'regressed')
    return 'fix the regression before anything else; the diagnosis issue lists the new failures.';
  if (c.retry.verdict !== 'missed')
    return 'finalize: run the full validation campaign with these images.';
  return "iterate: the retry's failures are the next diagnosis.";
}
