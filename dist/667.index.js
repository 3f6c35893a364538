export const id = 667;
export const ids = [667,811,636];
export const modules = {

/***/ 5583:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ defineCommand)
/* harmony export */ });
function defineCommand(command) {
    return command;
}


/***/ }),

/***/ 7667:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCommand: () => (/* binding */ planCommand)
/* harmony export */ });
/* harmony import */ var _core_command_summaries_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9231);
/* harmony import */ var _config_project_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3406);
/* harmony import */ var _github_pull_requests_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1295);
/* harmony import */ var _github_session_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9811);
/* harmony import */ var _loop_plan_images_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1346);
/* harmony import */ var _github_repo_context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4013);
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(767);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5583);








const planCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_7__/* .defineCommand */ .N)({
    name: 'plan',
    description: 'Map the merged PR’s changed files to the images to rebuild and the test commands to run.',
    surfaces: ['action', 'cli'],
    outputs: {
        'pr-number': 'The pull request planned',
        images: "JSON matrix of the images to rebuild (build's images input)",
        'has-images': 'true when there is at least one image to build',
        'test-commands': 'JSON list of the test commands to run',
        'changed-paths-summary': 'One-line summary of the changed paths',
    },
    inputs: {
        'pr-number': {
            description: 'Pull request number (default: the event’s PR; on push, the PR merged as GITHUB_SHA)',
            positional: 0,
        },
        'merge-sha': { description: 'Merge commit SHA, used for image tags (default: GITHUB_SHA)' },
        'github-token': {
            description: 'Token to read the PR (default: GITHUB_TOKEN); contents: read, pull-requests: read',
            secret: true,
        },
        config: _common_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .CONFIG_INPUT */ .sR,
        registry: {
            description: 'Registry prefix host/path for image tags (default: config images.registry, else us-central1-docker.pkg.dev/$GCP_PROJECT/eval)',
        },
    },
    parse(inputs, io) {
        return {
            prNumber: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .optionalId */ .ui)(inputs, 'pr-number'),
            mergeSha: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .requireMergeSha */ .a$)(inputs, io.env),
            token: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .requireToken */ .Fw)(inputs, io, 'plan'),
            configPath: inputs.get('config'),
            registry: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .optionalRegistry */ .kM)(inputs),
        };
    },
    async run(input, io) {
        const config = await (0,_config_project_config_js__WEBPACK_IMPORTED_MODULE_1__/* .loadProjectConfig */ .W)(input.configPath, io.cwd);
        const session = (0,_github_session_js__WEBPACK_IMPORTED_MODULE_3__.openGitHubSession)({
            token: input.token,
            env: io.env,
            purpose: 'plan',
            logger: io.logger,
        });
        const ref = (0,_github_session_js__WEBPACK_IMPORTED_MODULE_3__/* .repoRefOf */ .p)(session, io.logger, io.env.ITERATE_CAMPAIGN_BOT_LOGIN);
        const resolution = await (0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_2__/* .resolvePull */ .Uj)(ref, {
            ...(input.prNumber !== undefined ? { explicit: input.prNumber } : {}),
            ...(0,_github_repo_context_js__WEBPACK_IMPORTED_MODULE_5__/* .eventSelection */ .nE)(io.env),
            sha: input.mergeSha,
        });
        if (!resolution.pull) {
            const summary = `No merged pull request: ${resolution.why}. No images to rebuild.`;
            setPlanOutputs(io, (0,_loop_plan_images_js__WEBPACK_IMPORTED_MODULE_4__/* .emptyPlan */ .n7)(summary), undefined);
            io.print(summary);
            return;
        }
        const pull = resolution.pull;
        io.logger.info(`Planning for PR #${pull.number} (${resolution.how}).`);
        if (pull.mergeCommitSha && pull.mergeCommitSha !== input.mergeSha) {
            io.logger.warning(`PR #${pull.number} was merged as ${pull.mergeCommitSha.slice(0, 7)}, but tags use ${input.mergeSha.slice(0, 7)} (merge-sha / GITHUB_SHA).`);
        }
        const changed = await (0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_2__/* .listChangedFiles */ .AC)(ref, pull, pull.mergeCommitSha ?? input.mergeSha);
        const plan = (0,_loop_plan_images_js__WEBPACK_IMPORTED_MODULE_4__/* .planFromChanges */ .ht)(changed, config, (0,_loop_plan_images_js__WEBPACK_IMPORTED_MODULE_4__/* .registryFor */ .ZQ)(input.registry, config, io.env), input.mergeSha);
        setPlanOutputs(io, plan, pull.number);
        io.print((0,_core_command_summaries_js__WEBPACK_IMPORTED_MODULE_0__/* .imagePlanSummary */ .$S)(plan, pull.number));
        if (io.surface === 'action')
            await io.appendSummary((0,_core_command_summaries_js__WEBPACK_IMPORTED_MODULE_0__/* .imagePlanSummary */ .$S)(plan, pull.number));
    },
});
function setPlanOutputs(io, plan, prNumber) {
    io.setOutput('images', JSON.stringify((0,_loop_plan_images_js__WEBPACK_IMPORTED_MODULE_4__/* .matrixOf */ .lQ)(plan)));
    io.setOutput('has-images', plan.images.length > 0);
    io.setOutput('test-commands', JSON.stringify(plan.testCommands));
    io.setOutput('changed-paths-summary', plan.summary);
    io.setOutput('pr-number', prNumber ?? '');
}


