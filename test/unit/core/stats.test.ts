import { describe, expect, it } from 'vitest';
import {
  allSuccessTrialsNeeded,
  exactMean,
  ExactMean,
  fisherExact,
  logFactorial,
  roundRatioToDouble,
  wilsonInterval,
} from '../../../src/core/stats.js';

function expectInterval(actual: [number, number], lower: number, upper: number, digits = 4): void {
  expect(actual[0]).toBeCloseTo(lower, digits);
  expect(actual[1]).toBeCloseTo(upper, digits);
}

describe('wilsonInterval', () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Stat Med 17:857-872, Table I, method 3 (score interval without continuity
  // correction), examples (a)–(d).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('matches Newcombe 1998 Table I for %i/%i', (k, n, lower, upper) => {
    expectInterval(wilsonInterval(k, n), lower, upper);
  });

  // Small-n values as tabulated for the Wilson interval by Brown, Cai & DasGupta (2001),
  // "Interval estimation for a binomial proportion", Stat Sci 16:101-133, and by R's
  // prop.test(x, 10, correct = FALSE); 0/n and n/n follow the closed form z²/(n + z²).
  it.each([
    [0, 10, 0, 0.2775],
    [1, 10, 0.0179, 0.4042],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
  ])('matches the published small-sample interval for %i/%i', (k, n, lower, upper) => {
    expectInterval(wilsonInterval(k, n), lower, upper);
  });

  it('is exact at the boundaries', () => {
    const z2 = 1.959963984540054 ** 2;
    expect(wilsonInterval(0, 10)).toEqual([0, z2 / (10 + z2)]);
    const [lower, upper] = wilsonInterval(10, 10);
    expect(upper).toBe(1);
    expect(lower).toBeCloseTo(10 / (10 + z2), 15);
  });

  it('returns [0, 1] when there are no trials', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it('is symmetric: the interval of n−k failures mirrors the one of k successes', () => {
    for (const [k, n] of [
      [3, 17],
      [1, 1000],
      [499, 1000],
    ] as const) {
      const [lo, hi] = wilsonInterval(k, n);
      const [mirrorLo, mirrorHi] = wilsonInterval(n - k, n);
      expect(lo).toBeCloseTo(1 - mirrorHi, 14);
      expect(hi).toBeCloseTo(1 - mirrorLo, 14);
    }
  });

  it('keeps a tiny lower bound accurate (no cancellation)', () => {
    // 60-digit decimal evaluation of (2k + z² − z·√(z² + 4k(n−k)/n)) / (2(n + z²)).
    const [lower] = wilsonInterval(1, 100_000_000);
    expect(Math.abs(lower / 1.7652455515325507e-9 - 1)).toBeLessThan(1e-14);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});

describe('allSuccessTrialsNeeded', () => {
  const naive = (k: number, n: number, target: number): number => {
    for (let m = 0; ; m += 1) if (wilsonInterval(k + m, n + m)[0] >= target) return m;
  };

  it('matches a naive search', () => {
    for (const [k, n] of [
      [0, 0],
      [0, 5],
      [3, 10],
      [5, 10],
      [9, 10],
      [27, 30],
      [40, 100],
    ] as const) {
      for (const target of [0, 0.1, 0.5, 0.8, 0.9, 0.95]) {
        expect(allSuccessTrialsNeeded(k, n, target)).toBe(naive(k, n, target));
      }
    }
  });

  it('finds known thresholds', () => {
    // n/(n + z²) ≥ 0.9 first holds at n = 35 (35/38.84 = 0.9011; 34/37.84 = 0.8985).
    expect(allSuccessTrialsNeeded(0, 0, 0.9)).toBe(35);
    expect(allSuccessTrialsNeeded(5, 10, 0.9)).toBe(103);
    expect(allSuccessTrialsNeeded(9, 10, 0.5)).toBe(0);
  });

  it('is null when the target cannot be reached', () => {
    expect(allSuccessTrialsNeeded(10, 10, 1)).toBeNull();
    expect(allSuccessTrialsNeeded(0, 0, 1)).toBeNull();
  });

  it('is fast for demanding targets', () => {
    const started = performance.now();
    const m = allSuccessTrialsNeeded(0, 0, 0.999999);
    expect(performance.now() - started).toBeLessThan(50);
    expect(m).toBe(3_841_455);
    expect(wilsonInterval(m ?? 0, m ?? 0)[0]).toBeGreaterThanOrEqual(0.999999);
    expect(wilsonInterval((m ?? 1) - 1, (m ?? 1) - 1)[0]).toBeLessThan(0.999999);
  });

  it('rejects a target outside [0, 1]', () => {
    expect(() => allSuccessTrialsNeeded(1, 2, 1.5)).toThrow(RangeError);
    expect(() => allSuccessTrialsNeeded(1, 2, Number.NaN)).toThrow(RangeError);
  });
});

describe('fisherExact', () => {
  it("matches R's fisher.test on Fisher's tea-tasting table", () => {
    // fisher.test(matrix(c(3, 1, 1, 3), 2)): p = 0.4857; alternative = "greater": p = 0.2429.
    const worse = fisherExact(3, 4, 1, 4);
    expect(worse.pTwoSided).toBeCloseTo(0.4857, 4);
    expect(worse.pRegression).toBeCloseTo(0.2429, 4);
    expect(worse.pImprovement).toBeCloseTo(69 / 70, 12);
    const better = fisherExact(1, 4, 3, 4);
    expect(better.pImprovement).toBeCloseTo(0.2429, 4);
    expect(better.pTwoSided).toBeCloseTo(0.4857, 4);
  });

  it('gives 1/20 for 0/3 vs 3/3', () => {
    const result = fisherExact(0, 3, 3, 3);
    expect(result.pImprovement).toBeCloseTo(0.05, 12);
    expect(result.pRegression).toBe(1);
    expect(result.pTwoSided).toBeCloseTo(0.1, 12);
  });

  // scipy.stats.fisher_exact 1.17.1 on [[after k, after n−k], [before k, before n−k]] with
  // alternative "greater", "less" and "two-sided".
  it.each([
    [12, 40, 25, 40, 0.003372957641412317, 0.9992381386113453, 0.006745915282824635],
    [70, 100, 85, 100, 0.008574511384204205, 0.9968307998681218, 0.01714902276840841],
    [5000, 10000, 5100, 10000, 0.08073464575422912, 0.9234164119453188, 0.16146929150845823],
  ])('matches scipy for %i/%i vs %i/%i', (k1, n1, k2, n2, greater, less, twoSided) => {
    const result = fisherExact(k1, n1, k2, n2);
    expect(result.pImprovement).toBeCloseTo(greater, 12);
    expect(result.pRegression).toBeCloseTo(less, 12);
    expect(result.pTwoSided).toBeCloseTo(twoSided, 12);
  });

  it('handles 100,000 trials per arm quickly', () => {
    const started = performance.now();
    const result = fisherExact(50_000, 100_000, 50_500, 100_000);
    expect(performance.now() - started).toBeLessThan(500);
    // scipy: 0.012819798312696144, 0.9874730898664955, 0.02563959662539231
    expect(result.pImprovement).toBeCloseTo(0.012819798312696144, 10);
    expect(result.pRegression).toBeCloseTo(0.9874730898664955, 10);
    expect(result.pTwoSided).toBeCloseTo(0.02563959662539231, 10);
  });

  it('is 1 everywhere when a margin leaves a single possible table', () => {
    const ones = { pImprovement: 1, pRegression: 1, pTwoSided: 1 };
    expect(fisherExact(0, 0, 0, 0)).toEqual(ones);
    expect(fisherExact(0, 0, 3, 5)).toEqual(ones);
    expect(fisherExact(2, 5, 0, 0)).toEqual(ones);
    expect(fisherExact(0, 5, 0, 5)).toEqual(ones);
    expect(fisherExact(5, 5, 4, 4)).toEqual(ones);
  });

  it('swapping the arms swaps the one-sided tails', () => {
    const a = fisherExact(7, 20, 12, 18);
    const b = fisherExact(12, 18, 7, 20);
    expect(a.pImprovement).toBeCloseTo(b.pRegression, 14);
    expect(a.pRegression).toBeCloseTo(b.pImprovement, 14);
    expect(a.pTwoSided).toBeCloseTo(b.pTwoSided, 14);
  });

  it('rejects impossible counts', () => {
    expect(() => fisherExact(5, 4, 1, 4)).toThrow(/before/);
    expect(() => fisherExact(1, 4, 1, -4)).toThrow(/after/);
  });
});

describe('logFactorial', () => {
  it('is accurate on both sides of the table/Stirling switch', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 14);
    let sum = 0;
    for (let i = 2; i <= 1000; i += 1) sum += Math.log(i);
    expect(logFactorial(1000)).toBeCloseTo(sum, 9);
    expect(Math.abs(logFactorial(171) - (logFactorial(170) + Math.log(171)))).toBeLessThan(1e-12);
  });
});

