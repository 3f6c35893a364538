import type { CampaignAnalysis, Finding, TrialDetail } from '../analysis.js';
import { describeCombination } from '../grouping.js';
import { analysisNotes, pct, targetVerdict } from '../render-diagnosis.js';
import { painter, type Painter, type TerminalStyle } from './style.js';
import { hangingIndent, renderPairs, renderTable, truncate } from './table.js';

/**
 * `analyze` for a person at a terminal: the verdict first, aligned tables, one line per failed
 * trial with the command that reproduces it. No Markdown, no HTML, no hidden markers.
 */
export function renderAnalysisText(analysis: CampaignAnalysis, style: TerminalStyle): string {
  const p = painter(style);
  const sections = [
    hangingIndent(headline(analysis, p), style.width, 2),
    analysis.trials
      ? renderPairs(summaryPairs(analysis, p), style)
      : `  ${hangingIndent(emptyNote(analysis), style.width - 2, 2)}`,
    comboTable(analysis, style, p),
    findings(analysis, style, p),
    coverage(analysis, style, p),
    flaky(analysis, style, p),
    notes(analysis, p, style.width),
  ];
  return sections.filter(Boolean).join('\n\n');
}

function headline(a: CampaignAnalysis, p: Painter): string {
  const tone = a.trials === 0 ? 'warn' : a.meets_target ? 'good' : 'bad';
  const verdict = a.trials === 0 ? 'no trials' : a.meets_target ? 'target met' : 'target missed';
  return `${p.mark(tone)} ${p.bold(`Campaign ${a.campaign.id} · ${a.campaign.name}`)}: ${p.tone(tone, `${pct(a.win_rate)} vs target ${pct(a.target_win_rate)}, ${verdict}`)}`;
}

function emptyNote(a: CampaignAnalysis): string {
  const w = a.work_items;
  return `No trials were recorded (${w.total} work items: ${w.pending} pending, ${w.running} running, ${w.failed} failed). There is nothing to score yet.`;
}

