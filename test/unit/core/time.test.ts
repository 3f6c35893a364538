import { describe, expect, test } from 'vitest';
import {
  asyncpgTimestamp,
  computeDurationSeconds,
  pythonDatetimeProblem,
  parseTimestamp,
  TimestampError,
  toIsoString,
} from '../../../src/core/time.js';

describe('parseTimestamp', () => {
  test('reads PostgreSQL text output with microseconds and a short offset', () => {
    const parsed = parseTimestamp('2026-02-10 12:34:56.123456+00');
    expect(parsed).toEqual({
      micros: Date.UTC(2026, 1, 10, 12, 34, 56) * 1000 + 123456,
      aware: true,
    });
  });

  test('applies offsets and Z like datetime.fromisoformat', () => {
    const utc = parseTimestamp('2026-02-10T12:00:00Z').micros;
    expect(parseTimestamp('2026-02-10T17:30:00+05:30').micros).toBe(utc);
    expect(parseTimestamp('2026-02-10T09:00:00-03').micros).toBe(utc);
  });

  test('marks timestamps without an offset as naive', () => {
    expect(parseTimestamp('2026-02-10 12:00:00').aware).toBe(false);
  });

  test('rejects text that is not a timestamp', () => {
    expect(() => parseTimestamp('yesterday')).toThrow(TimestampError);
  });
});

describe('computeDurationSeconds (upstream compute_duration_seconds)', () => {
  test('keeps microsecond precision', () => {
    expect(
      computeDurationSeconds('2026-01-01T00:00:00.000001+00:00', '2026-01-01T00:00:01+00:00', 0),
    ).toBe(0.999999);
  });

  test('an empty start or a None end gives None', () => {
    expect(computeDurationSeconds('', '2026-01-01T00:00:01+00:00', 0)).toBeNull();
    expect(computeDurationSeconds('2026-01-01T00:00:01+00:00', null, 0)).toBeNull();
  });

  test('two naive values are both UTC, whatever the local offset', () => {
    expect(computeDurationSeconds('2026-01-01 00:00:00', '2026-01-01 00:00:20', 300)).toBe(20);
  });

  test('a naive end beside an aware start is local time at the current offset', () => {
    // Local time UTC+2: the naive 14:00:20 is 12:00:20 UTC.
    expect(computeDurationSeconds('2026-01-01T12:00:00+00:00', '2026-01-01 14:00:20', 120)).toBe(
      20,
    );
    expect(computeDurationSeconds('2026-01-01 14:00:00', '2026-01-01T12:00:20+00:00', 120)).toBe(
      20,
    );
  });

  test('can be negative when the ticket predates the chaos', () => {
    expect(
      computeDurationSeconds('2026-01-01T12:00:00+00:00', '2026-01-01T11:59:25+00:00', 0),
    ).toBe(-35);
  });
});

test('toIsoString prints Python isoformat()', () => {
  expect(toIsoString('2026-02-10 12:34:56.123456+00')).toBe('2026-02-10T12:34:56.123456+00:00');
  expect(toIsoString('2026-02-10 12:34:56+00')).toBe('2026-02-10T12:34:56+00:00');
  expect(toIsoString('2026-02-10 12:34:56')).toBe('2026-02-10T12:34:56');
});

test('the fast path for PostgreSQL text agrees with the general parser', () => {
  const samples = [
    '2026-02-10 12:34:56.123456+00',
    '2026-02-10 12:34:56.5+00',
    '1999-12-31 23:59:59+00',
    '2024-02-29 00:00:00.000001+00',
  ];
  for (const sample of samples) {
    const iso = sample.replace(' ', 'T').replace(/\+00$/, '+00:00');
    expect(parseTimestamp(sample)).toEqual(parseTimestamp(iso));
  }
});

test('spans beyond 2^53 microseconds divide exactly like timedelta.total_seconds()', () => {
  // Values printed by CPython 3.11 for the same timedelta.
  expect(computeDurationSeconds('0001-01-01T00:00:00', '9999-12-31T23:59:59.999999', 0)).toBe(
    315537897600,
  );
  const cases: [string, number][] = [
    ['6826-08-21T05:37:59.682554', 215396257079.68256],
    ['1232-06-28T18:11:28.861168', 38862094288.86117],
    ['1707-03-01T01:47:23.383452', 53841203243.38345],
    ['1033-01-13T10:28:45.953893', 32567826525.95389],
  ];
  for (const [end, seconds] of cases) {
    expect(computeDurationSeconds('0001-01-01T00:00:00', end, 0)).toBe(seconds);
  }
});

test('asyncpg hands infinity over as naive datetime.max/min', () => {
  expect(asyncpgTimestamp('infinity')).toBe('9999-12-31T23:59:59.999999');
  expect(asyncpgTimestamp('-infinity')).toBe('0001-01-01T00:00:00');
  expect(toIsoString('0001-01-01T00:00:00')).toBe('0001-01-01T00:00:00');
  expect(pythonDatetimeProblem('10000-01-01 00:00:00+00')).toMatch(/after year 9999/);
  expect(pythonDatetimeProblem('2026-01-01 00:00:00+00')).toBeNull();
});
