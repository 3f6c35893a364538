import { describe, expect, test } from 'vitest';
import { analysisJsonChunks } from '../../../src/core/analysis-json.js';
import { PyFloat } from '../../../src/core/py-json.js';
import { campaignAnalysis } from '../../support/render-fixtures.js';

const joined = (analysis: Parameters<typeof analysisJsonChunks>[0]) =>
  [...analysisJsonChunks(analysis)].join('\n');

describe('analysisJsonChunks', () => {
  test.each([
    ['no failing trial', 0],
    ['one failing trial', 1],
    ['a chunk and one more', 90],
    ['several chunks', 1_250],
  ])('%s: the chunks joined are JSON.stringify(analysis, null, 2)', (_, failures) => {
    const analysis = campaignAnalysis(7, [
      {
        chaosType: 'latency',
        params: { min_ms: new PyFloat(50), max_ms: 150 },
        trials: failures + 3,
        wins: 3,
      },
      { chaosType: 'node_kill', params: {}, trials: 2, wins: 2 },
    ]);
    expect(analysis.trials_detail).toHaveLength(failures);
    expect(joined(analysis)).toBe(JSON.stringify(analysis, null, 2));
  });

  test('a campaign with many failing trials is never one string, nor a large object', () => {
    const analysis = campaignAnalysis(8, [
      { chaosType: 'latency', params: {}, trials: 1_200, wins: 0 },
    ]);
    const chunks = [...analysisJsonChunks(analysis)];
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(total / 2);
    // The details' chunks stay under V8's large-object size (128 KB), so they die young.
    const details = chunks.slice(1, -1);
    expect(details.length).toBeGreaterThan(3);
    expect(Math.max(...details.map((chunk) => chunk.length))).toBeLessThan(64 * 1024);
  });
});
