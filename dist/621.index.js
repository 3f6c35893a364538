export const id = 621;
export const ids = [621];
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

/***/ 4621:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WAIT_TIMED_OUT_EXIT_CODE: () => (/* binding */ WAIT_TIMED_OUT_EXIT_CODE),
/* harmony export */   waitCommand: () => (/* binding */ waitCommand)
/* harmony export */ });
/* harmony import */ var _core_progress_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6264);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(662);
/* harmony import */ var _db_pool_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9102);
/* harmony import */ var _loop_wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2285);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9518);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5583);
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(767);







/** Like timeout(1): the campaign did not finish within timeout-minutes. */
const WAIT_TIMED_OUT_EXIT_CODE = 124;
/** A self-hosted job runs at most 5 days; longer waits are a mistake. */
const MAX_TIMEOUT_MINUTES = 7_200;
/** An hour; also far below Node's timer limit (2^31 - 1 ms, about 24.8 days). */
const MAX_POLL_SECONDS = 3_600;
const waitCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .defineCommand */ .N)({
    name: 'wait',
    description: 'Wait for a campaign to finish (LISTEN/NOTIFY with polling), with progress and a timeout.',
    surfaces: ['action', 'cli'],
    outputs: {
        finished: 'true when the campaign has no pending or running work item',
        'timed-out': 'true when timeout-minutes passed first',
        completed: 'Completed work items',
        failed: 'Failed work items',
    },
    inputs: {
        'retry-campaign-id': { description: 'The campaign to wait for', positional: 0, required: true },
        'timeout-minutes': {
            description: `Stop waiting after this many minutes, 1 to ${MAX_TIMEOUT_MINUTES} (default 300); exit code 124 then`,
        },
        'poll-seconds': {
            description: `Poll interval when no notification arrives, 1 to ${MAX_POLL_SECONDS} (default 30)`,
        },
        'database-url': _common_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .DATABASE_URL_INPUT */ .jV,
    },
    parse(inputs, io) {
        const raw = inputs.get('retry-campaign-id');
        if (raw === undefined)
            throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('Missing retry-campaign-id: give the campaign id to wait for, such as 123');
        const databaseUrl = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readDatabaseUrl */ .Bq)(inputs, io);
        const timeoutMinutes = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .parseBoundedInt */ .O$)('timeout-minutes', inputs.get('timeout-minutes') ?? '300', 1, MAX_TIMEOUT_MINUTES, 'minutes');
        const pollSeconds = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .parseBoundedInt */ .O$)('poll-seconds', inputs.get('poll-seconds') ?? '30', 1, MAX_POLL_SECONDS, 'seconds');
        return {
            campaignId: (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .parseId */ .Fg)('retry-campaign-id', raw),
            databaseUrl,
            timeoutMs: timeoutMinutes * 60_000,
            pollMs: pollSeconds * 1000,
        };
    },
    async run(input, io) {
        const db = await (0,_db_pool_js__WEBPACK_IMPORTED_MODULE_0__/* .openEvalDatabase */ .yd)(input.databaseUrl, {
            log: (m) => io.logger.warning(m),
            signal: io.signal,
        });
        let result;
        try {
            result = await (0,_loop_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .waitForCampaign */ .b)(db, input.campaignId, {
                timeoutMs: input.timeoutMs,
                pollMs: input.pollMs,
                logger: io.logger,
                signal: io.signal,
                progress: io.liveProgress?.(),
            });
        }
        finally {
            await db.close();
        }
        const { totals } = result;
        io.setOutput('finished', result.finished);
        io.setOutput('timed-out', result.timedOut);
        io.setOutput('completed', totals.completed);
        io.setOutput('failed', totals.failed);
        if (result.finished) {
            io.print(`Campaign ${input.campaignId} finished: ${totals.completed}/${totals.total} completed${totals.failed ? `, ${totals.failed} failed` : ''}`);
        }
        else if (result.timedOut) {
            io.logger.warning(`Stopped waiting for campaign ${input.campaignId} after ${(0,_core_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDuration */ .a3)(input.timeoutMs / 1000)}: ${(0,_core_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTotals */ .xJ)(totals)}. Run wait again to resume.`);
            return WAIT_TIMED_OUT_EXIT_CODE;
        }
        else if (result.interrupted) {
            io.logger.warning(`Interrupted while waiting for campaign ${input.campaignId}: ${(0,_core_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTotals */ .xJ)(totals)}. Run wait again to resume.`);
            return (0,_signals_js__WEBPACK_IMPORTED_MODULE_2__/* .signalExitCode */ .cf)() ?? 130;
        }
        return totals.total === 0 ? 1 : 0;
    },
});


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

