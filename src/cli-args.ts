import { InputError } from './core/inputs.js';
import type { AnyCommand, InputSource } from './commands/command.js';

/**
 * Turns `analyze 42 --target 85% --json` into an input source keyed like the action's inputs.
 * Flags are the input names (`--target-win-rate`) or their short aliases (`--target`).
 */
export function parseCliArgs(command: AnyCommand, args: readonly string[]): InputSource {
  const values = new Map<string, string>();
  const byFlag = new Map<string, string>();
  for (const [name, spec] of Object.entries(command.inputs)) {
    byFlag.set(name, name);
    if (spec.cliAlias) byFlag.set(spec.cliAlias, name);
  }
  const positional = Object.entries(command.inputs)
    .filter(([, spec]) => spec.positional !== undefined)
    .sort(([, a], [, b]) => (a.positional ?? 0) - (b.positional ?? 0))
    .map(([name]) => name);
  let nextPositional = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      const name = positional[nextPositional++];
      if (!name)
        throw new InputError(`Unexpected argument '${arg}' for '${command.name}' (see --help)`);
      values.set(name, arg);
      continue;
    }
    const [flag, inline] = splitOnce(arg.slice(2), '=');
    const name = byFlag.get(flag);
    if (!name) throw new InputError(`Unknown option --${flag} for '${command.name}' (see --help)`);
    if (command.inputs[name]!.flag) {
      values.set(name, inline ?? 'true');
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new InputError(`Option --${flag} needs a value`);
    values.set(name, value);
  }
  return {
    get: (name) => {
      const value = values.get(name);
      return value === undefined || value === '' ? undefined : value;
    },
    givenNames: () => [...values.keys()],
  };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

export function commandHelp(command: AnyCommand): string {
  const positional = Object.entries(command.inputs)
    .filter(([, s]) => s.positional !== undefined)
    .map(([n]) => `<${n}>`);
  const lines = [
    `iterate-campaign ${command.name} ${positional.join(' ')}`.trimEnd(),
    '',
    command.description,
    '',
  ];
  for (const [name, spec] of Object.entries(command.inputs)) {
    if (spec.positional !== undefined) continue;
    const flag = `--${spec.cliAlias ?? name}${spec.flag ? '' : ' <value>'}`;
    lines.push(`  ${flag.padEnd(28)} ${spec.description}`);
  }
  return lines.join('\n');
}
