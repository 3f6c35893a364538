export const id = 432;
export const ids = [432];
export const modules = {

/***/ 5366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RA: () => (/* binding */ DEFAULT_HISTORY),
/* harmony export */   U2: () => (/* binding */ flakyHistory),
/* harmony export */   ls: () => (/* binding */ flakyFixes)
/* harmony export */ });
/* unused harmony exports trialsToBeatNoise, binomialUpperTail */
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/**
 * Flaky combinations across the campaigns of a series: a chaos type (with its params) that flips
 * between passing and failing from one campaign to the next. A "fixed" verdict on such a type says
 * little until enough trials separate the fix from its usual noise. Pure.
 */

/** Campaigns of a series read for the pass history by default (`--history`). */
const DEFAULT_HISTORY = 10;
/** At least two flips, and a flip in at least one of three consecutive pairs. */
const FLAKY_MIN_FLIPS = 2;
const FLAKY_MIN_FLIP_RATE = 1 / 3;
/**
 * The pass history of every non-baseline combination of the newest campaign over `series` (oldest
 * first, the analysed campaign last).
 */
function flakyHistory(series, target) {
    const newest = series[series.length - 1];
    if (!newest)
        return [];
    return newest.combos
        .filter((c) => !c.baseline)
        .map((combo) => {
        const key = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .combinationKey */ .ZV)({ chaosType: combo.chaos_type, params: combo.params });
        const campaigns = series.flatMap((campaign) => {
            const row = campaign.combos.find((c) => !c.baseline &&
                c.trials > 0 &&
                (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .combinationKey */ .ZV)({ chaosType: c.chaos_type, params: c.params }) === key);
            return row
                ? [{ campaign_id: campaign.campaign_id, successes: row.successes, trials: row.trials }]
                : [];
        });
        const passes = campaigns.map((c) => c.successes / c.trials >= target);
        const flips = passes.slice(1).filter((p, i) => p !== passes[i]).length;
        const flipRate = campaigns.length >= 2 ? flips / (campaigns.length - 1) : null;
        return {
            chaos_type: combo.chaos_type,
            params: combo.params,
            campaigns,
            flip_rate: flipRate,
            flaky: flips >= FLAKY_MIN_FLIPS && flipRate !== null && flipRate >= FLAKY_MIN_FLIP_RATE - 1e-9,
        };
    });
}
/**
 * All-success trials to add to a retry's `successes`/`trials` before a one-sided binomial test
 * against the series' pooled pass rate `p0` says p ≤ alpha: how many more trials separate a fix
 * from the noise of a flaky type. Null when no number of trials can (p0 = 1) or past 1000.
 */
function trialsToBeatNoise(successes, trials, p0, alpha = 0.05) {
    if (p0 >= 1)
        return null;
    for (let more = 0; more <= 1000; more++) {
        if (binomialUpperTail(successes + more, trials + more, p0) <= alpha * (1 + 1e-9))
            return more;
    }
    return null;
}
/** P(X ≥ k) for X ~ Binomial(n, p). */
function binomialUpperTail(k, n, p) {
    if (k <= 0)
        return 1;
    if (k > n)
        return 0;
    if (p <= 0)
        return 0;
    let total = 0;
    const logP = Math.log(p);
    const logQ = Math.log1p(-p);
    for (let i = k; i <= n; i++) {
        total += Math.exp(logChoose(n, i) + i * logP + (n - i) * logQ);
    }
    return Math.min(1, total);
}
function logChoose(n, k) {
    let sum = 0;
    for (let i = 1; i <= k; i++)
        sum += Math.log((n - k + i) / i);
    return sum;
}
/** Pooled pass rate of a combination over the campaigns of its history. */
function pooledRate(history) {
    const trials = history.campaigns.reduce((n, c) => n + c.trials, 0);
    const successes = history.campaigns.reduce((n, c) => n + c.successes, 0);
    return trials ? successes / trials : null;
}
function flakyFixes(rows, history) {
    const byKey = new Map(history.map((h) => [(0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .combinationKey */ .ZV)({ chaosType: h.chaos_type, params: h.params }), h]));
    return rows.flatMap((row) => {
        if (row.verdict !== 'fixed')
            return [];
        const past = byKey.get((0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .combinationKey */ .ZV)({ chaosType: row.chaos_type, params: row.params }));
        const pooled = past && pooledRate(past);
        if (!past?.flaky || pooled === null || pooled === undefined)
            return [];
        return [
            {
                chaos_type: row.chaos_type,
                params: row.params,
                flip_rate: past.flip_rate ?? 0,
                campaigns: past.campaigns.length,
                pooled_rate: pooled,
                retry: { successes: row.after.successes, trials: row.after.trials },
                more_trials_needed: trialsToBeatNoise(row.after.successes, row.after.trials, pooled),
            },
        ];
    });
}


/***/ }),

