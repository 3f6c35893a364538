import type { Cause } from './causes.js';
import { isPdRelatedChaosType } from './chaos-types.js';
import {
  combinationKey,
  identifyTrial,
  indexWorkItemsByTrial,
  workItemCombination,
  type Combination,
} from './grouping.js';
import type {
  CampaignData,
  CampaignRecord,
  TrialRecord,
  TrialWorkItem,
  WorkItemRecord,
  WorkItemSummary,
} from './records.js';
import type { FailingCombination } from './campaign/retry.js';
import { scoreTrial, type Outcome, type TrialScore } from './scoring.js';
import { allSuccessTrialsNeeded, ExactMean, wilsonInterval } from './stats.js';
import {
  classifyFailedTrial,
  type FailureKind,
  type Symptom,
  type TrialSymptom,
} from './symptoms.js';
import { describeEvidence, type TrialEvidence } from './evidence.js';
import { toIsoString } from './time.js';
import {
  checkChaosTypeTargets,
  targetFor,
  type ChaosTypeTargetCheck,
  type ChaosTypeTargets,
} from './targets.js';
import type { InvariantCoverage, InvariantSource } from './invariants/coverage.js';
import type { FlakyCombination } from './flaky.js';

export interface AnalysisOptions {
  /** Target win rate as a fraction (0.9 for 90%): overall, and per chaos type without its own. */
  target: number;
  /** Per-chaos-type targets (config `targets`): which combinations fail, and what meets_target needs. */
  targets?: ChaosTypeTargets;
  causes: Record<Symptom, Cause>;
  /** The analysing machine's current UTC offset; upstream reads naive-vs-aware mixes with it. */
  localUtcOffsetMinutes: number;
}

export interface TrialDetail {
  trial_id: number;
  work_id: number | null;
  /** Subject the trial ran on (its work item's subject_type, else the campaign's subject). */
  subject: string;
  chaos_type: string;
  params: Record<string, unknown>;
  baseline: boolean;
  outcome: Outcome;
  time_to_detect_sec: number | null;
  time_to_resolve_sec: number | null;
  commands: number;
  symptoms: TrialSymptom[];
  kind: FailureKind | null;
  /** For the first trials of each finding (EVIDENCE_PER_FINDING). */
  evidence?: TrialEvidence;
  /** Lines of the worker log from the claim of this trial's work item to its completion. */
  log_excerpt?: string[];
}

export interface ComboStats {
  subject: string;
  chaos_type: string;
  /** As the work items stored them (`50.0` stays a float): the retry reruns exactly these. */
  params: Record<string, unknown>;
  /** The work items' resolution_timeout (seconds; the largest if they differ), null = default. */
  resolution_timeout: number | null;
  baseline: boolean;
  trials: number;
  successes: number;
  failures: number;
  timeouts: number;
  broken_work_items: number;
  win_rate: number;
  ci: [number, number];
  meets_target: boolean;
  failed_trial_ids: number[];
}

export interface BrokenWorkItem {
  work_id: number;
  subject: string;
  chaos_type: string;
  params: Record<string, unknown>;
  worker_id: string | null;
  vm_name: string | null;
  error: string;
}

export interface Finding {
  symptom: Symptom;
  chaos_type: string;
  params: Record<string, unknown>;
  trial_ids: number[];
  work_ids: number[];
  kind: FailureKind;
  likely_cause: string;
  fix_locations: string[];
}

