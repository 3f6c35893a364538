export const id = 608;
export const ids = [608];
export const modules = {

/***/ 9608:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ investigate)
});

// EXTERNAL MODULE: ./lib/loop/campaign-history.js + 1 modules
var campaign_history = __webpack_require__(3484);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/markdown/index.js + 4 modules
var markdown = __webpack_require__(1280);
// EXTERNAL MODULE: ./lib/core/invariants/coverage.js
var coverage = __webpack_require__(2479);
;// CONCATENATED MODULE: ./lib/core/invariants/python-tokens.js
/**
 * A small Python tokenizer: enough to read invariant definitions (names, numbers, strings,
 * operators, line numbers, the indentation of each logical line) without running Python. Comments
 * are dropped; string literals keep their decoded text for simple escapes.
 */
const STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?(?:'''|"""|'|")/;
const NUMBER = /^(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS = ['**=', '//=', '->', '**', '//', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*='];
function tokenizePython(source) {
    const tokens = [];
    let i = 0;
    let line = 1;
    let depth = 0;
    let atLineStart = true;
    let indent = 0;
    let lineStartPending = true;
    const push = (kind, text, startLine) => {
        tokens.push({ kind, text, line: startLine, indent, lineStart: lineStartPending });
        lineStartPending = false;
    };
    while (i < source.length) {
        if (atLineStart && depth === 0) {
            let width = 0;
            while (source[i] === ' ' || source[i] === '\t') {
                width += source[i] === '\t' ? 8 - (width % 8) : 1;
                i++;
            }
            if (source[i] !== '\n' && source[i] !== '#' && source[i] !== '\r' && i < source.length) {
                indent = width;
                lineStartPending = true;
            }
            atLineStart = false;
            continue;
        }
        const c = source[i];
        if (c === '\n') {
            line++;
            i++;
            if (depth === 0)
                atLineStart = true;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
            i++;
            continue;
        }
        if (c === '\\' && source[i + 1] === '\n') {
            i += 2;
            line++;
            continue;
        }
        if (c === '#') {
            while (i < source.length && source[i] !== '\n')
                i++;
            continue;
        }
        const rest = source.slice(i, i + 8);
        const stringStart = STRING_PREFIX.exec(rest);
        if (stringStart && (stringStart[0].endsWith("'") || stringStart[0].endsWith('"'))) {
            const startLine = line;
            const quote = stringStart[0].endsWith("'''") || stringStart[0].endsWith('"""')
                ? stringStart[0].slice(-3)
                : stringStart[0].slice(-1);
            const raw = /[rR]/.test(stringStart[0].slice(0, -quote.length));
            i += stringStart[0].length;
            let text = '';
            while (i < source.length && !source.startsWith(quote, i)) {
                const ch = source[i];
                if (ch === '\n') {
                    if (quote.length === 1)
                        break; // unterminated: stop at the line end
                    line++;
                }
                if (ch === '\\' && !raw && i + 1 < source.length) {
                    const next = source[i + 1];
                    if (next === '\n')
                        line++;
                    text += { n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"' }[next] ?? `\\${next}`;
                    i += 2;
                    continue;
                }
                text += ch;
                i++;
            }
            i += quote.length;
            push('string', text, startLine);
            continue;
        }
        const number = NUMBER.exec(rest + source.slice(i + 8, i + 64));
        if (number && /[0-9.]/.test(c) && !(c === '.' && !/[0-9]/.test(source[i + 1] ?? ''))) {
            push('number', number[0], line);
            i += number[0].length;
            continue;
        }
        const name = NAME.exec(source.slice(i, i + 256));
        if (name) {
            push('name', name[0], line);
            i += name[0].length;
            continue;
        }
        const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? c;
        if ('([{'.includes(op))
            depth++;
        if (')]}'.includes(op))
            depth = Math.max(0, depth - 1);
        push('op', op, line);
        i += op.length;
    }
    return tokens;
}
/** Index of the bracket closing the one at `open`, or the last token when unbalanced. */
function closingBracket(tokens, open) {
    let depth = 0;
    for (let j = open; j < tokens.length; j++) {
        const t = tokens[j];
        if (t.kind !== 'op')
            continue;
        if ('([{'.includes(t.text))
            depth++;
        else if (')]}'.includes(t.text) && --depth === 0)
            return j;
    }
    return tokens.length - 1;
}
/** Splits the tokens between two brackets at top-level commas. */
function splitArguments(tokens, open, close) {
    const args = [];
    let current = [];
    let depth = 0;
    for (let j = open + 1; j < close; j++) {
        const t = tokens[j];
        if (t.kind === 'op' && '([{'.includes(t.text))
            depth++;
        if (t.kind === 'op' && ')]}'.includes(t.text))
            depth--;
        if (depth === 0 && t.kind === 'op' && t.text === ',') {
            args.push(current);
            current = [];
        }
        else
            current.push(t);
    }
    if (current.length)
        args.push(current);
    return args;
}

