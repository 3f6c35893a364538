/**
 * JSON as the harness's Python sees it: `json.loads` (NaN/Infinity accepted, ints exact, `50.0` a
 * float), `json.dumps` (float repr, ASCII escapes), truthiness, `==`/hash equality and the
 * exceptions upstream raises. Plain JSON values stay plain JS values; only what JS cannot tell apart
 * is wrapped: an integral float (`PyFloat`) and an int beyond 2^53 (`PyBigInt`).
 */

/** A Python float whose value is integral (`50.0`), which a JS number cannot tell from `50`. */
export class PyFloat {
  constructor(readonly value: number) {}
  /** Reports show the number; exact text comes from `pyJsonDumps`. */
  toJSON(): number {
    return this.value;
  }
  toString(): string {
    return pyFloatRepr(this.value);
  }
}

/** A Python int beyond ±2^53, kept digit for digit. */
export class PyBigInt {
  constructor(readonly value: bigint) {}
  toJSON(): number {
    return Number(this.value);
  }
  toString(): string {
    return this.value.toString();
  }
}

/** An exception upstream's Python code would raise on a value (it stops `eval analyze`). */
export class PyException extends Error {
  constructor(
    readonly pyType:
      'AttributeError' | 'TypeError' | 'JSONDecodeError' | 'ValueError' | 'OverflowError',
    message: string,
  ) {
    super(`${pyType}: ${message}`);
  }
}

export function isPyDict(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Python's type name of a decoded JSON value, as exception messages print it. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof PyBigInt || typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

/** `bool(value)` of a decoded JSON value. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0;
  if (value instanceof PyFloat) return value.value !== 0;
  if (value instanceof PyBigInt) return value.value !== 0n;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** `len(value)`: code points of a str, items of a list or dict; TypeError otherwise. */
export function pyLen(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (isPyDict(value)) return Object.keys(value).length;
  throw new PyException('TypeError', `object of type '${pyTypeName(value)}' has no len()`);
}

/** `iter(value)` as a list: characters of a str, items of a list, keys of a dict. */
export function pyIter(value: unknown): unknown[] {
  if (typeof value === 'string') return [...value];
  if (Array.isArray(value)) return value;
  if (isPyDict(value)) return Object.keys(value);
  throw new PyException('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}

/** `value.get(key, fallback)`; AttributeError unless value is a dict. */
export function pyGet(value: unknown, key: string, fallback: unknown): unknown {
  if (!isPyDict(value)) {
    throw new PyException('AttributeError', `'${pyTypeName(value)}' object has no attribute 'get'`);
  }
  return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : fallback;
}

/**
 * Key under which Python's `set` stores a value: `True == 1 == 1.0`, ints compare exactly with
 * floats; every NaN `json.loads` returns is the one `json.decoder.NaN` object, so they are one
 * element; lists and dicts are unhashable (TypeError).
 */
export function pyHashKey(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'boolean') return value ? 'n1' : 'n0';
  if (value instanceof PyBigInt) return `n${value.value}`;
  if (value instanceof PyFloat) return numberKey(value.value);
  if (typeof value === 'number') return numberKey(value);
  throw new PyException('TypeError', `unhashable type: '${pyTypeName(value)}'`);
}

function numberKey(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'ninf' : 'n-inf';
  if (Number.isInteger(value)) return `n${BigInt(value)}`;
  return `n${value}`;
}

// ---------------------------------------------------------------------------------------------
// json.loads
// ---------------------------------------------------------------------------------------------

/** Python's int() refuses longer digit strings (sys.int_info.default_max_str_digits). */
const MAX_INT_DIGITS = 4300;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** `json.loads(text)`: throws PyException (JSONDecodeError, or ValueError for huge ints). */
export function pyJsonLoads(text: string): unknown {
  if (text.startsWith('\ufeff')) throw decodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)');
  const parser = new Parser(text);
  parser.skipSpace();
  const value = parser.value();
  parser.skipSpace();
  if (parser.pos !== text.length) throw decodeError('Extra data', text, parser.pos);
  return value;
}

/** json.JSONDecodeError's text: `msg: line L column C (char P)`. */
function decodeError(message: string, text = '', pos = 0): PyException {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return new PyException(
    'JSONDecodeError',
    `${message}: line ${line} column ${column} (char ${pos})`,
  );
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      this.pos += 1;
    }
  }

  value(): unknown {
    const t = this.text;
    const c = t[this.pos];
    if (c === '"') return this.string();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    for (const [word, value] of CONSTANTS) {
      if (t.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(t);
    if (match) {
      this.pos = NUMBER.lastIndex;
      return pyNumber(match[0], match[1] !== undefined || match[2] !== undefined);
    }
    if (t.startsWith('-Infinity', this.pos)) {
      this.pos += 9;
      return -Infinity;
    }
    throw decodeError('Expecting value', this.text, this.pos);
  }

  string(): string {
    const t = this.text;
    let out = '';
    let pos = this.pos + 1;
    for (;;) {
      if (pos >= t.length) throw decodeError('Unterminated string starting', this.text, this.pos);
      const c = t.charCodeAt(pos);
      if (c === 34) break;
      if (c < 32) throw decodeError('Invalid control character', this.text, pos);
      if (c !== 92) {
        out += t[pos];
        pos += 1;
        continue;
      }
      const e = t[pos + 1];
      if (e === 'u') {
        const hex = t.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex))
          throw decodeError('Invalid \\uXXXX escape', this.text, pos);
        out += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        pos += 2;
      } else {
        throw decodeError('Invalid \\escape', this.text, pos);
      }
    }
    this.pos = pos + 1;
    return out;
  }

  object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return out;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') {
        throw decodeError('Expecting property name enclosed in double quotes', this.text, this.pos);
      }
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':')
        throw decodeError("Expecting ':' delimiter", this.text, this.pos);
      this.pos += 1;
      this.skipSpace();
      // defineProperty: a "__proto__" key is data, as in Python.
      Object.defineProperty(out, key, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipSpace();
      const next = this.text[this.pos];
      this.pos += 1;
      if (next === '}') return out;
      if (next !== ',') throw decodeError("Expecting ',' delimiter", this.text, this.pos - 1);
      this.skipSpace();
    }
  }

  array(): unknown[] {
    const out: unknown[] = [];
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipSpace();
      const next = this.text[this.pos];
      this.pos += 1;
      if (next === ']') return out;
      if (next !== ',') throw decodeError("Expecting ',' delimiter", this.text, this.pos - 1);
      this.skipSpace();
    }
  }
}

