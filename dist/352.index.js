export const id = 352;
export const ids = [352];
export const modules = {

/***/ 4352:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runEvalCampaign: () => (/* binding */ runEvalCampaign)
/* harmony export */ });
/* harmony import */ var _output_tail_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8959);
/* harmony import */ var _run_lines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4694);


const DEFAULT_EVAL_COMMAND = ['uv', 'run', 'eval'];
class EvalCliError extends Error {
    details;
    name = 'EvalCliError';
    constructor(message, details) {
        super(message);
        this.details = details;
    }
}
const CREATED = /^\s*Created campaign ([1-9][0-9]{0,15}) in cloud database\s*$/m;
/** The campaign id the harness printed, or undefined. */
function parseCreatedCampaign(output) {
    const match = CREATED.exec(output);
    return match ? Number(match[1]) : undefined;
}
function evalRunCampaignArgv(command, yamlPath) {
    return [...command, 'run', 'campaign', yamlPath, '--cloud=gcp'];
}
/** Runs the enqueue and returns the created campaign's id; throws EvalCliError otherwise. */
async function runEvalCampaign(yamlPath, options) {
    const mask = options.mask ?? ((text) => text);
    const [file, ...args] = evalRunCampaignArgv(options.command ?? DEFAULT_EVAL_COMMAND, yamlPath);
    const tail = new _output_tail_js__WEBPACK_IMPORTED_MODULE_0__/* .LineTail */ .Z(40);
    let created;
    return options.logger.group(`${[file, ...args].join(' ')}`, async () => {
        const result = await (0,_run_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .runLines */ .r)(file, args, {
            ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
            ...(options.env !== undefined ? { env: options.env } : {}),
            timeoutMs: options.timeoutMs,
            onLine(line) {
                const text = (0,_output_tail_js__WEBPACK_IMPORTED_MODULE_0__/* .clipLine */ .D)(mask(line));
                tail.push(text);
                options.logger.info(text);
                created ??= parseCreatedCampaign(line);
            },
        });
        const lines = tail.get();
        const tailText = lines.length
            ? `\n--- last ${lines.length} lines ---\n${lines.join('\n')}`
            : '';
        if (result.failed) {
            const how = result.timedOut
                ? `timed out after ${options.timeoutMs / 1000} s`
                : result.signal
                    ? `was killed by signal ${result.signal}`
                    : result.exitCode !== undefined
                        ? `failed with exit code ${result.exitCode}`
                        : `could not run '${file}': ${mask(result.shortMessage ?? '')}`;
            throw new EvalCliError(`eval run campaign ${how}${tailText}`, {
                ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
                ...(result.signal ? { signal: result.signal } : {}),
                tail: lines,
            });
        }
        if (created === undefined) {
            throw new EvalCliError(`eval run campaign succeeded but printed no 'Created campaign <id> in cloud database' line${tailText}`, { exitCode: result.exitCode ?? 0, tail: lines });
        }
        return created;
    });
}


/***/ }),

/***/ 8959:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ clipLine),
/* harmony export */   Z: () => (/* binding */ LineTail)
/* harmony export */ });
/** What every child process we run shares: long lines clipped, only the last lines kept for errors. */
const MAX_LINE_CHARS = 4000;
/** Keeps the last N lines. */
class LineTail {
    size;
    lines = [];
    constructor(size) {
        this.size = size;
    }
    push(line) {
        this.lines.push(line);
        if (this.lines.length > this.size)
            this.lines.splice(0, this.lines.length - this.size);
    }
    get() {
        return [...this.lines];
    }
}
function clipLine(line) {
    return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… [line cut]` : line;
}


/***/ }),

/***/ 4694:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ runLines)
/* harmony export */ });
/* harmony import */ var execa__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2499);
/** Runs one child process to its end, line by line, with a deadline: what builds and `eval` share. */

async function runLines(file, args, options) {
    const subprocess = (0,execa__WEBPACK_IMPORTED_MODULE_0__/* .execa */ .Ho)(file, [...args], {
        cwd: options.cwd,
        env: options.env,
        extendEnv: true,
        ...(options.input === undefined ? { stdin: 'ignore' } : { input: options.input }),
        all: true,
        buffer: false,
        timeout: options.timeoutMs,
        killSignal: 'SIGTERM',
        forceKillAfterDelay: options.killGraceMs ?? 5000,
        ...(options.killDescendants ? { killDescendants: true } : {}),
        reject: false,
    });
    for await (const line of subprocess.iterable({ from: 'all' }))
        options.onLine(line);
    const result = await subprocess;
    return {
        failed: result.failed,
        timedOut: result.timedOut,
        ...(result.signal ? { signal: result.signal } : {}),
        ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
        ...(result.shortMessage !== undefined ? { shortMessage: result.shortMessage } : {}),
    };
}


/***/ })

};
