/** What a command (and the use-cases below it) may touch of the world it runs in. */
import type { ProgressReporter } from './core/terminal/progress-view.js';
import type { TerminalStyle } from './core/terminal/style.js';
import type { Logger, SecretMasker } from './logger.js';

/** Where a command runs: inside a workflow step, or in a terminal. */
export type Surface = 'action' | 'cli';

export interface CommandIO {
  surface: Surface;
  logger: Logger;
  masker: SecretMasker;
  env: NodeJS.ProcessEnv;
  cwd: string;
  setOutput(name: string, value: string | number | boolean): void;
  /** Markdown for the job summary; a function is called only when there is a summary to write. */
  appendSummary(markdown: string | (() => string)): Promise<void>;
  /** The command's main result: stdout in a terminal, the log in a workflow. */
  print(text: string): void;
  /**
   * How a report printed for people looks (colour, symbols, width): set in a terminal, where
   * reports default to text. Unset in a workflow, where they default to Markdown.
   */
  style?: TerminalStyle;
  /** A progress bar redrawn in place, when stderr is a TTY; otherwise waits log a line a minute. */
  liveProgress?(): ProgressReporter;
  /** Aborted on SIGINT/SIGTERM (a cancelled job, Ctrl-C): long waits stop and clean up. */
  signal?: AbortSignal;
}
