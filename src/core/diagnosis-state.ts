/**
 * The diagnosis issue of a campaign series, as data: the hidden marker that identifies it, the
 * machine-readable state block later runs (and other commands) read back, the iteration-history
 * table, the issue body, and the decision of what one analysis does to the issue. Pure: no I/O.
 */
import { renderHandoff, type HandoffOptions } from './handoff.js';
import { z } from 'zod';
import type { CampaignAnalysis } from './analysis.js';
import { describeCombination } from './grouping.js';
import { codeBlock, codeSpan, joinBlocks, markdownTable } from './markdown/index.js';
import {
  fitDiagnosisMarkdown,
  GITHUB_BODY_LIMIT,
  pct,
  renderDiagnosisMarkdown,
} from './render-diagnosis.js';

const STATE_VERSION = 1;
/** Iterations kept in the state block and the history table (oldest dropped first). */
export const MAX_ITERATIONS = 25;
/** Failing combinations named per iteration; the rest are counted. */
const MAX_FAILING_NAMED = 8;

const MARKER_PREFIX = '<!-- iterate-campaign:diagnosis series=';
const STATE_OPEN = '<!-- iterate-campaign:state';
const STATE_CLOSE = '-->';

// ── marker ─────────────────────────────────────────────────────────────────────────────────────

/** `<!-- iterate-campaign:diagnosis series=tikv-all-chaos-cloud -->`; the series is URI-encoded. */
export function diagnosisMarker(series: string): string {
  return `${MARKER_PREFIX}${encodeURIComponent(series)} -->`;
}

/** True when the body carries this series' marker on a line of its own. */
export function hasDiagnosisMarker(body: string | null | undefined, series: string): boolean {
  if (!body) return false;
  const marker = diagnosisMarker(series);
  return body.split(/\r?\n/).some((line) => line.trim() === marker);
}

/** Marker of a comment the bot writes once per event (close, reopen, duplicate). */
function eventMarker(event: 'close' | 'reopen' | 'duplicate', key: string | number): string {
  return `<!-- iterate-campaign:${event} ${encodeURIComponent(String(key))} -->`;
}

// ── state block ────────────────────────────────────────────────────────────────────────────────

const combinationSchema = z.object({
  /** Absent in states written before multi-subject retries. */
  subject: z.string().optional(),
  chaos_type: z.string(),
  params: z.record(z.string(), z.unknown()),
});

const iterationSchema = z.object({
  campaign_id: z.number().int().positive(),
  /** When the campaign was created (ISO 8601), not when it was analyzed: re-runs stay identical. */
  date: z.string(),
  win_rate: z.number().min(0).max(1),
  target_win_rate: z.number().gt(0).max(1),
  meets_target: z.boolean(),
  trials: z.number().int().min(0),
  failing: z.array(z.string()),
  failing_count: z.number().int().min(0),
  /** The workflow run that first recorded this iteration. */
  run_url: z.url().optional(),
});

const stateSchema = z
  .object({
    version: z.literal(STATE_VERSION),
    series: z.string().min(1),
    revision: z.number().int().min(0),
    target_win_rate: z.number().gt(0).max(1),
    latest_campaign_id: z.number().int().positive(),
    campaign_ids: z.array(z.number().int().positive()),
    failing: z.array(combinationSchema),
    iterations: z.array(iterationSchema).min(1).max(MAX_ITERATIONS),
  })
  .strict()
  .superRefine((state, ctx) => {
    const ids = state.iterations.map((i) => i.campaign_id);
    if (ids.join() !== state.campaign_ids.join()) {
      ctx.addIssue({ code: 'custom', message: 'campaign_ids must list the iterations in order' });
    }
    if (ids.some((id, index) => index > 0 && id <= ids[index - 1]!)) {
      ctx.addIssue({ code: 'custom', message: 'iterations must be in ascending campaign order' });
    }
    if (ids.at(-1) !== state.latest_campaign_id) {
      ctx.addIssue({ code: 'custom', message: 'latest_campaign_id must be the last iteration' });
    }
  });

export type DiagnosisState = z.infer<typeof stateSchema>;
type DiagnosisIteration = z.infer<typeof iterationSchema>;

