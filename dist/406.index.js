export const id = 406;
export const ids = [406];
export const modules = {

/***/ 3406:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ loadProjectConfig)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2570);
/* harmony import */ var _images_image_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4579);




const DEFAULT_CONFIG_PATH = '.github/iterate-campaign.yml';
/**
 * Reads the project config. The default path may be absent (the seed's tables apply); a path the
 * user named must exist. A file over the size cap is refused before it is read.
 */
async function loadProjectConfig(path, cwd) {
    const file = path ?? DEFAULT_CONFIG_PATH;
    let text;
    try {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, file);
        const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full);
        if (size > _core_config_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_CONFIG_BYTES */ .GW) {
            throw new _core_config_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${file}: ${size} bytes is over the ${_core_config_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_CONFIG_BYTES */ .GW}-byte limit for the config file; keep it to the sections iterate-campaign reads`);
        }
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(full, 'utf8');
    }
    catch (error) {
        if (error instanceof _core_config_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL)
            throw error;
        const code = error.code;
        if (code !== 'ENOENT' || path !== undefined) {
            throw new _core_config_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`Cannot read config file '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : error.message}`);
        }
    }
    const config = (0,_core_config_js__WEBPACK_IMPORTED_MODULE_2__/* .parseProjectConfig */ .Bf)(text, file);
    checkImages(config, file);
    return config;
}
/** Image names go through the same check as the operator-image inputs. */
function checkImages(config, file) {
    const image = config.retry.operatorImage;
    if (image === undefined)
        return;
    try {
        (0,_images_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOperatorImage */ .BO)('retry.operator_image', image);
    }
    catch (error) {
        throw new _core_config_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${file}: ${error.message}`);
    }
}


/***/ }),

/***/ 2570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xL: () => (/* binding */ ConfigError),
  JB: () => (/* binding */ DEFAULT_VALIDATION_CAMPAIGN),
  GW: () => (/* binding */ MAX_CONFIG_BYTES),
  Bf: () => (/* binding */ parseProjectConfig),
  pj: () => (/* binding */ upstreamRegistry)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./lib/core/causes.js
/**
 * The iterate-campaign skill's root-cause checklist and key-files table (its SKILL.md), keyed by
 * symptom. `.github/iterate-campaign.yml` may replace or extend any entry.
 */
const DEFAULT_CAUSES = {
    'negative-detect-time': {
        likelyCause: 'A startup ticket leaked past the pre-chaos force-resolve, so the "detection" predates the fault.',
        fixLocations: ['eval/src/eval/runner/worker.py (pre-chaos flow)'],
    },
    'zero-detect-time': {
        likelyCause: 'A ticket already existed when chaos was injected (pre-existing ticket), so no real detection happened.',
        fixLocations: ['eval/src/eval/runner/worker.py (pre-chaos flow, restart_operator)'],
    },
    'no-ticket': {
        likelyCause: 'The monitor never created a ticket: the invariant for this chaos type is missing or broken.',
        fixLocations: ['subjects/tikv/observer/src/tikv_observer/invariants.py'],
    },
    'ticket-no-commands': {
        likelyCause: 'A ticket exists but the agent ran no command: it is stuck on a startup ticket.',
        fixLocations: ['eval/src/eval/runner/worker.py (restart_operator)'],
    },
    'empty-final-state': {
        likelyCause: 'The final state is {}: state capture queried the wrong endpoint.',
        fixLocations: ['eval/src/eval/subjects/cloud/gcp/subject.py'],
    },
    'resolved-unhealthy': {
        likelyCause: 'The ticket was resolved but the final state is unhealthy: state captured too early, or a scoring bug.',
        fixLocations: [
            'eval/src/eval/runner/worker.py (wait_healthy)',
            'eval/src/eval/analysis/scoring.py',
        ],
    },
    'unresolved-healthy': {
        likelyCause: 'The subject recovered but the ticket was never resolved: the invariant fires during stabilization or never clears.',
        fixLocations: [
            'subjects/tikv/observer/src/tikv_observer/invariants.py (threshold or grace period)',
        ],
    },
    timeout: {
        likelyCause: 'The agent worked the ticket but could not fix the fault within the resolution timeout.',
        fixLocations: [
            'packages/operator-core/ (agent behaviour)',
            'campaign chaos_types[].resolution_timeout',
        ],
    },
    'all-failed-no-ticket': {
        likelyCause: 'Every trial of this chaos type failed without a ticket: no invariant detects it.',
        fixLocations: ['subjects/tikv/observer/src/tikv_observer/invariants.py'],
    },
    'pd-chaos-failing': {
        likelyCause: 'Every PD-related chaos type fails: the monitor uses a single PD endpoint.',
        fixLocations: ['eval/src/eval/runner/remote_operator.py (PD endpoints)'],
    },
    'broken-work-item': {
        likelyCause: 'The work item failed before a trial was recorded (worker, VM or subject setup error).',
        fixLocations: ['eval/src/eval/runner/worker.py', 'eval/src/eval/subjects/cloud/gcp/subject.py'],
    },
};
function resolveCauses(overrides = {}) {
    const causes = { ...DEFAULT_CAUSES };
    for (const [symptom, override] of Object.entries(overrides)) {
        const base = causes[symptom];
        const fixLocations = override.fixLocations === undefined
            ? base.fixLocations
            : override.mode === 'extend'
                ? [...base.fixLocations, ...override.fixLocations]
                : override.fixLocations;
        causes[symptom] = { likelyCause: override.likelyCause ?? base.likelyCause, fixLocations };
    }
    return causes;
}

// EXTERNAL MODULE: ./lib/core/image-plan.js
var image_plan = __webpack_require__(464);
// EXTERNAL MODULE: ./lib/core/inputs.js
var inputs = __webpack_require__(662);
// EXTERNAL MODULE: ./lib/core/sequential.js
var sequential = __webpack_require__(7272);
// EXTERNAL MODULE: ./lib/core/invariants/coverage.js
var coverage = __webpack_require__(2479);
// EXTERNAL MODULE: ./lib/core/symptoms.js
var symptoms = __webpack_require__(7807);
;// CONCATENATED MODULE: ./lib/core/config.js








/** `.github/iterate-campaign.yml`: every section optional; the seed's tables are the defaults. */
const causeOverrideSchema = schemas/* object */.Ikc({
    likely_cause: schemas/* string */.YjP().min(1).optional(),
    fix_locations: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional(),
    mode: schemas/* enum */.k5n(['replace', 'extend']).optional(),
})
    .strict();
/** An image name is also a repository path component (`<registry>/<name>:<sha>`). */
const IMAGE_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const imageSpecSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().regex(IMAGE_NAME, 'expected a lowercase name such as operator or worker'),
    dockerfile: schemas/* string */.YjP().min(1),
    context: schemas/* string */.YjP().min(1).optional(),
    triggers: schemas/* array */.YOg(schemas/* string */.YjP().min(1)),
    repository: schemas/* string */.YjP().min(1).optional(),
})
    .strict();
const testSuiteSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().min(1),
    command: schemas/* string */.YjP().min(1),
    triggers: schemas/* array */.YOg(schemas/* string */.YjP().min(1)),
})
    .strict();
const detectorSchema = schemas/* object */.Ikc({
    invariant: schemas/* string */.YjP().min(1),
    magnitude: schemas/* string */.YjP()
        .refine((m) => (0,coverage/* magnitudeError */.l0)(m) === undefined, {
        message: 'expected a param name or mean(a, b), min(a, b), max(a, b)',
    })
        .optional(),
    defaults: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig()).optional(),
    unit: schemas/* string */.YjP().max(10).optional(),
})
    .strict();
const invariantsSchema = schemas/* object */.Ikc({
    /** Invariant source files per subject, relative to the harness checkout. */
    files: schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* array */.YOg(schemas/* string */.YjP().min(1))).optional(),
    /** Chaos type → invariants that should detect it; replaces the default entry of that type. */
    chaos_types: schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* array */.YOg(detectorSchema)).optional(),
})
    .strict();
/** A win rate as in the target-win-rate input: 0.9, 90 or "90%". */
const targetRateSchema = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()])
    .refine((v) => (0,inputs/* targetRateOf */.hp)(v) !== undefined, {
    message: 'expected a win rate such as 0.9, 90 or "90%" (above 0, at most 100%)',
});
const configSchema = schemas/* object */.Ikc({
    invariants: invariantsSchema.optional(),
    causes: schemas/* partialRecord */.jgl(schemas/* enum */.k5n(symptoms/* ALL_SYMPTOMS */.F), causeOverrideSchema)
        .optional(),
    retry: schemas/* object */.Ikc({
        dir: schemas/* string */.YjP().min(1).optional(),
        trials_per_combination: schemas/* number */.aig().int().min(1).max(100).optional(),
        parallel: schemas/* number */.aig().int().min(1).max(10).optional(),
        cooldown_seconds: schemas/* number */.aig().int().min(0).optional(),
        operator_image: schemas/* string */.YjP().min(1).optional(),
        include_baseline: schemas/* boolean */.zMY().optional(),
        eval_directory: schemas/* string */.YjP().min(1).optional(),
        worker_poll_seconds: schemas/* number */.aig().positive().max(3600).optional(),
        worker_grace_seconds: schemas/* number */.aig().min(0).max(600).optional(),
        max_trials_per_combination: schemas/* number */.aig().int().min(1).max(100).optional(),
        adaptive: schemas/* boolean */.zMY().optional(),
    })
        .strict()
        .refine((r) => r.max_trials_per_combination === undefined ||
        r.max_trials_per_combination >= (r.trials_per_combination ?? 3), {
        message: 'max_trials_per_combination must be at least trials_per_combination (default 3)',
        path: ['max_trials_per_combination'],
    })
        .optional(),
    targets: schemas/* record */.g1P(schemas/* string */.YjP().min(1), targetRateSchema).optional(),
    images: schemas/* object */.Ikc({
        registry: schemas/* string */.YjP().min(1).optional(),
        map: schemas/* array */.YOg(imageSpecSchema)
            .refine((list) => new Set(list.map((i) => i.name)).size === list.length, {
            message: 'image names must be unique',
        })
            .optional(),
        tests: schemas/* array */.YOg(testSuiteSchema).optional(),
        build_timeout_minutes: schemas/* number */.aig().int().min(1).max(360).optional(),
    })
        .strict()
        .optional(),
})
    .strict();
class ConfigError extends Error {
}
const DEFAULT_RETRY_DIR = 'eval/campaigns/debug';
/** Where finalize, compare and reconcile find the full validation campaign by default. */
const DEFAULT_VALIDATION_CAMPAIGN = 'eval/campaigns/operations/tikv-all-chaos-cloud.yaml';
/** A config is a few hundred bytes; anything near this is a mistake (or an attack on the parser). */
const MAX_CONFIG_BYTES = 1_048_576;
function parseProjectConfig(text, fileName = '.github/iterate-campaign.yml') {
    let raw = {};
    if (text !== undefined && text.trim() !== '') {
        if (text.length > MAX_CONFIG_BYTES) {
            throw new ConfigError(`${fileName}: over the ${MAX_CONFIG_BYTES}-byte limit for the config file`);
        }
        const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: true });
        if (doc.errors.length) {
            throw new ConfigError(`${fileName}: invalid YAML: ${doc.errors.map((e) => `${e.linePos?.[0] ? `line ${e.linePos[0].line}:${e.linePos[0].col} ` : ''}${e.message.split('\n')[0]}`).join('; ')}`);
        }
        try {
            raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
        }
        catch (error) {
            // e.g. "Excessive alias count indicates a resource exhaustion attack" (an alias bomb)
            throw new ConfigError(`${fileName}: invalid YAML: ${error.message}`);
        }
    }
    const parsed = configSchema.safeParse(raw);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => {
            const path = issue.path.length ? issue.path.join('.') : '(top level)';
            return `${path}: ${issue.message}`;
        });
        throw new ConfigError(`${fileName}: ${problems.join('; ')}`);
    }
    return toProjectConfig(parsed.data);
}
function toProjectConfig(file) {
    const overrides = {};
    for (const [symptom, o] of Object.entries(file.causes ?? {})) {
        overrides[symptom] = {
            likelyCause: o.likely_cause,
            fixLocations: o.fix_locations,
            mode: o.mode,
        };
    }
    return {
        causes: resolveCauses(overrides),
        invariants: {
            files: { ...DEFAULT_INVARIANT_FILES, ...file.invariants?.files },
            table: { ...coverage/* DEFAULT_CHAOS_INVARIANTS */.hh, ...file.invariants?.chaos_types },
        },
        retry: {
            dir: file.retry?.dir ?? DEFAULT_RETRY_DIR,
            trialsPerCombination: file.retry?.trials_per_combination ?? 3,
            parallel: file.retry?.parallel ?? 3,
            cooldownSeconds: file.retry?.cooldown_seconds ?? 10,
            operatorImage: file.retry?.operator_image,
            includeBaseline: file.retry?.include_baseline ?? false,
            evalDirectory: file.retry?.eval_directory ?? DEFAULT_EVAL_DIRECTORY,
            workerPollSeconds: file.retry?.worker_poll_seconds ?? 15,
            workerGraceSeconds: file.retry?.worker_grace_seconds ?? 30,
            maxTrialsPerCombination: file.retry?.max_trials_per_combination ?? sequential/* DEFAULT_MAX_TRIALS_PER_COMBINATION */.zv,
            adaptive: file.retry?.adaptive ?? true,
        },
        targets: toTargets(file.targets),
        images: {
            registry: file.images?.registry,
            map: {
                images: file.images?.map
                    ? file.images.map.map((i) => ({ ...i, context: i.context ?? '.' }))
                    : image_plan/* DEFAULT_IMAGE_MAP */.Zy.images,
                tests: file.images?.tests ?? image_plan/* DEFAULT_IMAGE_MAP */.Zy.tests,
            },
            buildTimeoutMinutes: file.images?.build_timeout_minutes ?? 60,
        },
    };
}
function toTargets(file) {
    const byChaosType = {};
    let fallback;
    for (const [key, value] of Object.entries(file ?? {})) {
        const rate = (0,inputs/* targetRateOf */.hp)(value);
        if (key === 'default')
            fallback = rate;
        else
            byChaosType[key] = rate;
    }
    return { default: fallback, byChaosType };
}
const DEFAULT_EVAL_DIRECTORY = 'eval';
/** Where the seed greps the TiKV invariants (iterate-campaign step 2). */
const DEFAULT_INVARIANT_FILES = {
    tikv: ['subjects/tikv/observer/src/tikv_observer/invariants.py'],
};
/** Upstream's registry (run-campaign skill step 2): Artifact Registry `eval` in us-central1. */
function upstreamRegistry(gcpProject) {
    const project = gcpProject?.trim();
    return project ? `us-central1-docker.pkg.dev/${project}/eval` : undefined;
}


/***/ }),

/***/ 464:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zy: () => (/* binding */ DEFAULT_IMAGE_MAP),
/* harmony export */   cf: () => (/* binding */ IMAGE_PLATFORM),
/* harmony export */   y6: () => (/* binding */ planImages)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/**
 * Which container images a merged fix PR must rebuild, and which test suites cover it.
 *
 * Upstream (eval/.claude/skills/run-campaign/SKILL.md step 2, iterate-campaign step 4/5):
 * `operator` ← `subjects/tikv/Dockerfile.operator`, `worker` ← `eval/Dockerfile`, both with the
 * repository root as build context, built for `linux/amd64` and tagged by the short git SHA.
 * Shared code outside an image's folder (operator-core, protocols, every subject's observer or
 * service) is listed explicitly, because a naive "folder of the Dockerfile" filter misses it.
 *
 * Pure: no I/O. picomatch is a pure matcher.
 */

const IMAGE_PLATFORM = 'linux/amd64';
/** Upstream's image map and per-package test commands. */
const DEFAULT_IMAGE_MAP = {
    images: [
        {
            name: 'operator',
            dockerfile: 'subjects/tikv/Dockerfile.operator',
            context: '.',
            triggers: [
                'packages/operator-core/**',
                'packages/operator-protocols/**',
                'subjects/*/observer/**',
            ],
        },
        {
            name: 'worker',
            dockerfile: 'eval/Dockerfile',
            context: '.',
            triggers: ['eval/src/**', 'eval/Dockerfile', 'subjects/*/service/**'],
        },
    ],
    tests: [
        {
            name: 'operator-core',
            command: 'uv run pytest packages/operator-core/tests/ -x -q',
            triggers: ['packages/operator-core/**', 'packages/operator-protocols/**'],
        },
        {
            name: 'tikv-observer',
            command: 'uv run pytest subjects/tikv/observer/tests/ -x -q',
            triggers: ['subjects/tikv/observer/**'],
        },
        {
            name: 'eval',
            command: 'cd eval && uv run pytest tests/ -x -q --ignore=tests/test_chat_db_app_e2e.py',
            triggers: ['eval/**'],
        },
    ],
};
const SHORT_SHA = /^[0-9a-f]{4,40}$/;
const DEFAULT_MAX_REASONS = 20;
function touchedPaths(file) {
    const paths = [{ path: file.filename, description: file.status }];
    const previous = file.previous_filename;
    if (previous && previous !== file.filename) {
        paths[0] = { path: file.filename, description: `${file.status} from ${previous}` };
        paths.push({ path: previous, description: `${file.status} to ${file.filename}` });
    }
    return paths;
}
function normalizePath(path) {
    return path.replace(/^\.\//, '');
}
function compileTriggers(triggers) {
    return triggers.map((pattern) => ({
        pattern,
        test: picomatch__WEBPACK_IMPORTED_MODULE_0__(normalizePath(pattern), { dot: true }),
    }));
}
function matchReasons(touched, triggers, maxReasons) {
    const matchers = compileTriggers(triggers);
    const reasons = [];
    for (const { path, description } of touched) {
        const hit = matchers.find((m) => m.test(path));
        if (hit)
            reasons.push(`${path} (${description}) matches ${hit.pattern}`);
    }
    const count = reasons.length;
    if (count > maxReasons) {
        const rest = count - maxReasons;
        return {
            reasons: [...reasons.slice(0, maxReasons), `… and ${plural(rest, 'more matching path')}`],
            count,
        };
    }
    return { reasons, count };
}
function validateTarget(target) {
    const registry = target.registry.trim().replace(/\/+$/, '');
    if (!registry || /\s|:\/\//.test(registry)) {
        throw new Error(`Invalid registry ${JSON.stringify(target.registry.slice(0, 200))}: expected host[:port]/path without a scheme`);
    }
    if (!SHORT_SHA.test(target.shortSha)) {
        throw new Error(`Invalid shortSha ${JSON.stringify(target.shortSha.slice(0, 80))}: expected 4–40 lowercase hex digits`);
    }
    return { registry, shortSha: target.shortSha };
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/**
 * Plans the rebuild for a set of changed files. Images come in config order, reasons sorted by
 * path, so the same input always gives the same plan.
 */
function planImages(changedFiles, config, target) {
    const { registry, shortSha } = validateTarget(target);
    const maxReasons = target.maxReasons ?? DEFAULT_MAX_REASONS;
    const touched = changedFiles
        .flatMap(touchedPaths)
        .map((t) => ({ ...t, path: normalizePath(t.path) }))
        .sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.description.localeCompare(b.description));
    const images = [];
    const counts = [];
    for (const spec of config.images) {
        const triggers = [normalizePath(spec.dockerfile), ...spec.triggers];
        const { reasons, count } = matchReasons(touched, triggers, maxReasons);
        if (count === 0)
            continue;
        counts.push(`${spec.name} (${plural(count, 'path')})`);
        images.push({
            name: spec.name,
            dockerfile: spec.dockerfile,
            context: spec.context,
            platform: IMAGE_PLATFORM,
            tag: `${registry}/${spec.repository ?? spec.name}:${shortSha}`,
            reasons,
        });
    }
    const testCommands = [];
    for (const suite of config.tests) {
        if (testCommands.includes(suite.command))
            continue;
        if (matchReasons(touched, suite.triggers, 0).count > 0)
            testCommands.push(suite.command);
    }
    let summary;
    if (changedFiles.length === 0) {
        summary = 'No changed files: no images to rebuild.';
    }
    else if (images.length === 0) {
        summary = `${plural(changedFiles.length, 'changed file')}, none under an image's source paths: no images to rebuild.`;
    }
    else {
        summary = `${plural(images.length, 'image')} to rebuild at ${shortSha}: ${counts.join(', ')}.`;
    }
    if (testCommands.length > 0)
        summary += ` ${plural(testCommands.length, 'test command')} to run.`;
    return { images, testCommands, summary };
}


