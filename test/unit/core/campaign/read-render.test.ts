import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CampaignYamlError } from '../../../../src/core/campaign/errors.js';
import { expandCampaignMatrix } from '../../../../src/core/campaign/matrix.js';
import { MAX_CAMPAIGN_BYTES, parseCampaignYaml } from '../../../../src/core/campaign/read.js';
import { renderCampaignYaml } from '../../../../src/core/campaign/render.js';
import { campaignConfigSchema, type CampaignConfig } from '../../../../src/core/campaign/schema.js';
import { PyFloat } from '../../../../src/core/py-json.js';
import {
  CHAOS_TYPES,
  SUBJECTS,
  isChaosType,
  isPdRelatedChaosType,
  subjectSupportsChaosType,
} from '../../../../src/core/chaos-types.js';

/**
 * The project's campaign files (campaigns/) and its fixtures, which cover what upstream's campaign
 * files use. UPSTREAM_CAMPAIGNS_DIR, when set, adds a directory of upstream's own files.
 */
const campaignDirs = [
  fileURLToPath(new URL('../../../../campaigns/', import.meta.url)),
  fileURLToPath(new URL('../../../fixtures/campaigns/', import.meta.url)),
];
const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => join(dir, file));
const upstreamDir = process.env.UPSTREAM_CAMPAIGNS_DIR;
const campaignFiles = [...campaignDirs, ...(upstreamDir ? [upstreamDir] : [])].flatMap(yamlIn);
const upstreamFiles = campaignFiles.map((path) => basename(path));
const readUpstream = (file: string): string =>
  readFileSync(campaignFiles.find((path) => basename(path) === file) ?? file, 'utf8');

/** Parses text expected to be invalid and returns the error. */
function parseError(text: string, fileName = 'bad.yaml'): CampaignYamlError {
  try {
    parseCampaignYaml(text, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignYamlError);
    return error as CampaignYamlError;
  }
  throw new Error('expected a CampaignYamlError');
}

const minimal = (extra = ''): string => `name: t\nchaos_types:\n  - type: node_kill\n${extra}`;

describe('upstream campaign files', () => {
  const expectedItems: Record<string, number> = {
    'chatdb-cloud-all-defects.yaml': 12,
    'chatdb-shard-retry-nudge-direct.yaml': 4,
    'tikv-all-chaos-cloud.yaml': 28,
    'tikv-cloud-exotic-chaos.yaml': 16,
    'tikv-cloud-smoke.yaml': 1,
    'tikv-smoke.yaml': 3,
  };

  it('covers every stored upstream file', () => {
    expect([...new Set(upstreamFiles)].sort()).toEqual(Object.keys(expectedItems).sort());
  });

  it.each(campaignFiles)('%s validates without warnings and expands as upstream', (path) => {
    const file = basename(path);
    const { config, warnings } = parseCampaignYaml(readFileSync(path, 'utf8'), file);
    expect(warnings).toEqual([]);
    expect(expandCampaignMatrix(config)).toHaveLength(expectedItems[file] ?? -1);
  });

  it('expands tikv-all-chaos-cloud into 9 specs × 3 trials + 1 baseline', () => {
    const { config } = parseCampaignYaml(readUpstream('tikv-all-chaos-cloud.yaml'));
    expect(config.chaos_types).toHaveLength(9);
    const items = expandCampaignMatrix(config);
    expect(items).toHaveLength(28);
    expect(items.slice(0, 4).map((i) => [i.chaosType, i.trialIndex])).toEqual([
      ['node_kill', 0],
      ['node_kill', 1],
      ['node_kill', 2],
      ['latency', 0],
    ]);
    const latency = items.filter((i) => i.chaosType === 'latency');
    expect(latency).toHaveLength(6);
    expect(latency.map((i) => i.chaosParams)).toEqual([
      { min_ms: 50, max_ms: 150 },
      { min_ms: 50, max_ms: 150 },
      { min_ms: 50, max_ms: 150 },
      { min_ms: 200, max_ms: 500 },
      { min_ms: 200, max_ms: 500 },
      { min_ms: 200, max_ms: 500 },
    ]);
    expect(items.at(-1)).toEqual({
      subject: 'tikv',
      chaosType: 'none',
      chaosParams: {},
      trialIndex: 0,
      baseline: true,
      variant: 'default',
      resolutionTimeout: null,
      sequenceNumber: null,
    });
    expect(items.every((i) => i.sequenceNumber === null)).toBe(true);
    expect(config.cloud?.operator).toEqual({
      enabled: true,
      image: 'us-central1-docker.pkg.dev/operator-486214/eval/operator:latest',
    });
  });

  it('applies upstream defaults to chatdb-shard-retry-nudge-direct', () => {
    const { config } = parseCampaignYaml(readUpstream('chatdb-shard-retry-nudge-direct.yaml'));
    expect(config.cloud).toEqual({
      provider: 'gcp',
      project: null,
      zone: 'us-central1-a',
      machine_type: 'e2-standard-4',
      database_url: null,
      operator: { enabled: true, image: '' },
    });
    expect(expandCampaignMatrix(config).map((i) => i.resolutionTimeout)).toEqual([
      900, 900, 900, 900,
    ]);
  });
});

