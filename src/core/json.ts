import { isPyDict, PyException, pyJsonLoads } from './py-json.js';

/** Thrown when a JSON column cannot be decoded (upstream would raise json.JSONDecodeError). */
export class JsonColumnError extends Error {
  constructor(
    message: string,
    readonly pyError?: PyException,
  ) {
    super(message);
  }
}

/**
 * A JSON column carried as the exact text asyncpg hands upstream (PostgreSQL's jsonb output), for
 * the rows where what JS's JSON.parse would lose matters (ints beyond 2^53, `1.0` vs `1`).
 */
export class JsonText {
  constructor(readonly text: string) {}
  toJSON(): unknown {
    try {
      return pyJsonLoads(this.text);
    } catch {
      return this.text;
    }
  }
}

/**
 * Upstream `safe_json_loads` (eval/src/eval/types.py): empty → default; `json.loads`; when the
 * result is itself a str, `json.loads` once more — and no further, so a triple-encoded value stays
 * a str. Throws PyException as Python would.
 */
function safeJsonLoads(text: string, fallback: unknown): unknown {
  if (!text) return fallback;
  const first = pyJsonLoads(text);
  return typeof first === 'string' ? pyJsonLoads(first) : first;
}

/**
 * Decodes a JSON column as upstream does. The driver's JSON.parse of the jsonb text is upstream's
 * first `json.loads`, so a string value (a double-encoded row) is parsed exactly once more. A
 * `JsonText` goes through both loads. SQL NULL must already be the column default (the reader
 * selects `COALESCE(col, default)`); `null` here is JSON `null`, i.e. Python's None.
 */
export function decodeJsonColumnRaw(value: unknown, fallback: unknown): unknown {
  if (value === undefined) return fallback;
  if (value instanceof JsonText) return safeJsonLoads(value.text, fallback);
  if (typeof value === 'string') return pyJsonLoads(value);
  return value;
}

/** `decodeJsonColumnRaw`, with Python's decode errors as JsonColumnError. */
export function decodeJsonColumn(value: unknown, fallback: unknown): unknown {
  try {
    return decodeJsonColumnRaw(value, fallback);
  } catch (error) {
    if (error instanceof PyException) throw new JsonColumnError(error.message, error);
    throw error;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isPyDict(value);
}

/** Stable JSON text (sorted keys) used to compare params across rows; `50.0` differs from `50`. */
export function canonicalJson(value: unknown): string {
  if (isPlainObject(value) && isEmpty(value)) return '{}';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (typeof value === 'object' && value !== null) return String(value);
  return JSON.stringify(value) ?? 'null';
}

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return true;
}