export interface CampaignAnalysis {
  campaign: {
    id: number;
    name: string;
    subject: string;
    git_commit: string;
    created_at: string;
    variant: string;
  };
  target_win_rate: number;
  trials: number;
  successes: number;
  failures: number;
  timeouts: number;
  /** Upstream's headline: successes / trial rows, baseline trials included. */
  win_rate: number;
  win_rate_ci: [number, number];
  /** The overall win rate meets the target and every chaos type with its own target meets it. */
  meets_target: boolean;
  /** Chaos types with their own target (config `targets`), judged over all their params. */
  chaos_type_targets?: ChaosTypeTargetCheck[];
  ci_lower_bound_meets_target: boolean;
  /** All-success trials still needed before the interval's lower bound clears the target. */
  all_success_trials_needed: number | null;
  agent_trials: number;
  agent_successes: number;
  /** The same rate without baseline trials (no chaos, no agent); null when there are none. */
  agent_win_rate: number | null;
  avg_time_to_detect_sec: number | null;
  avg_time_to_resolve_sec: number | null;
  total_commands: number;
  total_unique_commands: number;
  work_items: {
    total: number;
    pending: number;
    running: number;
    completed: number;
    failed: number;
  };
  finished: boolean;
  broken_work_items: BrokenWorkItem[];
  by_chaos_type: ComboStats[];
  /** Non-baseline combinations below target, or whose every work item broke: the retry's input. */
  failing: FailingCombination[];
  findings: Finding[];
  trials_detail: TrialDetail[];
  /** Rows on which upstream's scorer raises, with the reason. */
  anomalies: { trial_id: number; message: string }[];
  /** Set by `analyze`: invariant verdicts of the failing combinations (see --source-dir). */
  invariant_coverage?: InvariantCoverage[];
  /** Why invariant coverage was not checked, or not at the campaign's commit, said once. */
  invariant_coverage_note?: string;
  /** Set by `analyze` with a source directory: the commit the invariant files were read at. */
  invariant_source?: InvariantSource;
  /** Set by `analyze`: pass history of every combination over the last campaigns of the series. */
  flaky?: FlakyCombination[];
  /** True when upstream's `eval analyze` would fail on this campaign (any anomaly). */
  upstream_analyze_fails: boolean;
}

/** Everything in memory (tests, small campaigns): the same analysis `CampaignAnalyzer` streams. */
export function analyzeCampaign(data: CampaignData, options: AnalysisOptions): CampaignAnalysis {
  const itemsByTrial = indexWorkItemsByTrial(data.workItems);
  const analyzer = new CampaignAnalyzer(data.campaign, summarizeWorkItems(data.workItems), options);
  for (const trial of data.trials) analyzer.add(trial, itemsByTrial.get(trial.id));
  const { analysis, evidenceTrialIds } = analyzer.finish();
  const trialsById = new Map(data.trials.map((trial) => [trial.id, trial]));
  const sources = new Map<number, EvidenceSource>();
  for (const id of evidenceTrialIds) {
    const trial = trialsById.get(id);
    if (trial) sources.set(id, { trial, workItem: itemsByTrial.get(id) });
  }
  attachEvidence(analysis, sources);
  return analysis;
}

/** The work items as the analysis reads them, one group per item (the analysis merges equal ones). */
function summarizeWorkItems(items: readonly WorkItemRecord[]): WorkItemSummary {
  return {
    groups: items.map((item) => ({
      subjectType: item.subjectType,
      chaosType: item.chaosType,
      chaosParams: item.chaosParams,
      baseline: item.baseline,
      resolutionTimeout: item.resolutionTimeout,
    })),
    statuses: countStatuses(items),
    broken: items.filter((item) => item.status === 'failed' && item.trialId === null),
  };
}

/** The full rows behind one evidence block. */
export interface EvidenceSource {
  trial: TrialRecord;
  workItem: WorkItemRecord | undefined;
}

/**
 * Scores a campaign one trial at a time, keeping only counts, the failing trials' details and the
 * anomalies: memory does not grow with the successful trials. Trials may come in any order.
 */
export class CampaignAnalyzer {
  private readonly combos: ComboTable;
  private readonly failed: TrialDetail[] = [];
  private readonly anomalies: CampaignAnalysis['anomalies'] = [];
  private readonly detectTimes = new ExactMean();
  private readonly resolveTimes = new ExactMean();
  private readonly totals = {
    trials: 0,
    successes: 0,
    failures: 0,
    timeouts: 0,
    agentTrials: 0,
    agentSuccesses: 0,
    commands: 0,
    unique: 0,
  };

  constructor(
    private readonly campaign: CampaignRecord,
    private readonly workItems: WorkItemSummary,
    private readonly options: AnalysisOptions,
  ) {
    this.combos = new ComboTable(options.target, options.targets);
    for (const group of workItems.groups) {
      ComboTable.noteTimeout(
        this.combos.ensure(workItemCombination(group), group.baseline),
        group.resolutionTimeout,
      );
    }
  }