describe('exactMean', () => {
  it.each([
    // Python 3.11 statistics.mean outputs (repr).
    [[0.1, 0.2, 0.3], 0.2],
    [[1e16, 1, -1e16], 0.3333333333333333],
    [[-0.1, -0.2, -0.3], -0.2],
    [[1.1, 2.2, 3.3], 2.2],
    [[2.5], 2.5],
    [[1e308, 1e308], 1e308],
    [[1e300, -1e300, 1e-300], 3.3333333333333334e-301],
    [[-1e-300, 3e-300, 1e-310], 6.666666667000001e-301],
    [[1, 2 ** 53], 4503599627370496], // tie → even
    [[1, 2 ** 53 + 2], 4503599627370498], // tie → even
    [[9007199254740992, 1, 1], 3002399751580331.5],
  ])('mean(%j) = %d as in Python', (values, expected) => {
    expect(exactMean(values)).toBe(expected);
  });

  it('differs from the naive sum where Python does', () => {
    expect((0.1 + 0.2 + 0.3) / 3).toBe(0.20000000000000004);
    expect(exactMean(Array<number>(10).fill(0.1))).toBe(0.1);
    expect(
      Array<number>(10)
        .fill(0.1)
        .reduce((a, b) => a + b) / 10,
    ).not.toBe(0.1);
  });

  it('returns +0 for an exact zero mean, like float(Fraction(0))', () => {
    expect(Object.is(exactMean([-0]), 0)).toBe(true);
    expect(Object.is(exactMean([1.5, -1.5]), 0)).toBe(true);
  });

  it('follows float semantics for non-finite values', () => {
    expect(exactMean([Infinity, 1])).toBe(Infinity);
    expect(exactMean([-Infinity, 1])).toBe(-Infinity);
    expect(exactMean([Infinity, -Infinity])).toBeNaN();
    expect(exactMean([Number.NaN, 1])).toBeNaN();
  });

  it('adds up one value at a time to the same mean, in any order', () => {
    const values = [0.1, 1e16, -1e16, 0.2, 3.5e-320, 7, 1 / 3];
    for (const order of [values, [...values].reverse(), [...values].sort()]) {
      const mean = new ExactMean();
      for (const v of order) mean.add(v);
      expect(mean.count).toBe(values.length);
      expect(mean.value()).toBe(exactMean(values));
    }
  });

  it('throws on empty input like StatisticsError', () => {
    expect(() => exactMean([])).toThrow(RangeError);
  });

  it('averages 100,000 values exactly', () => {
    // Python: mean([i / 10 for i in range(100000)]) = 4999.95,
    // mean([(-1)**i * i * 0.1 for i in range(100000)]) = -0.049999999999999996,
    // mean([0.3] * 100000) = 0.3.
    const ramp = Array.from({ length: 100_000 }, (_, i) => i / 10);
    const alternating = Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? 1 : -1) * i * 0.1);
    const constant = Array<number>(100_000).fill(0.3);
    expect(exactMean(ramp)).toBe(4999.95);
    expect(exactMean(alternating)).toBe(-0.049999999999999996);
    expect(exactMean(constant)).toBe(0.3);
  });

  it('agrees with an independent decimal reference on mixed magnitudes', () => {
    // Reference: exact decimal expansion of the rational mean, then JS's correctly rounded
    // string-to-double conversion, with a sticky digit when the expansion does not terminate.
    const reference = (values: number[]): number => {
      const scale = 1100n;
      let num = 0n;
      for (const v of values)
        num += BigInt(Math.trunc(v)) * 10n ** scale + fractionDigits(v, scale);
      const den = BigInt(values.length);
      const negative = num < 0n;
      const abs = negative ? -num : num;
      const quotient = abs / den;
      const sticky = quotient * den !== abs ? '1' : '';
      const digits = quotient.toString().padStart(Number(scale) + 1, '0');
      const text = `${digits.slice(0, -Number(scale))}.${digits.slice(-Number(scale))}${sticky}`;
      return (negative ? -1 : 1) * Number(text);
    };
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 40; round += 1) {
      const values = Array.from({ length: 1 + (round % 7) * 3 }, () => {
        const magnitude = 10 ** Math.floor(random() * 24 - 12);
        return (random() - 0.5) * magnitude;
      });
      expect(exactMean(values)).toBe(reference(values));
    }
  });
});

