export const id = 913;
export const ids = [913];
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

/***/ 1635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zz: () => (/* binding */ writeCampaignRows),
/* harmony export */   _H: () => (/* binding */ campaignRows),
/* harmony export */   hp: () => (/* binding */ enqueueCampaign)
/* harmony export */ });
/* harmony import */ var _core_campaign_matrix_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3413);
/* harmony import */ var _work_queue_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1887);


/**
 * What `eval run campaign --cloud=gcp` writes (cli.py @ c766b4b): one `campaigns` row whose
 * trial_count is the number of expanded specs (baseline included), then one work item per spec —
 * here in one transaction, so a crash leaves neither half.
 */
async function enqueueCampaign(db, campaign) {
    return db.withClient(async (client) => {
        await client.query('BEGIN');
        try {
            const result = await writeCampaignRows(client, campaign);
            await client.query('COMMIT');
            return result;
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
        }
    });
}
/** The rows of `enqueueCampaign`, inside a transaction the caller owns. */
async function writeCampaignRows(client, campaign) {
    const campaignId = await (0,_work_queue_js__WEBPACK_IMPORTED_MODULE_1__/* .insertCampaign */ .m$)(client, {
        subjectName: campaign.subjects[0] ?? 'tikv',
        name: campaign.name,
        trialCount: campaign.items.length,
        baseline: campaign.includeBaseline,
        continuous: campaign.continuous,
        variantName: campaign.variant,
        gitCommitHash: campaign.gitCommitHash,
        createdAt: campaign.createdAt ?? new Date().toISOString(),
    });
    const workIds = await (0,_work_queue_js__WEBPACK_IMPORTED_MODULE_1__/* .enqueue */ .Z2)(client, campaignId, campaign.items);
    return { campaignId, workIds };
}
/**
 * The rows `eval run campaign <file> --cloud=gcp` writes for a parsed campaign file (cli.py
 * @ c766b4b): one work item per expanded spec, in matrix order.
 */
function campaignRows(config, gitCommitHash, specs = (0,_core_campaign_matrix_js__WEBPACK_IMPORTED_MODULE_0__/* .expandCampaignMatrix */ .g)(config)) {
    return {
        name: config.name,
        subjects: config.subjects,
        includeBaseline: config.include_baseline,
        continuous: config.continuous,
        variant: config.variant,
        gitCommitHash,
        items: specs.map((spec) => ({
            subjectType: spec.subject,
            chaosType: spec.chaosType,
            chaosParams: spec.chaosParams,
            baseline: spec.baseline,
            sequenceNumber: spec.sequenceNumber,
            resolutionTimeout: spec.resolutionTimeout,
        })),
    };
}


/***/ }),

/***/ 8917:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $q: () => (/* binding */ RETRY_RUNS_TABLE),
/* harmony export */   CR: () => (/* binding */ PRODUCT_SCHEMA),
/* harmony export */   F9: () => (/* binding */ tableExists),
/* harmony export */   a9: () => (/* binding */ ensureProductTable),
/* harmony export */   l0: () => (/* binding */ ensureProductSchema)
/* harmony export */ });
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9102);

const PRODUCT_SCHEMA = 'iterate_campaign';
const RETRY_RUNS_TABLE = `${PRODUCT_SCHEMA}.retry_runs`;
const PRODUCT_DDL = `
CREATE SCHEMA IF NOT EXISTS ${PRODUCT_SCHEMA};

CREATE TABLE IF NOT EXISTS ${RETRY_RUNS_TABLE} (
    id BIGSERIAL PRIMARY KEY,
    repository TEXT NOT NULL,
    pr_number INTEGER NOT NULL CHECK (pr_number > 0),
    merge_sha TEXT NOT NULL CHECK (merge_sha ~ '^([0-9a-f]{40}|[0-9a-f]{64})$'),
    previous_campaign_id INTEGER,
    diagnosis_issue INTEGER,
    retry_campaign_id INTEGER NOT NULL,
    campaign_name TEXT NOT NULL,
    operator_image TEXT NOT NULL DEFAULT '',
    image_digests JSONB NOT NULL DEFAULT '{}'::jsonb,
    mode TEXT NOT NULL CHECK (mode IN ('direct', 'cli')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT retry_runs_pr_merge_key UNIQUE (repository, pr_number, merge_sha)
);

CREATE INDEX IF NOT EXISTS retry_runs_retry_campaign_idx ON ${RETRY_RUNS_TABLE} (retry_campaign_id);
`;
/** Serializes concurrent first-time DDL (CREATE … IF NOT EXISTS races on the catalog otherwise). */
const DDL_LOCK_KEY = '7596543301218001';
/**
 * Creates the schema and tables when missing. Idempotent and safe to run concurrently; when the
 * table already exists nothing is executed that needs the CREATE privilege.
 */