export type StateReadResult =
  { kind: 'absent' } | { kind: 'invalid'; reason: string } | { kind: 'ok'; state: DiagnosisState };

/**
 * The state block as a hidden HTML comment. `<`, `>` and `&` are written as JSON unicode escapes so
 * no string inside (a chaos type, a series name) can end the comment early.
 */
export function serializeDiagnosisState(state: DiagnosisState): string {
  const json = JSON.stringify(stateSchema.parse(state))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
  return `${STATE_OPEN}\n${json}\n${STATE_CLOSE}`;
}

/** Reads the state block back from an issue body, validating it (for `series` when given). */
export function readDiagnosisState(
  body: string | null | undefined,
  series?: string,
): StateReadResult {
  const text = body ?? '';
  const start = text.indexOf(`${STATE_OPEN}\n`);
  if (start < 0) return { kind: 'absent' };
  const jsonStart = start + STATE_OPEN.length + 1;
  const end = text.indexOf(`\n${STATE_CLOSE}`, jsonStart);
  if (end < 0) return { kind: 'invalid', reason: 'the state block is not terminated' };
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(jsonStart, end));
  } catch (error) {
    return { kind: 'invalid', reason: `the state block is not JSON (${(error as Error).message})` };
  }
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'state'}: ${i.message}`);
    return { kind: 'invalid', reason: problems.join('; ') };
  }
  if (series !== undefined && parsed.data.series !== series) {
    return { kind: 'invalid', reason: `the state belongs to series '${parsed.data.series}'` };
  }
  return { kind: 'ok', state: parsed.data };
}

// ── state transitions ──────────────────────────────────────────────────────────────────────────

/** What one analysis adds to the history. */
function iterationOf(analysis: CampaignAnalysis, runUrl?: string): DiagnosisIteration {
  const failing = analysis.failing.map((combo) =>
    describeCombination({
      subject: combo.subject,
      chaosType: combo.chaos_type,
      params: combo.params,
    }),
  );
  return {
    campaign_id: analysis.campaign.id,
    date: analysis.campaign.created_at,
    win_rate: roundRate(analysis.win_rate),
    target_win_rate: analysis.target_win_rate,
    meets_target: analysis.meets_target,
    trials: analysis.trials,
    failing: failing.slice(0, MAX_FAILING_NAMED),
    failing_count: failing.length,
    ...(runUrl ? { run_url: runUrl } : {}),
  };
}

/**
 * The state after recording `analysis`. The campaign's iteration replaces an earlier record of the
 * same campaign (keeping the run that first recorded it), iterations stay in campaign order and the
 * oldest are dropped past MAX_ITERATIONS. `revision` is unchanged: bump it only when writing.
 */
export function nextDiagnosisState(
  previous: DiagnosisState | undefined,
  analysis: CampaignAnalysis,
  runUrl?: string,
): DiagnosisState {
  const earlier = previous?.iterations.find((i) => i.campaign_id === analysis.campaign.id);
  const iteration = iterationOf(analysis, earlier?.run_url ?? runUrl);
  const others = (previous?.iterations ?? []).filter(
    (i) => i.campaign_id !== iteration.campaign_id,
  );
  const iterations = [...others, iteration]
    .sort((a, b) => a.campaign_id - b.campaign_id)
    .slice(-MAX_ITERATIONS);
  const latest = iterations.at(-1)!;
  const latestIsThis = latest.campaign_id === analysis.campaign.id;
  return {
    version: STATE_VERSION,
    series: analysis.campaign.name,
    revision: previous?.revision ?? 0,
    target_win_rate: latestIsThis ? analysis.target_win_rate : previous!.target_win_rate,
    latest_campaign_id: latest.campaign_id,
    campaign_ids: iterations.map((i) => i.campaign_id),
    failing: latestIsThis
      ? analysis.failing.map((f) => ({
          subject: f.subject,
          chaos_type: f.chaos_type,
          params: f.params,
        }))
      : previous!.failing,
    iterations,
  };
}

export function withRevision(state: DiagnosisState, revision: number): DiagnosisState {
  return { ...state, revision };
}

function roundRate(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}

// ── decision ───────────────────────────────────────────────────────────────────────────────────

export type DiagnosisAction = 'create' | 'update' | 'close' | 'reopen' | 'skip-older' | 'nothing';

export interface DiagnosisDecision {
  action: DiagnosisAction;
  /** One sentence for the log and the summary. */
  reason: string;
}

export interface ExistingDiagnosis {
  number: number;
  open: boolean;
  /** Undefined when the body has no readable state block (then ordering cannot be checked). */
  state: DiagnosisState | undefined;
}

export interface CampaignVerdict {
  campaignId: number;
  meetsTarget: boolean;
  /** Every work item is completed or failed. */
  finished: boolean;
  /** There is something to report: trials, or work items that broke. */
  scorable: boolean;
}

export function verdictOf(analysis: CampaignAnalysis): CampaignVerdict {
  return {
    campaignId: analysis.campaign.id,
    meetsTarget: analysis.meets_target,
    finished: analysis.finished,
    scorable: analysis.trials > 0 || analysis.broken_work_items.length > 0,
  };
}

/**
 * What one analysis does to the series' issue. Runs are ordered by campaign id: an older campaign
 * never overwrites, closes or reopens what a newer one wrote. No issue and the target met: nothing
 * (no noise). Open: update while the target is missed, close once it is met. Closed: record a
 * passing campaign quietly, reopen on a regression.
 */
export function decideDiagnosisAction(
  existing: ExistingDiagnosis | undefined,
  verdict: CampaignVerdict,
): DiagnosisDecision {
  const id = verdict.campaignId;
  if (!verdict.finished) {
    return nothing(`campaign ${id} is still running; partial numbers are not written to the issue`);
  }
  if (!verdict.scorable) return nothing(`campaign ${id} has no trials and no broken work items`);
  if (!existing) {
    return verdict.meetsTarget
      ? nothing(`campaign ${id} meets the target and the series has no diagnosis issue`)
      : { action: 'create', reason: `campaign ${id} missed the target` };
  }
  const latest = existing.state?.latest_campaign_id;
  if (latest !== undefined && id < latest) {
    return {
      action: 'skip-older',
      reason: `issue #${existing.number} already shows campaign ${latest}, newer than ${id}`,
    };
  }
  if (existing.open) {
    return verdict.meetsTarget
      ? { action: 'close', reason: `campaign ${id} meets the target` }
      : { action: 'update', reason: `campaign ${id} still misses the target` };
  }
  return verdict.meetsTarget
    ? { action: 'update', reason: `campaign ${id} meets the target; the issue stays closed` }
    : { action: 'reopen', reason: `campaign ${id} regressed below the target` };
}

