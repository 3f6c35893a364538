/**
 * Report bodies built from hand-made campaign records through the real analysis, comparison and
 * renderers: the hard cases for what people read on GitHub (pipes and backticks in params, a long
 * traceback, 30 combinations, regressions, a body far over GitHub's limit).
 */
import { analyzeCampaign, type CampaignAnalysis } from '../../src/core/analysis.js';
import {
  builtImagesSummary,
  commandFailure,
  imagePlanSummary,
  reconcileSummary,
  retrySummary,
  withheldNote,
  type RetrySummary,
} from '../../src/core/command-summaries.js';
import { resolveCauses } from '../../src/core/causes.js';
import { compareCampaigns } from '../../src/core/compare.js';
import { nextDiagnosisState, renderDiagnosisIssueBody } from '../../src/core/diagnosis-state.js';
import type { TrialRecord, WorkItemRecord } from '../../src/core/records.js';
import { renderDiagnosisMarkdown } from '../../src/core/render-diagnosis.js';
import { renderRetryComment } from '../../src/core/retry-report.js';
import { campaign, DOWN_STATE, trial, workItem } from './records.js';

export interface ComboPlan {
  chaosType: string;
  params: Record<string, unknown>;
  wins: number;
  trials: number;
  /** Work items that failed without a trial, with this error text. */
  broken?: { count: number; error: string };
}

/** A finished campaign whose combinations win `wins` of `trials`; failures leave a store down. */
export function campaignAnalysis(
  id: number,
  plans: readonly ComboPlan[],
  name = 'tikv-all-chaos-cloud',
): CampaignAnalysis {
  const trials: TrialRecord[] = [];
  const items: WorkItemRecord[] = [];
  let next = id * 10_000;
  for (const plan of plans) {
    for (let k = 0; k < plan.trials; k++) {
      next += 1;
      const trialId = next;
      items.push(
        workItem(next, {
          campaignId: id,
          chaosType: plan.chaosType,
          chaosParams: plan.params,
          trialId,
        }),
      );
      const failed = k >= plan.wins ? { resolvedAt: null, finalState: DOWN_STATE } : {};
      trials.push(
        trial(trialId, {
          campaignId: id,
          chaosMetadata: { chaos_type: plan.chaosType, target_container: 'tikv1', ...plan.params },
          ...failed,
        }),
      );
    }
    for (let k = 0; k < (plan.broken?.count ?? 0); k++) {
      next += 1;
      items.push(
        workItem(next, {
          campaignId: id,
          chaosType: plan.chaosType,
          chaosParams: plan.params,
          status: 'failed',
          error: plan.broken!.error,
        }),
      );
    }
  }
  return analyzeCampaign(
    { campaign: campaign({ id, name }), trials, workItems: items },
    { target: 0.9, causes: resolveCauses(), localUtcOffsetMinutes: 0 },
  );
}

/** A Python traceback of `lines` lines, some of them 300 characters long. */
function longTraceback(lines = 61): string {
  return [
    'Traceback (most recent call last):',
    ...Array.from({ length: lines - 2 }, (_, i) =>
      i % 7 === 3
        ? `  File "/srv/eval/runner/worker.py", line ${100 + i}, in run_trial: ${'state = capture(cluster, timeout=30) | retry '.repeat(7)}`
        : `  File "/srv/eval/runner/step_${i}.py", line ${i + 1}, in step`,
    ),
    'RuntimeError: VM tikv-eval-3 did not become ready within 600 s',
  ].join('\n');
}

const AWKWARD: ComboPlan[] = [
  { chaosType: 'network_partition', params: { target: 'pd|tikv' }, wins: 0, trials: 3 },
  { chaosType: 'latency', params: { min_ms: 50, max_ms: 150 }, wins: 1, trials: 3 },
  { chaosType: 'tikv_`weird`_chaos', params: { cmd: 'echo ``x`` | wc' }, wins: 0, trials: 2 },
  {
    chaosType: 'disk_pressure',
    params: { fill_percent: 95 },
    wins: 0,
    trials: 0,
    broken: { count: 2, error: longTraceback() },
  },
  { chaosType: 'node_kill', params: {}, wins: 3, trials: 3 },
];

/** 30 combinations: some fixed, some still failing, two regressed, two new in the retry. */
function thirtyCombinations(): { before: ComboPlan[]; after: ComboPlan[] } {
  const before: ComboPlan[] = [];
  const after: ComboPlan[] = [];
  for (let i = 0; i < 30; i++) {
    const chaosType = ['latency', 'packet_loss', 'disk_pressure', 'cpu_starvation'][i % 4]!;
    const params =
      chaosType === 'latency'
        ? { min_ms: 10 * (i + 1), max_ms: 100 * (i + 1) }
        : {
            percent: i,
            label: i % 5 === 0 ? 'a|b' : i === 13 ? 'a-label-long-enough-to-be-shortened' : 'plain',
          };
    const wins = i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : 3;
    if (i < 28) before.push({ chaosType, params, wins, trials: 3 });
    const afterWins = i === 4 || i === 11 ? 0 : i % 3 === 0 ? 3 : wins;
    after.push({ chaosType, params, wins: afterWins, trials: 3 });
  }
  return { before, after };
}

const RUN_URL = 'https://github.com/o/r/actions/runs/42';

