import { describe, expect, test } from 'vitest';
import {
  binomialUpperTail,
  flakyFixes,
  flakyHistory,
  trialsToBeatNoise,
  type SeriesCampaign,
} from '../../../src/core/flaky.js';

const latency = { chaos_type: 'latency', params: { min_ms: 50, max_ms: 150 }, baseline: false };
const nodeKill = { chaos_type: 'node_kill', params: {}, baseline: false };

function campaign(id: number, latencyWins: number, nodeKillWins: number): SeriesCampaign {
  return {
    campaign_id: id,
    combos: [
      { ...latency, successes: latencyWins, trials: 3 },
      { ...nodeKill, successes: nodeKillWins, trials: 3 },
      { chaos_type: 'none', params: {}, baseline: true, successes: 1, trials: 1 },
    ],
  };
}

describe('flakyHistory', () => {
  test('a combination that passes and fails by turns is flaky; a fixed one is not', () => {
    // latency: pass, fail, pass, fail; node_kill: fail, fail, pass, pass (a fix).
    const series = [campaign(1, 3, 0), campaign(2, 1, 1), campaign(3, 3, 3), campaign(4, 2, 3)];
    const [lat, kill] = flakyHistory(series, 0.9);
    expect(lat).toEqual({
      chaos_type: 'latency',
      params: { min_ms: 50, max_ms: 150 },
      campaigns: [
        { campaign_id: 1, successes: 3, trials: 3 },
        { campaign_id: 2, successes: 1, trials: 3 },
        { campaign_id: 3, successes: 3, trials: 3 },
        { campaign_id: 4, successes: 2, trials: 3 },
      ],
      flip_rate: 1,
      flaky: true,
    });
    expect(kill).toMatchObject({ flip_rate: 1 / 3, flaky: false });
  });

  test('one campaign has no flip rate; baseline rows are left out', () => {
    const result = flakyHistory([campaign(9, 3, 3)], 0.9);
    expect(result.map((r) => [r.chaos_type, r.flip_rate, r.flaky])).toEqual([
      ['latency', null, false],
      ['node_kill', null, false],
    ]);
  });

  test('campaigns where the combination did not run are skipped, not counted as fails', () => {
    const missing: SeriesCampaign = {
      campaign_id: 2,
      combos: [{ ...nodeKill, successes: 3, trials: 3 }],
    };
    const [lat] = flakyHistory([campaign(1, 3, 3), missing, campaign(3, 3, 3)], 0.9);
    expect(lat!.campaigns.map((c) => c.campaign_id)).toEqual([1, 3]);
    expect(lat!.flip_rate).toBe(0);
  });
});

describe('trialsToBeatNoise', () => {
  test('matches the binomial tail: at p0 = 0.5 six straight successes give p = 1/64', () => {
    expect(binomialUpperTail(5, 5, 0.5)).toBeCloseTo(1 / 32, 12);
    // 3/3 has p = 1/8; 5/5 has 1/32 ≤ 0.05 but 4/4 has 1/16 > 0.05: two more trials.
    expect(trialsToBeatNoise(3, 3, 0.5)).toBe(2);
    expect(trialsToBeatNoise(5, 5, 0.5)).toBe(0);
    expect(trialsToBeatNoise(3, 3, 1)).toBeNull();
  });

  test('flakyFixes keeps only "fixed" rows on flaky combinations', () => {
    const history = flakyHistory(
      [campaign(1, 3, 0), campaign(2, 0, 0), campaign(3, 3, 0), campaign(4, 0, 0)],
      0.9,
    );
    const fixes = flakyFixes(
      [
        { ...latency, verdict: 'fixed', after: { successes: 3, trials: 3 } },
        { ...nodeKill, verdict: 'fixed', after: { successes: 3, trials: 3 } },
      ],
      history,
    );
    expect(fixes).toEqual([
      {
        chaos_type: 'latency',
        params: { min_ms: 50, max_ms: 150 },
        flip_rate: 1,
        campaigns: 4,
        pooled_rate: 0.5,
        retry: { successes: 3, trials: 3 },
        more_trials_needed: 2,
      },
    ]);
  });
});