;// CONCATENATED MODULE: ./lib/core/invariants/parse-invariants.js
/**
 * Reads a subject's invariant definitions from Python source text, the way an engineer greps them
 * (seed step 2: `grep -n "def check_"` and the `InvariantConfig(name=...)` lines): every
 * `InvariantConfig(name=…, threshold=…, grace_period=…)` and every `check_*` method with the configs
 * it uses (`config = config or HIGH_LATENCY_CONFIG`). Pure: text in, definitions out.
 */

function parseInvariantsSource(source, file) {
    const tokens = tokenizePython(source);
    const defaults = dataclassDefaults(tokens);
    const invariants = readConfigs(tokens, file, defaults);
    const checks = readChecks(tokens, file, invariants);
    for (const invariant of invariants) {
        invariant.checks = checks
            .filter((c) => c.uses.includes(invariant.variable ?? `name:${invariant.name}`))
            .map(({ method, line }) => ({ method, line }));
    }
    return { invariants, checks };
}
/** `threshold: float = 0.0` and `grace_period: … timedelta(seconds=0)` of `class InvariantConfig`. */
function dataclassDefaults(tokens) {
    const defaults = { threshold: null, graceSeconds: 0 };
    const start = tokens.findIndex((t, j) => t.text === 'InvariantConfig' && tokens[j - 1]?.text === 'class');
    if (start < 0)
        return defaults;
    const classIndent = tokens[start].indent;
    for (let j = start + 1; j < tokens.length; j++) {
        const t = tokens[j];
        if (t.lineStart && t.indent <= classIndent)
            break;
        if (!t.lineStart || t.kind !== 'name' || tokens[j + 1]?.text !== ':')
            continue;
        const end = logicalLineEnd(tokens, j);
        const eq = tokens.slice(j, end).findIndex((x) => x.text === '=');
        if (eq < 0)
            continue;
        const value = tokens.slice(j + eq + 1, end);
        if (t.text === 'grace_period')
            defaults.graceSeconds = findTimedelta(value) ?? 0;
    }
    return defaults;
}
function logicalLineEnd(tokens, from) {
    let j = from + 1;
    while (j < tokens.length && !tokens[j].lineStart)
        j++;
    return j;
}
function readConfigs(tokens, file, defaults) {
    const found = [];
    tokens.forEach((t, j) => {
        if (t.text !== 'InvariantConfig' || tokens[j + 1]?.text !== '(')
            return;
        if (tokens[j - 1]?.text === 'class')
            return;
        const close = closingBracket(tokens, j + 1);
        const kwargs = new Map();
        for (const arg of splitArguments(tokens, j + 1, close)) {
            if (arg.length >= 2 && arg[0].kind === 'name' && arg[1].text === '=')
                kwargs.set(arg[0].text, arg.slice(2));
        }
        const nameTokens = kwargs.get('name');
        if (!nameTokens || nameTokens.length !== 1 || nameTokens[0].kind !== 'string')
            return;
        const grace = kwargs.get('grace_period');
        const threshold = kwargs.get('threshold');
        found.push({
            name: nameTokens[0].text,
            variable: assignedVariable(tokens, j),
            threshold: threshold ? evaluateNumber(threshold) : defaults.threshold,
            grace_period_seconds: grace
                ? (graceSeconds(grace) ?? defaults.graceSeconds)
                : defaults.graceSeconds,
            file,
            line: nameTokens[0].line,
            checks: [],
        });
    });
    return found;
}
/** `NAME = InvariantConfig(` or `NAME: InvariantConfig = InvariantConfig(` at module level. */
function assignedVariable(tokens, call) {
    let j = call - 1;
    if (tokens[j]?.text !== '=')
        return null;
    j--;
    while (j >= 0 && !tokens[j].lineStart)
        j--;
    const first = tokens[j];
    return first?.kind === 'name' &&
        first.indent === 0 &&
        (tokens[j + 1]?.text === '=' || tokens[j + 1]?.text === ':')
        ? first.text
        : null;
}
function readChecks(tokens, file, invariants) {
    const variables = new Set(invariants.map((i) => i.variable).filter((v) => !!v));
    const checks = [];
    tokens.forEach((t, j) => {
        const name = tokens[j + 1];
        if (t.text !== 'def' || name?.kind !== 'name' || !name.text.startsWith('check_'))
            return;
        const uses = new Set();
        for (let k = j + 2; k < tokens.length; k++) {
            const body = tokens[k];
            if (body.lineStart && body.indent <= t.indent && k > j + 2)
                break;
            if (body.kind === 'name' && variables.has(body.text))
                uses.add(body.text);
            if (body.text === 'InvariantConfig' && tokens[k + 1]?.text === '(') {
                const last = tokens[closingBracket(tokens, k + 1)].line;
                const inline = invariants.find((i) => i.variable === null && i.line >= body.line && i.line <= last);
                if (inline)
                    uses.add(`name:${inline.name}`);
            }
        }
        checks.push({ method: name.text, line: name.line, file, uses: [...uses] });
    });
    return checks;
}
/** `timedelta(seconds=30)`, `timedelta(minutes=1)`, `timedelta(0, 30)`, or a number of seconds. */
function graceSeconds(value) {
    return findTimedelta(value) ?? evaluateNumber(value);
}
const TIMEDELTA_UNITS = {
    days: 86_400,
    seconds: 1,
    microseconds: 1e-6,
    milliseconds: 1e-3,
    minutes: 60,
    hours: 3600,
    weeks: 604_800,
};
const TIMEDELTA_POSITIONAL = [
    'days',
    'seconds',
    'microseconds',
    'milliseconds',
    'minutes',
    'hours',
    'weeks',
];
function findTimedelta(value) {
    const at = value.findIndex((t, j) => t.text === 'timedelta' && value[j + 1]?.text === '(');
    if (at < 0)
        return null;
    const close = closingBracket(value, at + 1);
    let total = 0;
    const args = splitArguments(value, at + 1, close);
    for (const [index, arg] of args.entries()) {
        const keyword = arg.length >= 2 && arg[0].kind === 'name' && arg[1].text === '=';
        const unit = keyword ? arg[0].text : TIMEDELTA_POSITIONAL[index];
        const amount = evaluateNumber(keyword ? arg.slice(2) : arg);
        if (unit === undefined || !(unit in TIMEDELTA_UNITS) || amount === null)
            return null;
        total += amount * TIMEDELTA_UNITS[unit];
    }
    return total;
}
/** A constant arithmetic expression of numbers (+ - * / // parentheses), else null. */
function evaluateNumber(value) {
    let pos = 0;
    const peek = () => value[pos]?.text;
    const primary = () => {
        const t = value[pos];
        if (!t)
            return null;
        if (t.text === '-' || t.text === '+') {
            pos++;
            const inner = primary();
            return inner === null ? null : t.text === '-' ? -inner : inner;
        }
        if (t.text === '(') {
            pos++;
            const inner = sum();
            if (peek() !== ')')
                return null;
            pos++;
            return inner;
        }
        if (t.kind !== 'number')
            return null;
        pos++;
        const n = Number(t.text.replace(/_/g, ''));
        return Number.isFinite(n) ? n : null;
    };
    const product = () => {
        let left = primary();
        while (left !== null && ['*', '/', '//'].includes(peek() ?? '')) {
            const op = value[pos++].text;
            const right = primary();
            if (right === null)
                return null;
            left = op === '*' ? left * right : op === '/' ? left / right : Math.floor(left / right);
        }
        return left;
    };
    const sum = () => {
        let left = product();
        while (left !== null && ['+', '-'].includes(peek() ?? '')) {
            const op = value[pos++].text;
            const right = product();
            if (right === null)
                return null;
            left = op === '+' ? left + right : left - right;
        }
        return left;
    };
    const result = sum();
    return result !== null && pos === value.length && Number.isFinite(result) ? result : null;
}

