export const id = 762;
export const ids = [762];
export const modules = {

/***/ 3972:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_WORKER_COMMAND: () => (/* binding */ DEFAULT_WORKER_COMMAND),
/* harmony export */   fillTemplate: () => (/* binding */ fillTemplate),
/* harmony export */   splitCommandLine: () => (/* binding */ splitCommandLine),
/* harmony export */   workerCommand: () => (/* binding */ workerCommand),
/* harmony export */   workerIdOf: () => (/* binding */ workerIdOf)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(662);
/* harmony import */ var _config_project_config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3406);
/* harmony import */ var _db_pool_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9102);
/* harmony import */ var _db_retry_runs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6403);
/* harmony import */ var _db_work_queue_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1887);
/* harmony import */ var _images_image_ref_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4579);
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(767);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5583);











const DEFAULT_WORKER_COMMAND = 'uv run eval worker start --cloud=gcp --id=c<CID>-<i> --campaign=<CID> --operator-image=<image>';
const DEFAULT_WORKER_LOG_DIR = 'worker-logs';
const workerCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_9__/* .defineCommand */ .N)({
    name: 'worker',
    description: 'Run one harness worker for a campaign and stop it once the campaign has no pending and it holds no running item.',
    surfaces: ['action', 'cli'],
    outputs: {
        'worker-id': "The worker's id, c<CID>-<i>",
        'stop-reason': 'Why the worker stopped',
    },
    inputs: {
        'retry-campaign-id': {
            description: 'Campaign the worker claims items of',
            positional: 0,
            required: true,
        },
        'worker-index': {
            description: 'This worker’s number (matrix index), used in its id c<CID>-<i> (default 1)',
        },
        'worker-command': {
            description: `Worker command line, run without a shell; placeholders <CID>, <i>, <image> (default: ${DEFAULT_WORKER_COMMAND})`,
        },
        'operator-image': {
            description: 'Operator image for trial VMs (default: the one the retry recorded for the campaign)',
        },
        'database-url': {
            description: 'PostgreSQL URL of the eval database (default: EVAL_DATABASE_URL); given to the worker as EVAL_DATABASE_URL',
            secret: true,
            required: true,
        },
        config: _common_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .CONFIG_INPUT */ .sR,
        'log-dir': {
            description: `Directory the worker's output is kept in, as worker-c<CID>-<i>.log, for analyze --worker-logs and workflow artifacts (default ${DEFAULT_WORKER_LOG_DIR})`,
        },
    },
    parse(inputs, io) {
        const rawId = inputs.get('retry-campaign-id');
        if (rawId === undefined)
            throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .dz('Missing retry-campaign-id: the campaign the worker runs');
        const databaseUrl = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .readDatabaseUrl */ .Bq)(inputs, io);
        const image = inputs.get('operator-image');
        return {
            campaignId: (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .parseId */ .Fg)('retry-campaign-id', rawId),
            workerIndex: parseWorkerIndex(inputs.get('worker-index') ?? '1'),
            template: splitCommandLine('worker-command', inputs.get('worker-command') ?? DEFAULT_WORKER_COMMAND),
            operatorImage: image === undefined ? undefined : (0,_images_image_ref_js__WEBPACK_IMPORTED_MODULE_7__/* .parseOperatorImage */ .BO)('operator-image', image),
            databaseUrl,
            configPath: inputs.get('config'),
            logDir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, inputs.get('log-dir') ?? DEFAULT_WORKER_LOG_DIR),
        };
    },
    async run(input, io) {
        const config = await (0,_config_project_config_js__WEBPACK_IMPORTED_MODULE_3__/* .loadProjectConfig */ .W)(input.configPath, io.cwd);
        const cwd = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, config.retry.evalDirectory);
        if (!(await isDirectory(cwd))) {
            throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .dz(`The harness directory '${config.retry.evalDirectory}' (config retry.eval_directory) does not exist in ${io.cwd}`);
        }
        const db = await (0,_db_pool_js__WEBPACK_IMPORTED_MODULE_4__/* .openEvalDatabase */ .yd)(input.databaseUrl, {
            log: (m) => io.logger.warning(m),
            signal: io.signal,
        });
        try {
            const total = await (0,_db_work_queue_js__WEBPACK_IMPORTED_MODULE_6__/* .countWorkItems */ .dD)(db, input.campaignId);
            if (total === 0)
                throw new Error(`Campaign ${input.campaignId} has no work items in ${db.target}`);
            const image = await operatorImageFor(input, db);
            const workerId = workerIdOf(input.campaignId, input.workerIndex);
            const argv = fillTemplate(input.template, {
                CID: String(input.campaignId),
                i: String(input.workerIndex),
                image,
            });
            io.logger.info(`Worker ${workerId}: ${argv.join(' ')}`);
            const log = await openWorkerLog(input.logDir, workerId, io.logger);
            io.logger.info(`Worker log: ${log.path}`);
            const { superviseWorker } = await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(706)]).then(__webpack_require__.bind(__webpack_require__, 9706));
            const result = await superviseWorker({
                file: argv[0],
                args: argv.slice(1),
                cwd,
                env: { ...io.env, EVAL_DATABASE_URL: input.databaseUrl },
                logger: log.logger,
                mask: (text) => io.masker.mask(text),
                isDrained: () => isDrainedFor(db, input.campaignId, workerId),
                pollIntervalMs: config.retry.workerPollSeconds * 1000,
                graceMs: config.retry.workerGraceSeconds * 1000,
            });
            await log.close();
            return await report(io, db, input.campaignId, workerId, result);
        }
        finally {
            await db.close();
        }
    },
});
// ── pure: worker id and command line ───────────────────────────────────────────────────────────
function workerIdOf(campaignId, index) {
    return `c${campaignId}-${index}`;
}
function parseWorkerIndex(value) {
    const v = value.trim();
    if (!/^(?:0|[1-9][0-9]{0,3})$/.test(v)) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .dz(`Invalid worker-index: '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .shown */ .SP)(value)}' — expected a whole number from 0 to 9999`);
    }
    return Number(v);
}
const SHELL_OPERATORS = new Set(['&&', '||', '|', ';', '&', '>', '>>', '<', '2>&1']);
/**
 * Splits a command line into argv the way a POSIX shell splits words (whitespace, '…', "…", \),
 * without expanding anything. Shell operators are refused: the command runs without a shell.
 */
