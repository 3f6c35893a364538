/**
 * Reads a subject's invariant definitions from Python source text, the way an engineer greps them
 * (seed step 2: `grep -n "def check_"` and the `InvariantConfig(name=...)` lines): every
 * `InvariantConfig(name=…, threshold=…, grace_period=…)` and every `check_*` method with the configs
 * it uses (`config = config or HIGH_LATENCY_CONFIG`). Pure: text in, definitions out.
 */
import { closingBracket, splitArguments, tokenizePython, type Token } from './python-tokens.js';

export interface InvariantDefinition {
  name: string;
  /** Module-level variable the config is assigned to, e.g. HIGH_LATENCY_CONFIG. */
  variable: string | null;
  /** `threshold=` when given and a plain number expression; null when absent or not a number. */
  threshold: number | null;
  /** `grace_period=` in seconds, else the dataclass default (0 when it cannot be read). */
  grace_period_seconds: number;
  file: string;
  /** Line of `name=`. */
  line: number;
  /** The `check_*` methods that use this config. */
  checks: { method: string; line: number }[];
}

interface CheckMethod {
  method: string;
  line: number;
  file: string;
  /** Config variables or inline names the method refers to. */
  uses: string[];
}

export interface ParsedInvariants {
  invariants: InvariantDefinition[];
  checks: CheckMethod[];
}

export function parseInvariantsSource(source: string, file: string): ParsedInvariants {
  const tokens = tokenizePython(source);
  const defaults = dataclassDefaults(tokens);
  const invariants = readConfigs(tokens, file, defaults);
  const checks = readChecks(tokens, file, invariants);
  for (const invariant of invariants) {
    invariant.checks = checks
      .filter((c) => c.uses.includes(invariant.variable ?? `name:${invariant.name}`))
      .map(({ method, line }) => ({ method, line }));
  }
  return { invariants, checks };
}

interface Defaults {
  threshold: number | null;
  graceSeconds: number;
}

/** `threshold: float = 0.0` and `grace_period: … timedelta(seconds=0)` of `class InvariantConfig`. */
function dataclassDefaults(tokens: readonly Token[]): Defaults {
  const defaults: Defaults = { threshold: null, graceSeconds: 0 };
  const start = tokens.findIndex(
    (t, j) => t.text === 'InvariantConfig' && tokens[j - 1]?.text === 'class',
  );
  if (start < 0) return defaults;
  const classIndent = tokens[start]!.indent;
  for (let j = start + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.lineStart && t.indent <= classIndent) break;
    if (!t.lineStart || t.kind !== 'name' || tokens[j + 1]?.text !== ':') continue;
    const end = logicalLineEnd(tokens, j);
    const eq = tokens.slice(j, end).findIndex((x) => x.text === '=');
    if (eq < 0) continue;
    const value = tokens.slice(j + eq + 1, end);
    if (t.text === 'grace_period') defaults.graceSeconds = findTimedelta(value) ?? 0;
  }
  return defaults;
}

function logicalLineEnd(tokens: readonly Token[], from: number): number {
  let j = from + 1;
  while (j < tokens.length && !tokens[j]!.lineStart) j++;
  return j;
}

function readConfigs(tokens: readonly Token[], file: string, defaults: Defaults) {
  const found: InvariantDefinition[] = [];
  tokens.forEach((t, j) => {
    if (t.text !== 'InvariantConfig' || tokens[j + 1]?.text !== '(') return;
    if (tokens[j - 1]?.text === 'class') return;
    const close = closingBracket(tokens, j + 1);
    const kwargs = new Map<string, Token[]>();
    for (const arg of splitArguments(tokens, j + 1, close)) {
      if (arg.length >= 2 && arg[0]!.kind === 'name' && arg[1]!.text === '=')
        kwargs.set(arg[0]!.text, arg.slice(2));
    }
    const nameTokens = kwargs.get('name');
    if (!nameTokens || nameTokens.length !== 1 || nameTokens[0]!.kind !== 'string') return;
    const grace = kwargs.get('grace_period');
    const threshold = kwargs.get('threshold');
    found.push({
      name: nameTokens[0]!.text,
      variable: assignedVariable(tokens, j),
      threshold: threshold ? evaluateNumber(threshold) : defaults.threshold,
      grace_period_seconds: grace
        ? (graceSeconds(grace) ?? defaults.graceSeconds)
        : defaults.graceSeconds,
      file,
      line: nameTokens[0]!.line,
      checks: [],
    });
  });
  return found;
}

