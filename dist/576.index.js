export const id = 576;
export const ids = [576];
export const modules = {

/***/ 6491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gj: () => (/* binding */ CampaignYamlError),
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   gq: () => (/* binding */ unknownChaosTypeMessage),
/* harmony export */   kp: () => (/* binding */ closest),
/* harmony export */   n2: () => (/* binding */ formatConfigPath),
/* harmony export */   nJ: () => (/* binding */ pyyamlStringHint)
/* harmony export */ });
/* harmony import */ var _chaos_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9747);
/* harmony import */ var _py_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1867);
/** Problems in a campaign file: where they are and how they are told. */


const MAX_REPORTED_PROBLEMS = 50;
function formatProblem(fileName, problem) {
    const where = problem.line !== undefined && problem.col !== undefined
        ? `${fileName}:${problem.line}:${problem.col}`
        : fileName;
    return `${where}: ${problem.message}`;
}
class CampaignYamlError extends Error {
    name = 'CampaignYamlError';
    fileName;
    problems;
    constructor(fileName, problems, what = 'campaign file') {
        const shown = problems
            .slice(0, MAX_REPORTED_PROBLEMS)
            .map((p) => `  ${formatProblem(fileName, p)}`);
        if (problems.length > MAX_REPORTED_PROBLEMS) {
            shown.push(`  … and ${problems.length - MAX_REPORTED_PROBLEMS} more`);
        }
        const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
        super(`invalid ${what} ${fileName} (${count}):\n${shown.join('\n')}`);
        this.fileName = fileName;
        this.problems = problems;
    }
}
function formatConfigPath(path) {
    if (path.length === 0)
        return '(top level)';
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment))
            out += out === '' ? segment : `.${segment}`;
        else
            out += `[${JSON.stringify(segment)}]`;
    }
    return out;
}
function describeValue(value) {
    if (value === null)
        return 'null';
    if (value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (value instanceof Date)
        return `a date (${value.toISOString().slice(0, 10)})`;
    if (value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyFloat */ .g$)
        return `${String(value)} (a float)`;
    if (value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyBigInt */ .D3)
        return `${String(value)} (beyond 2^53: too large to keep exactly)`;
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
        return `${value} (beyond 2^53: too large to check exactly)`;
    }
    if (typeof value === 'string') {
        const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
        return JSON.stringify(shown);
    }
    return String(value);
}
/** PyYAML keeps "1e3" or "09" as strings where other YAML loaders read numbers. */
function pyyamlStringHint(value) {
    return typeof value === 'string' && /^[-+]?[0-9][0-9_.]*(?:[eE][-+]?[0-9]+)?$/.test(value)
        ? ' (PyYAML, like the harness, reads this as a string: write a plain integer)'
        : '';
}
function editDistance(a, b) {
    const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
        let diagonal = previous[0] ?? 0;
        previous[0] = i;
        for (let j = 1; j <= b.length; j += 1) {
            const above = previous[j] ?? 0;
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
            diagonal = above;
        }
    }
    return previous[b.length] ?? 0;
}
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
function unknownChaosTypeMessage(input) {
    if (typeof input !== 'string')
        return `expected a chaos type name, got ${describeValue(input)}`;
    const suggestion = closest(input, _chaos_types_js__WEBPACK_IMPORTED_MODULE_0__/* .CHAOS_TYPES */ .L9);
    return suggestion !== undefined
        ? `unknown chaos type ${JSON.stringify(input)} (did you mean "${suggestion}"?)`
        : `unknown chaos type ${JSON.stringify(input)} (expected one of: ${_chaos_types_js__WEBPACK_IMPORTED_MODULE_0__/* .CHAOS_TYPES */ .L9.join(', ')})`;
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

/***/ 7120:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ YAML_OPTIONS),
/* harmony export */   w: () => (/* binding */ MAX_ALIAS_COUNT)
/* harmony export */ });
/* harmony import */ var _py_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1867);

const MAX_ALIAS_COUNT = 100;
// PyYAML's implicit resolvers (resolver.py). They differ from the YAML 1.1 spec that the `yaml`
// package implements: no y/n booleans, floats need a dot and a signed exponent ("1e3" is a
// string), and "09" is a string.
const PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
function parseSexagesimal(digits) {
    return digits.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}
/** PyYAML's construct_yaml_int, exactly (Python ints have no size limit). */
function resolvePyInt(source) {
    let text = source.replace(/_/g, '');
    let sign = 1n;
    if (text.startsWith('-') || text.startsWith('+')) {
        if (text.startsWith('-'))
            sign = -1n;
        text = text.slice(1);
    }
    let value;
    if (text === '0')
        value = 0n;
    else if (text.startsWith('0b'))
        value = BigInt(text);
    else if (text.startsWith('0x'))
        value = BigInt(text);
    else if (text.startsWith('0'))
        value = BigInt(`0o${text.slice(1)}`);
    else if (text.includes(':'))
        value = text.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n);
    else
        value = BigInt(text);
    value *= sign;
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : new _py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .PyBigInt */ .D3(value);
}
/** PyYAML's construct_yaml_float: a float even when integral (`150.0` is not `150`). */
function resolvePyFloat(source) {
    let text = source.replace(/_/g, '').toLowerCase();
    let sign = 1;
    if (text.startsWith('-') || text.startsWith('+')) {
        if (text.startsWith('-'))
            sign = -1;
        text = text.slice(1);
    }
    let value;
    if (text === '.inf')
        value = sign * Infinity;
    else if (text === '.nan')
        value = NaN;
    else if (text.includes(':'))
        value = sign * parseSexagesimal(text);
    else
        value = sign * Number(text);
    return Number.isInteger(value) ? new _py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .PyFloat */ .g$(value) : value;
}
/** Float text PyYAML reads back as a float (it needs a "." and a signed exponent). */
function stringifyPyFloat(value) {
    if (Number.isNaN(value))
        return '.nan';
    if (!Number.isFinite(value))
        return value > 0 ? '.inf' : '-.inf';
    const text = String(value);
    if (text.includes('.'))
        return text;
    return text.includes('e') ? text.replace('e', '.0e') : `${text}.0`;
}
const pyBoolTag = {
    identify: (value) => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: PY_BOOL,
    resolve: (source) => /^(?:yes|true|on)$/i.test(source),
    stringify: ({ value }) => (value ? 'true' : 'false'),
};
const pyIntTag = {
    identify: (value) => value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .PyBigInt */ .D3 || (typeof value === 'number' && Number.isInteger(value)),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: PY_INT,
    resolve: resolvePyInt,
    // String(1e21) is "1e+21", which PyYAML reads as a string; BigInt prints every digit.
    stringify: ({ value }) => value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .PyBigInt */ .D3 ? value.toString() : BigInt(value).toString(),
};
const pyFloatTag = {
    identify: (value) => value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .PyFloat */ .g$ || typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: PY_FLOAT,
    resolve: resolvePyFloat,
    stringify: ({ value }) => stringifyPyFloat(value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_0__/* .PyFloat */ .g$ ? value.value : Number(value)),
};
const REPLACED_TAGS = new Set([
    'tag:yaml.org,2002:bool',
    'tag:yaml.org,2002:int',
    'tag:yaml.org,2002:float',
]);
function pyyamlTags(tags) {
    const kept = tags.filter((tag) => typeof tag === 'string' || !REPLACED_TAGS.has(tag.tag) || tag.default !== true);
    return [...kept, pyBoolTag, pyIntTag, pyFloatTag];
}
const YAML_OPTIONS = {
    version: '1.1',
    schema: 'yaml-1.1',
    customTags: pyyamlTags,
    merge: true,
    uniqueKeys: true,
    prettyErrors: false,
};


/***/ }),

/***/ 5816:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LR: () => (/* binding */ parseCampaignYaml),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* unused harmony export MAX_CAMPAIGN_BYTES */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _chaos_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9747);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3085);
/* harmony import */ var _py_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1867);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6491);
/* harmony import */ var _matrix_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3413);
/* harmony import */ var _pyyaml_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7120);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3263);
/**
 * Reading a campaign file as the harness does (PyYAML `safe_load`, then pydantic validation), with
 * every problem positioned. Deliberate differences: duplicate keys, alias bombs, files over 1 MiB,
 * integers beyond 2^53 and params upstream cannot enqueue (dates, NaN/Infinity) are errors (PyYAML
 * keeps the last duplicate silently; json.dumps raises at enqueue time), and unknown keys, which
 * pydantic ignores, come back as warnings.
 */








