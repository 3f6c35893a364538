export const id = 360;
export const ids = [360,811,636];
export const modules = {

/***/ 2376:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseDigests: () => (/* binding */ parseDigests),
/* harmony export */   retryCommand: () => (/* binding */ retryCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _core_chaos_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9747);
/* harmony import */ var _core_command_summaries_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9231);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(662);
/* harmony import */ var _config_project_config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3406);
/* harmony import */ var _db_pool_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9102);
/* harmony import */ var _db_product_schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8917);
/* harmony import */ var _db_retry_runs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6403);
/* harmony import */ var _github_repo_context_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4013);
/* harmony import */ var _github_session_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9811);
/* harmony import */ var _images_image_ref_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4579);
/* harmony import */ var _images_planned_images_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4915);
/* harmony import */ var _loop_retry_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(664);
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(767);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5583);















const retryCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_13__/* .defineCommand */ .N)({
    name: 'retry',
    description: 'Write the targeted retry campaign for a merged fix and enqueue it into the eval database, once per merge.',
    surfaces: ['action', 'cli'],
    outputs: {
        'retry-campaign-id': "The enqueued retry campaign's id (empty when nothing was enqueued)",
        'retry-campaign-path': 'Workspace path of the retry campaign YAML it wrote',
        'previous-campaign-id': 'The campaign that was retried',
        'operator-image': 'The operator image the retry runs',
        'worker-indexes': 'JSON list of worker indexes, for a worker matrix',
    },
    inputs: {
        'pr-number': {
            description: 'Merged fix PR (default: the event’s PR; on push, the PR merged as GITHUB_SHA)',
        },
        'campaign-id': {
            description: 'Campaign to retry (default: the one in the state block of the issue the PR fixes)',
        },
        'operator-image': {
            description: 'Operator image for the retry, e.g. build’s operator-image (default: config retry.operator_image, else <registry>/operator:latest)',
        },
        'trials-per-combination': { description: 'Trials per failing combination (default 3)' },
        'via-cli': {
            description: 'true: enqueue with `uv run eval run campaign <yaml> --cloud=gcp` instead of directly',
        },
        images: {
            description: 'The plan’s images JSON: the digest of each planned tag is read from the registry, recorded with the run, and pins the operator image',
        },
        'registry-username': {
            description: 'Registry user for reading the planned tags (empty: anonymous)',
        },
        'registry-password': {
            description: 'Registry password or access token for reading the planned tags',
            secret: true,
        },
        digests: {
            description: 'JSON image name → digest from build (or toJSON of the build job’s outputs); wins over the registry’s answer',
        },
        'target-win-rate': {
            description: 'With campaign-id: the target that decides which combinations failed',
        },
        'merge-sha': { description: 'Merge commit SHA (default: GITHUB_SHA)' },
        'database-url': _common_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .DATABASE_URL_INPUT */ .jV,
        'github-token': {
            description: 'Token to read the PR and the issue it fixes (default: GITHUB_TOKEN)',
            secret: true,
        },
        config: _common_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .CONFIG_INPUT */ .sR,
    },
    parse(inputs, io) {
        const databaseUrl = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .readDatabaseUrl */ .Bq)(inputs, io);
        const prNumber = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .optionalId */ .ui)(inputs, 'pr-number');
        const campaignId = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .optionalId */ .ui)(inputs, 'campaign-id');
        const token = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .tokenFrom */ .ow)(inputs, io);
        if (!token && (prNumber === undefined || campaignId === undefined)) {
            throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_14__/* .InputError */ .dz('Missing github-token: without both pr-number and campaign-id, retry reads the PR (and the issue it fixes) from GitHub');
        }
        const trials = inputs.get('trials-per-combination');
        const operatorImage = inputs.get('operator-image');
        const images = inputs.get('images');
        return {
            prNumber,
            campaignId,
            operatorImage: operatorImage === undefined
                ? undefined
                : (0,_images_image_ref_js__WEBPACK_IMPORTED_MODULE_9__/* .parseOperatorImage */ .BO)('operator-image', operatorImage),
            trialsPerCombination: trials === undefined ? undefined : parseTrials(trials),
            viaCli: (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_14__/* .parseBoolean */ .yG)('via-cli', inputs.get('via-cli') ?? 'false'),
            databaseUrl,
            token,
            configPath: inputs.get('config'),
            mergeSha: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .requireMergeSha */ .a$)(inputs, io.env),
            digests: parseDigests(inputs.get('digests')),
            images: images === undefined ? [] : (0,_images_planned_images_js__WEBPACK_IMPORTED_MODULE_10__/* .parseImagesJson */ .UV)(images),
            registryAuth: (0,_images_planned_images_js__WEBPACK_IMPORTED_MODULE_10__/* .parseRegistryLogin */ .Eh)(inputs.get('registry-username'), inputs.get('registry-password')),
            target: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .optionalTargetRate */ .q3)(inputs),
        };
    },
    async run(input, io) {
        const config = await (0,_config_project_config_js__WEBPACK_IMPORTED_MODULE_3__/* .loadProjectConfig */ .W)(input.configPath, io.cwd);
        const context = (0,_github_repo_context_js__WEBPACK_IMPORTED_MODULE_7__/* .readRepoContext */ .ac)(io.env, 'retry');
        const github = input.token ? openRetryGitHub(io, input.token) : undefined;
        const pull = await (0,_loop_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .pullToRetry */ .jS)(input, github, io);
        if (pull.number === undefined)
            return nothingToRetry(io, pull.why);
        const key = {
            repository: (0,_github_repo_context_js__WEBPACK_IMPORTED_MODULE_7__/* .repositorySlug */ .Sv)(context),
            prNumber: pull.number,
            mergeSha: input.mergeSha,
        };
        const db = await (0,_db_pool_js__WEBPACK_IMPORTED_MODULE_4__/* .openEvalDatabase */ .yd)(input.databaseUrl, {
            log: (m) => io.logger.warning(m),
            signal: io.signal,
        });
        try {
            await (0,_db_product_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureProductSchema */ .l0)(db);
            const existing = await (0,_db_retry_runs_js__WEBPACK_IMPORTED_MODULE_6__/* .findRetryRun */ .xq)(db, key);
            if (existing)
                return reportExisting(io, existing, config);
            const source = await (0,_loop_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .retrySource */ .Ix)(input, config, pull.summary, github, db, io);
            if (!source.ok)
                return nothingToRetry(io, source.why);
            const { retryable, withheld } = (0,_core_chaos_types_js__WEBPACK_IMPORTED_MODULE_1__/* .splitRetryable */ .J7)(source.value.failing);
            for (const w of withheld) {
                io.logger.warning(`Withheld from the retry campaign: ${w.chaos_type} — ${w.reason}.`);
            }
            if (retryable.length === 0) {
                return nothingToRetry(io, withheld.length > 0
                    ? `no failing combination of campaign ${source.value.previousCampaignId} can be retried (${withheld.length} withheld, see the warnings)`
                    : `campaign ${source.value.previousCampaignId} has no failing combination`);
            }
            const retrying = { ...source.value, failing: retryable, withheld };
            const pinned = await (0,_loop_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .pinPlannedImages */ .y2)(input, io);
            const prepared = await (0,_loop_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .prepareRetry */ .GJ)(pinned, config, retrying, key, db, io);
            const run = input.viaCli
                ? await (0,_loop_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .enqueueViaCli */ .Lm)(db, key, prepared, config, input, io)
                : await (0,_loop_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .enqueueDirect */ .iU)(db, key, prepared, io);
            setRetryOutputs(io, run, prepared.path, config);
            const text = renderRetry(run, retrying, prepared);
            io.print(text);
            if (io.surface === 'action')
                await io.appendSummary(text);
        }
        finally {
            await db.close();
        }
    },
});
function openRetryGitHub(io, token) {
    const session = (0,_github_session_js__WEBPACK_IMPORTED_MODULE_8__.openGitHubSession)({ token, env: io.env, purpose: 'retry', logger: io.logger });
    return (0,_github_session_js__WEBPACK_IMPORTED_MODULE_8__/* .repoRefOf */ .p)(session, io.logger, io.env.ITERATE_CAMPAIGN_BOT_LOGIN);
}
// ── inputs ─────────────────────────────────────────────────────────────────────────────────────
function parseTrials(value) {
    const v = value.trim();
    if (!/^[1-9][0-9]{0,2}$/.test(v) || Number(v) > 100) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_14__/* .InputError */ .dz(`Invalid trials-per-combination: '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_14__/* .shown */ .SP)(value)}' — expected a whole number from 1 to 100`);
    }
    return Number(v);
}
/**
 * Digests from build: `{"operator":"sha256:…"}`, or the build job's outputs as JSON, whose keys are
 * `digest-<name>` (other keys and empty values are ignored).
 */
