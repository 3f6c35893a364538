import { appendFileSync } from 'node:fs';
import { actionInputSource, actionIO } from './action-io.js';
import { commandFailure } from './core/command-summaries.js';
import { ACTION_INPUT_DEFAULTS } from './commands/command-actions.js';
import type { CommandIO } from './commands/command.js';
import { commandsFor } from './commands/lazy-registry.js';
import { runCommand } from './commands/run-command.js';
import { setFailed, workflowCommand } from './runner-commands.js';
import { beforeForcedExit, signalExitCode } from './signals.js';

/** Inputs that action.yml gives a default, so they are set on every run and never "ignored". */
export const INPUTS_WITH_DEFAULTS: ReadonlySet<string> = new Set([
  'command',
  ...Object.keys(ACTION_INPUT_DEFAULTS),
]);

/** Exit codes with a meaning of their own (documented in README). */
const EXIT_MEANINGS: Record<number, string> = {
  124: 'timed out',
  130: 'was interrupted (SIGINT)',
  143: 'was interrupted (SIGTERM)',
};

/**
 * Every failure ends the same way: one `::error::` line and a job summary saying what happened,
 * also when the process must exit before the command stopped (a signal it did not honour in time).
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const io = actionIO(env);
  const inputs = actionInputSource(env);
  const command = inputs.get('command') ?? 'analyze';
  let finished = false;
  beforeForcedExit((signal) => {
    if (finished) return;
    finished = true;
    const message = `${command} was interrupted by ${signal} before it could stop by itself; run it again to resume`;
    setFailed(message);
    if (env.GITHUB_STEP_SUMMARY)
      appendFileSync(env.GITHUB_STEP_SUMMARY, failureSummary(command, message));
  });
  let failure: { message: string; exitCode: number } | undefined;
  try {
    const exitCode = await runCommand(
      await commandsFor('action', command),
      command,
      inputs,
      io,
      INPUTS_WITH_DEFAULTS,
    );
    if (exitCode !== 0) {
      const meaning = EXIT_MEANINGS[exitCode] ?? 'failed';
      failure = { message: `${command} ${meaning} (exit code ${exitCode})`, exitCode };
    }
  } catch (error) {
    const message = io.masker.mask((error as Error).message);
    failure = { message, exitCode: signalExitCode() ?? 1 };
  }
  if (finished) return;
  finished = true;
  if (failure) await fail(io, command, failure.message, failure.exitCode);
}

async function fail(
  io: CommandIO,
  command: string,
  message: string,
  exitCode: number,
): Promise<void> {
  setFailed(message);
  process.exitCode = exitCode;
  try {
    await io.appendSummary(failureSummary(command, message));
  } catch (error) {
    workflowCommand('warning', `Could not write the job summary: ${(error as Error).message}`);
  }
}

function failureSummary(command: string, message: string): string {
  // Blank lines around it: the summary may already hold other blocks.
  return `\n${commandFailure(command, message)}\n`;
}
