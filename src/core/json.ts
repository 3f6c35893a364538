/** Thrown when a JSON column cannot be decoded (upstream would raise json.JSONDecodeError). */
export class JsonColumnError extends Error {}

/**
 * Upstream `safe_json_loads` (eval/src/eval/types.py): empty → default; parse; when the result
 * is itself a string (a JSONB round-trip double encoded it) parse once more.
 */
export function safeJsonLoads(text: string, fallback: unknown): unknown {
  if (!text) return fallback;
  const first = parseOrThrow(text);
  return typeof first === 'string' ? parseOrThrow(first) : first;
}

/**
 * Decodes a JSON column as the driver returned it. The driver already parsed the JSONB once; a
 * string value means the stored JSON was a JSON string (double encoding), which upstream parses
 * again with `safe_json_loads`. NULL becomes the column's default.
 */
export function decodeJsonColumn(value: unknown, fallback: unknown): unknown {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') return safeJsonLoads(value, fallback);
  return value;
}

function parseOrThrow(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonColumnError((error as Error).message);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python truthiness of a decoded JSON value (`bool(state)`). */
export function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Stable JSON text (sorted keys) used to compare params across rows. */
export function canonicalJson(value: unknown): string {
  if (isPlainObject(value) && isEmpty(value)) return '{}';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return true;
}