/***/ }),

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

/***/ 9452:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AV: () => (/* binding */ githubStatus),
/* harmony export */   CA: () => (/* binding */ unlessNotFound),
/* harmony export */   Rr: () => (/* binding */ GitHubRateLimitError),
/* harmony export */   Sc: () => (/* binding */ isAmbiguousWriteFailure),
/* harmony export */   Yd: () => (/* binding */ clarifyGitHubFailure),
/* harmony export */   dZ: () => (/* binding */ describeGitHubError),
/* harmony export */   e0: () => (/* binding */ isGitHubError),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   qC: () => (/* binding */ isGoneOrNotFound)
/* harmony export */ });
/**
 * Turning Octokit failures into one actionable line, and classifying them for callers.
 * Duck-typed on `@octokit/request-error`'s shape so that only client.ts depends on Octokit.
 */
/** A rate limit the client did not (or could no longer) wait out. */
class GitHubRateLimitError extends Error {
    kind;
    status;
    route;
    resetAt;
    retryAfterSeconds;
    name = 'GitHubRateLimitError';
    constructor(message, kind, status, route, 
    /** Primary limit: when the quota resets. */
    resetAt, 
    /** Secondary limit: GitHub's `retry-after`, in seconds. */
    retryAfterSeconds, options) {
        super(message, options);
        this.kind = kind;
        this.status = status;
        this.route = route;
        this.resetAt = resetAt;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
function isGitHubError(error) {
    return (typeof error === 'object' &&
        error !== null &&
        typeof error.status === 'number' &&
        typeof error.message === 'string');
}
/** HTTP status of a GitHub/Octokit error (500 for network failures), else undefined. */
function githubStatus(error) {
    return isGitHubError(error) ? error.status : undefined;
}
/** The call's result, or undefined when GitHub answers 404 (no such file, ref, …). */
async function unlessNotFound(call) {
    try {
        return await call();
    }
    catch (error) {
        if (githubStatus(error) === 404)
            return undefined;
        throw error;
    }
}
/** 404/410: the PR or issue is gone (deleted, transferred, wrong repo). Warn, never retry. */
function isGoneOrNotFound(error) {
    const status = githubStatus(error);
    return status === 404 || status === 410;
}
/**
 * A write whose outcome is unknown: a 5xx, a timeout or a network error. GitHub may have applied it
 * (e.g. created the comment and then answered 502). Re-read (list by marker + author) before retrying.
 */
function isAmbiguousWriteFailure(error) {
    if (error instanceof GitHubRateLimitError)
        return false;
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
        return true;
    const status = githubStatus(error);
    return status !== undefined && status >= 500;
}
/** `METHOD /path?query` of the failed request (origin dropped, credentials in the query redacted). */
function failedRoute(error) {
    if (!isGitHubError(error) || !error.request)
        return 'GitHub API request';
    const method = error.request.method ?? 'GET';
    const url = error.request.url ?? '';
    let path = url;
    try {
        const parsed = new URL(url);
        path = `${parsed.pathname}${parsed.search}`;
    }
    catch {
        // keep as-is (already a path)
    }
    return `${method} ${path.replace(/\b(access_token|client_secret|token)=[^&]*/g, '$1=[REDACTED]')}`;
}
/**
 * One line: `GitHub API POST /repos/o/r/issues failed: 422 Validation Failed (title: missing_field)
 * — see https://docs.github.com/…`. Never contains the token: known secrets and token-shaped strings
 * are masked.
 */
function describeGitHubError(error, options = {}) {
    return redactSecrets(describe(error), options.secrets ?? []);
}
/**
 * A GitHub failure as one line (secrets masked), with the job permissions to grant when the token
 * lacks them; anything else is returned as is.
 */
function clarifyGitHubFailure(error, options) {
    if (!isGitHubError(error))
        return error;
    const forbidden = githubStatus(error) === 403 && /not accessible by integration/i.test(error.message);
    const hint = forbidden ? ` — grant the job \`permissions: ${options.permissions}\`` : '';
    const line = describeGitHubError(error, { secrets: options.secrets ?? [] });
    return new Error(`${line}${hint}`, { cause: error });
}
function describe(error) {
    if (error instanceof GitHubRateLimitError)
        return error.message;
    if (!isGitHubError(error)) {
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return `GitHub API request failed: ${text}`;
    }
    const route = failedRoute(error);
    const hint = /^(GET|HEAD)\b/.test(route)
        ? ''
        : '; the write may have been applied, re-read before retrying';
    if (!error.response) {
        return `GitHub API ${route} failed: network error (${firstLine(error.message)})${hint}`;
    }
    const ambiguous = error.status >= 500 ? hint : '';
    return `GitHub API ${route} failed: ${error.status} ${responseText(error)}${ambiguous}`;
}
/** `Message (detail; detail) — see <documentation_url>` */
function responseText(error) {
    const data = error.response?.data;
    const message = githubMessage(data) ?? firstLine(error.message);
    const details = errorItems(data);
    const docs = documentationUrl(data);
    const detailText = details.length > 0 ? ` (${details.join('; ')})` : '';
    return `${message}${detailText}${docs ? ` — see ${docs}` : ''}`;
}
function githubMessage(data) {
    if (typeof data === 'string' && data.trim())
        return firstLine(data.trim()).slice(0, 200);
    if (typeof data !== 'object' || data === null)
        return undefined;
    const message = data.message;
    return typeof message === 'string' ? message.replace(/\s*\n+\s*/g, ' ') : undefined;
}
function errorItems(data) {
    const errors = typeof data === 'object' && data !== null ? data.errors : undefined;
    if (!Array.isArray(errors))
        return [];
    return errors.map((item) => {
        if (typeof item === 'string')
            return item;
        if (item.message)
            return item.message;
        const where = [item.resource, item.field].filter(Boolean).join('.');
        return [where, item.code].filter(Boolean).join(': ');
    });
}
function documentationUrl(data) {
    if (typeof data !== 'object' || data === null)
        return undefined;
    const url = data.documentation_url;
    return typeof url === 'string' ? url : undefined;
}
function firstLine(text) {
    return text.split('\n')[0] ?? text;
}
const TOKEN_PATTERNS = [
    /\bgh[pousr]_[A-Za-z0-9_]{20,}\b/g,
    /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
    /\b(token|bearer)\s+[A-Za-z0-9_.\-=]{16,}/gi,
];
/** Masks the given secrets and anything shaped like a GitHub token. */
function redactSecrets(text, secrets = []) {
    let out = text;
    for (const secret of [...secrets]
        .filter((s) => s.length >= 4)
        .sort((a, b) => b.length - a.length)) {
        out = out.split(secret).join('***');
    }
    for (const pattern of TOKEN_PATTERNS) {
        out = out.replace(pattern, (match, scheme) => typeof scheme === 'string' && /^(token|bearer)$/i.test(scheme) ? `${scheme} ***` : '***');
    }
    return out;
}


/***/ }),

