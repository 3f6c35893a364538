/**
 * Campaign YAML of the upstream eval harness (`eval/src/eval/runner/campaign.py` @ c766b4b):
 * schema, parsing with positioned errors, matrix expansion, and rendering of retry campaigns.
 *
 * The config keeps upstream's snake_case field names: it mirrors the pydantic models field for
 * field, so schema paths are YAML paths. Upstream loads files with PyYAML `safe_load` (YAML 1.1)
 * and validates them in pydantic's lax mode; both are mirrored here so a file means the same thing
 * to this tool as to the harness. Deliberate differences: duplicate keys, alias bombs, files over
 * 1 MiB and integers beyond 2^53 are errors (PyYAML keeps the last duplicate silently), and
 * unknown keys, which pydantic ignores, come back as warnings.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Document,
  LineCounter,
  parseDocument,
  visit,
  type Node as YamlNode,
  type ScalarTag,
  type Tags,
  type YAMLError,
} from 'yaml';
import { z } from 'zod';
import {
  BASELINE_CHAOS_TYPE,
  CHAOS_TYPES,
  SUBJECTS,
  isChaosType,
  subjectSupportsChaosType,
  type ChaosType,
  type Subject,
} from './chaos-types.js';

export const MAX_CAMPAIGN_BYTES = 1024 * 1024;
export const MAX_ALIAS_COUNT = 100;
const MAX_REPORTED_PROBLEMS = 50;
const LARGE_MATRIX_ITEMS = 1000;

export const DEFAULT_VARIANT = 'default';
export const DEFAULT_CLOUD_ZONE = 'us-central1-a';
export const DEFAULT_CLOUD_MACHINE_TYPE = 'e2-standard-4';
const CHECKER_TYPES = ['deterministic', 'llm'];

// ---------------------------------------------------------------------------------------------
// Schema (pydantic lax mode)
// ---------------------------------------------------------------------------------------------

type IssueInput = { input?: unknown };

/** zod error callback: "missing (expected X)" or "expected X, got Y". */
function expected(form: string, numeric = false): (issue: IssueInput) => string {
  return (issue) =>
    issue.input === undefined
      ? `missing (expected ${form})`
      : `expected ${form}, got ${describeValue(issue.input)}${numeric ? pyyamlStringHint(issue.input) : ''}`;
}

/** pydantic lax `int`: bools, integral floats and integer strings ("3", " 3 ", "1_0", "3.0"). */
function coerceLaxInt(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const match = /^\s*([+-]?\d+(?:_\d+)*)(?:\.0*)?\s*$/.exec(value);
    if (match?.[1] !== undefined) return Number(match[1].replace(/_/g, ''));
  }
  return value;
}

const LAX_TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const LAX_FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** pydantic lax `bool`: 0/1 numbers and the strings yes/no/on/off/true/false/t/f/y/n/1/0. */
function coerceLaxBool(value: unknown): unknown {
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (LAX_TRUE.has(lower)) return true;
    if (LAX_FALSE.has(lower)) return false;
  }
  return value;
}

function laxInt(form: string, min?: number, max?: number) {
  const error = expected(form, true);
  let schema = z.int({ error });
  if (min !== undefined) schema = schema.min(min, { error });
  if (max !== undefined) schema = schema.max(max, { error });
  return z.preprocess(coerceLaxInt, schema);
}

function laxBool() {
  return z.preprocess(coerceLaxBool, z.boolean({ error: expected('true or false') }));
}

const str = (form = 'a string') => z.string({ error: expected(form) });

const chaosTypeSchema = z
  .string({ error: expected('a chaos type name') })
  .refine(isChaosType, { error: (issue) => unknownChaosTypeMessage(issue.input) })
  .transform((value) => value as ChaosType);

export const chaosSpecSchema = z.object(
  {
    type: chaosTypeSchema,
    params: z
      .record(z.string(), z.unknown(), { error: expected('a mapping of parameters') })
      .default(() => ({})),
    resolution_timeout: laxInt('an integer number of seconds or null').nullable().default(null),
  },
  { error: expected('a mapping with a "type" key') },
);

