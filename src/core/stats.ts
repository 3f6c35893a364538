/**
 * Small exact statistics helpers: Wilson score intervals, Fisher's exact test on 2×2 tables and a
 * mean that matches Python's `statistics.mean` bit for bit.
 */

/** The two-sided 95% critical value of the standard normal distribution. */
const Z_95 = 1.959963984540054;

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}

function assertSuccesses(successes: number, trials: number, label = ''): void {
  assertCount(`successes${label}`, successes);
  assertCount(`trials${label}`, trials);
  if (successes > trials) {
    throw new RangeError(`successes${label} (${successes}) exceed trials${label} (${trials})`);
  }
}

/**
 * Wilson score interval (without continuity correction) for a binomial proportion.
 * n = 0 gives the uninformative [0, 1].
 */
export function wilsonInterval(successes: number, trials: number): [number, number] {
  assertSuccesses(successes, trials);
  const z = Z_95;
  if (trials === 0) return [0, 1];
  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const upper =
    successes === n
      ? 1
      : Math.min(
          1,
          (p + z2 / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom,
        );
  // The bounds are the roots of denom·P² − (2p + z²/n)·P + p² = 0, so lower = p² / (denom·upper);
  // this avoids the cancellation of `center − half` when the lower bound is tiny.
  const lower = successes === 0 ? 0 : Math.max(0, Math.min(1, (p * p) / (denom * upper)));
  return [lower, upper];
}

function wilsonLower(successes: number, trials: number): number {
  return wilsonInterval(successes, trials)[0];
}

/**
 * Smallest m ≥ 0 such that, after m more trials that all succeed, the Wilson lower bound of
 * (successes + m) / (trials + m) reaches `target`. The bound is increasing in m, so this is an
 * exponential then binary search. `null` when no finite (safe-integer) m reaches the target —
 * always the case for target 1, since the lower bound of k/n is below 1 for every finite n.
 */
export function allSuccessTrialsNeeded(
  successes: number,
  trials: number,
  target: number,
): number | null {
  assertSuccesses(successes, trials);
  if (!(target >= 0 && target <= 1)) {
    throw new RangeError(`target must be in [0, 1], got ${String(target)}`);
  }
  const reaches = (m: number): boolean => wilsonLower(successes + m, trials + m) >= target;
  if (reaches(0)) return 0;
  if (target >= 1) return null;
  const limit = Number.MAX_SAFE_INTEGER - trials;
  let lo = 0;
  let hi = 1;
  while (!reaches(hi)) {
    if (hi >= limit) return null;
    lo = hi;
    hi = Math.min(limit, hi * 2);
  }
  // Invariant: reaches(hi) and !reaches(lo).
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const FACTORIAL_TABLE_SIZE = 171;
const LOG_FACTORIALS: Float64Array = (() => {
  const table = new Float64Array(FACTORIAL_TABLE_SIZE);
  let factorial = 1;
  for (let i = 1; i < FACTORIAL_TABLE_SIZE; i += 1) {
    factorial *= i;
    table[i] = Math.log(factorial);
  }
  return table;
})();
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln(n!) — a table below 171, Stirling's series (error < 1e-17 relative there) above. */
export function logFactorial(n: number): number {
  if (n < FACTORIAL_TABLE_SIZE) return LOG_FACTORIALS[n] ?? NaN;
  const x = n + 1;
  const x2 = x * x;
  const series = (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
}

export interface FisherExactResult {
  /** One-sided p that "after" has the higher success rate: P(X ≥ observed after-successes). */
  pImprovement: number;
  /** One-sided p that "after" has the lower success rate: P(X ≤ observed after-successes). */
  pRegression: number;
  /** Sum of the probabilities of all tables no more likely than the observed one (R, scipy). */
  pTwoSided: number;
}

// R's fisher.test uses `relErr <- 1 + 10^(-7)` so tables tied with the observed one up to
// rounding count as "as extreme".
const FISHER_RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Fisher's exact test for before k1/n1 vs after k2/n2 successes. Conditional on the margins, the
 * after-successes X follow a hypergeometric law; probabilities are computed relative to the
 * mode from log-factorials and normalised by their sum, so n up to ~1e5 per arm is fine.
 */
export function fisherExact(k1: number, n1: number, k2: number, n2: number): FisherExactResult {
  assertSuccesses(k1, n1, ' (before)');
  assertSuccesses(k2, n2, ' (after)');
  const total = n1 + n2;
  const successes = k1 + k2;
  const failures = total - successes;
  const lo = Math.max(0, n2 - failures);
  const hi = Math.min(successes, n2);
  if (lo === hi) return { pImprovement: 1, pRegression: 1, pTwoSided: 1 };

  const logWeight = (x: number): number =>
    -logFactorial(x) -
    logFactorial(successes - x) -
    logFactorial(n2 - x) -
    logFactorial(failures - n2 + x);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((n2 + 1) * (successes + 1)) / (total + 2))));
  const logMode = logWeight(mode);
  const weights = new Float64Array(hi - lo + 1);
  let sum = 0;
  for (let x = lo; x <= hi; x += 1) {
    const w = Math.exp(logWeight(x) - logMode);
    weights[x - lo] = w;
    sum += w;
  }
  const observed = weights[k2 - lo] ?? 0;
  const threshold = observed * FISHER_RELATIVE_TOLERANCE;
  let upperTail = 0;
  let lowerTail = 0;
  let twoSided = 0;
  for (let x = lo; x <= hi; x += 1) {
    const w = weights[x - lo] ?? 0;
    if (x >= k2) upperTail += w;
    if (x <= k2) lowerTail += w;
    if (w <= threshold) twoSided += w;
  }
  const clamp = (value: number): number => Math.min(1, value / sum);
  return {
    pImprovement: clamp(upperTail),
    pRegression: clamp(lowerTail),
    pTwoSided: clamp(twoSided),
  };
}

