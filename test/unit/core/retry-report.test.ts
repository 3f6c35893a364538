/** Pure decisions of the report side: revisions, reconcile steps, banners, notes, clamping. */
import { describe, expect, it } from 'vitest';
import type { CampaignAnalysis } from '../../../src/core/analysis.js';
import type { Comparison } from '../../../src/core/compare.js';
import {
  clampMarkdown,
  commentRevision,
  compareOutputs,
  nextReconcileStep,
  nextStep,
  readyToFinalize,
  renderRetryComment,
  validationBanner,
  validationNote,
} from '../../../src/core/retry-report.js';

function comparison(overrides: Partial<Comparison> = {}): Comparison {
  return {
    previous_campaign_id: 7,
    retry_campaign_id: 9,
    target_win_rate: 0.9,
    rows: [
      {
        chaos_type: 'network_partition',
        params: {},
        before: { successes: 0, trials: 3, win_rate: 0 },
        after: { successes: 3, trials: 3, win_rate: 1 },
        p_improvement: 0.05,
        p_regression: 1,
        verdict: 'fixed',
      },
      {
        chaos_type: 'latency',
        params: { min_ms: 50, max_ms: 150 },
        before: { successes: 2, trials: 3, win_rate: 2 / 3 },
        after: { successes: 2, trials: 3, win_rate: 2 / 3 },
        p_improvement: 0.8,
        p_regression: 0.8,
        verdict: 'still failing',
      },
    ],
    regressions: [],
    retry: {
      trials: 6,
      successes: 5,
      win_rate: 5 / 6,
      ci: [0.44, 0.97],
      verdict: 'missed',
      all_success_trials_needed: null,
    },
    new_findings: [],
    verdict: 'improved',
    ...overrides,
  };
}

function validation(meets: boolean): CampaignAnalysis {
  return {
    campaign: { id: 12, name: 'tikv-all-chaos-cloud' },
    win_rate: meets ? 26 / 28 : 20 / 28,
    successes: meets ? 26 : 20,
    trials: 28,
    target_win_rate: 0.9,
    meets_target: meets,
    failing: meets ? [] : [{ chaos_type: 'latency', params: { min_ms: 50, max_ms: 150 } }],
  } as unknown as CampaignAnalysis;
}

describe('commentRevision', () => {
  it('orders by retry campaign first, then by stage', () => {
    const older = commentRevision(9, 'validation-finished');
    const newer = commentRevision(10, 'reported');
    expect(newer).toBeGreaterThan(older);
    expect(commentRevision(9, 'reported')).toBeLessThan(commentRevision(9, 'validation-enqueued'));
    expect(commentRevision(9, 'validation-enqueued')).toBeLessThan(older);
  });
});

describe('nextReconcileStep', () => {
  it.each([
    [{ status: 'waiting', verdict: null, validationCampaignId: null }, 'report'],
    [
      { status: 'reported', verdict: 'target-reached', validationCampaignId: null },
      'start-validation',
    ],
    [{ status: 'reported', verdict: 'improved', validationCampaignId: null }, 'done'],
    [{ status: 'reported', verdict: 'regressed', validationCampaignId: null }, 'done'],
    [
      { status: 'finalizing', verdict: 'target-reached', validationCampaignId: 12 },
      'conclude-validation',
    ],
    [{ status: 'finalized', verdict: 'target-reached', validationCampaignId: 12 }, 'done'],
  ] as const)('%o → %s', (report, kind) => {
    expect(nextReconcileStep(report, 9).kind).toBe(kind);
  });

  it('finalizes only a target-reached verdict', () => {
    expect(readyToFinalize('target-reached')).toBe(true);
    expect(readyToFinalize('regressed')).toBe(false);
    expect(readyToFinalize(null)).toBe(false);
  });
});

