import { describe, expect, it } from 'vitest';
import { analyzeCampaign, type CampaignAnalysis } from '../../../src/core/analysis.js';
import { resolveCauses } from '../../../src/core/causes.js';
import { GITHUB_BODY_LIMIT, renderDiagnosisMarkdown } from '../../../src/core/render-diagnosis.js';
import {
  decideDiagnosisAction,
  diagnosisMarker,
  hasDiagnosisMarker,
  MAX_ITERATIONS,
  nextDiagnosisState,
  readDiagnosisState,
  renderDiagnosisIssueBody,
  renderIterationHistory,
  serializeDiagnosisState,
  verdictOf,
  type CampaignVerdict,
  type DiagnosisState,
  type ExistingDiagnosis,
} from '../../../src/core/diagnosis-state.js';
import type { TrialRecord, WorkItemRecord } from '../../../src/core/records.js';
import { campaign, DOWN_STATE, trial, workItem } from '../../support/records.js';

const SERIES = 'tikv-all-chaos-cloud';

/** A finished campaign of the series: `wins` of `trials` latency trials succeed. */
function analysis(
  id: number,
  wins: number,
  trials = 10,
  overrides: { name?: string; pending?: number } = {},
): CampaignAnalysis {
  const params = { min_ms: 50, max_ms: 150 };
  const trialRows: TrialRecord[] = [];
  const items: WorkItemRecord[] = [];
  for (let i = 0; i < trials; i++) {
    const trialId = id * 1000 + i;
    items.push(
      workItem(id * 100 + i, {
        campaignId: id,
        chaosType: 'latency',
        chaosParams: params,
        trialId,
      }),
    );
    const failed = i >= wins ? { resolvedAt: null, finalState: DOWN_STATE } : {};
    trialRows.push(
      trial(trialId, {
        campaignId: id,
        chaosMetadata: { chaos_type: 'latency', target_container: 'tikv1', ...params },
        ...failed,
      }),
    );
  }
  for (let i = 0; i < (overrides.pending ?? 0); i++) {
    items.push(workItem(id * 100 + 90 + i, { campaignId: id, status: 'pending', trialId: null }));
  }
  const data = {
    campaign: campaign({
      id,
      name: overrides.name ?? SERIES,
      createdAt: `2026-03-${String((id % 28) + 1).padStart(2, '0')} 03:17:00+00`,
    }),
    trials: trialRows,
    workItems: items,
  };
  return analyzeCampaign(data, { target: 0.9, causes: resolveCauses(), localUtcOffsetMinutes: 0 });
}

function stateAfter(...analyses: CampaignAnalysis[]): DiagnosisState {
  return analyses.reduce<DiagnosisState | undefined>(
    (s, a) => nextDiagnosisState(s, a),
    undefined,
  )!;
}

describe('marker', () => {
  it('is a hidden comment naming the series, found only on a line of its own', () => {
    expect(diagnosisMarker(SERIES)).toBe(
      '<!-- iterate-campaign:diagnosis series=tikv-all-chaos-cloud -->',
    );
    expect(hasDiagnosisMarker(`intro\n${diagnosisMarker(SERIES)}\nbody`, SERIES)).toBe(true);
    expect(hasDiagnosisMarker(`quoted: ${diagnosisMarker(SERIES)}`, SERIES)).toBe(false);
    expect(hasDiagnosisMarker(diagnosisMarker('tikv-all'), SERIES)).toBe(false);
    expect(hasDiagnosisMarker(null, SERIES)).toBe(false);
  });

  it('encodes series names that could end the comment', () => {
    const marker = diagnosisMarker('a --> b');
    expect(marker).toBe('<!-- iterate-campaign:diagnosis series=a%20--%3E%20b -->');
    expect(hasDiagnosisMarker(marker, 'a --> b')).toBe(true);
  });
});