// Bin b holds mantissas whose lsb is 2^(b − 1074): b = biased exponent − 1 (0 for subnormals).
const EXPONENT_BINS = 2046;
const MIN_EXPONENT = -1074;
const SPLIT = 2 ** 26;
// Each bin adds at most one 26/27-bit half per value, so 2^25 values keep it below 2^53.
const FLUSH_EVERY = 2 ** 25;

/**
 * Arithmetic mean exactly as Python's `statistics.mean` returns it for floats: the exact rational
 * mean of the binary values, correctly rounded (half to even). Empty input throws, like Python's
 * StatisticsError; non-finite inputs follow float arithmetic (inf, or NaN for NaN / inf − inf).
 */
export function exactMean(values: readonly number[]): number {
  const mean = new ExactMean();
  for (const v of values) mean.add(v);
  return mean.value();
}

/**
 * `exactMean` one value at a time, in constant memory: the sum is exact, so the order of the
 * values does not matter.
 */
export class ExactMean {
  // Every finite double is m·2^e with integer m < 2^53. Mantissas are accumulated per exponent in
  // two 26/27-bit halves (exact in doubles), and only the bins are combined with BigInt.
  private readonly high = new Float64Array(EXPONENT_BINS);
  private readonly low = new Float64Array(EXPONENT_BINS);
  private readonly view = new DataView(new ArrayBuffer(8));
  private total = 0n;
  private sinceFlush = 0;
  private hasNaN = false;
  private hasPosInf = false;
  private hasNegInf = false;
  /** Values added so far. */
  count = 0;

  add(v: number): void {
    if (typeof v !== 'number') throw new TypeError(`mean expects numbers, got ${typeof v}`);
    this.count += 1;
    if (Number.isNaN(v)) this.hasNaN = true;
    else if (v === Infinity) this.hasPosInf = true;
    else if (v === -Infinity) this.hasNegInf = true;
    else if (v !== 0) this.addFinite(v);
  }