/***/ }),

/***/ 2479:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ assessCoverage),
/* harmony export */   hh: () => (/* binding */ DEFAULT_CHAOS_INVARIANTS),
/* harmony export */   l0: () => (/* binding */ magnitudeError)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/* harmony import */ var _markdown_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1280);
/**
 * Invariant coverage and sensitivity of failing combinations (seed step 2, "Check invariant
 * coverage", and the root-cause rows "Missing invariant for chaos type" / "Invariant not sensitive
 * enough"). For each failing chaos type and params: which invariants should detect it (a table per
 * chaos type, overridable), whether they exist and are checked, and whether their threshold or grace
 * period can fire for the injected params. Pure.
 */


/**
 * The default table for TiKV, derived from the harness's chaos injectors (eval/src/eval/subjects,
 * eval-harness.md §6.1) and the invariants of subjects/tikv/observer/src/tikv_observer/invariants.py:
 * - node_kill: the killed store leaves `Up` → store_down.
 * - process_pause: SIGSTOP; PD marks the store Disconnected, Prometheus loses it → store_down,
 *   metrics_unavailable ("frozen process (SIGSTOP)" in its docstring).
 * - network_partition: the cloud injector drops TiKV's Raft/gRPC port 20160 only, so PD still sees
 *   the store Up and Prometheus still scrapes it; only its Raft peers notice → high_raft_lag (the
 *   majority without it still commits, so high_raft_commit stays quiet).
 * - asymmetric_partition, packet_loss: peer traffic degraded → high_raft_lag, high_raft_commit
 *   ("spikes indicate network issues (latency, packet loss, partitions)").
 * - latency: netem `delay avg var` with avg = (min_ms + max_ms) // 2 → high_latency (P99 ms). A
 *   single delayed follower does not slow a majority commit, so high_raft_commit is not counted.
 * - disk_pressure: fills fill_percent % of the free space → low_disk_space (usage %); usage ends at
 *   least at fill_percent, so a fill above the threshold always fires.
 * - leader_concentration → leader_imbalance.
 * - pd_leader_kill, memory_exhaustion, cpu_starvation: no invariant observes PD, memory or CPU.
 */
