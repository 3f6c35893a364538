/** Parsers for user-supplied values; every error names the field, the value and the expected form. */
export class InputError extends Error {}

const MAX_SHOWN = 60;

export function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}

export function parseId(field: string, value: string): number {
  const trimmed = value.trim();
  if (!/^[1-9][0-9]{0,15}$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a positive whole number such as 123`,
    );
  }
  return Number(trimmed);
}

export type CampaignSelector = { kind: 'id'; id: number } | { kind: 'latest' };

export function parseCampaignSelector(field: string, value: string): CampaignSelector {
  if (value.trim().toLowerCase() === 'latest') return { kind: 'latest' };
  try {
    return { kind: 'id', id: parseId(field, value) };
  } catch {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a positive whole number such as 123, or 'latest'`,
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