  value(): number {
    if (this.count === 0) throw new RangeError('mean requires at least one data point');
    if (this.hasNaN || (this.hasPosInf && this.hasNegInf)) return NaN;
    if (this.hasPosInf) return Infinity;
    if (this.hasNegInf) return -Infinity;
    this.flush();
    if (this.total === 0n) return 0;
    return roundRatioToDouble(this.total, BigInt(this.count), MIN_EXPONENT);
  }

  private addFinite(v: number): void {
    const { view, high, low } = this;
    view.setFloat64(0, v);
    const hiWord = view.getUint32(0);
    const biased = (hiWord >>> 20) & 0x7ff;
    let mantissa = (hiWord & 0xfffff) * 2 ** 32 + view.getUint32(4);
    let bin = 0;
    if (biased !== 0) {
      mantissa += 2 ** 52;
      bin = biased - 1;
    }
    const h = Math.floor(mantissa / SPLIT);
    const l = mantissa - h * SPLIT;
    if (v < 0) {
      high[bin] = (high[bin] ?? 0) - h;
      low[bin] = (low[bin] ?? 0) - l;
    } else {
      high[bin] = (high[bin] ?? 0) + h;
      low[bin] = (low[bin] ?? 0) + l;
    }
    this.sinceFlush += 1;
    if (this.sinceFlush === FLUSH_EVERY) this.flush();
  }

  private flush(): void {
    const { high, low } = this;
    for (let bin = 0; bin < EXPONENT_BINS; bin += 1) {
      const h = high[bin] ?? 0;
      const l = low[bin] ?? 0;
      if (h === 0 && l === 0) continue;
      this.total += (BigInt(h) << BigInt(bin + 26)) + (BigInt(l) << BigInt(bin));
      high[bin] = 0;
      low[bin] = 0;
    }
    this.sinceFlush = 0;
  }
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/**
 * Correctly rounded (half to even) double nearest to num/den·2^exp2, for den > 0. Results below
 * the smallest subnormal round to ±0 and above the largest double to ±Infinity.
 */
export function roundRatioToDouble(num: bigint, den: bigint, exp2: number): number {
  if (den <= 0n) throw new RangeError('denominator must be positive');
  if (num === 0n) return 0;
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  // Scale so the integer quotient has at least 55 bits: 53 kept, a guard bit, and more.
  const shift = 55 - (bitLength(magnitude) - bitLength(den));
  const scaledNum = shift > 0 ? magnitude << BigInt(shift) : magnitude;
  const scaledDen = shift < 0 ? den << BigInt(-shift) : den;
  const quotient = scaledNum / scaledDen;
  const sticky = quotient * scaledDen !== scaledNum;
  // value = (quotient + fraction) · 2^lsbExponent
  const lsbExponent = exp2 - shift;
  const length = bitLength(quotient);
  const msbExponent = lsbExponent + length - 1;
  if (msbExponent > 1023) return negative ? -Infinity : Infinity;
  // Keep 53 significant bits, or fewer when the result is subnormal (lsb fixed at 2^-1074).
  const drop = Math.max(length - 53, MIN_EXPONENT - lsbExponent);
  if (drop > length) return negative ? -0 : 0;
  let kept = quotient >> BigInt(drop);
  const remainder = quotient - (kept << BigInt(drop));
  const half = drop > 0 ? 1n << BigInt(drop - 1) : 0n;
  if (drop > 0 && (remainder > half || (remainder === half && (sticky || (kept & 1n) === 1n)))) {
    kept += 1n;
  }
  const exponent = lsbExponent + drop;
  // kept ≤ 2^53 converts exactly; split the power of two so neither factor over/underflows.
  const exponentHalf = Math.trunc(exponent / 2);
  const result = Number(kept) * 2 ** exponentHalf * 2 ** (exponent - exponentHalf);
  return negative ? -result : result;
}
