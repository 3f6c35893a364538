export { codeSpan, htmlText, plainText } from './inline.js';
export { bulletList, codeBlock, joinBlocks } from './blocks.js';
export { markdownTable, tableCell, type Align, type Column } from './table.js';
export {
  capText,
  clampMarkdown,
  describeCap,
  ERROR_TEXT_CAP,
  truncationNote,
  type CappedText,
  type TextCap,
} from './truncate.js';