const MAX_CAMPAIGN_BYTES = 1024 * 1024;
const LARGE_MATRIX_ITEMS = 1000;
function locate(contents, path) {
    let node = contents;
    let key = null;
    for (const segment of path) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && String(item.key.value) === String(segment));
            if (pair === undefined)
                break;
            key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key : null;
            node = pair.value ?? pair.key;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof segment === 'number') {
            const item = node.items[segment];
            if (item === undefined)
                break;
            key = null;
            node = item;
        }
        else {
            break;
        }
    }
    return { node: (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) ? node : null, key };
}
function positionOf(lineCounter, node) {
    const offset = node?.range?.[0];
    if (offset === undefined)
        return {};
    return lineCounter.linePos(offset);
}
function utf8Length(text) {
    return text.length * 3 <= MAX_CAMPAIGN_BYTES
        ? text.length
        : new TextEncoder().encode(text).length;
}
function yamlErrorProblem(text, lineCounter, error) {
    const position = lineCounter.linePos(error.pos[0]);
    switch (error.code) {
        case 'DUPLICATE_KEY': {
            const key = /^\s*("[^"\n]*"|'[^'\n]*'|[^:#\n]*?)\s*:/.exec(text.slice(error.pos[0]))?.[1];
            const shown = key !== undefined && key !== ''
                ? `duplicate key ${key.startsWith('"') ? key : `"${key}"`}`
                : 'duplicate key';
            return {
                ...position,
                message: `${shown}: each key may appear only once (the harness's PyYAML would silently keep the last value)`,
            };
        }
        case 'MULTIPLE_DOCS':
            return {
                ...position,
                message: 'more than one YAML document ("---"): a campaign file holds exactly one',
            };
        case 'RESOURCE_EXHAUSTION':
            return { ...position, message: 'YAML nesting is too deep to parse' };
        default:
            return { ...position, message: `YAML syntax error: ${error.message}` };
    }
}
/** Drops repeats and orders by position (problems without one last). */
function tidyProblems(problems) {
    const seen = new Set();
    const unique = problems.filter((problem) => {
        const key = `${problem.line}:${problem.col}:${problem.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const rank = (p) => p.line === undefined ? Number.MAX_SAFE_INTEGER : p.line * 1e6 + (p.col ?? 0);
    return unique.sort((a, b) => rank(a) - rank(b));
}
function warning(fileName, problem) {
    return { ...problem, formatted: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .formatProblem */ .Vw)(fileName, problem) };
}
/**
 * Parses and validates one campaign file. Throws `CampaignYamlError` listing every problem found
 * (YAML errors first; schema errors only when the YAML itself is sound).
 */
function parseCampaignYaml(text, fileName = '<campaign>') {
    const bytes = utf8Length(text);
    if (bytes > MAX_CAMPAIGN_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CampaignYamlError */ .Gj(fileName, [
            {
                message: `file is ${bytes} bytes; campaign files are limited to ${MAX_CAMPAIGN_BYTES} bytes (1 MiB)`,
            },
        ]);
    }
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { ..._pyyaml_js__WEBPACK_IMPORTED_MODULE_6__/* .YAML_OPTIONS */ .N, lineCounter });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CampaignYamlError */ .Gj(fileName, [
            { message: `YAML could not be parsed: ${errorText(error)}` },
        ]);
    }
    const problems = doc.errors.map((e) => yamlErrorProblem(text, lineCounter, e));
    const warnings = [];
    for (const w of doc.warnings) {
        const position = lineCounter.linePos(w.pos[0]);
        if (w.code === 'TAG_RESOLVE_FAILED') {
            const tag = /^!\S*/.exec(text.slice(w.pos[0]))?.[0] ?? 'tag';
            problems.push({
                ...position,
                message: `unsupported tag ${tag}: the harness loads campaigns with yaml.safe_load, which rejects it`,
            });
        }
        else {
            warnings.push(warning(fileName, { ...position, message: `YAML: ${w.message}` }));
        }
    }
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CampaignYamlError */ .Gj(fileName, tidyProblems(problems));
    let data;
    try {
        data = doc.toJS({ maxAliasCount: _pyyaml_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_ALIAS_COUNT */ .w });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CampaignYamlError */ .Gj(fileName, [loadErrorProblem(text, lineCounter, errorText(error))]);
    }
    if (data === null || data === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CampaignYamlError */ .Gj(fileName, [
            { message: 'the file holds no YAML content (expected a mapping with name, chaos_types, …)' },
        ]);
    }
    const placeNote = (note) => {
        const located = locate(doc.contents, note.path);
        const node = note.atKey === true ? (located.key ?? located.node) : located.node;
        return { ...positionOf(lineCounter, node), path: note.path, message: note.message };
    };
    const result = _schema_js__WEBPACK_IMPORTED_MODULE_7__/* .campaignConfigSchema */ .et.safeParse(data);
    if (!result.success) {
        const schemaProblems = result.error.issues.map((issue) => placeNote({
            path: issuePath(issue.path),
            message: `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .formatConfigPath */ .n2)(issuePath(issue.path))}: ${issue.message}`,
        }));
        // A misspelt key is often why a required one is "missing": show those hints with the errors.
        const hints = unknownKeyWarnings(data).map((note) => placeNote({ ...note, message: `note: ${note.message}` }));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CampaignYamlError */ .Gj(fileName, tidyProblems([...schemaProblems, ...hints]));
    }
    const config = result.data;
    const paramErrors = paramProblems(config);
    if (paramErrors.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CampaignYamlError */ .Gj(fileName, tidyProblems(paramErrors.map(placeNote)));
    }
    const notes = [
        ...unknownKeyWarnings(data),
        ...coercionWarnings(data, config),
        ...semanticWarnings(config),
    ];
    const placed = tidyProblems(notes.map(placeNote));
    return { config, warnings: [...warnings, ...placed.map((note) => warning(fileName, note))] };
}
/**
 * Params the harness cannot enqueue as written: `eval run campaign` stores them with
 * `json.dumps(...)::jsonb`, which raises on dates and writes NaN/Infinity that jsonb rejects, and
 * jsonb refuses `\u0000`. Ints beyond 2^53 are refused because this tool cannot keep them exactly
 * everywhere it passes them on.
 */
function paramProblems(config) {
    const notes = [];
    config.chaos_types.forEach((spec, index) => {
        for (const [key, value] of Object.entries(spec.params)) {
            const path = ['chaos_types', index, 'params', key];
            const problem = paramValueProblem(value);
            if (problem !== null)
                notes.push({ path, message: `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .formatConfigPath */ .n2)(path)}: ${problem}` });
        }
    });
    return notes;
}
function paramValueProblem(value) {
    if (value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_3__/* .PyBigInt */ .D3) {
        return `${String(value)} is beyond 2^53, which cannot be kept exactly here (expected an integer within ±9007199254740991, or a quoted string)`;
    }
    if (typeof value === 'string' && value.includes('\u0000')) {
        return 'a string with a NUL character, which PostgreSQL jsonb rejects when the harness enqueues it';
    }
    if (Array.isArray(value)) {
        for (const item of value) {
            const problem = paramValueProblem(item);
            if (problem !== null)
                return problem;
        }
        return null;
    }
    if (isRecord(value)) {
        for (const item of Object.values(value)) {
            const problem = paramValueProblem(item);
            if (problem !== null)
                return problem;
        }
        return null;
    }
    try {
        (0,_py_json_js__WEBPACK_IMPORTED_MODULE_3__/* .pyJsonDumps */ .dv)(value);
        return null;
    }
    catch (error) {
        if (!(error instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_3__/* .PyJsonDumpError */ .G_))
            throw error;
        return `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(value)} cannot be enqueued by the harness: ${error.message}`;
    }
}
function issuePath(path) {
    return path.filter((segment) => typeof segment !== 'symbol');
}
function loadErrorProblem(text, lineCounter, message) {
    if (/alias count/i.test(message)) {
        return {
            message: `aliases expand to too many nodes (limit ${_pyyaml_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_ALIAS_COUNT */ .w}): refusing a possible "billion laughs" alias bomb`,
        };
    }
    const anchor = /Unresolved alias[^:]*:\s*(\S+)/.exec(message)?.[1];
    if (anchor !== undefined) {
        const offset = text.indexOf(`*${anchor}`);
        return {
            ...(offset >= 0 ? lineCounter.linePos(offset) : {}),
            message: `alias *${anchor} has no anchor &${anchor} before it`,
        };
    }
    return { message: `YAML could not be loaded: ${message}` };
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}
function isRecord(value) {
    return (0,_py_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isPyDict */ .GZ)(value);
}
function unknownKeysIn(value, known, path) {
    if (!isRecord(value))
        return [];
    return Object.keys(value)
        .filter((key) => !known.includes(key))
        .map((key) => {
        const where = path.length === 0 ? 'at top level' : `at ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .formatConfigPath */ .n2)(path)}`;
        const suggestion = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .closest */ .kp)(key, known);
        const hint = suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : '';
        return {
            path: [...path, key],
            atKey: true,
            message: `unknown key ${JSON.stringify(key)} ${where} — ignored by the harness${hint}`,
        };
    });
}
function unknownKeyWarnings(data) {
    if (!isRecord(data))
        return [];
    const notes = unknownKeysIn(data, _schema_js__WEBPACK_IMPORTED_MODULE_7__/* .KNOWN_KEYS */ .B.campaign, []);
    if (Array.isArray(data.chaos_types)) {
        data.chaos_types.forEach((entry, index) => {
            notes.push(...unknownKeysIn(entry, _schema_js__WEBPACK_IMPORTED_MODULE_7__/* .KNOWN_KEYS */ .B.chaos, ['chaos_types', index]));
        });
    }
    notes.push(...unknownKeysIn(data.checker, _schema_js__WEBPACK_IMPORTED_MODULE_7__/* .KNOWN_KEYS */ .B.checker, ['checker']));
    notes.push(...unknownKeysIn(data.cloud, _schema_js__WEBPACK_IMPORTED_MODULE_7__/* .KNOWN_KEYS */ .B.cloud, ['cloud']));
    if (isRecord(data.cloud)) {
        notes.push(...unknownKeysIn(data.cloud.operator, _schema_js__WEBPACK_IMPORTED_MODULE_7__/* .KNOWN_KEYS */ .B.operator, ['cloud', 'operator']));
    }
    return notes;
}
function coercionNote(path, raw, parsed, kind) {
    if (raw === undefined || raw === null || typeof raw === kind)
        return [];
    if (kind === 'number' && raw instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_3__/* .PyFloat */ .g$)
        return [];
    return [
        {
            path,
            message: `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .formatConfigPath */ .n2)(path)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(raw)} is not a ${kind === 'number' ? 'number' : 'boolean'}; the harness coerces it to ${String(parsed)} (write ${String(parsed)})`,
        },
    ];
}
function coercionWarnings(data, config) {
    if (!isRecord(data))
        return [];
    const notes = [
        ...coercionNote(['trials_per_combination'], data.trials_per_combination, config.trials_per_combination, 'number'),
        ...coercionNote(['parallel'], data.parallel, config.parallel, 'number'),
        ...coercionNote(['cooldown_seconds'], data.cooldown_seconds, config.cooldown_seconds, 'number'),
        ...coercionNote(['include_baseline'], data.include_baseline, config.include_baseline, 'boolean'),
        ...coercionNote(['continuous'], data.continuous, config.continuous, 'boolean'),
    ];
    if (Array.isArray(data.chaos_types)) {
        data.chaos_types.forEach((entry, index) => {
            if (!isRecord(entry))
                return;
            const parsed = config.chaos_types[index]?.resolution_timeout;
            notes.push(...coercionNote(['chaos_types', index, 'resolution_timeout'], entry.resolution_timeout, parsed, 'number'));
        });
    }
    if (isRecord(data.cloud) && isRecord(data.cloud.operator) && config.cloud?.operator) {
        notes.push(...coercionNote(['cloud', 'operator', 'enabled'], data.cloud.operator.enabled, config.cloud.operator.enabled, 'boolean'));
    }
    return notes;
}
function semanticWarnings(config) {
    const notes = [];
    if (config.subjects.length === 0) {
        notes.push({
            path: ['subjects'],
            message: 'subjects: empty list — the campaign has no trials',
        });
    }
    const seenSubjects = new Set();
    config.subjects.forEach((subject, index) => {
        if (seenSubjects.has(subject)) {
            notes.push({
                path: ['subjects', index],
                message: `subjects[${index}]: "${subject}" is listed twice — upstream runs its trials twice`,
            });
        }
        seenSubjects.add(subject);
    });
    if (config.chaos_types.length === 0) {
        notes.push({
            path: ['chaos_types'],
            message: 'chaos_types: empty list — upstream accepts it, but the campaign has no chaos trials',
        });
    }
    const seenSpecs = new Map();
    config.chaos_types.forEach((spec, index) => {
        const key = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .dj)([spec.type, spec.params]);
        const first = seenSpecs.get(key);
        if (first !== undefined) {
            notes.push({
                path: ['chaos_types', index],
                message: `chaos_types[${index}] repeats chaos_types[${first}] (same type and params) — upstream runs both`,
            });
        }
        else {
            seenSpecs.set(key, index);
        }
        for (const subject of new Set(config.subjects)) {
            if (!(0,_chaos_types_js__WEBPACK_IMPORTED_MODULE_1__/* .subjectSupportsChaosType */ .NG)(subject, spec.type)) {
                notes.push({
                    path: ['chaos_types', index, 'type'],
                    message: `chaos_types[${index}].type: "${spec.type}" is not a chaos type of subject "${subject}" — those trials will fail at injection`,
                });
            }
        }
        if (spec.resolution_timeout !== null && spec.resolution_timeout <= 0) {
            notes.push({
                path: ['chaos_types', index, 'resolution_timeout'],
                message: `chaos_types[${index}].resolution_timeout: ${spec.resolution_timeout} seconds — upstream accepts it, but no trial can resolve in that time`,
            });
        }
    });
    if (config.checker !== null && !_schema_js__WEBPACK_IMPORTED_MODULE_7__/* .CHECKER_TYPES */ .Qu.includes(config.checker.type)) {
        notes.push({
            path: ['checker', 'type'],
            message: `checker.type: "${config.checker.type}" is neither "deterministic" nor "llm" — upstream does not validate it`,
        });
    }
    const items = (0,_matrix_js__WEBPACK_IMPORTED_MODULE_5__/* .matrixSize */ .H)(config);
    if (items > LARGE_MATRIX_ITEMS) {
        notes.push({
            path: ['trials_per_combination'],
            message: `the campaign expands to ${items} work items`,
        });
    }
    return notes;
}


/***/ }),

/***/ 766:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jH: () => (/* binding */ buildRetryCampaign),
  U_: () => (/* binding */ failingFromWorkItems),
  It: () => (/* binding */ retryCampaignName),
  wP: () => (/* binding */ retrySettings),
  X1: () => (/* binding */ retrySourceOf)
});

// EXTERNAL MODULE: ./lib/core/chaos-types.js
var chaos_types = __webpack_require__(9747);
// EXTERNAL MODULE: ./lib/core/grouping.js
var grouping = __webpack_require__(5414);
// EXTERNAL MODULE: ./lib/core/json.js
var json = __webpack_require__(3085);
// EXTERNAL MODULE: ./lib/core/py-json.js
var py_json = __webpack_require__(1867);
// EXTERNAL MODULE: ./lib/core/campaign/errors.js
var errors = __webpack_require__(6491);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/core/campaign/read.js
var campaign_read = __webpack_require__(5816);
// EXTERNAL MODULE: ./lib/core/campaign/pyyaml.js
var pyyaml = __webpack_require__(7120);
// EXTERNAL MODULE: ./lib/core/campaign/schema.js
var schema = __webpack_require__(3263);
;// CONCATENATED MODULE: ./lib/core/campaign/render.js
/** Campaign YAML text in the key order and layout of the upstream files. */






function renderableConfig(config) {
    const out = {
        name: config.name,
        subjects: [...config.subjects],
        chaos_types: config.chaos_types.map((spec) => {
            const entry = { type: spec.type };
            if (Object.keys(spec.params).length > 0)
                entry.params = spec.params;
            if (spec.resolution_timeout !== null)
                entry.resolution_timeout = spec.resolution_timeout;
            return entry;
        }),
        trials_per_combination: config.trials_per_combination,
        parallel: config.parallel,
        cooldown_seconds: config.cooldown_seconds,
        include_baseline: config.include_baseline,
    };
    if (config.variant !== schema/* DEFAULT_VARIANT */.um)
        out.variant = config.variant;
    if (config.continuous)
        out.continuous = true;
    if (config.checker !== null) {
        out.checker = {
            type: config.checker.type,
            ...(config.checker.model !== null ? { model: config.checker.model } : {}),
        };
    }
    if (config.cloud !== null) {
        const cloud = { provider: config.cloud.provider };
        if (config.cloud.project !== null)
            cloud.project = config.cloud.project;
        if (config.cloud.zone !== schema/* DEFAULT_CLOUD_ZONE */.TK)
            cloud.zone = config.cloud.zone;
        if (config.cloud.machine_type !== schema/* DEFAULT_CLOUD_MACHINE_TYPE */.lX)
            cloud.machine_type = config.cloud.machine_type;
        if (config.cloud.database_url !== null)
            cloud.database_url = config.cloud.database_url;
        if (config.cloud.operator !== null) {
            // An empty image is upstream's default: the harness derives it from GCP_PROJECT.
            cloud.operator = {
                enabled: config.cloud.operator.enabled,
                ...(config.cloud.operator.image ? { image: config.cloud.operator.image } : {}),
            };
        }
        out.cloud = cloud;
    }
    return out;
}
// Plain scalars that some YAML reader (PyYAML, YAML 1.1 or 1.2 core) would not read as a string.
// PyYAML reads e.g. `1e3`, `09` and `y` as strings, but other tools and people do not.
const NON_STRING_PLAIN = [
    /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    /^(?:~|null|Null|NULL|)$/,
    /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/,
    /^[-+]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
    /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/,
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
];
function looksLikeNonString(value) {
    return NON_STRING_PLAIN.some((pattern) => pattern.test(value));
}
const BLANK_LINE_BEFORE = new Set(['chaos_types', 'trials_per_combination', 'checker', 'cloud']);
/** YAML text in the key order and layout of the upstream files (no validation: see `writeCampaign`). */
function renderCampaignYaml(config, headerComment) {
    // No aliases: the same params object in two entries is written out twice, as upstream's files do.
    const doc = new dist/* Document */.yo(renderableConfig(config), {
        ...pyyaml/* YAML_OPTIONS */.N,
        aliasDuplicateObjects: false,
    });
    (0,dist/* visit */.YR)(doc, {
        Scalar(_key, node) {
            if (typeof node.value === 'string' && looksLikeNonString(node.value)) {
                node.type = 'QUOTE_DOUBLE';
            }
        },
    });
    if ((0,dist/* isMap */.jh)(doc.contents)) {
        for (const pair of doc.contents.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
            if (key === 'subjects' && (0,dist/* isSeq */.oP)(pair.value))
                pair.value.flow = true;
            if (BLANK_LINE_BEFORE.has(key) && (0,dist/* isScalar */.jn)(pair.key))
                pair.key.spaceBefore = true;
        }
    }
    const header = headerComment === undefined || headerComment === ''
        ? ''
        : `${headerComment
            .split(/\r?\n|\r/)
            .map((line) => (line === '' ? '#' : `# ${line}`))
            .join('\n')}\n`;
    return header + doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}
/**
 * Renders a config and reads the text back the way the harness will — the one validation of a
 * generated campaign. Throws CampaignYamlError when upstream would reject it, and an internal
 * error if the text reads back as anything but the config given.
 */
function writeCampaign(config, headerComment, fileName) {
    const yaml = renderCampaignYaml(config, headerComment);
    const read = (0,campaign_read/* parseCampaignYaml */.LR)(yaml, fileName).config;
    const difference = firstDifference(read, config, []);
    if (difference !== null) {
        throw new Error(`internal error: rendered YAML for campaign ${JSON.stringify(config.name)} reads back differently at ${(0,errors/* formatConfigPath */.n2)(difference)}`);
    }
    return { yaml, config: read };
}
/** Path of the first difference between two plain JSON-like values, or null when equal. */
function firstDifference(a, b, path) {
    if (Object.is(a, b))
        return null;
    if (a instanceof Date && b instanceof Date)
        return a.getTime() === b.getTime() ? null : path;
    if ((a instanceof py_json/* PyFloat */.g$ && b instanceof py_json/* PyFloat */.g$) ||
        (a instanceof py_json/* PyBigInt */.D3 && b instanceof py_json/* PyBigInt */.D3)) {
        return Object.is(a.value, b.value) ? null : path;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length)
            return path;
        for (let i = 0; i < a.length; i += 1) {
            const found = firstDifference(a[i], b[i], [...path, i]);
            if (found !== null)
                return found;
        }
        return null;
    }
    if ((0,campaign_read/* isRecord */.u4)(a) && (0,campaign_read/* isRecord */.u4)(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const key of keys) {
            if (!(key in a) || !(key in b))
                return [...path, key];
            const found = firstDifference(a[key], b[key], [...path, key]);
            if (found !== null)
                return found;
        }
        return null;
    }
    return path;
}

;// CONCATENATED MODULE: ./lib/core/campaign/retry.js
/**
 * The one builder of targeted retry campaigns, used by analyze (issue, --write-retry, PR), retry,
 * finalize and the demo: from the failing combinations of a campaign (subject, chaos type, params
 * exactly as stored, resolution timeout of the source work items) and the retry settings, the
 * campaign file and the config the harness reads back from it.
 */







const MAX_SERIES_LENGTH = 80;
/**
 * Deterministic retry campaign name `<series>-retry-<campaignId>`. The series is slugged to
 * [a-z0-9-] and a previous `-retry-<id>` suffix is dropped, so retries of retries do not nest.
 */
function retryCampaignName(seriesName, campaignId) {
    const id = String(campaignId);
    if (!/^[1-9][0-9]{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) {
        throw new RangeError(`campaign id must be a positive integer, got ${JSON.stringify(id)}`);
    }
    const slug = seriesName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .replace(/(?:-retry-[0-9]+)+$/, '');
    const series = slug.slice(0, MAX_SERIES_LENGTH).replace(/-+$/, '') || 'campaign';
    return `${series}-retry-${id}`;
}
/**
 * Builds the retry campaign: subjects that had failures (in source order), one chaos entry per
 * distinct failing (type, params) with its resolution timeout, the source's variant, the retry
 * settings. Validated once, by reading the rendered text back as the harness does; throws
 * CampaignYamlError when upstream would reject it or a param cannot round-trip.
 */
function buildRetryCampaign(source, settings, headerLines) {
    const name = retryCampaignName(source.campaignName, source.campaignId);
    const problems = [];
    if (source.failing.length === 0) {
        problems.push({
            path: ['chaos_types'],
            message: 'chaos_types: a retry campaign needs at least one failing combination',
        });
    }
    const subjects = [];
    const entries = new Map();
    const failed = new Set();
    for (const combo of source.failing) {
        if (!subjects.includes(combo.subject))
            subjects.push(combo.subject);
        const key = (0,json/* canonicalJson */.dj)([combo.chaos_type, combo.params]);
        failed.add(`${combo.subject}|${key}`);
        const entry = entries.get(key);
        if (!entry) {
            entries.set(key, {
                type: combo.chaos_type,
                params: cloneParams(combo.params),
                timeout: combo.resolution_timeout,
            });
        }
        else if (combo.resolution_timeout !== null) {
            // The same entry ran with different timeouts on different rows: never give it less time.
            entry.timeout = Math.max(entry.timeout ?? 0, combo.resolution_timeout);
        }
        if (!(0,chaos_types/* isChaosType */.t7)(combo.chaos_type)) {
            problems.push({
                path: ['chaos_types'],
                message: `chaos_types: ${JSON.stringify(combo.chaos_type)} is not a chaos type upstream's campaign files accept`,
            });
        }
    }
    if (problems.length > 0)
        throw new errors/* CampaignYamlError */.Gj(JSON.stringify(name), problems, 'retry campaign');
    const extra = [];
    for (const subject of subjects) {
        for (const [key, entry] of entries) {
            if (!failed.has(`${subject}|${key}`)) {
                extra.push({ subject, chaos_type: entry.type, params: entry.params });
            }
        }
    }
    const config = {
        name,
        subjects: subjects,
        chaos_types: [...entries.values()].map((entry) => ({
            type: entry.type,
            params: entry.params,
            resolution_timeout: entry.timeout,
        })),
        trials_per_combination: settings.trialsPerCombination,
        parallel: settings.parallel,
        cooldown_seconds: settings.cooldownSeconds,
        include_baseline: settings.includeBaseline,
        variant: source.variant || schema/* DEFAULT_VARIANT */.um,
        continuous: false,
        checker: null,
        cloud: {
            provider: 'gcp',
            project: null,
            zone: schema/* DEFAULT_CLOUD_ZONE */.TK,
            machine_type: schema/* DEFAULT_CLOUD_MACHINE_TYPE */.lX,
            database_url: null,
            operator: { enabled: true, image: settings.operatorImage },
        },
    };
    const header = [...headerLines];
    if (extra.length > 0)
        header.push(...extraNote(extra));
    const written = writeCampaign(config, header.join('\n'), `${name}.yaml`);
    return { name, yaml: written.yaml, config: written.config, extra };
}
function extraNote(extra) {
    return [
        `Not exact: upstream runs every subject with every entry, so this also reruns ${extra.length} combination(s) that did not fail:`,
        ...extra.map((e) => `  ${e.subject} ${describeParams(e.chaos_type, e.params)}`),
    ];
}
function describeParams(chaosType, params) {
    const entries = Object.entries(params);
    if (entries.length === 0)
        return chaosType;
    return `${chaosType} (${entries.map(([k, v]) => `${k}=${typeof v === 'string' ? v : String(v)}`).join(', ')})`;
}
/** A deep copy that keeps PyFloat / PyBigInt (structuredClone would turn them into plain objects). */
function cloneParams(value) {
    if (value instanceof py_json/* PyFloat */.g$ || value instanceof py_json/* PyBigInt */.D3)
        return value;
    if (Array.isArray(value))
        return value.map(cloneParams);
    if ((0,py_json/* isPyDict */.GZ)(value)) {
        const out = {};
        for (const key of Object.keys(value)) {
            Object.defineProperty(out, key, {
                value: cloneParams(value[key]),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        return out;
    }
    return value;
}
/** The retry settings of the project config (`retry:`), with the operator image chosen. */
function retrySettings(retry, operatorImage, trialsPerCombination = retry.trialsPerCombination) {
    return {
        trialsPerCombination,
        parallel: retry.parallel,
        cooldownSeconds: retry.cooldownSeconds,
        includeBaseline: retry.includeBaseline,
        operatorImage: operatorImage ?? '',
    };
}
/** The retry source of an analysis: its campaign and failing combinations. */
function retrySourceOf(analysis) {
    return {
        campaignId: analysis.campaign.id,
        campaignName: analysis.campaign.name,
        variant: analysis.campaign.variant,
        failing: analysis.failing,
    };
}
/**
 * The exact failing combinations behind recorded ones, from the source campaign's work items:
 * params as stored, each subject that ran them, and their resolution timeout. A recorded
 * combination no work item matches is kept as recorded (campaign subject, default timeout).
 */
function failingFromWorkItems(recorded, items, campaignSubject) {
    const found = new Map();
    for (const wanted of recorded) {
        const wantedKey = looseKey(wanted.chaos_type, wanted.params);
        let matched = false;
        for (const item of items) {
            if (item.baseline)
                continue;
            const combination = (0,grouping/* workItemCombination */.un)(item);
            if (looseKey(combination.chaosType, combination.params) !== wantedKey)
                continue;
            if (wanted.subject !== undefined && wanted.subject !== combination.subject)
                continue;
            matched = true;
            const key = `${combination.subject}|${(0,json/* canonicalJson */.dj)([combination.chaosType, combination.params])}`;
            const existing = found.get(key);
            if (!existing) {
                found.set(key, {
                    subject: combination.subject,
                    chaos_type: combination.chaosType,
                    params: combination.params,
                    resolution_timeout: item.resolutionTimeout,
                });
            }
            else if (item.resolutionTimeout !== null &&
                (existing.resolution_timeout ?? -Infinity) < item.resolutionTimeout) {
                existing.resolution_timeout = item.resolutionTimeout;
            }
        }
        if (!matched) {
            const subject = wanted.subject ?? campaignSubject;
            found.set(`${subject}|${(0,json/* canonicalJson */.dj)([wanted.chaos_type, wanted.params])}`, {
                subject,
                chaos_type: wanted.chaos_type,
                params: wanted.params,
                resolution_timeout: null,
            });
        }
    }
    return [...found.values()];
}
/** Params compared as JSON numbers, so a recorded `50` finds the stored `50.0`. */
function looseKey(chaosType, params) {
    return (0,json/* canonicalJson */.dj)([chaosType, JSON.parse(JSON.stringify(params))]);
}


/***/ }),

/***/ 3263:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ KNOWN_KEYS),
/* harmony export */   Qu: () => (/* binding */ CHECKER_TYPES),
/* harmony export */   TK: () => (/* binding */ DEFAULT_CLOUD_ZONE),
/* harmony export */   et: () => (/* binding */ campaignConfigSchema),
/* harmony export */   lX: () => (/* binding */ DEFAULT_CLOUD_MACHINE_TYPE),
/* harmony export */   um: () => (/* binding */ DEFAULT_VARIANT)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8816);
/* harmony import */ var _chaos_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9747);
/* harmony import */ var _py_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1867);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6491);
/**
 * The campaign YAML schema of the upstream eval harness (`eval/src/eval/runner/campaign.py`
 * @ c766b4b) in pydantic's lax mode. The config keeps upstream's snake_case field names: it mirrors
 * the pydantic models field for field, so schema paths are YAML paths.
 */




