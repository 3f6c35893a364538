import type { BrokenWorkItem, CampaignAnalysis, Finding, TrialDetail } from './analysis.js';
import { describeCombination } from './grouping.js';
import {
  renderFlaky,
  renderInvariantCoverage,
  renderTrialLogLines,
} from './render-investigation.js';
import {
  bulletList,
  capText,
  clampMarkdown,
  codeBlock,
  codeSpan,
  describeCap,
  htmlText,
  joinBlocks,
  markdownTable,
  plainText,
  truncationNote,
} from './markdown/index.js';

/** How much detail to render; the renderer steps down until the body fits. */
type DetailLevel = 'full' | 'compact' | 'findings' | 'headline';
const LEVELS: readonly DetailLevel[] = ['full', 'compact', 'findings', 'headline'];
/** Trials with evidence shown per finding at the `compact` level. */
const COMPACT_EVIDENCE = 3;

/** GitHub rejects issue and comment bodies over 65,536 characters. */
export const GITHUB_BODY_LIMIT = 65_536;

export interface RenderOptions {
  /** Text put before the report (e.g. a hidden marker); counted in the budget. */
  preamble?: string;
  /** Text put right after the headline table (e.g. the iteration history); counted in the budget. */
  afterHeadline?: string;
  /** Text put after the report (e.g. the retry YAML); counted in the budget. */
  postamble?: string;
  maxLength?: number;
  /** Where the full report lives when detail had to be dropped. */
  fullReportHint?: string;
  /** What the caller already left out, for the truncation note. */
  dropped?: readonly string[];
}

export function renderDiagnosisMarkdown(
  analysis: CampaignAnalysis,
  options: RenderOptions = {},
): string {
  const max = options.maxLength ?? GITHUB_BODY_LIMIT;
  return (
    fitDiagnosisMarkdown(analysis, options) ??
    clampMarkdown(renderAt(analysis, 'headline', options), max)
  );
}

/** The most detailed rendering that fits `maxLength`, or undefined when even the headline does not. */
export function fitDiagnosisMarkdown(
  analysis: CampaignAnalysis,
  options: RenderOptions = {},
): string | undefined {
  const max = options.maxLength ?? GITHUB_BODY_LIMIT;
  for (const level of LEVELS) {
    const body = renderAt(analysis, level, options);
    if (body.length <= max) return body;
  }
  return undefined;
}

function renderAt(analysis: CampaignAnalysis, level: DetailLevel, options: RenderOptions): string {
  const dropped = [...droppedAt(analysis, level), ...(options.dropped ?? [])];
  const note = dropped.length ? truncationNote(dropped, options.fullReportHint) : '';
  return joinBlocks(
    options.preamble,
    renderTitle(analysis),
    note,
    renderMeasures(analysis),
    options.afterHeadline,
    renderComboTable(analysis),
    level !== 'headline' && renderFindings(analysis, level),
    renderInvariantCoverage(analysis),
    renderFlaky(analysis),
    renderNotes(analysis),
    options.postamble,
  );
}

/** What a detail level leaves out, counted, for the truncation note. */
function droppedAt(a: CampaignAnalysis, level: DetailLevel): string[] {
  const withEvidence = (f: Finding) =>
    f.trial_ids.length +
    f.work_ids.filter((id) => a.broken_work_items.some((b) => b.work_id === id)).length;
  const evidence = a.findings.reduce((n, f) => n + withEvidence(f), 0);
  const shown = a.findings.reduce((n, f) => n + Math.min(COMPACT_EVIDENCE, withEvidence(f)), 0);
  switch (level) {
    case 'full':
      return [];
    case 'compact':
      return evidence > shown
        ? [
            `evidence for ${evidence - shown} of ${evidence} failed trials and broken work items (the first ${COMPACT_EVIDENCE} of each finding are shown)`,
          ]
        : [];
    case 'findings':
      return evidence
        ? [`the evidence of all ${evidence} failed trials and broken work items`]
        : [];
    case 'headline':
      return [`all ${a.findings.length} findings and their evidence`];
  }
}

export function pct(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function seconds(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)} s`;
}

export function targetVerdict(analysis: CampaignAnalysis): string {
  if (!analysis.meets_target) return 'missed';
  if (analysis.ci_lower_bound_meets_target)
    return 'reached with confidence (95% lower bound above target)';
  const needed = analysis.all_success_trials_needed;
  return needed === null
    ? 'reached, but the 95% lower bound can never clear this target'
    : `reached, but not yet confident: ${needed} more all-success trials needed`;
}

function renderTitle(a: CampaignAnalysis): string {
  const icon = a.trials === 0 ? '⚠️' : a.meets_target ? '✅' : '❌';
  return `## ${icon} Campaign ${a.campaign.id} · ${plainText(a.campaign.name)} — ${pct(a.win_rate)} vs target ${pct(a.target_win_rate)}`;
}

