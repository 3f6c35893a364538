import type { CampaignAnalysis, Finding, TrialDetail } from './analysis.js';
import { describeCombination } from './grouping.js';
import {
  renderFlaky,
  renderInvariantCoverage,
  renderTrialLogLines,
} from './render-investigation.js';

/** How much detail to render; the renderer steps down until the body fits. */
export type DetailLevel = 'full' | 'compact' | 'findings' | 'headline';
const LEVELS: readonly DetailLevel[] = ['full', 'compact', 'findings', 'headline'];

/** GitHub rejects issue and comment bodies over 65,536 characters. */
export const GITHUB_BODY_LIMIT = 65_536;

export interface RenderOptions {
  /** Text put before the report (e.g. a hidden marker); counted in the budget. */
  preamble?: string;
  /** Text put after the report (e.g. an iteration history); counted in the budget. */
  postamble?: string;
  maxLength?: number;
  /** Where the full report lives when detail had to be dropped. */
  fullReportHint?: string;
}

export function renderDiagnosisMarkdown(
  analysis: CampaignAnalysis,
  options: RenderOptions = {},
): string {
  const max = options.maxLength ?? GITHUB_BODY_LIMIT;
  const wrap = (body: string) =>
    [options.preamble, body, options.postamble].filter(Boolean).join('\n\n');
  for (const level of LEVELS) {
    const body = wrap(renderAt(analysis, level, options.fullReportHint));
    if (body.length <= max) return body;
  }
  const minimal = wrap(
    renderHeadline(analysis) + '\n\n' + trimmedNote('headline', options.fullReportHint),
  );
  return minimal.length <= max ? minimal : minimal.slice(0, max);
}

function renderAt(analysis: CampaignAnalysis, level: DetailLevel, hint?: string): string {
  const parts = [renderHeadline(analysis), renderComboTable(analysis)];
  if (level !== 'headline') parts.push(renderFindings(analysis, level));
  parts.push(renderInvariantCoverage(analysis), renderFlaky(analysis));
  parts.push(renderNotes(analysis));
  if (level !== 'full') parts.push(trimmedNote(level, hint));
  return parts.filter(Boolean).join('\n\n');
}

function trimmedNote(level: DetailLevel, hint?: string): string {
  const dropped = {
    full: '',
    compact: 'evidence is shown for the first 3 trials of each finding',
    findings: 'per-trial evidence was left out',
    headline: 'findings and evidence were left out',
  }[level];
  return `> [!NOTE]\n> This report was shortened to fit GitHub's size limit: ${dropped}.${hint ? ` ${hint}` : ''}`;
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

function renderHeadline(a: CampaignAnalysis): string {
  const icon = a.trials === 0 ? '⚠️' : a.meets_target ? '✅' : '❌';
  const title = `## ${icon} Campaign ${a.campaign.id} · ${escapeMd(a.campaign.name)} — ${pct(a.win_rate)} vs target ${pct(a.target_win_rate)}`;
  if (a.trials === 0) {
    return `${title}\n\nNo trials were recorded for this campaign (${a.work_items.total} work items: ${a.work_items.pending} pending, ${a.work_items.running} running, ${a.work_items.failed} failed). There is nothing to score yet.`;
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
      `${a.campaign.subject} · ${a.campaign.variant} · \`${a.campaign.git_commit.slice(0, 8) || 'unknown'}\``,
    ],
  ];
  return `${title}\n\n| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`;
}

function renderComboTable(a: CampaignAnalysis): string {
  if (a.by_chaos_type.length === 0) return '';
  const lines = a.by_chaos_type.map((c) => {
    const status = c.baseline
      ? 'baseline'
      : c.trials === 0
        ? '⚠️ no trials'
        : c.meets_target
          ? '✅'
          : '❌ retry';
    const params = Object.keys(c.params).length ? `\`${JSON.stringify(c.params)}\`` : '';
    const broken = c.broken_work_items ? String(c.broken_work_items) : '';
    return `| \`${c.chaos_type}\` | ${params} | ${c.successes}/${c.trials} | ${c.trials ? pct(c.win_rate) : '—'} | ${pct(c.ci[0])}–${pct(c.ci[1])} | ${broken} | ${status} |`;
  });
  return `### Per chaos type\n\n| Chaos type | Params | Wins | Win rate | 95% CI | Broken items | Status |\n|---|---|---|---|---|---|---|\n${lines.join('\n')}`;
}

