/**
 * Injection strings for #34 and the Actions runner's reading of a step's output: which lines it
 * would take as workflow commands.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A file that exists only if a shell ever ran one of the strings below. */
export const MARKER = join(tmpdir(), `iterate-campaign-pwned-${randomBytes(4).toString('hex')}`);

/** Workflow commands a value tries to smuggle in, each on a line of its own. */
const INJECTED = [
  '::set-output name=pwned::1',
  '::error::pwned',
  '::add-mask::pwned',
  '::stop-commands::pwned',
  '::warning file=pwned::pwned',
];

export const ONE_LINE = `x$(touch ${MARKER}) \`touch ${MARKER}\` "; touch ${MARKER}; # <img src=x onerror=alert(1)> [pwned](javascript:alert(1)) {pwned: 1} **pwned**`;
export const MULTI_LINE = `x\n${INJECTED.join('\n')}\r\nimage: pwned\n- &a [*a]\n${ONE_LINE}`;

/**
 * Lines the runner would take as workflow commands: it trims each line of stdout and stderr, and
 * after `::stop-commands::<token>` processes none until the line `::<token>::`.
 */
export function commandLines(...streams: string[]): string[] {
  const commands: string[] = [];
  for (const text of streams) {
    let resume: string | undefined;
    for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
      if (resume !== undefined) {
        if (line === resume) resume = undefined;
      } else if (line.startsWith('::stop-commands::')) {
        resume = `::${line.slice('::stop-commands::'.length)}::`;
        commands.push(line);
      } else if (line.startsWith('::')) commands.push(line);
    }
  }
  return commands;
}

/** The injected commands that would reach the runner. */
export function injectedCommands(...streams: string[]): string[] {
  return commandLines(...streams).filter((line) => INJECTED.some((i) => line.startsWith(i)));
}