  add(trial: TrialRecord, workItem: TrialWorkItem | undefined): void {
    const { campaign, options, totals } = this;
    const identity = identifyTrial(trial, workItem, campaign.subjectName);
    const score = scoreTrial(trial, campaign.subjectName, options.localUtcOffsetMinutes);
    countTrial(totals, score, identity.baseline);
    if (score.timeToDetectSec !== null) this.detectTimes.add(score.timeToDetectSec);
    if (score.timeToResolveSec !== null) this.resolveTimes.add(score.timeToResolveSec);
    for (const message of score.anomalies) this.anomalies.push({ trial_id: trial.id, message });
    const row = this.combos.ensure(identity, identity.baseline, trial.id);
    row.trials += 1;
    if (score.outcome === 'success') {
      row.successes += 1;
      return;
    }
    if (score.outcome === 'failure') row.failures += 1;
    else row.timeouts += 1;
    row.failed_trial_ids.push(trial.id);
    const classification = classifyFailedTrial(trial, score);
    this.failed.push({
      trial_id: trial.id,
      work_id: identity.workItem?.id ?? null,
      subject: identity.subject,
      chaos_type: identity.chaosType,
      params: identity.params,
      baseline: identity.baseline,
      outcome: score.outcome,
      time_to_detect_sec: score.timeToDetectSec,
      time_to_resolve_sec: score.timeToResolveSec,
      commands: score.commandCount,
      symptoms: classification.symptoms,
      kind: classification.kind,
    });
  }

  /** The analysis, and the trials whose evidence it shows (see `attachEvidence`). */
  finish(): { analysis: CampaignAnalysis; evidenceTrialIds: number[] } {
    const { campaign, options, totals, workItems } = this;
    const details = this.failed.sort((a, b) => a.trial_id - b.trial_id);
    const anomalies = stableSortByTrial(this.anomalies);
    const broken = workItems.broken.map(toBrokenWorkItem);
    for (const item of broken) this.combos.ensure(item, false).broken_work_items += 1;

    const { successes, agentTrials, agentSuccesses } = totals;
    const winRate = totals.trials ? successes / totals.trials : 0;
    const ci = wilsonInterval(successes, totals.trials);
    const byChaosType = this.combos.finish();
    const typeTargets = checkChaosTypeTargets(byChaosType, options.targets);
    const findings = buildFindings(details, byChaosType, broken, options.causes);
    const analysis: CampaignAnalysis = {
      campaign: {
        id: campaign.id,
        name: campaign.name,
        subject: campaign.subjectName,
        git_commit: campaign.gitCommitHash,
        created_at: safeIso(campaign.createdAt),
        variant: campaign.variantName,
      },
      target_win_rate: options.target,
      trials: totals.trials,
      successes,
      failures: totals.failures,
      timeouts: totals.timeouts,
      win_rate: winRate,
      win_rate_ci: ci,
      meets_target: winRate >= options.target && typeTargets.every((t) => t.meets_target),
      ...(typeTargets.length ? { chaos_type_targets: typeTargets } : {}),
      ci_lower_bound_meets_target: ci[0] >= options.target,
      all_success_trials_needed: allSuccessTrialsNeeded(successes, totals.trials, options.target),
      agent_trials: agentTrials,
      agent_successes: agentSuccesses,
      agent_win_rate: agentTrials ? agentSuccesses / agentTrials : null,
      avg_time_to_detect_sec: meanOrNull(this.detectTimes),
      avg_time_to_resolve_sec: meanOrNull(this.resolveTimes),
      total_commands: totals.commands,
      total_unique_commands: totals.unique,
      work_items: { ...workItems.statuses },
      finished: workItems.statuses.pending === 0 && workItems.statuses.running === 0,
      broken_work_items: broken,
      by_chaos_type: byChaosType,
      failing: byChaosType
        .filter(
          (c) =>
            !c.baseline &&
            (c.trials === 0
              ? c.broken_work_items > 0
              : c.win_rate < targetFor(options.target, options.targets, c.chaos_type)),
        )
        .map((c) => ({
          subject: c.subject,
          chaos_type: c.chaos_type,
          params: c.params,
          resolution_timeout: c.resolution_timeout,
        })),
      findings,
      trials_detail: details,
      anomalies,
      upstream_analyze_fails: anomalies.length > 0,
    };
    return { analysis, evidenceTrialIds: evidenceTrialIds(findings) };
  }
}

/**
 * Evidence for the first trials of each finding: enough to act on, and bounded, so a
 * 100,000-trial campaign does not build (or fetch commands for) tens of thousands of blocks.
 */
const EVIDENCE_PER_FINDING = 25;

function evidenceTrialIds(findings: readonly Finding[]): number[] {
  const ids = new Set<number>();
  for (const finding of findings) {
    for (const id of finding.trial_ids.slice(0, EVIDENCE_PER_FINDING)) ids.add(id);
  }
  return [...ids];
}

