import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  assessCoverage,
  DEFAULT_CHAOS_INVARIANTS,
} from '../../../../src/core/invariants/coverage.js';
import { parseInvariantsSource } from '../../../../src/core/invariants/parse-invariants.js';

const FILE = 'demo/harness/subjects/tikv/observer/src/tikv_observer/invariants.py';
const { invariants } = parseInvariantsSource(readFileSync(FILE, 'utf8'), FILE);

function verdictOf(chaos_type: string, params: Record<string, unknown> = {}) {
  return assessCoverage([{ chaos_type, params }], invariants, DEFAULT_CHAOS_INVARIANTS)[0]!;
}

describe('assessCoverage', () => {
  test('insensitive: the mean injected latency does not exceed the 100 ms P99 threshold', () => {
    const row = verdictOf('latency', { min_ms: 50, max_ms: 150 });
    expect(row.verdict).toBe('insensitive');
    expect(row.invariants).toEqual([
      { name: 'high_latency', threshold: 100, grace_period_seconds: 30, file: FILE, line: 26 },
    ]);
    expect(row.reason).toContain('fires above 100 ms');
    expect(row.reason).toContain('mean of min_ms and max_ms (50–150) is 100 ms');
  });

  test('covered: 200–500 ms clears the same threshold; the default params apply when none are given', () => {
    expect(verdictOf('latency', { min_ms: 200, max_ms: 500 }).verdict).toBe('covered');
    // Upstream's injector defaults are 50/150.
    expect(verdictOf('latency').verdict).toBe('insensitive');
  });

  test('missing: no invariant for the type, or the mapped one is not in the file', () => {
    const pd = verdictOf('pd_leader_kill');
    expect(pd.verdict).toBe('missing');
    expect(pd.invariants).toEqual([]);
    const partition = verdictOf('network_partition');
    expect(partition.verdict).toBe('missing');
    expect(partition.reason).toContain('`high_raft_lag`');
    expect(verdictOf('a_type_nobody_mapped').reason).toContain('invariants.chaos_types');
  });

  test('covered by a state invariant without a threshold', () => {
    const row = verdictOf('node_kill');
    expect(row.verdict).toBe('covered');
    expect(row.invariants.map((i) => i.name)).toEqual(['store_down']);
  });

  test('insensitive: a fault shorter than the grace period never fires', () => {
    const table = { leader_concentration: [{ invariant: 'leader_imbalance' }] };
    const [short, long] = assessCoverage(
      [
        { chaos_type: 'leader_concentration', params: { duration_seconds: 20 } },
        { chaos_type: 'leader_concentration', params: { duration_seconds: 60 } },
      ],
      invariants,
      table,
    );
    expect(short!.verdict).toBe('insensitive');
    expect(short!.reason).toContain('30 s grace period');
    expect(long!.verdict).toBe('covered');
  });

  test('a defined config no check_* method uses counts as missing', () => {
    const source = 'X = InvariantConfig(name="orphan", threshold=1)\n';
    const parsed = parseInvariantsSource(source, 'o.py').invariants;
    const row = assessCoverage([{ chaos_type: 'latency', params: {} }], parsed, {
      latency: [{ invariant: 'orphan' }],
    })[0]!;
    expect(row.verdict).toBe('missing');
    expect(row.reason).toContain('no check_* method uses it');
    expect(row.invariants).toEqual([
      { name: 'orphan', threshold: 1, grace_period_seconds: 0, file: 'o.py', line: 1 },
    ]);
  });
});
