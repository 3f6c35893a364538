export const id = 811;
export const ids = [811,636];
export const modules = {

/***/ 636:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4730);
/* harmony import */ var _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3779);
/* harmony import */ var _octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9210);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/**
 * The only module in src that imports Octokit. `createGitHubClient` returns an Octokit with REST
 * endpoint methods, pagination, throttling and retries configured for a long-running Actions job:
 *
 * - Secondary rate limits (403/429 "secondary rate limit"): wait `retry-after` and retry up to
 *   `secondaryRateLimitRetries` times, unless the wait would pass `deadline`.
 * - Primary rate limit (`x-ratelimit-remaining: 0`): if the reset is after `deadline`, fail fast with
 *   a GitHubRateLimitError naming the reset time instead of sleeping past the job limit; else wait
 *   (once) until the reset.
 * - 5xx, timeouts and network errors are retried (`retries`, backoff 1, 4, 9 s) for idempotent
 *   methods only. POST and PATCH are NOT retried: a 502 may come after GitHub applied the write, so a
 *   blind retry duplicates comments/issues. Callers catch, check `isAmbiguousWriteFailure(error)`,
 *   re-read (e.g. list comments by marker + author) and only then create again. A caller that knows a
 *   write is idempotent opts in per request: `{ request: { retryNonIdempotent: true } }`.
 * - 400/401/403/404/409/410/422/451 are never retried.
 * - Every attempt has a timeout (`requestTimeoutMs`).
 * - The token never reaches logs or error messages (RequestError already redacts the header; messages
 *   are additionally masked).
 */






