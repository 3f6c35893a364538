import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 8152:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path/win32");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 7066:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tty");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ }),

/***/ 767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ readDatabaseUrl),
/* harmony export */   Fw: () => (/* binding */ requireToken),
/* harmony export */   Ge: () => (/* binding */ DEFAULT_LABELS),
/* harmony export */   HO: () => (/* binding */ parseRepoDirectory),
/* harmony export */   Lc: () => (/* binding */ DIAGNOSIS_LABELS_INPUT),
/* harmony export */   Xy: () => (/* binding */ parseLabels),
/* harmony export */   a$: () => (/* binding */ requireMergeSha),
/* harmony export */   jV: () => (/* binding */ DATABASE_URL_INPUT),
/* harmony export */   k2: () => (/* binding */ readLabels),
/* harmony export */   kM: () => (/* binding */ optionalRegistry),
/* harmony export */   o9: () => (/* binding */ readReportFormat),
/* harmony export */   ow: () => (/* binding */ tokenFrom),
/* harmony export */   q3: () => (/* binding */ optionalTargetRate),
/* harmony export */   rP: () => (/* binding */ requiredId),
/* harmony export */   sR: () => (/* binding */ CONFIG_INPUT),
/* harmony export */   ui: () => (/* binding */ optionalId),
/* harmony export */   z5: () => (/* binding */ FORMAT_INPUT)
/* harmony export */ });
/* unused harmony export parseSha */
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(662);
/* harmony import */ var _db_connection_url_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2956);
/* harmony import */ var _images_image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4579);



/** Inputs most commands share, declared once so the action and the CLI describe them alike. */
const DATABASE_URL_INPUT = {
    description: 'PostgreSQL URL of the eval database (default: EVAL_DATABASE_URL)',
    secret: true,
    required: true,
};
const CONFIG_INPUT = {
    description: 'Project config file (default .github/iterate-campaign.yml)',
};
const DEFAULT_LABELS = 'campaign-diagnosis';
const LABEL_MAX_CHARS = 50;
/** How the report commands (compare, finalize, reconcile) find the diagnosis issue. */
const DIAGNOSIS_LABELS_INPUT = {
    description: `Labels of the diagnosis issue; the first finds it (default ${DEFAULT_LABELS})`,
};
/** The diagnosis issue's labels (`labels` input, else campaign-diagnosis). */
function readLabels(inputs) {
    return parseLabels('labels', inputs.get('labels') ?? DEFAULT_LABELS);
}
/** The eval database URL from the input or EVAL_DATABASE_URL, masked in every log from now on. */
function readDatabaseUrl(inputs, io) {
    const databaseUrl = (0,_db_connection_url_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveDatabaseUrl */ .N1)(inputs.get('database-url'), io.env);
    for (const secret of (0,_db_connection_url_js__WEBPACK_IMPORTED_MODULE_0__/* .secretsOf */ .Fj)(databaseUrl))
        io.masker.add(secret);
    return databaseUrl;
}
/** `a, b` → ['a', 'b']: at least one label, each at most 50 characters, duplicates dropped. */
function parseLabels(field, value) {
    const labels = [
        ...new Set(value
            .split(/[,\n]/)
            .map((l) => l.trim())
            .filter(Boolean)),
    ];
    const tooLong = labels.find((l) => l.length > LABEL_MAX_CHARS);
    if (labels.length === 0 || tooLong !== undefined) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Invalid ${field}: '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .shown */ .SP)(value)}' — expected comma-separated label names of at most ${LABEL_MAX_CHARS} characters, e.g. ${DEFAULT_LABELS}`);
    }
    return labels;
}
/** A relative POSIX directory inside the repository: no `..`, no leading `/`, no backslashes. */
function parseRepoDirectory(field, value) {
    const trimmed = value.trim().replace(/\/+$/, '');
    const segments = trimmed.split('/');
    const valid = trimmed !== '' &&
        !trimmed.startsWith('/') &&
        !trimmed.includes('\\') &&
        segments.every((s) => s !== '' &&
            s !== '.' &&
            s !== '..' &&
            !/[:*?"<>|]/.test(s) &&
            ![...s].some((c) => c.charCodeAt(0) < 0x20));
    if (!valid) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Invalid ${field}: '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .shown */ .SP)(value)}' — expected a directory relative to the repository root, e.g. eval/campaigns/debug`);
    }
    return trimmed;
}
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
function parseSha(field, value) {
    const v = value.trim().toLowerCase();
    if (!SHA.test(v)) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Invalid ${field}: '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .shown */ .SP)(value)}' — expected a full commit SHA (40 hex digits)`);
    }
    return v;
}
/** `merge-sha`, else GITHUB_SHA. */
function requireMergeSha(inputs, env) {
    const explicit = inputs.get('merge-sha');
    if (explicit !== undefined)
        return parseSha('merge-sha', explicit);
    const fromEnv = env.GITHUB_SHA?.trim();
    if (!fromEnv) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('Missing merge-sha: pass --merge-sha <40-hex SHA> or set GITHUB_SHA');
    }
    return parseSha('GITHUB_SHA', fromEnv);
}
/** target-win-rate when given; otherwise the config's `targets.default`, else 90 %, decide. */
function optionalTargetRate(inputs) {
    const value = inputs.get('target-win-rate');
    return value === undefined ? undefined : (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTargetRate */ .xL)('target-win-rate', value);
}
/** A required id input; `hint` says what to give when it is missing. */
function requiredId(inputs, field, hint) {
    const value = inputs.get(field);
    if (value === undefined)
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Missing ${field}: ${hint}`);
    return (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseId */ .Fg)(field, value);
}
function optionalId(inputs, field) {
    const value = inputs.get(field);
    return value === undefined ? undefined : (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseId */ .Fg)(field, value);
}
/** github-token, else GITHUB_TOKEN / GH_TOKEN; masked in every log from here on. */
function tokenFrom(inputs, io) {
    const token = inputs.get('github-token') ??
        (io.env.GITHUB_TOKEN?.trim() || io.env.GH_TOKEN?.trim() || undefined);
    if (token)
        io.masker.add(token);
    return token;
}
function requireToken(inputs, io, command) {
    const token = tokenFrom(inputs, io);
    if (!token) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Missing github-token: '${command}' reads the pull request (pass --github-token or set GITHUB_TOKEN)`);
    }
    return token;
}
function optionalRegistry(inputs) {
    const value = inputs.get('registry');
    if (value === undefined)
        return undefined;
    try {
        return (0,_images_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .validateRegistry */ .Yd)(value.trim());
    }
    catch (error) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(error.message);
    }
}
const REPORT_FORMATS = ['text', 'md'];
/** `--format`: text for people (the terminal's default), md for GitHub (the workflow's). */
const FORMAT_INPUT = {
    description: 'How the report is printed: text (aligned, coloured on a TTY; CLI default) or md (the GitHub Markdown; action default)',
};
/** The report format: --json wins, then format, then the surface's default. */
function readReportFormat(inputs, io) {
    const json = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)('json', inputs.get('json') ?? 'false');
    const raw = inputs.get('format');
    if (json && raw !== undefined)
        io.logger.warning("Input 'format' is ignored: --json is given.");
    if (json)
        return 'json';
    return (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseChoice */ .HU)('format', raw ?? (io.surface === 'cli' ? 'text' : 'md'), REPORT_FORMATS);
}


/***/ }),

/***/ 9231:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ imagePlanSummary),
/* harmony export */   JO: () => (/* binding */ reconcileSummary),
/* harmony export */   _I: () => (/* binding */ commandFailure),
/* harmony export */   a7: () => (/* binding */ withheldNote),
/* harmony export */   jk: () => (/* binding */ retrySummary),
/* harmony export */   tp: () => (/* binding */ builtImagesSummary),
/* harmony export */   xE: () => (/* binding */ alert)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5414);
/* harmony import */ var _markdown_index_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1280);
/**
 * The Markdown the commands write to the job summary (and print), built from the Markdown writers
 * so no value (an image reference, a chaos type, an error message, a series name) can break a
 * table row, a code span or a list. Pure.
 */


/**
 * A GitHub alert around plain text (an error message, a status line): Markdown in the text shows
 * literally and line breaks are flattened, so the alert stays one quoted paragraph.
 */
function alert(kind, text, lead = '') {
    return `> [!${kind}]\n> ${lead}${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(text)}`;
}
/** The summary of a failed command: one alert naming the command. */
function commandFailure(command, message) {
    return alert('CAUTION', message, `**iterate-campaign ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(command)} failed:** `);
}
/** A failing combination as it is named everywhere: chaos type and params in one code span. */
function combinationSpan(c) {
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: c.chaos_type, params: c.params }));
}
/** Combinations left out of a retry campaign, with why. */
function withheldNote(withheld) {
    if (withheld.length === 0)
        return '';
    const list = withheld.map((w) => `> - ${combinationSpan(w)}: ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(w.reason)}.`);
    return `> [!WARNING]\n> Withheld from the retry campaign (the analysis above still counts them):\n>\n${list.join('\n')}`;
}
function builtImagesSummary(results) {
    const table = (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Image', 'Reference', 'Digest', 'Result'], results.map((r) => [
        (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(r.name),
        (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(r.reference),
        (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(r.digest),
        r.skipped ? 'existed, not rebuilt' : 'built and pushed',
    ]));
    return `### Images\n\n${table}`;
}
function reconcileSummary(results) {
    if (results.length === 0)
        return 'No open retry: nothing to do.';
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Retry campaign', 'Action', 'Detail'], results.map((r) => [String(r.retryCampaignId), r.action, (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(r.detail)]));
}
function imagePlanSummary(plan, prNumber) {
    const images = plan.images.map((image) => `${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(image.name)} → ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(image.tag)} (${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(image.dockerfile)}, context ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(image.context)})` +
        (image.reasons.length ? `: ${image.reasons.map(_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS).join(', ')}` : ''));
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .joinBlocks */ .x9)(`### Image plan for PR #${prNumber}`, (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(plan.summary), plan.images.length === 0
        ? 'Empty matrix: nothing to build.'
        : (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .bulletList */ .fF)('Images to rebuild:', images), (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .bulletList */ .fF)('Test commands:', plan.testCommands.map(_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)));
}
function retrySummary(r) {
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .bulletList */ .fF)(`### Retry campaign ${r.retryCampaignId}`, [
        `PR #${r.prNumber} merged as ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(r.mergeSha.slice(0, 7))}; retries campaign ${r.previousCampaignId} (${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(r.how)})`,
        `${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(r.campaignName)}: ${r.workItems} work item(s), ${r.combinations} combination(s)`,
        `Operator image: ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(r.operatorImage || '(harness default)')}`,
        `Enqueued ${r.viaCli ? 'with `eval run campaign --cloud=gcp`' : 'directly (one transaction)'}`,
        ...r.withheld.map((w) => `Withheld: ${combinationSpan(w)} — ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(w.reason)}`),
    ]);
}