describe('expandCampaignMatrix', () => {
  it('orders subject × chaos entry × trial, then one baseline per subject', () => {
    const { config } = parseCampaignYaml(
      'name: m\nsubjects: [chat-db-app, chat-db-app-shard]\nchaos_types:\n  - type: missing_index\n  - type: db_sharding\ntrials_per_combination: 2\ninclude_baseline: true\nvariant: v2\n',
    );
    const items = expandCampaignMatrix(config);
    expect(items.map((i) => `${i.subject}/${i.chaosType}/${i.trialIndex}/${i.baseline}`)).toEqual([
      'chat-db-app/missing_index/0/false',
      'chat-db-app/missing_index/1/false',
      'chat-db-app/db_sharding/0/false',
      'chat-db-app/db_sharding/1/false',
      'chat-db-app-shard/missing_index/0/false',
      'chat-db-app-shard/missing_index/1/false',
      'chat-db-app-shard/db_sharding/0/false',
      'chat-db-app-shard/db_sharding/1/false',
      'chat-db-app/none/0/true',
      'chat-db-app-shard/none/0/true',
    ]);
    expect(new Set(items.map((i) => i.variant))).toEqual(new Set(['v2']));
  });

  it('numbers continuous campaigns in list order', () => {
    // Shape of coding/chatdb-shard-escalation-opus-cloud.yaml @ 25db026 (eval-harness.md §5).
    const { config } = parseCampaignYaml(
      [
        'name: chatdb-shard-escalation-opus-cloud',
        'subjects: [chat-db-app-shard]',
        'continuous: true',
        'chaos_types:',
        '  - type: db_sharding_direct',
        '    resolution_timeout: 900',
        '  - type: shard_fanout',
        '    resolution_timeout: 1800',
        'trials_per_combination: 1',
        'variant: opus',
        'cloud:',
        '  provider: gcp',
        '  operator:',
        '    enabled: true',
        '',
      ].join('\n'),
    );
    expect(
      expandCampaignMatrix(config).map((i) => [i.chaosType, i.sequenceNumber, i.resolutionTimeout]),
    ).toEqual([
      ['db_sharding_direct', 0, 900],
      ['shard_fanout', 1, 1800],
    ]);
  });

  it('gives every item its own params object', () => {
    const { config } = parseCampaignYaml(
      'name: p\nchaos_types: [{type: packet_loss, params: {percent: 30}}]\ntrials_per_combination: 2\n',
    );
    const [first, second] = expandCampaignMatrix(config);
    expect(first?.chaosParams).toEqual({ percent: 30 });
    expect(first?.chaosParams).not.toBe(second?.chaosParams);
  });
});