function splitCommandLine(field, line) {
    const words = [];
    let word = '';
    let inWord = false;
    let quote;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote === "'") {
            if (c === "'")
                quote = undefined;
            else
                word += c;
        }
        else if (quote === '"') {
            if (c === '"')
                quote = undefined;
            else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]))
                word += line[++i];
            else
                word += c;
        }
        else if (c === "'" || c === '"') {
            quote = c;
            inWord = true;
        }
        else if (c === '\\' && i + 1 < line.length) {
            word += line[++i];
            inWord = true;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (quote)
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .dz(`Invalid ${field}: unterminated ${quote} quote in '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .shown */ .SP)(line)}'`);
    if (inWord)
        words.push(word);
    if (words.length === 0)
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .dz(`Invalid ${field}: empty command`);
    const operator = words.find((w) => SHELL_OPERATORS.has(w));
    if (operator) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .dz(`Invalid ${field}: '${operator}' — the command runs without a shell; give one program and its arguments`);
    }
    return words;
}
/**
 * Replaces <CID>, <i> and <image> inside each word (so a value never becomes more than one argument).
 * With no image, a word that needs one is an error: upstream treats an empty image as "no operator".
 */
function fillTemplate(words, values) {
    return words.map((word) => {
        if (word.includes('<image>') && values.image === '') {
            throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .InputError */ .dz("No operator image for the worker command's <image>: pass operator-image, or enqueue with retry (which records it)");
        }
        return word.replace(/<CID>|<i>|<image>/g, (placeholder) => values[placeholder.slice(1, -1)]);
    });
}
// ── database ───────────────────────────────────────────────────────────────────────────────────
async function operatorImageFor(input, db) {
    if (input.operatorImage)
        return input.operatorImage;
    try {
        return (await (0,_db_retry_runs_js__WEBPACK_IMPORTED_MODULE_5__/* .findRetryRunByCampaign */ .Ec)(db, input.campaignId))?.operatorImage ?? '';
    }
    catch {
        return ''; // no product schema: the campaign was not enqueued by retry
    }
}
/** Drained for this worker: nothing pending in the campaign and nothing running under its id. */
async function isDrainedFor(db, campaignId, workerId) {
    const { rows } = await db.query({
        text: `SELECT COUNT(*) FILTER (WHERE status = 'pending')::integer AS pending,
                  COUNT(*) FILTER (WHERE status = 'running' AND worker_id = $2)::integer AS mine
           FROM work_queue WHERE campaign_id = $1`,
        values: [campaignId, workerId],
    });
    return rows[0]?.pending === 0 && rows[0]?.mine === 0;
}
async function isDirectory(path) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path)).isDirectory();
    }
    catch {
        return false;
    }
}
async function report(io, db, campaignId, workerId, result) {
    const status = await (0,_db_work_queue_js__WEBPACK_IMPORTED_MODULE_6__/* .getCampaignStatus */ .D2)(db, campaignId).catch(() => undefined);
    const counts = status
        ? `pending ${status.pending}, running ${status.running}, completed ${status.completed}, failed ${status.failed}`
        : 'status unavailable';
    const { describeEnd } = await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(706)]).then(__webpack_require__.bind(__webpack_require__, 9706));
    const end = describeEnd(result);
    io.setOutput('worker-id', workerId);
    io.setOutput('stop-reason', result.reason);
    if (result.reason === 'drained') {
        if (result.killed)
            io.logger.warning(`Worker ${workerId} ignored SIGTERM and was killed (${end}).`);
        io.print(`Worker ${workerId} stopped: campaign ${campaignId} is drained (${counts}); worker ended with ${end}.`);
        return 0;
    }
    const tail = result.tail.length
        ? `\n--- last ${result.tail.length} lines ---\n${result.tail.join('\n')}`
        : '';
    if (result.reason === 'signal') {
        io.logger.error(`Worker ${workerId} stopped because we received ${result.receivedSignal} (${end}); campaign ${campaignId}: ${counts}.`);
        return 1;
    }
    io.logger.error(`Worker ${workerId} exited on its own with ${end} before campaign ${campaignId} was drained (${counts}).${tail}`);
    return 1;
}
/**
 * The supervised worker's output (already masked by the supervisor), kept in a file as well as
 * logged: `analyze --worker-logs` reads it, workflows upload it as an artifact.
 */