/***/ }),

/***/ 5414:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Tg: () => (/* binding */ identifyTrial),
/* harmony export */   ZV: () => (/* binding */ combinationKey),
/* harmony export */   jU: () => (/* binding */ describeCombination),
/* harmony export */   un: () => (/* binding */ workItemCombination)
/* harmony export */ });
/* unused harmony export indexWorkItemsByTrial */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3085);
/* harmony import */ var _py_json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1867);


/**
 * Metadata keys that echo a campaign `params` entry, per chaos type (eval-harness.md §6). Used only
 * when a trial has no work item; other metadata keys (target container, IPs) vary per trial.
 */
const PARAM_KEYS_IN_METADATA = {
    latency: ['min_ms', 'max_ms'],
    packet_loss: ['percent'],
    disk_pressure: ['fill_percent'],
    memory_exhaustion: ['consume_mb'],
    cpu_starvation: ['cores'],
};
function combinationKey(combination) {
    const subject = combination.subject ? `${combination.subject}|` : '';
    return `${subject}${combination.chaosType}|${paramsKey(combination.params)}`;
}
// Streamed trials share one decoded params object per distinct text: key it once. Params are
// never modified after decoding.
const paramsKeys = new WeakMap();
function paramsKey(params) {
    let key = paramsKeys.get(params);
    if (key === undefined) {
        key = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(params);
        paramsKeys.set(params, key);
    }
    return key;
}
function describeCombination({ chaosType, params }) {
    const entries = Object.entries(params);
    if (entries.length === 0)
        return chaosType;
    return `${chaosType} (${entries.map(([k, v]) => `${k}=${describeParam(v)}`).join(', ')})`;
}
function describeParam(value) {
    if (typeof value === 'string')
        return value;
    if (value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyFloat */ .g$ || value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyBigInt */ .D3)
        return String(value);
    return JSON.stringify(value);
}
/**
 * Chaos type and params of a trial: from its work item (what the campaign asked for), else from
 * `chaos_metadata` (what the injector reported). Baseline trials have empty metadata, so without a
 * work item upstream calls them `unknown`; with one they are `none`.
 */
function identifyTrial(trial, workItem, campaignSubject = '') {
    if (workItem) {
        const params = safeObject(workItem.chaosParams);
        return {
            subject: workItem.subjectType,
            chaosType: workItem.chaosType,
            params,
            baseline: workItem.baseline,
            workItem,
        };
    }
    const metadata = safeObject(trial.chaosMetadata);
    const chaosType = typeof metadata.chaos_type === 'string' ? metadata.chaos_type : 'unknown';
    const params = {};
    for (const key of PARAM_KEYS_IN_METADATA[chaosType] ?? []) {
        if (metadata[key] !== undefined)
            params[key] = metadata[key];
    }
    const baseline = Object.keys(metadata).length === 0;
    return {
        subject: campaignSubject,
        chaosType: baseline ? 'none' : chaosType,
        params,
        baseline,
        workItem,
    };
}
function workItemCombination(item) {
    return {
        subject: item.subjectType,
        chaosType: item.chaosType,
        params: safeObject(item.chaosParams),
    };
}
const decodedObjects = new WeakMap();
/** `decodeObject`, once per decoded value (streamed trials share equal ones). */
function safeObject(value) {
    if (typeof value !== 'object' || value === null)
        return decodeObject(value);
    let decoded = decodedObjects.get(value);
    if (decoded === undefined) {
        decoded = decodeObject(value);
        decodedObjects.set(value, decoded);
    }
    return decoded;
}
function decodeObject(value) {
    try {
        const decoded = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeJsonColumn */ .D4)(value, {});
        return (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(decoded) ? naturalOrder(decoded) : {};
    }
    catch {
        return {};
    }
}
const PREFERRED_KEY_ORDER = ['min_ms', 'max_ms'];
/**
 * JSONB stores keys shortest first, so `{min_ms, max_ms}` comes back as `{max_ms, min_ms}`; put
 * the pairs people write in their usual order again for reports and retry YAML.
 */
function naturalOrder(params) {
    const keys = Object.keys(params);
    if (keys.length < 2)
        return params;
    const rank = (k) => {
        const i = PREFERRED_KEY_ORDER.indexOf(k);
        return i < 0 ? PREFERRED_KEY_ORDER.length : i;
    };
    const sorted = [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(sorted.map((k) => [k, params[k]]));
}
/** Work items indexed by the trial they produced. */
function indexWorkItemsByTrial(items) {
    const byTrial = new Map();
    for (const item of items)
        if (item.trialId !== null)
            byTrial.set(item.trialId, item);
    return byTrial;
}


/***/ }),

/***/ 662:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fg: () => (/* binding */ parseId),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   O$: () => (/* binding */ parseBoundedInt),
/* harmony export */   Qk: () => (/* binding */ parseWorkspacePath),
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   hp: () => (/* binding */ targetRateOf),
/* harmony export */   n_: () => (/* binding */ parseCampaignSelector),
/* harmony export */   xL: () => (/* binding */ parseTargetRate),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony export MAX_ID */
/** Parsers for user-supplied values; every error names the field, the value and the expected form. */
class InputError extends Error {
}
const MAX_SHOWN = 60;
function shown(value) {
    const oneLine = value.replace(/\s+/g, ' ');
    return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}
/** Campaign, work item, issue and PR ids are PostgreSQL `integer`s (upstream's SERIAL columns). */
const MAX_ID = 2_147_483_647;
/** A positive id that fits the database's integer columns, checked before anything is written. */
function parseId(field, value) {
    const trimmed = value.trim();
    if (!/^[1-9][0-9]{0,9}$/.test(trimmed) || Number(trimmed) > MAX_ID) {
        throw new InputError(`Invalid ${field}: '${shown(value)}' — expected a positive whole number up to ${MAX_ID}, such as 123`);
    }
    return Number(trimmed);
}
/** A whole number within [min, max], e.g. a timeout or an interval. */
function parseBoundedInt(field, value, min, max, unit = '') {
    const trimmed = value.trim();
    const number = Number(trimmed);
    if (!/^[0-9]{1,10}$/.test(trimmed) || number < min || number > max) {
        throw new InputError(`Invalid ${field}: '${shown(value)}' — expected a whole number from ${min} to ${max}${unit ? ` (${unit})` : ''}`);
    }
    return number;
}
/**
 * A path inside the workspace (the repository checkout, or the current directory in a terminal):
 * relative, no `..` segment, no drive letter or control characters. Returns it with `/` separators.
 */
function parseWorkspacePath(field, value, example) {
    const v = value.trim().replace(/\\/g, '/');
    const segments = v.split('/');
    const valid = v !== '' &&
        !v.startsWith('/') &&
        !/^[A-Za-z]:/.test(v) &&
        !segments.includes('..') &&
        ![...v].some((c) => c.charCodeAt(0) < 0x20);
    if (!valid) {
        throw new InputError(`Invalid ${field}: '${shown(value)}' — expected a path inside the workspace (relative, without ..), e.g. ${example}`);
    }
    return v;
}
function parseCampaignSelector(field, value) {
    if (value.trim().toLowerCase() === 'latest')
        return { kind: 'latest' };
    try {
        return { kind: 'id', id: parseId(field, value) };
    }
    catch {
        throw new InputError(`Invalid ${field}: '${shown(value)}' — expected a positive whole number up to ${MAX_ID} such as 123, or 'latest'`);
    }
}
/**
 * A target win rate written as `90`, `90%` or `0.9`. Values up to 1 are fractions (so `1` is
 * 100%); larger values are percentages.
 */
/** A win rate written as 0.9, 90 or 90%, as a fraction; undefined unless above 0 and at most 1. */
function targetRateOf(value) {
    const match = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(String(value).trim());
    if (!match)
        return undefined;
    const number = Number(match[1]);
    const fraction = match[2] === '%' || number > 1 ? number / 100 : number;
    return fraction > 0 && fraction <= 1 ? fraction : undefined;
}
function parseTargetRate(field, value) {
    const fraction = targetRateOf(value);
    if (fraction === undefined) {
        throw new InputError(`Invalid ${field}: '${shown(value)}' — expected a rate such as 90, 90% or 0.9 (above 0, at most 100%)`);
    }
    return fraction;
}
function parseBoolean(field, value) {
    const v = value.trim();
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    throw new InputError(`Invalid ${field}: '${shown(value)}' — expected true or false`);
}
function parseChoice(field, value, choices) {
    const v = value.trim();
    if (!choices.includes(v)) {
        throw new InputError(`Invalid ${field}: '${shown(value)}' — expected one of ${choices.join(', ')}`);
    }
    return v;
}


