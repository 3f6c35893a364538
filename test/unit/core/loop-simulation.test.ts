import { describe, expect, test } from 'vitest';
import {
  checkGoal,
  DEFAULT_POLICIES,
  DEFAULT_SIMULATION,
  generateCampaigns,
  simulate,
  type PolicySummary,
} from '../../../src/core/loop-simulation.js';

const SMALL = { ...DEFAULT_SIMULATION, campaigns: 150, seed: 7 };

describe('simulate (a small run)', () => {
  const summary = simulate(SMALL);
  const policy = (name: string) => summary.policies.find((p) => p.name === name)!;

  test('is deterministic for a seed and changes with it', () => {
    expect(simulate(SMALL)).toEqual(summary);
    expect(simulate({ ...SMALL, seed: 8 }).policies).not.toEqual(summary.policies);
  });

  test('a fixed policy runs exactly its trials per combination in one round', () => {
    for (const n of [3, 6, 9]) {
      expect(policy(`fixed ${n}`)).toMatchObject({
        trials_per_combination: n,
        max_trials_per_combination: n,
        rounds: 1,
      });
    }
  });

  test('adaptive stays within its budget and spends less than fixed 9, in more rounds', () => {
    const adaptive = policy('adaptive');
    expect(adaptive.max_trials_per_combination).toBeLessThanOrEqual(9);
    expect(adaptive.trials_per_combination).toBeGreaterThanOrEqual(3);
    expect(adaptive.trial_minutes).toBeLessThan(policy('fixed 9').trial_minutes);
    expect(adaptive.rounds).toBeGreaterThan(1);
  });

  test('adaptive errs exactly as fixed 9 does: early stops never flip a fixed/not-fixed call', () => {
    expect(policy('adaptive').false_fixed_rate).toBe(policy('fixed 9').false_fixed_rate);
    expect(policy('adaptive').false_failing_rate).toBe(policy('fixed 9').false_failing_rate);
  });

  test('every policy decides every combination; rates are rates; more trials take longer', () => {
    const decisions = summary.policies[0]!.decisions;
    for (const p of summary.policies) {
      expect(p.decisions).toBe(decisions);
      expect(p.false_fixed_rate).toBeGreaterThanOrEqual(0);
      expect(p.false_fixed_rate).toBeLessThanOrEqual(1);
      expect(p.false_failing_rate).toBeGreaterThanOrEqual(0);
      expect(p.false_failing_rate).toBeLessThanOrEqual(1);
    }
    expect(policy('fixed 3').merge_to_verdict_minutes).toBeLessThan(
      policy('fixed 9').merge_to_verdict_minutes,
    );
    // 3 workers and 80–120 % of 20 minutes per trial bound a round's wall time.
    const combos = decisions / SMALL.campaigns;
    expect(policy('fixed 3').merge_to_verdict_minutes).toBeGreaterThan(((combos * 3) / 3) * 16);
  });

  test('the summary names a baseline and says whether the goal is met', () => {
    expect(summary.goal.baseline).toMatch(/^fixed \d$/);
    expect(typeof summary.goal.met).toBe('boolean');
    expect(summary.goal.statement).toContain(summary.goal.baseline!);
  });
});

test('the default run makes at least 10,000 decisions per policy', () => {
  const combos = generateCampaigns(DEFAULT_SIMULATION, 9).reduce(
    (n, c) => n + c.combinations.length,
    0,
  );
  expect(combos).toBeGreaterThanOrEqual(10_000);
});

test('every retried combination failed in its campaign (only failing ones are retried)', () => {
  for (const c of generateCampaigns(SMALL, 9)) {
    for (const combo of c.combinations) {
      expect(combo.before.successes / combo.before.trials).toBeLessThan(SMALL.target);
      expect(combo.outcomes).toHaveLength(9);
    }
  }
});

describe('checkGoal', () => {
  const row = (name: string, minutes: number, ff: number, fs: number): PolicySummary => ({
    name,
    trial_minutes: minutes,
    false_fixed_rate: ff,
    false_failing_rate: fs,
    merge_to_verdict_minutes: 0,
    decisions: 1,
    trials_per_combination: 0,
    max_trials_per_combination: 0,
    rounds: 1,
    inconclusive_rate: 0,
  });

  test('compares with the cheapest fixed policy at least as accurate as adaptive', () => {
    const goal = checkGoal([
      row('fixed 3', 100, 0.08, 0.5),
      row('fixed 6', 200, 0.01, 0.2),
      row('fixed 9', 300, 0.01, 0.2),
      row('adaptive', 130, 0.02, 0.2),
    ]);
    expect(goal).toMatchObject({ baseline: 'fixed 6', met: true });
    expect(goal.trial_minutes_saved).toBeCloseTo(0.35, 10);
  });

  test('misses when savings are under 30 % or false fixed is above 5 %', () => {
    expect(checkGoal([row('fixed 6', 200, 0.01, 0.2), row('adaptive', 150, 0.02, 0.2)]).met).toBe(
      false,
    );
    expect(checkGoal([row('fixed 6', 200, 0.06, 0.2), row('adaptive', 100, 0.06, 0.2)]).met).toBe(
      false,
    );
  });

  test('no baseline when no fixed policy is as accurate', () => {
    expect(
      checkGoal([row('fixed 9', 300, 0.03, 0.3), row('adaptive', 100, 0.02, 0.3)]),
    ).toMatchObject({ baseline: null, met: false });
  });
});

test('the default policies are fixed 3, 6, 9 and adaptive (3 per round up to 9)', () => {
  expect(DEFAULT_POLICIES.map((p) => p.name)).toEqual([
    'fixed 3',
    'fixed 6',
    'fixed 9',
    'adaptive',
  ]);
  expect(DEFAULT_POLICIES.at(-1)!.budget).toEqual({ roundTrials: 3, maxTrials: 9 });
});