function renderMeasures(a: CampaignAnalysis): string {
  if (a.trials === 0) {
    return `No trials were recorded for this campaign (${a.work_items.total} work items: ${a.work_items.pending} pending, ${a.work_items.running} running, ${a.work_items.failed} failed). There is nothing to score yet.`;
  }
  const rows: [string, string][] = [
    [
      'Win rate (as `eval show` reports it)',
      `**${pct(a.win_rate)}** (${a.successes}/${a.trials}) · 95% CI ${pct(a.win_rate_ci[0])}–${pct(a.win_rate_ci[1])}`,
    ],
    [
      'Agent win rate (baseline trials left out)',
      a.agent_win_rate === null
        ? '—'
        : `${pct(a.agent_win_rate)} (${a.agent_successes}/${a.agent_trials})`,
    ],
    ['Target', `${pct(a.target_win_rate)} — ${targetVerdict(a)}`],
    ['Outcomes', `${a.successes} success · ${a.failures} failure · ${a.timeouts} timeout`],
    [
      'Work items',
      `${a.work_items.total} total · ${a.broken_work_items.length} broken (no trial row)${a.finished ? '' : ` · **${a.work_items.pending + a.work_items.running} still pending or running**`}`,
    ],
    [
      'Avg time to detect / resolve',
      `${seconds(a.avg_time_to_detect_sec)} / ${seconds(a.avg_time_to_resolve_sec)}`,
    ],
    [
      'Subject · variant · commit',
      `${plainText(a.campaign.subject)} · ${plainText(a.campaign.variant)} · ${codeSpan(a.campaign.git_commit.slice(0, 8) || 'unknown')}`,
    ],
  ];
  return markdownTable(['Measure', 'Value'], rows);
}

function renderComboTable(a: CampaignAnalysis): string {
  if (a.by_chaos_type.length === 0) return '';
  const anyBroken = a.by_chaos_type.some((c) => c.broken_work_items > 0);
  const rows = a.by_chaos_type.map((c) => {
    const status = c.baseline
      ? 'baseline'
      : c.trials === 0
        ? '⚠️ no trials'
        : c.meets_target
          ? '✅'
          : '❌ retry';
    const where = codeSpan(describeCombination({ chaosType: c.chaos_type, params: c.params }));
    const cells = [
      where,
      `${c.successes}/${c.trials}`,
      c.trials ? pct(c.win_rate) : '—',
      c.trials ? `${pct(c.ci[0])}–${pct(c.ci[1])}` : '—',
    ];
    if (anyBroken) cells.push(c.broken_work_items ? String(c.broken_work_items) : '');
    return [...cells, status];
  });
  const columns = [
    'Chaos type',
    { header: 'Wins', align: 'right' as const },
    { header: 'Win rate', align: 'right' as const },
    '95% CI',
    ...(anyBroken ? [{ header: 'Broken items', align: 'right' as const }] : []),
    'Status',
  ];
  return `### Per chaos type\n\n${markdownTable(columns, rows)}`;
}

function renderFindings(a: CampaignAnalysis, level: DetailLevel): string {
  if (a.findings.length === 0)
    return a.trials > 0 ? '### Findings\n\nNo failures to diagnose.' : '';
  const details = new Map(a.trials_detail.map((t) => [t.trial_id, t]));
  const broken = new Map(a.broken_work_items.map((b) => [b.work_id, b]));
  const sections = a.findings.map((finding, index) => {
    const where = describeCombination({ chaosType: finding.chaos_type, params: finding.params });
    const head = `#### ${index + 1}. ${codeSpan(finding.symptom)} — ${codeSpan(where)} · ${finding.kind} · ${findingCount(finding)}`;
    const cause = `**Likely cause:** ${finding.likely_cause}`;
    const fix = `**Fix in:** ${finding.fix_locations.map(codeSpan).join(', ')}`;
    const more =
      level === 'full' || level === 'compact'
        ? renderEvidence(
            a.campaign.id,
            finding,
            details,
            broken,
            level === 'full' ? Infinity : COMPACT_EVIDENCE,
          )
        : idLine(finding);
    return joinBlocks(head, `${cause}\\\n${fix}`, more);
  });
  return `### Findings\n\n${sections.join('\n\n')}`;
}

function findingCount(finding: Finding): string {
  const parts: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (finding.trial_ids.length) parts.push(plural(finding.trial_ids.length, 'trial'));
  if (finding.work_ids.length) parts.push(plural(finding.work_ids.length, 'broken work item'));
  return parts.join(' · ');
}

/** The ids of a finding when its evidence was left out; only the lists that have ids. */
function idLine(finding: Finding): string {
  const parts: string[] = [];
  if (finding.trial_ids.length) parts.push(`Trials: ${idList(finding.trial_ids)}`);
  if (finding.work_ids.length) parts.push(`Broken work items: ${idList(finding.work_ids)}`);
  return parts.join(' · ');
}

function idList(ids: readonly number[], max = 20): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

