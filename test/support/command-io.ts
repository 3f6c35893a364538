/** The one CommandIO test double: records outputs, summary and printed text, masked as in a run. */
import type { CommandIO, InputSource, Surface } from '../../src/commands/command.js';
import { memoryLogger, SecretMasker, type MemoryLogger } from '../../src/logger.js';

export interface RecordingIO {
  io: CommandIO;
  masker: SecretMasker;
  logger: MemoryLogger;
  outputs: Record<string, string>;
  summary: string[];
  printed: string[];
}

export function recordingIO(
  options: { surface?: Surface; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): RecordingIO {
  const masker = new SecretMasker();
  const logger = memoryLogger(masker);
  const outputs: Record<string, string> = {};
  const summary: string[] = [];
  const printed: string[] = [];
  const io: CommandIO = {
    surface: options.surface ?? 'cli',
    logger,
    masker,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    setOutput: (key, value) => void (outputs[key] = masker.mask(String(value))),
    appendSummary: async (markdown) =>
      void summary.push(masker.mask(typeof markdown === 'function' ? markdown() : markdown)),
    print: (text) => void printed.push(masker.mask(text)),
  };
  return { io, masker, logger, outputs, summary, printed };
}

/** Inputs as the action and the CLI give them: empty strings count as not given. */
export function inputSource(values: Record<string, string | undefined>): InputSource {
  return {
    get: (name) => {
      const value = values[name];
      return value === undefined || value.trim() === '' ? undefined : value;
    },
    givenNames: () => Object.keys(values).filter((k) => values[k] !== undefined),
  };
}