const GitHubOctokit = _octokit_core__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_2__/* .restEndpointMethods */ ._, _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_3__/* .paginateRest */ .ud, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];
function createGitHubClient(options) {
    const secrets = [options.token];
    const mask = (text) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecrets */ .fp)(text, secrets);
    const unit = options.retryDelayUnitMs ?? 1000;
    const octokit = new GitHubOctokit({
        auth: options.token,
        baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'iterate-campaign',
        log: octokitLog(options.logger, mask),
        request: { fetch: timedFetch(options, mask) },
        retry: { retries: options.retries ?? 3, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: unit },
        throttle: {
            ...throttleHandlers(options),
            retryAfterBaseValue: unit,
            ...(options.pacing ? pacedGroups(options.pacing) : {}),
        },
    });
    const nonIdempotent = new Set((options.nonIdempotentMethods ?? ['POST', 'PATCH']).map((m) => m.toUpperCase()));
    octokit.hook.before('request', (request) => {
        const extra = request.request;
        if (!nonIdempotent.has(request.method.toUpperCase()))
            return;
        if (extra?.retries !== undefined || extra?.retryNonIdempotent)
            return;
        request.request = { ...request.request, retries: 0 };
    });
    octokit.hook.error('request', (error) => {
        throw clarify(error, options, mask);
    });
    return octokit;
}
function octokitLog(logger, mask) {
    const text = (message, extra) => mask([message, ...extra]
        .map((part) => (part instanceof Error ? part.message : String(part)))
        .join(' '));
    return {
        debug: (message, ...extra) => logger.debug(text(message, extra)),
        info: (message, ...extra) => logger.info(text(message, extra)),
        warn: (message, ...extra) => logger.warning(text(message, extra)),
        error: (message, ...extra) => logger.error(text(message, extra)),
    };
}
/** fetch with a per-attempt timeout and a debug line per response. */
function timedFetch(options, mask) {
    const inner = options.fetch ?? globalThis.fetch;
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    return async (input, init) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        const started = Date.now();
        const label = `${init?.method ?? 'GET'} ${pathOf(input)}`;
        try {
            const response = await inner(input, { ...init, signal });
            options.logger.debug(mask(`GitHub ${label} → ${response.status} (${Date.now() - started} ms)`));
            return response;
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            options.logger.debug(mask(`GitHub ${label} → network error after ${Date.now() - started} ms: ${reason}`));
            throw error;
        }
    };
}
function pathOf(input) {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    try {
        return new URL(href).pathname;
    }
    catch {
        return href;
    }
}
function routeOf(request) {
    return `${request.method} ${request.url}`;
}
function throttleHandlers(options) {
    const maxWait = options.maxRateLimitWaitSeconds ?? 900;
    const secondaryRetries = options.secondaryRateLimitRetries ?? 3;
    const fitsDeadline = (seconds) => !options.deadline || Date.now() + seconds * 1000 < options.deadline.getTime();
    const onSecondaryRateLimit = (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= secondaryRetries || retryAfter > maxWait || !fitsDeadline(retryAfter))
            return false;
        options.logger.warning(`GitHub secondary rate limit on ${routeOf(request)}; retrying in ${retryAfter} s (retry ${retryCount + 1}/${secondaryRetries})`);
        return true;
    };
    const onRateLimit = (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= 1 || retryAfter > maxWait || !fitsDeadline(retryAfter))
            return false;
        const resetAt = new Date(Date.now() + retryAfter * 1000).toISOString();
        options.logger.warning(`GitHub primary rate limit exhausted on ${routeOf(request)}; waiting ${retryAfter} s until ${resetAt}`);
        return true;
    };
    return { onSecondaryRateLimit, onRateLimit };
}
/** Minimal stand-in for the Bottleneck groups the throttling plugin schedules on. */
class PacedGroup {
    minTimeMs;
    last = 0;
    chain = Promise.resolve();
    constructor(minTimeMs) {
        this.minTimeMs = minTimeMs;
    }
    key() {
        return this;
    }
    schedule(...args) {
        const [fn, ...rest] = (typeof args[0] === 'function' ? args : args.slice(1));
        const run = async () => {
            const wait = this.last + this.minTimeMs - Date.now();
            if (wait > 0)
                await new Promise((resolve) => setTimeout(resolve, wait));
            this.last = Date.now();
            return fn(...rest);
        };
        const result = this.chain.then(run);
        this.chain = result.catch(() => undefined);
        return result;
    }
}
function pacedGroups(pacing) {
    const group = (ms) => new PacedGroup(ms);
    return {
        write: group(pacing.writeMinTimeMs),
        notifications: group(pacing.notificationMinTimeMs),
        search: group(pacing.searchMinTimeMs),
    };
}
/** Final errors: rate limits become GitHubRateLimitError; every message is masked. */
function clarify(error, options, mask) {
    if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isGitHubError */ .e0)(error) || (error.status !== 403 && error.status !== 429))
        return maskError(error, mask);
    const headers = error.response?.headers ?? {};
    const route = routeOfError(error);
    if (/\bsecondary rate\b/i.test(error.message)) {
        const retryAfter = Number(headers['retry-after']) || undefined;
        const message = `GitHub secondary rate limit on ${route} persisted` +
            (retryAfter ? ` (retry-after ${retryAfter} s)` : '') +
            ` after up to ${options.secondaryRateLimitRetries ?? 3} retries` +
            deadlineNote(options.deadline, retryAfter ? new Date(Date.now() + retryAfter * 1000) : undefined) +
            '; slow down or retry the job later.';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubRateLimitError */ .Rr(mask(message), 'secondary', error.status, route, undefined, retryAfter, { cause: error });
    }
    if (headers['x-ratelimit-remaining'] === '0') {
        const resetAt = new Date(Number(headers['x-ratelimit-reset']) * 1000);
        const limit = headers['x-ratelimit-limit'] ? ` (limit ${headers['x-ratelimit-limit']}/h)` : '';
        const message = `GitHub primary rate limit exhausted${limit} on ${route}: quota resets at ${resetAt.toISOString()} ` +
            `(in ${formatDuration(resetAt.getTime() - Date.now())})` +
            deadlineNote(options.deadline, resetAt);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubRateLimitError */ .Rr(mask(message), 'primary', error.status, route, resetAt, undefined, { cause: error });
    }
    return maskError(error, mask);
}
function deadlineNote(deadline, until) {
    if (!deadline || !until || until.getTime() <= deadline.getTime())
        return '';
    return `, after the job deadline ${deadline.toISOString()}; failing fast instead of sleeping past it`;
}
function routeOfError(error) {
    const url = error.request?.url ?? '';
    let path = url;
    try {
        path = new URL(url).pathname;
    }
    catch {
        // relative already
    }
    return `${error.request?.method ?? 'GET'} ${path}`;
}
function maskError(error, mask) {
    if (error instanceof Error) {
        const masked = mask(error.message);
        if (masked !== error.message)
            error.message = masked;
    }
    return error;
}
function formatDuration(ms) {
    const minutes = Math.max(Math.round(ms / 60_000), 0);
    if (minutes < 60)
        return `${minutes} min`;
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}