function parseDigests(raw) {
    if (raw === undefined)
        return {};
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch (error) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_14__/* .InputError */ .dz(`Invalid digests: not JSON (${error.message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_14__/* .InputError */ .dz('Invalid digests: expected a JSON object of image name → sha256 digest');
    }
    const digests = {};
    for (const [key, digest] of Object.entries(value)) {
        if (typeof digest !== 'string' || digest === '' || key === 'operator-image')
            continue;
        const name = key.startsWith('digest-') ? key.slice('digest-'.length) : key;
        try {
            digests[name] = (0,_images_image_ref_js__WEBPACK_IMPORTED_MODULE_9__/* .validateDigest */ .n2)(digest, `digests.${key}`);
        }
        catch (error) {
            throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_14__/* .InputError */ .dz(error.message);
        }
    }
    return digests;
}
// ── outputs ────────────────────────────────────────────────────────────────────────────────────
function setRetryOutputs(io, run, path, config) {
    io.setOutput('retry-campaign-id', run.retryCampaignId);
    io.setOutput('retry-campaign-path', path ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(io.cwd, path) : '');
    io.setOutput('previous-campaign-id', run.previousCampaignId ?? '');
    io.setOutput('operator-image', run.operatorImage);
    io.setOutput('worker-indexes', JSON.stringify((0,_loop_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .workerIndexes */ .ti)(config.retry.parallel)));
}
function reportExisting(io, run, config) {
    io.logger.info(`PR #${run.prNumber} at ${run.mergeSha.slice(0, 7)} already has retry campaign ${run.retryCampaignId} (recorded ${run.createdAt}); nothing written.`);
    setRetryOutputs(io, run, undefined, config);
    io.print(`Retry campaign ${run.retryCampaignId} (already enqueued for this merge).`);
}
function nothingToRetry(io, why) {
    const text = `Nothing to retry: ${why}.`;
    io.setOutput('retry-campaign-id', '');
    io.setOutput('retry-campaign-path', '');
    io.setOutput('worker-indexes', '[]');
    io.print(text);
}
function renderRetry(run, source, prepared) {
    return (0,_core_command_summaries_js__WEBPACK_IMPORTED_MODULE_2__/* .retrySummary */ .jk)({
        retryCampaignId: run.retryCampaignId,
        prNumber: run.prNumber,
        mergeSha: run.mergeSha,
        previousCampaignId: source.previousCampaignId,
        how: source.how,
        campaignName: prepared.name,
        workItems: prepared.rows.items.length,
        combinations: source.failing.length,
        operatorImage: run.operatorImage,
        viaCli: run.mode === 'cli',
        withheld: source.withheld ?? [],
    });
}


/***/ }),

