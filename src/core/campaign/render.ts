/** Campaign YAML text in the key order and layout of the upstream files. */
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { PyBigInt, PyFloat } from '../py-json.js';
import { formatConfigPath, type ConfigPath } from './errors.js';
import { isRecord, parseCampaignYaml } from './read.js';
import { YAML_OPTIONS } from './pyyaml.js';
import {
  DEFAULT_CLOUD_MACHINE_TYPE,
  DEFAULT_CLOUD_ZONE,
  DEFAULT_VARIANT,
  type CampaignConfig,
} from './schema.js';

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

/** YAML text in the key order and layout of the upstream files (no validation: see `writeCampaign`). */
export function renderCampaignYaml(config: CampaignConfig, headerComment?: string): string {
  // No aliases: the same params object in two entries is written out twice, as upstream's files do.
  const doc = new Document(renderableConfig(config), {
    ...YAML_OPTIONS,
    aliasDuplicateObjects: false,
  });
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
  return header + doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

export interface WrittenCampaign {
  yaml: string;
  /** The config as the harness reads the text back (PyYAML + pydantic): what gets enqueued. */
  config: CampaignConfig;
}

/**
 * Renders a config and reads the text back the way the harness will — the one validation of a
 * generated campaign. Throws CampaignYamlError when upstream would reject it, and an internal
 * error if the text reads back as anything but the config given.
 */
export function writeCampaign(
  config: CampaignConfig,
  headerComment: string | undefined,
  fileName: string,
): WrittenCampaign {
  const yaml = renderCampaignYaml(config, headerComment);
  const read = parseCampaignYaml(yaml, fileName).config;
  const difference = firstDifference(read, config, []);
  if (difference !== null) {
    throw new Error(
      `internal error: rendered YAML for campaign ${JSON.stringify(config.name)} reads back differently at ${formatConfigPath(difference)}`,
    );
  }
  return { yaml, config: read };
}

/** Path of the first difference between two plain JSON-like values, or null when equal. */
function firstDifference(a: unknown, b: unknown, path: ConfigPath): ConfigPath | null {
  if (Object.is(a, b)) return null;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() ? null : path;
  if (
    (a instanceof PyFloat && b instanceof PyFloat) ||
    (a instanceof PyBigInt && b instanceof PyBigInt)
  ) {
    return Object.is(a.value, b.value) ? null : path;
  }
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