describe('state block', () => {
  it('round-trips through an issue body', () => {
    const state = stateAfter(analysis(120, 5), analysis(121, 7));
    const body = `${diagnosisMarker(SERIES)}\n${serializeDiagnosisState(state)}\n\n## Report`;
    expect(readDiagnosisState(body, SERIES)).toEqual({ kind: 'ok', state });
    expect(state).toMatchObject({
      series: SERIES,
      latest_campaign_id: 121,
      campaign_ids: [120, 121],
      target_win_rate: 0.9,
      failing: [{ chaos_type: 'latency', params: { min_ms: 50, max_ms: 150 } }],
      revision: 0,
    });
  });

  it('cannot be ended early by text inside it', () => {
    const hostile = analysis(5, 1, 10, { name: 'x --> <script>' });
    const block = serializeDiagnosisState(nextDiagnosisState(undefined, hostile));
    expect(block.indexOf('-->')).toBe(block.length - 3);
    expect(readDiagnosisState(block)).toMatchObject({
      kind: 'ok',
      state: { series: 'x --> <script>' },
    });
  });

  it('reports absent, unterminated, non-JSON, invalid and foreign blocks', () => {
    const good = serializeDiagnosisState(stateAfter(analysis(7, 1)));
    expect(readDiagnosisState('no state here')).toEqual({ kind: 'absent' });
    expect(readDiagnosisState(good.replace(/\n-->$/, ''))).toMatchObject({
      kind: 'invalid',
      reason: /not terminated/,
    });
    expect(readDiagnosisState('<!-- iterate-campaign:state\n{oops\n-->')).toMatchObject({
      kind: 'invalid',
      reason: /not JSON/,
    });
    const tampered = good.replace('"latest_campaign_id":7', '"latest_campaign_id":9');
    expect(readDiagnosisState(tampered)).toMatchObject({
      kind: 'invalid',
      reason: /latest_campaign_id/,
    });
    expect(readDiagnosisState(good, 'other-series')).toMatchObject({
      kind: 'invalid',
      reason: /series 'tikv-all-chaos-cloud'/,
    });
  });

  it('keeps iterations in campaign order, replaces a re-analyzed campaign and caps the history', () => {
    const runs = Array.from({ length: MAX_ITERATIONS + 3 }, (_, i) => analysis(100 + i, 5));
    const state = stateAfter(...runs, analysis(100 + MAX_ITERATIONS + 2, 9));
    expect(state.iterations).toHaveLength(MAX_ITERATIONS);
    expect(state.campaign_ids[0]).toBe(103);
    expect(state.latest_campaign_id).toBe(100 + MAX_ITERATIONS + 2);
    expect(state.iterations.at(-1)).toMatchObject({ win_rate: 0.9, meets_target: true });
    expect(new Set(state.campaign_ids).size).toBe(MAX_ITERATIONS);
  });

  it('keeps the run that first recorded an iteration when the campaign is analyzed again', () => {
    const first = nextDiagnosisState(
      undefined,
      analysis(50, 3),
      'https://github.com/o/r/actions/runs/1',
    );
    const again = nextDiagnosisState(
      first,
      analysis(50, 3),
      'https://github.com/o/r/actions/runs/2',
    );
    expect(again).toEqual(first);
  });
});

describe('decideDiagnosisAction', () => {
  const verdict = (v: Partial<CampaignVerdict> = {}): CampaignVerdict => ({
    campaignId: 10,
    meetsTarget: false,
    finished: true,
    scorable: true,
    ...v,
  });
  const issue = (open: boolean, latest?: number): ExistingDiagnosis => ({
    number: 4,
    open,
    state: latest === undefined ? undefined : stateAfter(analysis(latest, 1)),
  });

  it.each([
    ['no issue, target missed', 'create', undefined, verdict()],
    ['no issue, target met: no noise', 'nothing', undefined, verdict({ meetsTarget: true })],
    ['open, still missed', 'update', issue(true, 9), verdict()],
    ['open, same campaign again', 'update', issue(true, 10), verdict()],
    ['open, target met', 'close', issue(true, 9), verdict({ meetsTarget: true })],
    ['closed, regression', 'reopen', issue(false, 9), verdict()],
    [
      'closed, still passing: recorded quietly',
      'update',
      issue(false, 9),
      verdict({ meetsTarget: true }),
    ],
    ['open, older campaign', 'skip-older', issue(true, 11), verdict()],
    ['closed, older failing campaign never reopens', 'skip-older', issue(false, 11), verdict()],
    [
      'open, older passing campaign never closes',
      'skip-older',
      issue(true, 11),
      verdict({ meetsTarget: true }),
    ],
    ['unreadable state: ordering unknown, still updated', 'update', issue(true), verdict()],
    ['campaign still running', 'nothing', issue(true, 9), verdict({ finished: false })],
    ['nothing to score', 'nothing', undefined, verdict({ scorable: false })],
  ] as const)('%s → %s', (_name, expected, existing, v) => {
    expect(decideDiagnosisAction(existing, v).action).toBe(expected);
  });

  it('explains a skipped older campaign', () => {
    expect(decideDiagnosisAction(issue(true, 11), verdict()).reason).toBe(
      'issue #4 already shows campaign 11, newer than 10',
    );
  });

  it('reads the verdict from an analysis', () => {
    expect(verdictOf(analysis(3, 9))).toEqual({
      campaignId: 3,
      meetsTarget: true,
      finished: true,
      scorable: true,
    });
    expect(verdictOf(analysis(3, 9, 10, { pending: 2 })).finished).toBe(false);
  });
});