async function ensureProductSchema(db) {
    await (0,_pool_js__WEBPACK_IMPORTED_MODULE_0__/* .withSession */ .fQ)((0,_pool_js__WEBPACK_IMPORTED_MODULE_0__/* .repeatable */ .EQ)(db), async (session) => {
        if (await retryRunsExists(session))
            return;
        await session.query({ text: 'BEGIN' });
        try {
            await session.query({
                text: 'SELECT pg_advisory_xact_lock($1::bigint)',
                values: [DDL_LOCK_KEY],
            });
            await session.query({ text: PRODUCT_DDL });
            await session.query({ text: 'COMMIT' });
        }
        catch (error) {
            await session.query({ text: 'ROLLBACK' }).catch(() => undefined);
            throw error;
        }
    });
}
async function retryRunsExists(session) {
    const { rows } = await session.query({
        text: 'SELECT to_regclass($1) IS NOT NULL AS present',
        values: [RETRY_RUNS_TABLE],
    });
    return rows[0]?.present === true;
}
/** Whether a (schema-qualified) table exists. */
async function tableExists(session, table) {
    const { rows } = await session.query({
        text: 'SELECT to_regclass($1) IS NOT NULL AS present',
        values: [table],
    });
    return rows[0]?.present === true;
}
/**
 * Creates one more product table (after the schema) when missing: idempotent, and concurrent
 * first runs serialize on `lockKey`; nothing needing CREATE runs once the table exists.
 */
async function ensureProductTable(db, table, ddl, lockKey) {
    await ensureProductSchema(db);
    await db.retrying.withClient(async (session) => {
        if (await tableExists(session, table))
            return;
        await session.query('BEGIN');
        try {
            await session.query({ text: 'SELECT pg_advisory_xact_lock($1::bigint)', values: [lockKey] });
            await session.query(ddl);
            await session.query('COMMIT');
        }
        catch (error) {
            await session.query('ROLLBACK').catch(() => undefined);
            throw error;
        }
    });
}


/***/ }),

/***/ 6403:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CQ: () => (/* binding */ enqueueRetryOnce),
/* harmony export */   DJ: () => (/* binding */ withRetryRunLock),
/* harmony export */   Ec: () => (/* binding */ findRetryRunByCampaign),
/* harmony export */   cy: () => (/* binding */ findUnlinkedCampaign),
/* harmony export */   pD: () => (/* binding */ recordRetryRun),
/* harmony export */   xq: () => (/* binding */ findRetryRun)
/* harmony export */ });
/* unused harmony export advisoryKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _connection_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2956);
/* harmony import */ var _product_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8917);
/* harmony import */ var _enqueue_campaign_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1635);
/**
 * Retry runs: one targeted retry campaign per (repository, PR, merge SHA), enqueued exactly once.
 *
 * Direct mode (`enqueueRetryOnce`): one transaction takes a transaction-level advisory lock on the
 * key, returns the recorded run if there is one, else writes the `campaigns` row, one `work_queue`
 * row per spec (exactly as upstream's `eval run campaign --cloud=gcp`) and the `retry_runs` row,
 * and commits. Concurrent runs queue on the lock; the second one finds the first one's row. The
 * UNIQUE key is the backstop. A transaction that fails on a lost connection, a deadlock or a
 * serialization failure is retried whole: it is atomic, and the retry re-checks the key first.
 *
 * CLI mode (`withRetryRunLock` + `recordRetryRun`): the campaign is written by the harness's own
 * CLI, so the lock is a session-level one held around the CLI run.
 */




const COLUMNS = `id, repository, pr_number, merge_sha, previous_campaign_id, diagnosis_issue,
  retry_campaign_id, campaign_name, operator_image, image_digests, mode, created_at`;
