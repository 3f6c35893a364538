/** Problems in a campaign file: where they are and how they are told. */
import { CHAOS_TYPES } from '../chaos-types.js';
import { PyBigInt, PyFloat } from '../py-json.js';

const MAX_REPORTED_PROBLEMS = 50;

export type ConfigPath = readonly (string | number)[];

export interface CampaignYamlProblem {
  /** What is wrong, starting with the config path when there is one. */
  message: string;
  path?: ConfigPath;
  line?: number;
  col?: number;
}

export interface CampaignYamlWarning extends CampaignYamlProblem {
  /** `file:line:col: message`, ready to print. */
  formatted: string;
}

export function formatProblem(fileName: string, problem: CampaignYamlProblem): string {
  const where =
    problem.line !== undefined && problem.col !== undefined
      ? `${fileName}:${problem.line}:${problem.col}`
      : fileName;
  return `${where}: ${problem.message}`;
}

export class CampaignYamlError extends Error {
  override readonly name = 'CampaignYamlError';
  readonly fileName: string;
  readonly problems: readonly CampaignYamlProblem[];

  constructor(fileName: string, problems: readonly CampaignYamlProblem[], what = 'campaign file') {
    const shown = problems
      .slice(0, MAX_REPORTED_PROBLEMS)
      .map((p) => `  ${formatProblem(fileName, p)}`);
    if (problems.length > MAX_REPORTED_PROBLEMS) {
      shown.push(`  … and ${problems.length - MAX_REPORTED_PROBLEMS} more`);
    }
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`invalid ${what} ${fileName} (${count}):\n${shown.join('\n')}`);
    this.fileName = fileName;
    this.problems = problems;
  }
}

export function formatConfigPath(path: ConfigPath): string {
  if (path.length === 0) return '(top level)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `a date (${value.toISOString().slice(0, 10)})`;
  if (value instanceof PyFloat) return `${String(value)} (a float)`;
  if (value instanceof PyBigInt) return `${String(value)} (beyond 2^53: too large to keep exactly)`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return `${value} (beyond 2^53: too large to check exactly)`;
  }
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

/** PyYAML keeps "1e3" or "09" as strings where other YAML loaders read numbers. */
export function pyyamlStringHint(value: unknown): string {
  return typeof value === 'string' && /^[-+]?[0-9][0-9_.]*(?:[eE][-+]?[0-9]+)?$/.test(value)
    ? ' (PyYAML, like the harness, reads this as a string: write a plain integer)'
    : '';
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function unknownChaosTypeMessage(input: unknown): string {
  if (typeof input !== 'string') return `expected a chaos type name, got ${describeValue(input)}`;
  const suggestion = closest(input, CHAOS_TYPES);
  return suggestion !== undefined
    ? `unknown chaos type ${JSON.stringify(input)} (did you mean "${suggestion}"?)`
    : `unknown chaos type ${JSON.stringify(input)} (expected one of: ${CHAOS_TYPES.join(', ')})`;
}
