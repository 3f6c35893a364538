export const id = 102;
export const ids = [102];
export const modules = {

/***/ 9102:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EQ: () => (/* binding */ repeatable),
/* harmony export */   fQ: () => (/* binding */ withSession),
/* harmony export */   yd: () => (/* binding */ openEvalDatabase),
/* harmony export */   zN: () => (/* binding */ EVAL_TYPES)
/* harmony export */ });
/* unused harmony exports connectContextFor, connectError */
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);
/* harmony import */ var _connection_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2956);


const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
/**
 * Type parsers for every query this package runs: timestamps stay the text PostgreSQL printed,
 * because a JS Date would drop the microseconds upstream's ISO strings carry.
 * Passed per pool and per query, never set globally on the shared `pg.types`.
 */
const EVAL_TYPES = {
    getTypeParser: ((oid, format) => oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID
        ? (value) => value
        : pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].types */ .Ay.types.getTypeParser(oid, format ?? 'text')),
};
/**
 * Runs `fn` on a single session. A pool (or EvalDatabase) lends one connection and `owned` is true;
 * a client is used as is (`owned` false: it may already be inside the caller's transaction).
 */
async function withSession(db, fn) {
    if (isEvalDatabase(db))
        return db.withClient((client) => fn(client, true));
    if (db instanceof pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Pool */ .Ay.Pool) {
        const client = await db.connect();
        // pg-pool drops its idle 'error' listener on checkout: without one, a lost connection crashes.
        let lost;
        const onError = (error) => (lost = error);
        client.on('error', onError);
        try {
            return await fn(client, true);
        }
        finally {
            client.removeListener('error', onError);
            client.release(lost);
        }
    }
    return fn(db, false);
}
/**
 * For work that is safe to repeat (reads, idempotent DDL): an EvalDatabase's retrying view, which
 * runs it again on a fresh connection after a lost connection; any other Queryable as is.
 */
function repeatable(db) {
    return isEvalDatabase(db) ? db.retrying : db;
}
function isEvalDatabase(db) {
    return typeof db.withClient === 'function';
}
const DEFAULTS = { statementTimeoutMs: 60_000, connectTimeoutMs: 10_000, retryBudgetMs: 20_000 };
/** Extra time the client allows beyond statement_timeout before it gives up on the server. */
const QUERY_TIMEOUT_MARGIN_MS = 5_000;
/** How long close() waits for connections to end politely before cutting them. */
const CLOSE_GRACE_MS = 1_000;
const KEEPALIVE_DELAY_MS = 10_000;
const MAX_ATTEMPTS = 4;
const SESSION_OPTIONS = '-c TimeZone=UTC -c DateStyle=ISO';
const TRANSIENT_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'CONNECT_TIMEOUT',
    '57P03',
    '53300',
]);
/** Lost or refused connections (PostgreSQL Appendix A classes 08 and 57P0x, Node socket codes). */
const CONNECTION_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    '57P01',
    '57P02',
    '57P03',
    '53300',
    '08000',
    '08001',
    '08003',
    '08004',
    '08006',
]);
/** A transaction that lost a race: run it again from BEGIN. */
const SERIALIZATION_CODES = new Set(['40001', '40P01']);
/** query_canceled; retried (once) only when the server's statement_timeout cancelled it. */
const STATEMENT_TIMEOUT_CODE = '57014';
/** Failures that leave the connection healthy: it goes back to the pool. */
const CONNECTION_KEPT_CODES = new Set([...SERIALIZATION_CODES, STATEMENT_TIMEOUT_CODE]);
const ABORTED = 'ABORTED';
/**
 * Opens a pool on the eval database and proves it works with one connection, retrying transient
 * failures (refused, timeout, server starting up) within the retry budget.
 */
