let controller: AbortController | undefined;

/**
 * The first Ctrl-C (or the runner's SIGINT/SIGTERM on a cancelled job) asks the running command to
 * stop cleanly; a second one exits at once. One process runs one command, so this is set up once.
 */
export function abortOnSignals(): AbortSignal {
  if (controller) return controller.signal;
  const current = new AbortController();
  controller = current;
  const onSignal = (signal: NodeJS.Signals) => {
    if (current.signal.aborted) process.exit(130);
    current.abort(new Error(`received ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return current.signal;
}