const DEFAULT_CHAOS_INVARIANTS = {
    node_kill: [{ invariant: 'store_down' }],
    process_pause: [{ invariant: 'store_down' }, { invariant: 'metrics_unavailable' }],
    network_partition: [{ invariant: 'high_raft_lag' }],
    asymmetric_partition: [{ invariant: 'high_raft_lag' }, { invariant: 'high_raft_commit' }],
    packet_loss: [{ invariant: 'high_raft_commit' }, { invariant: 'high_raft_lag' }],
    latency: [
        {
            invariant: 'high_latency',
            magnitude: 'mean(min_ms, max_ms)',
            defaults: { min_ms: 50, max_ms: 150 },
            unit: 'ms',
        },
    ],
    disk_pressure: [
        {
            invariant: 'low_disk_space',
            magnitude: 'fill_percent',
            defaults: { fill_percent: 80 },
            unit: '%',
        },
    ],
    leader_concentration: [{ invariant: 'leader_imbalance' }],
    pd_leader_kill: [],
    memory_exhaustion: [],
    cpu_starvation: [],
};
/** Params a campaign may give a fault's duration in; a fault shorter than the grace period never fires. */
const DURATION_KEYS = ['duration_seconds', 'duration_s', 'duration_sec', 'duration'];
const MAGNITUDE = /^\s*(?:(mean|min|max)\(\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*\)|([A-Za-z_]\w*))\s*$/;
/** Checks a `magnitude` expression; returns an error message or undefined. */
function magnitudeError(expression) {
    return MAGNITUDE.test(expression)
        ? undefined
        : `'${expression}' — expected a param name or mean(a, b), min(a, b), max(a, b)`;
}
function assessCoverage(combos, definitions, table) {
    return combos.map((combo) => assessOne(combo, definitions, table));
}
function assessOne(combo, definitions, table) {
    const base = { chaos_type: combo.chaos_type, params: combo.params };
    const specs = table[combo.chaos_type];
    if (specs === undefined || specs.length === 0) {
        return {
            ...base,
            verdict: 'missing',
            invariants: [],
            reason: specs === undefined
                ? `No invariant is mapped to ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(combo.chaos_type)} (add it under invariants.chaos_types in the config if one should detect it).`
                : `No invariant detects ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(combo.chaos_type)}: the observer checks nothing this fault changes.`,
        };
    }
    const found = specs.flatMap((spec) => {
        const def = definitions.find((d) => d.name === spec.invariant && d.checks.length > 0);
        return def ? [{ spec, def }] : [];
    });
    if (found.length === 0) {
        const defined = specs
            .map((s) => definitions.find((d) => d.name === s.invariant))
            .filter((d) => d !== undefined);
        const unchecked = defined.length
            ? ` ${defined.map((d) => `${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(d.name)} (${where(d)})`).join(', ')} is defined but no check_* method uses it.`
            : '';
        return {
            ...base,
            verdict: 'missing',
            invariants: defined.map(entryOf),
            reason: `None of the invariants expected to detect it (${list(specs.map((s) => s.invariant))}) is checked.${unchecked}`,
        };
    }
    const judged = found.map(({ spec, def }) => ({ def, why: cannotFire(spec, def, combo.params) }));
    const sensitive = judged.filter((j) => j.why === undefined);
    if (sensitive.length > 0) {
        return {
            ...base,
            verdict: 'covered',
            invariants: sensitive.map((j) => entryOf(j.def)),
            reason: `${list(sensitive.map((j) => j.def.name))} can fire for ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: combo.chaos_type, params: combo.params }))}; the cause is elsewhere (ticket flow, agent, scoring).`,
        };
    }
    return {
        ...base,
        verdict: 'insensitive',
        invariants: judged.map((j) => entryOf(j.def)),
        reason: judged.map((j) => j.why).join(' '),
    };
}
/** Why the invariant cannot fire for these params, or undefined when it can. */
function cannotFire(spec, def, params) {
    const duration = DURATION_KEYS.map((k) => numeric(params[k])).find((v) => v !== undefined);
    if (duration !== undefined &&
        def.grace_period_seconds > 0 &&
        duration <= def.grace_period_seconds) {
        return `${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(def.name)} waits a ${def.grace_period_seconds} s grace period (${where(def)}) but the fault lasts ${duration} s.`;
    }
    if (!spec.magnitude || def.threshold === null)
        return undefined;
    const injected = magnitudeOf(spec, params);
    if (injected === undefined || injected.value > def.threshold)
        return undefined;
    const unit = spec.unit ? ` ${spec.unit}` : '';
    return `${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(def.name)} fires above ${def.threshold}${unit} (${where(def)}) but the injected ${injected.what} is ${injected.value}${unit}: the check resets its ${def.grace_period_seconds} s grace timer whenever a sample falls under the threshold, so it cannot fire. Lower the threshold or inject more.`;
}
function magnitudeOf(spec, params) {
    const match = MAGNITUDE.exec(spec.magnitude ?? '');
    if (!match)
        return undefined;
    const read = (key) => numeric(params[key]) ?? spec.defaults?.[key];
    if (match[4]) {
        const value = read(match[4]);
        return value === undefined ? undefined : { value, what: match[4] };
    }
    const [a, b] = [read(match[2]), read(match[3])];
    if (a === undefined || b === undefined)
        return undefined;
    const fn = match[1];
    // Upstream configures netem with avg = (min_ms + max_ms) // 2.
    const value = fn === 'mean' ? Math.floor((a + b) / 2) : fn === 'min' ? Math.min(a, b) : Math.max(a, b);
    const label = fn === 'mean' ? 'mean' : fn;
    return { value, what: `${label} of ${match[2]} and ${match[3]} (${a}–${b})` };
}
function numeric(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
    return undefined;
}
function entryOf(def) {
    return {
        name: def.name,
        threshold: def.threshold,
        grace_period_seconds: def.grace_period_seconds,
        file: def.file,
        line: def.line,
    };
}
function list(names) {
    return names.map(_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS).join(', ');
}
function where(def) {
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(`${def.file}:${def.line}`);
}