export const operatorConfigSchema = z.object(
  {
    enabled: laxBool().default(false),
    image: str('an image reference string').default(''),
  },
  { error: expected('a mapping (enabled, image) or null') },
);

export const cloudConfigSchema = z.object(
  {
    provider: z
      .literal('gcp', { error: expected('"gcp" (the only provider upstream accepts)') })
      .default('gcp'),
    project: str().nullable().default(null),
    zone: str().default(DEFAULT_CLOUD_ZONE),
    machine_type: str().default(DEFAULT_CLOUD_MACHINE_TYPE),
    database_url: str().nullable().default(null),
    operator: operatorConfigSchema.nullable().default(null),
  },
  { error: expected('a mapping (provider, operator, …) or null') },
);

export const checkerConfigSchema = z.object(
  {
    type: str('"deterministic" or "llm"').default('deterministic'),
    model: str().nullable().default(null),
  },
  { error: expected('a mapping (type, model) or null') },
);

export const campaignConfigSchema = z
  .object(
    {
      name: str(),
      subjects: z
        .array(z.enum(SUBJECTS, { error: expected(`one of ${SUBJECTS.join(', ')}`) }), {
          error: expected('a list of subjects, e.g. [tikv]'),
        })
        .default((): Subject[] => ['tikv']),
      chaos_types: z.array(chaosSpecSchema, {
        error: expected('a list of chaos entries (- type: node_kill)'),
      }),
      trials_per_combination: laxInt('an integer ≥ 1', 1).default(1),
      parallel: laxInt('an integer from 1 to 10', 1, 10).default(1),
      cooldown_seconds: laxInt('an integer ≥ 0', 0).default(0),
      include_baseline: laxBool().default(false),
      variant: str().default(DEFAULT_VARIANT),
      continuous: laxBool().default(false),
      checker: checkerConfigSchema.nullable().default(null),
      cloud: cloudConfigSchema.nullable().default(null),
    },
    { error: expected('a mapping of campaign settings (name, subjects, chaos_types, …)') },
  )
  .superRefine((config, ctx) => {
    // Upstream's model_validator(mode="after"): only runs once every field is valid.
    if (!config.continuous) return;
    if (config.parallel > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['parallel'],
        input: config.parallel,
        message: `continuous=true requires parallel=1 (trials must run on the same instance), got ${config.parallel}`,
      });
    }
    if (config.include_baseline) {
      ctx.addIssue({
        code: 'custom',
        path: ['include_baseline'],
        input: true,
        message: 'continuous=true is incompatible with include_baseline=true',
      });
    }
  });

export type CampaignConfig = z.output<typeof campaignConfigSchema>;
export type CampaignConfigInput = z.input<typeof campaignConfigSchema>;
export type ChaosSpec = z.output<typeof chaosSpecSchema>;
export type CloudConfig = z.output<typeof cloudConfigSchema>;
export type OperatorConfig = z.output<typeof operatorConfigSchema>;
export type CheckerConfig = z.output<typeof checkerConfigSchema>;

const KNOWN_KEYS = {
  campaign: Object.keys(campaignConfigSchema.shape),
  chaos: Object.keys(chaosSpecSchema.shape),
  cloud: Object.keys(cloudConfigSchema.shape),
  operator: Object.keys(operatorConfigSchema.shape),
  checker: Object.keys(checkerConfigSchema.shape),
};

// ---------------------------------------------------------------------------------------------
// PyYAML safe_load scalar resolution
// ---------------------------------------------------------------------------------------------

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

function resolvePyInt(source: string): number {
  let text = source.replace(/_/g, '');
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1);
  }
  if (text === '0') return 0;
  if (text.startsWith('0b')) return sign * parseInt(text.slice(2), 2);
  if (text.startsWith('0x')) return sign * parseInt(text.slice(2), 16);
  if (text.startsWith('0')) return sign * parseInt(text, 8);
  if (text.includes(':')) return sign * parseSexagesimal(text);
  return sign * Number(text);
}

