import type { AnyCommand } from './command.js';
import { analyzeCommand } from './analyze.js';
import { waitCommand } from './wait.js';
import { buildCommand } from './build.js';
import { planCommand } from './plan.js';
import { retryCommand } from './retry.js';
import { workerCommand } from './worker.js';
import { compareCommand } from './compare.js';
import { finalizeCommand } from './finalize.js';
import { reconcileCommand } from './reconcile.js';
import { verifyCommand } from './verify.js';

function registry(commands: AnyCommand[]): ReadonlyMap<string, AnyCommand> {
  return new Map(commands.map((command) => [command.name, command]));
}

/** Commands of the action (`command` input). The CLI adds its own (see cli-commands.ts). */
export const ACTION_COMMANDS = registry([
  analyzeCommand as AnyCommand,
  waitCommand as AnyCommand,
  planCommand as AnyCommand,
  verifyCommand as AnyCommand,
  buildCommand as AnyCommand,
  retryCommand as AnyCommand,
  workerCommand as AnyCommand,
  ...([compareCommand, finalizeCommand, reconcileCommand] as AnyCommand[]),
]);

export function withCommands(
  base: ReadonlyMap<string, AnyCommand>,
  extra: AnyCommand[],
): ReadonlyMap<string, AnyCommand> {
  return registry([...base.values(), ...extra]);
}