/** Small rates next to real zeros: a 3 % must not look like 0 %, nor 0 % like "not run". */
const SMALL_RATES: { before: ComboPlan[]; after: ComboPlan[] } = {
  before: [
    { chaosType: 'latency', params: { min_ms: 5 }, wins: 1, trials: 30 },
    { chaosType: 'packet_loss', params: { percent: 5 }, wins: 0, trials: 3 },
    { chaosType: 'disk_pressure', params: {}, wins: 2, trials: 40 },
  ],
  after: [
    { chaosType: 'latency', params: { min_ms: 5 }, wins: 0, trials: 3 },
    { chaosType: 'packet_loss', params: { percent: 5 }, wins: 1, trials: 25 },
    { chaosType: 'disk_pressure', params: {}, wins: 3, trials: 3 },
    { chaosType: 'node_kill', params: {}, wins: 0, trials: 3 },
  ],
};

const AWKWARD_TEXT = 'line one\nline `two` | *three* <b>';

/** A retry whose series, campaign name and withheld combination carry Markdown punctuation. */
export const AWKWARD_RETRY: RetrySummary = {
  retryCampaignId: 21,
  prNumber: 4,
  mergeSha: 'abcdef1234',
  previousCampaignId: 20,
  how: "diagnosis issue #12 (series 'tikv_*all*|chaos')",
  campaignName: 'tikv-`retry`',
  workItems: 9,
  combinations: 3,
  operatorImage: '',
  viaCli: true,
  withheld: [{ chaos_type: 'tikv_`weird`_chaos', params: { cmd: 'a|b' }, reason: AWKWARD_TEXT }],
};

/** A job summary of the other commands (plan, build, retry, reconcile, a failure) with awkward values. */
function commandSummaries(): string {
  const awkward = AWKWARD_TEXT;
  return [
    imagePlanSummary(
      {
        images: [
          {
            name: 'operator',
            dockerfile: 'Dockerfile',
            context: '.',
            platform: 'linux/amd64',
            tag: 'ghcr.io/o/operator:abc1234',
            reasons: ['operator/pd|tikv.go changed'],
          },
        ],
        testCommands: ['echo ``x`` | wc', 'go test ./...'],
        summary: '1 image to rebuild at abc1234.',
      },
      12,
    ),
    builtImagesSummary([
      { name: 'op|erator', reference: 'ghcr.io/o/echo ``x`` | wc', digest: 'sha256:`00`' },
      { name: 'tikv', reference: 'ghcr.io/o/tikv:abc1234', digest: 'sha256:11', skipped: true },
    ]),
    retrySummary(AWKWARD_RETRY),
    withheldNote([{ chaos_type: 'quantum|flux', params: {}, reason: awkward }]),
    `### Reconcile o/r\n\n${reconcileSummary([
      { retryCampaignId: 7, action: 'error', detail: awkward },
      { retryCampaignId: 8, action: 'reported', detail: 'Commented on #4.' },
    ])}`,
    commandFailure('wait', `database-url: bad\n| x | y |\n|---|---|`),
  ].join('\n\n');
}

/** Every fixture body, by file name, as it would be posted. */
export function renderFixtures(): Record<string, string> {
  const awkward = campaignAnalysis(7, AWKWARD, 'tikv_all_chaos*cloud');
  const thirty = thirtyCombinations();
  const previous = campaignAnalysis(20, thirty.before);
  const retry = campaignAnalysis(21, thirty.after, 'tikv-all-chaos-cloud-retry');
  const comparison = compareCampaigns(previous, retry, 0.9);
  const comment = (maxLength?: number) =>
    renderRetryComment({
      comparison,
      context: {
        issueNumber: 12,
        runUrl: RUN_URL,
        images: [
          { name: 'operator', reference: 'ghcr.io/o/operator:abc1234', digest: 'sha256:00ff' },
        ],
      },
      next: { validationFile: 'campaigns/tikv-all-chaos-cloud.yaml', issueNumber: 12 },
      ...(maxLength ? { maxLength } : {}),
    });
  const huge = campaignAnalysis(
    30,
    Array.from({ length: 120 }, (_, i) => ({
      chaosType: 'packet_loss',
      params: { percent: i },
      wins: 0,
      trials: 5,
    })),
  );
  const small = compareCampaigns(
    campaignAnalysis(40, SMALL_RATES.before),
    campaignAnalysis(41, SMALL_RATES.after, 'tikv-all-chaos-cloud-retry'),
    0.9,
  );
  return {
    'diagnosis-awkward.md': renderDiagnosisMarkdown(awkward),
    'issue-body-awkward-handoff.md': renderDiagnosisIssueBody(
      awkward,
      nextDiagnosisState(undefined, awkward),
      {
        retryYaml: 'name: "tikv_all_chaos*cloud-retry"\n',
        handoff: {
          issueNumber: 12,
          testSuites: [{ name: 'tikv', command: 'cargo test ```odd``` | tee', triggers: ['**'] }],
        },
      },
    ),
    'pr-comment-small-rates.md': renderRetryComment({
      comparison: small,
      context: { issueNumber: 12, runUrl: RUN_URL, images: [] },
      next: { validationFile: 'campaigns/tikv-all-chaos-cloud.yaml', issueNumber: 12 },
    }),
    'job-summary-commands.md': commandSummaries(),
    'diagnosis-awkward-findings-only.md': renderDiagnosisMarkdown(awkward, { maxLength: 4_000 }),
    'issue-body-huge.md': renderDiagnosisIssueBody(huge, nextDiagnosisState(undefined, huge), {
      retryYaml: 'x: 1\n'.repeat(2_000),
    }),
    'pr-comment-30.md': comment(),
    'pr-comment-30-shortened.md': comment(5_000),
    'job-summary-30.md': `> [!NOTE]\n> Compared retry 21 with campaign 20.\n\n${comment()}`,
  };
}