async function openWorkerLog(dir, workerId, logger) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `worker-${workerId}.log`);
    const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(path, { flags: 'a' });
    let failed = false;
    stream.on('error', (error) => {
        if (!failed)
            logger.warning(`Worker log ${path} not written: ${error.message}`);
        failed = true;
    });
    const write = (message) => {
        if (!failed)
            stream.write(`${message}\n`);
    };
    return {
        path,
        logger: {
            ...logger,
            info: (m) => (write(m), logger.info(m)),
            warning: (m) => (write(m), logger.warning(m)),
            error: (m) => (write(m), logger.error(m)),
        },
        close: () => new Promise((done) => stream.end(() => done())),
    };
}


/***/ }),

/***/ 3413:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ matrixSize),
/* harmony export */   g: () => (/* binding */ expandCampaignMatrix)
/* harmony export */ });
/* harmony import */ var _chaos_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9747);
/** Upstream's `expand_campaign_matrix` (eval/src/eval/runner/campaign.py @ c766b4b). */

/**
 * Upstream `expand_campaign_matrix`: subject × chaos entry (file order) × trial index, then one
 * baseline per subject when include_baseline; sequence numbers only for continuous campaigns.
 */
function expandCampaignMatrix(config) {
    const specs = [];
    for (const subject of config.subjects) {
        for (const chaos of config.chaos_types) {
            for (let trialIndex = 0; trialIndex < config.trials_per_combination; trialIndex += 1) {
                specs.push({
                    subject,
                    chaosType: chaos.type,
                    chaosParams: { ...chaos.params },
                    trialIndex,
                    baseline: false,
                    variant: config.variant,
                    resolutionTimeout: chaos.resolution_timeout,
                });
            }
        }
    }
    if (config.include_baseline) {
        for (const subject of config.subjects) {
            specs.push({
                subject,
                chaosType: _chaos_types_js__WEBPACK_IMPORTED_MODULE_0__/* .BASELINE_CHAOS_TYPE */ .ib,
                chaosParams: {},
                trialIndex: 0,
                baseline: true,
                variant: config.variant,
                resolutionTimeout: null,
            });
        }
    }
    return specs.map((spec, index) => ({
        ...spec,
        sequenceNumber: config.continuous ? index : null,
    }));
}
/** Work items a config expands to. */
function matrixSize(config) {
    const perSubject = config.chaos_types.length * config.trials_per_combination + (config.include_baseline ? 1 : 0);
    return config.subjects.length * perSubject;
}