function normalizeKey(key) {
    const repository = key.repository.trim().toLowerCase();
    const mergeSha = key.mergeSha.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9-]*\/[a-z0-9._-]+$/.test(repository)) {
        throw new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`invalid repository '${key.repository.slice(0, 80)}': expected owner/repo`);
    }
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(mergeSha)) {
        throw new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`invalid merge SHA '${key.mergeSha.slice(0, 80)}': expected 40 hex digits`);
    }
    if (!Number.isSafeInteger(key.prNumber) || key.prNumber < 1 || key.prNumber > 2_147_483_647) {
        throw new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`invalid PR number ${key.prNumber}`);
    }
    return { repository, prNumber: key.prNumber, mergeSha };
}
/** A signed 64-bit advisory-lock key for one retry key (as text, for a `$1::bigint` parameter). */
function advisoryKey(key) {
    const k = normalizeKey(key);
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`iterate_campaign.retry_runs\0${k.repository}\0${k.prNumber}\0${k.mergeSha}`)
        .digest();
    return digest.readBigInt64BE(0).toString();
}
async function findRetryRun(db, key) {
    const k = normalizeKey(key);
    const { rows } = await db.query({
        text: `SELECT ${COLUMNS} FROM ${_product_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .RETRY_RUNS_TABLE */ .$q}
           WHERE repository = $1 AND pr_number = $2 AND merge_sha = $3`,
        values: [k.repository, k.prNumber, k.mergeSha],
    });
    return rows[0] ? toRetryRun(rows[0]) : null;
}
/** The run that enqueued `campaignId` as its retry campaign, if this product enqueued it. */
async function findRetryRunByCampaign(db, campaignId) {
    const { rows } = await db.query({
        text: `SELECT ${COLUMNS} FROM ${_product_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .RETRY_RUNS_TABLE */ .$q} WHERE retry_campaign_id = $1 ORDER BY id LIMIT 1`,
        values: [campaignId],
    });
    return rows[0] ? toRetryRun(rows[0]) : null;
}
/** Enqueues the retry campaign and records the run, once per key (see the module comment). */
async function enqueueRetryOnce(db, key, link, campaign) {
    const k = normalizeKey(key);
    // Retried whole by db.transaction; the re-check under the lock makes a lost COMMIT harmless.
    return db.transaction(async (client) => {
        await client.query({
            text: 'SELECT pg_advisory_xact_lock($1::bigint)',
            values: [advisoryKey(k)],
        });
        const existing = await findRetryRun(client, k);
        if (existing)
            return { run: existing, created: false, workIds: [] };
        const { campaignId: retryCampaignId, workIds } = await (0,_enqueue_campaign_js__WEBPACK_IMPORTED_MODULE_3__/* .writeCampaignRows */ .Zz)(client, campaign);
        const run = await insertRun(client, k, link, retryCampaignId, 'direct');
        return { run, created: true, workIds };
    });
}
/**
 * Runs `fn` while holding the key's session-level advisory lock on one connection (CLI mode:
 * the harness writes the campaign in between). The lock is released however `fn` ends.
 */
async function withRetryRunLock(db, key, fn) {
    const lockKey = advisoryKey(key);
    return db.withClient(async (client) => {
        await client.query({ text: 'SELECT pg_advisory_lock($1::bigint)', values: [lockKey] });
        try {
            return await fn(client);
        }
        finally {
            await client.query({ text: 'SELECT pg_advisory_unlock($1::bigint)', values: [lockKey] });
        }
    });
}
/** Records a run whose campaign already exists; an existing row for the key wins and is returned. */
async function recordRetryRun(db, key, link, retryCampaignId, mode) {
    const k = normalizeKey(key);
    const { rows } = await db.query({
        text: `INSERT INTO ${_product_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .RETRY_RUNS_TABLE */ .$q} (repository, pr_number, merge_sha, previous_campaign_id,
             diagnosis_issue, retry_campaign_id, campaign_name, operator_image, image_digests, mode)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
           ON CONFLICT ON CONSTRAINT retry_runs_pr_merge_key DO NOTHING
           RETURNING ${COLUMNS}`,
        values: runValues(k, link, retryCampaignId, mode),
    });
    if (rows[0])
        return { run: toRetryRun(rows[0]), created: true };
    const existing = await findRetryRun(db, k);
    if (!existing)
        throw new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$('retry run vanished after a conflicting insert');
    return { run: existing, created: false };
}
/**
 * A campaign the harness CLI created for this merge in an earlier attempt that died before the run
 * was recorded: same name, git commit = the merge SHA, and not linked to any retry run.
 */