/***/ 2285:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ waitForCampaign)
});

// EXTERNAL MODULE: ./lib/core/progress.js
var core_progress = __webpack_require__(6264);
;// CONCATENATED MODULE: ./lib/core/terminal/progress-view.js

/** Counts per chaos type (params merged, baseline on its own), in campaign order. */
function progressByChaosType(snapshot) {
    const byName = new Map();
    for (const g of snapshot.groups) {
        const name = g.baseline ? 'baseline' : g.chaosType;
        const row = byName.get(name) ?? { name, done: 0, total: 0, running: 0, failed: 0 };
        row.done += g.completed + g.failed;
        row.total += g.pending + g.running + g.completed + g.failed;
        row.running += g.running;
        row.failed += g.failed;
        byName.set(name, row);
    }
    return [...byName.values()];
}
/**
 * Seconds until the campaign is done, from the observed durations of finished items (per
 * combination, else the campaign's mean) spread over the items running now. Null until an item has
 * finished, and while nothing runs (no worker to spread the work over).
 */
function estimateRemainingSeconds(snapshot) {
    const timed = snapshot.groups.filter((g) => typeof g.meanSeconds === 'number');
    const finished = timed.reduce((n, g) => n + g.completed + g.failed, 0);
    if (finished === 0)
        return null;
    const overall = timed.reduce((sum, g) => sum + g.meanSeconds * (g.completed + g.failed), 0) / finished;
    const parallel = snapshot.running.length;
    if (parallel === 0)
        return null;
    const meanOf = (chaosType) => snapshot.groups.find((g) => g.chaosType === chaosType && typeof g.meanSeconds === 'number')
        ?.meanSeconds ?? overall;
    let work = 0;
    for (const g of snapshot.groups)
        work += g.pending * (g.meanSeconds ?? overall);
    for (const r of snapshot.running)
        work += Math.max(0, meanOf(r.chaosType) - r.runningSeconds);
    return work / parallel;
}
function bar(done, total, cells, symbols) {
    const filled = total ? Math.round((done / total) * cells) : 0;
    const [full, empty] = symbols ? ['█', '░'] : ['#', '.'];
    return full.repeat(filled) + empty.repeat(cells - filled);
}
function eta(snapshot) {
    if (snapshot.groups.every((g) => g.pending + g.running === 0))
        return 'done';
    const seconds = estimateRemainingSeconds(snapshot);
    if (seconds !== null)
        return `ETA ${(0,core_progress/* formatDuration */.a3)(seconds)}`;
    return snapshot.running.length ? 'ETA after the first item' : 'waiting for a worker';
}
/** The line printed once a minute when nothing can be redrawn (a pipe, an Actions log). */
function renderProgressLine(view) {
    const t = (0,core_progress/* totalsOf */.vA)(view.snapshot);
    const left = progressByChaosType(view.snapshot)
        .filter((x) => x.done < x.total)
        .map((x) => `${x.name} ${x.total - x.done}`);
    const stale = view.snapshot.running.filter((r) => r.runningSeconds >= view.staleAfterSeconds);
    return [
        `Campaign ${view.campaignId}: ${(0,core_progress/* describeTotals */.xJ)(t)}`,
        eta(view.snapshot),
        ...(left.length ? [`left: ${left.join(', ')}`] : []),
        ...(stale.length ? [`${stale.length} probably orphaned (release-stale)`] : []),
    ].join(' · ');
}