/***/ 1295:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ listChangedFiles),
/* harmony export */   Cs: () => (/* binding */ getPull),
/* harmony export */   Uj: () => (/* binding */ resolvePull),
/* harmony export */   b4: () => (/* binding */ readLinkedIssue),
/* harmony export */   lW: () => (/* binding */ parseClosingReferences)
/* harmony export */ });
/* unused harmony exports pickMergedPull, diffTrees */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);

/** GitHub's cap on `GET /pulls/{n}/files`. */
const PULL_FILES_CAP = 3000;
/** GitHub's cap on the files of one compare response. */
const COMPARE_FILES_CAP = 300;
function toSummary(pull) {
    return {
        number: pull.number,
        title: pull.title ?? '',
        body: pull.body ?? '',
        merged: pull.merged ?? Boolean(pull.merged_at),
        mergeCommitSha: pull.merge_commit_sha ?? null,
        headSha: pull.head.sha,
        baseRef: pull.base.ref,
        author: pull.user?.login,
    };
}
/** The merged PR whose merge commit is `sha`, among the PRs GitHub associates with it. */
function pickMergedPull(pulls, sha) {
    const lower = sha.toLowerCase();
    return pulls.find((p) => Boolean(p.merged_at) && p.merge_commit_sha?.toLowerCase() === lower);
}
/** The PR merged as `sha` (a push to the default branch), or undefined for a direct push. */
async function findPullMergedAs(ref, sha) {
    const { client, owner, repo } = ref;
    const pulls = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, {
        owner,
        repo,
        commit_sha: sha,
        per_page: 100,
    });
    const merged = pickMergedPull(pulls, sha);
    return merged && toSummary(merged);
}
async function getPull(ref, pullNumber) {
    const { data } = await ref.client.rest.pulls.get({
        owner: ref.owner,
        repo: ref.repo,
        pull_number: pullNumber,
    });
    return toSummary(data);
}
function toChangedFile(file) {
    return {
        filename: file.filename,
        status: file.status,
        ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
    };
}
/**
 * Every file the merged PR changed. `mergeCommitSha` is the commit that landed on the base branch
 * (GITHUB_SHA of the push); it is only used when the PR's own list hits GitHub's cap.
 */