async function findUnlinkedCampaign(db, name, mergeSha) {
    const { rows } = await db.query({
        text: `SELECT c.id FROM campaigns c
           WHERE c.name = $1 AND c.git_commit_hash = $2
             AND NOT EXISTS (SELECT 1 FROM ${_product_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .RETRY_RUNS_TABLE */ .$q} r WHERE r.retry_campaign_id = c.id)
           ORDER BY c.id LIMIT 1`,
        values: [name, mergeSha.toLowerCase()],
    });
    return rows[0] ? rows[0].id : null;
}
async function insertRun(client, key, link, retryCampaignId, mode) {
    const { rows } = await client.query({
        text: `INSERT INTO ${_product_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .RETRY_RUNS_TABLE */ .$q} (repository, pr_number, merge_sha, previous_campaign_id,
             diagnosis_issue, retry_campaign_id, campaign_name, operator_image, image_digests, mode)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
           RETURNING ${COLUMNS}`,
        values: runValues(key, link, retryCampaignId, mode),
    });
    return toRetryRun(rows[0]);
}
function runValues(key, link, retryCampaignId, mode) {
    return [
        key.repository,
        key.prNumber,
        key.mergeSha,
        link.previousCampaignId,
        link.diagnosisIssue,
        retryCampaignId,
        link.campaignName,
        link.operatorImage,
        JSON.stringify(link.imageDigests),
        mode,
    ];
}
function toRetryRun(row) {
    return {
        id: Number(row.id),
        repository: row.repository,
        prNumber: row.pr_number,
        mergeSha: row.merge_sha,
        previousCampaignId: row.previous_campaign_id ?? null,
        diagnosisIssue: row.diagnosis_issue ?? null,
        retryCampaignId: row.retry_campaign_id,
        campaignName: row.campaign_name,
        operatorImage: row.operator_image,
        imageDigests: row.image_digests ?? {},
        mode: row.mode,
        createdAt: String(row.created_at),
    };
}


/***/ }),

/***/ 1887:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ getCampaignStatus),
/* harmony export */   KK: () => (/* binding */ insertTrial),
/* harmony export */   Kp: () => (/* binding */ updateVmName),
/* harmony export */   My: () => (/* binding */ complete),
/* harmony export */   Ym: () => (/* binding */ claimNext),
/* harmony export */   Z2: () => (/* binding */ enqueue),
/* harmony export */   dD: () => (/* binding */ countWorkItems),
/* harmony export */   m$: () => (/* binding */ insertCampaign)
/* harmony export */ });
/* harmony import */ var _core_py_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1867);
/* harmony import */ var _connection_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2956);
/* harmony import */ var _eval_reader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6771);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9102);




async function insertCampaign(db, campaign) {
    const { rows } = await db.query({
        text: `INSERT INTO campaigns (subject_name, chaos_type, name, trial_count, baseline, continuous,
             variant_name, topology_json, git_commit_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, COALESCE($10::timestamptz, NOW()))
           RETURNING id`,
        values: [
            campaign.subjectName,
            '',
            campaign.name,
            campaign.trialCount,
            campaign.baseline ?? false,
            campaign.continuous ?? false,
            campaign.variantName ?? 'default',
            campaign.topologyJson || null,
            campaign.gitCommitHash ?? '',
            campaign.createdAt === undefined ? null : utcTimestamp('createdAt', campaign.createdAt),
        ],
    });
    return rows[0].id;
}
/**
 * Rows identical to upstream's one INSERT per item, written by one statement over `unnest`
 * arrays. Returns the ids in item order (ids are drawn in `ORDER BY ord` order, so ascending).
 */
async function enqueue(db, campaignId, items) {
    if (items.length === 0)
        return [];
    const pick = (item, key, fallback) => item[key] === undefined ? fallback : item[key];
    const { rows } = await db.query({
        text: `INSERT INTO work_queue (campaign_id, subject_type, chaos_type, chaos_params, baseline,
             status, sequence_number, resolution_timeout)
           SELECT $1, t.subject_type, t.chaos_type, t.chaos_params::jsonb, t.baseline, 'pending',
                  t.sequence_number, t.resolution_timeout
           FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::integer[], $7::integer[])
                WITH ORDINALITY
                AS t(subject_type, chaos_type, chaos_params, baseline, sequence_number,
                     resolution_timeout, ord)
           ORDER BY t.ord
           RETURNING id`,
        values: [
            campaignId,
            items.map((item) => pick(item, 'subjectType', 'tikv')),
            items.map((item) => pick(item, 'chaosType', 'node_kill')),
            // json.dumps text, as upstream's enqueue sends it: jsonb then keeps `50.0` a float.
            items.map((item) => (0,_core_py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .pyJsonDumps */ .dv)(pick(item, 'chaosParams', {}))),
            items.map((item) => pick(item, 'baseline', false)),
            items.map((item) => item.sequenceNumber ?? null),
            items.map((item) => item.resolutionTimeout ?? null),
        ],
    });
    return rows.map((row) => row.id).sort((a, b) => a - b);
}
/**
 * Upstream `claim_next`, statement for statement: the lowest claimable pending id, skipping rows
 * other workers hold. A continuous campaign's item `n > 0` is claimable only after item `n - 1`
 * was completed by this same worker (state lives on that worker's VM).
 */
