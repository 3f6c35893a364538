/** Shortening that always says what was left out and where the rest is. */

export interface TextCap {
  /** Keep the last `lines` lines (the end of a traceback says the most). */
  lines: number;
  /** Cut each kept line to this many characters. */
  lineChars: number;
}

const ERROR_TEXT_CAP: TextCap = { lines: 20, lineChars: 100 };

export interface CappedText {
  text: string;
  droppedLines: number;
  cutLines: number;
}

/** The last `cap.lines` lines, each at most `cap.lineChars` characters (cut lines end in `…`). */
export function capText(text: string, cap: TextCap = ERROR_TEXT_CAP): CappedText {
  const all = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const kept = all.slice(Math.max(0, all.length - cap.lines));
  let cutLines = 0;
  const lines = kept.map((line) => {
    if ([...line].length <= cap.lineChars) return line;
    cutLines += 1;
    return `${[...line].slice(0, cap.lineChars - 1).join('')}…`;
  });
  return { text: lines.join('\n'), droppedLines: all.length - kept.length, cutLines };
}

/** What `capText` left out, in words, or '' when nothing was. */
export function describeCap(capped: CappedText, cap: TextCap = ERROR_TEXT_CAP): string {
  const parts: string[] = [];
  if (capped.droppedLines) {
    parts.push(
      `${capped.droppedLines} earlier line${capped.droppedLines === 1 ? '' : 's'} left out`,
    );
  }
  if (capped.cutLines) {
    parts.push(
      `${capped.cutLines} line${capped.cutLines === 1 ? '' : 's'} cut at ${cap.lineChars} characters`,
    );
  }
  return parts.join(', ');
}

/**
 * The note a shortened report starts with: which parts were dropped and where the full text is.
 * Rendered as a GitHub alert; elsewhere it reads as a quoted paragraph.
 */
export function truncationNote(dropped: readonly string[], where?: string): string {
  const what = dropped.length ? `: ${dropped.join('; ')}` : '';
  const rest = where ? ` ${where}` : '';
  return `> [!NOTE]\n> Shortened to fit GitHub's size limit${what}.${rest}`;
}

/**
 * The last resort when a body is still too long: cut at a line boundary (never inside a surrogate
 * pair, never leaving a code fence open) and put a note first saying how much was cut and where
 * the rest is. Text that fits is returned as is.
 */
export function clampMarkdown(text: string, max: number, link?: string): string {
  if (text.length <= max) return text;
  const noteFor = (cut: number) =>
    truncationNote(
      [`the last ${cut} characters were cut`],
      `Full results: ${link ?? 'the job summary of the run'}.`,
    );
  const room = Math.max(0, max - noteFor(text.length).length - 8);
  let cut = text.slice(0, room);
  const lastNewline = cut.lastIndexOf('\n');
  if (lastNewline > 0) cut = cut.slice(0, lastNewline);
  cut = dropBrokenSurrogate(cut);
  cut = dropOpenFence(cut);
  return `${noteFor(text.length - cut.length)}\n\n${cut}`.slice(0, max);
}

/** A cut through a fenced block (a chart, a traceback) drops that block whole. */
function dropOpenFence(text: string): string {
  const lines = text.split('\n');
  let open: { index: number; fence: string } | null = null;
  lines.forEach((line, index) => {
    const match = /^\s*(`{3,}|~{3,})/.exec(line);
    if (!match) return;
    const fence = match[1]!;
    if (!open) open = { index, fence };
    else if (
      fence[0] === open.fence[0] &&
      fence.length >= open.fence.length &&
      line.trim() === fence
    )
      open = null;
  });
  return open
    ? lines
        .slice(0, (open as { index: number }).index)
        .join('\n')
        .trimEnd()
    : text;
}

function dropBrokenSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}
