/**
 * The `via-cli` path of `retry`: enqueue with the harness's own CLI,
 * `uv run eval run campaign <yaml> --cloud=gcp`, and read the new campaign's id from its output
 * (`Created campaign <id> in cloud database`, cli.py @ c766b4b). argv only, no shell; the
 * database URL reaches the child through EVAL_DATABASE_URL in its environment, never argv.
 */
import type { Logger } from '../logger.js';
import { clipLine, LineTail } from './output-tail.js';
import { runLines } from './run-lines.js';

const DEFAULT_EVAL_COMMAND: readonly string[] = ['uv', 'run', 'eval'];

export interface EvalCliOptions {
  /** Executable and leading arguments; default `uv run eval`. */
  command?: readonly string[];
  /** The harness directory (`eval/`). */
  cwd: string;
  /** The child's environment on top of ours (PATH here also finds the executable). */
  env?: Record<string, string | undefined>;
  logger: Logger;
  timeoutMs: number;
  mask?: (text: string) => string;
}

class EvalCliError extends Error {
  override readonly name = 'EvalCliError';
  constructor(
    message: string,
    readonly details: { exitCode?: number; signal?: string; tail: string[] },
  ) {
    super(message);
  }
}

const CREATED = /^\s*Created campaign ([1-9][0-9]{0,15}) in cloud database\s*$/m;

/** The campaign id the harness printed, or undefined. */
function parseCreatedCampaign(output: string): number | undefined {
  const match = CREATED.exec(output);
  return match ? Number(match[1]) : undefined;
}

function evalRunCampaignArgv(command: readonly string[], yamlPath: string): string[] {
  return [...command, 'run', 'campaign', yamlPath, '--cloud=gcp'];
}

/** Runs the enqueue and returns the created campaign's id; throws EvalCliError otherwise. */
export async function runEvalCampaign(yamlPath: string, options: EvalCliOptions): Promise<number> {
  const mask = options.mask ?? ((text: string) => text);
  const [file, ...args] = evalRunCampaignArgv(options.command ?? DEFAULT_EVAL_COMMAND, yamlPath);
  const tail = new LineTail(40);
  let created: number | undefined;
  return options.logger.group(`${[file, ...args].join(' ')}`, async () => {
    const result = await runLines(file!, args, {
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.env !== undefined ? { env: options.env } : {}),
      timeoutMs: options.timeoutMs,
      onLine(line) {
        const text = clipLine(mask(line));
        tail.push(text);
        options.logger.info(text);
        created ??= parseCreatedCampaign(line);
      },
    });
    const lines = tail.get();
    const tailText = lines.length
      ? `\n--- last ${lines.length} lines ---\n${lines.join('\n')}`
      : '';
    if (result.failed) {
      const how = result.timedOut
        ? `timed out after ${options.timeoutMs / 1000} s`
        : result.signal
          ? `was killed by signal ${result.signal}`
          : result.exitCode !== undefined
            ? `failed with exit code ${result.exitCode}`
            : `could not run '${file}': ${mask(result.shortMessage ?? '')}`;
      throw new EvalCliError(`eval run campaign ${how}${tailText}`, {
        ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
        ...(result.signal ? { signal: result.signal } : {}),
        tail: lines,
      });
    }
    if (created === undefined) {
      throw new EvalCliError(
        `eval run campaign succeeded but printed no 'Created campaign <id> in cloud database' line${tailText}`,
        { exitCode: result.exitCode ?? 0, tail: lines },
      );
    }
    return created;
  });
}