describe('outputs and text', () => {
  it('sets verdict, 4-decimal win rate, target-reached and the regressions as JSON', () => {
    const regressed = comparison({
      verdict: 'regressed',
      regressions: [{ chaos_type: 'node_kill', params: {} }],
    });
    expect(compareOutputs(regressed)).toEqual({
      verdict: 'regressed',
      'win-rate': '0.8333',
      'target-reached': false,
      regressions: '[{"chaos_type":"node_kill","params":{}}]',
    });
  });

  it('says what comes next at every stage', () => {
    const file = 'eval/campaigns/operations/tikv-all-chaos-cloud.yaml';
    expect(nextStep(comparison(), { validationFile: file, issueNumber: 3 })).toBe(
      "iterate: the retry's failures are the next diagnosis in #3.",
    );
    const reached = comparison({ verdict: 'target-reached' });
    expect(nextStep(reached, { validationFile: file })).toContain(`\`${file}\``);
    expect(
      nextStep(reached, {
        validationFile: file,
        validation: { kind: 'enqueued', campaignId: 12, workItems: 28, file },
      }),
    ).toMatch(/^wait for validation campaign 12/);
    expect(
      nextStep(reached, {
        validationFile: file,
        issueNumber: 3,
        validation: { kind: 'finished', analysis: validation(true), notable: true },
      }),
    ).toBe('done: campaign 12 is marked notable and #3 is closed.');
  });

  it('banners the validation result with the failing combinations when it missed', () => {
    expect(
      validationBanner({ kind: 'finished', analysis: validation(true), notable: true }),
    ).toMatch(/^### ✅ Validation campaign 12: 92\.9% \(26\/28\) ≥ target 90\.0% — marked notable/);
    expect(
      validationBanner({ kind: 'finished', analysis: validation(false), notable: false }),
    ).toContain('`latency (min_ms=50, max_ms=150)`');
  });

  it('notes what was fixed, by which PR, with the validation result', () => {
    const note = validationNote({
      prNumber: 4,
      prTitle: 'Fix the\npartition invariant',
      mergeSha: 'abcdef1234',
      comparison: comparison(),
      validation: validation(true),
    });
    expect(note).toBe(
      'Validated PR #4 "Fix the partition invariant" (merge abcdef1). Retry campaign 9 vs 7: network_partition fixed. Full validation: 92.9% (26/28) ≥ target 90.0%. (iterate-campaign)',
    );
  });

  it('puts the validation banner first and the next step last in the comment', () => {
    const body = renderRetryComment({
      comparison: comparison({ verdict: 'target-reached' }),
      context: { issueNumber: 3 },
      next: {
        validationFile: 'v.yaml',
        issueNumber: 3,
        validation: { kind: 'enqueued', campaignId: 12, workItems: 28, file: 'v.yaml' },
      },
    });
    expect(body.startsWith('### ⏳ Validation campaign 12 enqueued')).toBe(true);
    expect(body.split('\n').at(-1)).toBe(
      '- Next: wait for validation campaign 12; reconcile (or finalize) records the result here.',
    );
  });
});

describe('clampMarkdown', () => {
  it('returns text that fits unchanged', () => {
    expect(clampMarkdown('short', 100)).toBe('short');
  });

  it('cuts at a line, drops a code block it would cut through and notes the truncation first', () => {
    const text = [
      '# Title',
      '```mermaid',
      ...Array.from({ length: 200 }, (_, i) => `line ${i}`),
      '```',
    ].join('\n');
    const clamped = clampMarkdown(text, 600, 'https://x/run');
    expect(clamped.length).toBeLessThanOrEqual(600);
    expect(clamped).not.toContain('```');
    expect(clamped).toMatch(
      /^> \[!NOTE\]\n> Shortened to fit GitHub's size limit: the last \d+ characters were cut\. Full results: https:\/\/x\/run\.\n\n# Title$/,
    );
  });

  it('never leaves half of a surrogate pair', () => {
    const clamped = clampMarkdown('😀'.repeat(1000), 301);
    expect(clamped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