/** Evidence blocks of the trials `CampaignAnalyzer.finish` named, from their full rows. */
export function attachEvidence(
  analysis: CampaignAnalysis,
  sources: ReadonlyMap<number, EvidenceSource>,
): void {
  for (const detail of analysis.trials_detail) {
    const source = sources.get(detail.trial_id);
    if (source && !detail.evidence)
      detail.evidence = describeEvidence(source.trial, source.workItem);
  }
}

/** Trials whose evidence still lacks its commands (the reader only counted them). */
export function trialsNeedingCommands(analysis: CampaignAnalysis): number[] {
  return analysis.trials_detail
    .filter((d) => d.evidence && d.evidence.commands.length === 0 && d.evidence.commands_total > 0)
    .map((d) => d.trial_id);
}

function stableSortByTrial<T extends { trial_id: number }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) {
    if (items[i - 1]!.trial_id > items[i]!.trial_id) {
      return items
        .map((item, index) => ({ item, index }))
        .sort((a, b) => a.item.trial_id - b.item.trial_id || a.index - b.index)
        .map(({ item }) => item);
    }
  }
  return items;
}

function countTrial(
  totals: {
    trials: number;
    successes: number;
    failures: number;
    timeouts: number;
    agentTrials: number;
    agentSuccesses: number;
    commands: number;
    unique: number;
  },
  score: TrialScore,
  baseline: boolean,
): void {
  totals.trials += 1;
  totals[
    score.outcome === 'success'
      ? 'successes'
      : score.outcome === 'failure'
        ? 'failures'
        : 'timeouts'
  ] += 1;
  if (!baseline) {
    totals.agentTrials += 1;
    if (score.outcome === 'success') totals.agentSuccesses += 1;
  }
  totals.commands += score.commandCount;
  totals.unique += score.uniqueCommands;
}

/** Upstream averages over every trial with a value (not only successes), via statistics.mean. */
function meanOrNull(values: ExactMean): number | null {
  return values.count ? values.value() : null;
}

function safeIso(text: string): string {
  try {
    return toIsoString(text);
  } catch {
    return text;
  }
}

const KNOWN_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;

function countStatuses(items: readonly WorkItemRecord[]): CampaignAnalysis['work_items'] {
  const counts = { total: items.length, pending: 0, running: 0, completed: 0, failed: 0 };
  for (const item of items) {
    const status = item.status as (typeof KNOWN_STATUSES)[number];
    if (KNOWN_STATUSES.includes(status)) counts[status] += 1;
  }
  return counts;
}

function toBrokenWorkItem(item: WorkItemRecord): BrokenWorkItem {
  return {
    work_id: item.id,
    ...comboFields(workItemCombination(item)),
    worker_id: item.workerId,
    vm_name: item.vmName,
    error: item.error ?? '',
  };
}

function comboFields(c: Combination) {
  return { subject: c.subject ?? '', chaos_type: c.chaosType, params: c.params };
}

class ComboTable {
  private readonly rows = new Map<string, ComboStats>();
  /** Rows a trial created (no work item has their combination): the smallest such trial id. */
  private readonly firstTrial = new Map<ComboStats, number>();

  constructor(
    private readonly target: number,
    private readonly targets: ChaosTypeTargets | undefined,
  ) {}

  /**
   * The row of a combination, created on first sight so rows keep campaign file order; rows that
   * trials create are ordered by their first trial, whatever order the trials come in. Runs once
   * per trial, so it allocates only a new row.
   */
  ensure(
    combination:
      Combination | { subject: string; chaos_type: string; params: Record<string, unknown> },
    baseline: boolean,
    trialId?: number,
  ): ComboStats {
    const c: Combination =
      'chaosType' in combination
        ? combination
        : {
            subject: combination.subject,
            chaosType: combination.chaos_type,
            params: combination.params,
          };
    const key = comboKey(c.subject ?? '', c.chaosType, c.params, baseline);
    let row = this.rows.get(key);
    if (!row) {
      row = {
        ...comboFields(c),
        resolution_timeout: null,
        baseline,
        trials: 0,
        successes: 0,
        failures: 0,
        timeouts: 0,
        broken_work_items: 0,
        win_rate: 0,
        ci: [0, 1],
        meets_target: false,
        failed_trial_ids: [],
      };
      this.rows.set(key, row);
      if (trialId !== undefined) this.firstTrial.set(row, trialId);
    }
    const first = this.firstTrial.get(row);
    if (first !== undefined && trialId !== undefined && trialId < first) {
      this.firstTrial.set(row, trialId);
    }
    return row;
  }

