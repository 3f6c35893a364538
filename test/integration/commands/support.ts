/** Runs a registered command in-process with a recording CommandIO, as the action and CLI do. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_COMMANDS } from '../../../src/commands/registry.js';
import { runCommand } from '../../../src/commands/run-command.js';
import type { MemoryLogger } from '../../../src/logger.js';
import { inputSource, recordingIO } from '../../support/command-io.js';

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

export async function runTestCommand(
  name: string,
  inputs: Record<string, string | undefined>,
  options: { env?: NodeJS.ProcessEnv; cwd?: string; surface?: 'action' | 'cli' } = {},
): Promise<CommandRun> {
  const { io, masker, logger, outputs, printed } = recordingIO({
    surface: options.surface ?? 'cli',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    cwd: options.cwd ?? process.cwd(),
  });
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