/** `NAME = InvariantConfig(` or `NAME: InvariantConfig = InvariantConfig(` at module level. */
function assignedVariable(tokens: readonly Token[], call: number): string | null {
  let j = call - 1;
  if (tokens[j]?.text !== '=') return null;
  j--;
  while (j >= 0 && !tokens[j]!.lineStart) j--;
  const first = tokens[j];
  return first?.kind === 'name' &&
    first.indent === 0 &&
    (tokens[j + 1]?.text === '=' || tokens[j + 1]?.text === ':')
    ? first.text
    : null;
}

function readChecks(
  tokens: readonly Token[],
  file: string,
  invariants: readonly InvariantDefinition[],
): CheckMethod[] {
  const variables = new Set(invariants.map((i) => i.variable).filter((v): v is string => !!v));
  const checks: CheckMethod[] = [];
  tokens.forEach((t, j) => {
    const name = tokens[j + 1];
    if (t.text !== 'def' || name?.kind !== 'name' || !name.text.startsWith('check_')) return;
    const uses = new Set<string>();
    for (let k = j + 2; k < tokens.length; k++) {
      const body = tokens[k]!;
      if (body.lineStart && body.indent <= t.indent && k > j + 2) break;
      if (body.kind === 'name' && variables.has(body.text)) uses.add(body.text);
      if (body.text === 'InvariantConfig' && tokens[k + 1]?.text === '(') {
        const last = tokens[closingBracket(tokens, k + 1)]!.line;
        const inline = invariants.find(
          (i) => i.variable === null && i.line >= body.line && i.line <= last,
        );
        if (inline) uses.add(`name:${inline.name}`);
      }
    }
    checks.push({ method: name.text, line: name.line, file, uses: [...uses] });
  });
  return checks;
}

/** `timedelta(seconds=30)`, `timedelta(minutes=1)`, `timedelta(0, 30)`, or a number of seconds. */
function graceSeconds(value: readonly Token[]): number | null {
  return findTimedelta(value) ?? evaluateNumber(value);
}

const TIMEDELTA_UNITS: Record<string, number> = {
  days: 86_400,
  seconds: 1,
  microseconds: 1e-6,
  milliseconds: 1e-3,
  minutes: 60,
  hours: 3600,
  weeks: 604_800,
};
const TIMEDELTA_POSITIONAL = [
  'days',
  'seconds',
  'microseconds',
  'milliseconds',
  'minutes',
  'hours',
  'weeks',
];

function findTimedelta(value: readonly Token[]): number | null {
  const at = value.findIndex((t, j) => t.text === 'timedelta' && value[j + 1]?.text === '(');
  if (at < 0) return null;
  const close = closingBracket(value, at + 1);
  let total = 0;
  const args = splitArguments(value, at + 1, close);
  for (const [index, arg] of args.entries()) {
    const keyword = arg.length >= 2 && arg[0]!.kind === 'name' && arg[1]!.text === '=';
    const unit = keyword ? arg[0]!.text : TIMEDELTA_POSITIONAL[index];
    const amount = evaluateNumber(keyword ? arg.slice(2) : arg);
    if (unit === undefined || !(unit in TIMEDELTA_UNITS) || amount === null) return null;
    total += amount * TIMEDELTA_UNITS[unit]!;
  }
  return total;
}

/** A constant arithmetic expression of numbers (+ - * / // parentheses), else null. */
function evaluateNumber(value: readonly Token[]): number | null {
  let pos = 0;
  const peek = () => value[pos]?.text;
  const primary = (): number | null => {
    const t = value[pos];
    if (!t) return null;
    if (t.text === '-' || t.text === '+') {
      pos++;
      const inner = primary();
      return inner === null ? null : t.text === '-' ? -inner : inner;
    }
    if (t.text === '(') {
      pos++;
      const inner = sum();
      if (peek() !== ')') return null;
      pos++;
      return inner;
    }
    if (t.kind !== 'number') return null;
    pos++;
    const n = Number(t.text.replace(/_/g, ''));
    return Number.isFinite(n) ? n : null;
  };
  const product = (): number | null => {
    let left = primary();
    while (left !== null && ['*', '/', '//'].includes(peek() ?? '')) {
      const op = value[pos++]!.text;
      const right = primary();
      if (right === null) return null;
      left = op === '*' ? left * right : op === '/' ? left / right : Math.floor(left / right);
    }
    return left;
  };
  const sum = (): number | null => {
    let left = product();
    while (left !== null && ['+', '-'].includes(peek() ?? '')) {
      const op = value[pos++]!.text;
      const right = product();
      if (right === null) return null;
      left = op === '+' ? left + right : left - right;
    }
    return left;
  };
  const result = sum();
  return result !== null && pos === value.length && Number.isFinite(result) ? result : null;
}