function resolvePyFloat(source: string): number {
  let text = source.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1);
  }
  if (text === '.inf') return sign * Infinity;
  if (text === '.nan') return NaN;
  if (text.includes(':')) return sign * parseSexagesimal(text);
  return sign * Number(text);
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
  identify: (value) => typeof value === 'number' && Number.isInteger(value),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: PY_INT,
  resolve: resolvePyInt,
  // String(1e21) is "1e+21", which PyYAML reads as a string; BigInt prints every digit.
  stringify: ({ value }) => BigInt(value as number).toString(),
};

const pyFloatTag: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: PY_FLOAT,
  resolve: resolvePyFloat,
  stringify: ({ value }) => stringifyPyFloat(Number(value)),
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

const YAML_OPTIONS = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: pyyamlTags,
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
} as const;

// ---------------------------------------------------------------------------------------------
// Problems, warnings, errors
// ---------------------------------------------------------------------------------------------

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

function formatProblem(fileName: string, problem: CampaignYamlProblem): string {
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

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `a date (${value.toISOString().slice(0, 10)})`;
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
function pyyamlStringHint(value: unknown): string {
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

function closest(word: string, candidates: readonly string[]): string | undefined {
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

function unknownChaosTypeMessage(input: unknown): string {
  if (typeof input !== 'string') return `expected a chaos type name, got ${describeValue(input)}`;
  const suggestion = closest(input, CHAOS_TYPES);
  return suggestion !== undefined
    ? `unknown chaos type ${JSON.stringify(input)} (did you mean "${suggestion}"?)`
    : `unknown chaos type ${JSON.stringify(input)} (expected one of: ${CHAOS_TYPES.join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Document positions
// ---------------------------------------------------------------------------------------------

interface Located {
  node: YamlNode | null;
  /** Key node of the last path segment when it names a mapping entry. */
  key: YamlNode | null;
}

function locate(contents: unknown, path: ConfigPath): Located {
  let node: unknown = contents;
  let key: YamlNode | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) break;
      key = isScalar(pair.key) ? pair.key : null;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      key = null;
      node = item;
    } else {
      break;
    }
  }
  return { node: isAlias(node) || isScalar(node) || isMap(node) || isSeq(node) ? node : null, key };
}

type Position = Pick<CampaignYamlProblem, 'line' | 'col'>;

function positionOf(lineCounter: LineCounter, node: YamlNode | null): Position {
  const offset = node?.range?.[0];
  if (offset === undefined) return {};
  return lineCounter.linePos(offset);
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

export interface ParsedCampaign {
  config: CampaignConfig;
  warnings: CampaignYamlWarning[];
}

function utf8Length(text: string): number {
  return text.length * 3 <= MAX_CAMPAIGN_BYTES
    ? text.length
    : new TextEncoder().encode(text).length;
}

function yamlErrorProblem(
  text: string,
  lineCounter: LineCounter,
  error: YAMLError,
): CampaignYamlProblem {
  const position = lineCounter.linePos(error.pos[0]);
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*("[^"\n]*"|'[^'\n]*'|[^:#\n]*?)\s*:/.exec(text.slice(error.pos[0]))?.[1];
      const shown =
        key !== undefined && key !== ''
          ? `duplicate key ${key.startsWith('"') ? key : `"${key}"`}`
          : 'duplicate key';
      return {
        ...position,
        message: `${shown}: each key may appear only once (the harness's PyYAML would silently keep the last value)`,
      };
    }
    case 'MULTIPLE_DOCS':
      return {
        ...position,
        message: 'more than one YAML document ("---"): a campaign file holds exactly one',
      };
    case 'RESOURCE_EXHAUSTION':
      return { ...position, message: 'YAML nesting is too deep to parse' };
    default:
      return { ...position, message: `YAML syntax error: ${error.message}` };
  }
}

/** Drops repeats and orders by position (problems without one last). */
function tidyProblems(problems: CampaignYamlProblem[]): CampaignYamlProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.line}:${problem.col}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (p: CampaignYamlProblem): number =>
    p.line === undefined ? Number.MAX_SAFE_INTEGER : p.line * 1e6 + (p.col ?? 0);
  return unique.sort((a, b) => rank(a) - rank(b));
}