;// CONCATENATED MODULE: ./lib/loop/invariant-coverage.js
/**
 * The edge of the invariant coverage check: reads the subject's invariant files from a harness
 * checkout — at the campaign's git commit when the checkout has it, else from the working tree (and
 * says so) — then hands the text to the pure parser and assessment (src/core/invariants).
 */





/** Invariant files over this size are not read (a generated or vendored file, not definitions). */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
async function checkInvariantCoverage(analysis, config, sourceDir) {
    if (analysis.failing.length === 0)
        return { invariant_coverage: [] };
    if (sourceDir === undefined) {
        return {
            invariant_coverage: [],
            invariant_coverage_note: 'Invariant coverage was not checked: no harness source directory (pass --source-dir, or check out the harness repository in the action).',
        };
    }
    const subject = analysis.campaign.subject;
    const files = config.invariants.files[subject] ?? [];
    if (files.length === 0) {
        return {
            invariant_coverage: [],
            invariant_coverage_note: `Invariant coverage was not checked: no invariant files are configured for subject ${(0,markdown/* codeSpan */.SS)(subject)} (config invariants.files).`,
        };
    }
    const source = await openSource(sourceDir, analysis.campaign.git_commit);
    const definitions = [];
    const unreadable = [];
    for (const file of files) {
        const text = await source.read(file);
        if (text === undefined)
            unreadable.push(file);
        else
            definitions.push(...parseInvariantsSource(text, file).invariants);
    }
    // A relative location keeps the issue body identical between runs in different temp workspaces.
    const where = `${(0,markdown/* codeSpan */.SS)((0,external_node_path_.relative)(process.cwd(), (0,external_node_path_.resolve)(sourceDir)) || '.')}${source.at}`;
    const fallback = source.origin.reason
        ? `Invariant files were read from the working tree of ${where}, not at the campaign's commit: ${source.origin.reason}.`
        : undefined;
    if (unreadable.length === files.length) {
        return {
            invariant_coverage: [],
            invariant_coverage_note: joinNotes(`Invariant coverage was not checked: ${unreadable.map(markdown/* codeSpan */.SS).join(', ')} not found in ${where}.`, fallback),
            invariant_source: source.origin,
        };
    }
    const missing = unreadable.length
        ? `Not found in ${where}: ${unreadable.map(markdown/* codeSpan */.SS).join(', ')}.`
        : undefined;
    const note = joinNotes(fallback, missing);
    return {
        invariant_coverage: (0,coverage/* assessCoverage */.$d)(analysis.failing, definitions, config.invariants.table),
        ...(note ? { invariant_coverage_note: note } : {}),
        invariant_source: source.origin,
    };
}
function joinNotes(...notes) {
    return notes.filter(Boolean).join(' ') || undefined;
}
async function openSource(root, commit) {
    // Loaded here: git (and execa) only matter when invariants are read from a checkout.
    const { findCommit, isCommitHash, readFileAtCommit } = await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(521)]).then(__webpack_require__.bind(__webpack_require__, 7283));
    const workingTree = (reason) => ({
        origin: { commit: null, reason },
        at: '',
        read: (file) => readSource(root, file),
    });
    if (!isCommitHash(commit)) {
        return workingTree(commit
            ? `its commit ${(0,markdown/* codeSpan */.SS)(commit)} is not a git hash`
            : 'the campaign records no commit');
    }
    const short = commit.slice(0, 12);
    const lookup = await findCommit(root, commit).catch((error) => ({
        kind: 'unavailable',
        reason: error.message,
    }));
    if (lookup.kind === 'not-a-checkout')
        return workingTree('it is not a git checkout');
    if (lookup.kind === 'missing') {
        return workingTree(`the checkout does not have commit ${(0,markdown/* codeSpan */.SS)(short)} (a shallow clone? check out with fetch-depth: 0)`);
    }
    if (lookup.kind === 'unavailable')
        return workingTree(`git failed: ${(0,markdown/* plainText */.wh)(lookup.reason)}`);
    return {
        origin: { commit },
        at: ` at commit ${(0,markdown/* codeSpan */.SS)(short)}`,
        read: async (file) => insideRoot(root, file) ? readFileAtCommit(root, commit, file, MAX_SOURCE_BYTES) : undefined,
    };
}
function insideRoot(root, file) {
    const inside = (0,external_node_path_.relative)((0,external_node_path_.resolve)(root), (0,external_node_path_.resolve)(root, file));
    return !inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside);
}
async function readSource(root, file) {
    if (!insideRoot(root, file))
        return undefined;
    try {
        const buffer = await (0,promises_.readFile)((0,external_node_path_.resolve)(root, file));
        return buffer.length > MAX_SOURCE_BYTES ? undefined : buffer.toString('utf8');
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./lib/loop/worker-logs.js
var worker_logs = __webpack_require__(9767);
;// CONCATENATED MODULE: ./lib/loop/investigate.js



async function investigate(db, analysis, config, options, logger) {
    const coverage = await checkInvariantCoverage(analysis, config, options.sourceDir);
    analysis.invariant_coverage = coverage.invariant_coverage;
    if (coverage.invariant_coverage_note)
        analysis.invariant_coverage_note = coverage.invariant_coverage_note;
    if (coverage.invariant_source)
        analysis.invariant_source = coverage.invariant_source;
    if (options.history > 0) {
        analysis.flaky = await (0,campaign_history/* loadFlakyHistory */.a)(db, analysis, {
            history: options.history,
            causes: config.causes,
        });
        const flaky = analysis.flaky.filter((f) => f.flaky).length;
        logger.info(`History: ${analysis.flaky[0]?.campaigns.length ?? 0} campaign(s) of the series read; ${flaky} flaky combination(s).`);
    }
    if (options.workerLogsDir)
        await (0,worker_logs/* attachWorkerLogExcerpts */.y)(analysis.trials_detail, options.workerLogsDir, logger);
}


/***/ }),

