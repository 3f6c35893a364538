import { describe, expect, test } from 'vitest';
import {
  decideCombination,
  finalSignificance,
  SIGNIFICANCE,
  type TrialBudget,
} from '../../../src/core/sequential.js';

const ADAPTIVE: TrialBudget = { roundTrials: 3, maxTrials: 9 };
const tally = (successes: number, trials: number) => ({ successes, trials });

describe('decideCombination without a budget (one look, as compare always did)', () => {
  test('0/3 → 3/3 is fixed at p = 0.05, 1/3 → 3/3 inconclusive, 0/3 → 2/3 still failing', () => {
    expect(decideCombination(tally(0, 3), tally(3, 3), 0.9).verdict).toBe('fixed');
    const maybe = decideCombination(tally(1, 3), tally(3, 3), 0.9);
    expect(maybe).toMatchObject({ verdict: 'inconclusive', decided: true, next_trials: 0 });
    expect(maybe.reason).toBe('budget-spent');
    expect(decideCombination(tally(0, 3), tally(2, 3), 0.9).verdict).toBe('still failing');
  });

  test('no trial finished: inconclusive and decided (a top-up would not add evidence)', () => {
    expect(decideCombination(tally(0, 3), tally(0, 0), 0.9, ADAPTIVE)).toMatchObject({
      verdict: 'inconclusive',
      reason: 'no-trials',
      decided: true,
      next_trials: 0,
    });
  });
});

describe('decideCombination with a top-up budget of 3 per round, 9 in all', () => {
  test('1/3 → 3/3 needs more trials: 3 more', () => {
    expect(decideCombination(tally(1, 3), tally(3, 3), 0.9, ADAPTIVE)).toMatchObject({
      verdict: 'inconclusive',
      reason: 'needs-more-trials',
      decided: false,
      next_trials: 3,
    });
  });

  test('0/3 → 3/3 is only p = 0.05: an interim look waits for p ≤ 0.001', () => {
    expect(decideCombination(tally(0, 3), tally(3, 3), 0.9, ADAPTIVE).decided).toBe(false);
    expect(decideCombination(tally(0, 3), tally(9, 9), 0.9, ADAPTIVE)).toMatchObject({
      verdict: 'fixed',
      reason: 'significant-gain',
    });
  });

  test('overwhelming evidence stops at an interim look (0/20 → 3/3, p ≈ 0.0006)', () => {
    expect(decideCombination(tally(0, 20), tally(3, 3), 0.9, ADAPTIVE)).toMatchObject({
      verdict: 'fixed',
      decided: true,
    });
  });

  test('one failure in 3 means 9 trials cannot reach 90%: decided at once', () => {
    expect(decideCombination(tally(0, 3), tally(2, 3), 0.9, ADAPTIVE)).toMatchObject({
      verdict: 'still failing',
      reason: 'below-target',
      decided: true,
    });
  });

  test('with an 80% target, 2/3 can still get there: more trials', () => {
    expect(decideCombination(tally(0, 3), tally(2, 3), 0.8, ADAPTIVE).decided).toBe(false);
  });

  test('the last top-up never exceeds the budget', () => {
    const odd: TrialBudget = { roundTrials: 3, maxTrials: 8 };
    expect(decideCombination(tally(1, 3), tally(6, 6), 0.9, odd).next_trials).toBe(2);
    expect(decideCombination(tally(2, 3), tally(8, 8), 0.9, odd)).toMatchObject({
      verdict: 'inconclusive',
      reason: 'budget-spent',
      decided: true,
    });
  });

  test('the last look spends what the interim looks left: α − 2 × 0.001', () => {
    expect(finalSignificance(ADAPTIVE)).toBeCloseTo(SIGNIFICANCE - 0.002, 12);
    expect(finalSignificance({ roundTrials: 9, maxTrials: 9 })).toBe(SIGNIFICANCE);
  });
});

/** Every path of a combination run in rounds until decided, with its probability. */
function paths(
  before: { successes: number; trials: number },
  p: number,
  target: number,
  budget: TrialBudget,
): { verdict: string; trials: number; probability: number }[] {
  const out: { verdict: string; trials: number; probability: number }[] = [];
  const walk = (successes: number, trials: number, probability: number, round: number) => {
    for (let mask = 0; mask < 1 << round; mask += 1) {
      let s = successes;
      let pr = probability;
      for (let i = 0; i < round; i += 1) {
        const win = (mask >> i) & 1;
        s += win;
        pr *= win ? p : 1 - p;
      }
      const d = decideCombination(before, { successes: s, trials: trials + round }, target, budget);
      if (d.decided) out.push({ verdict: d.verdict, trials: trials + round, probability: pr });
      else walk(s, trials + round, pr, d.next_trials);
    }
  };
  walk(0, 0, 1, budget.roundTrials);
  return out;
}

describe('error rates under optional stopping (exact, over every stopping path)', () => {
  test('nothing changed: P(fixed) ≤ α for every true win rate, given the combination failed before', () => {
    let worst = 0;
    for (let p = 0.02; p < 1; p += 0.02) {
      let failed = 0;
      let fixed = 0;
      for (let k = 0; k <= 3; k += 1) {
        const pk = [1, 3, 3, 1][k]! * p ** k * (1 - p) ** (3 - k);
        if (k / 3 >= 0.9) continue;
        failed += pk;
        for (const path of paths(tally(k, 3), p, 0.9, ADAPTIVE)) {
          if (path.verdict === 'fixed') fixed += pk * path.probability;
        }
      }
      worst = Math.max(worst, fixed / failed);
    }
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(SIGNIFICANCE);
  });

  test('stopping early never changes whether 9 trials would have called it fixed', () => {
    for (let k = 0; k <= 2; k += 1) {
      for (let mask = 0; mask < 1 << 9; mask += 1) {
        const outcomes = Array.from({ length: 9 }, (_, i) => (mask >> i) & 1);
        const full = decideCombination(
          tally(k, 3),
          tally(
            outcomes.reduce((a, b) => a + b, 0),
            9,
          ),
          0.9,
        );
        let n = 3;
        let d = decideCombination(tally(k, 3), tally(sum(outcomes, n), n), 0.9, ADAPTIVE);
        while (!d.decided) {
          n += d.next_trials;
          d = decideCombination(tally(k, 3), tally(sum(outcomes, n), n), 0.9, ADAPTIVE);
        }
        expect(n).toBeLessThanOrEqual(9);
        expect(d.verdict === 'fixed').toBe(full.verdict === 'fixed');
      }
    }
  });

  test('a real fix (true win rate 1) is called fixed after 0/3 before, spending all 9 trials', () => {
    const all = paths(tally(0, 3), 1, 0.9, ADAPTIVE).filter((path) => path.probability > 0);
    expect(all).toEqual([{ verdict: 'fixed', trials: 9, probability: 1 }]);
  });
});

function sum(outcomes: readonly number[], n: number): number {
  return outcomes.slice(0, n).reduce((a, b) => a + b, 0);
}
