/**
 * Seed step 4 before step 5: the changed packages' test suites run before any image is built. The
 * PR comment of a failed run names the failing command and shows the end of its output. Pure.
 */
import { codeBlock, codeSpan, joinBlocks, plainText } from './markdown/index.js';

export interface TestCommandResult {
  command: string;
  passed: boolean;
  /** Exit code, signal or timeout, e.g. "exit code 1". */
  end: string;
  /** The last lines of its output (masked). */
  tail: string[];
  seconds: number;
}

export function parseTestCommands(field: string, value: string): string[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return `Invalid ${field}: expected a JSON list of command lines (the plan's test-commands output), e.g. ["uv run pytest subjects/tikv/observer/tests/ -x -q"]`;
  }
  if (!Array.isArray(parsed) || !parsed.every((c) => typeof c === 'string' && c.trim() !== '')) {
    return `Invalid ${field}: expected a JSON list of non-empty command lines, got ${value.slice(0, 80)}`;
  }
  return parsed as string[];
}

export function renderTestFailure(
  failed: TestCommandResult,
  passed: readonly TestCommandResult[],
  skipped: readonly string[],
  runUrl: string | undefined,
): string {
  return joinBlocks(
    '## ❌ Tests failed before the images were built',
    `${codeSpan(failed.command)} ended with ${plainText(failed.end)} after ${failed.seconds.toFixed(0)} s, so no image was built and no retry campaign was enqueued for this merge.`,
    `<details open><summary>Last ${failed.tail.length} lines of its output</summary>`,
    codeBlock(failed.tail.join('\n') || '(no output)'),
    '</details>',
    passed.length > 0 && `Passed before it: ${passed.map((p) => codeSpan(p.command)).join(', ')}.`,
    skipped.length > 0 && `Not run: ${skipped.map(codeSpan).join(', ')}.`,
    `Fix the tests in a new PR (it can say \`Fixes #N\` of the same diagnosis issue); merging it runs the tests, the build and the retry again.${runUrl ? ` [Run](${runUrl})` : ''}`,
  );
}