const CONSTANTS: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
];

/** A JSON number literal as Python reads it: int when it has no fraction or exponent. */
function pyNumber(literal: string, isFloat: boolean): unknown {
  if (isFloat) {
    const value = Number(literal);
    return Number.isInteger(value) ? new PyFloat(value) : value;
  }
  const digits = literal.replace('-', '');
  if (digits.length > MAX_INT_DIGITS) {
    throw new PyException(
      'ValueError',
      `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ${digits.length} digits`,
    );
  }
  const value = Number(literal);
  return Number.isSafeInteger(value) ? value : new PyBigInt(BigInt(literal));
}

// ---------------------------------------------------------------------------------------------
// json.dumps
// ---------------------------------------------------------------------------------------------

/** Thrown when a value cannot be written as upstream writes it. */
export class PyJsonDumpError extends Error {}

/**
 * `json.dumps(value)` with Python's defaults: `", "` and `": "` separators, ASCII escapes, float
 * repr (`50.0`, `1e+16`). NaN/Infinity (which PostgreSQL's jsonb rejects), dates and unsafe JS
 * integers are refused with the path of the offending value.
 */
export function pyJsonDumps(value: unknown, path = ''): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return pyJsonString(value);
  if (value instanceof PyBigInt) return value.value.toString();
  if (value instanceof PyFloat) return finiteFloat(value.value, path);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      if (!Number.isSafeInteger(value)) {
        throw new PyJsonDumpError(
          `${where(path)}${value} is beyond 2^53 and cannot be kept exactly; write it as a string`,
        );
      }
      return Object.is(value, -0) ? '0' : String(value);
    }
    return finiteFloat(value, path);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => pyJsonDumps(item, `${path}[${i}]`)).join(', ')}]`;
  }
  if (value instanceof Date) {
    throw new PyJsonDumpError(
      `${where(path)}a YAML date/timestamp, which upstream's json.dumps cannot write (TypeError: Object of type date is not JSON serializable); quote it to make it a string`,
    );
  }
  if (isPyDict(value)) {
    const entries = Object.keys(value).map(
      (key) => `${pyJsonString(key)}: ${pyJsonDumps(value[key], path ? `${path}.${key}` : key)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  throw new PyJsonDumpError(`${where(path)}a ${typeof value} cannot be written as JSON`);
}

function where(path: string): string {
  return path ? `${path}: ` : '';
}

function finiteFloat(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw new PyJsonDumpError(
      `${where(path)}${pyFloatRepr(value)} is written by json.dumps as ${Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'}, which PostgreSQL's jsonb rejects`,
    );
  }
  return pyFloatRepr(value);
}

function pyJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-trip digits, like repr.
  const [mantissa, exp] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exp);
  const decpt = exponent + 1;
  if (decpt <= -4 || decpt > 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${body}e${exponent < 0 ? '-' : '+'}${e}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