function nothing(reason: string): DiagnosisDecision {
  return { action: 'nothing', reason };
}

// ── rendering ──────────────────────────────────────────────────────────────────────────────────

/** Newest first; `limit` keeps the newest rows and notes how many were left out. */
export function renderIterationHistory(state: DiagnosisState, limit = MAX_ITERATIONS): string {
  const rows = [...state.iterations].reverse();
  const shown = rows.slice(0, limit);
  const lines = shown.map((i) => {
    const status = i.meets_target ? '✅' : '❌';
    const run = i.run_url ? `[run](${i.run_url})` : '—';
    const id =
      i.campaign_id === state.latest_campaign_id ? `**${i.campaign_id}**` : `${i.campaign_id}`;
    return [
      id,
      i.date.slice(0, 10),
      `${status} ${pct(i.win_rate)}`,
      pct(i.target_win_rate),
      failingCell(i),
      run,
    ];
  });
  const table = markdownTable(
    ['Campaign', 'Date', 'Win rate', 'Target', 'Failing combinations', 'Run'],
    lines,
  );
  const more =
    rows.length > shown.length
      ? `\n\n${rows.length - shown.length} older iteration(s) not shown.`
      : '';
  return `### Iteration history\n\n${table}${more}`;
}

function failingCell(iteration: DiagnosisIteration): string {
  if (iteration.failing_count === 0) return '—';
  const named = iteration.failing.map(codeSpan).join(', ');
  const rest = iteration.failing_count - iteration.failing.length;
  return rest > 0 ? `${named} and ${rest} more` : named;
}

