export const id = 706;
export const ids = [706];
export const modules = {

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

/***/ 9706:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeEnd: () => (/* binding */ describeEnd),
/* harmony export */   superviseWorker: () => (/* binding */ superviseWorker)
/* harmony export */ });
/* harmony import */ var execa__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2499);
/* harmony import */ var _output_tail_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8959);
/**
 * Supervises one long-running child (the harness's `eval worker start`, which never exits on its
 * own): streams its output line by line, polls `isDrained` and, once it says so, stops the child's
 * whole process group with SIGTERM, then SIGKILL after a grace period. Our own SIGINT/SIGTERM
 * (a cancelled job) are forwarded the same way, with a grace short enough to finish before the
 * runner's own kill (SIGINT, SIGTERM 7.5 s later, then the tree 2.5 s after that).
 *
 * The child runs in its own process group (`detached`), so `uv run` and the Python process it
 * starts are signalled together. argv only, never a shell.
 */


/** Signals the child's process group; falls back to the child alone. Never throws. */
function signalGroup(pid, signal, fallback) {
    if (pid === undefined)
        return fallback();
    try {
        process.kill(-pid, signal);
    }
    catch {
        try {
            fallback();
        }
        catch {
            // already gone
        }
    }
}
function cancellableSleep(ms) {
    let timer;
    let resolveSleep = () => undefined;
    const promise = new Promise((resolve) => {
        resolveSleep = resolve;
        timer = setTimeout(resolve, ms);
    });
    return {
        promise,
        cancel: () => {
            clearTimeout(timer);
            resolveSleep();
        },
    };
}
async function superviseWorker(options) {
    const { logger } = options;
    const mask = options.mask ?? ((text) => text);
    const tail = new _output_tail_js__WEBPACK_IMPORTED_MODULE_0__/* .LineTail */ .Z(options.tailLines ?? 50);
    const signals = options.signals ?? process;
    const subprocess = (0,execa__WEBPACK_IMPORTED_MODULE_1__/* .execa */ .Ho)(options.file, [...options.args], {
        cwd: options.cwd,
        env: options.env,
        extendEnv: true,
        detached: true,
        stdin: 'ignore',
        all: true,
        buffer: false,
        reject: false,
    });
    const pid = subprocess.pid;
    let reason = 'exited';
    let receivedSignal;
    let killed = false;
    let killTimer;
    let exited = false;
    let sleeping;
    const stop = (why, graceMs) => {
        if (reason !== 'exited' || exited)
            return;
        reason = why;
        sleeping?.cancel();
        logger.info(`Stopping the worker (pid ${pid ?? '?'}) with SIGTERM; SIGKILL in ${graceMs / 1000} s if it is still running.`);
        signalGroup(pid, 'SIGTERM', () => subprocess.kill('SIGTERM'));
        killTimer = setTimeout(() => {
            if (exited)
                return;
            killed = true;
            logger.warning(`The worker did not stop within ${graceMs / 1000} s of SIGTERM: sending SIGKILL.`);
            signalGroup(pid, 'SIGKILL', () => subprocess.kill('SIGKILL'));
        }, graceMs);
    };
    const onSignal = (signal) => {
        receivedSignal = signal;
        logger.warning(`Received ${signal}: stopping the worker.`);
        stop('signal', options.cancelGraceMs ?? Math.min(options.graceMs, 5000));
    };
    signals.on('SIGINT', onSignal);
    signals.on('SIGTERM', onSignal);
    const streaming = (async () => {
        for await (const line of subprocess.iterable({ from: 'all' })) {
            const text = (0,_output_tail_js__WEBPACK_IMPORTED_MODULE_0__/* .clipLine */ .D)(mask(line));
            tail.push(text);
            logger.info(text);
        }
    })().catch(() => undefined);
    const finished = subprocess.then((result) => {
        exited = true;
        sleeping?.cancel();
        return result;
    });
    try {
        while (!exited && reason === 'exited') {
            const sleep = cancellableSleep(options.pollIntervalMs);
            sleeping = sleep;
            await sleep.promise;
            sleeping = undefined;
            if (exited || reason !== 'exited')
                break;
            try {
                if (await options.isDrained())
                    stop('drained', options.graceMs);
            }
            catch (error) {
                logger.warning(`Could not read the campaign's progress (will retry): ${mask(error.message)}`);
            }
        }
        const result = await finished;
        await streaming;
        return {
            reason,
            ...(receivedSignal ? { receivedSignal } : {}),
            ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
            ...(result.signal ? { signal: result.signal } : {}),
            killed,
            tail: tail.get(),
            ...(result.exitCode === undefined && !result.signal
                ? { spawnError: mask(result.shortMessage ?? result.message ?? 'could not start') }
                : {}),
        };
    }
    finally {
        clearTimeout(killTimer);
        signals.off('SIGINT', onSignal);
        signals.off('SIGTERM', onSignal);
    }
}
/** One line on how the child ended, e.g. "exit code 0" or "signal SIGKILL". */
function describeEnd(result) {
    if (result.spawnError)
        return `failed to start: ${result.spawnError}`;
    if (result.signal)
        return `signal ${result.signal}`;
    return `exit code ${result.exitCode ?? '?'}`;
}


/***/ })

};