const DEFAULT_VARIANT = 'default';
const DEFAULT_CLOUD_ZONE = 'us-central1-a';
const DEFAULT_CLOUD_MACHINE_TYPE = 'e2-standard-4';
const CHECKER_TYPES = ['deterministic', 'llm'];
/** zod error callback: "missing (expected X)" or "expected X, got Y". */
function expected(form, numeric = false) {
    return (issue) => issue.input === undefined
        ? `missing (expected ${form})`
        : `expected ${form}, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(issue.input)}${numeric ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .pyyamlStringHint */ .nJ)(issue.input) : ''}`;
}
/** pydantic lax `int`: bools, integral floats and integer strings ("3", " 3 ", "1_0", "3.0"). */
function coerceLaxInt(value) {
    if (value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyFloat */ .g$)
        return value.value;
    if (typeof value === 'boolean')
        return value ? 1 : 0;
    if (typeof value === 'string') {
        const match = /^\s*([+-]?\d+(?:_\d+)*)(?:\.0*)?\s*$/.exec(value);
        if (match?.[1] !== undefined)
            return Number(match[1].replace(/_/g, ''));
    }
    return value;
}
const LAX_TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const LAX_FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no']);
/** pydantic lax `bool`: 0/1 numbers and the strings yes/no/on/off/true/false/t/f/y/n/1/0. */
function coerceLaxBool(value) {
    if (value instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyFloat */ .g$)
        return value.value;
    if (value === 0 || value === 1)
        return value === 1;
    if (typeof value === 'string') {
        const lower = value.toLowerCase();
        if (LAX_TRUE.has(lower))
            return true;
        if (LAX_FALSE.has(lower))
            return false;
    }
    return value;
}
function laxInt(form, min, max) {
    const error = expected(form, true);
    let schema = zod__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr({ error });
    if (min !== undefined)
        schema = schema.min(min, { error });
    if (max !== undefined)
        schema = schema.max(max, { error });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .preprocess */ .vkY(coerceLaxInt, schema);
}
function laxBool() {
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .preprocess */ .vkY(coerceLaxBool, zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY({ error: expected('true or false') }));
}
const str = (form = 'a string') => zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP({ error: expected(form) });
const chaosTypeSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP({ error: expected('a chaos type name') })
    .refine(_chaos_types_js__WEBPACK_IMPORTED_MODULE_0__/* .isChaosType */ .t7, { error: (issue) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .unknownChaosTypeMessage */ .gq)(issue.input) })
    .transform((value) => value);
const chaosSpecSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    type: chaosTypeSchema,
    params: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J(), { error: expected('a mapping of parameters') })
        .default(() => ({})),
    resolution_timeout: laxInt('an integer number of seconds or null').nullable().default(null),
}, { error: expected('a mapping with a "type" key') });
const operatorConfigSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    enabled: laxBool().default(false),
    image: str('an image reference string').default(''),
}, { error: expected('a mapping (enabled, image) or null') });
const cloudConfigSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    provider: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('gcp', { error: expected('"gcp" (the only provider upstream accepts)') })
        .default('gcp'),
    project: str().nullable().default(null),
    zone: str().default(DEFAULT_CLOUD_ZONE),
    machine_type: str().default(DEFAULT_CLOUD_MACHINE_TYPE),
    database_url: str().nullable().default(null),
    operator: operatorConfigSchema.nullable().default(null),
}, { error: expected('a mapping (provider, operator, …) or null') });
const checkerConfigSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    type: str('"deterministic" or "llm"').default('deterministic'),
    model: str().nullable().default(null),
}, { error: expected('a mapping (type, model) or null') });
const campaignConfigSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    name: str(),
    subjects: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(_chaos_types_js__WEBPACK_IMPORTED_MODULE_0__/* .SUBJECTS */ .u0, { error: expected(`one of ${_chaos_types_js__WEBPACK_IMPORTED_MODULE_0__/* .SUBJECTS */ .u0.join(', ')}`) }), {
        error: expected('a list of subjects, e.g. [tikv]'),
    })
        .default(() => ['tikv']),
    chaos_types: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(chaosSpecSchema, {
        error: expected('a list of chaos entries (- type: node_kill)'),
    }),
    trials_per_combination: laxInt('an integer ≥ 1', 1).default(1),
    parallel: laxInt('an integer from 1 to 10', 1, 10).default(1),
    cooldown_seconds: laxInt('an integer ≥ 0', 0).default(0),
    include_baseline: laxBool().default(false),
    variant: str().default(DEFAULT_VARIANT),
    continuous: laxBool().default(false),
    checker: checkerConfigSchema.nullable().default(null),
    cloud: cloudConfigSchema.nullable().default(null),
}, { error: expected('a mapping of campaign settings (name, subjects, chaos_types, …)') })
    .superRefine((config, ctx) => {
    // Upstream's model_validator(mode="after"): only runs once every field is valid.
    if (!config.continuous)
        return;
    if (config.parallel > 1) {
        ctx.addIssue({
            code: 'custom',
            path: ['parallel'],
            input: config.parallel,
            message: `continuous=true requires parallel=1 (trials must run on the same instance), got ${config.parallel}`,
        });
    }
    if (config.include_baseline) {
        ctx.addIssue({
            code: 'custom',
            path: ['include_baseline'],
            input: true,
            message: 'continuous=true is incompatible with include_baseline=true',
        });
    }
});
const KNOWN_KEYS = {
    campaign: Object.keys(campaignConfigSchema.shape),
    chaos: Object.keys(chaosSpecSchema.shape),
    cloud: Object.keys(cloudConfigSchema.shape),
    operator: Object.keys(operatorConfigSchema.shape),
    checker: Object.keys(checkerConfigSchema.shape),
};


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


/***/ }),

/***/ 8251:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wj: () => (/* binding */ closeComment),
  In: () => (/* binding */ decideDiagnosisAction),
  H$: () => (/* binding */ diagnosisIssueTitle),
  IN: () => (/* binding */ diagnosisMarker),
  j8: () => (/* binding */ duplicateComment),
  q3: () => (/* binding */ hasDiagnosisMarker),
  kS: () => (/* binding */ nextDiagnosisState),
  NJ: () => (/* binding */ readDiagnosisState),
  hi: () => (/* binding */ renderDiagnosisIssueBody),
  tU: () => (/* binding */ reopenComment),
  Vj: () => (/* binding */ verdictOf),
  kh: () => (/* binding */ withRevision)
});

// UNUSED EXPORTS: MAX_ITERATIONS, renderIterationHistory, serializeDiagnosisState

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
// EXTERNAL MODULE: ./lib/core/grouping.js
var grouping = __webpack_require__(5414);
// EXTERNAL MODULE: ./lib/core/campaign/retry.js + 1 modules
var campaign_retry = __webpack_require__(766);
// EXTERNAL MODULE: ./lib/core/markdown/index.js + 4 modules
var markdown = __webpack_require__(1280);
;// CONCATENATED MODULE: ./lib/core/handoff.js
/**
 * "For a coding agent": the last section of the diagnosis issue, written so that an agent (or a
 * person) can act on it without rewriting it: the problem, the evidence, the files to change, what
 * must not regress, how to verify locally, and how to hand the fix back to the loop (`Fixes #N`).
 * Pure.
 */




