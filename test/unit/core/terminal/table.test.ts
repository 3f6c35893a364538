import { describe, expect, test } from 'vitest';
import {
  displayWidth,
  renderTable,
  truncate,
  wrapText,
} from '../../../../src/core/terminal/table.js';
import { visible } from './fixtures.js';

describe('wrapText', () => {
  test.each([
    ['{"region":"東京リージョン","label":"🔥 hot"}', 12],
    ['packet_loss (percent=30, target=tikv-0.tikv-peer.tikv.svc.cluster.local)', 20],
    ['👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻 family 👨‍👩‍👧‍👦 emoji', 7],
  ])('%s fits %i cells and loses nothing', (text, width) => {
    const lines = wrapText(text, width).split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  test('never splits a grapheme (ZWJ emoji stay whole)', () => {
    const lines = wrapText('👩‍💻👩‍💻👩‍💻', 3).split('\n');
    expect(lines).toEqual(['👩‍💻', '👩‍💻', '👩‍💻']);
  });

  test('breaks after a space, a comma or a hyphen when it can', () => {
    expect(wrapText('empty-final-state, resolved-unhealthy', 20)).toBe(
      'empty-final-state,\nresolved-unhealthy',
    );
  });
});

describe('renderTable', () => {
  const style = { color: false, symbols: false, width: 40 };

  test('aligns columns by display width, CJK and emoji included', () => {
    const text = renderTable(
      [{ header: 'Name' }, { header: 'Count', align: 'right' }, { header: 'Note' }],
      [
        ['東京', '3', 'ok'],
        ['🔥🔥', '12', 'ok'],
        ['plain', '100', 'ok'],
      ],
      style,
    );
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    const noteColumn = lines.slice(2).map((l) => displayWidth(l.slice(0, l.lastIndexOf('ok'))));
    expect(new Set(noteColumn).size).toBe(1);
    const countEnds = lines.slice(2).map((l) => displayWidth(l.replace(/\s+ok$/, '')));
    expect(new Set(countEnds).size).toBe(1);
  });

  test('fits the width by wrapping the flexible column', () => {
    const text = renderTable(
      [{ header: 'Chaos type', flex: true }, { header: 'Rate' }],
      [['latency (min_ms=200, max_ms=500, jitter_ms=20, correlation=25)', '33.3%']],
      style,
    );
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(text).toContain('33.3%');
  });

  test('draws a rule under the header: box drawing on a TTY, dashes when piped', () => {
    const cols = [{ header: 'A' }, { header: 'B' }];
    expect(renderTable(cols, [['x', 'y']], style).split('\n')[1]).toBe('  -  -');
    expect(
      visible(renderTable(cols, [['x', 'y']], { ...style, symbols: true })).split('\n')[1],
    ).toBe('  ─  ─');
  });
});

test('truncate keeps whole wide characters and marks the cut', () => {
  expect(truncate('東京リージョン', 7)).toBe('東京リ…');
  expect(truncate('short', 10)).toBe('short');
});