/***/ 9767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ attachWorkerLogExcerpts)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_worker_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1494);
/**
 * The edge of worker log excerpts: reads every `*.log` under a directory (downloaded artifacts land
 * in one folder per worker) and attaches the lines of each failed trial's work item.
 */



/** A log bigger than this is read from its end only: the excerpt of a recent item is there. */
const MAX_LOG_BYTES = 32 * 1024 * 1024;
const MAX_FILES = 500;
async function attachWorkerLogs(details, dir) {
    const wanted = new Map();
    for (const d of details)
        if (d.evidence && d.work_id !== null)
            wanted.set(d.work_id, d);
    const files = await logFiles(dir);
    if (wanted.size === 0)
        return { files: files.length, attached: 0 };
    const ids = new Set(wanted.keys());
    let attached = 0;
    for (const file of files) {
        const excerpts = (0,_core_worker_log_js__WEBPACK_IMPORTED_MODULE_2__/* .excerptsByWorkItem */ .OK)(await readTail(file), ids);
        for (const [id, lines] of excerpts) {
            const detail = wanted.get(id);
            if (detail && !detail.log_excerpt) {
                detail.log_excerpt = lines;
                attached++;
            }
        }
    }
    return { files: files.length, attached };
}
/**
 * attachWorkerLogs for a command: one log line with what was found; an unreadable directory is a
 * warning, never a failure (the analysis stands without excerpts).
 */
async function attachWorkerLogExcerpts(details, dir, logger) {
    try {
        const { files, attached } = await attachWorkerLogs(details, dir);
        logger.info(`Worker logs: ${files} file(s) in ${dir}; excerpts for ${attached} failed trial(s).`);
    }
    catch (error) {
        // A workflow downloads whatever artifacts exist: none (workers ran elsewhere) is no fault.
        if (error.code === 'ENOENT')
            logger.info(`Worker logs: ${dir} does not exist; no excerpts.`);
        else
            logger.warning(`Worker logs not read from ${dir}: ${error.message}`);
    }
}
async function logFiles(dir) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => e.isFile() && e.name.endsWith('.log'))
        .map((e) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(e.parentPath, e.name))
        .sort()
        .slice(0, MAX_FILES);
}
async function readTail(file) {
    const size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).size;
    if (size <= MAX_LOG_BYTES)
        return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    const { open } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 19));
    const handle = await open(file, 'r');
    try {
        const buffer = Buffer.alloc(MAX_LOG_BYTES);
        await handle.read(buffer, 0, MAX_LOG_BYTES, size - MAX_LOG_BYTES);
        return buffer.toString('utf8');
    }
    finally {
        await handle.close();
    }
}


/***/ })

};
