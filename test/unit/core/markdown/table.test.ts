import { describe, expect, it } from 'vitest';
import {
  codeSpan,
  markdownTable,
  plainText,
  tableCell,
} from '../../../../src/core/markdown/index.js';

describe('tableCell', () => {
  it('escapes every pipe so GitHub never splits the cell, also inside code spans', () => {
    expect(tableCell(codeSpan('target=pd|tikv'))).toBe('`target=pd\\|tikv`');
    expect(tableCell('a | b\nc')).toBe('a \\| b c');
  });

  it('adds a backslash only where the run before a pipe is even (GitHub reads them in pairs)', () => {
    expect(tableCell(plainText('a|b'))).toBe('a\\|b');
    expect(tableCell(plainText('a\\|b'))).toBe('a\\\\\\|b');
    expect(tableCell('`a\\\\|b`')).toBe('`a\\\\\\|b`');
  });
});

describe('markdownTable', () => {
  it('writes a header, a delimiter with alignment and one line per row', () => {
    expect(
      markdownTable(['Chaos type', { header: 'Wins', align: 'right' }], [[codeSpan('a|b'), '1/3']]),
    ).toBe('| Chaos type | Wins |\n|---|--:|\n| `a\\|b` | 1/3 |');
  });

  it('pads short rows and rejects rows with more cells than the header', () => {
    expect(markdownTable(['A', 'B'], [['x']])).toBe('| A | B |\n|---|---|\n| x |  |');
    expect(() => markdownTable(['A'], [['x', 'y']])).toThrow(
      'table row has 2 cells; the header has 1',
    );
  });
});
