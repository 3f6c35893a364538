import { describe, expect, test } from 'vitest';
import { renderAnalysisText } from '../../../../src/core/terminal/analysis-report.js';
import { styleFor } from '../../../../src/core/terminal/style.js';
import { displayWidth } from '../../../../src/core/terminal/table.js';
import { analysisOf, expectNoMarkup, STYLES, visible, WIDE_ROWS } from './fixtures.js';

const analysis = analysisOf(WIDE_ROWS, 7, 'tikv 東京 🔥 nightly');

describe.each(Object.entries(STYLES))('the terminal report (%s)', (_name, style) => {
  const text = renderAnalysisText(analysis, style);

  test('has no HTML, hidden markers or Markdown', () => expectNoMarkup(text, expect));

  test(`fits ${style.width} columns`, () => {
    for (const line of visible(text).split('\n'))
      expect(displayWidth(line), line).toBeLessThanOrEqual(style.width);
  });

  test('leads with the verdict, then the numbers, the table and the findings', () => {
    const shown = visible(text);
    expect(shown.split('\n')[0]).toMatch(
      /Campaign 7 · tikv 東京 🔥 nightly: .*vs target 90\.0%, target missed/,
    );
    const order = ['Win rate', 'Per chaos type', 'Findings'].map((s) => shown.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(0);
  });

  test('folds evidence to one line per failed trial with the reproduce command', () => {
    const shown = visible(text);
    for (const t of analysis.trials_detail.filter((d) => d.evidence)) {
      const lines = shown.split('\n').filter((l) => l.includes(`trial ${t.trial_id} `));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines)
        expect(line).toContain(`uv run eval show --trial ${t.trial_id} --remote`);
    }
    expect(shown).toMatch(/item 708 .*ssh: connect to host/);
  });

  test('aligns the per chaos type rows whatever the width of their characters', () => {
    const shown = visible(text).split('\n');
    const start = shown.findIndex((l) => l.startsWith('Per chaos type'));
    const rows = shown.slice(start + 3, shown.indexOf('', start));
    const wins = rows.filter((l) => /\d+\/\d+/.test(l));
    expect(wins.length).toBeGreaterThanOrEqual(5);
    const ends = wins.map((l) => {
      const m = /\d+\/\d+/.exec(l)!;
      return displayWidth(l.slice(0, m.index + m[0].length));
    });
    expect(new Set(ends).size).toBe(1);
  });
});

describe('colour', () => {
  test('a TTY gets colour and symbols', () => {
    const style = styleFor({ isTTY: true, columns: 100 }, {});
    expect(style).toEqual({ color: true, symbols: true, width: 100 });
    const text = renderAnalysisText(analysis, style);
    expect(text).toContain('\x1b[');
    expect(text).toContain('✗');
  });

  test('NO_COLOR keeps the symbols and drops every escape code', () => {
    const style = styleFor({ isTTY: true, columns: 100 }, { NO_COLOR: '1' });
    const text = renderAnalysisText(analysis, style);
    expect(text).not.toContain('\x1b');
    expect(text).toContain('✗');
  });

  test('a pipe gets plain words and 80 columns', () => {
    const style = styleFor({ isTTY: false }, {});
    expect(style).toEqual({ color: false, symbols: false, width: 80 });
    const text = renderAnalysisText(analysis, style);
    expect(text).not.toContain('\x1b');
    expect(text).not.toMatch(/[✓✗⚠─█]/);
    expect(text.split('\n')[0]).toMatch(/^FAIL Campaign 7/);
  });
});

test('a campaign without trials says so instead of printing empty tables', () => {
  const empty = analysisOf([{ chaos: 'node_kill', trial: null, error: 'boom' }]);
  const text = renderAnalysisText(
    { ...empty, trials_detail: [], findings: [], by_chaos_type: [] },
    STYLES.piped,
  );
  expect(text).toContain('No trials were recorded');
  expectNoMarkup(text, expect);
});

test('invariant coverage and flaky history read as text too', () => {
  const withInvestigation = {
    ...analysis,
    invariant_coverage: [
      {
        chaos_type: 'network_partition',
        params: {},
        verdict: 'missing' as const,
        invariants: [],
        reason: 'No invariant in invariants.py reads partition state.',
      },
    ],
    flaky: [
      {
        chaos_type: 'latency',
        params: { region: '東京' },
        campaigns: [
          { campaign_id: 5, successes: 3, trials: 3 },
          { campaign_id: 6, successes: 0, trials: 3 },
        ],
        flip_rate: 1,
        flaky: true,
      },
    ],
  };
  const text = visible(renderAnalysisText(withInvestigation, STYLES.piped));
  expect(text).toMatch(/Invariant coverage\n.*\n.*\n +network_partition +FAIL missing/);
  expect(text).toContain('latency (region=東京): 3/3 → 0/3 over 2 campaigns, flips 100%');
});