;// CONCATENATED MODULE: ./lib/core/terminal/progress-lines.js


const LINE_INTERVAL_MS = 60_000;
/**
 * Progress where nothing can be redrawn (a pipe, an Actions log): the first state, then at most a
 * line a minute, and the finished state.
 */
function lineProgress(write, now = Date.now, intervalMs = LINE_INTERVAL_MS) {
    let last;
    let finishedShown = false;
    return {
        update(view) {
            if ((0,core_progress/* isFinished */.$g)((0,core_progress/* totalsOf */.vA)(view.snapshot))) {
                if (!finishedShown)
                    write(renderProgressLine(view));
                finishedShown = true;
            }
            else if (last === undefined || now() - last >= intervalMs) {
                write(renderProgressLine(view));
                last = now();
            }
        },
        stop: () => undefined,
    };
}

// EXTERNAL MODULE: ./lib/db/campaign-progress.js
var campaign_progress = __webpack_require__(3692);
// EXTERNAL MODULE: ./lib/db/upstream-schema.js
var upstream_schema = __webpack_require__(8137);
;// CONCATENATED MODULE: ./lib/db/notifications.js

/**
 * LISTENs on upstream's `work_item_completed` channel on one pooled connection, like
 * `eval wait` (notify.py). When the connection dies (server restart) it keeps trying to LISTEN
 * again in the background; meanwhile `wait` simply times out, so callers fall back to polling.
 */
function listenForCompletions(db, campaignId, log) {
    let closed = false;
    let listening = false;
    let pending = false;
    let wake;
    let release;
    const notify = (message) => {
        if (message.channel !== upstream_schema/* WORK_ITEM_COMPLETED_CHANNEL */.o)
            return;
        if (!concernsCampaign(message.payload, campaignId))
            return;
        pending = true;
        wake?.();
    };
    // The connection is discarded afterwards rather than UNLISTENed: on a silent network an UNLISTEN
    // would wait for the query deadline, and a listening connection must not go back to the pool.
    const session = async () => {
        await db.withClient(async (client) => {
            const ended = new Promise((resolve, reject) => {
                release = resolve;
                client.once('error', reject);
                client.once('end', () => reject(new Error('connection ended')));
            });
            ended.catch(() => undefined);
            if (closed)
                return;
            await client.query(`LISTEN ${upstream_schema/* WORK_ITEM_COMPLETED_CHANNEL */.o}`);
            listening = true;
            client.on('notification', notify);
            try {
                await ended;
            }
            finally {
                listening = false;
                client.removeListener('notification', notify);
            }
        }, { discard: true });
    };
    const loop = (async () => {
        while (!closed) {
            try {
                await session();
            }
            catch (error) {
                if (closed)
                    break;
                log(`LISTEN ${upstream_schema/* WORK_ITEM_COMPLETED_CHANNEL */.o} lost (${error.message}); polling until it reconnects`);
                pending = true;
                wake?.();
                await new Promise((resolve) => setTimeout(resolve, 1_000));
            }
        }
    })();
    return {
        get listening() {
            return listening;
        },
        wait(ms) {
            if (pending) {
                pending = false;
                return Promise.resolve('notified');
            }
            return new Promise((resolve) => {
                const timer = setTimeout(() => {
                    wake = undefined;
                    resolve('timeout');
                }, ms);
                wake = () => {
                    clearTimeout(timer);
                    wake = undefined;
                    pending = false;
                    resolve('notified');
                };
            });
        },
        async close() {
            closed = true;
            wake?.();
            release?.();
            // A session still connecting or sending LISTEN on a dead network ends when the pool closes.
            let timer;
            await Promise.race([loop, new Promise((resolve) => (timer = setTimeout(resolve, 500)))]);
            clearTimeout(timer);
        },
    };
}
/** upstream's payload: {"work_id", "campaign_id", "status", "trial_id"}; unreadable ones wake too. */
function concernsCampaign(payload, campaignId) {
    try {
        const parsed = JSON.parse(payload ?? '');
        return parsed.campaign_id === campaignId;
    }
    catch {
        return true;
    }
}