/***/ }),

/***/ 3085:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ decodeJsonColumn),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   T4: () => (/* binding */ decodeJsonColumnRaw),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   kB: () => (/* binding */ JsonText),
/* harmony export */   lk: () => (/* binding */ JsonColumnError)
/* harmony export */ });
/* harmony import */ var _py_json_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1867);

/** Thrown when a JSON column cannot be decoded (upstream would raise json.JSONDecodeError). */
class JsonColumnError extends Error {
    pyError;
    constructor(message, pyError) {
        super(message);
        this.pyError = pyError;
    }
}
/**
 * A JSON column carried as the exact text asyncpg hands upstream (PostgreSQL's jsonb output), for
 * the rows where what JS's JSON.parse would lose matters (ints beyond 2^53, `1.0` vs `1`).
 */
class JsonText {
    text;
    constructor(text) {
        this.text = text;
    }
    toJSON() {
        try {
            return (0,_py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .pyJsonLoads */ .l4)(this.text);
        }
        catch {
            return this.text;
        }
    }
}
/**
 * Upstream `safe_json_loads` (eval/src/eval/types.py): empty → default; `json.loads`; when the
 * result is itself a str, `json.loads` once more — and no further, so a triple-encoded value stays
 * a str. Throws PyException as Python would.
 */
function safeJsonLoads(text, fallback) {
    if (!text)
        return fallback;
    const first = (0,_py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .pyJsonLoads */ .l4)(text);
    return typeof first === 'string' ? (0,_py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .pyJsonLoads */ .l4)(first) : first;
}
/**
 * Decodes a JSON column as upstream does. The driver's JSON.parse of the jsonb text is upstream's
 * first `json.loads`, so a string value (a double-encoded row) is parsed exactly once more. A
 * `JsonText` goes through both loads. SQL NULL must already be the column default (the reader
 * selects `COALESCE(col, default)`); `null` here is JSON `null`, i.e. Python's None.
 */
function decodeJsonColumnRaw(value, fallback) {
    if (value === undefined)
        return fallback;
    if (value instanceof JsonText)
        return safeJsonLoads(value.text, fallback);
    if (typeof value === 'string')
        return (0,_py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .pyJsonLoads */ .l4)(value);
    return value;
}
/** `decodeJsonColumnRaw`, with Python's decode errors as JsonColumnError. */
function decodeJsonColumn(value, fallback) {
    try {
        return decodeJsonColumnRaw(value, fallback);
    }
    catch (error) {
        if (error instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .PyException */ .p7)
            throw new JsonColumnError(error.message, error);
        throw error;
    }
}
function isPlainObject(value) {
    return (0,_py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isPyDict */ .GZ)(value);
}
/** Stable JSON text (sorted keys) used to compare params across rows; `50.0` differs from `50`. */
function canonicalJson(value) {
    if (isPlainObject(value) && isEmpty(value))
        return '{}';
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (isPlainObject(value)) {
        const keys = Object.keys(value).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
    }
    if (value instanceof Date)
        return `date:${value.toISOString()}`;
    if (typeof value === 'object' && value !== null)
        return String(value);
    return JSON.stringify(value) ?? 'null';
}
function isEmpty(object) {
    for (const _ in object)
        return false;
    return true;
}


/***/ }),

/***/ 1280:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fF: () => (/* reexport */ bulletList),
  yA: () => (/* reexport */ capText),
  f$: () => (/* reexport */ clampMarkdown),
  DV: () => (/* reexport */ codeBlock),
  SS: () => (/* reexport */ codeSpan),
  _Q: () => (/* reexport */ describeCap),
  js: () => (/* reexport */ htmlText),
  x9: () => (/* reexport */ joinBlocks),
  Qj: () => (/* reexport */ markdownTable),
  wh: () => (/* reexport */ plainText),
  yr: () => (/* reexport */ truncationNote)
});

// UNUSED EXPORTS: tableCell

;// CONCATENATED MODULE: ./lib/core/markdown/inline.js
/**
 * Inline Markdown writers. Every piece of outside text (chaos types, params, symptoms, errors)
 * reaches a report through one of these, so no value can break the surrounding markup.
 */
/**
 * A code span that shows `text` literally: the fence is one backtick longer than the longest run
 * inside (CommonMark has no backslash escapes in code spans), padded with a space when the text
 * starts or ends with a backtick or a space. Line breaks become spaces, as GitHub shows them.
 */
function codeSpan(text) {
    const oneLine = text.replace(/\r\n?|\n/g, ' ');
    if (oneLine === '')
        return '';
    const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(oneLine) && oneLine.trim() !== '' ? ' ' : '';
    return `${fence}${pad}${oneLine}${pad}${fence}`;
}
/**
 * Plain text shown as typed: line breaks flattened, and escaped wherever Markdown or HTML would
 * read it (emphasis, code, links, tags, entities, pipes). Parentheses and braces mean nothing
 * without a bracket before them, and a `#` mid-text must stay an issue reference, so those are
 * left alone; what starts a block (a heading, a list item) is escaped only at the start.
 */
