import type { Comparison, ComparisonRow, RowVerdict } from '../compare.js';
import { describeCombination } from '../grouping.js';
import type { ComparisonContext } from '../render-comparison.js';
import { pct } from '../render-diagnosis.js';
import { painter, type Painter, type TerminalStyle, type Tone } from './style.js';
import { hangingIndent, renderPairs, renderTable } from './table.js';

export type ComparisonTextContext = Pick<
  ComparisonContext,
  'images' | 'issueNumber' | 'runUrl' | 'nextStep'
>;

const VERDICT_TONE: Record<RowVerdict, Tone> = {
  fixed: 'good',
  improved: 'info',
  inconclusive: 'warn',
  'still failing': 'bad',
  regressed: 'bad',
  held: 'good',
};

/** `compare` for a person at a terminal: the verdict, one aligned row per combination, what next. */
export function renderComparisonText(
  c: Comparison,
  context: ComparisonTextContext,
  style: TerminalStyle,
): string {
  const p = painter(style);
  return [
    headline(c, style, p),
    rowsTable(c.rows, style, p),
    flakyFixes(c, style, p),
    failures(c, style, p),
    images(context, style, p),
    links(c, context, style, p),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function headline(c: Comparison, style: TerminalStyle, p: Painter): string {
  const r = c.retry;
  const tone: Tone = c.verdict === 'regressed' || r.verdict === 'missed' ? 'bad' : 'good';
  const target = pct(c.target_win_rate);
  const status =
    r.verdict === 'reached'
      ? `target ${target} reached with confidence (95% lower bound ${pct(r.ci[0])})`
      : r.verdict === 'reached-not-confident'
        ? `target ${target} reached, not yet confident: ${r.all_success_trials_needed ?? '∞'} more all-success trials needed`
        : `target ${target} missed`;
  const lines = [
    `${p.mark(tone)} ${p.bold(`Retry campaign ${c.retry_campaign_id} vs campaign ${c.previous_campaign_id}`)}: ${p.tone(tone, `${pct(r.win_rate)} (${r.successes}/${r.trials}), ${status}`)}`,
    `  95% CI ${pct(r.ci[0])}–${pct(r.ci[1])} · baseline trials left out · verdict ${p.bold(c.verdict)}`,
  ];
  if (c.regressions.length) {
    const names = c.regressions.map((x) =>
      describeCombination({ chaosType: x.chaos_type, params: x.params }),
    );
    lines.push(`  ${p.mark('bad')} ${p.tone('bad', `Regressions: ${names.join(', ')}`)}`);
  }
  return lines.map((l, i) => hangingIndent(l, style.width, i ? 4 : 2)).join('\n');
}

function share(side: ComparisonRow['before']): string {
  return side.trials ? `${side.successes}/${side.trials} ${pct(side.win_rate)}` : '—';
}

function rowsTable(rows: readonly ComparisonRow[], style: TerminalStyle, p: Painter): string {
  if (rows.length === 0) return '';
  const table = renderTable(
    [
      { header: 'Chaos type', flex: true },
      { header: 'Before', align: 'right' },
      { header: 'After', align: 'right' },
      { header: 'p', align: 'right' },
      { header: 'Verdict' },
    ],
    rows.map((r) => [
      describeCombination({ chaosType: r.chaos_type, params: r.params }),
      share(r.before),
      share(r.after),
      (r.verdict === 'regressed' ? r.p_regression : r.p_improvement).toFixed(3),
      `${p.mark(VERDICT_TONE[r.verdict])} ${p.tone(VERDICT_TONE[r.verdict], r.verdict)}${r.next_trials ? p.dim(` +${r.next_trials} trials`) : ''}`,
    ]),
    style,
  );
  const note = p.dim(
    `  ${hangingIndent('p: one-sided Fisher exact test, the chance of a change at least this large if nothing changed.', style.width - 2, 2)}`,
  );
  return `${p.heading('Per chaos type')}\n${table}\n${note}`;
}

function flakyFixes(c: Comparison, style: TerminalStyle, p: Painter): string {
  const lines = (c.flaky_fixes ?? []).map((f) => {
    const where = describeCombination({ chaosType: f.chaos_type, params: f.params });
    const more =
      f.more_trials_needed === null
        ? 'no number of extra trials separates a fix from its noise'
        : f.more_trials_needed === 0
          ? 'the retry already beats its usual pass rate'
          : `${f.more_trials_needed} more all-success trials would tell a fix from noise`;
    const text = `${p.mark('warn')} ${where} is flaky (flips ${Math.round(f.flip_rate * 100)}% over ${f.campaigns} campaigns, ${Math.round(f.pooled_rate * 100)}% of its trials passed): "fixed" at ${f.retry.successes}/${f.retry.trials} may be luck; ${more}.`;
    return `  ${hangingIndent(text, style.width - 2, 4)}`;
  });
  return lines.join('\n');
}

function failures(c: Comparison, style: TerminalStyle, p: Painter): string {
  if (c.new_findings.length === 0) return '';
  const shown = c.new_findings.slice(0, 30);
  const lines = shown.map((f) => {
    const where = describeCombination({ chaosType: f.chaos_type, params: f.params });
    const count = f.trial_ids.length
      ? `${f.trial_ids.length} trial(s)`
      : `${f.work_ids.length} work item(s)`;
    const head = `${p.mark(f.kind === 'pipeline' ? 'warn' : 'bad')} ${p.bold(f.symptom)} — ${where} · ${f.kind} · ${count}`;
    const fix = p.dim(hangingIndent(`fix in ${f.fix_locations.join(', ')}`, style.width - 4, 4));
    return `  ${hangingIndent(head, style.width - 2, 4)}\n    ${fix}`;
  });
  if (c.new_findings.length > shown.length)
    lines.push(
      `  ${p.dim(`…and ${c.new_findings.length - shown.length} more (--json lists them all)`)}`,
    );
  return `${p.heading('Failures in the retry')}\n${lines.join('\n')}`;
}

function images(context: ComparisonTextContext, style: TerminalStyle, p: Painter): string {
  if (!context.images?.length) return '';
  const pairs = context.images.map(
    (i) => [i.name, `${i.reference}${i.digest ? ` ${p.dim(i.digest)}` : ''}`] as const,
  );
  return `${p.heading('Images tested')}\n${renderPairs(pairs, style)}`;
}

function links(
  c: Comparison,
  context: ComparisonTextContext,
  style: TerminalStyle,
  p: Painter,
): string {
  const pairs: [string, string][] = [
    [
      'Campaigns',
      `previous ${c.previous_campaign_id} · retry ${c.retry_campaign_id} (uv run eval show ${c.retry_campaign_id} --remote)`,
    ],
  ];
  if (context.issueNumber) pairs.push(['Diagnosis', `issue #${context.issueNumber}`]);
  if (context.runUrl) pairs.push(['Full report', context.runUrl]);
  if (context.nextStep) pairs.push(['Next', p.bold(context.nextStep)]);
  return renderPairs(pairs, style);
}
