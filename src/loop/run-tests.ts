/**
 * Runs the plan's test commands one after another (seed step 4), stopping at the first failure.
 * Each command is a shell line as upstream writes it (`cd eval && uv run pytest …`), run with bash
 * from the repository root.
 */
import type { TestCommandResult } from '../core/test-report.js';
import { clipLine, LineTail } from '../process/output-tail.js';
import { runLines } from '../process/run-lines.js';
import type { Logger } from '../logger.js';

const TAIL_LINES = 60;

export interface RunTestsOptions {
  cwd: string;
  timeoutMs: number;
  logger: Pick<Logger, 'info' | 'group'>;
  mask: (text: string) => string;
}

export interface RunTestsResult {
  passed: TestCommandResult[];
  failed: TestCommandResult | undefined;
  skipped: string[];
}

export async function runTestCommands(
  commands: readonly string[],
  options: RunTestsOptions,
): Promise<RunTestsResult> {
  const passed: TestCommandResult[] = [];
  for (const [index, command] of commands.entries()) {
    const result = await options.logger.group(`Test: ${command}`, () => runOne(command, options));
    if (!result.passed) return { passed, failed: result, skipped: commands.slice(index + 1) };
    passed.push(result);
  }
  return { passed, failed: undefined, skipped: [] };
}

async function runOne(command: string, options: RunTestsOptions): Promise<TestCommandResult> {
  const tail = new LineTail(TAIL_LINES);
  const started = Date.now();
  const result = await runLines('bash', ['-c', command], {
    cwd: options.cwd,
    timeoutMs: options.timeoutMs,
    killDescendants: true,
    onLine: (line) => {
      const text = clipLine(options.mask(line));
      tail.push(text);
      options.logger.info(text);
    },
  });
  const end = result.timedOut
    ? `a timeout (${Math.round(options.timeoutMs / 60_000)} min)`
    : result.signal
      ? `signal ${result.signal}`
      : result.exitCode !== undefined
        ? `exit code ${result.exitCode}`
        : `a failure to start (${options.mask(result.shortMessage ?? 'unknown')})`;
  return {
    command,
    passed: !result.failed,
    end,
    tail: tail.get(),
    seconds: (Date.now() - started) / 1000,
  };
}