function warning(fileName: string, problem: CampaignYamlProblem): CampaignYamlWarning {
  return { ...problem, formatted: formatProblem(fileName, problem) };
}

/**
 * Parses and validates one campaign file. Throws `CampaignYamlError` listing every problem found
 * (YAML errors first; schema errors only when the YAML itself is sound).
 */
export function parseCampaignYaml(text: string, fileName = '<campaign>'): ParsedCampaign {
  const bytes = utf8Length(text);
  if (bytes > MAX_CAMPAIGN_BYTES) {
    throw new CampaignYamlError(fileName, [
      {
        message: `file is ${bytes} bytes; campaign files are limited to ${MAX_CAMPAIGN_BYTES} bytes (1 MiB)`,
      },
    ]);
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  } catch (error) {
    throw new CampaignYamlError(fileName, [
      { message: `YAML could not be parsed: ${errorText(error)}` },
    ]);
  }

  const problems: CampaignYamlProblem[] = doc.errors.map((e) =>
    yamlErrorProblem(text, lineCounter, e),
  );
  const warnings: CampaignYamlWarning[] = [];
  for (const w of doc.warnings) {
    const position = lineCounter.linePos(w.pos[0]);
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const tag = /^!\S*/.exec(text.slice(w.pos[0]))?.[0] ?? 'tag';
      problems.push({
        ...position,
        message: `unsupported tag ${tag}: the harness loads campaigns with yaml.safe_load, which rejects it`,
      });
    } else {
      warnings.push(warning(fileName, { ...position, message: `YAML: ${w.message}` }));
    }
  }
  if (problems.length > 0) throw new CampaignYamlError(fileName, tidyProblems(problems));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new CampaignYamlError(fileName, [loadErrorProblem(text, lineCounter, errorText(error))]);
  }
  if (data === null || data === undefined) {
    throw new CampaignYamlError(fileName, [
      { message: 'the file holds no YAML content (expected a mapping with name, chaos_types, …)' },
    ]);
  }

  const placeNote = (note: Note): CampaignYamlProblem => {
    const located = locate(doc.contents, note.path);
    const node = note.atKey === true ? (located.key ?? located.node) : located.node;
    return { ...positionOf(lineCounter, node), path: note.path, message: note.message };
  };
  const result = campaignConfigSchema.safeParse(data);
  if (!result.success) {
    const schemaProblems = result.error.issues.map((issue) =>
      placeNote({
        path: issuePath(issue.path),
        message: `${formatConfigPath(issuePath(issue.path))}: ${issue.message}`,
      }),
    );
    // A misspelt key is often why a required one is "missing": show those hints with the errors.
    const hints = unknownKeyWarnings(data).map((note) =>
      placeNote({ ...note, message: `note: ${note.message}` }),
    );
    throw new CampaignYamlError(fileName, tidyProblems([...schemaProblems, ...hints]));
  }

  const config = result.data;
  const notes = [
    ...unknownKeyWarnings(data),
    ...coercionWarnings(data, config),
    ...semanticWarnings(config),
  ];
  const placed = tidyProblems(notes.map(placeNote));
  return { config, warnings: [...warnings, ...placed.map((note) => warning(fileName, note))] };
}

function issuePath(path: readonly PropertyKey[]): ConfigPath {
  return path.filter((segment): segment is string | number => typeof segment !== 'symbol');
}

function loadErrorProblem(
  text: string,
  lineCounter: LineCounter,
  message: string,
): CampaignYamlProblem {
  if (/alias count/i.test(message)) {
    return {
      message: `aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT}): refusing a possible "billion laughs" alias bomb`,
    };
  }
  const anchor = /Unresolved alias[^:]*:\s*(\S+)/.exec(message)?.[1];
  if (anchor !== undefined) {
    const offset = text.indexOf(`*${anchor}`);
    return {
      ...(offset >= 0 ? lineCounter.linePos(offset) : {}),
      message: `alias *${anchor} has no anchor &${anchor} before it`,
    };
  }
  return { message: `YAML could not be loaded: ${message}` };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Note {
  path: ConfigPath;
  message: string;
  atKey?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function unknownKeysIn(value: unknown, known: readonly string[], path: ConfigPath): Note[] {
  if (!isRecord(value)) return [];
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const where = path.length === 0 ? 'at top level' : `at ${formatConfigPath(path)}`;
      const suggestion = closest(key, known);
      const hint = suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : '';
      return {
        path: [...path, key],
        atKey: true,
        message: `unknown key ${JSON.stringify(key)} ${where} — ignored by the harness${hint}`,
      };
    });
}