const HANDOFF_HEADING = '## For a coding agent';
const MAX_EVIDENCE = 8;
const MAX_TRIALS_PER_LINE = 5;
function renderHandoff(analysis, options) {
    if (analysis.failing.length === 0 || analysis.trials === 0)
        return '';
    const files = filesToChange(analysis);
    return (0,markdown/* joinBlocks */.x9)(options.mention
        ? `${HANDOFF_HEADING}\n\n${options.mention} please take this on.`
        : HANDOFF_HEADING, `**Problem.** ${problem(analysis)}`, (0,markdown/* bulletList */.fF)('**Evidence.**', evidence(analysis)), (0,markdown/* bulletList */.fF)('**Files to change.**', files.map(markdown/* codeSpan */.SS)), (0,markdown/* bulletList */.fF)('**Constraints.**', constraints(analysis)), `**Verify locally.**\n\n${verification(analysis, files, options)}`, `**Hand it back.** Open a PR whose description says ${(0,markdown/* codeSpan */.SS)(`Fixes #${options.issueNumber ?? 'N'}`)}${options.issueNumber ? '' : ' (N: this issue)'}: merging it rebuilds the changed images, runs the targeted retry of the failing combinations and reports the result on the PR and here.`);
}
function problem(a) {
    const failing = a.failing.map((f) => (0,markdown/* codeSpan */.SS)(describe(f)));
    const shown = failing.slice(0, 6).join(', ') + (failing.length > 6 ? ` and ${failing.length - 6} more` : '');
    const lead = a.findings[0];
    // Causes are Markdown written by the project; a line break in one must not end the paragraph.
    const cause = lead
        ? ` The largest finding is ${(0,markdown/* codeSpan */.SS)(lead.symptom)} on ${(0,markdown/* codeSpan */.SS)(describe(lead))}: ${lead.likely_cause.replace(/\s*\n\s*/g, ' ')}`
        : '';
    const coverage = (a.invariant_coverage ?? []).filter((c) => c.verdict !== 'covered');
    const invariants = coverage.length
        ? ` ${coverage.length} failing combination(s) have no invariant able to fire (${coverage.map((c) => `${(0,markdown/* codeSpan */.SS)(describe(c))} ${c.verdict}`).join(', ')}).`
        : '';
    const campaign = `${(0,markdown/* codeSpan */.SS)(a.campaign.name)}, subject ${(0,markdown/* plainText */.wh)(a.campaign.subject)}, commit ${(0,markdown/* codeSpan */.SS)(a.campaign.git_commit.slice(0, 12) || 'unknown')}`;
    return `Campaign ${a.campaign.id} (${campaign}) scored ${pct(a.win_rate)} against a ${pct(a.target_win_rate)} target; ${a.failing.length} combination(s) miss it: ${shown}.${cause}${invariants}`;
}
function evidence(a) {
    const coverage = new Map((a.invariant_coverage ?? []).map((c) => [describe(c), c]));
    const flaky = new Set((a.flaky ?? []).filter((f) => f.flaky).map((f) => describe(f)));
    const lines = a.findings.slice(0, MAX_EVIDENCE).map((f) => {
        const where = describe(f);
        const ids = f.trial_ids.length ? f.trial_ids : f.work_ids;
        const what = f.trial_ids.length ? 'trials' : 'work items';
        const list = ids.slice(0, MAX_TRIALS_PER_LINE).join(', ') +
            (ids.length > MAX_TRIALS_PER_LINE ? ', …' : '');
        const inv = coverage.get(where);
        const invText = inv
            ? ` Invariants: **${inv.verdict}**${inv.invariants.length ? ` (${inv.invariants.map((i) => `${(0,markdown/* codeSpan */.SS)(i.name)} at ${(0,markdown/* codeSpan */.SS)(`${i.file}:${i.line}`)}`).join(', ')})` : ''}.`
            : '';
        const flakyText = flaky.has(where) ? ' Flaky across past campaigns.' : '';
        return `${(0,markdown/* codeSpan */.SS)(f.symptom)} on ${(0,markdown/* codeSpan */.SS)(where)} (${f.kind}), ${what} ${list}: ${f.likely_cause}${invText}${flakyText}`;
    });
    if (a.findings.length > MAX_EVIDENCE)
        lines.push(`…and ${a.findings.length - MAX_EVIDENCE} more findings above.`);
    lines.push('Per-trial timings, commands and log lines are in the findings above; `uv run eval show --trial <id> --remote` prints one trial.');
    return lines;
}
/** Fix locations of the findings, plus the invariant files behind missing or insensitive verdicts. */
function filesToChange(a) {
    const files = new Set();
    for (const c of a.invariant_coverage ?? []) {
        if (c.verdict === 'covered')
            continue;
        for (const i of c.invariants)
            files.add(`${i.file}:${i.line} (${i.name})`);
    }
    for (const f of a.findings)
        for (const location of f.fix_locations)
            files.add(location);
    return [...files];
}
function constraints(a) {
    const passing = a.by_chaos_type
        .filter((c) => !c.baseline && c.meets_target)
        .map((c) => (0,markdown/* codeSpan */.SS)(describe(c)));
    const flaky = (a.flaky ?? []).filter((f) => f.flaky).map((f) => (0,markdown/* codeSpan */.SS)(describe(f)));
    const lines = [
        passing.length
            ? `These combinations pass today and must not regress: ${passing.join(', ')}.`
            : 'No combination passes today; do not trade one failure for another.',
        'Keep the harness contract: scoring (`eval/src/eval/analysis/scoring.py`), the database schema and the campaign YAML format stay as they are.',
        'Fix the cause, not the measurement: do not lower the target, drop a chaos type from the campaign, or loosen the final-state check.',
    ];
    if (flaky.length)
        lines.push(`Flaky across past campaigns (a single pass proves little): ${flaky.join(', ')}.`);
    return lines;
}
function verification(a, files, options) {
    const paths = files.map((f) => f.split(/[\s:]/)[0]).filter(Boolean);
    const suites = options.testSuites.filter((suite) => {
        const match = picomatch(suite.triggers, { dot: true });
        return paths.some((p) => match(p) || match(`${p.replace(/\/$/, '')}/x`));
    });
    const commands = (suites.length ? suites : options.testSuites).map((s) => s.command);
    const retry = options.retryCampaignPath ??
        `eval/campaigns/debug/${(0,campaign_retry/* retryCampaignName */.It)(a.campaign.name, a.campaign.id)}.yaml`;
    return (0,markdown/* codeBlock */.DV)([
        ...commands,
        `# then the targeted retry (the YAML above), and compare:`,
        // Two lines: one would be wider than GitHub's content box for a long campaign name.
        'cd eval',
        `uv run eval run campaign ${retry.replace(/^eval\//, '')} \\`,
        '  --cloud=gcp --parallel 3',
        'uv run eval wait <new campaign id> --remote',
    ].join('\n'), 'sh');
}
function describe(c) {
    return (0,grouping/* describeCombination */.jU)({ chaosType: c.chaos_type, params: c.params });
}
function pct(rate) {
    return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./lib/core/render-diagnosis.js
var render_diagnosis = __webpack_require__(4063);
;// CONCATENATED MODULE: ./lib/core/diagnosis-state.js
/**
 * The diagnosis issue of a campaign series, as data: the hidden marker that identifies it, the
 * machine-readable state block later runs (and other commands) read back, the iteration-history
 * table, the issue body, and the decision of what one analysis does to the issue. Pure: no I/O.
 */





const STATE_VERSION = 1;
/** Iterations kept in the state block and the history table (oldest dropped first). */
const MAX_ITERATIONS = 25;
/** Failing combinations named per iteration; the rest are counted. */
const MAX_FAILING_NAMED = 8;
const MARKER_PREFIX = '<!-- iterate-campaign:diagnosis series=';
const STATE_OPEN = '<!-- iterate-campaign:state';
const STATE_CLOSE = '-->';
// ── marker ─────────────────────────────────────────────────────────────────────────────────────
/** `<!-- iterate-campaign:diagnosis series=tikv-all-chaos-cloud -->`; the series is URI-encoded. */
function diagnosisMarker(series) {
    return `${MARKER_PREFIX}${encodeURIComponent(series)} -->`;
}
/** True when the body carries this series' marker on a line of its own. */
function hasDiagnosisMarker(body, series) {
    if (!body)
        return false;
    const marker = diagnosisMarker(series);
    return body.split(/\r?\n/).some((line) => line.trim() === marker);
}
/** Marker of a comment the bot writes once per event (close, reopen, duplicate). */
function eventMarker(event, key) {
    return `<!-- iterate-campaign:${event} ${encodeURIComponent(String(key))} -->`;
}
// ── state block ────────────────────────────────────────────────────────────────────────────────
const combinationSchema = schemas/* object */.Ikc({
    /** Absent in states written before multi-subject retries. */
    subject: schemas/* string */.YjP().optional(),
    chaos_type: schemas/* string */.YjP(),
    params: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
});
const iterationSchema = schemas/* object */.Ikc({
    campaign_id: schemas/* number */.aig().int().positive(),
    /** When the campaign was created (ISO 8601), not when it was analyzed: re-runs stay identical. */
    date: schemas/* string */.YjP(),
    win_rate: schemas/* number */.aig().min(0).max(1),
    target_win_rate: schemas/* number */.aig().gt(0).max(1),
    meets_target: schemas/* boolean */.zMY(),
    trials: schemas/* number */.aig().int().min(0),
    failing: schemas/* array */.YOg(schemas/* string */.YjP()),
    failing_count: schemas/* number */.aig().int().min(0),
    /** The workflow run that first recorded this iteration. */
    run_url: schemas/* url */.OZ5().optional(),
});
const stateSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(STATE_VERSION),
    series: schemas/* string */.YjP().min(1),
    revision: schemas/* number */.aig().int().min(0),
    target_win_rate: schemas/* number */.aig().gt(0).max(1),
    latest_campaign_id: schemas/* number */.aig().int().positive(),
    campaign_ids: schemas/* array */.YOg(schemas/* number */.aig().int().positive()),
    failing: schemas/* array */.YOg(combinationSchema),
    iterations: schemas/* array */.YOg(iterationSchema).min(1).max(MAX_ITERATIONS),
})
    .strict()
    .superRefine((state, ctx) => {
    const ids = state.iterations.map((i) => i.campaign_id);
    if (ids.join() !== state.campaign_ids.join()) {
        ctx.addIssue({ code: 'custom', message: 'campaign_ids must list the iterations in order' });
    }
    if (ids.some((id, index) => index > 0 && id <= ids[index - 1])) {
        ctx.addIssue({ code: 'custom', message: 'iterations must be in ascending campaign order' });
    }
    if (ids.at(-1) !== state.latest_campaign_id) {
        ctx.addIssue({ code: 'custom', message: 'latest_campaign_id must be the last iteration' });
    }
});
/**
 * The state block as a hidden HTML comment. `<`, `>` and `&` are written as JSON unicode escapes so
 * no string inside (a chaos type, a series name) can end the comment early.
 */
function serializeDiagnosisState(state) {
    const json = JSON.stringify(stateSchema.parse(state))
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026');
    return `${STATE_OPEN}\n${json}\n${STATE_CLOSE}`;
}
/** Reads the state block back from an issue body, validating it (for `series` when given). */
function readDiagnosisState(body, series) {
    const text = body ?? '';
    const start = text.indexOf(`${STATE_OPEN}\n`);
    if (start < 0)
        return { kind: 'absent' };
    const jsonStart = start + STATE_OPEN.length + 1;
    const end = text.indexOf(`\n${STATE_CLOSE}`, jsonStart);
    if (end < 0)
        return { kind: 'invalid', reason: 'the state block is not terminated' };
    let raw;
    try {
        raw = JSON.parse(text.slice(jsonStart, end));
    }
    catch (error) {
        return { kind: 'invalid', reason: `the state block is not JSON (${error.message})` };
    }
    const parsed = stateSchema.safeParse(raw);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'state'}: ${i.message}`);
        return { kind: 'invalid', reason: problems.join('; ') };
    }
    if (series !== undefined && parsed.data.series !== series) {
        return { kind: 'invalid', reason: `the state belongs to series '${parsed.data.series}'` };
    }
    return { kind: 'ok', state: parsed.data };
}
// ── state transitions ──────────────────────────────────────────────────────────────────────────
/** What one analysis adds to the history. */
function iterationOf(analysis, runUrl) {
    const failing = analysis.failing.map((combo) => (0,grouping/* describeCombination */.jU)({
        subject: combo.subject,
        chaosType: combo.chaos_type,
        params: combo.params,
    }));
    return {
        campaign_id: analysis.campaign.id,
        date: analysis.campaign.created_at,
        win_rate: roundRate(analysis.win_rate),
        target_win_rate: analysis.target_win_rate,
        meets_target: analysis.meets_target,
        trials: analysis.trials,
        failing: failing.slice(0, MAX_FAILING_NAMED),
        failing_count: failing.length,
        ...(runUrl ? { run_url: runUrl } : {}),
    };
}
/**
 * The state after recording `analysis`. The campaign's iteration replaces an earlier record of the
 * same campaign (keeping the run that first recorded it), iterations stay in campaign order and the
 * oldest are dropped past MAX_ITERATIONS. `revision` is unchanged: bump it only when writing.
 */
function nextDiagnosisState(previous, analysis, runUrl) {
    const earlier = previous?.iterations.find((i) => i.campaign_id === analysis.campaign.id);
    const iteration = iterationOf(analysis, earlier?.run_url ?? runUrl);
    const others = (previous?.iterations ?? []).filter((i) => i.campaign_id !== iteration.campaign_id);
    const iterations = [...others, iteration]
        .sort((a, b) => a.campaign_id - b.campaign_id)
        .slice(-MAX_ITERATIONS);
    const latest = iterations.at(-1);
    const latestIsThis = latest.campaign_id === analysis.campaign.id;
    return {
        version: STATE_VERSION,
        series: analysis.campaign.name,
        revision: previous?.revision ?? 0,
        target_win_rate: latestIsThis ? analysis.target_win_rate : previous.target_win_rate,
        latest_campaign_id: latest.campaign_id,
        campaign_ids: iterations.map((i) => i.campaign_id),
        failing: latestIsThis
            ? analysis.failing.map((f) => ({
                subject: f.subject,
                chaos_type: f.chaos_type,
                params: f.params,
            }))
            : previous.failing,
        iterations,
    };
}
function withRevision(state, revision) {
    return { ...state, revision };
}
function roundRate(rate) {
    return Math.round(rate * 10_000) / 10_000;
}
function verdictOf(analysis) {
    return {
        campaignId: analysis.campaign.id,
        meetsTarget: analysis.meets_target,
        finished: analysis.finished,
        scorable: analysis.trials > 0 || analysis.broken_work_items.length > 0,
    };
}
/**
 * What one analysis does to the series' issue. Runs are ordered by campaign id: an older campaign
 * never overwrites, closes or reopens what a newer one wrote. No issue and the target met: nothing
 * (no noise). Open: update while the target is missed, close once it is met. Closed: record a
 * passing campaign quietly, reopen on a regression.
 */
function decideDiagnosisAction(existing, verdict) {
    const id = verdict.campaignId;
    if (!verdict.finished) {
        return nothing(`campaign ${id} is still running; partial numbers are not written to the issue`);
    }
    if (!verdict.scorable)
        return nothing(`campaign ${id} has no trials and no broken work items`);
    if (!existing) {
        return verdict.meetsTarget
            ? nothing(`campaign ${id} meets the target and the series has no diagnosis issue`)
            : { action: 'create', reason: `campaign ${id} missed the target` };
    }
    const latest = existing.state?.latest_campaign_id;
    if (latest !== undefined && id < latest) {
        return {
            action: 'skip-older',
            reason: `issue #${existing.number} already shows campaign ${latest}, newer than ${id}`,
        };
    }
    if (existing.open) {
        return verdict.meetsTarget
            ? { action: 'close', reason: `campaign ${id} meets the target` }
            : { action: 'update', reason: `campaign ${id} still misses the target` };
    }
    return verdict.meetsTarget
        ? { action: 'update', reason: `campaign ${id} meets the target; the issue stays closed` }
        : { action: 'reopen', reason: `campaign ${id} regressed below the target` };
}
function nothing(reason) {
    return { action: 'nothing', reason };
}
// ── rendering ──────────────────────────────────────────────────────────────────────────────────
/** Newest first; `limit` keeps the newest rows and notes how many were left out. */
function renderIterationHistory(state, limit = MAX_ITERATIONS) {
    const rows = [...state.iterations].reverse();
    const shown = rows.slice(0, limit);
    const lines = shown.map((i) => {
        const status = i.meets_target ? '✅' : '❌';
        const run = i.run_url ? `[run](${i.run_url})` : '—';
        const id = i.campaign_id === state.latest_campaign_id ? `**${i.campaign_id}**` : `${i.campaign_id}`;
        return [
            id,
            i.date.slice(0, 10),
            `${status} ${(0,render_diagnosis/* pct */.Oe)(i.win_rate)}`,
            (0,render_diagnosis/* pct */.Oe)(i.target_win_rate),
            failingCell(i),
            run,
        ];
    });
    const table = (0,markdown/* markdownTable */.Qj)(['Campaign', 'Date', 'Win rate', 'Target', 'Failing combinations', 'Run'], lines);
    const more = rows.length > shown.length
        ? `\n\n${rows.length - shown.length} older iteration(s) not shown.`
        : '';
    return `### Iteration history\n\n${table}${more}`;
}
function failingCell(iteration) {
    if (iteration.failing_count === 0)
        return '—';
    const named = iteration.failing.map(markdown/* codeSpan */.SS).join(', ');
    const rest = iteration.failing_count - iteration.failing.length;
    return rest > 0 ? `${named} and ${rest} more` : named;
}
/**
 * The issue body: marker and state block first (never dropped), then the diagnosis, the history
 * and the retry YAML. Detail is dropped in stages until it fits: the renderer's levels first, then
 * the retry YAML, then older history rows — never a cut through a table.
 */