function renderFindings(a: CampaignAnalysis, level: DetailLevel): string {
  if (a.findings.length === 0)
    return a.trials > 0 ? '### Findings\n\nNo failures to diagnose.' : '';
  const details = new Map(a.trials_detail.map((t) => [t.trial_id, t]));
  const broken = new Map(a.broken_work_items.map((b) => [b.work_id, b]));
  const sections = a.findings.map((finding, index) => {
    const where = describeCombination({ chaosType: finding.chaos_type, params: finding.params });
    const count = finding.trial_ids.length
      ? `${finding.trial_ids.length} trial${finding.trial_ids.length === 1 ? '' : 's'}`
      : `${finding.work_ids.length} work item${finding.work_ids.length === 1 ? '' : 's'}`;
    const head = `#### ${index + 1}. \`${finding.symptom}\` — \`${where}\` · ${finding.kind} · ${count}`;
    const body = [
      `**Likely cause:** ${finding.likely_cause}`,
      `**Fix in:** ${finding.fix_locations.map((f) => `\`${f}\``).join(', ')}`,
    ];
    if (level === 'full' || level === 'compact') {
      const limit = level === 'full' ? Infinity : 3;
      body.push(renderEvidence(finding, details, broken, limit));
    } else {
      body.push(
        `Trials: ${idList(finding.trial_ids)}${finding.work_ids.length ? ` · work items: ${idList(finding.work_ids)}` : ''}`,
      );
    }
    return [head, ...body].join('\n\n');
  });
  return `### Findings\n\n${sections.join('\n\n')}`;
}

function idList(ids: readonly number[], max = 20): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

function renderEvidence(
  finding: Finding,
  details: Map<number, TrialDetail>,
  broken: Map<number, CampaignAnalysis['broken_work_items'][number]>,
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
  for (const id of finding.work_ids.slice(0, limit)) {
    const item = broken.get(id);
    if (item) {
      blocks.push(
        `<details><summary>Work item ${item.work_id} (${escapeHtml(item.chaos_type)}) failed without a trial</summary>\n\n` +
          `- Worker: ${item.worker_id ?? '—'} · VM: ${item.vm_name ?? '—'}\n- Error:\n\n${fence(item.error || '(no error text)')}\n</details>`,
      );
    }
  }
  const hidden = finding.trial_ids.length + finding.work_ids.length - blocks.length;
  const rest = finding.trial_ids.filter((id) => !shown.includes(id));
  if (hidden > 0)
    blocks.push(`…and ${hidden} more${rest.length ? ` (trials ${idList(rest)})` : ''}.`);
  return blocks.join('\n');
}

function renderTrialEvidence(t: TrialDetail): string {
  const e = t.evidence;
  const summary = `Trial ${t.trial_id} · ${t.outcome} · detect ${seconds(t.time_to_detect_sec)} · resolve ${seconds(t.time_to_resolve_sec)} · ${t.commands} commands`;
  if (!e) return `- ${summary}`;
  const lines = [
    `- Symptoms: ${t.symptoms.map((s) => `\`${s}\``).join(', ') || '—'} · kind: ${t.kind ?? '—'}${e.chaos_target ? ` · target: \`${e.chaos_target}\`` : ''}`,
    `- Started ${e.started_at || '—'} · chaos ${e.chaos_injected_at || '—'} · ticket ${e.ticket_created_at ?? 'none'} · resolved ${e.resolved_at ?? 'not resolved'} · ended ${e.ended_at || '—'}`,
  ];
  if (e.stores_not_up.length)
    lines.push(`- Final state not healthy: ${e.stores_not_up.map(escapeMd).join('; ')}`);
  if (e.final_state !== 'present')
    lines.push(`- Final state: ${e.final_state === 'empty' ? '`{}` (empty)' : 'unparsable JSON'}`);
  if (e.work_item_error) lines.push(`- Work item error: ${fenceInline(e.work_item_error)}`);
  if (e.commands.length) {
    const more =
      e.commands_total > e.commands.length
        ? `\n# …${e.commands_total - e.commands.length} more`
        : '';
    lines.push(`- Commands run (${e.commands_total}):\n\n${fence(e.commands.join('\n') + more)}`);
  } else lines.push('- Commands run: none recorded');
  lines.push(`- Reproduce: \`${e.reproduce}\``, ...renderTrialLogLines(t));
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${lines.join('\n')}\n</details>`;
}

function renderNotes(a: CampaignAnalysis): string {
  const notes = analysisNotes(a);
  return notes.length ? `### Notes\n\n${notes.map((n) => `- ${n}`).join('\n')}` : '';
}

/** The notes under a report as sentences (also the terminal's); `code` marks a field name. */
export function analysisNotes(
  a: CampaignAnalysis,
  code = (name: string) => `\`${name}\``,
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

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}\n${text}\n${ticks}`;
}

function fenceInline(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').slice(0, 300);
  return `\`\` ${oneLine.replace(/`/g, "'")} \`\``;
}

export function escapeMd(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, '\\$1');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
