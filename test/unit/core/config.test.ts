import { describe, expect, test } from 'vitest';
import { DEFAULT_CAUSES } from '../../../src/core/causes.js';
import { ConfigError, parseProjectConfig } from '../../../src/core/config.js';

describe('parseProjectConfig (.github/iterate-campaign.yml)', () => {
  test('no file means the seed tables and the seed retry defaults', () => {
    const config = parseProjectConfig(undefined);
    expect(config.causes).toEqual(DEFAULT_CAUSES);
    expect(config.retry).toMatchObject({
      dir: 'eval/campaigns/debug',
      trialsPerCombination: 3,
      parallel: 3,
      cooldownSeconds: 10,
    });
  });

  test('cause overrides replace or extend per symptom', () => {
    const config = parseProjectConfig(`
causes:
  timeout:
    fix_locations: [prompts/sre.md]
    mode: extend
  no-ticket:
    likely_cause: The invariant is missing.
    fix_locations: [subjects/tikv/observer/src/tikv_observer/rules.py]
retry:
  trials_per_combination: 5
`);
    expect(config.causes.timeout.fixLocations).toEqual([
      ...DEFAULT_CAUSES.timeout.fixLocations,
      'prompts/sre.md',
    ]);
    expect(config.causes['no-ticket']).toEqual({
      likelyCause: 'The invariant is missing.',
      fixLocations: ['subjects/tikv/observer/src/tikv_observer/rules.py'],
    });
    expect(config.retry.trialsPerCombination).toBe(5);
  });

  test('an unknown symptom, key or bad value names the path', () => {
    expect(() => parseProjectConfig('causes:\n  slow-agent:\n    likely_cause: x\n')).toThrow(
      ConfigError,
    );
    expect(() => parseProjectConfig('retry:\n  trails_per_combination: 3\n')).toThrow(
      /retry: Unrecognized key: "trails_per_combination"/,
    );
    expect(() => parseProjectConfig('retry:\n  parallel: 50\n')).toThrow(/retry\.parallel/);
  });

  test('invariant files per subject and chaos type entries override the defaults one by one', () => {
    const config = parseProjectConfig(`
invariants:
  files:
    tikv: [observer/checks.py]
    chdb: [chdb/invariants.py]
  chaos_types:
    network_partition:
      - invariant: raft_lag
        magnitude: max(min_ms, max_ms)
        defaults: { min_ms: 10, max_ms: 20 }
`);
    expect(config.invariants.files).toMatchObject({
      tikv: ['observer/checks.py'],
      chdb: ['chdb/invariants.py'],
    });
    expect(config.invariants.table.network_partition).toEqual([
      {
        invariant: 'raft_lag',
        magnitude: 'max(min_ms, max_ms)',
        defaults: { min_ms: 10, max_ms: 20 },
      },
    ]);
    // Types the file does not name keep the derived default.
    expect(config.invariants.table.latency).toEqual(
      parseProjectConfig(undefined).invariants.table.latency,
    );
    expect(() =>
      parseProjectConfig(
        'invariants:\n  chaos_types:\n    latency:\n      - invariant: x\n        magnitude: median(a)\n',
      ),
    ).toThrow(/invariants\.chaos_types\.latency\.0\.magnitude/);
  });

  test('malformed YAML and duplicate keys are reported with a position', () => {
    expect(() => parseProjectConfig('retry:\n  dir: a\n  dir: b\n', 'cfg.yml')).toThrow(
      /cfg\.yml: invalid YAML: line 3:3/,
    );
    expect(() => parseProjectConfig('causes: [unclosed\n')).toThrow(/invalid YAML/);
  });
});
