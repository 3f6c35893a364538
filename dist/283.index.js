export const id = 283;
export const ids = [283];
export const modules = {

/***/ 8664:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyzeCommand: () => (/* binding */ analyzeCommand),
  createAnalyzeCommand: () => (/* binding */ createAnalyzeCommand)
});

// EXTERNAL MODULE: ./lib/core/inputs.js
var core_inputs = __webpack_require__(662);
// EXTERNAL MODULE: ./lib/images/image-ref.js
var image_ref = __webpack_require__(4579);
// EXTERNAL MODULE: ./lib/github/repo-context.js
var repo_context = __webpack_require__(4013);
// EXTERNAL MODULE: ./lib/core/gates.js
var gates = __webpack_require__(4811);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/flaky.js
var flaky = __webpack_require__(5366);
;// CONCATENATED MODULE: ./lib/commands/investigation-inputs.js
/**
 * Inputs of the "where would an engineer look next" checks of `analyze`: invariant coverage
 * (`source-dir`), the pass history of the series (`history`) and worker log excerpts (`worker-logs`).
 */



const INVESTIGATION_INPUTS = {
    'source-dir': {
        description: "Harness checkout whose invariant files are checked against the failing combinations, read at the campaign's git commit when the checkout has it (action default: the workspace; CLI: none, coverage not checked)",
    },
    history: {
        description: `Campaigns of the same series whose pass history marks flaky combinations (default ${flaky/* DEFAULT_HISTORY */.RA}; 0 turns it off)`,
    },
    'worker-logs': {
        description: 'Directory of worker logs (the worker command writes them; workflows upload them as artifacts): each failed trial gets the lines of its work item',
    },
};
const MAX_HISTORY = 100;
function parseInvestigationInputs(inputs, io) {
    const rawHistory = inputs.get('history') ?? String(flaky/* DEFAULT_HISTORY */.RA);
    const trimmed = rawHistory.trim();
    if (!/^\d{1,3}$/.test(trimmed) || Number(trimmed) > MAX_HISTORY) {
        throw new core_inputs/* InputError */.dz(`Invalid history: '${(0,core_inputs/* shown */.SP)(rawHistory)}' — expected a whole number of campaigns from 0 to ${MAX_HISTORY}, e.g. 10`);
    }
    const sourceDir = inputs.get('source-dir') ??
        (io.surface === 'action' ? io.env.GITHUB_WORKSPACE?.trim() || io.cwd : undefined);
    const workerLogs = inputs.get('worker-logs');
    return {
        sourceDir: sourceDir === undefined ? undefined : (0,external_node_path_.resolve)(io.cwd, sourceDir),
        history: Number(trimmed),
        workerLogsDir: workerLogs === undefined ? undefined : (0,external_node_path_.resolve)(io.cwd, workerLogs),
    };
}

// EXTERNAL MODULE: ./lib/commands/common-inputs.js
var common_inputs = __webpack_require__(767);
// EXTERNAL MODULE: ./lib/commands/command.js
var command = __webpack_require__(5583);
;// CONCATENATED MODULE: ./lib/commands/analyze-inputs.js
const OUTPUT_MODES = ['issue', 'pr', 'none'];
/** Every output the command sets; action.yml documents exactly these. */
const ANALYZE_OUTPUTS = (/* unused pure expression or super */ null && ([
    'campaign-id',
    'win-rate',
    'meets-target',
    'failing-chaos-types',
    'issue-number',
    'pr-number',
    'retry-campaign-path',
]));

;// CONCATENATED MODULE: ./lib/commands/analyze.js








