let controller: AbortController | undefined;
let received: NodeJS.Signals | undefined;
const forcedExitHooks: ((signal: NodeJS.Signals) => void)[] = [];

/**
 * After the first signal the command has this long to stop by itself (its waits, connect retries
 * and queries all end on the abort) before the process exits anyway. The runner sends SIGTERM
 * 7.5 s after SIGINT on a cancelled job; either way we are gone within 2 s.
 */
const FORCED_EXIT_MS = 1_500;

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * The first Ctrl-C (or the runner's SIGINT/SIGTERM on a cancelled job) asks the running command to
 * stop cleanly; a second one exits at once. One process runs one command, so this is set up once.
 */
export function abortOnSignals(): AbortSignal {
  if (controller) return controller.signal;
  const current = new AbortController();
  controller = current;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = EXIT_CODES[signal] ?? 1;
    if (current.signal.aborted) process.exit(code);
    received = signal;
    process.stderr.write(
      `Received ${signal}: stopping. Everything written so far is kept; run the command again to resume.\n`,
    );
    current.abort(new Error(`received ${signal}`));
    setTimeout(() => {
      for (const hook of forcedExitHooks) {
        try {
          hook(signal);
        } catch {
          // exiting regardless
        }
      }
      process.exit(code);
    }, FORCED_EXIT_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return current.signal;
}

/** The conventional exit code (128 + signal number) once a signal was received. */
export function signalExitCode(): number | undefined {
  return received ? (EXIT_CODES[received] ?? 1) : undefined;
}

/** Runs synchronously just before a forced exit (the command did not stop in time). */
export function beforeForcedExit(hook: (signal: NodeJS.Signals) => void): void {
  forcedExitHooks.push(hook);
}