function unknownKeyWarnings(data: unknown): Note[] {
  if (!isRecord(data)) return [];
  const notes = unknownKeysIn(data, KNOWN_KEYS.campaign, []);
  if (Array.isArray(data.chaos_types)) {
    data.chaos_types.forEach((entry, index) => {
      notes.push(...unknownKeysIn(entry, KNOWN_KEYS.chaos, ['chaos_types', index]));
    });
  }
  notes.push(...unknownKeysIn(data.checker, KNOWN_KEYS.checker, ['checker']));
  notes.push(...unknownKeysIn(data.cloud, KNOWN_KEYS.cloud, ['cloud']));
  if (isRecord(data.cloud)) {
    notes.push(...unknownKeysIn(data.cloud.operator, KNOWN_KEYS.operator, ['cloud', 'operator']));
  }
  return notes;
}

function coercionNote(
  path: ConfigPath,
  raw: unknown,
  parsed: unknown,
  kind: 'number' | 'boolean',
): Note[] {
  if (raw === undefined || raw === null || typeof raw === kind) return [];
  return [
    {
      path,
      message: `${formatConfigPath(path)}: ${describeValue(raw)} is not a ${kind === 'number' ? 'number' : 'boolean'}; the harness coerces it to ${String(parsed)} (write ${String(parsed)})`,
    },
  ];
}

function coercionWarnings(data: unknown, config: CampaignConfig): Note[] {
  if (!isRecord(data)) return [];
  const notes: Note[] = [
    ...coercionNote(
      ['trials_per_combination'],
      data.trials_per_combination,
      config.trials_per_combination,
      'number',
    ),
    ...coercionNote(['parallel'], data.parallel, config.parallel, 'number'),
    ...coercionNote(['cooldown_seconds'], data.cooldown_seconds, config.cooldown_seconds, 'number'),
    ...coercionNote(
      ['include_baseline'],
      data.include_baseline,
      config.include_baseline,
      'boolean',
    ),
    ...coercionNote(['continuous'], data.continuous, config.continuous, 'boolean'),
  ];
  if (Array.isArray(data.chaos_types)) {
    data.chaos_types.forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const parsed = config.chaos_types[index]?.resolution_timeout;
      notes.push(
        ...coercionNote(
          ['chaos_types', index, 'resolution_timeout'],
          entry.resolution_timeout,
          parsed,
          'number',
        ),
      );
    });
  }
  if (isRecord(data.cloud) && isRecord(data.cloud.operator) && config.cloud?.operator) {
    notes.push(
      ...coercionNote(
        ['cloud', 'operator', 'enabled'],
        data.cloud.operator.enabled,
        config.cloud.operator.enabled,
        'boolean',
      ),
    );
  }
  return notes;
}