/***/ 6264:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ isFinished),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   oq: () => (/* binding */ staleItems),
/* harmony export */   vA: () => (/* binding */ totalsOf),
/* harmony export */   xJ: () => (/* binding */ describeTotals)
/* harmony export */ });
function totalsOf(snapshot) {
    const totals = { total: 0, pending: 0, running: 0, completed: 0, failed: 0 };
    for (const g of snapshot.groups) {
        totals.pending += g.pending;
        totals.running += g.running;
        totals.completed += g.completed;
        totals.failed += g.failed;
    }
    totals.total = totals.pending + totals.running + totals.completed + totals.failed;
    return totals;
}
/** Finished like `eval wait` decides it: nothing pending and nothing running. */
function isFinished(totals) {
    return totals.total > 0 && totals.pending + totals.running === 0;
}
function formatDuration(seconds) {
    const s = Math.max(0, Math.round(seconds));
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m${String(s % 60).padStart(2, '0')}s`;
    return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
/** One progress line, e.g. `12/28 done (10 completed, 2 failed) · 3 running · 13 pending`. */
function describeTotals(t) {
    const done = t.completed + t.failed;
    const pct = t.total ? Math.floor((done / t.total) * 100) : 0;
    return `${done}/${t.total} done (${pct}%): ${t.completed} completed, ${t.failed} failed · ${t.running} running · ${t.pending} pending`;
}
/**
 * Items running longer than any trial should (upstream's `release-stale` default is one hour):
 * their worker is probably gone, and upstream has no heartbeat to tell.
 */
function staleItems(snapshot, staleAfterSeconds) {
    return snapshot.running.filter((r) => r.runningSeconds >= staleAfterSeconds);
}


/***/ }),

/***/ 3692:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ readProgress)
/* harmony export */ });
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9102);

/** One read of a campaign's queue: counts per chaos type and params, and who runs what. */
async function readProgress(source, campaignId) {
    const db = (0,_pool_js__WEBPACK_IMPORTED_MODULE_0__/* .repeatable */ .EQ)(source); // reads only: retried on a fresh connection when one is lost
    const groups = await db.query({
        text: `SELECT chaos_type, chaos_params, baseline, MIN(id) AS first_id,
                  COUNT(*) FILTER (WHERE status = 'pending') AS pending,
                  COUNT(*) FILTER (WHERE status = 'running') AS running,
                  COUNT(*) FILTER (WHERE status = 'completed') AS completed,
                  COUNT(*) FILTER (WHERE status = 'failed') AS failed,
                  AVG(EXTRACT(EPOCH FROM completed_at - claimed_at))
                    FILTER (WHERE status IN ('completed', 'failed')
                            AND completed_at >= claimed_at)::float8 AS mean_seconds
           FROM work_queue WHERE campaign_id = $1
           GROUP BY chaos_type, chaos_params, baseline
           ORDER BY first_id`,
        values: [campaignId],
    });
    const running = await db.query({
        text: `SELECT id, chaos_type, worker_id,
                  COALESCE(EXTRACT(EPOCH FROM NOW() - claimed_at), 0)::float8 AS running_seconds
           FROM work_queue WHERE campaign_id = $1 AND status = 'running' ORDER BY id`,
        values: [campaignId],
    });
    return {
        groups: groups.rows.map((row) => ({
            chaosType: row.chaos_type,
            params: row.chaos_params,
            baseline: Boolean(row.baseline),
            pending: Number(row.pending),
            running: Number(row.running),
            completed: Number(row.completed),
            failed: Number(row.failed),
            meanSeconds: row.mean_seconds === null ? null : Number(row.mean_seconds),
        })),
        running: running.rows.map((row) => ({
            workId: row.id,
            chaosType: row.chaos_type,
            workerId: row.worker_id ?? null,
            runningSeconds: Number(row.running_seconds),
        })),
    };
}


/***/ }),

/***/ 1182:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ax: () => (/* binding */ releaseReport),
/* harmony export */   BC: () => (/* binding */ startValidationOnce),
/* harmony export */   NL: () => (/* binding */ openReport),
/* harmony export */   Nh: () => (/* binding */ markReported),
/* harmony export */   Pr: () => (/* binding */ withCommentLock),
/* harmony export */   ZC: () => (/* binding */ recordComment),
/* harmony export */   Zm: () => (/* binding */ ensureRetryReportsSchema),
/* harmony export */   _h: () => (/* binding */ markFinalized),
/* harmony export */   kz: () => (/* binding */ findReport),
/* harmony export */   l2: () => (/* binding */ openReportsForRuns),
/* harmony export */   l8: () => (/* binding */ claimReport),
/* harmony export */   uY: () => (/* binding */ listOpenReports)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _product_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8917);
/**
 * Retry reports: what happened after a retry campaign was enqueued, one row per retry campaign in
 * `iterate_campaign.retry_reports`, so that the blocking path (wait → compare → finalize) and the
 * cron path (reconcile) can both drive a retry to its end without doing anything twice.
 *
 *   waiting ──compare/reconcile──▶ reported ──finalize (target reached)──▶ finalizing ──▶ finalized
 *
 * - Reporting is claimed with a lease: `UPDATE … WHERE status = 'waiting' AND lease expired
 *   RETURNING` is atomic, so exactly one process writes the comment and the issue iteration; a
 *   process that dies leaves a lease that expires, and the next reconcile takes over.
 * - Marking reported/finalized is guarded by the lease owner: a process whose lease was taken over
 *   does not overwrite the new owner's result.
 * - The validation campaign is enqueued in the same transaction that records its id, under a row
 *   lock, so two finalizers enqueue it once.
 * - Writes to one PR's sticky comment are serialized with a session advisory lock per PR.
 */


const RETRY_REPORTS_TABLE = `${_product_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .PRODUCT_SCHEMA */ .CR}.retry_reports`;
const OPEN_STATUSES = "('waiting', 'reported', 'finalizing')";
const RETRY_REPORTS_DDL = `
CREATE TABLE IF NOT EXISTS ${RETRY_REPORTS_TABLE} (
    retry_campaign_id INTEGER PRIMARY KEY,
    retry_run_id BIGINT,
    repository TEXT NOT NULL,
    pr_number INTEGER CHECK (pr_number > 0),
    previous_campaign_id INTEGER NOT NULL,
    diagnosis_issue INTEGER,
    target_win_rate DOUBLE PRECISION NOT NULL CHECK (target_win_rate > 0 AND target_win_rate <= 1),
    status TEXT NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'reported', 'finalizing', 'finalized')),
    verdict TEXT,
    win_rate DOUBLE PRECISION,
    target_reached BOOLEAN,
    comment_id BIGINT,
    comment_revision BIGINT NOT NULL DEFAULT 0,
    validation_campaign_id INTEGER,
    validation_passed BOOLEAN,
    lease_owner TEXT,
    lease_until TIMESTAMPTZ,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    reported_at TIMESTAMPTZ,
    finalized_at TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS retry_reports_open_idx ON ${RETRY_REPORTS_TABLE} (repository)
    WHERE status IN ${OPEN_STATUSES};
