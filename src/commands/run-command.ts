import { InputError } from '../core/inputs.js';
import type { AnyCommand, CommandIO, InputSource } from './command.js';

/**
 * The one path every command takes on both surfaces: look the command up, mask secrets, warn
 * about inputs it ignores, validate everything, then run.
 */
export async function runCommand(
  registry: ReadonlyMap<string, AnyCommand>,
  name: string,
  inputs: InputSource,
  io: CommandIO,
  alwaysSetInputs: ReadonlySet<string> = new Set(),
): Promise<number> {
  const command = registry.get(name);
  const available = [...registry.values()]
    .filter((c) => c.surfaces.includes(io.surface))
    .map((c) => c.name);
  if (!command || !command.surfaces.includes(io.surface)) {
    throw new InputError(`Unknown command '${name}' — expected one of: ${available.join(', ')}`);
  }
  for (const [input, spec] of Object.entries(command.inputs)) {
    if (spec.secret) io.masker.add(inputs.get(input));
  }
  for (const given of inputs.givenNames()) {
    if (!(given in command.inputs) && given !== 'command' && !alwaysSetInputs.has(given)) {
      io.logger.warning(`Input '${given}' is ignored by the '${command.name}' command.`);
    }
  }
  const parsed: unknown = command.parse(inputs, io);
  // In a workflow this is the step's first log line: it comes before the command's heavy modules load.
  if (io.surface === 'action') io.logger.info(startLine(command, inputs));
  return (await command.run(parsed, io)) ?? 0;
}

/** The command and its given inputs, once they are valid; secrets are left out. */
function startLine(command: AnyCommand, inputs: InputSource): string {
  const given = Object.entries(command.inputs)
    .filter(([name, spec]) => !spec.secret && inputs.get(name) !== undefined)
    .map(([name]) => `${name}=${inputs.get(name)}`);
  return `Running ${command.name}${given.length ? ` (${given.join(', ')})` : ''}`;
}
