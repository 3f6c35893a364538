/**
 * What a Markdown body turns into under GFM (micromark with the GitHub extensions, as the browser
 * test renders it): the literal text of each inline code span, each table's header and row cell
 * counts, the items of each list, and the headings. For unit tests that check a value cannot break
 * the markup around it without starting a browser.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export interface MarkdownShape {
  html: string;
  /** Text of inline code spans (not code blocks), entities decoded. */
  codes: string[];
  tables: { headers: number; rows: number[]; cells: string[][] }[];
  /** Item texts of each list, in document order (reports nest no lists). */
  lists: string[][];
  headings: string[];
}

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);

export function markdownShape(markdown: string): MarkdownShape {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  const inline = html.replace(/<pre>[\s\S]*?<\/pre>/g, '');
  const tables = all(html, /<table>([\s\S]*?)<\/table>/g).map((table) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
    const cells = all(body, /<tr>([\s\S]*?)<\/tr>/g).map((row) =>
      all(row, /<td[^>]*>([\s\S]*?)<\/td>/g).map(decode),
    );
    return {
      headers: (head.match(/<th[\s>]/g) ?? []).length,
      rows: cells.map((r) => r.length),
      cells,
    };
  });
  return {
    html,
    codes: all(inline, /<code>([\s\S]*?)<\/code>/g).map(decode),
    tables,
    lists: all(html, /<ul>([\s\S]*?)<\/ul>/g).map((list) =>
      all(list, /<li>([\s\S]*?)<\/li>/g).map(decode),
    ),
    headings: all(html, /<h\d[^>]*>([\s\S]*?)<\/h\d>/g).map(decode),
  };
}
