import type { AnyCommand } from './command.js';
import { analyzeCommand } from './analyze.js';

function registry(commands: AnyCommand[]): ReadonlyMap<string, AnyCommand> {
  return new Map(commands.map((command) => [command.name, command]));
}

/** Commands of the action (`command` input). The CLI adds its own (see cli-commands.ts). */
export const ACTION_COMMANDS = registry([analyzeCommand as AnyCommand]);

export function withCommands(
  base: ReadonlyMap<string, AnyCommand>,
  extra: AnyCommand[],
): ReadonlyMap<string, AnyCommand> {
  return registry([...base.values(), ...extra]);
}