`;
/** Serializes concurrent first-time DDL of this table (distinct from retry_runs' lock). */
const DDL_LOCK_KEY = '7596543301218002';
/** How long a claim protects a report while it is written (a report takes seconds). */
const DEFAULT_LEASE_SECONDS = 600;
const COLUMNS = `retry_campaign_id, retry_run_id, repository, pr_number, previous_campaign_id,
  diagnosis_issue, target_win_rate, status, verdict, win_rate, target_reached, comment_id,
  comment_revision, validation_campaign_id, validation_passed, lease_owner, lease_until, attempts`;
/** Creates the product schema (retry_runs) and this table when missing; idempotent, concurrent-safe. */
async function ensureRetryReportsSchema(db) {
    await (0,_product_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureProductTable */ .a9)(db, RETRY_REPORTS_TABLE, RETRY_REPORTS_DDL, DDL_LOCK_KEY);
}
/** The report of `seed.retryCampaignId`, created `waiting` if there is none (an existing row wins). */
async function openReport(db, seed) {
    await db.query({
        text: `INSERT INTO ${RETRY_REPORTS_TABLE} (retry_campaign_id, retry_run_id, repository, pr_number,
             previous_campaign_id, diagnosis_issue, target_win_rate)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (retry_campaign_id) DO NOTHING`,
        values: [
            seed.retryCampaignId,
            seed.retryRunId,
            seed.repository.toLowerCase(),
            seed.prNumber,
            seed.previousCampaignId,
            seed.diagnosisIssue,
            seed.targetWinRate,
        ],
    });
    const report = await findReport(db, seed.retryCampaignId);
    if (!report)
        throw new Error(`retry report ${seed.retryCampaignId} vanished after its insert`);
    return report;
}
/** Creates a `waiting` report for every retry run of `repository` that has none yet. */
async function openReportsForRuns(db, repository, targetWinRate) {
    const { rowCount } = await db.query({
        text: `INSERT INTO ${RETRY_REPORTS_TABLE} (retry_campaign_id, retry_run_id, repository, pr_number,
             previous_campaign_id, diagnosis_issue, target_win_rate)
           SELECT DISTINCT ON (r.retry_campaign_id) r.retry_campaign_id, r.id, r.repository,
                  r.pr_number, r.previous_campaign_id, r.diagnosis_issue, $2
           FROM ${_product_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .RETRY_RUNS_TABLE */ .$q} r
           WHERE r.repository = $1 AND r.previous_campaign_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM ${RETRY_REPORTS_TABLE} x
                             WHERE x.retry_campaign_id = r.retry_campaign_id)
           ORDER BY r.retry_campaign_id, r.id
           ON CONFLICT (retry_campaign_id) DO NOTHING`,
        values: [repository.toLowerCase(), targetWinRate],
    });
    return rowCount ?? 0;
}
async function findReport(db, retryCampaignId) {
    const { rows } = await db.query({
        text: `SELECT ${COLUMNS} FROM ${RETRY_REPORTS_TABLE} WHERE retry_campaign_id = $1`,
        values: [retryCampaignId],
    });
    return rows[0] ? toReport(rows[0]) : null;
}
/** Reports of `repository` that still have something to do, oldest retry first. */
async function listOpenReports(db, repository) {
    const { rows } = await db.query({
        text: `SELECT ${COLUMNS} FROM ${RETRY_REPORTS_TABLE}
           WHERE repository = $1 AND status IN ${OPEN_STATUSES}
           ORDER BY retry_campaign_id`,
        values: [repository.toLowerCase()],
    });
    return rows.map(toReport);
}
/**
 * Atomically takes the report's lease when it is in one of `from` and nobody else holds a live
 * lease (the owner may renew its own). Returns the claimed row, or null.
 */
async function claimReport(db, retryCampaignId, options) {
    const { rows } = await db.query({
        text: `UPDATE ${RETRY_REPORTS_TABLE}
           SET lease_owner = $2, lease_until = NOW() + make_interval(secs => $3),
               attempts = attempts + 1, updated_at = NOW()
           WHERE retry_campaign_id = $1 AND status = ANY($4::text[])
             AND (lease_until IS NULL OR lease_until < NOW() OR lease_owner = $2)
           RETURNING ${COLUMNS}`,
        values: [
            retryCampaignId,
            options.owner,
            options.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
            [...options.from],
        ],
    });
    return rows[0] ? toReport(rows[0]) : null;
}
/** Gives the lease back without changing the status (a failed attempt: the next run retries). */
async function releaseReport(db, retryCampaignId, owner) {
    await db.query({
        text: `UPDATE ${RETRY_REPORTS_TABLE} SET lease_owner = NULL, lease_until = NULL, updated_at = NOW()
           WHERE retry_campaign_id = $1 AND lease_owner = $2`,
        values: [retryCampaignId, owner],
    });
}
/** `waiting` → `reported`, only while `owner` still holds the lease. False when it was lost. */
async function markReported(db, retryCampaignId, owner, result) {
    const { rowCount } = await db.query({
        text: `UPDATE ${RETRY_REPORTS_TABLE}
           SET status = 'reported', verdict = $3, win_rate = $4, target_reached = $5,
               target_win_rate = $6, reported_at = NOW(), updated_at = NOW(),
               lease_owner = NULL, lease_until = NULL
           WHERE retry_campaign_id = $1 AND lease_owner = $2 AND status = 'waiting'`,
        values: [
            retryCampaignId,
            owner,
            result.verdict,
            result.winRate,
            result.targetReached,
            result.targetWinRate,
        ],
    });
    return rowCount === 1;
}
/** `finalizing` → `finalized` with the validation's result, only while `owner` holds the lease. */
async function markFinalized(db, retryCampaignId, owner, validationPassed) {
    const { rowCount } = await db.query({
        text: `UPDATE ${RETRY_REPORTS_TABLE}
           SET status = 'finalized', validation_passed = $3, finalized_at = NOW(), updated_at = NOW(),
               lease_owner = NULL, lease_until = NULL
           WHERE retry_campaign_id = $1 AND lease_owner = $2 AND status = 'finalizing'`,
        values: [retryCampaignId, owner, validationPassed],
    });
    return rowCount === 1;
}
/** Records the sticky comment written; the stored revision only ever grows. */
async function recordComment(db, retryCampaignId, commentId, revision) {
    await db.query({
        text: `UPDATE ${RETRY_REPORTS_TABLE}
           SET comment_id = $2, comment_revision = GREATEST(comment_revision, $3), updated_at = NOW()
           WHERE retry_campaign_id = $1`,
        values: [retryCampaignId, commentId, revision],
    });
}
/**
 * Enqueues the validation campaign once: under a row lock, a report that already has one returns
 * it; otherwise `enqueue` runs on the same transaction and the report moves to `finalizing`.
 * Only a `reported` report whose verdict is `target-reached` may start one.
 */
async function startValidationOnce(db, retryCampaignId, enqueue) {
    // Retried whole by db.transaction; the re-check under the row lock makes a lost COMMIT harmless.
    return db.transaction(async (client) => {
        const { rows } = await client.query({
            text: `SELECT ${COLUMNS} FROM ${RETRY_REPORTS_TABLE} WHERE retry_campaign_id = $1 FOR UPDATE`,
            values: [retryCampaignId],
        });
        const current = rows[0] ? toReport(rows[0]) : null;
        if (!current)
            throw new Error(`No retry report for campaign ${retryCampaignId}`);
        if (current.validationCampaignId !== null || current.status !== 'reported') {
            return { report: current, created: false };
        }
        const validationId = await enqueue(client);
        const updated = await client.query({
            text: `UPDATE ${RETRY_REPORTS_TABLE}
             SET validation_campaign_id = $2, status = 'finalizing', updated_at = NOW()
             WHERE retry_campaign_id = $1 RETURNING ${COLUMNS}`,
            values: [retryCampaignId, validationId],
        });
        return { report: toReport(updated.rows[0]), created: true };
    });
}
/**
 * Runs `fn` holding a session advisory lock for one PR's sticky comment, so that only one of our
 * processes lists, creates or edits it at a time (the lock ends with the session if we die).
 */
async function withCommentLock(db, repository, prNumber, fn) {
    const key = commentLockKey(repository, prNumber);
    return db.withClient(async (session) => {
        await session.query({ text: 'SELECT pg_advisory_lock($1::bigint)', values: [key] });
        try {
            return await fn();
        }
        finally {
            await session
                .query({ text: 'SELECT pg_advisory_unlock($1::bigint)', values: [key] })
                .catch(() => undefined);
        }
    });
}
function commentLockKey(repository, prNumber) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`iterate_campaign.retry_report_comment\0${repository.toLowerCase()}\0${prNumber}`)
        .digest();
    return digest.readBigInt64BE(0).toString();
}
function toReport(row) {
    const optionalNumber = (value) => value === null || value === undefined ? null : Number(value);
    return {
        retryCampaignId: Number(row.retry_campaign_id),
        retryRunId: optionalNumber(row.retry_run_id),
        repository: row.repository,
        prNumber: optionalNumber(row.pr_number),
        previousCampaignId: Number(row.previous_campaign_id),
        diagnosisIssue: optionalNumber(row.diagnosis_issue),
        targetWinRate: Number(row.target_win_rate),
        status: row.status,
        verdict: row.verdict ?? null,
        winRate: optionalNumber(row.win_rate),
        targetReached: row.target_reached ?? null,
        commentId: optionalNumber(row.comment_id),
        commentRevision: Number(row.comment_revision),
        validationCampaignId: optionalNumber(row.validation_campaign_id),
        validationPassed: row.validation_passed ?? null,
        leaseOwner: row.lease_owner ?? null,
        leaseUntil: row.lease_until === null || row.lease_until === undefined ? null : String(row.lease_until),
        attempts: Number(row.attempts),
    };
}


/***/ }),

/***/ 6918:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KI: () => (/* binding */ enqueueTopUpOnce),
/* harmony export */   RD: () => (/* binding */ ensureTopUpsSchema),
/* harmony export */   sQ: () => (/* binding */ listTopUps)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _connection_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2956);
/* harmony import */ var _enqueue_campaign_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1635);
/* harmony import */ var _product_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8917);
/**
 * Top-up rounds of a retry: follow-up campaigns that run more trials for exactly the combinations
 * the comparison left inconclusive, one row per (retry campaign, round) in
 * `iterate_campaign.top_ups`.
 *
 * A round is enqueued in the transaction that records it, under a transaction-level advisory lock
 * per retry campaign, and only when it is the next round: a second compare or reconcile run on the
 * same state (or a concurrent one) finds the round and writes nothing. Each work item copies the
 * retry's own work item of that combination (subject, chaos type, params, resolution timeout), so
 * the follow-up runs what the retry ran.
 */




const TOP_UPS_TABLE = `${_product_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .PRODUCT_SCHEMA */ .CR}.top_ups`;
const TOP_UPS_DDL = `
CREATE TABLE IF NOT EXISTS ${TOP_UPS_TABLE} (
    retry_campaign_id INTEGER NOT NULL,
    round INTEGER NOT NULL CHECK (round > 0),
    campaign_id INTEGER NOT NULL,
    combinations JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (retry_campaign_id, round)
);
`;
const DDL_LOCK_KEY = '7596543301218003';
/** Creates the table when missing; idempotent and safe to run concurrently. */
async function ensureTopUpsSchema(db) {
    await (0,_product_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureProductTable */ .a9)(db, TOP_UPS_TABLE, TOP_UPS_DDL, DDL_LOCK_KEY);
}
/** The rounds of a retry, oldest first; none when the table does not exist yet. */
async function listTopUps(db, retryCampaignId) {
    if (!(await (0,_product_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .tableExists */ .F9)(db, TOP_UPS_TABLE)))
        return [];
    const result = await db.query({
        text: `SELECT retry_campaign_id, round, campaign_id, combinations FROM ${TOP_UPS_TABLE}
           WHERE retry_campaign_id = $1 ORDER BY round`,
        values: [retryCampaignId],
    });
    return result.rows.map(toTopUp);
}
function lockKey(retryCampaignId) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`iterate_campaign.top_ups\0${retryCampaignId}`)
        .digest()
        .readBigInt64BE(0)
        .toString();
}
/**
 * Enqueues round `round` of the retry's top-up once. When that round (or a later one) exists,
 * returns it (or null) and writes nothing.
 */
async function enqueueTopUpOnce(db, retryCampaignId, round, requests) {
    if (requests.length === 0)
        return null;
    return db.transaction(async (client) => {
        await client.query({
            text: 'SELECT pg_advisory_xact_lock($1::bigint)',
            values: [lockKey(retryCampaignId)],
        });
        const existing = await listTopUps(client, retryCampaignId);
        const same = existing.find((t) => t.round === round);
        if (same)
            return { topUp: same, created: false, workIds: [] };
        if (existing.length >= round)
            return null;
        if (existing.length !== round - 1) {
            throw new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`top-up round ${round} of retry campaign ${retryCampaignId} requested, but ${existing.length} round(s) exist`);
        }
        const campaign = await campaignRow(client, retryCampaignId);
        const items = [];
        for (const request of requests) {
            const template = await templateItem(client, retryCampaignId, request);
            for (let i = 0; i < request.trials; i += 1)
                items.push(template);
        }
        const { campaignId, workIds } = await (0,_enqueue_campaign_js__WEBPACK_IMPORTED_MODULE_2__/* .writeCampaignRows */ .Zz)(client, {
            name: `${campaign.name}-topup-${round}`,
            subjects: [campaign.subjectName],
            includeBaseline: false,
            continuous: false,
            variant: campaign.variantName,
            gitCommitHash: campaign.gitCommitHash,
            items,
        });
        const { rows } = await client.query({
            text: `INSERT INTO ${TOP_UPS_TABLE} (retry_campaign_id, round, campaign_id, combinations)
             VALUES ($1, $2, $3, $4::jsonb)
             RETURNING retry_campaign_id, round, campaign_id, combinations`,
            values: [retryCampaignId, round, campaignId, JSON.stringify(requests)],
        });
        return { topUp: toTopUp(rows[0]), created: true, workIds };
    });
}
async function campaignRow(client, campaignId) {
    const { rows } = await client.query({
        text: `SELECT name, subject_name, variant_name, git_commit_hash FROM campaigns WHERE id = $1`,
        values: [campaignId],
    });
    const row = rows[0];
    if (!row)
        throw new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`retry campaign ${campaignId} does not exist`);
    return {
        name: row.name,
        subjectName: row.subject_name,
        variantName: row.variant_name ?? 'default',
        gitCommitHash: row.git_commit_hash ?? '',
    };
}
/** The retry's own work item of the combination: what a follow-up trial must run again. */
async function templateItem(client, retryCampaignId, request) {
    const { rows } = await client.query({
        text: `SELECT subject_type, chaos_type, chaos_params, resolution_timeout FROM work_queue
           WHERE campaign_id = $1 AND NOT COALESCE(baseline, FALSE) AND chaos_type = $2
             AND COALESCE(chaos_params, '{}'::jsonb) = $3::jsonb
           ORDER BY id LIMIT 1`,
        values: [retryCampaignId, request.chaos_type, JSON.stringify(request.params)],
    });
    const row = rows[0];
    if (!row) {
        throw new _connection_url_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseError */ .a$(`retry campaign ${retryCampaignId} has no work item for ${request.chaos_type} ${JSON.stringify(request.params)} to top up`);
    }
    return {
        subjectType: row.subject_type,
        chaosType: row.chaos_type,
        chaosParams: row.chaos_params ?? {},
        baseline: false,
        sequenceNumber: null,
        resolutionTimeout: row.resolution_timeout ?? null,
    };
}
function toTopUp(row) {
    return {
        retryCampaignId: row.retry_campaign_id,
        round: row.round,
        campaignId: row.campaign_id,
        combinations: row.combinations,
    };
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

/***/ 3484:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ loadFlakyHistory)
});

// EXTERNAL MODULE: ./lib/core/flaky.js
var flaky = __webpack_require__(5366);
;// CONCATENATED MODULE: ./lib/db/campaign-series.js
/**
 * Ids of the campaigns of a series (same name, upstream's `subject/chaos_type` fallback for an
 * empty one) up to and including `upToId`, newest first, at most `limit`.
 */
async function listSeriesCampaignIds(db, name, upToId, limit) {
    if (limit <= 0)
        return [];
    const { rows } = await db.query({
        text: `SELECT id FROM campaigns
           WHERE COALESCE(NULLIF(name, ''), subject_name || '/' || chaos_type) = $1 AND id <= $2
           ORDER BY id DESC
           LIMIT $3`,
        values: [name, upToId, limit],
    });
    return rows.map((row) => row.id);
}

// EXTERNAL MODULE: ./lib/loop/analyze-campaign.js + 2 modules
var analyze_campaign = __webpack_require__(9195);
;// CONCATENATED MODULE: ./lib/loop/campaign-history.js



async function loadFlakyHistory(db, analysis, options) {
    const ids = await listSeriesCampaignIds(db, analysis.campaign.name, analysis.campaign.id, options.history);
    const series = [];
    for (const id of ids.reverse()) {
        if (id === analysis.campaign.id) {
            series.push({ campaign_id: id, combos: analysis.by_chaos_type });
            continue;
        }
        const past = await (0,analyze_campaign/* loadCampaignAnalysis */.vn)(db, id, {
            target: analysis.target_win_rate,
            causes: options.causes,
            evidence: false,
        });
        series.push({ campaign_id: id, combos: past.by_chaos_type });
    }
    return (0,flaky/* flakyHistory */.U2)(series, analysis.target_win_rate);
}


/***/ }),

/***/ 9968:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Tk: () => (/* binding */ DEFAULT_REPORT_DEPENDENCIES),
  JB: () => (/* reexport */ config/* DEFAULT_VALIDATION_CAMPAIGN */.JB),
  mE: () => (/* binding */ REPORT_PERMISSIONS),
  aE: () => (/* binding */ campaignProgress),
  Hb: () => (/* binding */ describeComment),
  Ip: () => (/* binding */ loadRetryComparison),
  l3: () => (/* binding */ publishRetryComment),
  ZD: () => (/* binding */ recordIteration),
  C: () => (/* binding */ renderReportComment),
  bQ: () => (/* binding */ reportTextContext),
  _M: () => (/* binding */ repositoryOf),
  LW: () => (/* binding */ retryRunOf),
  OR: () => (/* binding */ testedImages),
  WF: () => (/* binding */ withReportContext)
});

// EXTERNAL MODULE: ./lib/core/flaky.js
var flaky = __webpack_require__(5366);
// EXTERNAL MODULE: ./lib/loop/campaign-history.js + 1 modules
var campaign_history = __webpack_require__(3484);
;// CONCATENATED MODULE: ./lib/loop/flaky-fixes.js



/**
 * Marks the comparison's "fixed" rows whose combination flips across the series of the campaign
 * the retry retried, with the trials that would separate a fix from that noise.
 */
async function markFlakyFixes(db, comparison, before, causes, history = flaky/* DEFAULT_HISTORY */.RA) {
    if (!comparison.rows.some((r) => r.verdict === 'fixed'))
        return;
    const series = await (0,campaign_history/* loadFlakyHistory */.a)(db, before, { history, causes });
    const fixes = (0,flaky/* flakyFixes */.ls)(comparison.rows, series);
    if (fixes.length)
        comparison.flaky_fixes = fixes;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/core/grouping.js
var grouping = __webpack_require__(5414);
// EXTERNAL MODULE: ./lib/core/sequential.js
var sequential = __webpack_require__(7272);
// EXTERNAL MODULE: ./lib/core/stats.js
var stats = __webpack_require__(1320);
// EXTERNAL MODULE: ./lib/core/targets.js
var targets = __webpack_require__(1641);
;// CONCATENATED MODULE: ./lib/core/compare.js





/**
 * Compares a retry campaign's analysis with the analysis of the campaign it retried. With a trial
 * budget, combinations that could still be fixed within it are `inconclusive` with trials to add.
 */
function compareCampaigns(before, after, target, options = {}) {
    const beforeRows = new Map(before.by_chaos_type.filter((c) => !c.baseline).map((c) => [keyOf(c), c]));
    const rows = after.by_chaos_type
        .filter((c) => !c.baseline)
        .map((retried) => compareRow(beforeRows.get(keyOf(retried)), retried, (0,targets/* targetFor */.x1)(target, options.targets, retried.chaos_type), options.budget));
    const agentTrials = after.agent_trials;
    const agentSuccesses = after.agent_successes;
    const winRate = agentTrials ? agentSuccesses / agentTrials : 0;
    const ci = (0,stats/* wilsonInterval */.YV)(agentSuccesses, agentTrials);
    const retryVerdict = winRate < target || agentTrials === 0
        ? 'missed'
        : ci[0] >= target
            ? 'reached'
            : 'reached-not-confident';
    const regressions = rows
        .filter((r) => r.verdict === 'regressed')
        .map(({ chaos_type, params }) => ({ chaos_type, params }));
    return {
        previous_campaign_id: before.campaign.id,
        retry_campaign_id: after.campaign.id,
        target_win_rate: target,
        rows,
        regressions,
        retry: {
            trials: agentTrials,
            successes: agentSuccesses,
            win_rate: winRate,
            ci,
            verdict: retryVerdict,
            all_success_trials_needed: agentTrials
                ? (0,stats/* allSuccessTrialsNeeded */.Zv)(agentSuccesses, agentTrials, target)
                : null,
        },
        new_findings: after.findings,
        verdict: overallVerdict(rows, retryVerdict),
    };
}
function keyOf(c) {
    return (0,grouping/* combinationKey */.ZV)({ subject: c.subject, chaosType: c.chaos_type, params: c.params });
}
function compareRow(before, after, target, budget) {
    const b = { successes: before?.successes ?? 0, trials: before?.trials ?? 0 };
    const a = { successes: after.successes, trials: after.trials };
    const decision = (0,sequential/* decideCombination */.Un)(b, a, target, budget);
    return {
        chaos_type: after.chaos_type,
        params: after.params,
        before: { ...b, win_rate: b.trials ? b.successes / b.trials : null },
        after: { ...a, win_rate: a.trials ? a.successes / a.trials : null },
        p_improvement: decision.p_improvement,
        p_regression: decision.p_regression,
        verdict: decision.verdict,
        stop_reason: decision.reason,
        next_trials: decision.next_trials,
        target,
    };
}
function overallVerdict(rows, retry) {
    if (rows.some((r) => r.verdict === 'regressed'))
        return 'regressed';
    if (retry !== 'missed')
        return 'target-reached';
    if (rows.some((r) => r.verdict === 'fixed' || r.verdict === 'improved'))
        return 'improved';
    return 'not-improved';
}

// EXTERNAL MODULE: ./lib/core/diagnosis-state.js + 1 modules
var diagnosis_state = __webpack_require__(8251);
// EXTERNAL MODULE: ./lib/core/progress.js
var progress = __webpack_require__(6264);
// EXTERNAL MODULE: ./lib/core/retry-report.js + 2 modules
var retry_report = __webpack_require__(8920);
// EXTERNAL MODULE: ./lib/db/campaign-progress.js
var campaign_progress = __webpack_require__(3692);
// EXTERNAL MODULE: ./lib/db/eval-reader.js + 2 modules
var eval_reader = __webpack_require__(6771);
// EXTERNAL MODULE: ./lib/db/pool.js
var pool = __webpack_require__(9102);
// EXTERNAL MODULE: ./lib/db/retry-reports.js
var retry_reports = __webpack_require__(1182);
// EXTERNAL MODULE: ./lib/db/retry-runs.js
var retry_runs = __webpack_require__(6403);
// EXTERNAL MODULE: ./lib/github/client.js
var client = __webpack_require__(636);
// EXTERNAL MODULE: ./lib/github/diagnosis-issue.js
var diagnosis_issue = __webpack_require__(2576);
// EXTERNAL MODULE: ./lib/github/errors.js
var errors = __webpack_require__(9452);
// EXTERNAL MODULE: ./lib/github/repo-context.js
var repo_context = __webpack_require__(4013);
// EXTERNAL MODULE: ./lib/github/session.js
var session = __webpack_require__(9811);
// EXTERNAL MODULE: ./lib/github/sticky-comment.js
var sticky_comment = __webpack_require__(4156);
// EXTERNAL MODULE: ./lib/config/project-config.js
var project_config = __webpack_require__(3406);
// EXTERNAL MODULE: ./lib/loop/analyze-campaign.js + 2 modules
var analyze_campaign = __webpack_require__(9195);
// EXTERNAL MODULE: ./lib/core/top-up.js
var top_up = __webpack_require__(5396);
// EXTERNAL MODULE: ./lib/db/top-ups.js
var top_ups = __webpack_require__(6918);
// EXTERNAL MODULE: ./lib/core/config.js + 1 modules
var config = __webpack_require__(2570);
;// CONCATENATED MODULE: ./lib/loop/report-context.js
/**
 * What compare, finalize and reconcile share: the database and GitHub handles of one run, the
 * comparison of a retry with the campaign it retried, the sticky PR comment and the diagnosis
 * issue's iteration. Everything is re-derived from the database, so any of the three commands can
 * pick up where another one stopped.
 */






















/** Upstream's full campaign, run to validate a fix (iterate-campaign skill, step 8). */

/** Running items older than this are flagged as probably orphaned (upstream's release-stale default). */
const STALE_AFTER_SECONDS = 3600;
function leaseOwnerFor(command, env) {
    const run = env.GITHUB_RUN_ID ? ` run ${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}` : '';
    return `${command}${run} ${(0,external_node_os_.hostname)()}:${process.pid}:${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
const DEFAULT_REPORT_DEPENDENCIES = { createGitHubClient: client.createGitHubClient };
/** What compare, finalize and reconcile write: the diagnosis issue and the PR comment. */
const REPORT_PERMISSIONS = 'issues: write, pull-requests: write';
async function openReportGitHub(io, token, purpose, deps = DEFAULT_REPORT_DEPENDENCIES) {
    io.masker.add(token);
    const { client, context } = (0,session.openGitHubSession)({
        token,
        env: io.env,
        purpose,
        logger: io.logger,
        createClient: deps.createGitHubClient,
    });
    return {
        client,
        context,
        identity: await (0,diagnosis_issue/* resolveBotIdentity */.iv)(client, io.env.ITERATE_CAMPAIGN_BOT_LOGIN),
    };
}
/**
 * Runs `work` with what a report command stands on: the project config, GitHub when there is a
 * token, and the eval database (its reports table ensured), closed afterwards. A GitHub failure
 * comes out as one line naming the permissions the job needs.
 */
async function withReportContext(run, io, deps, work) {
    const config = await (0,project_config/* loadProjectConfig */.W)(run.configPath, io.cwd);
    const github = run.token ? await openReportGitHub(io, run.token, run.command, deps) : undefined;
    const db = await (0,pool/* openEvalDatabase */.yd)(run.databaseUrl, {
        log: (m) => io.logger.warning(m),
        signal: io.signal,
    });
    try {
        if (github || !run.readOnlyWithoutToken)
            await (0,retry_reports/* ensureRetryReportsSchema */.Zm)(db);
        return await work({
            db,
            io,
            config,
            github,
            labels: run.labels,
            leaseOwner: leaseOwnerFor(run.command, io.env),
            validationFile: run.validationFile,
        });
    }
    catch (error) {
        throw (0,errors/* clarifyGitHubFailure */.Yd)(error, {
            secrets: run.token ? [run.token] : [],
            permissions: REPORT_PERMISSIONS,
        });
    }
    finally {
        await db.close();
    }
}
function repositoryOf(github) {
    return (0,repo_context/* repositorySlug */.Sv)(github.context).toLowerCase();
}
async function campaignProgress(db, campaignId) {
    const snapshot = await (0,campaign_progress/* readProgress */.g)(db, campaignId);
    const totals = (0,progress/* totalsOf */.vA)(snapshot);
    const stale = (0,progress/* staleItems */.oq)(snapshot, STALE_AFTER_SECONDS).map((item) => `item ${item.workId} (${item.chaosType}) running on ${item.workerId ?? 'an unknown worker'} for ${(0,progress/* formatDuration */.a3)(item.runningSeconds)}, probably orphaned: \`eval worker release-stale --remote\` requeues it`);
    const line = totals.total === 0
        ? `campaign ${campaignId} has no work items`
        : `campaign ${campaignId}: ${(0,progress/* describeTotals */.xJ)(totals)}${stale.length ? `; ${stale.join('; ')}` : ''}`;
    return { finished: (0,progress/* isFinished */.$g)(totals), totals, line };
}
/**
 * The retry (and its top-up rounds, pooled) against the campaign it retried, each combination
 * decided with the config's trial budget and its chaos type's target.
 */
async function loadRetryComparison(ctx, previousCampaignId, retryCampaignId, target) {
    const options = { target, targets: ctx.config.targets.byChaosType, causes: ctx.config.causes };
    const before = await (0,analyze_campaign/* loadCampaignAnalysis */.vn)(ctx.db, previousCampaignId, options);
    const retry = await (0,analyze_campaign/* loadCampaignAnalysis */.vn)(ctx.db, retryCampaignId, options);
    const topUps = await (0,top_ups/* listTopUps */.sQ)(ctx.db, retryCampaignId);
    const rounds = [];
    for (const t of topUps)
        rounds.push(await (0,analyze_campaign/* loadCampaignAnalysis */.vn)(ctx.db, t.campaignId, options));
    const after = (0,top_up/* poolAnalyses */.lq)(retry, rounds);
    const comparison = compareCampaigns(before, after, target, {
        budget: (0,top_up/* trialBudget */.OJ)(ctx.config.retry),
        targets: ctx.config.targets.byChaosType,
    });
    const budget = (0,top_up/* trialBudget */.OJ)(ctx.config.retry);
    if (budget || topUps.length) {
        comparison.top_up = {
            rounds: topUps.map((t) => ({ round: t.round, campaign_id: t.campaignId })),
            max_trials: budget?.maxTrials ?? null,
        };
    }
    await markFlakyFixes(ctx.db, comparison, before, ctx.config.causes);
    return { comparison, before, after, topUps };
}
/** The retry run that enqueued the campaign, when this product enqueued it. */
async function retryRunOf(db, campaignId) {
    try {
        return await (0,retry_runs/* findRetryRunByCampaign */.Ec)(db, campaignId);
    }
    catch (error) {
        if (error.code === '42P01')
            return null; // no product schema yet
        throw error;
    }
}
/** The operator image and every pushed digest the retry recorded. */
function testedImages(run) {
    if (!run)
        return [];
    const images = [];
    if (run.operatorImage) {
        const [reference, digest] = run.operatorImage.split('@');
        images.push({
            name: 'operator',
            reference: reference,
            ...(digest || run.imageDigests.operator
                ? { digest: digest ?? run.imageDigests.operator }
                : {}),
        });
    }
    for (const [name, digest] of Object.entries(run.imageDigests)) {
        if (name !== 'operator')
            images.push({ name, reference: '(built for this merge)', digest });
    }
    return images;
}
/** The PR comment / job summary of a retry, at the validation stage when one is given. */
function renderReportComment(ctx, loaded, run, issueNumber, validation) {
    return (0,retry_report/* renderRetryComment */.Sp)({
        comparison: loaded.comparison,
        ...reportParts(ctx, run, issueNumber, validation),
    });
}
/** What the terminal shows beside a comparison: the comment's images, links and next step. */
function reportTextContext(ctx, loaded, run, issueNumber) {
    const { context, next } = reportParts(ctx, run, issueNumber);
    return { ...context, nextStep: (0,retry_report/* nextStep */.sk)(loaded.comparison, next) };
}
function reportParts(ctx, run, issueNumber, validation) {
    const runUrl = ctx.github?.context.runUrl;
    return {
        context: {
            images: testedImages(run),
            ...(issueNumber ? { issueNumber } : {}),
            ...(runUrl ? { runUrl } : {}),
        },
        next: {
            validationFile: ctx.validationFile,
            ...(issueNumber ? { issueNumber } : {}),
            ...(validation ? { validation } : {}),
        },
    };
}
// ── GitHub writes ──────────────────────────────────────────────────────────────────────────────
/**
 * Writes the PR's sticky comment at this stage's revision, serialized per PR with the database
 * lock, and records it. Undefined when there is no PR or no GitHub access.
 */
async function publishRetryComment(ctx, report, stage, body) {
    const { github } = ctx;
    if (!github || report.prNumber === null) {
        ctx.io.logger.info('No pull request to comment on: the report is in the job summary only.');
        return undefined;
    }
    const revision = (0,retry_report/* commentRevision */.vO)(report.retryCampaignId, stage);
    const prNumber = report.prNumber;
    const outcome = await (0,retry_reports/* withCommentLock */.Pr)(ctx.db, report.repository, prNumber, () => (0,sticky_comment/* upsertStickyComment */.qD)((0,session.botTargetOf)(github, github.identity, ctx.io.logger), {
        prNumber,
        revision,
        body,
        ...(github.context.runUrl ? { fullReportUrl: github.context.runUrl } : {}),
    }));
    if (outcome.commentId !== undefined && outcome.revision !== undefined) {
        await (0,retry_reports/* recordComment */.ZC)(ctx.db, report.retryCampaignId, outcome.commentId, outcome.revision);
    }
    ctx.io.logger.info(describeComment(outcome, prNumber));
    return outcome;
}
function describeComment(outcome, prNumber) {
    if (!outcome)
        return 'No PR comment.';
    const where = outcome.url ? ` (${outcome.url})` : '';
    const text = {
        created: `Commented on #${prNumber}${where} at revision ${outcome.revision}.`,
        updated: `Updated the comment on #${prNumber}${where} to revision ${outcome.revision}.`,
        unchanged: `The comment on #${prNumber}${where} is already at revision ${outcome.revision}.`,
        'kept-newer': `The comment on #${prNumber}${where} shows a newer revision (${outcome.revision}); left as is.`,
        'pr-gone': `Pull request #${prNumber} is gone; no comment.`,
    };
    return text[outcome.action];
}
/**
 * Appends `analysis` to the diagnosis issue's history under the series the retry answers, as a
 * new iteration (its failures become the next diagnosis). Undefined without GitHub access.
 */
async function recordIteration(ctx, report, analysis, options) {
    const { github } = ctx;
    if (!github)
        return undefined;
    const series = await seriesOf(ctx, report);
    const target = { ...(0,session.botTargetOf)(github, github.identity, ctx.io.logger), labels: ctx.labels };
    const outcome = await (0,diagnosis_issue/* syncDiagnosisIssue */.mH)(target, {
        analysis,
        series,
        keepOpen: options.keepOpen,
        dryRun: false,
        ...(options.closeNote ? { closeNote: options.closeNote } : {}),
        ...(github.context.runUrl ? { runUrl: github.context.runUrl } : {}),
        ...(analysis.failing.length
            ? { retryYaml: (0,analyze_campaign/* retryYamlFor */.d4)(analysis, ctx.config, undefined) }
            : {}),
        handoff: { testSuites: ctx.config.images.map.tests },
    });
    const which = outcome.issue ? `#${outcome.issue.number}` : 'none';
    ctx.io.logger.info(`Diagnosis issue of '${series}' (${which}): ${outcome.action} — ${outcome.reason}.`);
    return outcome;
}
/**
 * The series of the diagnosis the retry answers: read from the linked issue's state block when the
 * bot wrote it, else the previous campaign's name.
 */
async function seriesOf(ctx, report) {
    const fromIssue = report.diagnosisIssue
        ? await issueSeries(ctx, report.diagnosisIssue)
        : undefined;
    if (fromIssue)
        return fromIssue;
    const previous = await (0,eval_reader/* createEvalReader */._)(ctx.db).getCampaign(report.previousCampaignId);
    if (!previous)
        throw new Error(`Campaign ${report.previousCampaignId} does not exist in ${ctx.db.target}`);
    return previous.name;
}
async function issueSeries(ctx, issueNumber) {
    const github = ctx.github;
    try {
        const { data } = await github.client.rest.issues.get({
            owner: github.context.owner,
            repo: github.context.repo,
            issue_number: issueNumber,
        });
        if (data.user?.login.toLowerCase() !== github.identity.login.toLowerCase())
            return undefined;
        const state = (0,diagnosis_state/* readDiagnosisState */.NJ)(data.body);
        return state.kind === 'ok' ? state.state.series : undefined;
    }
    catch (error) {
        if (!(0,errors/* isGoneOrNotFound */.qC)(error))
            throw error;
        ctx.io.logger.warning(`Diagnosis issue #${issueNumber} is gone (${(0,errors/* describeGitHubError */.dZ)(error)}).`);
        return undefined;
    }
}


/***/ })

};
