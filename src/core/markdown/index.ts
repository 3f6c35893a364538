export { codeSpan, htmlText, plainText } from './inline.js';
export { bulletList, codeBlock, joinBlocks } from './blocks.js';
export { markdownTable, tableCell } from './table.js';
export { capText, clampMarkdown, describeCap, truncationNote } from './truncate.js';