/***/ }),

/***/ 7272:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ describeStop),
/* harmony export */   Un: () => (/* binding */ decideCombination),
/* harmony export */   zv: () => (/* binding */ DEFAULT_MAX_TRIALS_PER_COMBINATION)
/* harmony export */ });
/* unused harmony exports SIGNIFICANCE, finalSignificance */
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1320);
/**
 * The per-combination decision rule of a retry: one function used by `compare` (every look at a
 * retry, with or without top-up rounds) and by the loop simulator, so what the simulator measures
 * is what the PR comment says.
 *
 * A combination is looked at after every round of trials (the retry's trials per combination, then
 * each top-up), up to a budget of trials. The design keeps its error rates under this optional
 * stopping:
 * - "fixed" (a significant gain, at or above the target) uses Haybittle–Peto alpha spending: an
 *   interim look calls a fix only at one-sided Fisher p ≤ 0.001, the last look at
 *   p ≤ α − 0.001 × (interim looks). By the union bound the chance of calling "fixed" when nothing
 *   changed is at most α over all looks, however the looks fall.
 * - A combination stops early as not fixed only when even all-success remaining trials could not
 *   bring it to the target within the budget (deterministic curtailment): such a stop never
 *   changes whether the full budget would have called it fixed, so it adds no error.
 * - Everything else at or short of the target that could still get there is `inconclusive` and
 *   gets more trials while budget is left.
 * With no budget beyond the current trials (top-up off, or the budget spent) the rule is the
 * single-look Fisher rule at α.
 */

