import { describe, expect, test } from 'vitest';
import {
  PyBigInt,
  PyException,
  PyFloat,
  pyFloatRepr,
  pyHashKey,
  pyJsonDumps,
  pyJsonLoads,
  PyJsonDumpError,
} from '../../../src/core/py-json.js';

// Expected values are what CPython 3.11 prints for the same input (json.loads / json.dumps / repr).
describe('pyJsonLoads (json.loads)', () => {
  test('ints stay ints, integral floats stay floats, big ints stay exact', () => {
    expect(pyJsonLoads('{"a": 50, "b": 50.0, "c": 1.5, "d": 1e2}')).toEqual({
      a: 50,
      b: new PyFloat(50),
      c: 1.5,
      d: new PyFloat(100),
    });
    expect(pyJsonLoads('9007199254740993')).toEqual(new PyBigInt(9007199254740993n));
    expect(pyJsonLoads('-9007199254740991')).toBe(-9007199254740991);
  });

  test('accepts NaN and ±Infinity as Python does', () => {
    expect(pyJsonLoads('[NaN, Infinity, -Infinity]')).toEqual([NaN, Infinity, -Infinity]);
  });

  test('decode errors carry Python’s position text', () => {
    expect(() => pyJsonLoads('')).toThrow('Expecting value: line 1 column 1 (char 0)');
    expect(() => pyJsonLoads('{"a": 1}\n x')).toThrow('Extra data: line 2 column 2 (char 10)');
    expect(() => pyJsonLoads('"a\tb"')).toThrow(/Invalid control character/);
  });

  test('an int longer than 4300 digits is a ValueError, not a decode error', () => {
    try {
      pyJsonLoads('1'.repeat(4301));
      expect.unreachable();
    } catch (error) {
      expect((error as PyException).pyType).toBe('ValueError');
    }
  });

  test('a "__proto__" key is data', () => {
    const value = pyJsonLoads('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe('pyJsonDumps (json.dumps)', () => {
  test('separators, float repr and ASCII escapes', () => {
    expect(
      pyJsonDumps({
        min_ms: 50,
        max_ms: new PyFloat(150),
        p: 0.1,
        big: new PyFloat(1e16),
        tiny: 1e-5,
        s: 'é"\n',
        l: [true, null],
      }),
    ).toBe(
      '{"min_ms": 50, "max_ms": 150.0, "p": 0.1, "big": 1e+16, "tiny": 1e-05, "s": "\\u00e9\\"\\n", "l": [true, null]}',
    );
  });

  test('refuses what upstream cannot write or we cannot keep exactly', () => {
    expect(() => pyJsonDumps({ when: new Date('2026-01-01') })).toThrow(/when: a YAML date/);
    expect(() => pyJsonDumps({ x: Infinity })).toThrow(PyJsonDumpError);
    expect(() => pyJsonDumps({ n: 2 ** 60 })).toThrow(/n: .*beyond 2\^53/);
    expect(pyJsonDumps({ n: new PyBigInt(2n ** 60n) })).toBe('{"n": 1152921504606846976}');
  });
});

test('pyFloatRepr follows repr(float)', () => {
  const cases: [number, string][] = [
    [50, '50.0'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [123.456, '123.456'],
    [-0, '-0.0'],
    [1 / 3, '0.3333333333333333'],
    [2.5e-300, '2.5e-300'],
  ];
  for (const [value, text] of cases) expect(pyFloatRepr(value)).toBe(text);
});

test('pyHashKey: Python set equality', () => {
  expect(new Set([true, 1, new PyFloat(1), 1].map(pyHashKey)).size).toBe(1);
  expect(pyHashKey(new PyBigInt(9007199254740993n))).not.toBe(pyHashKey(9007199254740992));
  expect(pyHashKey(NaN)).toBe(pyHashKey(NaN));
  expect(pyHashKey('1')).not.toBe(pyHashKey(1));
  expect(() => pyHashKey({})).toThrow("unhashable type: 'dict'");
  expect(() => pyHashKey([])).toThrow("unhashable type: 'list'");
});
