import type { CommandIO, Surface } from '../command-io.js';

export type { CommandIO, Surface };

export interface InputSpec {
  description: string;
  /** Masked in every log line as soon as it is read. */
  secret?: boolean;
  /** A CLI switch that takes no value (`--json`). */
  flag?: boolean;
  /** Position among the CLI's positional arguments. */
  positional?: number;
  /** Short CLI spelling (`--target` for `target-win-rate`). */
  cliAlias?: string;
  /**
   * The command fails without it (`required: true` in the command's action.yml). An input with a
   * fallback the runner provides (github-token, merge-sha) is not required.
   */
  required?: boolean;
}

/** Raw input values by kebab-case name; empty strings count as not given. */
export interface InputSource {
  get(name: string): string | undefined;
  /** Names of every input that was given a value, for "ignored input" warnings. */
  givenNames(): string[];
}

export interface Command<Parsed> {
  name: string;
  description: string;
  surfaces: readonly Surface[];
  inputs: Readonly<Record<string, InputSpec>>;
  /** Step outputs it sets on the action surface: name → description (its action.yml lists them). */
  outputs: Readonly<Record<string, string>>;
  /** Validates every input before any side effect; throws InputError naming the field. */
  parse(inputs: InputSource, io: CommandIO): Parsed;
  /** Returns the process exit code (0 unless said otherwise). */
  run(parsed: Parsed, io: CommandIO): Promise<number | void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any>;

export function defineCommand<Parsed>(command: Command<Parsed>): Command<Parsed> {
  return command;
}
