import { describe, expect, it } from 'vitest';
import { compareCampaigns } from '../../../src/core/compare.js';
import { beforeAfterChart } from '../../../src/core/render-comparison-chart.js';
import { campaignAnalysis, renderFixtures } from '../../support/render-fixtures.js';

const fixtures = renderFixtures();

/** Cells of a GFM table row the way GitHub splits it: on pipes not escaped by an odd backslash run. */
function cells(row: string): number {
  let count = 0;
  let slashes = 0;
  for (const ch of row.trim().slice(1, -1)) {
    if (ch === '|' && slashes % 2 === 0) count += 1;
    slashes = ch === '\\' ? slashes + 1 : 0;
  }
  return count + 1;
}

describe('report bodies', () => {
  it('keep every table row as wide as its header, whatever the params hold', () => {
    for (const [name, body] of Object.entries(fixtures)) {
      const lines = body.split('\n');
      lines.forEach((line, i) => {
        if (!/^\|[-:|]+\|$/.test(line)) return;
        const width = cells(lines[i - 1]!);
        for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) {
          expect(cells(lines[j]!), `${name}: ${lines[j]}`).toBe(width);
        }
      });
    }
  });

  it('fold params into the chaos-type cell and show backticks without backslashes', () => {
    const body = fixtures['diagnosis-awkward.md']!;
    expect(body).toContain('| `network_partition (target=pd\\|tikv)` | 0/3 |');
    expect(body).toContain('| ```tikv_`weird`_chaos (cmd=echo ``x`` \\| wc)``` | 0/2 |');
    expect(body).not.toContain('Params');
    expect(body).toContain('Campaign 7 · tikv\\_all\\_chaos\\*cloud');
  });

  it('cap a long traceback to its last lines and say what was cut and where the rest is', () => {
    const body = fixtures['diagnosis-awkward.md']!;
    const block = body.split('```\n').find((b) => b.includes('RuntimeError'))!;
    const lines = block.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(21);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    expect(body).toContain(
      '<sub>41 earlier lines left out, 2 lines cut at 100 characters; full text: `npx iterate-campaign analyze 7 --json` (`broken_work_items`)</sub>',
    );
  });

  it('list only the ids a finding has when its evidence is left out, with the note first', () => {
    const body = fixtures['diagnosis-awkward-findings-only.md']!;
    expect(body).toContain('Broken work items: 70009, 70010');
    expect(body).not.toMatch(/Trials: {1,2}·/);
    expect(body.indexOf('> Shortened to fit')).toBeLessThan(body.indexOf('| Measure'));
  });

  it('note what a shortened comment left out, under its title', () => {
    const body = fixtures['pr-comment-30-shortened.md']!;
    expect(body.length).toBeLessThanOrEqual(5_000);
    expect(body).toMatch(
      /^## .*\n\n> \[!NOTE\]\n> Shortened to fit GitHub's size limit: the before\/after chart; .*\. Full results: https:\/\/github\.com\/o\/r\/actions\/runs\/42\./,
    );
    expect(body).toContain('- Next: ');
  });

  it('never merge the images list into the links list', () => {
    const body = fixtures['pr-comment-30.md']!;
    expect(body).toMatch(/### Images tested\n\n- .*\n\n### Links and next step\n\n- /);
  });
});

describe('beforeAfterChart', () => {
  const plan = (chaosType: string, wins: number) => ({ chaosType, params: {}, wins, trials: 3 });
  it('gives before and after their own rows and series, and marks a combination that did not run', () => {
    const c = compareCampaigns(
      campaignAnalysis(1, [plan('a', 0)]),
      campaignAnalysis(2, [plan('a', 3), plan('new_type', 2)]),
      0.9,
    );
    const chart = beforeAfterChart(c.rows);
    expect(chart).toContain(
      '  x-axis ["1. a · before 0% (0/3)", "1. after 100% (3/3)", "2. new_type · before not run", "2. after 67% (2/3)"]',
    );
    // A real 0 % is its own (red) series; "not run" has no bar in any series.
    expect(chart).toContain(
      '  bar [-100, -100, -100, -100]\n  bar [-100, 100, -100, 67]\n  bar [0, -100, -100, -100]',
    );
    expect(chart).toContain(
      'title "Win rate (%) per combination: grey = before, green = after, red = 0%"',
    );
    expect(chart).toContain('y-axis "Win rate (%)" 0 --> 105');
  });

  it('keeps labels unique, one line and free of quotes', () => {
    const long = 'x'.repeat(80);
    const c = compareCampaigns(
      campaignAnalysis(1, [plan(`say "hi" #1;\n${long}`, 1)]),
      campaignAnalysis(2, [plan(`say "hi" #1;\n${long}`, 1)]),
      0.9,
    );
    const axis = beforeAfterChart(c.rows)
      .split('\n')
      .find((l) => l.startsWith('  x-axis'))!;
    expect(axis).toContain("say 'hi' ＃1;");
    expect(axis).toContain('…');
    expect(axis.match(/"/g)).toHaveLength(4);
  });
});