const SIGNIFICANCE = 0.05;
/** Haybittle–Peto: an interim look only stops for overwhelming evidence. */
const INTERIM_SIGNIFICANCE = 0.001;
const DEFAULT_MAX_TRIALS_PER_COMBINATION = 9;
// 0/3 → 3/3 has p = 1/20 exactly; floating point must not push it past the threshold.
const isSignificant = (p, level) => p <= level * (1 + 1e-9);
/** Looks a budget allows: after the first round and after every top-up, the last at maxTrials. */
function looksOf(budget) {
    return Math.max(1, Math.ceil(budget.maxTrials / budget.roundTrials));
}
/** Significance of the last look: α minus what the interim looks spent. */
function finalSignificance(budget) {
    if (!budget)
        return SIGNIFICANCE;
    return SIGNIFICANCE - INTERIM_SIGNIFICANCE * (looksOf(budget) - 1);
}
/**
 * Decides one combination from its campaign tally (`before`) and the retry's trials so far
 * (`after`). Without a budget this is a single look: every verdict is final.
 */
function decideCombination(before, after, target, budget) {
    const p = before.trials && after.trials
        ? (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .fisherExact */ .Rr)(before.successes, before.trials, after.successes, after.trials)
        : { pImprovement: 1, pRegression: 1 };
    const stop = (verdict, reason) => ({
        verdict,
        reason,
        decided: true,
        next_trials: 0,
        p_improvement: p.pImprovement,
        p_regression: p.pRegression,
    });
    if (after.trials === 0)
        return stop('inconclusive', 'no-trials');
    const maxTrials = budget ? Math.max(budget.maxTrials, after.trials) : after.trials;
    const reachable = (after.successes + (maxTrials - after.trials)) / maxTrials >= target;
    const last = after.trials >= maxTrials || !reachable;
    const level = last ? finalSignificance(budget) : INTERIM_SIGNIFICANCE;
    const afterRate = after.successes / after.trials;
    const beforeRate = before.trials ? before.successes / before.trials : null;
    if (beforeRate !== null && afterRate < beforeRate && isSignificant(p.pRegression, level)) {
        return stop('regressed', 'regressed');
    }
    if (beforeRate !== null && beforeRate >= target)
        return stop('held', 'passed-before');
    if (afterRate >= target && isSignificant(p.pImprovement, level)) {
        return stop('fixed', 'significant-gain');
    }
    if (afterRate < target && last) {
        return stop(isSignificant(p.pImprovement, level) ? 'improved' : 'still failing', 'below-target');
    }
    if (last)
        return stop('inconclusive', 'budget-spent');
    return {
        verdict: 'inconclusive',
        reason: 'needs-more-trials',
        decided: false,
        next_trials: Math.min(budget.roundTrials, maxTrials - after.trials),
        p_improvement: p.pImprovement,
        p_regression: p.pRegression,
    };
}
/** The stop reason in a few words for people (PR comment, simulator). */
function describeStop(reason, trials, maxTrials) {
    switch (reason) {
        case 'no-trials':
            return 'no trial finished';
        case 'regressed':
            return 'significantly worse than before';
        case 'passed-before':
            return 'passed before; no regression';
        case 'significant-gain':
            return 'significant gain, at target';
        case 'below-target':
            return maxTrials && maxTrials > trials
                ? `cannot reach the target within ${maxTrials} trials`
                : 'below target';
        case 'budget-spent':
            return `budget of ${trials} trials spent`;
        case 'needs-more-trials':
            return 'more trials queued';
    }
}


