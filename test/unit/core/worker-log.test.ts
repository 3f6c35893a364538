import { describe, expect, test } from 'vitest';
import {
  excerptsByWorkItem,
  LOG_EXCERPT_HEAD,
  LOG_EXCERPT_TAIL,
} from '../../../src/core/worker-log.js';

describe('excerptsByWorkItem', () => {
  test('keeps the lines from the claim to the completion of each wanted item', () => {
    const log = [
      '[12:00:00] Worker c7-1 starting',
      '[12:00:01] Claimed work item 41: tikv/node_kill',
      '[12:00:02] Resetting subject...',
      '[12:05:00] Work item 41 completed -> Trial 90',
      '[12:05:10] \u001b[36mClaimed work item 42: tikv/latency\u001b[0m',
      '[12:05:11] Waiting for healthy state...',
      '[12:30:00] Work item 42 failed: Subject failed to become healthy',
      '[12:30:05] Claimed work item 43: tikv/latency',
      '[12:31:00] Injecting chaos',
    ].join('\n');
    const excerpts = excerptsByWorkItem(log, new Set([42, 43, 99]));
    expect(excerpts.get(42)).toEqual([
      '[12:05:10] Claimed work item 42: tikv/latency',
      '[12:05:11] Waiting for healthy state...',
      '[12:30:00] Work item 42 failed: Subject failed to become healthy',
    ]);
    // The worker was stopped mid-item: what it logged is still shown.
    expect(excerpts.get(43)).toEqual([
      '[12:30:05] Claimed work item 43: tikv/latency',
      '[12:31:00] Injecting chaos',
      '(log ends here)',
    ]);
    expect(excerpts.has(41)).toBe(false);
    expect(excerpts.has(99)).toBe(false);
  });

  test('caps a long item to its first and last lines', () => {
    const body = Array.from({ length: 500 }, (_, i) => `line ${i}`);
    const log = ['Claimed work item 5: tikv/latency', ...body, 'Work item 5 completed -> Trial 1'];
    const lines = excerptsByWorkItem(log.join('\n'), new Set([5])).get(5)!;
    expect(lines).toHaveLength(LOG_EXCERPT_HEAD + LOG_EXCERPT_TAIL + 1);
    expect(lines[0]).toBe('Claimed work item 5: tikv/latency');
    expect(lines[LOG_EXCERPT_HEAD]).toBe(
      `… ${502 - LOG_EXCERPT_HEAD - LOG_EXCERPT_TAIL} lines left out …`,
    );
    expect(lines.at(-1)).toBe('Work item 5 completed -> Trial 1');
  });
});