;// CONCATENATED MODULE: ./lib/loop/wait.js




/**
 * Waits for a campaign like `eval wait` (LISTEN on work_item_completed, polling as the fallback),
 * printing progress when it changes. Everything is re-read from the database, so a re-run after
 * a crash or a cancel simply resumes. Database errors are logged and retried until the deadline.
 */
async function waitForCampaign(db, campaignId, options) {
    const deadline = Date.now() + options.timeoutMs;
    const staleAfter = options.staleAfterSeconds ?? 3600;
    const listener = listenForCompletions(db, campaignId, (m) => options.logger.warning(m));
    // One abort listener for the whole wait, not one per poll.
    const stop = stopped(options.signal);
    const progress = options.progress ?? lineProgress((line) => options.logger.info(line));
    let totals = { total: 0, pending: 0, running: 0, completed: 0, failed: 0 };
    const result = (outcome) => ({
        finished: outcome === 'finished',
        timedOut: outcome === 'timedOut',
        interrupted: outcome === 'interrupted',
        totals,
    });
    const warnedStale = new Set();
    try {
        for (;;) {
            if (options.signal?.aborted)
                return result('interrupted');
            try {
                // A read on a silent network must not outlive the deadline (or the first signal).
                const read = await within((0,campaign_progress/* readProgress */.g)(db, campaignId), deadline - Date.now(), stop.promise);
                if (read === 'deadline')
                    return result('timedOut');
                if (read === 'stopped')
                    return result('interrupted');
                const snapshot = read.value;
                totals = (0,core_progress/* totalsOf */.vA)(snapshot);
                if (totals.total === 0) {
                    options.logger.warning(`No work items found for campaign ${campaignId}`);
                    return result('empty');
                }
                progress.update({
                    campaignId,
                    mode: listener.listening ? 'live' : 'polling',
                    snapshot,
                    staleAfterSeconds: staleAfter,
                });
                for (const item of (0,core_progress/* staleItems */.oq)(snapshot, staleAfter)) {
                    if (warnedStale.has(item.workId))
                        continue;
                    warnedStale.add(item.workId);
                    options.logger.warning(`Work item ${item.workId} (${item.chaosType}) has been running on ${item.workerId ?? 'an unknown worker'} for ${(0,core_progress/* formatDuration */.a3)(item.runningSeconds)}: its worker is probably gone. \`uv run eval worker release-stale --remote\` puts it back in the queue.`);
                }
                if ((0,core_progress/* isFinished */.$g)(totals))
                    return result('finished');
            }
            catch (error) {
                if (options.signal?.aborted)
                    return result('interrupted');
                options.logger.warning(`Reading campaign ${campaignId} progress failed (${error.message}); retrying`);
            }
            const remaining = deadline - Date.now();
            if (remaining <= 0)
                return result('timedOut');
            await Promise.race([listener.wait(Math.min(options.pollMs, remaining)), stop.promise]);
        }
    }
    finally {
        stop.dispose();
        progress.stop();
        await listener.close();
    }
}
/** Resolves when the signal aborts; `dispose` removes the one listener it added. */
function stopped(signal) {
    if (!signal)
        return { promise: new Promise(() => undefined), dispose: () => undefined };
    let onAbort = () => undefined;
    const promise = new Promise((resolve) => {
        onAbort = () => resolve();
        if (signal.aborted)
            resolve();
        else
            signal.addEventListener('abort', onAbort, { once: true });
    });
    return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}
/** `work`, unless the deadline passes or `stop` resolves first. */
async function within(work, ms, stop) {
    let timer;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(() => resolve('deadline'), Math.max(0, ms));
    });
    work.catch(() => undefined); // a late failure after the deadline is not news
    try {
        return await Promise.race([
            work.then((value) => ({ value })),
            deadline,
            stop.then(() => 'stopped'),
        ]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ })

};
