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
function parseCanonical(text: string): ParsedTimestamp | null {
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
  return { micros: seconds * 1_000_000 + fraction, aware: true };
}

function parseGeneral(text: string): ParsedTimestamp {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new TimestampError(`Invalid isoformat string: '${text}'`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', offset] = match;
  const fraction = Number((frac + '000000').slice(0, 6));
  const wallMillis = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
  );
  if (Number.isNaN(wallMillis)) throw new TimestampError(`Invalid isoformat string: '${text}'`);
  const wallMicros = wallMillis * 1000 + fraction;
  if (offset === undefined) return { micros: wallMicros, aware: false };
  return { micros: wallMicros - offsetMinutes(offset) * 60_000_000, aware: true };
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

/**
 * Upstream `compute_duration_seconds` (eval/src/eval/analysis/scoring.py): None when the start is
 * empty or the end is None; a naive value beside an aware one is taken as the analysing machine's
 * local time at its *current* UTC offset (upstream uses `datetime.now().astimezone().tzinfo`);
 * two naive values are both UTC.
 */
export function computeDurationSeconds(
  start: string | null,
  end: string | null,
  localUtcOffsetMinutes: number,
): number | null {
  if (!start || end === null) return null;
  const a = parseTimestamp(start);
  const b = parseTimestamp(end);
  const localShift = localUtcOffsetMinutes * 60_000_000;
  const startMicros = !a.aware && b.aware ? a.micros - localShift : a.micros;
  const endMicros = a.aware && !b.aware ? b.micros - localShift : b.micros;
  // Same arithmetic as timedelta.total_seconds(): integer microseconds / 10**6.
  return (endMicros - startMicros) / 1e6;
}

/** ISO 8601 text in Python's `isoformat()` shape, e.g. `2026-02-10T12:34:56.123456+00:00`. */
export function toIsoString(text: string): string {
  if (!text) return text;
  const { micros, aware } = parseTimestamp(text);
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros - seconds * 1_000_000;
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
