/**
 * Block Markdown writers: fenced code, lists that always come with a lead, and the joiner that
 * puts blocks together with the blank lines GitHub needs.
 */

/** A fenced code block whose fence is longer than any backtick run inside (at least three). */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/**
 * A bullet list after its lead (a heading or a sentence). Two lists separated only by a blank line
 * merge into one on GitHub; because every list carries its own lead, that cannot happen. Items are
 * single lines: line breaks inside an item become spaces.
 */
export function bulletList(lead: string, items: readonly string[]): string {
  if (items.length === 0) return lead;
  return `${lead}\n\n${items.map((item) => `- ${item.replace(/\s*(?:\r\n?|\n)\s*/g, ' ')}`).join('\n')}`;
}

/** Blocks joined by blank lines; empty ones are left out. */
export function joinBlocks(...blocks: readonly (string | false | null | undefined)[]): string {
  return blocks.filter((b): b is string => typeof b === 'string' && b.trim() !== '').join('\n\n');
}