describe('rendering', () => {
  it('renders the history newest first, marking the latest campaign', () => {
    const table = renderIterationHistory(stateAfter(analysis(120, 5), analysis(121, 9)));
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Campaign'));
    expect(rows).toEqual([
      '| **121** | 2026-03-10 | ✅ 90.0% | 90.0% | — | — |',
      '| 120 | 2026-03-09 | ❌ 50.0% | 90.0% | `latency (min_ms=50, max_ms=150)` | — |',
    ]);
  });

  it('puts marker and state first and fits the body by dropping detail, never the state', () => {
    const big = analysis(130, 0, 400);
    const state = stateAfter(analysis(129, 1), big);
    const yaml = 'name: retry\n'.repeat(50);
    const full = renderDiagnosisIssueBody(big, state, { retryYaml: yaml, maxLength: 1_000_000 });
    const budget = full.length - 1;
    const tight = renderDiagnosisIssueBody(big, state, { retryYaml: yaml, maxLength: budget });
    expect(full).not.toContain("Shortened to fit GitHub's size limit");
    expect(tight.length).toBeLessThanOrEqual(budget);
    expect(tight.startsWith(`${diagnosisMarker(SERIES)}\n<!-- iterate-campaign:state`)).toBe(true);
    expect(readDiagnosisState(tight, SERIES)).toEqual({ kind: 'ok', state });
    expect(tight).toContain("Shortened to fit GitHub's size limit");
    expect(tight).toContain('### Iteration history');
    expect(tight.endsWith(`${yaml.trimEnd()}\n\`\`\`\n\n</details>`)).toBe(true);
    expect(tight.indexOf('Shortened to fit')).toBeLessThan(tight.indexOf('| Measure | Value |'));
  });

  it("fits a campaign far over GitHub's limit into 65,536 characters", () => {
    const trials: TrialRecord[] = [];
    const items: WorkItemRecord[] = [];
    for (let combo = 0; combo < 120; combo++) {
      for (let k = 0; k < 5; k++) {
        const id = combo * 10 + k + 1;
        const params = { percent: combo };
        items.push(
          workItem(id, { chaosType: 'packet_loss', chaosParams: params, trialId: 5000 + id }),
        );
        const metadata = { chaos_type: 'packet_loss', target_container: 'tikv1', ...params };
        trials.push(
          trial(5000 + id, {
            chaosMetadata: metadata,
            resolvedAt: null,
            finalState: DOWN_STATE,
            commandCount: 40,
          }),
        );
      }
    }
    const huge = analyzeCampaign(
      { campaign: campaign({ name: SERIES }), trials, workItems: items },
      { target: 0.9, causes: resolveCauses(), localUtcOffsetMinutes: 0 },
    );
    const state = nextDiagnosisState(undefined, huge);
    const body = renderDiagnosisIssueBody(huge, state, { retryYaml: 'x: 1\n'.repeat(2_000) });
    expect(renderDiagnosisMarkdown(huge, { maxLength: 10_000_000 }).length).toBeGreaterThan(
      200_000,
    );
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).toContain("Shortened to fit GitHub's size limit");
    expect(readDiagnosisState(body, SERIES)).toEqual({ kind: 'ok', state });
    expect(body).toContain('`packet_loss (percent=7)` and 112 more');
    expect(body.endsWith('x: 1\n```\n\n</details>')).toBe(true);
  });

  it('drops the retry YAML before history rows, and history rows before the state', () => {
    const a = analysis(131, 0, 40);
    const state = stateAfter(analysis(128, 1), analysis(129, 1), analysis(130, 1), a);
    const withoutYaml = renderDiagnosisIssueBody(a, state, { maxLength: 6_000 });
    const squeezed = renderDiagnosisIssueBody(a, state, {
      retryYaml: 'x: 1\n'.repeat(500),
      maxLength: withoutYaml.length,
    });
    expect(squeezed.length).toBeLessThanOrEqual(withoutYaml.length);

    let noYaml = squeezed;
    for (let m = withoutYaml.length; noYaml.includes('x: 1') && m > 1_000; m -= 100) {
      noYaml = renderDiagnosisIssueBody(a, state, {
        retryYaml: 'x: 1\n'.repeat(500),
        maxLength: m,
      });
    }
    expect(noYaml).toContain('the targeted retry campaign YAML (it is in the pull request)');
    expect(noYaml).not.toContain('older iteration(s) not shown');
    let max = withoutYaml.length;
    let fewerRows = withoutYaml;
    while (!fewerRows.includes('older iteration(s) not shown') && max > 1_000) {
      max -= 50;
      fewerRows = renderDiagnosisIssueBody(a, state, { maxLength: max });
    }
    expect(fewerRows).toContain('findings and their evidence');
    expect(fewerRows).toMatch(/\n\n[13] older iteration\(s\) not shown\.\n/);
    expect(fewerRows).toMatch(/[13] older iteration rows?[;.]/);
    expect(fewerRows.length).toBeLessThanOrEqual(max);
    expect(readDiagnosisState(fewerRows, SERIES)).toEqual({ kind: 'ok', state });
  });

  it('is deterministic: the same state and analysis give the same body', () => {
    const a = analysis(140, 2);
    const state = stateAfter(a);
    expect(renderDiagnosisIssueBody(a, state)).toBe(
      renderDiagnosisIssueBody(analysis(140, 2), state),
    );
  });
});