/***/ }),

/***/ 1320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rr: () => (/* binding */ fisherExact),
/* harmony export */   Tx: () => (/* binding */ ExactMean),
/* harmony export */   YV: () => (/* binding */ wilsonInterval),
/* harmony export */   Zv: () => (/* binding */ allSuccessTrialsNeeded)
/* harmony export */ });
/* unused harmony exports logFactorial, exactMean, roundRatioToDouble */
/**
 * Small exact statistics helpers: Wilson score intervals, Fisher's exact test on 2×2 tables and a
 * mean that matches Python's `statistics.mean` bit for bit.
 */
/** The two-sided 95% critical value of the standard normal distribution. */
const Z_95 = 1.959963984540054;
function assertCount(name, value) {
    if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
    }
}
function assertSuccesses(successes, trials, label = '') {
    assertCount(`successes${label}`, successes);
    assertCount(`trials${label}`, trials);
    if (successes > trials) {
        throw new RangeError(`successes${label} (${successes}) exceed trials${label} (${trials})`);
    }
}
/**
 * Wilson score interval (without continuity correction) for a binomial proportion.
 * n = 0 gives the uninformative [0, 1].
 */
function wilsonInterval(successes, trials) {
    assertSuccesses(successes, trials);
    const z = Z_95;
    if (trials === 0)
        return [0, 1];
    const n = trials;
    const p = successes / n;
    const z2 = z * z;
    const denom = 1 + z2 / n;
    const upper = successes === n
        ? 1
        : Math.min(1, (p + z2 / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom);
    // The bounds are the roots of denom·P² − (2p + z²/n)·P + p² = 0, so lower = p² / (denom·upper);
    // this avoids the cancellation of `center − half` when the lower bound is tiny.
    const lower = successes === 0 ? 0 : Math.max(0, Math.min(1, (p * p) / (denom * upper)));
    return [lower, upper];
}
function wilsonLower(successes, trials) {
    return wilsonInterval(successes, trials)[0];
}
/**
 * Smallest m ≥ 0 such that, after m more trials that all succeed, the Wilson lower bound of
 * (successes + m) / (trials + m) reaches `target`. The bound is increasing in m, so this is an
 * exponential then binary search. `null` when no finite (safe-integer) m reaches the target —
 * always the case for target 1, since the lower bound of k/n is below 1 for every finite n.
 */
function allSuccessTrialsNeeded(successes, trials, target) {
    assertSuccesses(successes, trials);
    if (!(target >= 0 && target <= 1)) {
        throw new RangeError(`target must be in [0, 1], got ${String(target)}`);
    }
    const reaches = (m) => wilsonLower(successes + m, trials + m) >= target;
    if (reaches(0))
        return 0;
    if (target >= 1)
        return null;
    const limit = Number.MAX_SAFE_INTEGER - trials;
    let lo = 0;
    let hi = 1;
    while (!reaches(hi)) {
        if (hi >= limit)
            return null;
        lo = hi;
        hi = Math.min(limit, hi * 2);
    }
    // Invariant: reaches(hi) and !reaches(lo).
    while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (reaches(mid))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}
const FACTORIAL_TABLE_SIZE = 171;
const LOG_FACTORIALS = (() => {
    const table = new Float64Array(FACTORIAL_TABLE_SIZE);
    let factorial = 1;
    for (let i = 1; i < FACTORIAL_TABLE_SIZE; i += 1) {
        factorial *= i;
        table[i] = Math.log(factorial);
    }
    return table;
})();
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** ln(n!) — a table below 171, Stirling's series (error < 1e-17 relative there) above. */
function logFactorial(n) {
    if (n < FACTORIAL_TABLE_SIZE)
        return LOG_FACTORIALS[n] ?? NaN;
    const x = n + 1;
    const x2 = x * x;
    const series = (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x;
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
}
// R's fisher.test uses `relErr <- 1 + 10^(-7)` so tables tied with the observed one up to
// rounding count as "as extreme".
const FISHER_RELATIVE_TOLERANCE = 1 + 1e-7;
/**
 * Fisher's exact test for before k1/n1 vs after k2/n2 successes. Conditional on the margins, the
 * after-successes X follow a hypergeometric law; probabilities are computed relative to the
 * mode from log-factorials and normalised by their sum, so n up to ~1e5 per arm is fine.
 */
function fisherExact(k1, n1, k2, n2) {
    assertSuccesses(k1, n1, ' (before)');
    assertSuccesses(k2, n2, ' (after)');
    const total = n1 + n2;
    const successes = k1 + k2;
    const failures = total - successes;
    const lo = Math.max(0, n2 - failures);
    const hi = Math.min(successes, n2);
    if (lo === hi)
        return { pImprovement: 1, pRegression: 1, pTwoSided: 1 };
    const logWeight = (x) => -logFactorial(x) -
        logFactorial(successes - x) -
        logFactorial(n2 - x) -
        logFactorial(failures - n2 + x);
    const mode = Math.min(hi, Math.max(lo, Math.floor(((n2 + 1) * (successes + 1)) / (total + 2))));
    const logMode = logWeight(mode);
    const weights = new Float64Array(hi - lo + 1);
    let sum = 0;
    for (let x = lo; x <= hi; x += 1) {
        const w = Math.exp(logWeight(x) - logMode);
        weights[x - lo] = w;
        sum += w;
    }
    const observed = weights[k2 - lo] ?? 0;
    const threshold = observed * FISHER_RELATIVE_TOLERANCE;
    let upperTail = 0;
    let lowerTail = 0;
    let twoSided = 0;
    for (let x = lo; x <= hi; x += 1) {
        const w = weights[x - lo] ?? 0;
        if (x >= k2)
            upperTail += w;
        if (x <= k2)
            lowerTail += w;
        if (w <= threshold)
            twoSided += w;
    }
    const clamp = (value) => Math.min(1, value / sum);
    return {
        pImprovement: clamp(upperTail),
        pRegression: clamp(lowerTail),
        pTwoSided: clamp(twoSided),
    };
}
// Bin b holds mantissas whose lsb is 2^(b − 1074): b = biased exponent − 1 (0 for subnormals).
const EXPONENT_BINS = 2046;
const MIN_EXPONENT = -1074;
const SPLIT = 2 ** 26;
// Each bin adds at most one 26/27-bit half per value, so 2^25 values keep it below 2^53.
const FLUSH_EVERY = 2 ** 25;
/**
 * Arithmetic mean exactly as Python's `statistics.mean` returns it for floats: the exact rational
 * mean of the binary values, correctly rounded (half to even). Empty input throws, like Python's
 * StatisticsError; non-finite inputs follow float arithmetic (inf, or NaN for NaN / inf − inf).
 */
function exactMean(values) {
    const mean = new ExactMean();
    for (const v of values)
        mean.add(v);
    return mean.value();
}
/**
 * `exactMean` one value at a time, in constant memory: the sum is exact, so the order of the
 * values does not matter.
 */
class ExactMean {
    // Every finite double is m·2^e with integer m < 2^53. Mantissas are accumulated per exponent in
    // two 26/27-bit halves (exact in doubles), and only the bins are combined with BigInt.
    high = new Float64Array(EXPONENT_BINS);
    low = new Float64Array(EXPONENT_BINS);
    view = new DataView(new ArrayBuffer(8));
    total = 0n;
    sinceFlush = 0;
    hasNaN = false;
    hasPosInf = false;
    hasNegInf = false;
    /** Values added so far. */
    count = 0;
    add(v) {
        if (typeof v !== 'number')
            throw new TypeError(`mean expects numbers, got ${typeof v}`);
        this.count += 1;
        if (Number.isNaN(v))
            this.hasNaN = true;
        else if (v === Infinity)
            this.hasPosInf = true;
        else if (v === -Infinity)
            this.hasNegInf = true;
        else if (v !== 0)
            this.addFinite(v);
    }
    value() {
        if (this.count === 0)
            throw new RangeError('mean requires at least one data point');
        if (this.hasNaN || (this.hasPosInf && this.hasNegInf))
            return NaN;
        if (this.hasPosInf)
            return Infinity;
        if (this.hasNegInf)
            return -Infinity;
        this.flush();
        if (this.total === 0n)
            return 0;
        return roundRatioToDouble(this.total, BigInt(this.count), MIN_EXPONENT);
    }
    addFinite(v) {
        const { view, high, low } = this;
        view.setFloat64(0, v);
        const hiWord = view.getUint32(0);
        const biased = (hiWord >>> 20) & 0x7ff;
        let mantissa = (hiWord & 0xfffff) * 2 ** 32 + view.getUint32(4);
        let bin = 0;
        if (biased !== 0) {
            mantissa += 2 ** 52;
            bin = biased - 1;
        }
        const h = Math.floor(mantissa / SPLIT);
        const l = mantissa - h * SPLIT;
        if (v < 0) {
            high[bin] = (high[bin] ?? 0) - h;
            low[bin] = (low[bin] ?? 0) - l;
        }
        else {
            high[bin] = (high[bin] ?? 0) + h;
            low[bin] = (low[bin] ?? 0) + l;
        }
        this.sinceFlush += 1;
        if (this.sinceFlush === FLUSH_EVERY)
            this.flush();
    }
    flush() {
        const { high, low } = this;
        for (let bin = 0; bin < EXPONENT_BINS; bin += 1) {
            const h = high[bin] ?? 0;
            const l = low[bin] ?? 0;
            if (h === 0 && l === 0)
                continue;
            this.total += (BigInt(h) << BigInt(bin + 26)) + (BigInt(l) << BigInt(bin));
            high[bin] = 0;
            low[bin] = 0;
        }
        this.sinceFlush = 0;
    }
}
function bitLength(value) {
    return value === 0n ? 0 : value.toString(2).length;
}
/**
 * Correctly rounded (half to even) double nearest to num/den·2^exp2, for den > 0. Results below
 * the smallest subnormal round to ±0 and above the largest double to ±Infinity.
 */
function roundRatioToDouble(num, den, exp2) {
    if (den <= 0n)
        throw new RangeError('denominator must be positive');
    if (num === 0n)
        return 0;
    const negative = num < 0n;
    const magnitude = negative ? -num : num;
    // Scale so the integer quotient has at least 55 bits: 53 kept, a guard bit, and more.
    const shift = 55 - (bitLength(magnitude) - bitLength(den));
    const scaledNum = shift > 0 ? magnitude << BigInt(shift) : magnitude;
    const scaledDen = shift < 0 ? den << BigInt(-shift) : den;
    const quotient = scaledNum / scaledDen;
    const sticky = quotient * scaledDen !== scaledNum;
    // value = (quotient + fraction) · 2^lsbExponent
    const lsbExponent = exp2 - shift;
    const length = bitLength(quotient);
    const msbExponent = lsbExponent + length - 1;
    if (msbExponent > 1023)
        return negative ? -Infinity : Infinity;
    // Keep 53 significant bits, or fewer when the result is subnormal (lsb fixed at 2^-1074).
    const drop = Math.max(length - 53, MIN_EXPONENT - lsbExponent);
    if (drop > length)
        return negative ? -0 : 0;
    let kept = quotient >> BigInt(drop);
    const remainder = quotient - (kept << BigInt(drop));
    const half = drop > 0 ? 1n << BigInt(drop - 1) : 0n;
    if (drop > 0 && (remainder > half || (remainder === half && (sticky || (kept & 1n) === 1n)))) {
        kept += 1n;
    }
    const exponent = lsbExponent + drop;
    // kept ≤ 2^53 converts exactly; split the power of two so neither factor over/underflows.
    const exponentHalf = Math.trunc(exponent / 2);
    const result = Number(kept) * 2 ** exponentHalf * 2 ** (exponent - exponentHalf);
    return negative ? -result : result;
}


/***/ }),