async function claimNext(db, workerId, campaignId) {
    const campaignFilter = campaignId === undefined ? '' : 'AND w.campaign_id = $2';
    const { rows } = await db.query({
        text: `UPDATE work_queue
           SET status = 'running',
               worker_id = $1,
               claimed_at = NOW()
           WHERE id = (
               SELECT w.id FROM work_queue w
               WHERE w.status = 'pending'
                 ${campaignFilter}
                 AND (
                   w.sequence_number IS NULL
                   OR w.sequence_number = 0
                   OR (w.sequence_number > 0 AND EXISTS (
                     SELECT 1 FROM work_queue prev
                     WHERE prev.campaign_id = w.campaign_id
                       AND prev.sequence_number = w.sequence_number - 1
                       AND prev.status = 'completed'
                       AND prev.worker_id = $1
                   ))
                 )
               ORDER BY w.id
               FOR UPDATE SKIP LOCKED
               LIMIT 1
           )
           RETURNING *`,
        values: campaignId === undefined ? [workerId] : [workerId, campaignId],
        types: _pool_js__WEBPACK_IMPORTED_MODULE_3__/* .EVAL_TYPES */ .zN,
    });
    return rows[0] ? (0,_eval_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .toWorkItemRecord */ .Z)(rows[0]) : null;
}
async function updateVmName(db, workId, vmName) {
    await db.query({
        text: 'UPDATE work_queue SET vm_name = $1 WHERE id = $2',
        values: [vmName, workId],
    });
}
/**
 * Upstream `complete`: `failed` when `error` is non-empty, else `completed`. Unconditional, like
 * upstream: it overwrites a `failed` set meanwhile by kill/cancel.
 */
async function complete(db, workId, outcome = {}) {
    await db.query({
        text: `UPDATE work_queue
           SET status = $1,
               completed_at = NOW(),
               trial_id = $2,
               error = $3
           WHERE id = $4`,
        values: [
            outcome.error ? 'failed' : 'completed',
            outcome.trialId ?? null,
            outcome.error ?? null,
            workId,
        ],
    });
}
/** Upstream `insert_trial`; `behavior_json` is left to its default. */
async function insertTrial(db, trial) {
    const { rows } = await db.query({
        text: `INSERT INTO trials (
             campaign_id, started_at, chaos_injected_at,
             ticket_created_at, resolved_at, ended_at,
             initial_state, final_state, chaos_metadata, commands_json,
             operator_data_json
           ) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb)
           RETURNING id`,
        values: [
            trial.campaignId,
            utcTimestamp('startedAt', trial.startedAt),
            utcTimestamp('chaosInjectedAt', trial.chaosInjectedAt),
            trial.ticketCreatedAt === null
                ? null
                : utcTimestamp('ticketCreatedAt', trial.ticketCreatedAt),
            trial.resolvedAt === null ? null : utcTimestamp('resolvedAt', trial.resolvedAt),
            utcTimestamp('endedAt', trial.endedAt),
            trial.initialState || '{}',
            trial.finalState || '{}',
            trial.chaosMetadata || '{}',
            trial.commandsJson || '[]',
            trial.operatorDataJson || '{}',
        ],
    });
    return rows[0].id;
}
async function getCampaignStatus(db, campaignId) {
    const { rows } = await db.query({
        text: `SELECT status, COUNT(*)::integer AS count
           FROM work_queue
           WHERE campaign_id = $1
           GROUP BY status`,
        values: [campaignId],
    });
    const counts = { pending: 0, running: 0, completed: 0, failed: 0 };
    for (const row of rows)
        counts[String(row.status)] = row.count;
    return counts;
}
/** Every work item of the campaign, whatever its status. */
async function countWorkItems(db, campaignId) {
    const counts = await getCampaignStatus(db, campaignId);
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
/**
 * Upstream's `parse_iso_datetime` takes naive timestamps as UTC. Making the offset explicit keeps
 * that true whatever the session TimeZone of the caller's connection is. Like upstream (where
 * `fromisoformat("")` raises), an empty string is rejected rather than stored as NULL.
 */
function utcTimestamp(field, value) {
    const text = value.trim();
    if (text === '') {
        throw new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`${field}: empty timestamp; expected ISO 8601 such as 2026-02-10T12:34:56+00:00`);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(text))
        return `${text}T00:00:00+00:00`;
    const separator = text.search(/\d[T ]\d/);
    if (separator === -1)
        return text;
    const time = text.slice(separator + 2);
    return /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(time) ? text : `${text}+00:00`;
}


/***/ })

};
