import { describe, expect, test } from 'vitest';
import type { ProgressSnapshot } from '../../../../src/core/progress.js';
import {
  estimateRemainingSeconds,
  progressByChaosType,
  renderProgressLine,
} from '../../../../src/core/terminal/progress-view.js';
import { lineProgress } from '../../../../src/core/terminal/progress-lines.js';
import { renderProgressBlock } from '../../../../src/core/terminal/progress-block.js';
import { displayWidth } from '../../../../src/core/terminal/table.js';
import { STYLES, visible } from './fixtures.js';

const group = (chaosType: string, counts: Partial<ProgressSnapshot['groups'][number]>) => ({
  chaosType,
  params: {},
  baseline: false,
  pending: 0,
  running: 0,
  completed: 0,
  failed: 0,
  meanSeconds: null,
  ...counts,
});

const snapshot: ProgressSnapshot = {
  groups: [
    group('node_kill', { completed: 3, meanSeconds: 600 }),
    group('latency', {
      params: { min_ms: 50 },
      completed: 1,
      failed: 1,
      running: 1,
      meanSeconds: 900,
    }),
    group('latency', { params: { min_ms: 200 }, pending: 3 }),
    group('pd_leader_kill', { running: 1, pending: 2 }),
  ],
  running: [
    { workId: 5, chaosType: 'latency', workerId: 'w-1', runningSeconds: 300 },
    { workId: 9, chaosType: 'pd_leader_kill', workerId: 'w-2', runningSeconds: 4000 },
  ],
};
const view = { campaignId: 12, mode: 'live' as const, snapshot, staleAfterSeconds: 3600 };

describe('estimateRemainingSeconds', () => {
  test('spreads the pending and the rest of the running work over the running items', () => {
    // Campaign mean: (3×600 + 2×900) / 5 = 720 s. Pending: 3 × 720 + 2 × 720; running latency
    // has 900 − 300 left, pd_leader_kill is past the mean (0 left). Two items run at once.
    expect(estimateRemainingSeconds(snapshot)).toBeCloseTo((5 * 720 + 600) / 2);
  });

  test('is unknown before the first item finishes, and while no worker runs anything', () => {
    const fresh = { groups: [group('a', { pending: 3, running: 1 })], running: snapshot.running };
    expect(estimateRemainingSeconds(fresh)).toBeNull();
    expect(estimateRemainingSeconds({ ...snapshot, running: [] })).toBeNull();
  });
});

test('progress per chaos type merges params and keeps campaign order', () => {
  expect(progressByChaosType(snapshot)).toEqual([
    { name: 'node_kill', done: 3, total: 3, running: 0, failed: 0 },
    { name: 'latency', done: 2, total: 6, running: 1, failed: 1 },
    { name: 'pd_leader_kill', done: 0, total: 3, running: 1, failed: 0 },
  ]);
});

describe('the progress block a TTY redraws', () => {
  const lines = renderProgressBlock(view, STYLES['tty 80 columns']).map(visible);

  test('shows a bar with done/total and the ETA, the counts, a row per chaos type', () => {
    expect(lines[0]).toMatch(/^Campaign 12 \(live\) +█+░+ 5\/12 \(41%\) +ETA 35m00s$/);
    expect(lines[1]).toBe('  4 completed · 1 failed · 2 running · 5 pending');
    expect(lines.find((l) => l.includes('latency'))).toMatch(
      /latency +█+░+ +2\/6 +1 running 1 failed/,
    );
    expect(lines.find((l) => l.includes('node_kill'))).toContain('✓');
  });

  test('flags the item whose worker is probably gone', () => {
    expect(lines.join('\n')).toMatch(
      /⚠ item 9 \(pd_leader_kill\) on w-2 for 1h06m: probably orphaned/,
    );
    expect(lines.join('\n')).toContain('release-stale');
  });

  test('fits the terminal: 80 columns, and at most maxLines lines', () => {
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    const many: ProgressSnapshot = {
      groups: Array.from({ length: 30 }, (_, i) =>
        group(`type_${i}`, { completed: i < 25 ? 1 : 0, pending: i < 25 ? 0 : 1 }),
      ),
      running: [],
    };
    const block = renderProgressBlock({ ...view, snapshot: many }, STYLES.tty, 10).map(visible);
    expect(block).toHaveLength(10);
    expect(block.join('\n')).toContain('type_29');
    expect(block.at(-1)).toMatch(/…and \d+ more chaos types, all done/);
  });
});

test('the per-minute line for pipes and Actions logs is one plain line', () => {
  const line = renderProgressLine(view);
  expect(line).not.toContain('\n');
  expect(line).not.toContain('\x1b');
  expect(line).not.toContain('█');
  expect(line).toBe(
    'Campaign 12: 5/12 done (41%): 4 completed, 1 failed · 2 running · 5 pending · ETA 35m00s · left: latency 4, pd_leader_kill 3 · 1 probably orphaned (release-stale)',
  );
});

describe('lineProgress', () => {
  test('writes the first state, then at most a line a minute, and the finished state once', () => {
    const written: string[] = [];
    let clock = 0;
    const progress = lineProgress(
      (l) => written.push(l),
      () => clock,
    );
    const at = (ms: number, s: ProgressSnapshot) => {
      clock = ms;
      progress.update({ ...view, snapshot: s });
    };
    at(0, snapshot);
    at(10_000, snapshot);
    at(59_999, snapshot);
    expect(written).toHaveLength(1);
    at(60_000, snapshot);
    expect(written).toHaveLength(2);
    const done = { groups: [group('node_kill', { completed: 3, meanSeconds: 1 })], running: [] };
    at(61_000, done);
    at(62_000, done);
    expect(written).toHaveLength(3);
    expect(written[2]).toBe(
      'Campaign 12: 3/3 done (100%): 3 completed, 0 failed · 0 running · 0 pending · done',
    );
  });
});
