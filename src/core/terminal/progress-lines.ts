import { isFinished, totalsOf } from '../progress.js';
import { renderProgressLine, type ProgressReporter } from './progress-view.js';

const LINE_INTERVAL_MS = 60_000;

/**
 * Progress where nothing can be redrawn (a pipe, an Actions log): the first state, then at most a
 * line a minute, and the finished state.
 */
export function lineProgress(
  write: (line: string) => void,
  now: () => number = Date.now,
  intervalMs = LINE_INTERVAL_MS,
): ProgressReporter {
  let last: number | undefined;
  let finishedShown = false;
  return {
    update(view) {
      if (isFinished(totalsOf(view.snapshot))) {
        if (!finishedShown) write(renderProgressLine(view));
        finishedShown = true;
      } else if (last === undefined || now() - last >= intervalMs) {
        write(renderProgressLine(view));
        last = now();
      }
    },
    stop: () => undefined,
  };
}