/***/ }),

/***/ 9747:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J7: () => (/* binding */ splitRetryable),
/* harmony export */   L9: () => (/* binding */ CHAOS_TYPES),
/* harmony export */   NG: () => (/* binding */ subjectSupportsChaosType),
/* harmony export */   a7: () => (/* binding */ withheldNote),
/* harmony export */   aQ: () => (/* binding */ isPdRelatedChaosType),
/* harmony export */   ib: () => (/* binding */ BASELINE_CHAOS_TYPE),
/* harmony export */   t7: () => (/* binding */ isChaosType),
/* harmony export */   u0: () => (/* binding */ SUBJECTS)
/* harmony export */ });
/* unused harmony export TIKV_LOCAL_CHAOS_TYPES */
/**
 * Chaos types and subjects of the upstream eval harness (pikehouse/operator `eval/`).
 *
 * `CHAOS_TYPES` is the exact `valid_types` list of `ChaosSpec.validate_chaos_type` in
 * `eval/src/eval/runner/campaign.py` @ c766b4b, in upstream order (it ends with the chat-db-app and
 * chat-db-app-shard profiles, in their own order). The per-subject lists come from
 * the subject implementations (eval-harness.md §6); upstream does not check them when it loads a
 * campaign, so a mismatch only fails at injection time on the worker.
 */
/** The 19 load profiles of `chat_db_app/profiles.py`. */
const CHAT_DB_APP_PROFILE_CHAOS_TYPES = [
    'missing_index',
    'pool_exhaustion',
    'streaming_txn',
    'counter_race',
    'fulltext_search',
    'read_scale',
    'unbounded_results',
    'write_contention',
    'write_amplification',
    'correlated_subquery',
    'notification_fanout',
    'notification_counter',
    'notification_realtime',
    'notification_poll_idle',
    'notification_mark_read',
    'notification_n_plus_one',
    'notification_payload',
    'notification_cleanup',
    'notification_serialize',
];
/** `SHARD_CHAOS_PROFILES` keys of `chat_db_app_shard/subject.py`. */
const CHAT_DB_APP_SHARD_CHAOS_TYPES = [
    'db_sharding',
    'db_sharding_nudge',
    'db_sharding_direct',
    'shard_fanout',
    'blob_storage',
    'online_migration',
];
const CHAOS_TYPES = [
    'node_kill',
    'latency',
    'disk_pressure',
    'network_partition',
    'memory_exhaustion',
    'cpu_starvation',
    'process_pause',
    'packet_loss',
    'asymmetric_partition',
    'pd_leader_kill',
    'leader_concentration',
    'load_pressure',
    'db_kill',
    'debug_code_edit',
    ...CHAT_DB_APP_PROFILE_CHAOS_TYPES,
    ...CHAT_DB_APP_SHARD_CHAOS_TYPES,
];
/** `chaos_type` of the baseline work items (`expand_campaign_matrix`); not a valid `ChaosSpec.type`. */
const BASELINE_CHAOS_TYPE = 'none';
const SUBJECTS = ['tikv', 'chat-db-app', 'chat-db-app-shard'];
/** TiKV types the local subject can inject (eval-harness.md §6.1). */
const TIKV_LOCAL_CHAOS_TYPES = [
    'node_kill',
    'latency',
    'network_partition',
    'process_pause',
    'packet_loss',
    'asymmetric_partition',
    'pd_leader_kill',
    'leader_concentration',
];
/** TiKV types the eval CLI rejects without `--cloud`. */
const TIKV_CLOUD_ONLY_CHAOS_TYPES = [
    'disk_pressure',
    'memory_exhaustion',
    'cpu_starvation',
];
/**
 * Types each subject can inject. `db_kill` is accepted by the campaign validator but no current
 * subject implements it (a legacy chat-db-app name), so it appears in no list here.
 */