  /** The work items' resolution_timeout: the largest of the row's. */
  static noteTimeout(row: ComboStats, timeout: number | null): void {
    if (timeout !== null && (row.resolution_timeout ?? -Infinity) < timeout) {
      row.resolution_timeout = timeout;
    }
  }

  finish(): ComboStats[] {
    return this.ordered().map((row) => ({
      ...row,
      failed_trial_ids: sortedIds(row.failed_trial_ids),
      win_rate: row.trials ? row.successes / row.trials : 0,
      ci: wilsonInterval(row.successes, row.trials),
      meets_target:
        row.trials > 0 &&
        row.successes / row.trials >= targetFor(this.target, this.targets, row.chaos_type),
    }));
  }

  private ordered(): ComboStats[] {
    const rows = [...this.rows.values()];
    const created = rows.filter((row) => this.firstTrial.has(row));
    if (created.length < 2) return rows;
    // Trial-created rows sit together (after the work items', before the broken items'): reorder them.
    const start = rows.indexOf(created[0]!);
    created.sort((a, b) => this.firstTrial.get(a)! - this.firstTrial.get(b)!);
    rows.splice(start, created.length, ...created);
    return rows;
  }
}

function sortedIds(ids: number[]): number[] {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return ids.sort((a, b) => a - b);
  return ids;
}

function comboKey(
  subject: string,
  chaosType: string,
  params: Record<string, unknown>,
  baseline: boolean,
): string {
  return combinationKey({ subject, chaosType, params }) + (baseline ? '|baseline' : '');
}

function buildFindings(
  details: readonly TrialDetail[],
  combos: readonly ComboStats[],
  broken: readonly BrokenWorkItem[],
  causes: Record<Symptom, Cause>,
): Finding[] {
  const make = (
    symptom: Symptom,
    combo: { chaos_type: string; params: Record<string, unknown> },
    trials: readonly TrialDetail[],
    workIds: number[],
    kind: FailureKind,
  ): Finding => ({
    symptom,
    chaos_type: combo.chaos_type,
    params: combo.params,
    trial_ids: trials.map((t) => t.trial_id),
    work_ids: workIds,
    kind,
    likely_cause: causes[symptom].likelyCause,
    fix_locations: causes[symptom].fixLocations,
  });

  const patterns: Finding[] = [];
  const perTrial: Finding[] = [];
  const failedByCombo = groupBy(
    details.filter((d) => d.outcome !== 'success'),
    (d) => comboKey(d.subject, d.chaos_type, d.params, d.baseline),
  );

  for (const combo of combos) {
    const failed =
      failedByCombo.get(comboKey(combo.subject, combo.chaos_type, combo.params, combo.baseline)) ??
      [];
    const allNoTicket =
      !combo.baseline &&
      combo.trials > 0 &&
      failed.length === combo.trials &&
      failed.every((d) => d.symptoms.includes('no-ticket'));
    if (allNoTicket) patterns.push(make('all-failed-no-ticket', combo, failed, [], 'pipeline'));
    const byPrimary = groupBy(failed, (d) => d.symptoms[0] ?? 'timeout');
    for (const [symptom, trials] of byPrimary) {
      if (allNoTicket && symptom === 'no-ticket') continue;
      const kind = trials.every((t) => t.kind === 'agent') ? 'agent' : 'pipeline';
      perTrial.push(make(symptom as TrialSymptom, combo, trials, [], kind));
    }
  }

  const pdCombos = combos.filter((c) => !c.baseline && isPdRelatedChaosType(c.chaos_type));
  if (pdCombos.length > 0 && pdCombos.every((c) => c.trials > 0 && c.successes === 0)) {
    const trials = details.filter((d) => !d.baseline && isPdRelatedChaosType(d.chaos_type));
    const names = [...new Set(pdCombos.map((c) => c.chaos_type))].join(', ');
    patterns.push(
      make('pd-chaos-failing', { chaos_type: names, params: {} }, trials, [], 'pipeline'),
    );
  }

  const brokenByCombo = groupBy(broken, (b) => comboKey(b.subject, b.chaos_type, b.params, false));
  const brokenFindings = [...brokenByCombo.values()].map((items) =>
    make(
      'broken-work-item',
      items[0]!,
      [],
      items.map((i) => i.work_id),
      'pipeline',
    ),
  );

  const size = (f: Finding) => f.trial_ids.length + f.work_ids.length;
  perTrial.sort((a, b) => (a.kind === b.kind ? size(b) - size(a) : a.kind === 'pipeline' ? -1 : 1));
  return [...patterns, ...brokenFindings, ...perTrial];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
