/**
 * PostgreSQL's own programs as child processes: `initdb` once, then the `postgres` server, both
 * optionally as another user (root may not run PostgreSQL). Output is kept as a short tail for
 * the one-line error when either fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { LineTail } from './output-tail.js';

export interface RunAs {
  uid: number;
  gid: number;
}

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** Thrown when a program fails; `detail` is its last meaningful output line. */
export class PostgresProcessError extends Error {
  constructor(
    message: string,
    readonly detail: string,
    readonly tail: string[],
  ) {
    super(message);
    this.name = 'PostgresProcessError';
  }
}

const READY = 'database system is ready to accept connections';
const STOP_GRACE_MS = 10_000;

function launch(file: string, args: readonly string[], runAs: RunAs | undefined): ChildProcess {
  return spawn(file, [...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
}

function collect(child: ChildProcess, tail: LineTail, onLine?: (line: string) => void): void {
  let pending = '';
  const onData = (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      tail.push(line);
      onLine?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
}

function lastMeaningful(lines: readonly string[], fallback: string): string {
  const error = [...lines].reverse().find((l) => /\b(error|fatal|panic)\b|denied|cannot/i.test(l));
  return (error ?? lines.at(-1) ?? fallback).trim();
}

export async function runInitdb(
  binaries: PostgresBinaries,
  args: readonly string[],
  runAs?: RunAs,
): Promise<void> {
  const tail = new LineTail(20);
  const child = launch(binaries.initdb, args, runAs);
  collect(child, tail);
  const outcome = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  if (outcome.code === 0) return;
  const detail = outcome.error?.message ?? lastMeaningful(tail.get(), `exit code ${outcome.code}`);
  throw new PostgresProcessError(`initdb failed: ${detail}`, detail, tail.get());
}

export interface PostgresProcess {
  /** Fast shutdown (SIGINT), SIGKILL if it has not exited after 10 s. */
  stop(): Promise<void>;
  /** Synchronous SIGKILL, for exit hooks. */
  kill(): void;
}

/** Starts the server and resolves once it accepts connections. */
export async function startPostgres(
  binaries: PostgresBinaries,
  args: readonly string[],
  runAs?: RunAs,
): Promise<PostgresProcess> {
  const tail = new LineTail(20);
  const child = launch(binaries.postgres, args, runAs);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string) => {
      const detail = lastMeaningful(tail.get(), why);
      reject(new PostgresProcessError(`postgres did not start: ${detail}`, detail, tail.get()));
    };
    collect(child, tail, (line) => {
      if (line.includes(READY)) resolve();
    });
    child.once('error', (error) => fail(error.message));
    child.once('close', (code, signal) => fail(`exited with ${signal ?? `code ${code}`}`));
  });
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
