import { describe, expect, it } from 'vitest';
import { CampaignYamlError } from '../../../../src/core/campaign/errors.js';
import { expandCampaignMatrix } from '../../../../src/core/campaign/matrix.js';
import { parseCampaignYaml } from '../../../../src/core/campaign/read.js';
import {
  buildRetryCampaign,
  failingFromWorkItems,
  retryCampaignName,
  type FailingCombination,
  type RetrySettings,
} from '../../../../src/core/campaign/retry.js';
import { campaignRows } from '../../../../src/db/enqueue-campaign.js';
import { PyFloat, pyJsonDumps } from '../../../../src/core/py-json.js';
import { workItem } from '../../../support/records.js';

const SETTINGS: RetrySettings = {
  trialsPerCombination: 3,
  parallel: 3,
  cooldownSeconds: 10,
  includeBaseline: false,
  operatorImage: 'us-central1-docker.pkg.dev/operator-486214/eval/operator:sha-0123abc',
};

const fail = (
  subject: string,
  chaos_type: string,
  params: Record<string, unknown> = {},
  resolution_timeout: number | null = null,
): FailingCombination => ({ subject, chaos_type, params, resolution_timeout });

function build(
  failing: FailingCombination[],
  settings: Partial<RetrySettings> = {},
  variant = 'default',
) {
  return buildRetryCampaign(
    { campaignId: 123, campaignName: 'chat-shard-cloud', variant, failing },
    { ...SETTINGS, ...settings },
    ['Targeted retry of campaign 123'],
  );
}

describe('retryCampaignName', () => {
  it('builds deterministic names', () => {
    expect(retryCampaignName('tikv-all-chaos-cloud', 123)).toBe('tikv-all-chaos-cloud-retry-123');
    expect(retryCampaignName('tikv-all-chaos-cloud-retry-123', '130')).toBe(
      'tikv-all-chaos-cloud-retry-130',
    );
    expect(retryCampaignName('  TiKV All Chaos (cloud)!  ', 7)).toBe(
      'tikv-all-chaos-cloud-retry-7',
    );
    expect(retryCampaignName('---', 7)).toBe('campaign-retry-7');
    expect(retryCampaignName('x'.repeat(500), 7)).toBe(`${'x'.repeat(80)}-retry-7`);
    expect(() => retryCampaignName('a', 0)).toThrow(RangeError);
    expect(() => retryCampaignName('a', '12abc')).toThrow(RangeError);
    expect(() => retryCampaignName('a', 1.5)).toThrow(RangeError);
  });
});

