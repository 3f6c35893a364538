/**
 * Supervises one long-running child (the harness's `eval worker start`, which never exits on its
 * own): streams its output line by line, polls `isDrained` and, once it says so, stops the child's
 * whole process group with SIGTERM, then SIGKILL after a grace period. Our own SIGINT/SIGTERM
 * (a cancelled job) are forwarded the same way, with a grace short enough to finish before the
 * runner's own kill (SIGINT, SIGTERM 7.5 s later, then the tree 2.5 s after that).
 *
 * The child runs in its own process group (`detached`), so `uv run` and the Python process it
 * starts are signalled together. argv only, never a shell.
 */
import { execa } from 'execa';
import type { Logger } from '../logger.js';
import { clipLine, LineTail } from './output-tail.js';

type StopReason = 'drained' | 'signal' | 'exited';

export interface SuperviseOptions {
  file: string;
  args: readonly string[];
  cwd: string;
  /** Added to our environment for the child. */
  env?: Record<string, string | undefined>;
  logger: Logger;
  /** Polled every `pollIntervalMs`; true stops the child. Errors are logged and retried. */
  isDrained: () => Promise<boolean>;
  pollIntervalMs: number;
  /** Between SIGTERM and SIGKILL after the campaign is drained. */
  graceMs: number;
  /** Between SIGTERM and SIGKILL after we were signalled ourselves; default min(graceMs, 5000). */
  cancelGraceMs?: number;
  /** Where our own SIGINT/SIGTERM arrive; default `process`. */
  signals?: SignalSource;
  /** Lines kept for the report; default 50. */
  tailLines?: number;
  /** Applied to every output line before it is logged or kept. */
  mask?: (text: string) => string;
}

interface SignalSource {
  on(event: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface SuperviseResult {
  reason: StopReason;
  /** The signal we forwarded when `reason` is `signal`. */
  receivedSignal?: NodeJS.Signals;
  exitCode?: number;
  /** Signal that ended the child, e.g. SIGTERM. */
  signal?: string;
  /** True when the child ignored SIGTERM and was killed with SIGKILL. */
  killed: boolean;
  tail: string[];
  /** Could not start at all (missing executable …). */
  spawnError?: string;
}

/** Signals the child's process group; falls back to the child alone. Never throws. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals, fallback: () => void): void {
  if (pid === undefined) return fallback();
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      fallback();
    } catch {
      // already gone
    }
  }
}

function cancellableSleep(ms: number): { promise: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let resolveSleep: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    resolveSleep = resolve;
    timer = setTimeout(resolve, ms);
  });
  return {
    promise,
    cancel: () => {
      clearTimeout(timer);
      resolveSleep();
    },
  };
}

export async function superviseWorker(options: SuperviseOptions): Promise<SuperviseResult> {
  const { logger } = options;
  const mask = options.mask ?? ((text: string) => text);
  const tail = new LineTail(options.tailLines ?? 50);
  const signals = options.signals ?? process;
  const subprocess = execa(options.file, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    extendEnv: true,
    detached: true,
    stdin: 'ignore',
    all: true,
    buffer: false,
    reject: false,
  });
  const pid = subprocess.pid;

  let reason: StopReason = 'exited';
  let receivedSignal: NodeJS.Signals | undefined;
  let killed = false;
  let killTimer: NodeJS.Timeout | undefined;
  let exited = false;
  let sleeping: { cancel: () => void } | undefined;

  const stop = (why: StopReason, graceMs: number) => {
    if (reason !== 'exited' || exited) return;
    reason = why;
    sleeping?.cancel();
    logger.info(
      `Stopping the worker (pid ${pid ?? '?'}) with SIGTERM; SIGKILL in ${graceMs / 1000} s if it is still running.`,
    );
    signalGroup(pid, 'SIGTERM', () => subprocess.kill('SIGTERM'));
    killTimer = setTimeout(() => {
      if (exited) return;
      killed = true;
      logger.warning(
        `The worker did not stop within ${graceMs / 1000} s of SIGTERM: sending SIGKILL.`,
      );
      signalGroup(pid, 'SIGKILL', () => subprocess.kill('SIGKILL'));
    }, graceMs);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    receivedSignal = signal;
    logger.warning(`Received ${signal}: stopping the worker.`);
    stop('signal', options.cancelGraceMs ?? Math.min(options.graceMs, 5000));
  };
  signals.on('SIGINT', onSignal);
  signals.on('SIGTERM', onSignal);

  const streaming = (async () => {
    for await (const line of subprocess.iterable({ from: 'all' })) {
      const text = clipLine(mask(line));
      tail.push(text);
      logger.info(text);
    }
  })().catch(() => undefined);
  const finished = subprocess.then((result) => {
    exited = true;
    sleeping?.cancel();
    return result;
  });

  try {
    while (!exited && reason === 'exited') {
      const sleep = cancellableSleep(options.pollIntervalMs);
      sleeping = sleep;
      await sleep.promise;
      sleeping = undefined;
      if (exited || reason !== 'exited') break;
      try {
        if (await options.isDrained()) stop('drained', options.graceMs);
      } catch (error) {
        logger.warning(
          `Could not read the campaign's progress (will retry): ${mask((error as Error).message)}`,
        );
      }
    }
    const result = await finished;
    await streaming;
    return {
      reason,
      ...(receivedSignal ? { receivedSignal } : {}),
      ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
      ...(result.signal ? { signal: result.signal } : {}),
      killed,
      tail: tail.get(),
      ...(result.exitCode === undefined && !result.signal
        ? { spawnError: mask(result.shortMessage ?? result.message ?? 'could not start') }
        : {}),
    };
  } finally {
    clearTimeout(killTimer);
    signals.off('SIGINT', onSignal);
    signals.off('SIGTERM', onSignal);
  }
}

/** One line on how the child ended, e.g. "exit code 0" or "signal SIGKILL". */
export function describeEnd(
  result: Pick<SuperviseResult, 'exitCode' | 'signal' | 'spawnError'>,
): string {
  if (result.spawnError) return `failed to start: ${result.spawnError}`;
  if (result.signal) return `signal ${result.signal}`;
  return `exit code ${result.exitCode ?? '?'}`;
}
