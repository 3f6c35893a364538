import { describe, expect, test } from 'vitest';
import { compareCampaigns } from '../../../../src/core/compare.js';
import { renderComparisonText } from '../../../../src/core/terminal/comparison-report.js';
import { displayWidth } from '../../../../src/core/terminal/table.js';
import {
  analysisOf,
  expectNoMarkup,
  NO_TICKET,
  STYLES,
  TIMEOUT,
  visible,
  type Row,
} from './fixtures.js';

const wide = { region: '東京リージョン', label: '🔥 hot' };
const before: Row[] = [
  ...Array.from({ length: 3 }, () => ({ chaos: 'network_partition', trial: NO_TICKET })),
  ...Array.from({ length: 3 }, () => ({ chaos: 'latency', params: wide, trial: TIMEOUT })),
  ...Array.from({ length: 3 }, () => ({ chaos: 'node_kill' })),
];
const after: Row[] = [
  ...Array.from({ length: 3 }, () => ({ chaos: 'network_partition' })),
  ...Array.from({ length: 3 }, () => ({ chaos: 'latency', params: wide, trial: TIMEOUT })),
  ...Array.from({ length: 3 }, () => ({ chaos: 'node_kill', trial: TIMEOUT })),
];
const comparison = compareCampaigns(analysisOf(before, 7), analysisOf(after, 8), 0.9);
const context = {
  issueNumber: 1,
  images: [
    { name: 'operator', reference: 'registry.example/operator:abc1234', digest: 'sha256:0123' },
  ],
  nextStep: 'fix the regression first; the failures are the next diagnosis in #1.',
};

describe.each(Object.entries(STYLES))('the terminal comparison (%s)', (_name, style) => {
  const text = renderComparisonText(comparison, context, style);
  const shown = visible(text);

  test('has no HTML, hidden markers or Markdown', () => expectNoMarkup(text, expect));

  test(`fits ${style.width} columns`, () => {
    for (const line of shown.split('\n'))
      expect(displayWidth(line), line).toBeLessThanOrEqual(style.width);
  });

  test('shows the verdict, each row with its verdict, and what to do next', () => {
    expect(shown.split('\n')[0]).toContain('Retry campaign 8 vs campaign 7');
    expect(shown).toContain('verdict regressed');
    expect(shown).toMatch(/Regressions: node_kill/);
    expect(shown).toMatch(/network_partition +0\/3 0\.0% +3\/3 100\.0% +0\.050 +\S* ?fixed/);
    expect(shown).toMatch(/node_kill .* regressed/);
    expect(shown).toMatch(/Next +fix the regression first/);
    expect(shown).toContain('registry.example/operator:abc1234');
  });
});