function renderDiagnosisIssueBody(analysis, state, options = {}) {
    const maxLength = options.maxLength ?? render_diagnosis/* GITHUB_BODY_LIMIT */.nY;
    const preamble = [
        diagnosisMarker(state.series),
        serializeDiagnosisState(state),
        issueIntro(state),
    ].join('\n');
    const yaml = options.retryYaml ? retryYamlSection(options.retryYaml) : '';
    const handoff = options.handoff ? renderHandoff(analysis, options.handoff) : '';
    const history = (limit) => renderIterationHistory(state, limit);
    const older = (kept) => {
        const left = state.iterations.length - kept;
        return left > 0 ? [`${left} older iteration row${left === 1 ? '' : 's'}`] : [];
    };
    const yamlDropped = yaml ? ['the targeted retry campaign YAML (it is in the pull request)'] : [];
    const stages = [
        { history: history(), yaml, dropped: [] },
        { history: history(), yaml: '', dropped: yamlDropped },
        { history: history(5), yaml: '', dropped: [...yamlDropped, ...older(5)] },
        { history: history(1), yaml: '', dropped: [...yamlDropped, ...older(1)] },
    ];
    const render = (stage) => ({
        preamble,
        afterHeadline: stage.history,
        postamble: (0,markdown/* joinBlocks */.x9)(stage.yaml, handoff),
        dropped: stage.dropped,
        maxLength,
        fullReportHint: 'The job summary of the run has the full report.',
    });
    for (const stage of stages) {
        const body = (0,render_diagnosis/* fitDiagnosisMarkdown */.Sw)(analysis, render(stage));
        if (body !== undefined)
            return body;
    }
    return (0,render_diagnosis/* renderDiagnosisMarkdown */.lv)(analysis, render(stages.at(-1)));
}
function issueIntro(state) {
    return (`> Diagnosis of the campaign series ${(0,markdown/* codeSpan */.SS)(state.series)}, kept up to date by ` +
        'iterate-campaign: updated in place after each campaign, closed when one meets the target, ' +
        'reopened on a regression. Edits to this body are overwritten.');
}
function retryYamlSection(yaml) {
    return `<details><summary>Targeted retry campaign</summary>\n\n${(0,markdown/* codeBlock */.DV)(yaml.trimEnd(), 'yaml')}\n\n</details>`;
}
/** Stable issue title: body edits do not notify, title edits add timeline noise. */
function diagnosisIssueTitle(series) {
    const title = `Campaign diagnosis: ${series}`;
    return title.length <= 256 ? title : `${title.slice(0, 255)}…`;
}
/** Comment posted when a campaign closes the issue. */
function closeComment(analysis) {
    return [
        eventMarker('close', analysis.campaign.id),
        `✅ Campaign ${analysis.campaign.id} meets the target: win rate ${(0,render_diagnosis/* pct */.Oe)(analysis.win_rate)} ≥ ${(0,render_diagnosis/* pct */.Oe)(analysis.target_win_rate)}. Closing; a later regression reopens this issue.`,
    ].join('\n');
}
/** Comment posted when a campaign reopens the issue. */
function reopenComment(analysis) {
    return [
        eventMarker('reopen', analysis.campaign.id),
        `❌ Regression: campaign ${analysis.campaign.id} is at ${(0,render_diagnosis/* pct */.Oe)(analysis.win_rate)}, below the target ${(0,render_diagnosis/* pct */.Oe)(analysis.target_win_rate)}. Reopening with the new diagnosis.`,
    ].join('\n');
}
/** Comment posted on an issue closed as a duplicate of the series' issue. */
function duplicateComment(keptNumber) {
    return [
        eventMarker('duplicate', keptNumber),
        `Duplicate of #${keptNumber}: two runs created the diagnosis issue at the same time; #${keptNumber} is kept.`,
    ].join('\n');
}


/***/ }),

/***/ 4063:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ targetVerdict),
/* harmony export */   KQ: () => (/* binding */ analysisNotes),
/* harmony export */   Oe: () => (/* binding */ pct),
/* harmony export */   Sw: () => (/* binding */ fitDiagnosisMarkdown),
/* harmony export */   lv: () => (/* binding */ renderDiagnosisMarkdown),
/* harmony export */   nY: () => (/* binding */ GITHUB_BODY_LIMIT)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/* harmony import */ var _render_investigation_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6572);
/* harmony import */ var _markdown_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1280);



const LEVELS = ['full', 'compact', 'findings', 'headline'];
/** Trials with evidence shown per finding at the `compact` level. */
const COMPACT_EVIDENCE = 3;
/** GitHub rejects issue and comment bodies over 65,536 characters. */
const GITHUB_BODY_LIMIT = 65_536;
function renderDiagnosisMarkdown(analysis, options = {}) {
    const max = options.maxLength ?? GITHUB_BODY_LIMIT;
    return (fitDiagnosisMarkdown(analysis, options) ??
        (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .clampMarkdown */ .f$)(renderAt(analysis, 'headline', options), max));
}
/** The most detailed rendering that fits `maxLength`, or undefined when even the headline does not. */
function fitDiagnosisMarkdown(analysis, options = {}) {
    const max = options.maxLength ?? GITHUB_BODY_LIMIT;
    for (const level of LEVELS) {
        const body = renderAt(analysis, level, options);
        if (body.length <= max)
            return body;
    }
    return undefined;
}
function renderAt(analysis, level, options) {
    const dropped = [...droppedAt(analysis, level), ...(options.dropped ?? [])];
    const note = dropped.length ? (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .truncationNote */ .yr)(dropped, options.fullReportHint) : '';
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .joinBlocks */ .x9)(options.preamble, renderTitle(analysis), note, renderMeasures(analysis), options.afterHeadline, renderComboTable(analysis), level !== 'headline' && renderFindings(analysis, level), (0,_render_investigation_js__WEBPACK_IMPORTED_MODULE_1__/* .renderInvariantCoverage */ .lK)(analysis), (0,_render_investigation_js__WEBPACK_IMPORTED_MODULE_1__/* .renderFlaky */ .oE)(analysis), renderNotes(analysis), options.postamble);
}
/** What a detail level leaves out, counted, for the truncation note. */
function droppedAt(a, level) {
    const withEvidence = (f) => f.trial_ids.length +
        f.work_ids.filter((id) => a.broken_work_items.some((b) => b.work_id === id)).length;
    const evidence = a.findings.reduce((n, f) => n + withEvidence(f), 0);
    const shown = a.findings.reduce((n, f) => n + Math.min(COMPACT_EVIDENCE, withEvidence(f)), 0);
    switch (level) {
        case 'full':
            return [];
        case 'compact':
            return evidence > shown
                ? [
                    `evidence for ${evidence - shown} of ${evidence} failed trials and broken work items (the first ${COMPACT_EVIDENCE} of each finding are shown)`,
                ]
                : [];
        case 'findings':
            return evidence
                ? [`the evidence of all ${evidence} failed trials and broken work items`]
                : [];
        case 'headline':
            return [`all ${a.findings.length} findings and their evidence`];
    }
}
function pct(rate) {
    if (rate === null)
        return '—';
    return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
function seconds(value) {
    return value === null ? '—' : `${value.toFixed(1)} s`;
}
function targetVerdict(analysis) {
    if (!analysis.meets_target)
        return 'missed';
    if (analysis.ci_lower_bound_meets_target)
        return 'reached with confidence (95% lower bound above target)';
    const needed = analysis.all_success_trials_needed;
    return needed === null
        ? 'reached, but the 95% lower bound can never clear this target'
        : `reached, but not yet confident: ${needed} more all-success trials needed`;
}
function renderTitle(a) {
    const icon = a.trials === 0 ? '⚠️' : a.meets_target ? '✅' : '❌';
    return `## ${icon} Campaign ${a.campaign.id} · ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .plainText */ .wh)(a.campaign.name)} — ${pct(a.win_rate)} vs target ${pct(a.target_win_rate)}`;
}
function renderMeasures(a) {
    if (a.trials === 0) {
        return `No trials were recorded for this campaign (${a.work_items.total} work items: ${a.work_items.pending} pending, ${a.work_items.running} running, ${a.work_items.failed} failed). There is nothing to score yet.`;
    }
    const rows = [
        [
            'Win rate (as `eval show` reports it)',
            `**${pct(a.win_rate)}** (${a.successes}/${a.trials}) · 95% CI ${pct(a.win_rate_ci[0])}–${pct(a.win_rate_ci[1])}`,
        ],
        [
            'Agent win rate (baseline trials left out)',
            a.agent_win_rate === null
                ? '—'
                : `${pct(a.agent_win_rate)} (${a.agent_successes}/${a.agent_trials})`,
        ],
        ['Target', `${pct(a.target_win_rate)} — ${targetVerdict(a)}`],
        ['Outcomes', `${a.successes} success · ${a.failures} failure · ${a.timeouts} timeout`],
        [
            'Work items',
            `${a.work_items.total} total · ${a.broken_work_items.length} broken (no trial row)${a.finished ? '' : ` · **${a.work_items.pending + a.work_items.running} still pending or running**`}`,
        ],
        [
            'Avg time to detect / resolve',
            `${seconds(a.avg_time_to_detect_sec)} / ${seconds(a.avg_time_to_resolve_sec)}`,
        ],
        [
            'Subject · variant · commit',
            `${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .plainText */ .wh)(a.campaign.subject)} · ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .plainText */ .wh)(a.campaign.variant)} · ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(a.campaign.git_commit.slice(0, 8) || 'unknown')}`,
        ],
    ];
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownTable */ .Qj)(['Measure', 'Value'], rows);
}
function renderComboTable(a) {
    if (a.by_chaos_type.length === 0)
        return '';
    const anyBroken = a.by_chaos_type.some((c) => c.broken_work_items > 0);
    const rows = a.by_chaos_type.map((c) => {
        const status = c.baseline
            ? 'baseline'
            : c.trials === 0
                ? '⚠️ no trials'
                : c.meets_target
                    ? '✅'
                    : '❌ retry';
        const where = (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)((0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: c.chaos_type, params: c.params }));
        const cells = [
            where,
            `${c.successes}/${c.trials}`,
            c.trials ? pct(c.win_rate) : '—',
            c.trials ? `${pct(c.ci[0])}–${pct(c.ci[1])}` : '—',
        ];
        if (anyBroken)
            cells.push(c.broken_work_items ? String(c.broken_work_items) : '');
        return [...cells, status];
    });
    const columns = [
        'Chaos type',
        { header: 'Wins', align: 'right' },
        { header: 'Win rate', align: 'right' },
        '95% CI',
        ...(anyBroken ? [{ header: 'Broken items', align: 'right' }] : []),
        'Status',
    ];
    return `### Per chaos type\n\n${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownTable */ .Qj)(columns, rows)}`;
}
function renderFindings(a, level) {
    if (a.findings.length === 0)
        return a.trials > 0 ? '### Findings\n\nNo failures to diagnose.' : '';
    const details = new Map(a.trials_detail.map((t) => [t.trial_id, t]));
    const broken = new Map(a.broken_work_items.map((b) => [b.work_id, b]));
    const sections = a.findings.map((finding, index) => {
        const where = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: finding.chaos_type, params: finding.params });
        const head = `#### ${index + 1}. ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(finding.symptom)} — ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(where)} · ${finding.kind} · ${findingCount(finding)}`;
        const cause = `**Likely cause:** ${finding.likely_cause}`;
        const fix = `**Fix in:** ${finding.fix_locations.map(_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS).join(', ')}`;
        const more = level === 'full' || level === 'compact'
            ? renderEvidence(a.campaign.id, finding, details, broken, level === 'full' ? Infinity : COMPACT_EVIDENCE)
            : idLine(finding);
        return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .joinBlocks */ .x9)(head, `${cause}\\\n${fix}`, more);
    });
    return `### Findings\n\n${sections.join('\n\n')}`;
}
function findingCount(finding) {
    const parts = [];
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (finding.trial_ids.length)
        parts.push(plural(finding.trial_ids.length, 'trial'));
    if (finding.work_ids.length)
        parts.push(plural(finding.work_ids.length, 'broken work item'));
    return parts.join(' · ');
}
/** The ids of a finding when its evidence was left out; only the lists that have ids. */
function idLine(finding) {
    const parts = [];
    if (finding.trial_ids.length)
        parts.push(`Trials: ${idList(finding.trial_ids)}`);
    if (finding.work_ids.length)
        parts.push(`Broken work items: ${idList(finding.work_ids)}`);
    return parts.join(' · ');
}
function idList(ids, max = 20) {
    const shown = ids.slice(0, max).join(', ');
    return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}
