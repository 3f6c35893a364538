/**
 * Inline Markdown writers. Every piece of outside text (chaos types, params, symptoms, errors)
 * reaches a report through one of these, so no value can break the surrounding markup.
 */

/**
 * A code span that shows `text` literally: the fence is one backtick longer than the longest run
 * inside (CommonMark has no backslash escapes in code spans), padded with a space when the text
 * starts or ends with a backtick or a space. Line breaks become spaces, as GitHub shows them.
 */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/\r\n?|\n/g, ' ');
  if (oneLine === '') return '';
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(oneLine) && oneLine.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/**
 * Plain text shown as typed: line breaks flattened, and escaped wherever Markdown or HTML would
 * read it (emphasis, code, links, tags, entities, pipes). Parentheses and braces mean nothing
 * without a bracket before them, and a `#` mid-text must stay an issue reference, so those are
 * left alone; what starts a block (a heading, a list item) is escaped only at the start.
 */
export function plainText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/([\\`*_[\]<>|~&])/g, '\\$1')
    .replace(/^(\s*)([#+=-]|\d+(?=[.)]))/, (_, space: string, lead: string) =>
      /^\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`,
    );
}

/** Text inside an HTML element such as `<summary>`. */
export function htmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n?|\n/g, ' ');
}