/***/ }),

/***/ 9811:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   botTargetOf: () => (/* binding */ botTargetOf),
/* harmony export */   openGitHubSession: () => (/* binding */ openGitHubSession),
/* harmony export */   p: () => (/* binding */ repoRefOf)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(636);
/* harmony import */ var _net_proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7115);
/* harmony import */ var _repo_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4013);
/** The one way a command opens GitHub: the job deadline, our user agent, and a seam for tests. */



/** GitHub-hosted jobs stop after 6 h: never sleep on a rate limit past that. */
const JOB_LIMIT_MS = 6 * 3600_000;
const USER_AGENT = 'iterate-campaign';
function openGitHubSession(options) {
    const context = options.context ?? (0,_repo_context_js__WEBPACK_IMPORTED_MODULE_2__/* .readRepoContext */ .ac)(options.env, options.purpose);
    const now = options.now?.() ?? new Date();
    const client = (options.createClient ?? _client_js__WEBPACK_IMPORTED_MODULE_0__.createGitHubClient)({
        token: options.token,
        baseUrl: context.apiUrl,
        userAgent: USER_AGENT,
        logger: options.logger,
        deadline: new Date(now.getTime() + JOB_LIMIT_MS),
        // HTTPS_PROXY / NO_PROXY, as the Actions toolkit honours them.
        fetch: (0,_net_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxiedFetch */ .i)(options.env),
    });
    return { client, context };
}
/** The session as the pull-request helpers take it. */
function repoRefOf(session, logger, botLogin) {
    return {
        client: session.client,
        owner: session.context.owner,
        repo: session.context.repo,
        logger,
        botLogin,
    };
}
/** The session as the bot's writers take it (the sticky comment; add labels for the issue). */
function botTargetOf(session, identity, logger) {
    return {
        client: session.client,
        owner: session.context.owner,
        repo: session.context.repo,
        identity,
        logger,
    };
}


/***/ }),

/***/ 7115:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ proxiedFetch)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4371);
/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY for the GitHub API and the registry client, as the Actions
 * toolkit honours them (@actions/http-client): self-hosted runners behind a proxy reach both.
 * undici's EnvHttpProxyAgent picks the proxy by scheme, tunnels with CONNECT, and skips hosts that
 * NO_PROXY names. It is the undici @actions/http-client already bundles, so dist/ does not grow.
 */

const read = (env, name) => env[name]?.trim() || env[name.toLowerCase()]?.trim() || undefined;
/** A fetch that goes through the environment's proxy, or undefined when none is configured. */
function proxiedFetch(env) {
    const httpsProxy = read(env, 'HTTPS_PROXY');
    const httpProxy = read(env, 'HTTP_PROXY');
    if (!httpsProxy && !httpProxy)
        return undefined;
    const dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({
        httpProxy: httpProxy ?? '',
        httpsProxy: httpsProxy ?? httpProxy ?? '',
        noProxy: read(env, 'NO_PROXY') ?? '',
    });
    const proxied = (input, init) => (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .fetch */ .hd)(input, {
        ...init,
        dispatcher,
    });
    return proxied;
}


/***/ })

};
