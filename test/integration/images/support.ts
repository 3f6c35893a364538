import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/images');
const INSTALL_HINT = 'run .ci/install-system-deps.sh (as root) to install it';

/** The test user of test/fixtures/images/registry/htpasswd (bcrypt, cost 4). Not a real secret. */
export const REGISTRY_USER = 'ci-user';
export const REGISTRY_PASSWORD = 'not-a-real-secret-9f2c';

/** Fails (never skips) when a system tool the real tests need is missing. */
export function requireTools(...tools: string[]): void {
  const missing = tools.filter(
    (tool) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', tool]).status !== 0,
  );
  if (missing.length > 0) {
    throw new Error(`${missing.join(' and ')} not installed: ${INSTALL_HINT}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface TestRegistry {
  /** `127.0.0.1:<port>` */
  host: string;
  dir: string;
  logs: () => string;
  stop: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts Debian's `docker-registry` on 127.0.0.1:<free port> with a temporary config and storage
 * directory; `auth: true` protects it with the fixture htpasswd (Basic auth).
 */
export async function startRegistry(options: { auth: boolean }): Promise<TestRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-registry-'));
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const config = [
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'storage')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${host}`,
      '  secret: iterate-campaign-test-only',
      ...(options.auth
        ? [
            'auth:',
            '  htpasswd:',
            '    realm: iterate-campaign-test',
            `    path: ${join(FIXTURES, 'registry/htpasswd')}`,
          ]
        : []),
      '',
    ].join('\n');
    const configFile = join(dir, `config-${port}.yml`);
    await writeFile(configFile, config);
    let output = '';
    const child: ChildProcess = spawn('docker-registry', ['serve', configFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    child.once('error', (e) => {
      exited = true;
      output += String(e);
    });

    const deadline = Date.now() + 15_000;
    while (!exited && Date.now() < deadline) {
      try {
        const response = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(1000) });
        await response.body?.cancel();
        if (response.status === 200 || response.status === 401) {
          const stop = async () => {
            if (!exited) {
              const done = new Promise((r) => child.once('exit', r));
              child.kill('SIGTERM');
              await Promise.race([done, sleep(5000)]);
              if (!exited) child.kill('SIGKILL');
            }
            await rm(dir, { recursive: true, force: true });
          };
          return { host, dir, logs: () => output, stop };
        }
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    if (!exited) child.kill('SIGKILL');
    lastError = output;
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`docker-registry did not start on 127.0.0.1:\n${lastError.slice(-2000)}`);
}

/** A bin dir with `docker` and `podman` both pointing at the fake engine script. */
export async function fakeEngineBin(): Promise<{
  dir: string;
  path: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-fake-engine-'));
  const bin = join(dir, 'bin');
  await mkdir(bin);
  for (const name of ['docker', 'podman']) {
    await symlink(join(FIXTURES, 'fake-engine/engine.sh'), join(bin, name));
  }
  return {
    dir,
    path: `${bin}:${process.env.PATH ?? ''}`,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