const DEFAULT_DEPENDENCIES = { now: () => new Date() };
function createAnalyzeCommand(deps = DEFAULT_DEPENDENCIES) {
    return (0,command/* defineCommand */.N)({
        name: 'analyze',
        description: 'Score a campaign exactly as upstream does, group and classify its failures, and write a diagnosis.',
        surfaces: ['action', 'cli'],
        outputs: {
            'campaign-id': "The analyzed campaign's id ('latest' resolved)",
            'win-rate': 'Win rate as upstream computes it, a fraction with 4 decimals',
            'meets-target': 'true when the win rate is at or above the target',
            'failing-chaos-types': 'JSON list of failing combinations, e.g. [{"subject":"tikv","chaos_type":"latency","params":{"min_ms":50,"max_ms":150},"resolution_timeout":null}]',
            'issue-number': "Number of the series' diagnosis issue (output issue), when there is one",
            'pr-number': 'The retry pull request opened or updated (output pr)',
            'retry-campaign-path': 'Path of the targeted retry campaign YAML: in the repository (output pr) or in the workspace (write-retry)',
        },
        inputs: {
            'campaign-id': {
                description: "Campaign id, or 'latest' (newest finished campaign)",
                positional: 0,
                required: true,
            },
            'campaign-name': {
                description: "With 'latest': only campaigns whose name matches this glob",
            },
            'target-win-rate': {
                description: 'Target win rate: 90, 90% or 0.9 (default: config targets.default, else 90%; per chaos type: config targets)',
                cliAlias: 'target',
            },
            'database-url': common_inputs/* DATABASE_URL_INPUT */.jV,
            config: common_inputs/* CONFIG_INPUT */.sR,
            json: { description: 'Print the analysis as JSON (the same as --format json)', flag: true },
            format: common_inputs/* FORMAT_INPUT */.z5,
            'write-retry': { description: 'Write the targeted retry campaign YAML to this file' },
            'operator-image': { description: 'Operator image for the retry campaign' },
            'github-token': {
                description: 'GitHub token for output issue/pr (CLI default: GITHUB_TOKEN)',
                secret: true,
            },
            output: {
                description: 'Where the diagnosis goes: issue, pr or none (CLI default none, action default issue)',
            },
            'retry-dir': {
                description: 'Repository directory of the retry campaign in PR mode (default: config retry.dir)',
            },
            labels: {
                description: `Comma-separated labels of the diagnosis issue (default ${common_inputs/* DEFAULT_LABELS */.Ge})`,
            },
            'dry-run': {
                description: 'Read GitHub and show what would be written, write nothing',
                flag: true,
            },
            ...INVESTIGATION_INPUTS,
            'agent-mention': {
                description: 'Mention put in the diagnosis issue\'s "For a coding agent" section when it is created, e.g. @claude or @copilot (triggers an agent workflow that listens for it)',
            },
            'agent-label': {
                description: 'Label added to the diagnosis issue whenever it is written, e.g. agent:fix (triggers an agent workflow on issues: labeled)',
            },
            'fail-on': { description: gates/* ANALYZE_FAIL_ON_DESCRIPTION */.f1 },
        },
        parse: (inputs, io) => parseAnalyzeInput(inputs, io),
        // The database, GitHub and analysis code load only now, after every input is validated.
        run: async (input, io) => (await Promise.all(/* import() */[__webpack_require__.e(981), __webpack_require__.e(849), __webpack_require__.e(406), __webpack_require__.e(102), __webpack_require__.e(576), __webpack_require__.e(771), __webpack_require__.e(195), __webpack_require__.e(608), __webpack_require__.e(255)]).then(__webpack_require__.bind(__webpack_require__, 206))).runAnalyze(input, io, deps),
    });
}
const analyzeCommand = createAnalyzeCommand();
// ── parse: every input validated before any side effect ───────────────────────────────────────
function parseAnalyzeInput(inputs, io) {
    const rawId = inputs.get('campaign-id');
    if (rawId === undefined) {
        throw new core_inputs/* InputError */.dz("Missing campaign-id: give a campaign id such as 123, or 'latest'");
    }
    const selector = (0,core_inputs/* parseCampaignSelector */.n_)('campaign-id', rawId);
    const target = (0,common_inputs/* optionalTargetRate */.q3)(inputs);
    const output = (0,core_inputs/* parseChoice */.HU)('output', inputs.get('output') ?? defaultOutput(io.surface), OUTPUT_MODES);
    const dryRun = (0,core_inputs/* parseBoolean */.yG)('dry-run', inputs.get('dry-run') ?? 'false');
    const json = (0,core_inputs/* parseBoolean */.yG)('json', inputs.get('json') ?? 'false');
    const labels = (0,common_inputs/* readLabels */.k2)(inputs);
    const rawRetryDir = inputs.get('retry-dir');
    const retryDir = rawRetryDir === undefined ? undefined : (0,common_inputs/* parseRepoDirectory */.HO)('retry-dir', rawRetryDir);
    const github = output === 'none' ? undefined : parseGitHubTarget(inputs, io, output);
    const databaseUrl = (0,common_inputs/* readDatabaseUrl */.Bq)(inputs, io);
    warnAboutUnusedInputs(inputs, io, { selector, output, dryRun });
    return {
        selector,
        campaignName: inputs.get('campaign-name'),
        target,
        databaseUrl,
        configPath: inputs.get('config'),
        json,
        format: (0,common_inputs/* readReportFormat */.o9)(inputs, io),
        writeRetry: optional(inputs, 'write-retry', (field, v) => (0,core_inputs/* parseWorkspacePath */.Qk)(field, v, 'retry.yaml')),
        operatorImage: optional(inputs, 'operator-image', image_ref/* parseOperatorImage */.BO),
        output,
        github,
        retryDir,
        labels,
        dryRun,
        investigation: parseInvestigationInputs(inputs, io),
        agent: parseAgentTrigger(inputs),
        failOn: (0,gates/* parseFailOn */.XV)('fail-on', inputs.get('fail-on'), 'analyze'),
    };
}
const MENTION = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?(?:\/[A-Za-z0-9_.-]{1,100})?$/;
function parseAgentTrigger(inputs) {
    const mention = inputs.get('agent-mention')?.trim();
    if (mention !== undefined && !MENTION.test(mention)) {
        throw new core_inputs/* InputError */.dz(`Invalid agent-mention: '${(0,core_inputs/* shown */.SP)(mention)}' — expected one @login or @org/team, e.g. @claude`);
    }
    const rawLabel = inputs.get('agent-label');
    const label = rawLabel === undefined ? undefined : (0,common_inputs/* parseLabels */.Xy)('agent-label', rawLabel);
    if (label && label.length !== 1) {
        throw new core_inputs/* InputError */.dz(`Invalid agent-label: '${(0,core_inputs/* shown */.SP)(rawLabel)}' — expected one label name, e.g. agent:fix`);
    }
    return { mention, label: label?.[0] };
}
function optional(inputs, field, parse) {
    const value = inputs.get(field);
    return value === undefined ? undefined : parse(field, value);
}
function defaultOutput(surface) {
    return surface === 'action' ? 'issue' : 'none';
}
function parseGitHubTarget(inputs, io, output) {
    const fromEnv = io.surface === 'cli' ? io.env.GITHUB_TOKEN?.trim() || io.env.GH_TOKEN?.trim() : undefined;
    const token = inputs.get('github-token') ?? fromEnv;
    if (!token) {
        const where = io.surface === 'action'
            ? 'leave github-token at its default (github.token)'
            : 'pass --github-token or set GITHUB_TOKEN';
        throw new core_inputs/* InputError */.dz(`Missing github-token: output '${output}' writes to GitHub; ${where}, or use output 'none'`);
    }
    io.masker.add(token);
    return { token, context: (0,repo_context/* readRepoContext */.ac)(io.env, `output '${output}'`) };
}
function warnAboutUnusedInputs(inputs, io, parsed) {
    const warn = (name, why) => io.logger.warning(`Input '${name}' is ignored: ${why}.`);
    if (inputs.get('campaign-name') !== undefined && parsed.selector.kind === 'id') {
        warn('campaign-name', "it only filters campaign-id 'latest'");
    }
    if (inputs.get('retry-dir') !== undefined && parsed.output !== 'pr') {
        warn('retry-dir', `it is used by output 'pr', not '${parsed.output}'`);
    }
    if (parsed.dryRun && parsed.output === 'none')
        warn('dry-run', "output 'none' writes nothing to GitHub anyway");
}