/***/ 8137:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ createUpstreamSchema),
/* harmony export */   o: () => (/* binding */ WORK_ITEM_COMPLETED_CHANNEL)
/* harmony export */ });
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9102);

/**
 * The PostgreSQL schema of the Python eval harness, exactly as `PostgresDB.ensure_schema()` leaves
 * it (eval/src/eval/runner/db_postgres.py @ 675946b): the DDL first, then the same guarded
 * migration chain in the same order. `trials.behavior_json` is not in the DDL and is always added
 * by migration 5, so it is the last column of `trials`, as on every upstream database.
 */
const UPSTREAM_DDL = `
CREATE TABLE IF NOT EXISTS campaigns (
    id SERIAL PRIMARY KEY,
    subject_name TEXT NOT NULL,
    chaos_type TEXT NOT NULL DEFAULT '',
    name TEXT DEFAULT '',
    trial_count INTEGER NOT NULL,
    baseline BOOLEAN DEFAULT FALSE,
    continuous BOOLEAN DEFAULT FALSE,
    notable BOOLEAN DEFAULT FALSE,
    notes TEXT DEFAULT '',
    variant_name TEXT DEFAULT 'default',
    topology_json JSONB,
    git_commit_hash TEXT DEFAULT '',
    created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS trials (
    id SERIAL PRIMARY KEY,
    campaign_id INTEGER REFERENCES campaigns(id),
    started_at TIMESTAMPTZ,
    chaos_injected_at TIMESTAMPTZ,
    ticket_created_at TIMESTAMPTZ,
    resolved_at TIMESTAMPTZ,
    ended_at TIMESTAMPTZ,
    initial_state JSONB,
    final_state JSONB,
    chaos_metadata JSONB,
    commands_json JSONB,
    operator_data_json JSONB DEFAULT '{}'::jsonb
);

CREATE TABLE IF NOT EXISTS work_queue (
    id SERIAL PRIMARY KEY,
    campaign_id INTEGER REFERENCES campaigns(id),
    subject_type TEXT NOT NULL,
    chaos_type TEXT NOT NULL,
    chaos_params JSONB,
    baseline BOOLEAN DEFAULT FALSE,
    status TEXT DEFAULT 'pending',
    worker_id TEXT,
    claimed_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    trial_id INTEGER REFERENCES trials(id),
    error TEXT,
    sequence_number INTEGER,
    vm_name TEXT,
    resolution_timeout INTEGER
);

CREATE INDEX IF NOT EXISTS idx_trials_campaign ON trials(campaign_id);
CREATE INDEX IF NOT EXISTS idx_campaigns_variant ON campaigns(variant_name);
CREATE INDEX IF NOT EXISTS idx_work_queue_status ON work_queue(status);
CREATE INDEX IF NOT EXISTS idx_work_queue_campaign ON work_queue(campaign_id);
`;
const NOTIFY_TRIGGER_SQL = `
CREATE OR REPLACE FUNCTION notify_work_item_completed()
RETURNS trigger AS $$
BEGIN
    IF NEW.status IN ('completed', 'failed') AND OLD.status != NEW.status THEN
        PERFORM pg_notify('work_item_completed', json_build_object(
            'work_id', NEW.id,
            'campaign_id', NEW.campaign_id,
            'status', NEW.status,
            'trial_id', NEW.trial_id
        )::text);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS trg_work_item_completed ON work_queue;
CREATE TRIGGER trg_work_item_completed
    AFTER UPDATE ON work_queue
    FOR EACH ROW EXECUTE FUNCTION notify_work_item_completed();
`;
/** The channel the trigger notifies and `eval wait` listens on. */
const WORK_ITEM_COMPLETED_CHANNEL = 'work_item_completed';
/** Upstream's migrations 1-11, in upstream order, each run only when its column is missing. */
const COLUMN_MIGRATIONS = [
    {
        table: 'campaigns',
        column: 'name',
        statements: [
            "ALTER TABLE campaigns ADD COLUMN name TEXT DEFAULT ''",
            "UPDATE campaigns SET name = subject_name || '/' || chaos_type WHERE name = '' OR name IS NULL",
        ],
    },
    {
        table: 'trials',
        column: 'operator_data_json',
        statements: ["ALTER TABLE trials ADD COLUMN operator_data_json JSONB DEFAULT '{}'::jsonb"],
    },
    {
        table: 'campaigns',
        column: 'topology_json',
        statements: ['ALTER TABLE campaigns ADD COLUMN topology_json JSONB'],
    },
    {
        table: 'campaigns',
        column: 'git_commit_hash',
        statements: ["ALTER TABLE campaigns ADD COLUMN git_commit_hash TEXT DEFAULT ''"],
    },
    {
        table: 'trials',
        column: 'behavior_json',
        statements: ["ALTER TABLE trials ADD COLUMN behavior_json TEXT DEFAULT ''"],
    },
    {
        table: 'campaigns',
        column: 'continuous',
        statements: ['ALTER TABLE campaigns ADD COLUMN continuous BOOLEAN DEFAULT FALSE'],
    },
    {
        table: 'campaigns',
        column: 'notable',
        statements: ['ALTER TABLE campaigns ADD COLUMN notable BOOLEAN DEFAULT FALSE'],
    },
    {
        table: 'campaigns',
        column: 'notes',
        statements: ["ALTER TABLE campaigns ADD COLUMN notes TEXT DEFAULT ''"],
    },
    {
        table: 'work_queue',
        column: 'sequence_number',
        statements: [
            'ALTER TABLE work_queue ADD COLUMN sequence_number INTEGER',
            'CREATE INDEX IF NOT EXISTS idx_work_queue_sequence ON work_queue(campaign_id, sequence_number)',
        ],
    },
    {
        table: 'work_queue',
        column: 'vm_name',
        statements: ['ALTER TABLE work_queue ADD COLUMN vm_name TEXT'],
    },
    {
        table: 'work_queue',
        column: 'resolution_timeout',
        statements: ['ALTER TABLE work_queue ADD COLUMN resolution_timeout INTEGER'],
    },
];
/**
 * Creates or upgrades the upstream schema; idempotent. The existence checks are upstream's own
 * (information_schema by table name only, pg_trigger by trigger name only), quirks included.
 * A session advisory lock serialises concurrent callers (the DDL itself is not race-free).
 */
