/**
 * Excerpts of harness worker logs per work item. The worker (eval/src/eval/runner/worker.py) handles
 * one item at a time and logs `Claimed work item <id>: <subject>/<chaos>` when it claims it and
 * `Work item <id> completed -> Trial <trial>` or `Work item <id> failed: …` when it is done; the
 * lines between belong to that item. Pure: text in, lines out.
 */

/** Lines kept per work item: the first and the last ones, with a marker for what was left out. */
export const LOG_EXCERPT_HEAD = 15;
export const LOG_EXCERPT_TAIL = 45;
const MAX_LINE = 400;

const CLAIM = /Claimed work item (\d+)\b/;
const DONE = /Work item (\d+) (?:completed|failed)\b/;
// Rich console.log, ANSI colours and our own log prefixes are noise in an excerpt.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The claim → completion lines of each wanted work item found in one log's text. */
export function excerptsByWorkItem(
  text: string,
  wanted: ReadonlySet<number>,
): Map<number, string[]> {
  const found = new Map<number, string[]>();
  let current: { id: number; lines: string[] } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(ANSI, '').trimEnd();
    const claim = CLAIM.exec(line);
    if (claim) {
      const id = Number(claim[1]);
      current = wanted.has(id) ? { id, lines: [] } : undefined;
    }
    if (!current) continue;
    current.lines.push(line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line);
    const done = DONE.exec(line);
    if (done && Number(done[1]) === current.id) {
      found.set(current.id, cap(current.lines));
      current = undefined;
    }
  }
  // A log that ends mid-item (the worker was stopped) still shows what it did.
  if (current && current.lines.length)
    found.set(current.id, cap([...current.lines, '(log ends here)']));
  return found;
}

function cap(lines: string[]): string[] {
  if (lines.length <= LOG_EXCERPT_HEAD + LOG_EXCERPT_TAIL + 1) return lines;
  const omitted = lines.length - LOG_EXCERPT_HEAD - LOG_EXCERPT_TAIL;
  return [
    ...lines.slice(0, LOG_EXCERPT_HEAD),
    `… ${omitted} lines left out …`,
    ...lines.slice(-LOG_EXCERPT_TAIL),
  ];
}

/** Cloud Logging for a trial (seed step 8), when the workers ran on GCP VMs. */
export function cloudLogsCommand(trialId: number): string {
  return `uv run eval logs ${trialId} --remote`;
}