async function openEvalDatabase(url, options = {}) {
    (0,_connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .validateDatabaseUrl */ .Ff)(url);
    const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULTS.statementTimeoutMs;
    const settings = {
        statementTimeoutMs,
        queryTimeoutMs: options.queryTimeoutMs ?? statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
        connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
        retryBudgetMs: options.retryBudgetMs ?? DEFAULTS.retryBudgetMs,
    };
    const log = options.log ?? ((message) => process.stderr.write(`warning: ${message}\n`));
    const context = connectContextFor(url, settings.connectTimeoutMs);
    checkClientConfig(url, context);
    warnAboutUnverifiedSsl(url, context, log);
    const clients = new Set();
    const pool = createPool(url, settings, options.max ?? 3, context, log, clients);
    const { signal } = options;
    const cutAll = () => clients.forEach(destroyConnection);
    signal?.addEventListener('abort', cutAll, { once: true });
    const errors = { context, settings, signal };
    const acquire = () => connectWithRetry(pool, errors, log);
    try {
        (await acquire()).release();
    }
    catch (error) {
        signal?.removeEventListener('abort', cutAll);
        await endPool(pool, clients);
        throw error;
    }
    const withClient = (fn, clientOptions = {}) => runOnClient(acquire, fn, errors, clientOptions);
    const query = (client, config) => client.query({ types: EVAL_TYPES, ...config });
    const retryingWithClient = (fn, clientOptions) => retry(() => withClient(fn, clientOptions), errors, log);
    const retrying = {
        target: describe(context.target),
        withClient: retryingWithClient,
        query: (config) => retryingWithClient((client) => query(client, config)),
        get retrying() {
            return retrying;
        },
        transaction: (fn) => retryingWithClient((client) => inTransaction(client, fn)),
        close: () => close(),
    };
    const close = async () => {
        signal?.removeEventListener('abort', cutAll);
        await endPool(pool, clients);
    };
    return {
        target: describe(context.target),
        withClient,
        query: (config) => withClient((client) => query(client, config)),
        retrying,
        transaction: retrying.transaction,
        close,
    };
}
async function inTransaction(client, fn) {
    await client.query('BEGIN');
    try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
}
/**
 * One checkout: an 'error' listener while the client is lent out (pg-pool removes its own), the
 * connection discarded when it broke, and pg's errors turned into one-line DatabaseErrors.
 */
async function runOnClient(acquire, fn, errors, options) {
    const client = await acquire();
    let lost;
    const onError = (error) => {
        lost ??= error;
    };
    client.on('error', onError);
    let failure;
    try {
        return await fn(client);
    }
    catch (error) {
        failure = error;
        throw queryError(error, errors);
    }
    finally {
        client.removeListener('error', onError);
        const broken = lost ?? (isBrokenConnection(failure) ? failure : undefined);
        client.release(broken ?? (options.discard ? new Error('discarded') : undefined));
    }
}
/** Runs `attempt` again after retryable failures, with backoff, within the retry budget. */
async function retry(attempt, errors, log) {
    const started = Date.now();
    let timedOut = 0;
    for (let n = 1;; n++) {
        try {
            return await attempt();
        }
        catch (error) {
            if (error instanceof _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$ && error.code === STATEMENT_TIMEOUT_CODE) {
                // A slow statement (a cold cache, a briefly loaded server) gets one more run; the
                // server's own limit bounds it, so the connection retry budget does not apply.
                if (++timedOut > 1 || !error.retryable || errors.signal?.aborted) {
                    throw timedOut > 1 ? retriedTimeout(error) : error;
                }
                log(`${error.message}; running it once more`);
                continue;
            }
            const delay = Math.min(250 * 2 ** (n - 1), 2_000);
            const elapsed = Date.now() - started;
            if (!(error instanceof _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$ && error.retryable) ||
                n >= MAX_ATTEMPTS ||
                elapsed + delay > errors.settings.retryBudgetMs ||
                errors.signal?.aborted) {
                throw error;
            }
            log(`${error.message}; retrying on a fresh connection in ${delay} ms (attempt ${n + 1})`);
            await sleep(delay, errors.signal);
        }
    }
}
function retriedTimeout(error) {
    return new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`${error.message}, twice (it was run once more after the first)`, {
        cause: error.cause,
        code: error.code,
    });
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** Ends the pool; connections that do not close within the grace time (silent peers) are cut. */
async function endPool(pool, clients) {
    if (pool.ended)
        return;
    let timer;
    const grace = new Promise((resolve) => {
        timer = setTimeout(resolve, CLOSE_GRACE_MS);
    });
    const ended = pool.end().catch(() => undefined);
    await Promise.race([ended, grace]);
    clearTimeout(timer);
    clients.forEach(destroyConnection);
}
/**
 * After a query read timeout pg keeps the connection and queues the next statement (the ROLLBACK
 * of a failed transaction) behind the one that got no answer, so it would wait out a second
 * deadline. The connection is cut instead: what follows fails at once, and the pool drops it.
 */
