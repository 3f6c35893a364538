/** Runs one child process to its end, line by line, with a deadline: what builds and `eval` share. */
import { execa } from 'execa';

export interface LineRunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to stdin; without it stdin is closed. */
  input?: string;
  timeoutMs: number;
  /** SIGKILL this long after the SIGTERM of a timeout (default 5 s). */
  killGraceMs?: number;
  killDescendants?: boolean;
  /** stdout and stderr interleaved, one line at a time, nothing buffered. */
  onLine(line: string): void;
}

export interface LineRunResult {
  failed: boolean;
  timedOut: boolean;
  signal?: string;
  exitCode?: number;
  shortMessage?: string;
}

export async function runLines(
  file: string,
  args: readonly string[],
  options: LineRunOptions,
): Promise<LineRunResult> {
  const subprocess = execa(file, [...args], {
    cwd: options.cwd,
    env: options.env,
    extendEnv: true,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
    all: true,
    buffer: false,
    timeout: options.timeoutMs,
    killSignal: 'SIGTERM',
    forceKillAfterDelay: options.killGraceMs ?? 5000,
    ...(options.killDescendants ? { killDescendants: true } : {}),
    reject: false,
  });
  for await (const line of subprocess.iterable({ from: 'all' })) options.onLine(line);
  const result = await subprocess;
  return {
    failed: result.failed,
    timedOut: result.timedOut,
    ...(result.signal ? { signal: result.signal } : {}),
    ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
    ...(result.shortMessage !== undefined ? { shortMessage: result.shortMessage } : {}),
  };
}
