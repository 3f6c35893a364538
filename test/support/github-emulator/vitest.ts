/** Vitest wiring: one emulator per file, reset before each test, violations fail the test. */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions } from './server.js';

export interface UseGitHubEmulatorOptions extends GitHubEmulatorOptions {
  /** After each test, throw if violations were recorded (default true). */
  failOnViolations?: boolean;
}

/**
 * Registers beforeAll/beforeEach/afterEach/afterAll hooks and returns a live handle to the emulator
 * (a proxy: read it inside tests and hooks, not at module load).
 */
export function useGitHubEmulator(options: UseGitHubEmulatorOptions = {}): GitHubEmulator {
  let current: GitHubEmulator | undefined;
  const { failOnViolations = true, ...emulatorOptions } = options;
  beforeAll(async () => {
    current = await startGitHubEmulator(emulatorOptions);
  });
  beforeEach(() => current?.reset());
  afterEach(() => {
    if (failOnViolations) current?.assertNoViolations();
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as GitHubEmulator, {
    get(_target, property) {
      if (!current) throw new Error('github-emulator: used outside a test (not started yet)');
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(current)
        : value;
    },
  });
}