function renderEvidence(campaignId, finding, details, broken, limit) {
    const blocks = [];
    const shown = [];
    for (const id of finding.trial_ids) {
        if (shown.length >= limit)
            break;
        const detail = details.get(id);
        if (detail?.evidence) {
            blocks.push(renderTrialEvidence(detail));
            shown.push(id);
        }
    }
    let shownItems = 0;
    for (const id of finding.work_ids) {
        const item = broken.get(id);
        if (!item || shownItems >= limit)
            continue;
        blocks.push(renderBrokenItem(campaignId, item));
        shownItems += 1;
    }
    const rest = finding.trial_ids.filter((id) => !shown.includes(id));
    const restItems = finding.work_ids.length - shownItems;
    const hidden = [
        rest.length ? `trials ${idList(rest)}` : '',
        restItems ? `${restItems} more broken work items` : '',
    ].filter(Boolean);
    if (hidden.length)
        blocks.push(`Not shown: ${hidden.join(' · ')}.`);
    return blocks.join('\n\n');
}
function renderBrokenItem(campaignId, item) {
    const summary = `Work item ${item.work_id} (${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .htmlText */ .js)(item.chaos_type)}) failed without a trial`;
    const where = `Worker: ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(item.worker_id ?? '—')} · VM: ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(item.vm_name ?? '—')}`;
    const error = cappedError(item.error, `full text: ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(`npx iterate-campaign analyze ${campaignId} --json`)} (\`broken_work_items\`)`);
    return `<details><summary>${summary}</summary>\n\n${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .joinBlocks */ .x9)(where, error)}\n\n</details>`;
}
/** An error as a code block of its last lines, saying what was cut and where the rest is. */
function cappedError(text, rest) {
    if (!text.trim())
        return '_(no error text)_';
    const capped = (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .capText */ .yA)(text);
    const cut = (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .describeCap */ ._Q)(capped);
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .joinBlocks */ .x9)((0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeBlock */ .DV)(capped.text), cut && `<sub>${cut}; ${rest}</sub>`);
}
function renderTrialEvidence(t) {
    const e = t.evidence;
    const summary = `Trial ${t.trial_id} · ${t.outcome} · detect ${seconds(t.time_to_detect_sec)} · resolve ${seconds(t.time_to_resolve_sec)} · ${t.commands} commands`;
    if (!e)
        return `<details><summary>${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .htmlText */ .js)(summary)}</summary>\n\n</details>`;
    const facts = [
        `Symptoms: ${t.symptoms.map(_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS).join(', ') || '—'} · kind: ${t.kind ?? '—'}${e.chaos_target ? ` · target: ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(e.chaos_target)}` : ''}`,
        `Started ${e.started_at || '—'} · chaos ${e.chaos_injected_at || '—'} · ticket ${e.ticket_created_at ?? 'none'} · resolved ${e.resolved_at ?? 'not resolved'} · ended ${e.ended_at || '—'}`,
    ];
    if (e.stores_not_up.length)
        facts.push(`Final state not healthy: ${e.stores_not_up.map(_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .plainText */ .wh).join('; ')}`);
    if (e.final_state !== 'present')
        facts.push(`Final state: ${e.final_state === 'empty' ? '`{}` (empty)' : 'unparsable JSON'}`);
    facts.push(`Reproduce: ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(e.reproduce)}`);
    const blocks = [(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .bulletList */ .fF)(`<details><summary>${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .htmlText */ .js)(summary)}</summary>`, facts)];
    if (e.work_item_error) {
        blocks.push(`Work item error:\n\n${cappedError(e.work_item_error, `full text: ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(e.reproduce)}`)}`);
    }
    if (e.commands.length) {
        const more = e.commands_total > e.commands.length
            ? `\n# …${e.commands_total - e.commands.length} more: ${e.reproduce}`
            : '';
        blocks.push(`Commands run (${e.commands_total}):\n\n${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeBlock */ .DV)(e.commands.join('\n') + more)}`);
    }
    else
        blocks.push('Commands run: none recorded.');
    blocks.push(...(0,_render_investigation_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTrialLogLines */ .kK)(t));
    return `${blocks.join('\n\n')}\n\n</details>`;
}
function renderNotes(a) {
    const notes = analysisNotes(a);
    return notes.length ? (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .bulletList */ .fF)('### Notes', notes) : '';
}
/** The notes under a report as sentences (also the terminal's); `code` marks a field name. */
function analysisNotes(a, code = _markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS) {
    const notes = [];
    if (a.agent_win_rate !== null && a.agent_trials !== a.trials) {
        const agentMeets = a.agent_win_rate >= a.target_win_rate;
        if (agentMeets !== a.meets_target) {
            notes.push(`Baseline trials change the verdict: without them the agent's win rate is ${pct(a.agent_win_rate)}, which ${agentMeets ? 'meets' : 'misses'} the target.`);
        }
    }
    if (a.anomalies.length) {
        notes.push(`Upstream's ${code('eval analyze')} fails on this campaign: its scorer raises on ${a.anomalies.length} trial row(s) (trials ${[...new Set(a.anomalies.map((x) => x.trial_id))].slice(0, 10).join(', ')}). They are scored here as upstream's guards intend; the reasons are under ${code('anomalies')} in the JSON output.`);
    }
    if (!a.finished)
        notes.push('The campaign is still running: these numbers are partial.');
    return notes;
}


/***/ }),

/***/ 6572:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zc: () => (/* binding */ renderFlakyFixes),
/* harmony export */   kK: () => (/* binding */ renderTrialLogLines),
/* harmony export */   lK: () => (/* binding */ renderInvariantCoverage),
/* harmony export */   oE: () => (/* binding */ renderFlaky)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/* harmony import */ var _markdown_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1280);
/* harmony import */ var _worker_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1494);



const VERDICT_LABEL = {
    missing: '❌ missing',
    insensitive: '⚠️ insensitive',
    covered: '✅ covered',
};
function renderInvariantCoverage(a) {
    const rows = a.invariant_coverage ?? [];
    const commit = a.invariant_source?.commit;
    const source = commit
        ? `\n\nInvariant files read at the campaign's commit ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(commit.slice(0, 12))}.`
        : '';
    const note = a.invariant_coverage_note ? `\n\n${a.invariant_coverage_note}` : '';
    if (rows.length === 0)
        return note ? `### Invariant coverage${note}` : '';
    const table = (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Chaos type', 'Verdict', 'Invariants', 'Why'], rows.map((row) => [
        (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: row.chaos_type, params: row.params })),
        VERDICT_LABEL[row.verdict],
        row.invariants.map(describeInvariant).join('<br>') || '—',
        row.reason,
    ]));
    return `### Invariant coverage\n\n${table}${source}${note}`;
}
function describeInvariant(i) {
    const threshold = i.threshold === null ? 'no threshold' : `threshold ${i.threshold}`;
    return `${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(i.name)} (${threshold}, grace ${i.grace_period_seconds} s) ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(`${i.file}:${i.line}`)}`;
}
function renderFlaky(a) {
    const flaky = (a.flaky ?? []).filter((f) => f.flaky);
    if (flaky.length === 0)
        return '';
    const items = flaky.map((f) => `${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params }))}: ${passSequence(f, a.target_win_rate)} over ${f.campaigns.length} campaigns, flips ${Math.round((f.flip_rate ?? 0) * 100)}% of the time — a single campaign's pass or fail says little here.`);
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .bulletList */ .fF)('### Flaky across campaigns\n\nThese combinations flip between passing and failing across the last campaigns of the series (oldest first):', items);
}
function passSequence(f, target) {
    return f.campaigns
        .map((c) => `${c.successes / c.trials >= target ? '✅' : '❌'}${c.successes}/${c.trials}`)
        .join(' ');
}
/** Blocks added to a failed trial's evidence: its worker log lines and Cloud Logging. */
function renderTrialLogLines(t) {
    const blocks = [];
    if (t.log_excerpt?.length) {
        blocks.push(`Worker log (work item ${t.work_id ?? '?'}):\n\n${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(t.log_excerpt.join('\n'))}`);
    }
    blocks.push(`Cloud Logging: ${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_worker_log_js__WEBPACK_IMPORTED_MODULE_2__/* .cloudLogsCommand */ .mN)(t.trial_id))}`);
    return blocks;
}
/** Under the verdict table of a retry: "fixed" verdicts that may only be a flaky type's noise. */
function renderFlakyFixes(c) {
    const fixes = c.flaky_fixes ?? [];
    if (fixes.length === 0)
        return '';
    const lines = fixes.map((f) => {
        const what = (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params }));
        const history = `flips ${Math.round(f.flip_rate * 100)}% of the time over the last ${f.campaigns} campaigns, ${Math.round(f.pooled_rate * 100)}% of its trials passed`;
        const more = f.more_trials_needed === null
            ? 'no number of extra trials separates a fix from its noise'
            : f.more_trials_needed === 0
                ? `${f.retry.successes}/${f.retry.trials} already beats that rate (one-sided binomial, p ≤ 0.05)`
                : `${f.more_trials_needed} more all-success trials would separate a fix from noise (one-sided binomial against ${Math.round(f.pooled_rate * 100)}%, p ≤ 0.05)`;
        return `- ${what} is **flaky** (${history}): "fixed" at ${f.retry.successes}/${f.retry.trials} may be luck; ${more}.`;
    });
    return `> [!WARNING]\n> "Fixed" on a flaky type:\n${lines.map((l) => `> ${l}`).join('\n')}`;
}


/***/ }),

/***/ 1494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OK: () => (/* binding */ excerptsByWorkItem),
/* harmony export */   mN: () => (/* binding */ cloudLogsCommand)
/* harmony export */ });
/* unused harmony exports LOG_EXCERPT_HEAD, LOG_EXCERPT_TAIL */
/**
 * Excerpts of harness worker logs per work item. The worker (eval/src/eval/runner/worker.py) handles
 * one item at a time and logs `Claimed work item <id>: <subject>/<chaos>` when it claims it and
 * `Work item <id> completed -> Trial <trial>` or `Work item <id> failed: …` when it is done; the
 * lines between belong to that item. Pure: text in, lines out.
 */
/** Lines kept per work item: the first and the last ones, with a marker for what was left out. */
const LOG_EXCERPT_HEAD = 15;
const LOG_EXCERPT_TAIL = 45;
const MAX_LINE = 400;
const CLAIM = /Claimed work item (\d+)\b/;
const DONE = /Work item (\d+) (?:completed|failed)\b/;
// Rich console.log, ANSI colours and our own log prefixes are noise in an excerpt.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
/** The claim → completion lines of each wanted work item found in one log's text. */
function excerptsByWorkItem(text, wanted) {
    const found = new Map();
    let current;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(ANSI, '').trimEnd();
        const claim = CLAIM.exec(line);
        if (claim) {
            const id = Number(claim[1]);
            current = wanted.has(id) ? { id, lines: [] } : undefined;
        }
        if (!current)
            continue;
        current.lines.push(line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line);
        const done = DONE.exec(line);
        if (done && Number(done[1]) === current.id) {
            found.set(current.id, cap(current.lines));
            current = undefined;
        }
    }
    // A log that ends mid-item (the worker was stopped) still shows what it did.
    if (current && current.lines.length)
        found.set(current.id, cap([...current.lines, '(log ends here)']));
    return found;
}
function cap(lines) {
    if (lines.length <= LOG_EXCERPT_HEAD + LOG_EXCERPT_TAIL + 1)
        return lines;
    const omitted = lines.length - LOG_EXCERPT_HEAD - LOG_EXCERPT_TAIL;
    return [
        ...lines.slice(0, LOG_EXCERPT_HEAD),
        `… ${omitted} lines left out …`,
        ...lines.slice(-LOG_EXCERPT_TAIL),
    ];
}
/** Cloud Logging for a trial (seed step 8), when the workers ran on GCP VMs. */
function cloudLogsCommand(trialId) {
    return `uv run eval logs ${trialId} --remote`;
}