function semanticWarnings(config: CampaignConfig): Note[] {
  const notes: Note[] = [];
  if (config.subjects.length === 0) {
    notes.push({
      path: ['subjects'],
      message: 'subjects: empty list — the campaign has no trials',
    });
  }
  const seenSubjects = new Set<string>();
  config.subjects.forEach((subject, index) => {
    if (seenSubjects.has(subject)) {
      notes.push({
        path: ['subjects', index],
        message: `subjects[${index}]: "${subject}" is listed twice — upstream runs its trials twice`,
      });
    }
    seenSubjects.add(subject);
  });
  if (config.chaos_types.length === 0) {
    notes.push({
      path: ['chaos_types'],
      message:
        'chaos_types: empty list — upstream accepts it, but the campaign has no chaos trials',
    });
  }
  const seenSpecs = new Map<string, number>();
  config.chaos_types.forEach((spec, index) => {
    const key = canonicalJson([spec.type, spec.params]);
    const first = seenSpecs.get(key);
    if (first !== undefined) {
      notes.push({
        path: ['chaos_types', index],
        message: `chaos_types[${index}] repeats chaos_types[${first}] (same type and params) — upstream runs both`,
      });
    } else {
      seenSpecs.set(key, index);
    }
    for (const subject of new Set(config.subjects)) {
      if (!subjectSupportsChaosType(subject, spec.type)) {
        notes.push({
          path: ['chaos_types', index, 'type'],
          message: `chaos_types[${index}].type: "${spec.type}" is not a chaos type of subject "${subject}" — those trials will fail at injection`,
        });
      }
    }
    if (spec.resolution_timeout !== null && spec.resolution_timeout <= 0) {
      notes.push({
        path: ['chaos_types', index, 'resolution_timeout'],
        message: `chaos_types[${index}].resolution_timeout: ${spec.resolution_timeout} seconds — upstream accepts it, but no trial can resolve in that time`,
      });
    }
  });
  if (config.checker !== null && !CHECKER_TYPES.includes(config.checker.type)) {
    notes.push({
      path: ['checker', 'type'],
      message: `checker.type: "${config.checker.type}" is neither "deterministic" nor "llm" — upstream does not validate it`,
    });
  }
  const items = matrixSize(config);
  if (items > LARGE_MATRIX_ITEMS) {
    notes.push({
      path: ['trials_per_combination'],
      message: `the campaign expands to ${items} work items`,
    });
  }
  return notes;
}

function matrixSize(config: CampaignConfig): number {
  const perSubject =
    config.chaos_types.length * config.trials_per_combination + (config.include_baseline ? 1 : 0);
  return config.subjects.length * perSubject;
}

/** JSON with sorted object keys, for order-insensitive comparison of params. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isRecord(v)) return v;
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, v[k]]),
    );
  });
}

/** Operator image as the harness resolves it: an empty image of an enabled operator comes from GCP_PROJECT. */
export function resolveOperatorImage(
  operator: OperatorConfig | null,
  gcpProject: string | undefined,
): string {
  if (operator === null) return '';
  if (operator.enabled && operator.image === '' && gcpProject) {
    return `us-central1-docker.pkg.dev/${gcpProject}/eval/operator:latest`;
  }
  return operator.image;
}

// ---------------------------------------------------------------------------------------------
// Matrix expansion
// ---------------------------------------------------------------------------------------------

export interface CampaignTrialSpec {
  subject: Subject;
  chaosType: ChaosType | typeof BASELINE_CHAOS_TYPE;
  chaosParams: Record<string, unknown>;
  trialIndex: number;
  baseline: boolean;
  variant: string;
  resolutionTimeout: number | null;
  sequenceNumber: number | null;
}

/**
 * Upstream `expand_campaign_matrix`: subject × chaos entry (file order) × trial index, then one
 * baseline per subject when include_baseline; sequence numbers only for continuous campaigns.
 */