describe('schema (pydantic CampaignConfig)', () => {
  it('fills upstream defaults', () => {
    const { config } = parseCampaignYaml(minimal());
    expect(config).toEqual({
      name: 't',
      subjects: ['tikv'],
      chaos_types: [{ type: 'node_kill', params: {}, resolution_timeout: null }],
      trials_per_combination: 1,
      parallel: 1,
      cooldown_seconds: 0,
      include_baseline: false,
      variant: 'default',
      continuous: false,
      checker: null,
      cloud: null,
    });
  });

  it('reports every problem with file:line:col, path and expected form', () => {
    const error = parseError(
      [
        'name: bad',
        'subjects: [tikv, mysql]',
        'chaos_types:',
        '  - type: latncy',
        '  - type: node_kill',
        '    params: null',
        'trials_per_combination: 0',
        'parallel: 11',
        'cooldown_seconds: -1',
        'cloud:',
        '  provider: aws',
        '  operator: {enabled: maybe}',
        '',
      ].join('\n'),
      'campaigns/bad.yaml',
    );
    expect(error.message.split('\n')).toEqual([
      'invalid campaign file campaigns/bad.yaml (8 problems):',
      '  campaigns/bad.yaml:2:18: subjects[1]: expected one of tikv, chat-db-app, chat-db-app-shard, got "mysql"',
      '  campaigns/bad.yaml:4:11: chaos_types[0].type: unknown chaos type "latncy" (did you mean "latency"?)',
      '  campaigns/bad.yaml:6:13: chaos_types[1].params: expected a mapping of parameters, got null',
      '  campaigns/bad.yaml:7:25: trials_per_combination: expected an integer ≥ 1, got 0',
      '  campaigns/bad.yaml:8:11: parallel: expected an integer from 1 to 10, got 11',
      '  campaigns/bad.yaml:9:19: cooldown_seconds: expected an integer ≥ 0, got -1',
      '  campaigns/bad.yaml:11:13: cloud.provider: expected "gcp" (the only provider upstream accepts), got "aws"',
      '  campaigns/bad.yaml:12:23: cloud.operator.enabled: expected true or false, got "maybe"',
    ]);
    expect(error.problems[0]).toMatchObject({ line: 2, col: 18, path: ['subjects', 1] });
  });

  it('names missing required fields at the enclosing mapping', () => {
    const error = parseError('subjects: [tikv]\nchaos_types:\n  - params: {percent: 30}\n');
    expect(error.message).toContain('bad.yaml:1:1: name: missing (expected a string)');
    expect(error.message).toContain(
      'bad.yaml:3:5: chaos_types[0].type: missing (expected a chaos type name)',
    );
  });

  it('lists all chaos types when nothing is close', () => {
    const error = parseError('name: t\nchaos_types: [{type: meteor_strike}]\n');
    expect(error.message).toContain(
      'unknown chaos type "meteor_strike" (expected one of: node_kill, latency,',
    );
    expect(error.message).toContain('online_migration)');
  });

  it('rejects continuous with parallel > 1 or a baseline, as upstream does', () => {
    const error = parseError(minimal('continuous: true\nparallel: 2\ninclude_baseline: true\n'));
    expect(error.problems.map((p) => p.message)).toEqual([
      'parallel: continuous=true requires parallel=1 (trials must run on the same instance), got 2',
      'include_baseline: continuous=true is incompatible with include_baseline=true',
    ]);
    expect(error.problems.map((p) => [p.line, p.col])).toEqual([
      [5, 11],
      [6, 19],
    ]);
    expect(parseCampaignYaml(minimal('continuous: true\n')).config.continuous).toBe(true);
  });

  it('accepts what pydantic lax mode accepts, with a warning', () => {
    // Verified against pydantic 2.13 + PyYAML 6.0 with upstream's models.
    const { config, warnings } = parseCampaignYaml(
      minimal(
        "trials_per_combination: '3'\nparallel: true\ninclude_baseline: 'Y'\ncooldown_seconds: 5.0\n",
      ),
      'lax.yaml',
    );
    expect(config.trials_per_combination).toBe(3);
    expect(config.parallel).toBe(1);
    expect(config.include_baseline).toBe(true);
    expect(config.cooldown_seconds).toBe(5);
    expect(warnings.map((w) => w.formatted)).toEqual([
      'lax.yaml:4:25: trials_per_combination: "3" is not a number; the harness coerces it to 3 (write 3)',
      'lax.yaml:5:11: parallel: true is not a number; the harness coerces it to 1 (write 1)',
      'lax.yaml:6:19: include_baseline: "Y" is not a boolean; the harness coerces it to true (write true)',
    ]);
  });

  it('rejects what pydantic rejects', () => {
    expect(parseError(minimal('trials_per_combination: 3.5\n')).message).toContain(
      'trials_per_combination: expected an integer ≥ 1, got 3.5',
    );
    expect(parseError(minimal('include_baseline: 2\n')).message).toContain(
      'include_baseline: expected true or false, got 2',
    );
    expect(parseError('name: 12\nchaos_types: []\n').message).toContain(
      'name: expected a string, got 12',
    );
    expect(parseError('name: t\nsubjects: tikv\nchaos_types: []\n').message).toContain(
      'subjects: expected a list of subjects, e.g. [tikv], got "tikv"',
    );
    expect(parseError('name: t\nchaos_types: []\ncloud: {zone: null}\n').message).toContain(
      'cloud.zone: expected a string, got null',
    );
  });

  it('reads scalars as PyYAML safe_load does', () => {
    const { config } = parseCampaignYaml(
      'name: t\nchaos_types:\n  - type: latency\n    params: {a: 1e3, b: 1.5e+3, c: 09, d: 0123, e: 1_000, f: 1:30, g: .5, h: -.5, y: 1, on: off}\n',
    );
    expect(config.chaos_types[0]?.params).toEqual({
      a: '1e3',
      b: new PyFloat(1500), // a float to PyYAML: json.dumps writes 1500.0
      c: '09',
      d: 83,
      e: 1000,
      f: 90,
      g: 0.5,
      h: '-.5',
      y: 1,
      true: false,
    });
    // PyYAML reads `no` as false, so pydantic rejects it as a name.
    expect(parseError('name: no\nchaos_types: []\n').message).toContain(
      'name: expected a string, got false',
    );
    expect(parseError(minimal('cooldown_seconds: 1e3\n')).message).toContain(
      'cooldown_seconds: expected an integer ≥ 0, got "1e3" (PyYAML, like the harness, reads this as a string: write a plain integer)',
    );
  });

  it('supports merge keys like PyYAML', () => {
    const { config } = parseCampaignYaml(
      'name: t\nchaos_types:\n  - &slow {type: latency, params: {min_ms: 200}}\n  - {<<: *slow, resolution_timeout: 60}\n',
    );
    expect(config.chaos_types[1]).toEqual({
      type: 'latency',
      params: { min_ms: 200 },
      resolution_timeout: 60,
    });
  });
});

