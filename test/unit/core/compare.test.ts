import { describe, expect, test } from 'vitest';
import type { CampaignAnalysis, ComboStats } from '../../../src/core/analysis.js';
import { compareCampaigns } from '../../../src/core/compare.js';

function combo(
  chaos_type: string,
  successes: number,
  trials: number,
  params: Record<string, unknown> = {},
): ComboStats {
  return {
    subject: 'tikv',
    chaos_type,
    params,
    resolution_timeout: null,
    baseline: false,
    trials,
    successes,
    failures: trials - successes,
    timeouts: 0,
    broken_work_items: 0,
    win_rate: trials ? successes / trials : 0,
    ci: [0, 1],
    meets_target: trials > 0 && successes / trials >= 0.9,
    failed_trial_ids: [],
  };
}

function analysis(id: number, combos: ComboStats[]): CampaignAnalysis {
  const trials = combos.reduce((s, c) => s + c.trials, 0);
  const successes = combos.reduce((s, c) => s + c.successes, 0);
  return {
    campaign: { id },
    by_chaos_type: combos,
    agent_trials: trials,
    agent_successes: successes,
    findings: [],
  } as unknown as CampaignAnalysis;
}

describe('compareCampaigns', () => {
  const before = analysis(10, [
    combo('network_partition', 0, 3),
    combo('latency', 1, 3, { min_ms: 50, max_ms: 150 }),
    combo('latency', 0, 3, { min_ms: 200, max_ms: 500 }),
    combo('pd_leader_kill', 0, 6),
    combo('node_kill', 6, 6),
    combo('packet_loss', 0, 3),
  ]);
  const after = analysis(11, [
    combo('network_partition', 3, 3),
    combo('latency', 3, 3, { max_ms: 150, min_ms: 50 }),
    combo('latency', 0, 3, { min_ms: 200, max_ms: 500 }),
    combo('pd_leader_kill', 6, 10),
    combo('node_kill', 0, 6),
    combo('packet_loss', 1, 3),
  ]);
  const result = compareCampaigns(before, after, 0.9);
  const verdictOf = (type: string, params: Record<string, unknown> = {}) =>
    result.rows.find(
      (r) => r.chaos_type === type && JSON.stringify(r.params) === JSON.stringify(params),
    )?.verdict;

  test('0/3 → 3/3 is fixed: Fisher one-sided p = 0.05', () => {
    expect(verdictOf('network_partition')).toBe('fixed');
    expect(
      result.rows.find((r) => r.chaos_type === 'network_partition')!.p_improvement,
    ).toBeCloseTo(0.05, 10);
  });

  test('1/3 → 3/3 reaches the target but cannot be told from luck (p = 0.2): inconclusive', () => {
    expect(verdictOf('latency', { max_ms: 150, min_ms: 50 })).toBe('inconclusive');
  });

  test('0/6 → 6/10 is a significant improvement (p = 0.026) still below target', () => {
    expect(verdictOf('pd_leader_kill')).toBe('improved');
  });

  test('0/3 → 0/3 and 0/3 → 1/3 are still failing', () => {
    expect(verdictOf('latency', { min_ms: 200, max_ms: 500 })).toBe('still failing');
    expect(verdictOf('packet_loss')).toBe('still failing');
  });

  test('a type that passed before and now fails significantly is a regression', () => {
    expect(verdictOf('node_kill')).toBe('regressed');
    expect(result.regressions).toEqual([{ chaos_type: 'node_kill', params: {} }]);
    expect(result.verdict).toBe('regressed');
  });

  test('the retry win rate is judged against the target with its Wilson interval', () => {
    const allFixed = compareCampaigns(
      before,
      analysis(12, [combo('network_partition', 40, 40)]),
      0.9,
    );
    expect(allFixed.retry.verdict).toBe('reached');
    const small = compareCampaigns(before, analysis(13, [combo('network_partition', 3, 3)]), 0.9);
    expect(small.retry.verdict).toBe('reached-not-confident');
    expect(small.retry.all_success_trials_needed).toBeGreaterThan(0);
    expect(small.verdict).toBe('target-reached');
    expect(result.retry.verdict).toBe('missed');
  });
});

describe('renderComparisonMarkdown', () => {
  test('renders the verdict table, a Mermaid chart, images and the next step', async () => {
    const { renderComparisonMarkdown } = await import('../../../src/core/render-comparison.js');
    const c = compareCampaigns(
      analysis(10, [
        combo('network_partition', 0, 3),
        combo('latency', 1, 3, { min_ms: 50, max_ms: 150 }),
      ]),
      analysis(11, [
        combo('network_partition', 3, 3),
        combo('latency', 1, 3, { min_ms: 50, max_ms: 150 }),
      ]),
      0.9,
    );
    const body = renderComparisonMarkdown(c, {
      issueNumber: 7,
      images: [
        { name: 'operator', reference: 'registry/eval/operator:abc1234', digest: 'sha256:00ff' },
      ],
    });
    expect(body).toContain('Retry campaign 11 vs campaign 10: 66.7% (4/6) — target 90.0% missed');
    expect(body).toContain(
      '| `network_partition` | 0/3\u00a0(0.0%) | 3/3\u00a0(100.0%) | 0.050 | ✅ fixed |',
    );
    expect(body).toContain(
      '| `latency (min_ms=50, max_ms=150)` | 1/3\u00a0(33.3%) | 1/3\u00a0(33.3%) | 0.800 | ❌ still failing |',
    );
    expect(body).toMatch(/```mermaid\n%%\{init: .*\}%%\nxychart-beta horizontal\n/);
    expect(body).toContain(
      '  bar [-100, -100, 33, -100]\n  bar [-100, 100, -100, 33]\n  bar [0, -100, -100, -100]',
    );
    expect(body).toContain(
      '### Images tested\n\n- `operator`: `registry/eval/operator:abc1234` (`sha256:00ff`)',
    );
    expect(body).not.toContain('Shortened to fit');
    expect(body).toContain('- Diagnosis: #7');
    expect(body).toContain("- Next: iterate: the retry's failures are the next diagnosis.");
  });

  test('stays within the size budget by dropping optional sections, keeping the table', async () => {
    const { renderComparisonMarkdown } = await import('../../../src/core/render-comparison.js');
    const many = Array.from({ length: 40 }, (_, i) => combo(`t${i}`, 0, 3, { n: 'x'.repeat(50) }));
    const c = compareCampaigns(analysis(1, many), analysis(2, many), 0.9);
    const body = renderComparisonMarkdown(c, { maxLength: 6000 });
    expect(body.length).toBeLessThanOrEqual(6000);
    expect(body).toContain('| Chaos type | Before | After');
    expect(body).not.toContain('```mermaid');
    const note = body.indexOf("> Shortened to fit GitHub's size limit: the before/after chart.");
    expect(note).toBeGreaterThan(0);
    expect(note).toBeLessThan(body.indexOf('| Chaos type'));
    expect(body).toContain('Full results: the job summary of the run.');
    expect(body).toContain('- Next: ');
  });
});
