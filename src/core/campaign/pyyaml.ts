/**
 * PyYAML `safe_load` (YAML 1.1 as the harness reads campaign files) on top of the `yaml` package:
 * PyYAML's implicit resolvers, and Python's number types kept (`50.0` stays a float, an int beyond
 * 2^53 stays exact so it can be refused rather than rounded).
 */
import type { ScalarTag, Tags } from 'yaml';
import { PyBigInt, PyFloat } from '../py-json.js';

export const MAX_ALIAS_COUNT = 100;

// PyYAML's implicit resolvers (resolver.py). They differ from the YAML 1.1 spec that the `yaml`
// package implements: no y/n booleans, floats need a dot and a signed exponent ("1e3" is a
// string), and "09" is a string.
const PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PY_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function parseSexagesimal(digits: string): number {
  return digits.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

/** PyYAML's construct_yaml_int, exactly (Python ints have no size limit). */
function resolvePyInt(source: string): number | PyBigInt {
  let text = source.replace(/_/g, '');
  let sign = 1n;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1n;
    text = text.slice(1);
  }
  let value: bigint;
  if (text === '0') value = 0n;
  else if (text.startsWith('0b')) value = BigInt(text);
  else if (text.startsWith('0x')) value = BigInt(text);
  else if (text.startsWith('0')) value = BigInt(`0o${text.slice(1)}`);
  else if (text.includes(':'))
    value = text.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n);
  else value = BigInt(text);
  value *= sign;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : new PyBigInt(value);
}

/** PyYAML's construct_yaml_float: a float even when integral (`150.0` is not `150`). */
function resolvePyFloat(source: string): number | PyFloat {
  let text = source.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1);
  }
  let value: number;
  if (text === '.inf') value = sign * Infinity;
  else if (text === '.nan') value = NaN;
  else if (text.includes(':')) value = sign * parseSexagesimal(text);
  else value = sign * Number(text);
  return Number.isInteger(value) ? new PyFloat(value) : value;
}

/** Float text PyYAML reads back as a float (it needs a "." and a signed exponent). */
function stringifyPyFloat(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  const text = String(value);
  if (text.includes('.')) return text;
  return text.includes('e') ? text.replace('e', '.0e') : `${text}.0`;
}

const pyBoolTag: ScalarTag = {
  identify: (value) => typeof value === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: PY_BOOL,
  resolve: (source) => /^(?:yes|true|on)$/i.test(source),
  stringify: ({ value }) => (value ? 'true' : 'false'),
};

const pyIntTag: ScalarTag = {
  identify: (value) =>
    value instanceof PyBigInt || (typeof value === 'number' && Number.isInteger(value)),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: PY_INT,
  resolve: resolvePyInt,
  // String(1e21) is "1e+21", which PyYAML reads as a string; BigInt prints every digit.
  stringify: ({ value }) =>
    value instanceof PyBigInt ? value.toString() : BigInt(value as number).toString(),
};

const pyFloatTag: ScalarTag = {
  identify: (value) => value instanceof PyFloat || typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: PY_FLOAT,
  resolve: resolvePyFloat,
  stringify: ({ value }) =>
    stringifyPyFloat(value instanceof PyFloat ? value.value : Number(value)),
};

const REPLACED_TAGS = new Set([
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
]);

function pyyamlTags(tags: Tags): Tags {
  const kept = tags.filter(
    (tag) => typeof tag === 'string' || !REPLACED_TAGS.has(tag.tag) || tag.default !== true,
  );
  return [...kept, pyBoolTag, pyIntTag, pyFloatTag];
}

export const YAML_OPTIONS = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: pyyamlTags,
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
} as const;
