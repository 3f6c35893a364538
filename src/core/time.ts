/**
 * Timestamps with microsecond precision, parsed like Python's `datetime.fromisoformat` (3.11) and
 * accepting PostgreSQL's text output (`2026-02-10 12:34:56.123456+00`).
 */
export interface ParsedTimestamp {
  /** Microseconds since the epoch; for a naive timestamp, as if its wall clock were UTC. */
  micros: number;
  /** Whether the text carried a UTC offset. */
  aware: boolean;
}

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?$/;

export class TimestampError extends Error {}

export function parseTimestamp(text: string): ParsedTimestamp {
  const { seconds, fraction, aware } = parseExact(text);
  return { micros: seconds * 1_000_000 + fraction, aware };
}

/** Whole seconds (exact up to year 9999) and microseconds, apart so no precision is lost. */
interface ExactTimestamp {
  seconds: number;
  fraction: number;
  aware: boolean;
}

function parseExact(text: string): ExactTimestamp {
  return parseCanonical(text) ?? parseGeneral(text);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * Fast path for what PostgreSQL prints for TIMESTAMPTZ in a UTC session
 * (`YYYY-MM-DD HH:MM:SS[.ffffff]+00`): 100,000-trial campaigns parse half a million of these.
 */
function parseCanonical(text: string): ExactTimestamp | null {
  if (text.length < 22 || text.charCodeAt(10) !== 32 || !text.endsWith('+00')) return null;
  let fraction = 0;
  const end = text.length - 3;
  if (end > 19) {
    if (text.charCodeAt(19) !== 46 || end - 20 > 6) return null;
    for (let i = 20; i < 26; i++) fraction = fraction * 10 + (i < end ? digit(text, i) : 0);
  } else if (end !== 19) return null;
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23))
    return null;
  if (!(minute >= 0 && minute <= 59 && second >= 0 && second <= 60 && fraction >= 0)) return null;
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second;
  return { seconds, fraction, aware: true };
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function parseGeneral(text: string): ExactTimestamp {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new TimestampError(`Invalid isoformat string: '${text}'`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', offset] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const valid =
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (month === 2 && !leap ? 28 : (MONTH_DAYS[month - 1] ?? 0)) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59;
  if (!valid) throw new TimestampError(`Invalid isoformat string: '${text}'`);
  const fraction = Number((frac + '000000').slice(0, 6));
  const wall =
    daysFromCivil(year, month, day) * 86_400 + Number(h) * 3_600 + Number(mi) * 60 + Number(s);
  if (offset === undefined) return { seconds: wall, fraction, aware: false };
  const shift = Math.round(offsetMinutes(offset) * 60);
  // Offsets with seconds are whole seconds; keep the fraction apart.
  return { seconds: wall - shift, fraction, aware: true };
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(/:/g, '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  const seconds = Number(digits.slice(4, 6) || '0');
  return sign * (hours * 60 + minutes + seconds / 60);
}

/** Python datetime's range: 0001-01-01T00:00:00 to 9999-12-31T23:59:59.999999 (UTC here). */
const MIN_SECONDS = daysFromCivil(1, 1, 1) * 86_400;
const MAX_SECONDS = daysFromCivil(9999, 12, 31) * 86_400 + 86_399;

/**
 * What asyncpg hands upstream for PostgreSQL's `infinity` / `-infinity` TIMESTAMPTZ: the *naive*
 * `datetime.max` / `datetime.min` (pgproto codecs/datetime.pyx), which `isoformat()` prints so.
 */
const ASYNCPG_INFINITY = '9999-12-31T23:59:59.999999';
const ASYNCPG_NEGATIVE_INFINITY = '0001-01-01T00:00:00';

/** A timestamp as upstream's Trial holds it, from PostgreSQL's text output. */
export function asyncpgTimestamp(text: string): string {
  if (text === 'infinity') return ASYNCPG_INFINITY;
  if (text === '-infinity') return ASYNCPG_NEGATIVE_INFINITY;
  return text;
}

/**
 * Why asyncpg cannot make a Python datetime of PostgreSQL's text (years outside 1–9999: reading
 * the row raises OverflowError), or null when it can.
 */
export function pythonDatetimeProblem(text: string): string | null {
  // Fast path (several calls per trial): a four-digit year, not BC.
  if (text.charCodeAt(4) === 45 && text.charCodeAt(text.length - 1) !== 67) return null;
  if (/\sBC$/.test(text)) return 'is before year 1';
  const year = /^(\d+)-/.exec(text)?.[1];
  if (year !== undefined && year.length > 4) return 'is after year 9999';
  return null;
}

/**
 * Upstream `compute_duration_seconds` (eval/src/eval/analysis/scoring.py): None when the start is
 * empty or the end is None; a naive value beside an aware one is taken as the analysing machine's
 * local time at its *current* UTC offset (upstream uses `datetime.now().astimezone().tzinfo`), and
 * converting it to UTC raises OverflowError past Python's year range; two naive values are both UTC.
 */
export function computeDurationSeconds(
  start: string | null,
  end: string | null,
  localUtcOffsetMinutes: number,
): number | null {
  if (!start || end === null) return null;
  const a = parseExact(start);
  const b = parseExact(end);
  const localShift = Math.round(localUtcOffsetMinutes * 60);
  const startSeconds = !a.aware && b.aware ? toUtc(a.seconds, localShift) : a.seconds;
  const endSeconds = a.aware && !b.aware ? toUtc(b.seconds, localShift) : b.seconds;
  // timedelta.total_seconds(): integer microseconds / 10**6, correctly rounded.
  const seconds = endSeconds - startSeconds;
  const fraction = b.fraction - a.fraction;
  const micros = seconds * 1_000_000 + fraction;
  if (Number.isSafeInteger(micros) && Math.abs(seconds) < 9e9) return micros / 1e6;
  return divideMicros(BigInt(seconds) * 1_000_000n + BigInt(fraction));
}

function toUtc(wallSeconds: number, localShift: number): number {
  const utc = wallSeconds - localShift;
  if (utc < MIN_SECONDS || utc > MAX_SECONDS) {
    throw new TimestampError('OverflowError: date value out of range (naive time taken as local)');
  }
  return utc;
}

/** micros / 10**6 as Python's int true division rounds it (to nearest, ties to even). */
function divideMicros(micros: bigint): number {
  const guess = Number(micros / 1_000_000n) + Number(micros % 1_000_000n) / 1e6;
  let best = guess;
  let bestError = exactError(guess, micros);
  for (const candidate of [nextDouble(guess, -1), nextDouble(guess, 1)]) {
    const error = exactError(candidate, micros);
    const cmp = compareFractions(error, bestError);
    if (cmp < 0 || (cmp === 0 && isEvenMantissa(candidate))) {
      best = candidate;
      bestError = error;
    }
  }
  return best;
}

/** |x * 10**6 - micros| as a fraction [numerator, denominator]. */
function exactError(x: number, micros: bigint): [bigint, bigint] {
  const [num, den] = exactRational(x);
  const diff = num * 1_000_000n - micros * den;
  return [diff < 0n ? -diff : diff, den];
}

function compareFractions([a, b]: [bigint, bigint], [c, d]: [bigint, bigint]): number {
  const left = a * d;
  const right = c * b;
  return left < right ? -1 : left > right ? 1 : 0;
}

function exactRational(x: number): [bigint, bigint] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  if (exponent !== 0) mantissa |= 1n << 52n;
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  const signed = negative ? -mantissa : mantissa;
  return power >= 0 ? [signed << BigInt(power), 1n] : [signed, 1n << BigInt(-power)];
}

function nextDouble(x: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  const away = x > 0 === direction > 0 || x === 0;
  view.setBigInt64(0, away ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

function isEvenMantissa(x: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return (view.getBigUint64(0) & 1n) === 0n;
}

/** ISO 8601 text in Python's `isoformat()` shape, e.g. `2026-02-10T12:34:56.123456+00:00`. */
export function toIsoString(text: string): string {
  if (!text) return text;
  const { seconds, fraction, aware } = parseExact(text);
  const days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  const [y, m, d] = civilFromDays(days);
  const date = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  const time = `${pad2(Math.floor(secondOfDay / 3600))}:${pad2(Math.floor(secondOfDay / 60) % 60)}:${pad2(secondOfDay % 60)}`;
  const frac = fraction ? `.${String(fraction).padStart(6, '0')}` : '';
  return `${date}T${time}${frac}${aware ? '+00:00' : ''}`;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Inverse of daysFromCivil (Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
