import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { TerminalStyle } from './style.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Wraps to fit the terminal width (params, locations); the other columns keep their width. */
  flex?: boolean;
}

const GAP = 2;
const MIN_FLEX_WIDTH = 12;
const BORDERLESS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' '.repeat(GAP),
};

/** Display width in terminal cells: wide CJK and emoji count 2, ANSI colour codes 0. */
export const displayWidth = (text: string): number => stringWidth(text);

/**
 * An aligned table without borders: a header, a rule, the rows. Flexible columns wrap (by display
 * width, never inside a grapheme) so the table fits `style.width` columns after `indent`.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  style: TerminalStyle,
  options: { indent?: number; header?: boolean } = {},
): string {
  const indent = options.indent ?? 2;
  const widths = fitWidths(columns, rows, style.width - indent, options.header !== false);
  const table = new Table({
    chars: BORDERLESS,
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  const rule = style.symbols ? '─' : '-';
  if (options.header !== false) {
    table.push(columns.map((c) => c.header));
    table.push(widths.map((w) => rule.repeat(w)));
  }
  for (const row of rows) {
    table.push(row.map((cell, i) => (columns[i]?.flex ? wrapText(cell, widths[i]!) : cell)));
  }
  const pad = ' '.repeat(indent);
  return table
    .toString()
    .split('\n')
    .map((line) => `${pad}${line}`.trimEnd())
    .join('\n');
}

function fitWidths(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  available: number,
  header: boolean,
): number[] {
  const widths = columns.map((column, i) =>
    Math.max(
      header ? displayWidth(column.header) : 0,
      ...rows.map((row) => Math.max(0, ...(row[i] ?? '').split('\n').map(displayWidth))),
    ),
  );
  let excess = widths.reduce((a, b) => a + b, 0) + GAP * (columns.length - 1) - available;
  while (excess > 0) {
    let widest = -1;
    columns.forEach((column, i) => {
      if (
        column.flex &&
        widths[i]! > MIN_FLEX_WIDTH &&
        (widest < 0 || widths[i]! > widths[widest]!)
      )
        widest = i;
    });
    if (widest < 0) break;
    widths[widest]! -= 1;
    excess -= 1;
  }
  return widths;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// eslint-disable-next-line no-control-regex
const ANSI = /(\x1b\[[0-9;]*m)/;

/** Graphemes with their display width; colour codes are zero-width tokens that are never split. */
function tokens(text: string): { text: string; width: number }[] {
  const out: { text: string; width: number }[] = [];
  text.split(ANSI).forEach((part, i) => {
    if (i % 2 === 1) out.push({ text: part, width: 0 });
    else
      for (const { segment } of segmenter.segment(part))
        out.push({ text: segment, width: displayWidth(segment) });
  });
  return out;
}

/**
 * Breaks `text` into lines of at most `width` display cells, preferring a break after a space, a
 * comma or a hyphen in the second half of the line; a grapheme wider than the line gets a line of
 * its own. Colour codes pass through.
 */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  const join = (line: readonly { text: string }[]) => line.map((t) => t.text).join('');
  for (const paragraph of text.split('\n')) {
    let line: { text: string; width: number }[] = [];
    let lineWidth = 0;
    for (const token of tokens(paragraph)) {
      if (token.text === ' ' && lineWidth + token.width > width) {
        lines.push(join(line).trimEnd());
        line = [];
        lineWidth = 0;
        continue;
      }
      while (lineWidth + token.width > width && line.length > 0) {
        const cut = breakPoint(line);
        lines.push(join(line.slice(0, cut)).trimEnd());
        line = line.slice(cut);
        if (line[0]?.text === ' ') line = line.slice(1);
        lineWidth = line.reduce((n, t) => n + t.width, 0);
      }
      line.push(token);
      lineWidth += token.width;
    }
    lines.push(join(line).trimEnd());
  }
  return lines.join('\n');
}

function breakPoint(line: readonly { text: string }[]): number {
  for (let i = line.length - 1; i >= Math.floor(line.length / 2); i--) {
    const t = line[i]!.text;
    if (t === ' ' || t === ',' || t === '-') return i + 1;
  }
  return line.length;
}

/** Wraps to `width` cells and indents every line after the first by `indent` spaces. */
export function hangingIndent(text: string, width: number, indent: number): string {
  return wrapText(text, width)
    .split('\n')
    .join(`\n${' '.repeat(indent)}`);
}

/** Cuts `text` to `width` display cells with an ellipsis; text that fits is returned as is. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (displayWidth(out + segment) > width - 1) break;
    out += segment;
  }
  return `${out}…`;
}

/** `Label   value` lines with the values aligned; long values wrap under themselves. */
export function renderPairs(
  pairs: readonly (readonly [string, string])[],
  style: TerminalStyle,
  indent = 2,
): string {
  return renderTable(
    [{ header: '' }, { header: '', flex: true }],
    pairs.map(([k, v]) => [k, v]),
    style,
    { indent, header: false },
  );
}
