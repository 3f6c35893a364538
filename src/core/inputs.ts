/** Parsers for user-supplied values; every error names the field, the value and the expected form. */
export class InputError extends Error {}

const MAX_SHOWN = 60;

export function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}

/** Campaign, work item, issue and PR ids are PostgreSQL `integer`s (upstream's SERIAL columns). */
export const MAX_ID = 2_147_483_647;

/** A positive id that fits the database's integer columns, checked before anything is written. */
export function parseId(field: string, value: string): number {
  const trimmed = value.trim();
  if (!/^[1-9][0-9]{0,9}$/.test(trimmed) || Number(trimmed) > MAX_ID) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a positive whole number up to ${MAX_ID}, such as 123`,
    );
  }
  return Number(trimmed);
}

/** A whole number within [min, max], e.g. a timeout or an interval. */
export function parseBoundedInt(
  field: string,
  value: string,
  min: number,
  max: number,
  unit = '',
): number {
  const trimmed = value.trim();
  const number = Number(trimmed);
  if (!/^[0-9]{1,10}$/.test(trimmed) || number < min || number > max) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a whole number from ${min} to ${max}${unit ? ` (${unit})` : ''}`,
    );
  }
  return number;
}

/**
 * A path inside the workspace (the repository checkout, or the current directory in a terminal):
 * relative, no `..` segment, no drive letter or control characters. Returns it with `/` separators.
 */
export function parseWorkspacePath(field: string, value: string, example: string): string {
  const v = value.trim().replace(/\\/g, '/');
  const segments = v.split('/');
  const valid =
    v !== '' &&
    !v.startsWith('/') &&
    !/^[A-Za-z]:/.test(v) &&
    !segments.includes('..') &&
    ![...v].some((c) => c.charCodeAt(0) < 0x20);
  if (!valid) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a path inside the workspace (relative, without ..), e.g. ${example}`,
    );
  }
  return v;
}

export type CampaignSelector = { kind: 'id'; id: number } | { kind: 'latest' };

export function parseCampaignSelector(field: string, value: string): CampaignSelector {
  if (value.trim().toLowerCase() === 'latest') return { kind: 'latest' };
  try {
    return { kind: 'id', id: parseId(field, value) };
  } catch {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a positive whole number up to ${MAX_ID} such as 123, or 'latest'`,
    );
  }
}

/**
 * A target win rate written as `90`, `90%` or `0.9`. Values up to 1 are fractions (so `1` is
 * 100%); larger values are percentages.
 */
/** A win rate written as 0.9, 90 or 90%, as a fraction; undefined unless above 0 and at most 1. */
export function targetRateOf(value: string | number): number | undefined {
  const match = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(String(value).trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  const fraction = match[2] === '%' || number > 1 ? number / 100 : number;
  return fraction > 0 && fraction <= 1 ? fraction : undefined;
}

export function parseTargetRate(field: string, value: string): number {
  const fraction = targetRateOf(value);
  if (fraction === undefined) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a rate such as 90, 90% or 0.9 (above 0, at most 100%)`,
    );
  }
  return fraction;
}

export function parseBoolean(field: string, value: string): boolean {
  const v = value.trim();
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new InputError(`Invalid ${field}: '${shown(value)}' — expected true or false`);
}

export function parseChoice<T extends string>(
  field: string,
  value: string,
  choices: readonly T[],
): T {
  const v = value.trim() as T;
  if (!choices.includes(v)) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected one of ${choices.join(', ')}`,
    );
  }
  return v;
}