function plainText(text) {
    return text
        .replace(/\r\n?|\n/g, ' ')
        .replace(/([\\`*_[\]<>|~&])/g, '\\$1')
        .replace(/^(\s*)([#+=-]|\d+(?=[.)]))/, (_, space, lead) => /^\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`);
}
/** Text inside an HTML element such as `<summary>`. */
function htmlText(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\r\n?|\n/g, ' ');
}

;// CONCATENATED MODULE: ./lib/core/markdown/blocks.js
/**
 * Block Markdown writers: fenced code, lists that always come with a lead, and the joiner that
 * puts blocks together with the blank lines GitHub needs.
 */
/** A fenced code block whose fence is longer than any backtick run inside (at least three). */
function codeBlock(text, language = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}
/**
 * A bullet list after its lead (a heading or a sentence). Two lists separated only by a blank line
 * merge into one on GitHub; because every list carries its own lead, that cannot happen. Items are
 * single lines: line breaks inside an item become spaces.
 */
function bulletList(lead, items) {
    if (items.length === 0)
        return lead;
    return `${lead}\n\n${items.map((item) => `- ${item.replace(/\s*(?:\r\n?|\n)\s*/g, ' ')}`).join('\n')}`;
}
/** Blocks joined by blank lines; empty ones are left out. */
function joinBlocks(...blocks) {
    return blocks.filter((b) => typeof b === 'string' && b.trim() !== '').join('\n\n');
}

;// CONCATENATED MODULE: ./lib/core/markdown/table.js
/**
 * GFM tables. Cells are split on unescaped pipes before any inline parsing, even inside code spans,
 * so every cell goes through `tableCell`; a row always has exactly as many cells as its header.
 */
/**
 * One cell's Markdown made safe for a table row: line breaks flattened and every pipe escaped.
 * GitHub's row scanner reads backslashes in pairs, so a pipe after an even run of backslashes
 * (none, or an escaped backslash) gets one more; after an odd run it is already escaped.
 */
function tableCell(markdown) {
    return markdown
        .replace(/\r\n?|\n/g, ' ')
        .replace(/(\\*)\|/g, (_, slashes) => slashes.length % 2 === 0 ? `${slashes}\\|` : `${slashes}|`)
        .trim();
}
const DELIMITER = { left: ':--', right: '--:', center: ':-:' };
/** A table with a header row; rows shorter than the header are padded, longer ones rejected. */
function markdownTable(columns, rows) {
    const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
    const line = (cells) => `| ${cells.map(tableCell).join(' | ')} |`;
    const body = rows.map((row) => {
        if (row.length > cols.length) {
            throw new Error(`table row has ${row.length} cells; the header has ${cols.length}`);
        }
        return line([...row, ...Array(cols.length - row.length).fill('')]);
    });
    const delimiter = `|${cols.map((c) => (c.align ? DELIMITER[c.align] : '---')).join('|')}|`;
    return [line(cols.map((c) => c.header)), delimiter, ...body].join('\n');
}

;// CONCATENATED MODULE: ./lib/core/markdown/truncate.js
/** Shortening that always says what was left out and where the rest is. */
const ERROR_TEXT_CAP = { lines: 20, lineChars: 100 };
/** The last `cap.lines` lines, each at most `cap.lineChars` characters (cut lines end in `…`). */
function capText(text, cap = ERROR_TEXT_CAP) {
    const all = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
    const kept = all.slice(Math.max(0, all.length - cap.lines));
    let cutLines = 0;
    const lines = kept.map((line) => {
        if ([...line].length <= cap.lineChars)
            return line;
        cutLines += 1;
        return `${[...line].slice(0, cap.lineChars - 1).join('')}…`;
    });
    return { text: lines.join('\n'), droppedLines: all.length - kept.length, cutLines };
}
/** What `capText` left out, in words, or '' when nothing was. */
function describeCap(capped, cap = ERROR_TEXT_CAP) {
    const parts = [];
    if (capped.droppedLines) {
        parts.push(`${capped.droppedLines} earlier line${capped.droppedLines === 1 ? '' : 's'} left out`);
    }
    if (capped.cutLines) {
        parts.push(`${capped.cutLines} line${capped.cutLines === 1 ? '' : 's'} cut at ${cap.lineChars} characters`);
    }
    return parts.join(', ');
}
/**
 * The note a shortened report starts with: which parts were dropped and where the full text is.
 * Rendered as a GitHub alert; elsewhere it reads as a quoted paragraph.
 */
function truncationNote(dropped, where) {
    const what = dropped.length ? `: ${dropped.join('; ')}` : '';
    const rest = where ? ` ${where}` : '';
    return `> [!NOTE]\n> Shortened to fit GitHub's size limit${what}.${rest}`;
}
/**
 * The last resort when a body is still too long: cut at a line boundary (never inside a surrogate
 * pair, never leaving a code fence open) and put a note first saying how much was cut and where
 * the rest is. Text that fits is returned as is.
 */
function clampMarkdown(text, max, link) {
    if (text.length <= max)
        return text;
    const noteFor = (cut) => truncationNote([`the last ${cut} characters were cut`], `Full results: ${link ?? 'the job summary of the run'}.`);
    const room = Math.max(0, max - noteFor(text.length).length - 8);
    let cut = text.slice(0, room);
    const lastNewline = cut.lastIndexOf('\n');
    if (lastNewline > 0)
        cut = cut.slice(0, lastNewline);
    cut = dropBrokenSurrogate(cut);
    cut = dropOpenFence(cut);
    return `${noteFor(text.length - cut.length)}\n\n${cut}`.slice(0, max);
}
/** A cut through a fenced block (a chart, a traceback) drops that block whole. */
function dropOpenFence(text) {
    const lines = text.split('\n');
    let open = null;
    lines.forEach((line, index) => {
        const match = /^\s*(`{3,}|~{3,})/.exec(line);
        if (!match)
            return;
        const fence = match[1];
        if (!open)
            open = { index, fence };
        else if (fence[0] === open.fence[0] &&
            fence.length >= open.fence.length &&
            line.trim() === fence)
            open = null;
    });
    return open
        ? lines
            .slice(0, open.index)
            .join('\n')
            .trimEnd()
        : text;
}
function dropBrokenSurrogate(text) {
    const last = text.charCodeAt(text.length - 1);
    return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

;// CONCATENATED MODULE: ./lib/core/markdown/index.js






/***/ }),

/***/ 1867:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ PyBigInt),
/* harmony export */   GZ: () => (/* binding */ isPyDict),
/* harmony export */   G_: () => (/* binding */ PyJsonDumpError),
/* harmony export */   Kn: () => (/* binding */ pyTruthy),
/* harmony export */   U9: () => (/* binding */ pyIter),
/* harmony export */   dg: () => (/* binding */ pyHashKey),
/* harmony export */   dv: () => (/* binding */ pyJsonDumps),
/* harmony export */   g$: () => (/* binding */ PyFloat),
/* harmony export */   l4: () => (/* binding */ pyJsonLoads),
/* harmony export */   lO: () => (/* binding */ pyLen),
/* harmony export */   p7: () => (/* binding */ PyException),
/* harmony export */   x_: () => (/* binding */ pyTypeName),
/* harmony export */   yJ: () => (/* binding */ pyGet)
/* harmony export */ });
/* unused harmony export pyFloatRepr */
/**
 * JSON as the harness's Python sees it: `json.loads` (NaN/Infinity accepted, ints exact, `50.0` a
 * float), `json.dumps` (float repr, ASCII escapes), truthiness, `==`/hash equality and the
 * exceptions upstream raises. Plain JSON values stay plain JS values; only what JS cannot tell apart
 * is wrapped: an integral float (`PyFloat`) and an int beyond 2^53 (`PyBigInt`).
 */
/** A Python float whose value is integral (`50.0`), which a JS number cannot tell from `50`. */
class PyFloat {
    value;
    constructor(value) {
        this.value = value;
    }
    /** Reports show the number; exact text comes from `pyJsonDumps`. */
    toJSON() {
        return this.value;
    }
    toString() {
        return pyFloatRepr(this.value);
    }
}
/** A Python int beyond ±2^53, kept digit for digit. */
class PyBigInt {
    value;
    constructor(value) {
        this.value = value;
    }
    toJSON() {
        return Number(this.value);
    }
    toString() {
        return this.value.toString();
    }
}
/** An exception upstream's Python code would raise on a value (it stops `eval analyze`). */
class PyException extends Error {
    pyType;
    constructor(pyType, message) {
        super(`${pyType}: ${message}`);
        this.pyType = pyType;
    }
}
function isPyDict(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
/** Python's type name of a decoded JSON value, as exception messages print it. */
function pyTypeName(value) {
    if (value === null || value === undefined)
        return 'NoneType';
    if (typeof value === 'boolean')
        return 'bool';
    if (typeof value === 'string')
        return 'str';
    if (value instanceof PyFloat)
        return 'float';
    if (value instanceof PyBigInt || typeof value === 'bigint')
        return 'int';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'int' : 'float';
    if (Array.isArray(value))
        return 'list';
    return 'dict';
}
/** `bool(value)` of a decoded JSON value. */
function pyTruthy(value) {
    if (value === null || value === undefined || value === false)
        return false;
    if (typeof value === 'number')
        return value !== 0;
    if (value instanceof PyFloat)
        return value.value !== 0;
    if (value instanceof PyBigInt)
        return value.value !== 0n;
    if (typeof value === 'string')
        return value.length > 0;
    if (Array.isArray(value))
        return value.length > 0;
    if (typeof value === 'object')
        return Object.keys(value).length > 0;
    return true;
}
/** `len(value)`: code points of a str, items of a list or dict; TypeError otherwise. */
function pyLen(value) {
    if (typeof value === 'string')
        return [...value].length;
    if (Array.isArray(value))
        return value.length;
    if (isPyDict(value))
        return Object.keys(value).length;
    throw new PyException('TypeError', `object of type '${pyTypeName(value)}' has no len()`);
}
/** `iter(value)` as a list: characters of a str, items of a list, keys of a dict. */
function pyIter(value) {
    if (typeof value === 'string')
        return [...value];
    if (Array.isArray(value))
        return value;
    if (isPyDict(value))
        return Object.keys(value);
    throw new PyException('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}
/** `value.get(key, fallback)`; AttributeError unless value is a dict. */
function pyGet(value, key, fallback) {
    if (!isPyDict(value)) {
        throw new PyException('AttributeError', `'${pyTypeName(value)}' object has no attribute 'get'`);
    }
    return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : fallback;
}
/**
 * Key under which Python's `set` stores a value: `True == 1 == 1.0`, ints compare exactly with
 * floats; every NaN `json.loads` returns is the one `json.decoder.NaN` object, so they are one
 * element; lists and dicts are unhashable (TypeError).
 */
function pyHashKey(value) {
    if (value === null || value === undefined)
        return 'None';
    if (typeof value === 'string')
        return `s${value}`;
    if (typeof value === 'boolean')
        return value ? 'n1' : 'n0';
    if (value instanceof PyBigInt)
        return `n${value.value}`;
    if (value instanceof PyFloat)
        return numberKey(value.value);
    if (typeof value === 'number')
        return numberKey(value);
    throw new PyException('TypeError', `unhashable type: '${pyTypeName(value)}'`);
}
function numberKey(value) {
    if (Number.isNaN(value))
        return 'nan';
    if (!Number.isFinite(value))
        return value > 0 ? 'ninf' : 'n-inf';
    if (Number.isInteger(value))
        return `n${BigInt(value)}`;
    return `n${value}`;
}
// ---------------------------------------------------------------------------------------------
// json.loads
// ---------------------------------------------------------------------------------------------
/** Python's int() refuses longer digit strings (sys.int_info.default_max_str_digits). */
const MAX_INT_DIGITS = 4300;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const ESCAPES = {
    '"': '"',
    '\\': '\\',
    '/': '/',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
};
/** `json.loads(text)`: throws PyException (JSONDecodeError, or ValueError for huge ints). */
function pyJsonLoads(text) {
    if (text.startsWith('\ufeff'))
        throw decodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)');
    const parser = new Parser(text);
    parser.skipSpace();
    const value = parser.value();
    parser.skipSpace();
    if (parser.pos !== text.length)
        throw decodeError('Extra data', text, parser.pos);
    return value;
}
/** json.JSONDecodeError's text: `msg: line L column C (char P)`. */
function decodeError(message, text = '', pos = 0) {
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    return new PyException('JSONDecodeError', `${message}: line ${line} column ${column} (char ${pos})`);
}
class Parser {
    text;
    pos = 0;
    constructor(text) {
        this.text = text;
    }
    skipSpace() {
        const t = this.text;
        while (this.pos < t.length) {
            const c = t.charCodeAt(this.pos);
            if (c !== 32 && c !== 9 && c !== 10 && c !== 13)
                break;
            this.pos += 1;
        }
    }
    value() {
        const t = this.text;
        const c = t[this.pos];
        if (c === '"')
            return this.string();
        if (c === '{')
            return this.object();
        if (c === '[')
            return this.array();
        for (const [word, value] of CONSTANTS) {
            if (t.startsWith(word, this.pos)) {
                this.pos += word.length;
                return value;
            }
        }
        NUMBER.lastIndex = this.pos;
        const match = NUMBER.exec(t);
        if (match) {
            this.pos = NUMBER.lastIndex;
            return pyNumber(match[0], match[1] !== undefined || match[2] !== undefined);
        }
        if (t.startsWith('-Infinity', this.pos)) {
            this.pos += 9;
            return -Infinity;
        }
        throw decodeError('Expecting value', this.text, this.pos);
    }
    string() {
        const t = this.text;
        let out = '';
        let pos = this.pos + 1;
        for (;;) {
            if (pos >= t.length)
                throw decodeError('Unterminated string starting', this.text, this.pos);
            const c = t.charCodeAt(pos);
            if (c === 34)
                break;
            if (c < 32)
                throw decodeError('Invalid control character', this.text, pos);
            if (c !== 92) {
                out += t[pos];
                pos += 1;
                continue;
            }
            const e = t[pos + 1];
            if (e === 'u') {
                const hex = t.slice(pos + 2, pos + 6);
                if (!/^[0-9a-fA-F]{4}$/.test(hex))
                    throw decodeError('Invalid \\uXXXX escape', this.text, pos);
                out += String.fromCharCode(parseInt(hex, 16));
                pos += 6;
            }
            else if (e !== undefined && ESCAPES[e] !== undefined) {
                out += ESCAPES[e];
                pos += 2;
            }
            else {
                throw decodeError('Invalid \\escape', this.text, pos);
            }
        }
        this.pos = pos + 1;
        return out;
    }
    object() {
        const out = {};
        this.pos += 1;
        this.skipSpace();
        if (this.text[this.pos] === '}') {
            this.pos += 1;
            return out;
        }
        for (;;) {
            if (this.text[this.pos] !== '"') {
                throw decodeError('Expecting property name enclosed in double quotes', this.text, this.pos);
            }
            const key = this.string();
            this.skipSpace();
            if (this.text[this.pos] !== ':')
                throw decodeError("Expecting ':' delimiter", this.text, this.pos);
            this.pos += 1;
            this.skipSpace();
            // defineProperty: a "__proto__" key is data, as in Python.
            Object.defineProperty(out, key, {
                value: this.value(),
                enumerable: true,
                writable: true,
                configurable: true,
            });
            this.skipSpace();
            const next = this.text[this.pos];
            this.pos += 1;
            if (next === '}')
                return out;
            if (next !== ',')
                throw decodeError("Expecting ',' delimiter", this.text, this.pos - 1);
            this.skipSpace();
        }
    }
    array() {
        const out = [];
        this.pos += 1;
        this.skipSpace();
        if (this.text[this.pos] === ']') {
            this.pos += 1;
            return out;
        }
        for (;;) {
            out.push(this.value());
            this.skipSpace();
            const next = this.text[this.pos];
            this.pos += 1;
            if (next === ']')
                return out;
            if (next !== ',')
                throw decodeError("Expecting ',' delimiter", this.text, this.pos - 1);
            this.skipSpace();
        }
    }
}
const CONSTANTS = [
    ['null', null],
    ['true', true],
    ['false', false],
    ['NaN', NaN],
    ['Infinity', Infinity],
];
/** A JSON number literal as Python reads it: int when it has no fraction or exponent. */
function pyNumber(literal, isFloat) {
    if (isFloat) {
        const value = Number(literal);
        return Number.isInteger(value) ? new PyFloat(value) : value;
    }
    const digits = literal.replace('-', '');
    if (digits.length > MAX_INT_DIGITS) {
        throw new PyException('ValueError', `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ${digits.length} digits`);
    }
    const value = Number(literal);
    return Number.isSafeInteger(value) ? value : new PyBigInt(BigInt(literal));
}
// ---------------------------------------------------------------------------------------------
// json.dumps
// ---------------------------------------------------------------------------------------------
/** Thrown when a value cannot be written as upstream writes it. */
class PyJsonDumpError extends Error {
}
/**
 * `json.dumps(value)` with Python's defaults: `", "` and `": "` separators, ASCII escapes, float
 * repr (`50.0`, `1e+16`). NaN/Infinity (which PostgreSQL's jsonb rejects), dates and unsafe JS
 * integers are refused with the path of the offending value.
 */
function pyJsonDumps(value, path = '') {
    if (value === null)
        return 'null';
    if (value === true)
        return 'true';
    if (value === false)
        return 'false';
    if (typeof value === 'string')
        return pyJsonString(value);
    if (value instanceof PyBigInt)
        return value.value.toString();
    if (value instanceof PyFloat)
        return finiteFloat(value.value, path);
    if (typeof value === 'number') {
        if (Number.isInteger(value)) {
            if (!Number.isSafeInteger(value)) {
                throw new PyJsonDumpError(`${where(path)}${value} is beyond 2^53 and cannot be kept exactly; write it as a string`);
            }
            return Object.is(value, -0) ? '0' : String(value);
        }
        return finiteFloat(value, path);
    }
    if (Array.isArray(value)) {
        return `[${value.map((item, i) => pyJsonDumps(item, `${path}[${i}]`)).join(', ')}]`;
    }
    if (value instanceof Date) {
        throw new PyJsonDumpError(`${where(path)}a YAML date/timestamp, which upstream's json.dumps cannot write (TypeError: Object of type date is not JSON serializable); quote it to make it a string`);
    }
    if (isPyDict(value)) {
        const entries = Object.keys(value).map((key) => `${pyJsonString(key)}: ${pyJsonDumps(value[key], path ? `${path}.${key}` : key)}`);
        return `{${entries.join(', ')}}`;
    }
    throw new PyJsonDumpError(`${where(path)}a ${typeof value} cannot be written as JSON`);
}
function where(path) {
    return path ? `${path}: ` : '';
}
function finiteFloat(value, path) {
    if (!Number.isFinite(value)) {
        throw new PyJsonDumpError(`${where(path)}${pyFloatRepr(value)} is written by json.dumps as ${Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'}, which PostgreSQL's jsonb rejects`);
    }
    return pyFloatRepr(value);
}
function pyJsonString(text) {
    let out = '"';
    for (let i = 0; i < text.length; i += 1) {
        const c = text.charCodeAt(i);
        const ch = text[i];
        if (ch === '"')
            out += '\\"';
        else if (ch === '\\')
            out += '\\\\';
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\r')
            out += '\\r';
        else if (ch === '\t')
            out += '\\t';
        else if (ch === '\b')
            out += '\\b';
        else if (ch === '\f')
            out += '\\f';
        else if (c < 0x20 || c > 0x7e)
            out += `\\u${c.toString(16).padStart(4, '0')}`;
        else
            out += ch;
    }
    return `${out}"`;
}
/** Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
function pyFloatRepr(value) {
    if (Number.isNaN(value))
        return 'nan';
    if (!Number.isFinite(value))
        return value > 0 ? 'inf' : '-inf';
    if (value === 0)
        return Object.is(value, -0) ? '-0.0' : '0.0';
    const sign = value < 0 ? '-' : '';
    // toExponential() without an argument gives the shortest round-trip digits, like repr.
    const [mantissa, exp] = Math.abs(value).toExponential().split('e');
    const digits = mantissa.replace('.', '');
    const exponent = Number(exp);
    const decpt = exponent + 1;
    if (decpt <= -4 || decpt > 16) {
        const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
        const e = Math.abs(exponent).toString().padStart(2, '0');
        return `${sign}${body}e${exponent < 0 ? '-' : '+'}${e}`;
    }
    if (decpt <= 0)
        return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    if (decpt >= digits.length)
        return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}


/***/ }),

/***/ 2956:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ targetOf),
/* harmony export */   Ff: () => (/* binding */ validateDatabaseUrl),
/* harmony export */   Fj: () => (/* binding */ secretsOf),
/* harmony export */   N1: () => (/* binding */ resolveDatabaseUrl),
/* harmony export */   QU: () => (/* binding */ maskSecrets),
/* harmony export */   a$: () => (/* binding */ DatabaseError)
/* harmony export */ });
/* unused harmony export redactUrl */
/**
 * The eval database URL: where it comes from, what a valid one looks like, and how to talk about it
 * without ever printing the password.
 */