async function createUpstreamSchema(db) {
    // Advisory locks are per session, hence one connection for the whole run.
    await (0,_pool_js__WEBPACK_IMPORTED_MODULE_0__/* .withSession */ .fQ)((0,_pool_js__WEBPACK_IMPORTED_MODULE_0__/* .repeatable */ .EQ)(db), async (session) => {
        await session.query({ text: 'SELECT pg_advisory_lock($1)', values: [SCHEMA_LOCK] });
        try {
            await session.query({ text: UPSTREAM_DDL });
            for (const migration of COLUMN_MIGRATIONS) {
                if (await columnExists(session, migration.table, migration.column))
                    continue;
                for (const statement of migration.statements)
                    await session.query({ text: statement });
            }
            if (!(await triggerExists(session)))
                await session.query({ text: NOTIFY_TRIGGER_SQL });
        }
        finally {
            await session.query({ text: 'SELECT pg_advisory_unlock($1)', values: [SCHEMA_LOCK] });
        }
    });
}
/** Arbitrary constant key for the schema advisory lock. */
const SCHEMA_LOCK = 7_261_994_001;
async function columnExists(db, table, column) {
    const { rows } = await db.query({
        text: `SELECT EXISTS (
             SELECT 1 FROM information_schema.columns
             WHERE table_name = $1 AND column_name = $2
           ) AS present`,
        values: [table, column],
    });
    return rows[0]?.present === true;
}
async function triggerExists(db) {
    const { rows } = await db.query({
        text: "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'trg_work_item_completed') AS present",
    });
    return rows[0]?.present === true;
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