function cutAfterReadTimeout(client) {
    const query = client.query.bind(client);
    const cutIfSilent = (error) => {
        if (/query read timeout/i.test(rawMessage(error)))
            destroyConnection(client);
    };
    client.query = (...args) => {
        const submitted = args[0];
        const own = submitted?.callback;
        if (typeof submitted?.submit === 'function' && typeof own === 'function') {
            // A query object (rows streamed to a listener) answers through its own callback.
            submitted.callback = (error, ...rest) => {
                if (error)
                    cutIfSilent(error);
                return own(error, ...rest);
            };
            return query(...args);
        }
        const callback = args.at(-1);
        if (typeof callback === 'function') {
            args[args.length - 1] = (error, ...rest) => {
                if (error)
                    cutIfSilent(error);
                return callback(error, ...rest);
            };
            return query(...args);
        }
        const result = query(...args);
        if (result instanceof Promise)
            result.catch(cutIfSilent);
        return result;
    };
}
function destroyConnection(client) {
    client.connection?.stream?.destroy();
}
/** pg reads sslrootcert/sslcert/sslkey files while constructing a client; fail early and clearly. */
function checkClientConfig(url, context) {
    try {
        new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({ connectionString: url });
    }
    catch (error) {
        throw connectError(error, context);
    }
}
/** `sslmode=no-verify` turns off certificate checks: say so loudly instead of silently. */
function warnAboutUnverifiedSsl(url, context, log) {
    if (!/[?&]sslmode=no-verify(?:&|#|$)/i.test(url))
        return;
    log(`sslmode=no-verify: the certificate of ${describe(context.target)} is NOT verified, so anyone on the network path can impersonate the server and read the password; use sslmode=verify-full with sslrootcert=<CA file>`);
}
function connectContextFor(url, connectTimeoutMs = DEFAULTS.connectTimeoutMs) {
    return { target: (0,_connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .targetOf */ .$r)(url), secrets: (0,_connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .secretsOf */ .Fj)(url), connectTimeoutMs };
}
function createPool(url, settings, max, context, log, clients) {
    // Every client, connecting or connected, so that abort and close can cut silent sockets.
    class TrackedClient extends pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client {
        constructor(config) {
            super(config);
            clients.add(this);
            this.once('end', () => clients.delete(this));
            cutAfterReadTimeout(this);
        }
    }
    const pool = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Pool */ .Ay.Pool({
        Client: TrackedClient,
        connectionString: withSessionOptions(url),
        options: SESSION_OPTIONS,
        statement_timeout: settings.statementTimeoutMs,
        query_timeout: settings.queryTimeoutMs,
        connectionTimeoutMillis: settings.connectTimeoutMs,
        keepAlive: true,
        keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
        application_name: 'iterate-campaign',
        types: EVAL_TYPES,
        max,
        allowExitOnIdle: true,
    });
    // An idle client losing its server emits 'error' on the pool; unhandled, that would crash.
    // pool.end() returns before its clients' sockets close, so errors after it are not news.
    pool.on('error', (error) => {
        if (pool.ending)
            return;
        log(`idle connection to ${describe(context.target)} failed: ${safeMessage(error, context)}`);
    });
    return pool;
}
/** pg lets connection-string parameters override the config, so merge into a URL `options=`. */
function withSessionOptions(url) {
    if (!/[?&]options=/.test(url))
        return url;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return url; // e.g. an empty host with ?host=: pg parses it its own way; keep the URL as given
    }
    const existing = parsed.searchParams.get('options') ?? '';
    parsed.searchParams.set('options', `${existing} ${SESSION_OPTIONS}`.trim());
    return parsed.toString();
}
async function connectWithRetry(pool, errors, log) {
    const { context, signal } = errors;
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        if (signal?.aborted)
            throw interruptedError(errors);
        try {
            return await pool.connect();
        }
        catch (error) {
            if (signal?.aborted)
                throw interruptedError(errors);
            const delay = Math.min(250 * 2 ** (attempt - 1), 2_000);
            const elapsed = Date.now() - started;
            if (!isTransient(error) || elapsed + delay > errors.settings.retryBudgetMs) {
                throw connectError(error, context, attempt, elapsed);
            }
            log(`${describe(context.target)} not reachable (${classify(error, context).reason}); retrying in ${delay} ms`);
            await sleep(delay, signal);
        }
    }
}
function interruptedError(errors) {
    const reason = errors.signal?.reason;
    const why = reason instanceof Error ? reason.message : 'aborted';
    return new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`interrupted (${why}) while using ${describe(errors.context.target)}`, {
        code: ABORTED,
    });
}
/** One line naming host, port and database and the cause class; never the password. */
function connectError(error, context, attempts = 1, elapsedMs = 0) {
    const { reason, hint } = classify(error, context);
    const retried = attempts > 1 ? ` after ${attempts} attempts in ${(elapsedMs / 1000).toFixed(1)} s` : '';
    const message = `cannot connect to PostgreSQL at ${describe(context.target)}: ${reason}${retried}${hint ? ` (${hint})` : ''}`;
    return new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(oneLine((0,_connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecrets */ .QU)(message, context.secrets)), {
        cause: error,
        code: codeOf(error),
    });
}
function classify(error, context) {
    const code = codeOf(error);
    const message = rawMessage(error);
    const { host, port, database, user } = context.target;
    if (code === '28P01') {
        return {
            reason: `authentication failed for user "${user}"`,
            hint: 'check the user and password in the URL',
        };
    }
    if (code === '3D000')
        return { reason: `database "${database}" does not exist` };
    if (isSslProblem(code, message)) {
        return {
            reason: `SSL problem: ${safeMessage(error, context)}`,
            hint: 'check sslmode= and sslrootcert= in the URL; the server may not support SSL, or the certificate is not trusted',
        };
    }
    if (code === 'ENOENT' || code === 'EACCES') {
        return {
            reason: `cannot read a file named in the URL: ${safeMessage(error, context)}`,
            hint: 'check sslrootcert=, sslcert= and sslkey=',
        };
    }
    if (code === 'ECONNREFUSED') {
        return {
            reason: 'connection refused',
            hint: `is PostgreSQL running and listening on ${host}:${port}?`,
        };
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return { reason: `host not found (DNS lookup of "${host}" failed)` };
    }
    if (/timeout exceeded when trying to connect/i.test(message)) {
        return {
            reason: `no pooled connection became free within ${context.connectTimeoutMs} ms`,
            hint: 'too many concurrent queries for the pool size',
        };
    }
    if (code === 'CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
        return { reason: `connection timed out (no answer within ${context.connectTimeoutMs} ms)` };
    }
    if (code === '28000') {
        return {
            reason: `access rejected: ${safeMessage(error, context)}`,
            hint: 'pg_hba.conf; try sslmode=require',
        };
    }
    if (code === '57P03')
        return { reason: 'the server is starting up or shutting down' };
    if (code === '53300')
        return { reason: 'too many connections' };
    return { reason: safeMessage(error, context) };
}
/** pg's failures become one-line DatabaseErrors; anything else `fn` threw passes through. */
function queryError(error, errors) {
    if (error instanceof _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$)
        return error;
    if (errors.signal?.aborted)
        return interruptedError(errors);
    const { context, settings } = errors;
    const where = describe(context.target);
    const code = codeOf(error);
    if (/query read timeout/i.test(rawMessage(error))) {
        return new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`no answer from ${where} within ${settings.queryTimeoutMs} ms: the connection went silent`, { cause: error, code: 'QUERY_TIMEOUT', retryable: true });
    }
    if (isBrokenConnection(error)) {
        return new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`connection to ${where} lost during a query: ${safeMessage(error, context)}`, { cause: error, code, retryable: true });
    }
    if (!(error instanceof pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].DatabaseError */ .Ay.DatabaseError))
        return error;
    if (code === STATEMENT_TIMEOUT_CODE && /statement timeout/i.test(rawMessage(error))) {
        return new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`query on ${where} cancelled after statement_timeout (${settings.statementTimeoutMs} ms)`, { cause: error, code, retryable: true });
    }
    const hint = code && SCHEMA_CODES.has(code) ? schemaHint(where) : '';
    return new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(oneLine(`query on ${where} failed: ${safeMessage(error, context)}${hint}`), {
        cause: error,
        code,
        retryable: code !== undefined && SERIALIZATION_CODES.has(code),
    });
}
/** undefined_table, undefined_column, undefined_function: the schema is not the one expected. */
const SCHEMA_CODES = new Set(['42P01', '42703', '42883']);
function schemaHint(where) {
    return ` (is ${where} the eval database? Its schema is missing or older than this tool expects: run any \`uv run eval\` command against it once, which creates and migrates the schema)`;
}
function isTransient(error) {
    const code = codeOf(error);
    return code !== undefined && TRANSIENT_CODES.has(code);
}
/** The connection itself is gone or unusable (also pg's poisoned client after a read timeout). */
function isBrokenConnection(error) {
    if (error === undefined || error === null)
        return false;
    if (error instanceof _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$)
        return error.retryable && error.code !== undefined && !CONNECTION_KEPT_CODES.has(error.code);
    const code = codeOf(error);
    return ((code !== undefined && CONNECTION_CODES.has(code)) ||
        /connection terminated|query read timeout|timeout expired/i.test(rawMessage(error)));
}
function isSslProblem(code, message) {
    return (/\b(ssl|tls|certificate)\b/i.test(message) ||
        /CERT|SSL|TLS/.test(code ?? '') ||
        code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
        code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
}
/** pg reports its own connect timeout without a code; Node wraps dual-stack failures in AggregateError. */
function codeOf(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const withCode = error;
    if (typeof withCode.code === 'string' && withCode.code)
        return withCode.code;
    if (Array.isArray(withCode.errors) && withCode.errors.length > 0)
        return codeOf(withCode.errors[0]);
    if (/timeout/i.test(rawMessage(error)))
        return 'CONNECT_TIMEOUT';
    return undefined;
}
function rawMessage(error) {
    if (error instanceof Error)
        return error.message || error.name;
    return String(error);
}
function safeMessage(error, context) {
    return oneLine((0,_connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecrets */ .QU)(rawMessage(error), context.secrets));
}
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ').trim();
}
function describe(target) {
    return `${target.host}:${target.port}/${target.database}`;
}


/***/ })

};