/***/ 7807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ ALL_SYMPTOMS),
/* harmony export */   O: () => (/* binding */ classifyFailedTrial)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3085);

/** Per-trial symptoms, in precedence order: the first that applies is the primary symptom. */
const TRIAL_SYMPTOMS = [
    'negative-detect-time',
    'zero-detect-time',
    'no-ticket',
    'ticket-no-commands',
    'empty-final-state',
    'resolved-unhealthy',
    'unresolved-healthy',
    'timeout',
];
/** Findings that are not one trial's symptom: campaign-level patterns and broken work items. */
const PATTERN_SYMPTOMS = ['all-failed-no-ticket', 'pd-chaos-failing', 'broken-work-item'];
const ALL_SYMPTOMS = [...PATTERN_SYMPTOMS, ...TRIAL_SYMPTOMS];
/**
 * Detect times under one second count as zero: chaos and ticket timestamps have one-second
 * precision, and the monitor polls every 5 s, so a real detection is never that fast.
 */
const ZERO_DETECT_BELOW_SEC = 1;
function isEmptyFinalState(finalState) {
    try {
        const state = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeJsonColumn */ .D4)(finalState, {});
        return (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(state) && Object.keys(state).length === 0;
    }
    catch (error) {
        if (error instanceof _json_js__WEBPACK_IMPORTED_MODULE_0__/* .JsonColumnError */ .lk)
            return false;
        throw error;
    }
}
/** Symptoms of a trial that did not score `success`, primary first. */
function classifyFailedTrial(trial, score) {
    const ttd = score.timeToDetectSec;
    const hasTicket = trial.ticketCreatedAt !== null;
    const emptyFinal = isEmptyFinalState(trial.finalState);
    const checks = {
        'negative-detect-time': ttd !== null && ttd < 0,
        'zero-detect-time': ttd !== null && ttd >= 0 && ttd < ZERO_DETECT_BELOW_SEC,
        'no-ticket': !hasTicket && score.commandCount === 0,
        'ticket-no-commands': hasTicket && score.commandCount === 0,
        'empty-final-state': emptyFinal,
        'resolved-unhealthy': trial.resolvedAt !== null && !score.finalHealthy,
        'unresolved-healthy': trial.resolvedAt === null && score.finalHealthy,
        timeout: trial.resolvedAt === null && !score.finalHealthy && score.commandCount > 0,
    };
    const symptoms = TRIAL_SYMPTOMS.filter((symptom) => checks[symptom]);
    return { symptoms, kind: failureKind(trial, score, emptyFinal) };
}
/**
 * Upstream's success criteria (iterate-campaign SKILL.md @ b347467): a trial is a working pipeline
 * when it ran to `ended_at`, chaos was injected with valid metadata, the monitor filed a ticket
 * with a positive time to detect, and the agent worked it. Only then is a failure the agent's.
 * An empty final state means state capture failed, which is the harness's fault too.
 */
function failureKind(trial, score, emptyFinal) {
    const ttd = score.timeToDetectSec;
    const pipelineOk = trial.endedAt !== '' &&
        hasChaosType(trial.chaosMetadata) &&
        ttd !== null &&
        ttd >= ZERO_DETECT_BELOW_SEC &&
        score.commandCount > 0 &&
        !emptyFinal;
    return pipelineOk ? 'agent' : 'pipeline';
}
function hasChaosType(metadata) {
    try {
        const decoded = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeJsonColumn */ .D4)(metadata, {});
        return ((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(decoded) && typeof decoded.chaos_type === 'string' && decoded.chaos_type !== '');
    }
    catch {
        return false;
    }
}


/***/ })

};