const FIELD = 'database-url';
const EXAMPLE = 'postgresql://user:password@host:5432/db';
const DEFAULT_PORT = 5432;
/** Every user-facing database failure (bad URL, cannot connect, campaign not found, query failed). */
class DatabaseError extends Error {
    /** SQLSTATE or Node error code of the underlying failure, when there is one. */
    code;
    /**
     * The connection was lost, the server was briefly unavailable, a transaction lost a
     * serialization race, or statement_timeout cancelled a statement: the same work run again may
     * succeed (a timed-out statement is run again once only).
     */
    retryable;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'DatabaseError';
        this.code = options.code;
        this.retryable = options.retryable ?? false;
    }
}
/** `--database-url` wins over `EVAL_DATABASE_URL`; blank values count as absent. */
function resolveDatabaseUrl(explicit, env) {
    const value = nonBlank(explicit) ?? nonBlank(env.EVAL_DATABASE_URL);
    if (value === undefined) {
        throw new DatabaseError(`EVAL_DATABASE_URL is required: pass --${FIELD} or set EVAL_DATABASE_URL (${EXAMPLE})`);
    }
    validateDatabaseUrl(value);
    return value;
}
/** Throws a DatabaseError naming the field, the redacted value and the expected shape. */
function validateDatabaseUrl(url) {
    const fail = (problem) => {
        throw new DatabaseError(`${FIELD}: ${problem} in ${JSON.stringify(redactUrl(url))}; expected ${EXAMPLE}`);
    };
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    if (!url.includes('://') || (scheme !== 'postgres' && scheme !== 'postgresql')) {
        fail('the scheme must be postgres:// or postgresql://');
    }
    if (/%(?![0-9a-f]{2})/i.test(url))
        fail('invalid percent-encoding (a % not followed by two hex digits)');
    const parsed = parseUrl(url);
    if (!parsed) {
        return fail('not a parseable URL (check the port and that special characters are percent-encoded)');
    }
    for (const [part, text] of [
        ['user', parsed.username],
        ['password', parsed.password],
        ['database name', parsed.pathname],
    ]) {
        if (!isDecodable(text))
            fail(`the ${part} is not valid percent-encoded UTF-8`);
    }
    if (hostnameOf(parsed) === '' && !parsed.searchParams.get('host'))
        fail('no host');
    if (databaseName(parsed) === '')
        fail('no database name (add /<database> after the host)');
    return parsed;
}
/** The URL with its password (in the userinfo or a `password=` parameter) replaced by `***`. */
function redactUrl(url) {
    let text = url.replace(/([?&\s]password=)[^&\s#]*/gi, '$1***');
    const authority = authorityOf(text);
    if (authority) {
        const { start, userinfoEnd } = authority;
        const colon = text.indexOf(':', start);
        if (colon !== -1 && colon < userinfoEnd) {
            text = `${text.slice(0, colon + 1)}***${text.slice(userinfoEnd)}`;
        }
    }
    return text;
}
/** Every string a logger must mask so the password never reaches the output in any spelling. */
function secretsOf(url) {
    const secrets = new Set([url]);
    const authority = authorityOf(url);
    if (authority) {
        const userinfo = url.slice(authority.start, authority.userinfoEnd);
        const colon = userinfo.indexOf(':');
        if (colon !== -1) {
            const user = userinfo.slice(0, colon);
            const rawPassword = userinfo.slice(colon + 1);
            addPassword(secrets, user, rawPassword);
        }
    }
    const parsed = parseUrl(url);
    if (parsed) {
        if (parsed.password)
            addPassword(secrets, parsed.username, parsed.password);
        const queryPassword = parsed.searchParams.get('password');
        if (queryPassword)
            addPassword(secrets, '', queryPassword);
    }
    for (const match of url.matchAll(/[?&\s]password=([^&\s#]*)/gi)) {
        if (match[1])
            addPassword(secrets, '', match[1]);
    }
    secrets.delete('');
    return [...secrets];
}
function targetOf(url) {
    const parsed = validateDatabaseUrl(url);
    return {
        host: hostnameOf(parsed) || parsed.searchParams.get('host') || 'localhost',
        port: parsed.port === '' ? DEFAULT_PORT : Number(parsed.port),
        database: databaseName(parsed),
        user: safeDecode(parsed.username),
    };
}
/** Replaces every occurrence of every secret (longest first) with `***`. */
function maskSecrets(text, secrets) {
    let masked = text;
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        if (secret)
            masked = masked.split(secret).join('***');
    }
    return masked;
}
function addPassword(secrets, user, password) {
    const decoded = safeDecode(password);
    for (const spelling of new Set([password, decoded, encodeURIComponent(decoded)])) {
        secrets.add(spelling);
        if (user) {
            secrets.add(`${user}:${spelling}`);
            secrets.add(`${safeDecode(user)}:${spelling}`);
        }
    }
}
/**
 * Where the userinfo sits, found the way the WHATWG parser finds it for non-special schemes:
 * the authority ends at the first `/`, `?` or `#`, and the userinfo ends at its last `@`.
 */
function authorityOf(url) {
    const schemeEnd = url.indexOf('://');
    if (schemeEnd === -1) {
        const at = url.lastIndexOf('@');
        return at === -1 ? undefined : { start: 0, userinfoEnd: at };
    }
    const start = schemeEnd + 3;
    const rest = url.slice(start);
    const end = rest.search(/[/?#]/);
    const authority = end === -1 ? rest : rest.slice(0, end);
    const at = authority.lastIndexOf('@');
    return at === -1 ? undefined : { start, userinfoEnd: start + at };
}
const DUMMY_HOST = '___dummy___';
/** Like pg-connection-string: `user@/db` (empty host) does not parse, so retry with a dummy host. */
function parseUrl(url) {
    for (const candidate of [url, url.replace('@/', `@${DUMMY_HOST}/`)]) {
        try {
            return new URL(candidate);
        }
        catch {
            // try the next spelling
        }
    }
    return undefined;
}
function hostnameOf(parsed) {
    return parsed.hostname === DUMMY_HOST ? '' : parsed.hostname;
}
function databaseName(parsed) {
    return safeDecode(parsed.pathname.replace(/^\//, ''));
}
function isDecodable(text) {
    try {
        decodeURIComponent(text);
        return true;
    }
    catch {
        return false;
    }
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function nonBlank(value) {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}


/***/ }),

/***/ 4579:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ parseOperatorImage),
/* harmony export */   Yd: () => (/* binding */ validateRegistry),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   n2: () => (/* binding */ validateDigest),
/* harmony export */   o_: () => (/* binding */ parseImageReference)
/* harmony export */ });
/* unused harmony export validateTag */
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(662);
/**
 * Validation of image references before any of them reaches a child process or a URL.
 *
 * A reference here is always fully qualified: `host[:port]/path:tag`, the host a registry host
 * (has a dot or a port, or is `localhost`), the path lowercase components separated by `/`
 * (distribution's reference grammar), the tag `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
 * Errors name the field and the offending value (JSON-quoted, truncated).
 */

class ImageRefError extends Error {
    field;
    value;
    constructor(field, value, expected) {
        super(`Invalid ${field} ${quote(value)}: ${expected}`);
        this.field = field;
        this.value = value;
        this.name = 'ImageRefError';
    }
}
function quote(value) {
    const cut = value.length > 120 ? `${value.slice(0, 120)}…` : value;
    return JSON.stringify(cut);
}
const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const HOST = new RegExp(`^(?:${HOST_LABEL}(?:\\.${HOST_LABEL})*|\\[[0-9a-f:]+\\])(?::([0-9]{1,5}))?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const MAX_NAME_LENGTH = 255;
const HOST_EXPECTED = 'expected a lowercase registry host[:port] (with a dot, a port, or localhost), e.g. us-central1-docker.pkg.dev or 127.0.0.1:5000';
const PATH_EXPECTED = 'expected lowercase path components [a-z0-9] joined by ".", "_", "__" or "-", separated by "/"';
function validateHost(value, field = 'registry host') {
    const match = HOST.exec(value);
    const looksLikeRegistry = value.includes('.') || value.includes(':') || value.startsWith('[') || value === 'localhost';
    if (!match || !looksLikeRegistry)
        throw new ImageRefError(field, value, HOST_EXPECTED);
    const port = match[1];
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
        throw new ImageRefError(field, value, 'port must be 1–65535');
    }
    return value;
}
function validateRepositoryPath(value, field = 'repository') {
    if (!value || !value.split('/').every((c) => PATH_COMPONENT.test(c))) {
        throw new ImageRefError(field, value, PATH_EXPECTED);
    }
    return value;
}
function validateTag(value, field = 'tag') {
    if (!TAG.test(value)) {
        throw new ImageRefError(field, value, 'expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}');
    }
    return value;
}
function validateDigest(value, field = 'digest') {
    if (!DIGEST.test(value))
        throw new ImageRefError(field, value, 'expected sha256:<64 hex digits>');
    return value;
}
/**
 * Validates a registry prefix `host[:port]/path` (the path may be empty), e.g.
 * `us-central1-docker.pkg.dev/my-project/eval`. Returns it without a trailing slash.
 */
function validateRegistry(value, field = 'registry') {
    const trimmed = value.replace(/\/+$/, '');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
        throw new ImageRefError(field, value, 'expected host[:port]/path without a scheme');
    }
    const slash = trimmed.indexOf('/');
    const host = slash === -1 ? trimmed : trimmed.slice(0, slash);
    const path = slash === -1 ? '' : trimmed.slice(slash + 1);
    try {
        validateHost(host, field);
        if (path)
            validateRepositoryPath(path, field);
    }
    catch (error) {
        if (error instanceof ImageRefError) {
            throw new ImageRefError(field, value, `expected lowercase host[:port]/path (${HOST_EXPECTED}; ${PATH_EXPECTED})`);
        }
        throw error;
    }
    return trimmed;
}
/** Parses and validates `host[:port]/path:tag`. */
function parseImageReference(value, field = 'image reference') {
    const expected = 'expected host[:port]/path:tag';
    if (value.includes('@'))
        throw new ImageRefError(field, value, `${expected} (digest references are not accepted)`);
    const slash = value.indexOf('/');
    const colon = value.lastIndexOf(':');
    if (slash <= 0 || colon < value.lastIndexOf('/'))
        throw new ImageRefError(field, value, expected);
    const host = value.slice(0, slash);
    const repository = value.slice(slash + 1, colon);
    const tag = value.slice(colon + 1);
    validateHost(host, `${field} host`);
    validateRepositoryPath(repository, `${field} repository`);
    validateTag(tag, `${field} tag`);
    if (host.length + 1 + repository.length > MAX_NAME_LENGTH) {
        throw new ImageRefError(field, value, `name longer than ${MAX_NAME_LENGTH} characters`);
    }
    return { host, repository, tag };
}
/** Loopback registries are spoken to over plain http; everything else over https. */
function isLoopbackHost(host) {
    const name = host.replace(/:[0-9]+$/, '');
    return name === 'localhost' || name === '[::1]' || /^127(?:\.[0-9]{1,3}){3}$/.test(name);
}
/** `host/path:tag`, optionally pinned `@sha256:…`. */
/**
 * An image to run, `host[:port]/path:tag` optionally pinned `@sha256:…`: the one check for every
 * input and config value that names one (analyze, retry and worker `operator-image`, the config's
 * `retry.operator_image`), so the same value is accepted or refused alike everywhere.
 */
function parseOperatorImage(field, value) {
    const v = value.trim();
    const [reference = '', digest, ...rest] = v.split('@');
    try {
        if (rest.length > 0)
            throw new Error(`Invalid ${field}: more than one '@'`);
        parseImageReference(reference, field);
        if (digest !== undefined)
            validateDigest(digest, `${field} digest`);
    }
    catch (error) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(error.message);
    }
    return v;
}


/***/ }),

/***/ 5691:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8877);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5581);


// Analysing a large campaign allocates fast but keeps little: V8 would grow the young generation
// to over 100 MB for it. Kept at its initial size, the peak memory stays flat in the campaign size.
(0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--semi-space-growth-factor=1');
await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5581:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: INPUTS_WITH_DEFAULTS

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./lib/signals.js
var signals = __nccwpck_require__(9518);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./lib/logger.js

/** Replaces every registered secret in a message; the longest secrets go first. */
class SecretMasker {
    secrets = new Set();
    add(secret) {
        if (secret && secret.length >= 3)
            this.secrets.add(secret);
    }
    mask(message) {
        let masked = message;
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
            masked = masked.split(secret).join('***');
        }
        return masked;
    }
}
/**
 * In a workflow the runner takes any output line that starts with `::` (after spaces) as a
 * workflow command, and core.info and plain stdout write text as it is: a campaign name, a path or
 * a worker's output line could set an output, mask text or stop commands. Such text goes between
 * `::stop-commands::` and a token of its own, so the runner shows it and runs nothing.
 */
function inertText(text) {
    if (!/^\s*::/m.test(text))
        return text;
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    return `::stop-commands::${token}\n${text}\n::${token}::`;
}
/** `inert`: the CLI runs inside a workflow step (GITHUB_ACTIONS), see inertText. */
function consoleLogger(masker = new SecretMasker(), stream = process.stderr, verbose = false, inert = false) {
    const safe = inert ? inertText : (text) => text;
    const write = (prefix, message) => stream.write(`${safe(`${prefix}${masker.mask(message)}`)}\n`);
    return {
        debug: (message) => {
            if (verbose)
                write('debug: ', message);
        },
        info: (message) => write('', message),
        warning: (message) => write('warning: ', message),
        error: (message) => write('error: ', message),
        async group(name, fn) {
            write('', `▸ ${name}`);
            return fn();
        },
    };
}
function memoryLogger(masker = new SecretMasker()) {
    const lines = [];
    const push = (level) => (message) => lines.push(`${level}: ${masker.mask(message)}`);
    return {
        lines,
        text: () => lines.join('\n'),
        debug: push('debug'),
        info: push('info'),
        warning: push('warning'),
        error: push('error'),
        async group(name, fn) {
            lines.push(`group: ${name}`);
            return fn();
        },
    };
}
const silentLogger = {
    debug: () => undefined,
    info: () => undefined,
    warning: () => undefined,
    error: () => undefined,
    group: (_name, fn) => fn(),
};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./lib/runner-commands.js
/**
 * The runner's workflow commands and files, written the way @actions/core writes them (same
 * escaping, same output-file format) without loading it: @actions/core imports its HTTP client
 * (undici) at start, which alone took most of the action's start time.
 */




function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::name key=value,…::message` on stdout. */
function workflowCommand(name, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_.EOL}`);
}
/** A plain log line; callers make text that may start with `::` inert first (see inertText). */
function logLine(text) {
    process.stdout.write(`${text}${external_node_os_.EOL}`);
}
async function logGroup(name, fn) {
    workflowCommand('group', name);
    try {
        return await fn();
    }
    finally {
        workflowCommand('endgroup', '');
    }
}
/** The step fails: an `::error::` line and exit code 1 (core.setFailed). */
function setFailed(message) {
    process.exitCode = 1;
    workflowCommand('error', message);
}
/** A step output: a `name<<delimiter` entry in $GITHUB_OUTPUT, else the legacy set-output command. */
function setOutput(name, value, env) {
    const file = env.GITHUB_OUTPUT;
    if (!file) {
        logLine('');
        workflowCommand('set-output', value, { name });
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: output '${name}' contains the delimiter ${delimiter}`);
    }
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
}
/** Appends Markdown to the job summary, with the errors core.summary gives. */
async function appendJobSummary(markdown, env) {
    const file = env.GITHUB_STEP_SUMMARY;
    if (!file) {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    }
    try {
        await (0,promises_.access)(file, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
    }
    await (0,promises_.appendFile)(file, `${markdown}${external_node_os_.EOL}`, 'utf8');
}

;// CONCATENATED MODULE: ./lib/action-io.js



/** Inputs as the runner passes them: `INPUT_<NAME>` with the name upper-cased, hyphens kept. */
function actionInputSource(env) {
    return {
        get(name) {
            const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
            return value ? value : undefined;
        },
        givenNames() {
            return Object.entries(env)
                .filter(([key, value]) => key.startsWith('INPUT_') && value?.trim())
                .map(([key]) => key.slice('INPUT_'.length).toLowerCase());
        },
    };
}
/** A Logger over workflow commands that masks secrets itself as well as registering them. */
function actionLogger(masker) {
    return {
        debug: (m) => workflowCommand('debug', masker.mask(m)),
        info: (m) => logLine(inertText(masker.mask(m))),
        warning: (m) => workflowCommand('warning', masker.mask(m)),
        error: (m) => workflowCommand('error', masker.mask(m)),
        group: (name, fn) => logGroup(masker.mask(name), fn),
    };
}
class ActionMasker extends SecretMasker {
    add(secret) {
        super.add(secret);
        if (secret)
            workflowCommand('add-mask', secret);
    }
}
function actionIO(env) {
    const masker = new ActionMasker();
    const logger = actionLogger(masker);
    return {
        signal: (0,signals/* abortOnSignals */.PB)(),
        surface: 'action',
        logger,
        masker,
        env,
        cwd: env.GITHUB_WORKSPACE || process.cwd(),
        setOutput: (name, value) => setOutput(name, masker.mask(String(value)), env),
        appendSummary: async (markdown) => {
            if (!env.GITHUB_STEP_SUMMARY)
                return;
            await appendJobSummary(masker.mask(typeof markdown === 'function' ? markdown() : markdown), env);
        },
        print: (text) => logLine(inertText(masker.mask(text))),
    };
}

// EXTERNAL MODULE: ./lib/core/command-summaries.js
var command_summaries = __nccwpck_require__(9231);
// EXTERNAL MODULE: ./lib/commands/common-inputs.js
var common_inputs = __nccwpck_require__(767);
;// CONCATENATED MODULE: ./lib/commands/command-actions.js

/**
 * Defaults every action.yml gives (root and per command). The runner then sets these inputs on
 * every run, so they never count as "given but ignored".
 */
const ACTION_INPUT_DEFAULTS = {
    'github-token': '${{ github.token }}',
    output: 'issue',
    labels: common_inputs/* DEFAULT_LABELS */.Ge,
    'dry-run': 'false',
    'fail-on': 'never',
};
const COMMAND_ACTION_ENTRY = 'main.js';
const HEADER = (/* unused pure expression or super */ null && (`# Generated from the command registry (src/commands/) by \`npm run generate-actions\`; do not edit.`));
/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const quoted = (text) => JSON.stringify(text);
function inputLines(command) {
    return Object.entries(command.inputs).flatMap(([name, spec]) => {
        const fallback = ACTION_INPUT_DEFAULTS[name];
        return [
            `  ${name}:`,
            `    description: ${quoted(spec.description)}`,
            `    required: ${spec.required === true}`,
            ...(fallback === undefined ? [] : [`    default: ${quoted(fallback)}`]),
        ];
    });
}
function outputLines(command) {
    return Object.entries(command.outputs).flatMap(([name, description]) => [
        `  ${name}:`,
        `    description: ${quoted(description)}`,
    ]);
}
function commandActionYml(command) {
    const outputs = outputLines(command);
    return [
        HEADER,
        `# The root action.yml runs the same bundle with a \`command\` input.`,
        `name: ${quoted(`iterate-campaign ${command.name}`)}`,
        `description: ${quoted(command.description)}`,
        'author: iterate-campaign',
        'inputs:',
        ...inputLines(command),
        ...(outputs.length > 0 ? ['outputs:', ...outputs] : ['outputs: {}']),
        'runs:',
        '  using: node24',
        `  main: ${COMMAND_ACTION_ENTRY}`,
        '',
    ].join('\n');
}
/**
 * The entry the runner starts: pins the command, then loads the bundle the root action runs (its
 * `run()` reads `command` like any input). Runtime inputs cannot override the pin.
 */
function commandActionEntry(command) {
    return [
        HEADER.replace(/^#/, '//'),
        `process.env.INPUT_COMMAND = ${quoted(command.name)};`,
        'await import("../dist/index.js");',
        '',
    ].join('\n');
}
function commandActionFiles(commands) {
    return [...commands]
        .filter((command) => command.surfaces.includes('action'))
        .flatMap((command) => [
        { path: `${command.name}/action.yml`, text: commandActionYml(command) },
        { path: `${command.name}/${COMMAND_ACTION_ENTRY}`, text: commandActionEntry(command) },
    ]);
}

;// CONCATENATED MODULE: ./lib/commands/lazy-registry.js
const ACTION_LOADERS = {
    analyze: async () => (await __nccwpck_require__.e(/* import() */ 283).then(__nccwpck_require__.bind(__nccwpck_require__, 8664))).analyzeCommand,
    wait: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(102), __nccwpck_require__.e(621)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4621))).waitCommand,
    plan: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(981), __nccwpck_require__.e(752), __nccwpck_require__.e(8), __nccwpck_require__.e(406), __nccwpck_require__.e(667)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7667))).planCommand,
    verify: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(981), __nccwpck_require__.e(752), __nccwpck_require__.e(8), __nccwpck_require__.e(499), __nccwpck_require__.e(576), __nccwpck_require__.e(574), __nccwpck_require__.e(751)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7032))).verifyCommand,
    build: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(981), __nccwpck_require__.e(752), __nccwpck_require__.e(406), __nccwpck_require__.e(866)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6866))).buildCommand,
    retry: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(981), __nccwpck_require__.e(752), __nccwpck_require__.e(8), __nccwpck_require__.e(849), __nccwpck_require__.e(406), __nccwpck_require__.e(102), __nccwpck_require__.e(576), __nccwpck_require__.e(771), __nccwpck_require__.e(195), __nccwpck_require__.e(913), __nccwpck_require__.e(664), __nccwpck_require__.e(360)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2376))).retryCommand,
    worker: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(981), __nccwpck_require__.e(849), __nccwpck_require__.e(406), __nccwpck_require__.e(102), __nccwpck_require__.e(771), __nccwpck_require__.e(913), __nccwpck_require__.e(762)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3972))).workerCommand,
    compare: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(981), __nccwpck_require__.e(752), __nccwpck_require__.e(8), __nccwpck_require__.e(849), __nccwpck_require__.e(406), __nccwpck_require__.e(102), __nccwpck_require__.e(576), __nccwpck_require__.e(771), __nccwpck_require__.e(195), __nccwpck_require__.e(913), __nccwpck_require__.e(574), __nccwpck_require__.e(432), __nccwpck_require__.e(664), __nccwpck_require__.e(685)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7685))).compareCommand,
    finalize: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(981), __nccwpck_require__.e(752), __nccwpck_require__.e(8), __nccwpck_require__.e(849), __nccwpck_require__.e(406), __nccwpck_require__.e(102), __nccwpck_require__.e(576), __nccwpck_require__.e(771), __nccwpck_require__.e(195), __nccwpck_require__.e(913), __nccwpck_require__.e(574), __nccwpck_require__.e(432), __nccwpck_require__.e(664), __nccwpck_require__.e(642)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7642))).finalizeCommand,
    reconcile: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(981), __nccwpck_require__.e(752), __nccwpck_require__.e(8), __nccwpck_require__.e(849), __nccwpck_require__.e(406), __nccwpck_require__.e(102), __nccwpck_require__.e(576), __nccwpck_require__.e(771), __nccwpck_require__.e(195), __nccwpck_require__.e(913), __nccwpck_require__.e(574), __nccwpck_require__.e(432), __nccwpck_require__.e(664), __nccwpck_require__.e(420)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9420))).reconcileCommand,
};
const CLI_LOADERS = {
    ...ACTION_LOADERS,
    demo: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(981), __nccwpck_require__.e(752), __nccwpck_require__.e(8), __nccwpck_require__.e(849), __nccwpck_require__.e(499), __nccwpck_require__.e(502), __nccwpck_require__.e(406), __nccwpck_require__.e(102), __nccwpck_require__.e(576), __nccwpck_require__.e(771), __nccwpck_require__.e(195), __nccwpck_require__.e(913), __nccwpck_require__.e(574), __nccwpck_require__.e(432), __nccwpck_require__.e(608), __nccwpck_require__.e(957)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5957))).demoCommand,
};
/**
 * What runCommand needs to run `name` on `surface`: that command alone, or every command when
 * `name` is none of them (the error lists them; help shows them all).
 */
