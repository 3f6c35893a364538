/**
 * Reading a campaign file as the harness does (PyYAML `safe_load`, then pydantic validation), with
 * every problem positioned. Deliberate differences: duplicate keys, alias bombs, files over 1 MiB,
 * integers beyond 2^53 and params upstream cannot enqueue (dates, NaN/Infinity) are errors (PyYAML
 * keeps the last duplicate silently; json.dumps raises at enqueue time), and unknown keys, which
 * pydantic ignores, come back as warnings.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import { subjectSupportsChaosType } from '../chaos-types.js';
import { canonicalJson } from '../json.js';
import { isPyDict, PyBigInt, PyFloat, pyJsonDumps, PyJsonDumpError } from '../py-json.js';
import {
  CampaignYamlError,
  closest,
  describeValue,
  formatConfigPath,
  formatProblem,
  type CampaignYamlProblem,
  type CampaignYamlWarning,
  type ConfigPath,
} from './errors.js';
import { matrixSize } from './matrix.js';
import { MAX_ALIAS_COUNT, YAML_OPTIONS } from './pyyaml.js';
import { campaignConfigSchema, CHECKER_TYPES, KNOWN_KEYS, type CampaignConfig } from './schema.js';

export const MAX_CAMPAIGN_BYTES = 1024 * 1024;
const LARGE_MATRIX_ITEMS = 1000;

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
  const paramErrors = paramProblems(config);
  if (paramErrors.length > 0) {
    throw new CampaignYamlError(fileName, tidyProblems(paramErrors.map(placeNote)));
  }
  const notes = [
    ...unknownKeyWarnings(data),
    ...coercionWarnings(data, config),
    ...semanticWarnings(config),
  ];
  const placed = tidyProblems(notes.map(placeNote));
  return { config, warnings: [...warnings, ...placed.map((note) => warning(fileName, note))] };
}

/**
 * Params the harness cannot enqueue as written: `eval run campaign` stores them with
 * `json.dumps(...)::jsonb`, which raises on dates and writes NaN/Infinity that jsonb rejects, and
 * jsonb refuses `\u0000`. Ints beyond 2^53 are refused because this tool cannot keep them exactly
 * everywhere it passes them on.
 */
function paramProblems(config: CampaignConfig): Note[] {
  const notes: Note[] = [];
  config.chaos_types.forEach((spec, index) => {
    for (const [key, value] of Object.entries(spec.params)) {
      const path: ConfigPath = ['chaos_types', index, 'params', key];
      const problem = paramValueProblem(value);
      if (problem !== null) notes.push({ path, message: `${formatConfigPath(path)}: ${problem}` });
    }
  });
  return notes;
}

function paramValueProblem(value: unknown): string | null {
  if (value instanceof PyBigInt) {
    return `${String(value)} is beyond 2^53, which cannot be kept exactly here (expected an integer within ±9007199254740991, or a quoted string)`;
  }
  if (typeof value === 'string' && value.includes('\u0000')) {
    return 'a string with a NUL character, which PostgreSQL jsonb rejects when the harness enqueues it';
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = paramValueProblem(item);
      if (problem !== null) return problem;
    }
    return null;
  }
  if (isRecord(value)) {
    for (const item of Object.values(value)) {
      const problem = paramValueProblem(item);
      if (problem !== null) return problem;
    }
    return null;
  }
  try {
    pyJsonDumps(value);
    return null;
  } catch (error) {
    if (!(error instanceof PyJsonDumpError)) throw error;
    return `${describeValue(value)} cannot be enqueued by the harness: ${error.message}`;
  }
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return isPyDict(value);
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
  if (kind === 'number' && raw instanceof PyFloat) return [];
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