export function expandCampaignMatrix(config: CampaignConfig): CampaignTrialSpec[] {
  const specs: Omit<CampaignTrialSpec, 'sequenceNumber'>[] = [];
  for (const subject of config.subjects) {
    for (const chaos of config.chaos_types) {
      for (let trialIndex = 0; trialIndex < config.trials_per_combination; trialIndex += 1) {
        specs.push({
          subject,
          chaosType: chaos.type,
          chaosParams: { ...chaos.params },
          trialIndex,
          baseline: false,
          variant: config.variant,
          resolutionTimeout: chaos.resolution_timeout,
        });
      }
    }
  }
  if (config.include_baseline) {
    for (const subject of config.subjects) {
      specs.push({
        subject,
        chaosType: BASELINE_CHAOS_TYPE,
        chaosParams: {},
        trialIndex: 0,
        baseline: true,
        variant: config.variant,
        resolutionTimeout: null,
      });
    }
  }
  return specs.map((spec, index) => ({
    ...spec,
    sequenceNumber: config.continuous ? index : null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Retry campaigns and rendering
// ---------------------------------------------------------------------------------------------

const MAX_SERIES_LENGTH = 80;

/**
 * Deterministic retry campaign name `<series>-retry-<campaignId>`. The series is slugged to
 * [a-z0-9-] and a previous `-retry-<id>` suffix is dropped, so retries of retries do not nest.
 */
export function retryCampaignName(seriesName: string, campaignId: number | string): string {
  const id = String(campaignId);
  if (!/^[1-9][0-9]{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) {
    throw new RangeError(`campaign id must be a positive integer, got ${JSON.stringify(id)}`);
  }
  const slug = seriesName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/(?:-retry-[0-9]+)+$/, '');
  const series = slug.slice(0, MAX_SERIES_LENGTH).replace(/-+$/, '') || 'campaign';
  return `${series}-retry-${id}`;
}

export interface RetryCombination {
  chaosType: string;
  params?: Readonly<Record<string, unknown>>;
  /** Overrides `resolutionTimeouts[chaosType]` for this combination. */
  resolutionTimeout?: number | null;
}

export interface RetryCampaignOptions {
  name: string;
  subjects: readonly string[];
  combinations: readonly RetryCombination[];
  /** Empty or absent: the harness derives `…/<GCP_PROJECT>/eval/operator:latest`. */
  operatorImage?: string;
  trialsPerCombination?: number;
  parallel?: number;
  cooldownSeconds?: number;
  includeBaseline?: boolean;
  provider?: 'gcp';
  /** Seconds per chaos type, e.g. { db_sharding_direct: 900 }. */
  resolutionTimeouts?: Readonly<Record<string, number>>;
  variant?: string;
}

/**
 * Config of a targeted retry campaign: one chaos entry per distinct failing (type, params)
 * combination, in the given order, with params kept — so two latency combinations stay two
 * entries. Throws `CampaignYamlError` when the result would not validate upstream.
 */
export function buildRetryCampaign(options: RetryCampaignOptions): CampaignConfig {
  const problems: CampaignYamlProblem[] = [];
  if (options.combinations.length === 0) {
    problems.push({
      path: ['chaos_types'],
      message: 'chaos_types: a retry campaign needs at least one failing combination',
    });
  }
  if (options.subjects.length === 0) {
    problems.push({
      path: ['subjects'],
      message: 'subjects: a retry campaign needs at least one subject',
    });
  }
  const seen = new Set<string>();
  const chaosTypes: Record<string, unknown>[] = [];
  for (const combination of options.combinations) {
    const params = structuredClone({ ...(combination.params ?? {}) });
    const key = canonicalJson([combination.chaosType, params]);
    if (seen.has(key)) continue;
    seen.add(key);
    const timeout =
      combination.resolutionTimeout !== undefined
        ? combination.resolutionTimeout
        : (options.resolutionTimeouts?.[combination.chaosType] ?? null);
    chaosTypes.push({ type: combination.chaosType, params, resolution_timeout: timeout });
  }
  const input = {
    name: options.name,
    subjects: [...new Set(options.subjects)],
    chaos_types: chaosTypes,
    trials_per_combination: options.trialsPerCombination ?? 3,
    parallel: options.parallel ?? 3,
    cooldown_seconds: options.cooldownSeconds ?? 10,
    include_baseline: options.includeBaseline ?? false,
    variant: options.variant ?? DEFAULT_VARIANT,
    cloud: {
      provider: options.provider ?? 'gcp',
      operator: { enabled: true, image: options.operatorImage ?? '' },
    },
  };
  const result = campaignConfigSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issuePath(issue.path);
      problems.push({ path, message: `${formatConfigPath(path)}: ${issue.message}` });
    }
  }
  if (problems.length > 0 || !result.success) {
    throw new CampaignYamlError(JSON.stringify(options.name), problems, 'retry campaign');
  }
  return result.data;
}

function renderableConfig(config: CampaignConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: config.name,
    subjects: [...config.subjects],
    chaos_types: config.chaos_types.map((spec) => {
      const entry: Record<string, unknown> = { type: spec.type };
      if (Object.keys(spec.params).length > 0) entry.params = spec.params;
      if (spec.resolution_timeout !== null) entry.resolution_timeout = spec.resolution_timeout;
      return entry;
    }),
    trials_per_combination: config.trials_per_combination,
    parallel: config.parallel,
    cooldown_seconds: config.cooldown_seconds,
    include_baseline: config.include_baseline,
  };
  if (config.variant !== DEFAULT_VARIANT) out.variant = config.variant;
  if (config.continuous) out.continuous = true;
  if (config.checker !== null) {
    out.checker = {
      type: config.checker.type,
      ...(config.checker.model !== null ? { model: config.checker.model } : {}),
    };
  }
  if (config.cloud !== null) {
    const cloud: Record<string, unknown> = { provider: config.cloud.provider };
    if (config.cloud.project !== null) cloud.project = config.cloud.project;
    if (config.cloud.zone !== DEFAULT_CLOUD_ZONE) cloud.zone = config.cloud.zone;
    if (config.cloud.machine_type !== DEFAULT_CLOUD_MACHINE_TYPE)
      cloud.machine_type = config.cloud.machine_type;
    if (config.cloud.database_url !== null) cloud.database_url = config.cloud.database_url;
    if (config.cloud.operator !== null) {
      // An empty image is upstream's default: the harness derives it from GCP_PROJECT.
      cloud.operator = {
        enabled: config.cloud.operator.enabled,
        ...(config.cloud.operator.image ? { image: config.cloud.operator.image } : {}),
      };
    }
    out.cloud = cloud;
  }
  return out;
}

// Plain scalars that some YAML reader (PyYAML, YAML 1.1 or 1.2 core) would not read as a string.
// PyYAML reads e.g. `1e3`, `09` and `y` as strings, but other tools and people do not.
const NON_STRING_PLAIN = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
];