describe('buildRetryCampaign (the one retry builder)', () => {
  it('two subjects, failures on one: reruns exactly that subject, with its timeouts', () => {
    const retry = build([
      fail('chat-db-app-shard', 'db_sharding_direct', {}, 1800),
      fail('chat-db-app-shard', 'shard_fanout', {}, 900),
    ]);
    expect(retry.config.subjects).toEqual(['chat-db-app-shard']);
    expect(retry.extra).toEqual([]);
    expect(
      expandCampaignMatrix(retry.config).map((s) => [s.subject, s.chaosType, s.resolutionTimeout]),
    ).toEqual([
      ['chat-db-app-shard', 'db_sharding_direct', 1800],
      ['chat-db-app-shard', 'db_sharding_direct', 1800],
      ['chat-db-app-shard', 'db_sharding_direct', 1800],
      ['chat-db-app-shard', 'shard_fanout', 900],
      ['chat-db-app-shard', 'shard_fanout', 900],
      ['chat-db-app-shard', 'shard_fanout', 900],
    ]);
  });

  it('two subjects failing on the same entries: one exact campaign over both', () => {
    const retry = build([
      fail('chat-db-app', 'missing_index'),
      fail('chat-db-app-shard', 'missing_index'),
    ]);
    expect(retry.config.subjects).toEqual(['chat-db-app', 'chat-db-app-shard']);
    expect(retry.config.chaos_types).toHaveLength(1);
    expect(retry.extra).toEqual([]);
  });

  it('when the subjects × entries matrix forces extra combinations, it names them', () => {
    const retry = build([
      fail('chat-db-app', 'missing_index'),
      fail('chat-db-app-shard', 'db_sharding_direct', {}, 1800),
    ]);
    expect(retry.extra).toEqual([
      { subject: 'chat-db-app', chaos_type: 'db_sharding_direct', params: {} },
      { subject: 'chat-db-app-shard', chaos_type: 'missing_index', params: {} },
    ]);
    expect(retry.yaml).toContain(
      '# Not exact: upstream runs every subject with every entry, so this also reruns 2 combination(s) that did not fail:\n#   chat-db-app db_sharding_direct\n',
    );
  });

  it('keeps the variant, include_baseline from the settings, and params with their types', () => {
    const retry = build(
      [
        fail('tikv', 'latency', { min_ms: 50, max_ms: new PyFloat(150) }),
        fail('tikv', 'latency', { min_ms: 200, max_ms: 500 }),
        fail('tikv', 'pd_leader_kill', {}, 900),
      ],
      { includeBaseline: true },
      'opus',
    );
    expect(retry.yaml).toBe(
      [
        '# Targeted retry of campaign 123',
        'name: chat-shard-cloud-retry-123',
        'subjects: [tikv]',
        '',
        'chaos_types:',
        '  - type: latency',
        '    params:',
        '      min_ms: 50',
        '      max_ms: 150.0',
        '  - type: latency',
        '    params:',
        '      min_ms: 200',
        '      max_ms: 500',
        '  - type: pd_leader_kill',
        '    resolution_timeout: 900',
        '',
        'trials_per_combination: 3',
        'parallel: 3',
        'cooldown_seconds: 10',
        'include_baseline: true',
        'variant: opus',
        '',
        'cloud:',
        '  provider: gcp',
        '  operator:',
        '    enabled: true',
        '    image: us-central1-docker.pkg.dev/operator-486214/eval/operator:sha-0123abc',
        '',
      ].join('\n'),
    );
    const read = parseCampaignYaml(retry.yaml);
    expect(read.config).toEqual(retry.config);
    expect(read.warnings).toEqual([]);
    // The chaos_params text `eval run campaign` sends for this file: json.dumps of PyYAML's dict.
    const rows = campaignRows(retry.config, 'sha');
    expect(rows.variant).toBe('opus');
    expect(rows.includeBaseline).toBe(true);
    expect(pyJsonDumps(rows.items[0]!.chaosParams)).toBe('{"min_ms": 50, "max_ms": 150.0}');
    expect(rows.items.at(-1)).toMatchObject({ chaosType: 'none', baseline: true });
  });

  it('deduplicates a combination, and never gives an entry less time than a row had', () => {
    const retry = build([
      fail('tikv', 'node_kill', {}, 600),
      fail('tikv', 'node_kill', {}, 900),
      fail('tikv', 'node_kill', {}, null),
    ]);
    expect(retry.config.chaos_types).toEqual([
      { type: 'node_kill', params: {}, resolution_timeout: 900 },
    ]);
  });

  it('refuses what the harness would reject or what cannot round-trip, before writing', () => {
    const attempt = (failing: FailingCombination[], settings: Partial<RetrySettings> = {}) => {
      try {
        build(failing, settings);
      } catch (error) {
        expect(error).toBeInstanceOf(CampaignYamlError);
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(attempt([])).toContain('needs at least one failing combination');
    expect(attempt([fail('tikv', 'nope')])).toContain('"nope" is not a chaos type');
    expect(attempt([fail('ratelimiter', 'node_kill')])).toContain(
      'subjects[0]: expected one of tikv',
    );
    expect(attempt([fail('tikv', 'node_kill')], { parallel: 11 })).toContain(
      'parallel: expected an integer from 1 to 10, got 11',
    );
    expect(attempt([fail('tikv', 'latency', { at: new Date('2026-01-01') })])).toContain(
      'chaos_types[0].params.at: a date (2026-01-01) cannot be enqueued',
    );
  });

  it('does not share params with the caller', () => {
    const params = { percent: 30, nested: { a: 1 } };
    const retry = build([fail('tikv', 'packet_loss', params)]);
    params.nested.a = 2;
    expect(retry.config.chaos_types[0]?.params).toEqual({ percent: 30, nested: { a: 1 } });
  });

  it('quotes strings any YAML reader could take for another type', () => {
    const retry = buildRetryCampaign(
      {
        campaignId: 1,
        campaignName: 'yes',
        variant: '1.10',
        failing: [
          fail('chat-db-app', 'pool_exhaustion', {
            num_users: '09',
            ratio: '1e3',
            mode: 'on',
            at: '2024-01-01',
            tiny: 1e-7,
          }),
        ],
      },
      SETTINGS,
      [],
    );
    expect(retry.yaml).toContain('variant: "1.10"\n');
    expect(retry.yaml).toContain('num_users: "09"\n');
    expect(retry.yaml).toContain('ratio: "1e3"\n');
    expect(retry.yaml).toContain('mode: "on"\n');
    expect(retry.yaml).toContain('at: "2024-01-01"\n');
    expect(retry.yaml).toContain('tiny: 1.0e-7\n'); // PyYAML needs the dot to read a float
  });
});

describe('failingFromWorkItems', () => {
  it('finds the stored params, subjects and timeouts behind a recorded combination', () => {
    const items = [
      workItem(1, {
        subjectType: 'tikv',
        chaosType: 'latency',
        chaosParams: { min_ms: 50, max_ms: new PyFloat(150) },
        resolutionTimeout: 900,
      }),
      workItem(2, {
        subjectType: 'tikv',
        chaosType: 'latency',
        chaosParams: { min_ms: 200, max_ms: 500 },
      }),
      workItem(3, { subjectType: 'chat-db-app', chaosType: 'node_kill', baseline: true }),
    ];
    // A diagnosis issue's JSON state reads 150.0 back as 150.
    expect(
      failingFromWorkItems(
        [{ chaos_type: 'latency', params: { max_ms: 150, min_ms: 50 } }],
        items,
        'tikv',
      ),
    ).toEqual([
      {
        subject: 'tikv',
        chaos_type: 'latency',
        params: { min_ms: 50, max_ms: new PyFloat(150) },
        resolution_timeout: 900,
      },
    ]);
    expect(failingFromWorkItems([{ chaos_type: 'node_kill', params: {} }], items, 'tikv')).toEqual([
      { subject: 'tikv', chaos_type: 'node_kill', params: {}, resolution_timeout: null },
    ]);
  });
});