async function commandsFor(surface, name) {
    const loaders = surface === 'cli' ? CLI_LOADERS : ACTION_LOADERS;
    const load = name !== undefined && Object.hasOwn(loaders, name) ? loaders[name] : undefined;
    const commands = load
        ? [await load()]
        : await Promise.all(Object.values(loaders).map((l) => l()));
    return new Map(commands.map((command) => [command.name, command]));
}

// EXTERNAL MODULE: ./lib/core/inputs.js
var core_inputs = __nccwpck_require__(662);
;// CONCATENATED MODULE: ./lib/commands/run-command.js

/**
 * The one path every command takes on both surfaces: look the command up, mask secrets, warn
 * about inputs it ignores, validate everything, then run.
 */
async function runCommand(registry, name, inputs, io, alwaysSetInputs = new Set()) {
    const command = registry.get(name);
    const available = [...registry.values()]
        .filter((c) => c.surfaces.includes(io.surface))
        .map((c) => c.name);
    if (!command || !command.surfaces.includes(io.surface)) {
        throw new core_inputs/* InputError */.dz(`Unknown command '${name}' — expected one of: ${available.join(', ')}`);
    }
    for (const [input, spec] of Object.entries(command.inputs)) {
        if (spec.secret)
            io.masker.add(inputs.get(input));
    }
    for (const given of inputs.givenNames()) {
        if (!(given in command.inputs) && given !== 'command' && !alwaysSetInputs.has(given)) {
            io.logger.warning(`Input '${given}' is ignored by the '${command.name}' command.`);
        }
    }
    const parsed = command.parse(inputs, io);
    // In a workflow this is the step's first log line: it comes before the command's heavy modules load.
    if (io.surface === 'action')
        io.logger.info(startLine(command, inputs));
    return (await command.run(parsed, io)) ?? 0;
}
/** The command and its given inputs, once they are valid; secrets are left out. */
function startLine(command, inputs) {
    const given = Object.entries(command.inputs)
        .filter(([name, spec]) => !spec.secret && inputs.get(name) !== undefined)
        .map(([name]) => `${name}=${inputs.get(name)}`);
    return `Running ${command.name}${given.length ? ` (${given.join(', ')})` : ''}`;
}

