import * as core from '@actions/core';
import { actionInputSource, actionIO } from './action-io.js';
import { ACTION_INPUT_DEFAULTS } from './commands/command-actions.js';
import { ACTION_COMMANDS as COMMANDS } from './commands/registry.js';
import { runCommand } from './commands/run-command.js';

/** Inputs that action.yml gives a default, so they are set on every run and never "ignored". */
export const INPUTS_WITH_DEFAULTS: ReadonlySet<string> = new Set([
  'command',
  ...Object.keys(ACTION_INPUT_DEFAULTS),
]);

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const io = actionIO(env);
  try {
    const inputs = actionInputSource(env);
    const command = inputs.get('command') ?? 'analyze';
    const exitCode = await runCommand(COMMANDS, command, inputs, io, INPUTS_WITH_DEFAULTS);
    if (exitCode !== 0) core.setFailed(`${command} finished with exit code ${exitCode}`);
  } catch (error) {
    core.setFailed(io.masker.mask((error as Error).message));
  }
}