function seconds(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)} s`;
}

function summaryPairs(a: CampaignAnalysis, p: Painter): [string, string][] {
  const unfinished = a.work_items.pending + a.work_items.running;
  return [
    [
      'Win rate',
      `${p.bold(pct(a.win_rate))} (${a.successes}/${a.trials}) · 95% CI ${pct(a.win_rate_ci[0])}–${pct(a.win_rate_ci[1])}`,
    ],
    [
      'Agent win rate',
      a.agent_win_rate === null
        ? '—'
        : `${pct(a.agent_win_rate)} (${a.agent_successes}/${a.agent_trials}), baseline trials left out`,
    ],
    ['Target', `${pct(a.target_win_rate)}: ${targetVerdict(a)}`],
    ['Outcomes', `${a.successes} success · ${a.failures} failure · ${a.timeouts} timeout`],
    [
      'Work items',
      `${a.work_items.total} total · ${a.broken_work_items.length} broken (no trial row)${a.finished ? '' : ` · ${p.tone('warn', `${unfinished} still pending or running`)}`}`,
    ],
    [
      'Detect / resolve',
      `${seconds(a.avg_time_to_detect_sec)} / ${seconds(a.avg_time_to_resolve_sec)} on average`,
    ],
    [
      'Subject',
      `${a.campaign.subject} · variant ${a.campaign.variant} · commit ${a.campaign.git_commit.slice(0, 8) || 'unknown'}`,
    ],
  ];
}

function comboTable(a: CampaignAnalysis, style: TerminalStyle, p: Painter): string {
  if (a.by_chaos_type.length === 0) return '';
  const anyBroken = a.by_chaos_type.some((c) => c.broken_work_items > 0);
  const rows = a.by_chaos_type.map((c) => {
    const status = c.baseline
      ? p.dim('baseline')
      : c.trials === 0
        ? `${p.mark('warn')} no trials`
        : c.meets_target
          ? p.mark('good')
          : `${p.mark('bad')} retry`;
    return [
      describeCombination({ chaosType: c.chaos_type, params: c.params }),
      `${c.successes}/${c.trials}`,
      c.trials ? pct(c.win_rate) : '—',
      `${pct(c.ci[0])}–${pct(c.ci[1])}`,
      ...(anyBroken ? [c.broken_work_items ? String(c.broken_work_items) : ''] : []),
      status,
    ];
  });
  const table = renderTable(
    [
      { header: 'Chaos type', flex: true },
      { header: 'Wins', align: 'right' },
      { header: 'Rate', align: 'right' },
      { header: '95% CI' },
      ...(anyBroken ? [{ header: 'Broken', align: 'right' as const }] : []),
      { header: 'Status' },
    ],
    rows,
    style,
  );
  return `${p.heading('Per chaos type')}\n${table}`;
}

function findings(a: CampaignAnalysis, style: TerminalStyle, p: Painter): string {
  if (a.findings.length === 0)
    return a.trials > 0 ? `${p.heading('Findings')}\n  No failures to diagnose.` : '';
  const details = new Map(a.trials_detail.map((t) => [t.trial_id, t]));
  const sections = a.findings.map((f, i) => finding(f, i + 1, a, details, style, p));
  return `${p.heading('Findings')}\n${sections.join('\n\n')}`;
}

function finding(
  f: Finding,
  index: number,
  a: CampaignAnalysis,
  details: ReadonlyMap<number, TrialDetail>,
  style: TerminalStyle,
  p: Painter,
): string {
  const where = describeCombination({ chaosType: f.chaos_type, params: f.params });
  const count = f.trial_ids.length
    ? plural(f.trial_ids.length, 'trial')
    : plural(f.work_ids.length, 'work item');
  const kindTone = f.kind === 'pipeline' ? 'warn' : 'bad';
  const head = `  ${hangingIndent(`${p.bold(`${index}. ${f.symptom}`)} — ${where} · ${p.tone(kindTone, f.kind)} · ${count}`, style.width - 2, 5)}`;
  const about = renderPairs(
    [
      ['Likely cause', f.likely_cause],
      ['Fix in', f.fix_locations.join(', ')],
    ],
    style,
    5,
  );
  return [head, about, evidence(f, a, details, style, p)].filter(Boolean).join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line per failed trial (and per broken work item), each with what reproduces or explains it. */
function evidence(
  f: Finding,
  a: CampaignAnalysis,
  details: ReadonlyMap<number, TrialDetail>,
  style: TerminalStyle,
  p: Painter,
): string {
  const rows: string[][] = [];
  const shown = new Set<number>();
  for (const id of f.trial_ids) {
    const t = details.get(id);
    if (!t?.evidence) continue;
    shown.add(id);
    rows.push([
      `${p.mark(t.outcome === 'timeout' ? 'warn' : 'bad')} trial ${t.trial_id}`,
      t.outcome,
      t.symptoms.join(', ') || '—',
      t.evidence.reproduce,
    ]);
  }
  const broken = new Map(a.broken_work_items.map((b) => [b.work_id, b]));
  for (const id of f.work_ids) {
    const item = broken.get(id);
    if (!item) continue;
    const error = truncate(
      oneLine(item.error) || '(no error text)',
      Math.max(20, style.width - 40),
    );
    rows.push([`${p.mark('bad')} item ${id}`, 'failed', `on ${item.worker_id ?? '—'}`, error]);
  }
  const rest = f.trial_ids.filter((id) => !shown.has(id));
  const more = rest.length
    ? `\n     ${p.dim(hangingIndent(`…and ${plural(rest.length, 'more trial')}: ${idList(rest)}`, style.width - 5, 5))}`
    : '';
  if (!rows.length) return more.trimStart() ? `     ${more.trim()}` : '';
  const table = renderTable(
    [
      { header: 'Trial' },
      { header: 'Outcome' },
      { header: 'Symptoms', flex: true },
      { header: 'Reproduce' },
    ],
    rows,
    style,
    { indent: 5, header: false },
  );
  return `${table}${more}`;
}

function idList(ids: readonly number[], max = 20): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const COVERAGE_TONE = { missing: 'bad', insensitive: 'warn', covered: 'good' } as const;

function coverage(a: CampaignAnalysis, style: TerminalStyle, p: Painter): string {
  const rows = a.invariant_coverage ?? [];
  const note = a.invariant_coverage_note
    ? `  ${hangingIndent(p.dim(a.invariant_coverage_note), style.width - 2, 2)}`
    : '';
  if (!rows.length) return note ? `${p.heading('Invariant coverage')}\n${note}` : '';
  const table = renderTable(
    [
      { header: 'Chaos type', flex: true },
      { header: 'Verdict' },
      { header: 'Invariants', flex: true },
      { header: 'Why', flex: true },
    ],
    rows.map((r) => [
      describeCombination({ chaosType: r.chaos_type, params: r.params }),
      `${p.mark(COVERAGE_TONE[r.verdict])} ${r.verdict}`,
      r.invariants.map((i) => `${i.name} (${i.file}:${i.line})`).join(', ') || '—',
      r.reason,
    ]),
    style,
  );
  return [p.heading('Invariant coverage'), table, note].filter(Boolean).join('\n');
}

function flaky(a: CampaignAnalysis, style: TerminalStyle, p: Painter): string {
  const rows = (a.flaky ?? []).filter((f) => f.flaky);
  if (!rows.length) return '';
  const lines = rows.map((f) => {
    const history = f.campaigns.map((c) => `${c.successes}/${c.trials}`).join(' → ');
    const where = describeCombination({ chaosType: f.chaos_type, params: f.params });
    const text = `${p.mark('warn')} ${where}: ${history} over ${f.campaigns.length} campaigns, flips ${Math.round((f.flip_rate ?? 0) * 100)}% of the time`;
    return `  ${hangingIndent(text, style.width - 2, 4)}`;
  });
  return `${p.heading('Flaky across campaigns')} ${p.dim('(oldest first; one campaign says little here)')}\n${lines.join('\n')}`;
}

function notes(a: CampaignAnalysis, p: Painter, width: number): string {
  const lines = analysisNotes(a, (name) => name);
  if (!lines.length) return '';
  const items = lines.map((l) => `  ${hangingIndent(`${p.mark('info')} ${l}`, width - 2, 4)}`);
  return `${p.heading('Notes')}\n${items.join('\n')}`;
}