;// CONCATENATED MODULE: ./lib/main.js








/** Inputs that action.yml gives a default, so they are set on every run and never "ignored". */
const INPUTS_WITH_DEFAULTS = new Set([
    'command',
    ...Object.keys(ACTION_INPUT_DEFAULTS),
]);
/** Exit codes with a meaning of their own (documented in README). */
const EXIT_MEANINGS = {
    124: 'timed out',
    130: 'was interrupted (SIGINT)',
    143: 'was interrupted (SIGTERM)',
};
/**
 * Every failure ends the same way: one `::error::` line and a job summary saying what happened,
 * also when the process must exit before the command stopped (a signal it did not honour in time).
 */
async function run(env = process.env) {
    const io = actionIO(env);
    const inputs = actionInputSource(env);
    const command = inputs.get('command') ?? 'analyze';
    let finished = false;
    (0,signals/* beforeForcedExit */.z4)((signal) => {
        if (finished)
            return;
        finished = true;
        const message = `${command} was interrupted by ${signal} before it could stop by itself; run it again to resume`;
        setFailed(message);
        if (env.GITHUB_STEP_SUMMARY)
            (0,external_node_fs_.appendFileSync)(env.GITHUB_STEP_SUMMARY, failureSummary(command, message));
    });
    let failure;
    try {
        const exitCode = await runCommand(await commandsFor('action', command), command, inputs, io, INPUTS_WITH_DEFAULTS);
        if (exitCode !== 0) {
            const meaning = EXIT_MEANINGS[exitCode] ?? 'failed';
            failure = { message: `${command} ${meaning} (exit code ${exitCode})`, exitCode };
        }
    }
    catch (error) {
        const message = io.masker.mask(error.message);
        failure = { message, exitCode: (0,signals/* signalExitCode */.cf)() ?? 1 };
    }
    if (finished)
        return;
    finished = true;
    if (failure)
        await fail(io, command, failure.message, failure.exitCode);
}
async function fail(io, command, message, exitCode) {
    setFailed(message);
    process.exitCode = exitCode;
    try {
        await io.appendSummary(failureSummary(command, message));
    }
    catch (error) {
        workflowCommand('warning', `Could not write the job summary: ${error.message}`);
    }
}
function failureSummary(command, message) {
    // Blank lines around it: the summary may already hold other blocks.
    return `\n${(0,command_summaries/* commandFailure */._I)(command, message)}\n`;
}