describe('warnings', () => {
  it('reports unknown keys that the harness ignores', () => {
    const { config, warnings } = parseCampaignYaml(
      minimal('trails_per_combination: 5\n'),
      'typo.yaml',
    );
    expect(config.trials_per_combination).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      line: 4,
      col: 1,
      path: ['trails_per_combination'],
      message:
        'unknown key "trails_per_combination" at top level — ignored by the harness (did you mean "trials_per_combination"?)',
      formatted:
        'typo.yaml:4:1: unknown key "trails_per_combination" at top level — ignored by the harness (did you mean "trials_per_combination"?)',
    });
  });

  it('reports unknown keys in nested mappings', () => {
    const { warnings } = parseCampaignYaml(
      'name: t\nchaos_types:\n  - type: latency\n    param: {min_ms: 1}\ncloud:\n  operator: {enabled: true, imag: x}\nchecker: {typ: llm}\n',
    );
    expect(warnings.map((w) => `${w.line}:${w.col} ${w.message}`)).toEqual([
      '4:5 unknown key "param" at chaos_types[0] — ignored by the harness (did you mean "params"?)',
      '6:29 unknown key "imag" at cloud.operator — ignored by the harness (did you mean "image"?)',
      '7:11 unknown key "typ" at checker — ignored by the harness (did you mean "type"?)',
    ]);
  });

  it('adds unknown-key hints to errors they may explain', () => {
    const error = parseError('name: t\nchaos_type:\n  - type: node_kill\n');
    expect(error.message).toContain(
      'bad.yaml:1:1: chaos_types: missing (expected a list of chaos entries',
    );
    expect(error.message).toContain(
      'bad.yaml:2:1: note: unknown key "chaos_type" at top level — ignored by the harness (did you mean "chaos_types"?)',
    );
  });

  it('flags chaos types the subject cannot inject, repeats, and odd values', () => {
    const { warnings } = parseCampaignYaml(
      [
        'name: t',
        'subjects: [tikv]',
        'chaos_types:',
        '  - type: missing_index',
        '  - type: latency',
        '    params: {min_ms: 1, max_ms: 2}',
        '  - type: latency',
        '    params: {max_ms: 2, min_ms: 1}',
        '  - type: node_kill',
        '    resolution_timeout: 0',
        'checker: {type: regex}',
        '',
      ].join('\n'),
    );
    expect(warnings.map((w) => w.message)).toEqual([
      'chaos_types[0].type: "missing_index" is not a chaos type of subject "tikv" — those trials will fail at injection',
      'chaos_types[2] repeats chaos_types[1] (same type and params) — upstream runs both',
      'chaos_types[3].resolution_timeout: 0 seconds — upstream accepts it, but no trial can resolve in that time',
      'checker.type: "regex" is neither "deterministic" nor "llm" — upstream does not validate it',
    ]);
  });
});