function renderEvidence(
  campaignId: number,
  finding: Finding,
  details: Map<number, TrialDetail>,
  broken: Map<number, BrokenWorkItem>,
  limit: number,
): string {
  const blocks: string[] = [];
  const shown: number[] = [];
  for (const id of finding.trial_ids) {
    if (shown.length >= limit) break;
    const detail = details.get(id);
    if (detail?.evidence) {
      blocks.push(renderTrialEvidence(detail));
      shown.push(id);
    }
  }
  let shownItems = 0;
  for (const id of finding.work_ids) {
    const item = broken.get(id);
    if (!item || shownItems >= limit) continue;
    blocks.push(renderBrokenItem(campaignId, item));
    shownItems += 1;
  }
  const rest = finding.trial_ids.filter((id) => !shown.includes(id));
  const restItems = finding.work_ids.length - shownItems;
  const hidden = [
    rest.length ? `trials ${idList(rest)}` : '',
    restItems ? `${restItems} more broken work items` : '',
  ].filter(Boolean);
  if (hidden.length) blocks.push(`Not shown: ${hidden.join(' · ')}.`);
  return blocks.join('\n\n');
}

function renderBrokenItem(campaignId: number, item: BrokenWorkItem): string {
  const summary = `Work item ${item.work_id} (${htmlText(item.chaos_type)}) failed without a trial`;
  const where = `Worker: ${codeSpan(item.worker_id ?? '—')} · VM: ${codeSpan(item.vm_name ?? '—')}`;
  const error = cappedError(
    item.error,
    `full text: ${codeSpan(`npx iterate-campaign analyze ${campaignId} --json`)} (\`broken_work_items\`)`,
  );
  return `<details><summary>${summary}</summary>\n\n${joinBlocks(where, error)}\n\n</details>`;
}

/** An error as a code block of its last lines, saying what was cut and where the rest is. */
function cappedError(text: string, rest: string): string {
  if (!text.trim()) return '_(no error text)_';
  const capped = capText(text);
  const cut = describeCap(capped);
  return joinBlocks(codeBlock(capped.text), cut && `<sub>${cut}; ${rest}</sub>`);
}

function renderTrialEvidence(t: TrialDetail): string {
  const e = t.evidence;
  const summary = `Trial ${t.trial_id} · ${t.outcome} · detect ${seconds(t.time_to_detect_sec)} · resolve ${seconds(t.time_to_resolve_sec)} · ${t.commands} commands`;
  if (!e) return `<details><summary>${htmlText(summary)}</summary>\n\n</details>`;
  const facts = [
    `Symptoms: ${t.symptoms.map(codeSpan).join(', ') || '—'} · kind: ${t.kind ?? '—'}${e.chaos_target ? ` · target: ${codeSpan(e.chaos_target)}` : ''}`,
    `Started ${e.started_at || '—'} · chaos ${e.chaos_injected_at || '—'} · ticket ${e.ticket_created_at ?? 'none'} · resolved ${e.resolved_at ?? 'not resolved'} · ended ${e.ended_at || '—'}`,
  ];
  if (e.stores_not_up.length)
    facts.push(`Final state not healthy: ${e.stores_not_up.map(plainText).join('; ')}`);
  if (e.final_state !== 'present')
    facts.push(`Final state: ${e.final_state === 'empty' ? '`{}` (empty)' : 'unparsable JSON'}`);
  facts.push(`Reproduce: ${codeSpan(e.reproduce)}`);
  const blocks = [bulletList(`<details><summary>${htmlText(summary)}</summary>`, facts)];
  if (e.work_item_error) {
    blocks.push(
      `Work item error:\n\n${cappedError(e.work_item_error, `full text: ${codeSpan(e.reproduce)}`)}`,
    );
  }
  if (e.commands.length) {
    const more =
      e.commands_total > e.commands.length
        ? `\n# …${e.commands_total - e.commands.length} more: ${e.reproduce}`
        : '';
    blocks.push(
      `Commands run (${e.commands_total}):\n\n${codeBlock(e.commands.join('\n') + more)}`,
    );
  } else blocks.push('Commands run: none recorded.');
  blocks.push(...renderTrialLogLines(t));
  return `${blocks.join('\n\n')}\n\n</details>`;
}

function renderNotes(a: CampaignAnalysis): string {
  const notes = analysisNotes(a);
  return notes.length ? bulletList('### Notes', notes) : '';
}

/** The notes under a report as sentences (also the terminal's); `code` marks a field name. */
export function analysisNotes(
  a: CampaignAnalysis,
  code: (name: string) => string = codeSpan,
): string[] {
  const notes: string[] = [];
  if (a.agent_win_rate !== null && a.agent_trials !== a.trials) {
    const agentMeets = a.agent_win_rate >= a.target_win_rate;
    if (agentMeets !== a.meets_target) {
      notes.push(
        `Baseline trials change the verdict: without them the agent's win rate is ${pct(a.agent_win_rate)}, which ${agentMeets ? 'meets' : 'misses'} the target.`,
      );
    }
  }
  if (a.anomalies.length) {
    notes.push(
      `Upstream's ${code('eval analyze')} fails on this campaign: its scorer raises on ${a.anomalies.length} trial row(s) (trials ${[...new Set(a.anomalies.map((x) => x.trial_id))].slice(0, 10).join(', ')}). They are scored here as upstream's guards intend; the reasons are under ${code('anomalies')} in the JSON output.`,
    );
  }
  if (!a.finished) notes.push('The campaign is still running: these numbers are partial.');
  return notes;
}