function looksLikeNonString(value: string): boolean {
  return NON_STRING_PLAIN.some((pattern) => pattern.test(value));
}

const BLANK_LINE_BEFORE = new Set(['chaos_types', 'trials_per_combination', 'checker', 'cloud']);

/**
 * YAML text in the key order and layout of the upstream files. The output is parsed back and
 * compared with the config, so what is written is what the harness will read.
 */
export function renderCampaignYaml(config: CampaignConfig, headerComment?: string): string {
  const checked = campaignConfigSchema.safeParse(config);
  if (!checked.success) {
    throw new CampaignYamlError(
      JSON.stringify(config.name),
      checked.error.issues.map((issue) => {
        const path = issuePath(issue.path);
        return { path, message: `${formatConfigPath(path)}: ${issue.message}` };
      }),
      'campaign',
    );
  }
  const normalized = checked.data;
  const doc = new Document(renderableConfig(normalized), { ...YAML_OPTIONS });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && looksLikeNonString(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === 'subjects' && isSeq(pair.value)) pair.value.flow = true;
      if (BLANK_LINE_BEFORE.has(key) && isScalar(pair.key)) pair.key.spaceBefore = true;
    }
  }
  const header =
    headerComment === undefined || headerComment === ''
      ? ''
      : `${headerComment
          .split(/\r?\n|\r/)
          .map((line) => (line === '' ? '#' : `# ${line}`))
          .join('\n')}\n`;
  const text =
    header + doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
  const reparsed = parseCampaignYaml(text, '<rendered campaign>').config;
  const difference = firstDifference(reparsed, normalized, []);
  if (difference !== null) {
    throw new Error(
      `internal error: rendered YAML for campaign ${JSON.stringify(config.name)} reads back differently at ${formatConfigPath(difference)}`,
    );
  }
  return text;
}

/** Path of the first difference between two plain JSON-like values, or null when equal. */
function firstDifference(a: unknown, b: unknown, path: ConfigPath): ConfigPath | null {
  if (Object.is(a, b)) return null;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() ? null : path;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return path;
    for (let i = 0; i < a.length; i += 1) {
      const found = firstDifference(a[i], b[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!(key in a) || !(key in b)) return [...path, key];
      const found = firstDifference(a[key], b[key], [...path, key]);
      if (found !== null) return found;
    }
    return null;
  }
  return path;
}