/***/ }),

/***/ 2576:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ur: () => (/* binding */ createOnce),
/* harmony export */   cV: () => (/* binding */ ensureLabels),
/* harmony export */   iv: () => (/* binding */ resolveBotIdentity),
/* harmony export */   mH: () => (/* binding */ syncDiagnosisIssue)
/* harmony export */ });
/* unused harmony export GITHUB_ACTIONS_LOGIN */
/* harmony import */ var _core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8251);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9452);


const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';
/** The series a request writes to. */
function seriesOf(request) {
    return request.series ?? request.analysis.campaign.name;
}
const LABEL_COLOR = '5319e7';
const LABEL_DESCRIPTION = 'Diagnosis of a chaos-evaluation campaign series (iterate-campaign)';
/**
 * Whose issues and comments are ours. `GET /user` names a PAT's user; GITHUB_TOKEN (and a GitHub
 * App's installation token) get 403 there, so GITHUB_TOKEN's `github-actions[bot]` is assumed —
 * an App token must name its bot with ITERATE_CAMPAIGN_BOT_LOGIN (e.g. `my-app[bot]`).
 */
async function resolveBotIdentity(client, configuredLogin) {
    const configured = configuredLogin?.trim();
    if (configured) {
        if (!BOT_LOGIN.test(configured)) {
            throw new Error(`Invalid ITERATE_CAMPAIGN_BOT_LOGIN: '${configured.slice(0, 60)}' — expected a GitHub login such as my-app[bot]`);
        }
        return { login: configured, confirmed: true };
    }
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return { login: data.login, confirmed: true };
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubStatus */ .AV)(error) === 403)
            return { login: GITHUB_ACTIONS_LOGIN, confirmed: false };
        throw error;
    }
}
const BOT_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
async function syncDiagnosisIssue(target, request) {
    return sync(target, request, { afterRace: false });
}
async function sync(target, request, options) {
    const series = seriesOf(request);
    const primary = await keepOneSeriesIssue(target, series, request.dryRun);
    const plan = planWrite(primary, request, target.logger);
    const { action, reason } = plan.decision;
    if (plan.body === undefined || request.dryRun) {
        return { action, reason, issue: primary && refOf(primary), body: plan.body, written: false };
    }
    if (action === 'create')
        return createAndSettle(target, request, plan, options.afterRace);
    const issue = await applyDecision(target, primary, action, plan.body, request);
    if (request.extraLabels?.length && issue.state === 'open') {
        await target.client.rest.issues.addLabels({
            owner: target.owner,
            repo: target.repo,
            issue_number: issue.number,
            labels: [...request.extraLabels],
        });
    }
    return { action, reason, issue, body: plan.body, written: true };
}
/** With `keepOpen`, a decision to close becomes an update that records the passing iteration. */
function keptOpenIf(keepOpen, decision) {
    if (!keepOpen || decision.action !== 'close')
        return decision;
    return {
        action: 'update',
        reason: `${decision.reason}; the issue stays open until the full validation campaign passes`,
    };
}
/** The decision and the body it writes; an update that would change nothing writes nothing. */
function planWrite(primary, request, logger) {
    const series = seriesOf(request);
    const existing = primary ? existingDiagnosis(primary, series, logger) : undefined;
    const decision = keptOpenIf(request.keepOpen, (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .decideDiagnosisAction */ .In)(existing, (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictOf */ .Vj)(request.analysis)));
    if (decision.action === 'nothing' || decision.action === 'skip-older') {
        return { decision, body: undefined };
    }
    const state = {
        ...(0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .nextDiagnosisState */ .kS)(existing?.state, request.analysis, request.runUrl),
        series,
    };
    const render = (s, issueNumber = primary?.number) => (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .renderDiagnosisIssueBody */ .hi)(request.analysis, s, {
        retryYaml: request.retryYaml,
        ...(request.handoff
            ? { handoff: { ...request.handoff, ...(issueNumber ? { issueNumber } : {}) } }
            : {}),
    });
    if (decision.action === 'update' && render(state) === primary?.body) {
        const upToDate = `${decision.reason} (issue #${primary.number} is up to date)`;
        return { decision: { ...decision, reason: upToDate }, body: undefined };
    }
    const next = (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .withRevision */ .kh)(state, state.revision + 1);
    return {
        decision,
        body: render(next),
        ...(request.handoff ? { bodyFor: (n) => render(next, n) } : {}),
    };
}
/**
 * Creates the issue, then lists again: when a concurrent run created one too, the lowest number
 * is kept and, if that is not ours, this run's diagnosis is applied to it instead.
 */
async function createAndSettle(target, request, plan, afterRace) {
    const series = seriesOf(request);
    if (afterRace) {
        throw new Error(`The diagnosis issue of '${series}' vanished after a concurrent create`);
    }
    const created = await createSeriesIssue(target, series, plan.body);
    const kept = await keepOneSeriesIssue(target, series, false, created);
    if (kept && kept.number !== created.number)
        return sync(target, request, { afterRace: true });
    const { action, reason } = plan.decision;
    // The hand-off names the issue (`Fixes #N`), known only now.
    const numbered = plan.bodyFor?.(created.number);
    if (numbered !== undefined && numbered !== plan.body) {
        await patchIssue(target, created.number, { body: numbered });
        return { action, reason, issue: refOf(created), body: numbered, written: true };
    }
    return { action, reason, issue: refOf(created), body: plan.body, written: true };
}
function refOf(issue) {
    return { number: issue.number, url: issue.url, state: issue.state };
}
function existingDiagnosis(issue, series, logger) {
    const read = (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .readDiagnosisState */ .NJ)(issue.body, series);
    if (read.kind !== 'ok') {
        const why = read.kind === 'absent'
            ? 'has no state block'
            : `has an unreadable state block (${read.reason})`;
        logger.warning(`Issue #${issue.number} ${why}; it is rewritten and run ordering cannot be checked this once.`);
    }
    return {
        number: issue.number,
        open: issue.state === 'open',
        state: read.kind === 'ok' ? read.state : undefined,
    };
}
async function applyDecision(target, issue, 
/** close, reopen or update; create is handled by createAndSettle. */
action, body, request) {
    const { analysis } = request;
    if (action === 'close') {
        const note = request.closeNote ? `\n\n${request.closeNote}` : '';
        await ensureComment(target, issue.number, `${(0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .closeComment */ .wj)(analysis)}${note}`);
        return patchIssue(target, issue.number, { body, state: 'closed', state_reason: 'completed' });
    }
    if (action === 'reopen') {
        await ensureComment(target, issue.number, (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .reopenComment */ .tU)(analysis));
        return patchIssue(target, issue.number, { body, state: 'open' });
    }
    return patchIssue(target, issue.number, { body });
}
// ── finding ────────────────────────────────────────────────────────────────────────────────────
/**
 * Every issue of the series written by the bot, lowest number first: the label-filtered listing
 * (paginated, pull requests left out), then marker and author checked here. Issues closed as
 * duplicates do not count.
 */
async function listSeriesIssues(target, series) {
    const { client, owner, repo, identity } = target;
    const items = await client.paginate(client.rest.issues.listForRepo, {
        owner,
        repo,
        state: 'all',
        labels: target.labels[0],
        ...(identity.confirmed ? { creator: identity.login } : {}),
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    });
    return items
        .filter((item) => !item.pull_request && sameLogin(item.user?.login, identity.login))
        .filter((item) => (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .hasDiagnosisMarker */ .q3)(item.body, series) && item.state_reason !== 'duplicate')
        .map((item) => ({
        number: item.number,
        url: item.html_url,
        state: item.state === 'closed' ? 'closed' : 'open',
        body: item.body ?? '',
        stateReason: item.state_reason ?? null,
    }))
        .sort((a, b) => a.number - b.number);
}
/**
 * The series' issue. When concurrent runs each created one, the lowest number is kept and the
 * others are closed as duplicates (not in a dry run). `justCreated` covers a listing that does not
 * show the new issue yet.
 */
async function keepOneSeriesIssue(target, series, dryRun, justCreated) {
    const listed = await listSeriesIssues(target, series);
    if (justCreated && !listed.some((i) => i.number === justCreated.number))
        listed.push(justCreated);
    listed.sort((a, b) => a.number - b.number);
    const [kept, ...duplicates] = listed;
    for (const duplicate of duplicates) {
        target.logger.warning(`Issue #${duplicate.number} duplicates #${kept.number} for '${series}'${dryRun ? '' : '; closing it'}.`);
        if (!dryRun)
            await closeAsDuplicate(target, duplicate.number, kept.number);
    }
    return kept;
}
async function closeAsDuplicate(target, duplicate, kept) {
    await ensureComment(target, duplicate, (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .duplicateComment */ .j8)(kept));
    await patchIssue(target, duplicate, { state: 'closed', state_reason: 'duplicate' });
}
function sameLogin(a, b) {
    return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
// ── writing ────────────────────────────────────────────────────────────────────────────────────
async function createSeriesIssue(target, series, body) {
    const { client, owner, repo } = target;
    await ensureLabels(target);
    const create = async () => {
        const { data } = await client.rest.issues.create({
            owner,
            repo,
            title: (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_0__/* .diagnosisIssueTitle */ .H$)(series),
            body,
            labels: [...target.labels],
        });
        return { number: data.number, url: data.html_url, state: 'open', body, stateReason: null };
    };
    return createOnce(target.logger, `creating the diagnosis issue of '${series}'`, create, async () => (await listSeriesIssues(target, series))[0]);
}
/**
 * Runs a non-idempotent create. When it fails ambiguously (GitHub may have applied it), looks for
 * the result first and only then tries once more.
 */
async function createOnce(logger, what, create, findExisting) {
    try {
        return await create();
    }
    catch (error) {
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAmbiguousWriteFailure */ .Sc)(error))
            throw error;
        logger.warning(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeGitHubError */ .dZ)(error)} — re-reading before retrying ${what}`);
        const existing = await findExisting();
        if (existing !== undefined) {
            logger.info(`The write had been applied; ${what} is not repeated.`);
            return existing;
        }
        return create();
    }
}
async function patchIssue(target, issueNumber, patch) {
    const { data } = await target.client.rest.issues.update({
        owner: target.owner,
        repo: target.repo,
        issue_number: issueNumber,
        ...patch,
        // The same PATCH applied twice leaves the same issue: safe to retry after a 5xx.
        request: { retryNonIdempotent: true },
    });
    return {
        number: data.number,
        url: data.html_url,
        state: data.state === 'closed' ? 'closed' : 'open',
    };
}
/** Posts `body` unless a comment by the bot already carries its first line (the event marker). */
async function ensureComment(target, issueNumber, body) {
    const marker = body.split('\n')[0];
    const { client, owner, repo } = target;
    const find = async () => {
        const comments = await client.paginate(client.rest.issues.listComments, {
            owner,
            repo,
            issue_number: issueNumber,
            per_page: 100,
        });
        return comments.find((c) => sameLogin(c.user?.login, target.identity.login) && c.body?.includes(marker));
    };
    if (await find())
        return;
    await createOnce(target.logger, `commenting on #${issueNumber}`, async () => {
        const { data } = await client.rest.issues.createComment({
            owner,
            repo,
            issue_number: issueNumber,
            body,
        });
        return data;
    }, find);
}
/**
 * Creates the labels the repository does not have yet, with a colour and description (a concurrent
 * create counts as done).
 */
async function ensureLabels(target) {
    const { client, owner, repo } = target;
    for (const name of target.labels) {
        try {
            await client.rest.issues.getLabel({ owner, repo, name });
            continue;
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubStatus */ .AV)(error) !== 404)
                throw error;
        }
        try {
            await client.rest.issues.createLabel({
                owner,
                repo,
                name,
                color: LABEL_COLOR,
                description: LABEL_DESCRIPTION,
                // A retried create that had succeeded answers 422 already_exists, handled below.
                request: { retryNonIdempotent: true },
            });
            target.logger.info(`Created label '${name}'.`);
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubStatus */ .AV)(error) !== 422)
                throw error;
        }
    }
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


/***/ })

};