const CHAOS_TYPES_BY_SUBJECT = {
    tikv: [...TIKV_LOCAL_CHAOS_TYPES, ...TIKV_CLOUD_ONLY_CHAOS_TYPES],
    'chat-db-app': [...CHAT_DB_APP_PROFILE_CHAOS_TYPES, 'load_pressure', 'debug_code_edit'],
    'chat-db-app-shard': CHAT_DB_APP_SHARD_CHAOS_TYPES,
};
/**
 * TiKV chaos types that take down or cut off PD itself — the failures the iterate-campaign skill
 * attributes to "Monitor uses single PD endpoint" (`remote_operator.py`).
 *
 * Only `pd_leader_kill` kills a PD service. Deliberately excluded:
 * - `network_partition`: isolates a TiKV node (cloud: drops TiKV port 20160 only); PD stays up and
 *   reachable by the monitor.
 * - `leader_concentration`: injected through PD's operator API and detected from PD region stats,
 *   but PD stays healthy, so a single PD endpoint is not a failure cause.
 */
const PD_RELATED_CHAOS_TYPES = ['pd_leader_kill'];
const chaosTypeSet = new Set(CHAOS_TYPES);
const pdRelatedSet = new Set(PD_RELATED_CHAOS_TYPES);
function isChaosType(value) {
    return typeof value === 'string' && chaosTypeSet.has(value);
}
function isPdRelatedChaosType(chaosType) {
    return pdRelatedSet.has(chaosType);
}
function subjectSupportsChaosType(subject, chaosType) {
    return CHAOS_TYPES_BY_SUBJECT[subject].includes(chaosType);
}
/**
 * The failing combinations a retry campaign can carry, and those it must leave out with the
 * reason: upstream's validator rejects the whole campaign file for one chaos type it does not know
 * (a fault added upstream after this list, or trials whose `chaos_metadata.chaos_type` is missing
 * or legacy). The analysis and the report keep every combination; only their retry is withheld.
 */
function splitRetryable(failing) {
    const retryable = [];
    const withheld = [];
    for (const combination of failing) {
        if (isChaosType(combination.chaos_type)) {
            retryable.push(combination);
            continue;
        }
        const missing = combination.chaos_type === 'unknown' || combination.chaos_type.trim() === '';
        withheld.push({
            chaos_type: combination.chaos_type,
            params: combination.params,
            reason: missing
                ? 'its trials record no chaos type (chaos_metadata.chaos_type missing or legacy), so no campaign can name it'
                : `"${combination.chaos_type}" is not a chaos type the harness's campaign validator accepts (added upstream after this version of iterate-campaign, or retired); retry it by hand`,
        });
    }
    return { retryable, withheld };
}
/** YAML comment lines naming each withheld combination and why. */
function withheldNote(withheld) {
    return withheld
        .map((w) => `Withheld from the retry: ${w.chaos_type} ${JSON.stringify(w.params)} — ${w.reason}.`)
        .join('\n');
}


/***/ })

};