describe('bad YAML input', () => {
  it('reports malformed YAML with line:col', () => {
    const error = parseError('name: t\nchaos_types: [\n  {type: node_kill}\nparallel: 1\n');
    expect(error.problems[0]).toMatchObject({ line: 4, col: 1 });
    expect(error.message).toMatch(
      /^invalid campaign file bad\.yaml \(1 problem\):\n {2}bad\.yaml:4:1: YAML syntax error: /,
    );
  });

  it('rejects duplicate keys, which PyYAML would silently overwrite', () => {
    const error = parseError('name: first\nchaos_types: []\nname: second\n');
    expect(error.message).toBe(
      'invalid campaign file bad.yaml (1 problem):\n  bad.yaml:3:1: duplicate key "name": each key may appear only once (the harness\'s PyYAML would silently keep the last value)',
    );
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'name: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      '',
    ].join('\n');
    expect(parseError(bomb).message).toContain('refusing a possible "billion laughs" alias bomb');
  });

  it('refuses files over 1 MiB before parsing', () => {
    const big = `name: t\nchaos_types: []\n#${'x'.repeat(MAX_CAMPAIGN_BYTES)}\n`;
    expect(parseError(big).message).toMatch(
      /file is \d+ bytes; campaign files are limited to 1048576 bytes/,
    );
    // Multi-byte characters count in bytes.
    const wide = `name: "${'é'.repeat(MAX_CAMPAIGN_BYTES / 2)}"\nchaos_types: []\n`;
    expect(parseError(wide).message).toContain('campaign files are limited');
  });

  it.each([
    ['an empty file', '', 'the file holds no YAML content'],
    ['a comment-only file', '# nothing\n', 'the file holds no YAML content'],
    ['a list', '- a\n- b\n', 'bad.yaml:1:1: (top level): expected a mapping of campaign settings'],
    ['two documents', 'name: a\n---\nname: b\n', 'bad.yaml:2:1: more than one YAML document'],
    [
      'tab indentation',
      'name: t\nchaos_types:\n\t- type: node_kill\n',
      'bad.yaml:3:1: YAML syntax error',
    ],
    [
      'a Python tag',
      'name: !!python/object:os.system x\nchaos_types: []\n',
      'bad.yaml:1:7: unsupported tag !!python/object:os.system',
    ],
    [
      'an unknown alias',
      'name: t\nchaos_types: *missing\n',
      'bad.yaml:2:14: alias *missing has no anchor &missing before it',
    ],
  ])('reports %s clearly', (_label, text, message) => {
    expect(parseError(text).message).toContain(message);
  });

  it('caps very deep nesting without a raw library error', () => {
    const error = parseError(`name: ${'['.repeat(20_000)}\n`);
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.message.split('\n').length).toBeLessThanOrEqual(52);
  });

  it('reads a byte-order mark as PyYAML does', () => {
    expect(parseCampaignYaml(`\ufeff${minimal()}`).config.name).toBe('t');
  });
});