/** Digits of the fractional part of v (after truncating to an integer) scaled by 10^scale, exactly. */
function fractionDigits(v: number, scale: bigint): bigint {
  const integer = Math.trunc(v);
  const fraction = v - integer; // exact for doubles: same exponent range, fewer bits
  if (fraction === 0) return 0n;
  // fraction = m / 2^e exactly
  let m = fraction;
  let e = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    e += 1n;
  }
  return (BigInt(m) * 10n ** scale) / 2n ** e;
}

describe('roundRatioToDouble', () => {
  it('rounds half to even', () => {
    // (2^53 + 1) / 1 is a tie between 2^53 and 2^53 + 2: even mantissa wins.
    expect(roundRatioToDouble(2n ** 53n + 1n, 1n, 0)).toBe(2 ** 53);
    expect(roundRatioToDouble(2n ** 53n + 3n, 1n, 0)).toBe(2 ** 53 + 4);
    expect(roundRatioToDouble(-(2n ** 53n + 1n), 1n, 0)).toBe(-(2 ** 53));
  });

  it('handles subnormal results and underflow', () => {
    expect(roundRatioToDouble(1n, 1n, -1074)).toBe(5e-324);
    expect(roundRatioToDouble(3n, 2n, -1074)).toBe(1e-323); // 1.5 ulp → 2 ulp (even)
    expect(roundRatioToDouble(1n, 2n, -1074)).toBe(0); // half of the smallest subnormal → 0 (even)
    expect(roundRatioToDouble(1n, 3n, 0)).toBe(1 / 3);
  });
});