/***/ }),

/***/ 9518:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PB: () => (/* binding */ abortOnSignals),
/* harmony export */   cf: () => (/* binding */ signalExitCode),
/* harmony export */   z4: () => (/* binding */ beforeForcedExit)
/* harmony export */ });
let controller;
let received;
const forcedExitHooks = [];
/**
 * After the first signal the command has this long to stop by itself (its waits, connect retries
 * and queries all end on the abort) before the process exits anyway. The runner sends SIGTERM
 * 7.5 s after SIGINT on a cancelled job; either way we are gone within 2 s.
 */
const FORCED_EXIT_MS = 1_500;
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };
/**
 * The first Ctrl-C (or the runner's SIGINT/SIGTERM on a cancelled job) asks the running command to
 * stop cleanly; a second one exits at once. One process runs one command, so this is set up once.
 */
function abortOnSignals() {
    if (controller)
        return controller.signal;
    const current = new AbortController();
    controller = current;
    const onSignal = (signal) => {
        const code = EXIT_CODES[signal] ?? 1;
        if (current.signal.aborted)
            process.exit(code);
        received = signal;
        process.stderr.write(`Received ${signal}: stopping. Everything written so far is kept; run the command again to resume.\n`);
        current.abort(new Error(`received ${signal}`));
        setTimeout(() => {
            for (const hook of forcedExitHooks) {
                try {
                    hook(signal);
                }
                catch {
                    // exiting regardless
                }
            }
            process.exit(code);
        }, FORCED_EXIT_MS).unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return current.signal;
}
/** The conventional exit code (128 + signal number) once a signal was received. */
function signalExitCode() {
    return received ? (EXIT_CODES[received] ?? 1) : undefined;
}
/** Runs synchronously just before a forced exit (the command did not stop in time). */
function beforeForcedExit(hook) {
    forcedExitHooks.push(hook);
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/publicPath */
/******/ (() => {
/******/ 	var scriptUrl;
/******/ 	if (typeof import.meta.url === "string") scriptUrl = import.meta.url
/******/ 	// When supporting browsers where an automatic publicPath is not supported you must specify an output.publicPath manually via configuration
/******/ 	// or pass an empty string ("") and set the __webpack_public_path__ variable from your code to use your own logic.
/******/ 	if (!scriptUrl) throw new Error("Automatic publicPath is not supported in this browser");
/******/ 	scriptUrl = scriptUrl.replace(/#.*$/, "").replace(/\?.*$/, "").replace(/\/[^\/]+$/, "/");
/******/ 	__nccwpck_require__.p = scriptUrl;
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	__nccwpck_require__.b = new URL("./", import.meta.url);
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5691);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