describe('rendering', () => {
  it('writes variant, continuous and checker only when they differ from the defaults', () => {
    const { config: base } = parseCampaignYaml(minimal());
    expect(renderCampaignYaml(base)).not.toMatch(/variant|continuous|checker/);
    const custom: CampaignConfig = {
      ...base,
      parallel: 1,
      variant: 'opus',
      continuous: true,
      checker: { type: 'llm', model: 'claude-haiku-4-5-20251001' },
    };
    const text = renderCampaignYaml(custom);
    expect(text).toContain(
      'include_baseline: false\nvariant: opus\ncontinuous: true\n\nchecker:\n  type: llm\n',
    );
    expect(parseCampaignYaml(text).config).toEqual(custom);
  });

  it.each(campaignFiles)('round-trips upstream file %s through render', (path) => {
    const { config } = parseCampaignYaml(readFileSync(path, 'utf8'));
    expect(parseCampaignYaml(renderCampaignYaml(config)).config).toEqual(config);
  });

  it('validates an upstream file with the exported schema', () => {
    const { config } = parseCampaignYaml(minimal());
    expect(campaignConfigSchema.safeParse(config).success).toBe(true);
  });
});

describe('params keep Python types', () => {
  it('a float stays a float, an int an int', () => {
    const { config } = parseCampaignYaml(
      minimal('    params: {min_ms: 50, max_ms: 150.0, p: 0.5, big: 1.0e+16}\n').replace(
        '  - type: node_kill\n',
        '  - type: latency\n',
      ),
    );
    const params = config.chaos_types[0]!.params;
    expect(params).toEqual({
      min_ms: 50,
      max_ms: new PyFloat(150),
      p: 0.5,
      big: new PyFloat(1e16),
    });
    const text = renderCampaignYaml(config);
    expect(text).toContain('max_ms: 150.0\n');
    expect(parseCampaignYaml(text).config).toEqual(config);
  });

  it('refuses params the harness cannot enqueue or this tool cannot keep exactly', () => {
    const latency = (params: string) =>
      `name: t\nchaos_types:\n  - type: latency\n    params: {${params}}\n`;
    expect(parseError(latency('at: 2026-01-01')).message).toMatch(
      /bad\.yaml:4:\d+: chaos_types\[0\]\.params\.at: a date \(2026-01-01\) cannot be enqueued by the harness: .*TypeError: Object of type date is not JSON serializable.*quote it/,
    );
    expect(parseError(latency('n: 9007199254740993')).message).toContain(
      'chaos_types[0].params.n: 9007199254740993 is beyond 2^53',
    );
    expect(parseError(latency('x: .inf')).message).toMatch(
      /params\.x: .*PostgreSQL's jsonb rejects/,
    );
    expect(parseCampaignYaml(latency('n: 9007199254740991')).config.chaos_types[0]!.params).toEqual(
      {
        n: 9007199254740991,
      },
    );
  });
});

describe('chaos types', () => {
  it('mirrors the upstream list and maps every injectable type to a subject', () => {
    expect(CHAOS_TYPES).toHaveLength(39);
    expect(SUBJECTS).toEqual(['tikv', 'chat-db-app', 'chat-db-app-shard']);
    const subjectsSupportingChaosType = (type: string) =>
      SUBJECTS.filter((subject) => subjectSupportsChaosType(subject, type));
    const unsupported = CHAOS_TYPES.filter(
      (type) => subjectsSupportingChaosType(type).length === 0,
    );
    expect(unsupported).toEqual(['db_kill']);
    expect(subjectsSupportingChaosType('latency')).toEqual(['tikv']);
    expect(subjectsSupportingChaosType('load_pressure')).toEqual(['chat-db-app']);
    expect(subjectsSupportingChaosType('online_migration')).toEqual(['chat-db-app-shard']);
  });

  it('treats only pd_leader_kill as PD-related', () => {
    expect(CHAOS_TYPES.filter(isPdRelatedChaosType)).toEqual(['pd_leader_kill']);
  });

  it('does not accept the baseline marker or legacy names as chaos types', () => {
    expect(isChaosType('none')).toBe(false);
    expect(isChaosType('db_disconnect')).toBe(false);
    expect(parseError('name: t\nchaos_types: [{type: db_disconnect}]\n').message).toContain(
      'unknown chaos type "db_disconnect"',
    );
  });
});