/***/ }),

/***/ 5583:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ defineCommand)
/* harmony export */ });
function defineCommand(command) {
    return command;
}


/***/ }),

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

/***/ 4811:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   In: () => (/* binding */ GateFailure),
/* harmony export */   XV: () => (/* binding */ parseFailOn),
/* harmony export */   f1: () => (/* binding */ ANALYZE_FAIL_ON_DESCRIPTION),
/* harmony export */   ln: () => (/* binding */ comparisonGate),
/* harmony export */   mB: () => (/* binding */ FAIL_ON_DESCRIPTION),
/* harmony export */   sx: () => (/* binding */ analysisGate)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(662);


const FAIL_ON_VALUES = ['never', 'regressed', 'missed', 'not-fixed'];
const FAIL_ON_DESCRIPTION = 'Fail the step after everything is written: never (default), regressed (a combination regressed), missed (a regression or the target missed), not-fixed (anything short of every retried combination fixed)';
const ANALYZE_FAIL_ON_DESCRIPTION = 'Fail the step after everything is written: never (default), missed (the win rate or a chaos type with its own target is below it), not-fixed (any combination below its target)';
function parseFailOn(field, value, command) {
    const v = (value ?? 'never').trim();
    const allowed = command === 'analyze' ? FAIL_ON_VALUES.filter((x) => x !== 'regressed') : FAIL_ON_VALUES;
    if (allowed.includes(v))
        return v;
    const hint = v === 'regressed' ? ' (a regression needs a comparison: use it with compare)' : '';
    throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Invalid ${field}: '${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(v)}' — expected one of ${allowed.join(', ')}${hint}`);
}
/** A gate that failed: the command has written everything; this ends the step. */
class GateFailure extends Error {
}
const PASS = { kind: 'pass' };
const pct = (x) => `${(x * 100).toFixed(1)}%`;
function list(items) {
    const shownItems = items
        .slice(0, 5)
        .map((c) => (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: c.chaos_type, params: c.params }));
    return `${shownItems.join(', ')}${items.length > 5 ? ` and ${items.length - 5} more` : ''}`;
}
function analysisGate(failOn, analysis) {
    if (failOn === 'never' || failOn === 'regressed')
        return PASS;
    const id = analysis.campaign.id;
    if (!analysis.meets_target) {
        const types = (analysis.chaos_type_targets ?? []).filter((t) => !t.meets_target);
        const why = [
            ...(analysis.win_rate < analysis.target_win_rate || analysis.trials === 0
                ? [`win rate ${pct(analysis.win_rate)} < target ${pct(analysis.target_win_rate)}`]
                : []),
            ...types.map((t) => `${t.chaos_type} ${pct(t.win_rate)} < its target ${pct(t.target)}`),
        ];
        return {
            kind: 'fail',
            message: `fail-on ${failOn}: campaign ${id} missed the target: ${why.join('; ')}`,
        };
    }
    if (failOn === 'not-fixed' && analysis.failing.length > 0) {
        return {
            kind: 'fail',
            message: `fail-on not-fixed: campaign ${id} has ${analysis.failing.length} combination(s) below target: ${list(analysis.failing)}`,
        };
    }
    return PASS;
}
function comparisonGate(failOn, comparison) {
    if (failOn === 'never')
        return PASS;
    const retry = comparison.retry_campaign_id;
    if (comparison.regressions.length > 0) {
        return {
            kind: 'fail',
            message: `fail-on ${failOn}: retry campaign ${retry} regressed: ${list(comparison.regressions)}`,
        };
    }
    if (failOn === 'regressed')
        return PASS;
    const pending = comparison.rows.filter((r) => r.stop_reason === 'needs-more-trials');
    if (pending.length > 0) {
        return {
            kind: 'deferred',
            message: `fail-on ${failOn} is checked once the top-up round for ${pending.length} combination(s) has finished`,
        };
    }
    if (comparison.retry.verdict === 'missed') {
        return {
            kind: 'fail',
            message: `fail-on ${failOn}: retry campaign ${retry} missed the target: win rate ${pct(comparison.retry.win_rate)} (${comparison.retry.successes}/${comparison.retry.trials}) < ${pct(comparison.target_win_rate)}`,
        };
    }
    const notFixed = comparison.rows.filter((r) => r.verdict !== 'fixed' && r.verdict !== 'held');
    if (failOn === 'not-fixed' && notFixed.length > 0) {
        return {
            kind: 'fail',
            message: `fail-on not-fixed: retry campaign ${retry} left ${notFixed.length} combination(s) not fixed: ${list(notFixed)}`,
        };
    }
    return PASS;
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


/***/ })

};