export interface IssueBodyOptions {
  /** The targeted retry campaign YAML, shown collapsed when it fits. */
  retryYaml?: string;
  maxLength?: number;
  /** Adds the "For a coding agent" section at the end. */
  handoff?: HandoffOptions;
}

/**
 * The issue body: marker and state block first (never dropped), then the diagnosis, the history
 * and the retry YAML. Detail is dropped in stages until it fits: the renderer's levels first, then
 * the retry YAML, then older history rows — never a cut through a table.
 */
export function renderDiagnosisIssueBody(
  analysis: CampaignAnalysis,
  state: DiagnosisState,
  options: IssueBodyOptions = {},
): string {
  const maxLength = options.maxLength ?? GITHUB_BODY_LIMIT;
  const preamble = [
    diagnosisMarker(state.series),
    serializeDiagnosisState(state),
    issueIntro(state),
  ].join('\n');
  const yaml = options.retryYaml ? retryYamlSection(options.retryYaml) : '';
  const handoff = options.handoff ? renderHandoff(analysis, options.handoff) : '';
  const history = (limit?: number) => renderIterationHistory(state, limit);
  const older = (kept: number) => {
    const left = state.iterations.length - kept;
    return left > 0 ? [`${left} older iteration row${left === 1 ? '' : 's'}`] : [];
  };
  const yamlDropped = yaml ? ['the targeted retry campaign YAML (it is in the pull request)'] : [];
  const stages: { history: string; yaml: string; dropped: string[] }[] = [
    { history: history(), yaml, dropped: [] },
    { history: history(), yaml: '', dropped: yamlDropped },
    { history: history(5), yaml: '', dropped: [...yamlDropped, ...older(5)] },
    { history: history(1), yaml: '', dropped: [...yamlDropped, ...older(1)] },
  ];
  const render = (stage: (typeof stages)[number]) => ({
    preamble,
    afterHeadline: stage.history,
    postamble: joinBlocks(stage.yaml, handoff),
    dropped: stage.dropped,
    maxLength,
    fullReportHint: 'The job summary of the run has the full report.',
  });
  for (const stage of stages) {
    const body = fitDiagnosisMarkdown(analysis, render(stage));
    if (body !== undefined) return body;
  }
  return renderDiagnosisMarkdown(analysis, render(stages.at(-1)!));
}

function issueIntro(state: DiagnosisState): string {
  return (
    `> Diagnosis of the campaign series ${codeSpan(state.series)}, kept up to date by ` +
    'iterate-campaign: updated in place after each campaign, closed when one meets the target, ' +
    'reopened on a regression. Edits to this body are overwritten.'
  );
}

function retryYamlSection(yaml: string): string {
  return `<details><summary>Targeted retry campaign</summary>\n\n${codeBlock(yaml.trimEnd(), 'yaml')}\n\n</details>`;
}

/** Stable issue title: body edits do not notify, title edits add timeline noise. */
export function diagnosisIssueTitle(series: string): string {
  const title = `Campaign diagnosis: ${series}`;
  return title.length <= 256 ? title : `${title.slice(0, 255)}…`;
}

/** Comment posted when a campaign closes the issue. */
export function closeComment(analysis: CampaignAnalysis): string {
  return [
    eventMarker('close', analysis.campaign.id),
    `✅ Campaign ${analysis.campaign.id} meets the target: win rate ${pct(analysis.win_rate)} ≥ ${pct(analysis.target_win_rate)}. Closing; a later regression reopens this issue.`,
  ].join('\n');
}

/** Comment posted when a campaign reopens the issue. */
export function reopenComment(analysis: CampaignAnalysis): string {
  return [
    eventMarker('reopen', analysis.campaign.id),
    `❌ Regression: campaign ${analysis.campaign.id} is at ${pct(analysis.win_rate)}, below the target ${pct(analysis.target_win_rate)}. Reopening with the new diagnosis.`,
  ].join('\n');
}

/** Comment posted on an issue closed as a duplicate of the series' issue. */
export function duplicateComment(keptNumber: number): string {
  return [
    eventMarker('duplicate', keptNumber),
    `Duplicate of #${keptNumber}: two runs created the diagnosis issue at the same time; #${keptNumber} is kept.`,
  ].join('\n');
}
