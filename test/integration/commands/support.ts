/** Runs a registered command in-process with a recording CommandIO, as the action and CLI do. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandIO, InputSource } from '../../../src/commands/command.js';
import { ACTION_COMMANDS } from '../../../src/commands/registry.js';
import { runCommand } from '../../../src/commands/run-command.js';
import { memoryLogger, SecretMasker, type MemoryLogger } from '../../../src/logger.js';

export const STANDIN = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/eval-worker-standin.mjs',
);

export interface CommandRun {
  code: number;
  error: Error | undefined;
  outputs: Record<string, string>;
  printed: string[];
  logger: MemoryLogger;
  log: string;
}

export function inputSource(values: Record<string, string | undefined>): InputSource {
  return {
    get: (name) => {
      const value = values[name];
      return value === undefined || value.trim() === '' ? undefined : value;
    },
    givenNames: () => Object.keys(values).filter((k) => values[k] !== undefined),
  };
}

export async function runTestCommand(
  name: string,
  inputs: Record<string, string | undefined>,
  options: { env?: NodeJS.ProcessEnv; cwd?: string; surface?: 'action' | 'cli' } = {},
): Promise<CommandRun> {
  const masker = new SecretMasker();
  const logger = memoryLogger(masker);
  const outputs: Record<string, string> = {};
  const printed: string[] = [];
  const io: CommandIO = {
    surface: options.surface ?? 'cli',
    logger,
    masker,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    cwd: options.cwd ?? process.cwd(),
    setOutput: (key, value) => {
      outputs[key] = masker.mask(String(value));
    },
    appendSummary: async () => undefined,
    print: (text) => {
      printed.push(masker.mask(text));
    },
  };
  let code = 1;
  let error: Error | undefined;
  try {
    code = await runCommand(ACTION_COMMANDS, name, inputSource(inputs), io);
  } catch (caught) {
    error = caught as Error;
    logger.error(masker.mask(error.message));
  }
  return { code, error, outputs, printed, logger, log: `${logger.text()}\n${printed.join('\n')}` };
}