async function listChangedFiles(ref, pull, mergeCommitSha) {
    const { client, owner, repo } = ref;
    const files = (await client.paginate(client.rest.pulls.listFiles, {
        owner,
        repo,
        pull_number: pull.number,
        per_page: 100,
    })).map(toChangedFile);
    if (files.length < PULL_FILES_CAP) {
        return {
            files,
            source: 'pull-files',
            complete: true,
            note: `${files.length} file(s) from the pull request`,
        };
    }
    if (!mergeCommitSha) {
        return {
            files,
            source: 'pull-files',
            complete: false,
            note: `the pull request lists ${PULL_FILES_CAP} files (GitHub's cap) and has no merge commit to compare`,
        };
    }
    ref.logger.info(`PR #${pull.number} lists ${files.length} files, GitHub's cap: reading the changes from the compare API instead.`);
    const mergeBase = await mergeBaseOf(ref, pull.headSha, mergeCommitSha);
    const compared = await compareFiles(ref, mergeBase, mergeCommitSha);
    if (compared.length < COMPARE_FILES_CAP) {
        return {
            files: compared,
            source: 'compare',
            complete: true,
            note: `${compared.length} file(s) from comparing ${short(mergeBase)}...${short(mergeCommitSha)} (the PR's file list stops at ${PULL_FILES_CAP})`,
        };
    }
    ref.logger.info(`The comparison lists ${compared.length} files, its cap: diffing the commits' trees.`);
    const trees = await treeDiff(ref, mergeBase, mergeCommitSha);
    return {
        files: trees.files,
        source: 'trees',
        complete: trees.complete,
        note: trees.complete
            ? `${trees.files.length} file(s) from diffing the trees of ${short(mergeBase)} and ${short(mergeCommitSha)}`
            : `the trees of ${short(mergeBase)}/${short(mergeCommitSha)} are too large for the API (truncated): the file list is incomplete`,
    };
}
function short(sha) {
    return sha.slice(0, 7);
}
/** The merge base of the PR head and the commit the merge landed on (the merge commit's parent). */
async function mergeBaseOf(ref, headSha, mergeCommitSha) {
    const { client, owner, repo } = ref;
    const { data: merge } = await client.rest.repos.getCommit({
        owner,
        repo,
        ref: mergeCommitSha,
        per_page: 1,
    });
    const parent = merge.parents[0]?.sha;
    if (!parent)
        return mergeCommitSha;
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${parent}...${headSha}`,
        per_page: 1,
    });
    return data.merge_base_commit.sha;
}
async function compareFiles(ref, base, head) {
    const { data } = await ref.client.rest.repos.compareCommitsWithBasehead({
        owner: ref.owner,
        repo: ref.repo,
        basehead: `${base}...${head}`,
        per_page: 1,
    });
    return (data.files ?? []).map((f) => toChangedFile(f));
}
/** Paths whose blob differs between two flat trees; no rename detection (both sides are listed). */
function diffTrees(base, head) {
    const blobs = (entries) => new Map(entries.filter((e) => e.type === 'blob').map((e) => [e.path, e.sha]));
    const before = blobs(base);
    const after = blobs(head);
    const changed = [];
    for (const [path, sha] of after) {
        const old = before.get(path);
        if (old === undefined)
            changed.push({ filename: path, status: 'added' });
        else if (old !== sha)
            changed.push({ filename: path, status: 'modified' });
    }
    for (const path of before.keys()) {
        if (!after.has(path))
            changed.push({ filename: path, status: 'removed' });
    }
    return changed.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
}
async function treeDiff(ref, base, head) {
    const [before, after] = await Promise.all([recursiveTree(ref, base), recursiveTree(ref, head)]);
    return {
        files: diffTrees(before.entries, after.entries),
        complete: !before.truncated && !after.truncated,
    };
}
async function recursiveTree(ref, commitSha) {
    const { client, owner, repo } = ref;
    const { data: commit } = await client.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
    const { data } = await client.rest.git.getTree({
        owner,
        repo,
        tree_sha: commit.tree.sha,
        recursive: 'true',
    });
    const entries = [];
    for (const e of data.tree) {
        if (e.path !== undefined && e.sha !== undefined && e.type !== undefined) {
            entries.push({ path: e.path, type: e.type, sha: e.sha });
        }
    }
    return { entries, truncated: data.truncated };
}
// ── linked issues ──────────────────────────────────────────────────────────────────────────────
const CLOSING_KEYWORDS = 'close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved';
const MAX_REFERENCES = 20;
/**
 * Issue numbers a PR body closes in this repository, in order of appearance, without duplicates:
 * `Fixes #12`, `closes: #12`, `Resolves owner/repo#12` (only for this repository). References
 * inside code spans and fenced blocks do not count, as on GitHub.
 */
function parseClosingReferences(body, owner, repo) {
    const text = stripCode(body);
    const pattern = new RegExp(`(?:^|[^\\w-])(?:${CLOSING_KEYWORDS}):?\\s+(?:([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+))?#([1-9][0-9]{0,9})\\b`, 'gi');
    const numbers = [];
    for (const match of text.matchAll(pattern)) {
        const [, refOwner, refRepo, digits] = match;
        if (refOwner !== undefined) {
            const same = refOwner.toLowerCase() === owner.toLowerCase() &&
                refRepo.toLowerCase() === repo.toLowerCase();
            if (!same)
                continue;
        }
        const number = Number(digits);
        if (!numbers.includes(number))
            numbers.push(number);
        if (numbers.length >= MAX_REFERENCES)
            break;
    }
    return numbers;
}
function stripCode(body) {
    return body
        .replace(/(^|\n)(```|~~~)[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)/g, '$1')
        .replace(/`[^`\n]*`/g, ' ');
}
/** The issue's body, or undefined when it is gone (404/410) or is a pull request. */
async function readLinkedIssue(ref, issueNumber) {
    try {
        const { data } = await ref.client.rest.issues.get({
            owner: ref.owner,
            repo: ref.repo,
            issue_number: issueNumber,
        });
        if (data.pull_request)
            return undefined;
        return {
            number: data.number,
            body: data.body ?? '',
            author: data.user?.login,
            state: data.state === 'closed' ? 'closed' : 'open',
        };
    }
    catch (error) {
        const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubStatus */ .AV)(error);
        if (status === 404 || status === 410) {
            ref.logger.warning(`Issue #${issueNumber} linked by the PR is not readable: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGitHubError */ .dZ)(error)}`);
            return undefined;
        }
        throw error;
    }
}
/**
 * The PR to work on: the explicit number, else the event's PR, else (a push) the PR merged as the
 * pushed commit. A push that merged no PR (a direct push) resolves to `pull: undefined`.
 */
async function resolvePull(ref, selection) {
    if (selection.explicit !== undefined) {
        return { pull: await getPull(ref, selection.explicit), how: `pr-number ${selection.explicit}` };
    }
    if (selection.eventPullNumber !== undefined) {
        return {
            pull: await getPull(ref, selection.eventPullNumber),
            how: `the ${selection.eventName ?? 'pull_request'} event`,
        };
    }
    if (!selection.sha) {
        return {
            pull: undefined,
            why: 'no pr-number, no pull request event and no commit SHA (GITHUB_SHA)',
        };
    }
    const pull = await findPullMergedAs(ref, selection.sha);
    if (!pull) {
        return {
            pull: undefined,
            why: `commit ${selection.sha.slice(0, 7)} is not the merge commit of a pull request (a direct push?)`,
        };
    }
    return { pull, how: `the pull request merged as ${selection.sha.slice(0, 7)}` };
}


/***/ }),

