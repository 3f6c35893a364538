/**
 * GFM tables. Cells are split on unescaped pipes before any inline parsing, even inside code spans,
 * so every cell goes through `tableCell`; a row always has exactly as many cells as its header.
 */

/**
 * One cell's Markdown made safe for a table row: line breaks flattened and every pipe escaped.
 * GitHub's row scanner reads backslashes in pairs, so a pipe after an even run of backslashes
 * (none, or an escaped backslash) gets one more; after an odd run it is already escaped.
 */
export function tableCell(markdown: string): string {
  return markdown
    .replace(/\r\n?|\n/g, ' ')
    .replace(/(\\*)\|/g, (_, slashes: string) =>
      slashes.length % 2 === 0 ? `${slashes}\\|` : `${slashes}|`,
    )
    .trim();
}

type Align = 'left' | 'right' | 'center';

export interface Column {
  header: string;
  align?: Align;
}

const DELIMITER: Record<Align, string> = { left: ':--', right: '--:', center: ':-:' };

/** A table with a header row; rows shorter than the header are padded, longer ones rejected. */
export function markdownTable(
  columns: readonly (Column | string)[],
  rows: readonly (readonly string[])[],
): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  const line = (cells: readonly string[]) => `| ${cells.map(tableCell).join(' | ')} |`;
  const body = rows.map((row) => {
    if (row.length > cols.length) {
      throw new Error(`table row has ${row.length} cells; the header has ${cols.length}`);
    }
    return line([...row, ...Array<string>(cols.length - row.length).fill('')]);
  });
  const delimiter = `|${cols.map((c) => (c.align ? DELIMITER[c.align] : '---')).join('|')}|`;
  return [line(cols.map((c) => c.header)), delimiter, ...body].join('\n');
}