/***/ 4013:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sv: () => (/* binding */ repositorySlug),
/* harmony export */   ac: () => (/* binding */ readRepoContext),
/* harmony export */   gb: () => (/* binding */ describeTrigger),
/* harmony export */   nE: () => (/* binding */ eventSelection)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(662);
/**
 * Where the action runs, from the runner's GITHUB_* variables: the repository, the API and web
 * URLs (GitHub Enterprise Server included), the run's URL and the triggering event.
 */


const REPOSITORY_PATTERN = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;
/**
 * The repository context, or an InputError in one actionable line. `purpose` says what needs it,
 * e.g. "output 'issue'".
 */
function readRepoContext(env, purpose) {
    const repository = env.GITHUB_REPOSITORY?.trim();
    if (!repository) {
        // Only analyze's outputs can do without a repository; other commands have no such option.
        const alternative = purpose.startsWith('output ') ? ", or use output 'none'" : '';
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`GITHUB_REPOSITORY is not set: ${purpose} needs the repository (owner/repo). ` +
            `In a workflow the runner sets it; elsewhere export GITHUB_REPOSITORY=owner/repo${alternative}.`);
    }
    const match = REPOSITORY_PATTERN.exec(repository);
    if (!match) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Invalid GITHUB_REPOSITORY: '${repository.slice(0, 80)}' — expected owner/repo`);
    }
    const serverUrl = baseUrl(env, 'GITHUB_SERVER_URL', 'https://github.com');
    const owner = match[1];
    const repo = match[2];
    const runId = env.GITHUB_RUN_ID?.trim();
    return {
        owner,
        repo,
        apiUrl: baseUrl(env, 'GITHUB_API_URL', 'https://api.github.com'),
        serverUrl,
        runUrl: runId && /^\d+$/.test(runId)
            ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`
            : undefined,
        eventName: env.GITHUB_EVENT_NAME?.trim() || undefined,
        eventPath: env.GITHUB_EVENT_PATH?.trim() || undefined,
    };
}
function baseUrl(env, name, fallback) {
    const value = env[name]?.trim() || fallback;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Invalid ${name}: '${value.slice(0, 80)}' — expected an http(s) URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Invalid ${name}: '${value.slice(0, 80)}' — expected an http(s) URL`);
    }
    return value.replace(/\/+$/, '');
}
function repositorySlug(context) {
    return `${context.owner}/${context.repo}`;
}
/**
 * One line on what triggered the run, from the event payload: "schedule (17 3 * * *)",
 * "workflow_dispatch by @octocat". Undefined outside a workflow; never throws.
 */
function describeTrigger(context) {
    if (!context.eventName)
        return undefined;
    const payload = readEventPayload(context.eventPath);
    const schedule = typeof payload?.schedule === 'string' ? ` (${payload.schedule})` : '';
    const sender = payload?.sender;
    const by = typeof sender?.login === 'string' ? ` by @${sender.login}` : '';
    return `${context.eventName}${schedule}${by}`;
}
function readEventPayload(path) {
    if (!path)
        return undefined;
    try {
        const value = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        return typeof value === 'object' && value !== null
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** The PR number of a pull_request / pull_request_target event, from the payload file. */
function eventSelection(env) {
    const eventName = env.GITHUB_EVENT_NAME?.trim() || undefined;
    if (!eventName?.startsWith('pull_request') || !env.GITHUB_EVENT_PATH) {
        return eventName ? { eventName } : {};
    }
    try {
        const payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        const number = payload.pull_request?.number;
        return typeof number === 'number' && Number.isSafeInteger(number) && number > 0
            ? { eventName, eventPullNumber: number }
            : { eventName };
    }
    catch {
        return { eventName };
    }
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

/***/ 1346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZQ: () => (/* binding */ registryFor),
/* harmony export */   ht: () => (/* binding */ planFromChanges),
/* harmony export */   lQ: () => (/* binding */ matrixOf),
/* harmony export */   n7: () => (/* binding */ emptyPlan)
/* harmony export */ });
/* harmony import */ var _core_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2570);
/* harmony import */ var _core_image_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(464);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(662);
/* harmony import */ var _images_image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4579);
/** Which images a merge rebuilds and which tests it runs, from the files it changed. */




const SHORT_SHA_LENGTH = 7;
const PLACEHOLDER_REGISTRY = 'registry.invalid/unset';
/**
 * The plan for a list of changed files. An incomplete list (GitHub could not list every change)
 * rebuilds every image and runs every test command: missing a rebuild is worse than an extra one.
 */
function planFromChanges(changed, config, registry, mergeSha) {
    const map = config.images.map;
    const files = changed.complete
        ? changed.files
        : [
            ...changed.files,
            ...map.images.map((image) => ({
                filename: image.dockerfile,
                status: 'assumed changed: the file list is incomplete',
            })),
        ];
    const plan = (0,_core_image_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planImages */ .y6)(files, map, {
        registry: registry ?? PLACEHOLDER_REGISTRY,
        shortSha: mergeSha.slice(0, SHORT_SHA_LENGTH),
    });
    if (plan.images.length > 0 && registry === undefined) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`No registry for ${plan.images.map((i) => i.name).join(', ')}: set images.registry in the config, the registry input, or GCP_PROJECT`);
    }
    const testCommands = changed.complete
        ? plan.testCommands
        : [...new Set(map.tests.map((t) => t.command))];
    const note = changed.complete ? changed.note : `${changed.note}; rebuilding every image`;
    return { ...plan, testCommands, summary: `${plan.summary} (${note})` };
}
function emptyPlan(summary) {
    return { images: [], testCommands: [], summary };
}
function matrixOf(plan) {
    return plan.images.map(({ name, dockerfile, context, platform, tag }) => ({
        name,
        dockerfile,
        context,
        platform,
        tag,
    }));
}
/** The input, else the config's, else upstream's Artifact Registry from GCP_PROJECT. */
function registryFor(input, config, env) {
    const value = input ?? config.images.registry ?? (0,_core_config_js__WEBPACK_IMPORTED_MODULE_0__/* .upstreamRegistry */ .pj)(env.GCP_PROJECT);
    if (value === undefined)
        return undefined;
    try {
        return (0,_images_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .validateRegistry */ .Yd)(value);
    }
    catch (error) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${error.message} (images.registry or GCP_PROJECT)`);
    }
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
