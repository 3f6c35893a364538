export const id = 751;
export const ids = [751];
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

/***/ 7032:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyCommand: () => (/* binding */ verifyCommand)
});

// EXTERNAL MODULE: ./lib/core/inputs.js
var core_inputs = __webpack_require__(662);
// EXTERNAL MODULE: ./lib/core/markdown/index.js + 4 modules
var markdown = __webpack_require__(1280);
;// CONCATENATED MODULE: ./lib/core/test-report.js
/**
 * Seed step 4 before step 5: the changed packages' test suites run before any image is built. The
 * PR comment of a failed run names the failing command and shows the end of its output. Pure.
 */

function parseTestCommands(field, value) {
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        return `Invalid ${field}: expected a JSON list of command lines (the plan's test-commands output), e.g. ["uv run pytest subjects/tikv/observer/tests/ -x -q"]`;
    }
    if (!Array.isArray(parsed) || !parsed.every((c) => typeof c === 'string' && c.trim() !== '')) {
        return `Invalid ${field}: expected a JSON list of non-empty command lines, got ${value.slice(0, 80)}`;
    }
    return parsed;
}
function renderTestFailure(failed, passed, skipped, runUrl) {
    return (0,markdown/* joinBlocks */.x9)('## ❌ Tests failed before the images were built', `${(0,markdown/* codeSpan */.SS)(failed.command)} ended with ${(0,markdown/* plainText */.wh)(failed.end)} after ${failed.seconds.toFixed(0)} s, so no image was built and no retry campaign was enqueued for this merge.`, `<details open><summary>Last ${failed.tail.length} lines of its output</summary>`, (0,markdown/* codeBlock */.DV)(failed.tail.join('\n') || '(no output)'), '</details>', passed.length > 0 && `Passed before it: ${passed.map((p) => (0,markdown/* codeSpan */.SS)(p.command)).join(', ')}.`, skipped.length > 0 && `Not run: ${skipped.map(markdown/* codeSpan */.SS).join(', ')}.`, `Fix the tests in a new PR (it can say \`Fixes #N\` of the same diagnosis issue); merging it runs the tests, the build and the retry again.${runUrl ? ` [Run](${runUrl})` : ''}`);
}

// EXTERNAL MODULE: ./lib/github/diagnosis-issue.js
var diagnosis_issue = __webpack_require__(2576);
// EXTERNAL MODULE: ./lib/github/session.js
var github_session = __webpack_require__(9811);
// EXTERNAL MODULE: ./lib/github/sticky-comment.js
var sticky_comment = __webpack_require__(4156);
// EXTERNAL MODULE: ./lib/process/output-tail.js
var output_tail = __webpack_require__(8959);
// EXTERNAL MODULE: ./lib/process/run-lines.js
var run_lines = __webpack_require__(4694);
;// CONCATENATED MODULE: ./lib/loop/run-tests.js


const TAIL_LINES = 60;
async function runTestCommands(commands, options) {
    const passed = [];
    for (const [index, command] of commands.entries()) {
        const result = await options.logger.group(`Test: ${command}`, () => runOne(command, options));
        if (!result.passed)
            return { passed, failed: result, skipped: commands.slice(index + 1) };
        passed.push(result);
    }
    return { passed, failed: undefined, skipped: [] };
}
async function runOne(command, options) {
    const tail = new output_tail/* LineTail */.Z(TAIL_LINES);
    const started = Date.now();
    const result = await (0,run_lines/* runLines */.r)('bash', ['-c', command], {
        cwd: options.cwd,
        timeoutMs: options.timeoutMs,
        killDescendants: true,
        onLine: (line) => {
            const text = (0,output_tail/* clipLine */.D)(options.mask(line));
            tail.push(text);
            options.logger.info(text);
        },
    });
    const end = result.timedOut
        ? `a timeout (${Math.round(options.timeoutMs / 60_000)} min)`
        : result.signal
            ? `signal ${result.signal}`
            : result.exitCode !== undefined
                ? `exit code ${result.exitCode}`
                : `a failure to start (${options.mask(result.shortMessage ?? 'unknown')})`;
    return {
        command,
        passed: !result.failed,
        end,
        tail: tail.get(),
        seconds: (Date.now() - started) / 1000,
    };
}

// EXTERNAL MODULE: ./lib/commands/common-inputs.js
var common_inputs = __webpack_require__(767);
// EXTERNAL MODULE: ./lib/commands/command.js
var command = __webpack_require__(5583);
;// CONCATENATED MODULE: ./lib/commands/verify.js
/**
 * `verify`: the merge path's tests before images (seed step 4). Runs the plan's test commands; on a
 * failure the PR's sticky comment shows the failing command and the end of its output, and the
 * command fails, so the build and retry jobs that need it do not run.
 */








/** Below the retry report's revisions (campaign id × 10 + stage): a later report replaces it. */
const TEST_COMMENT_REVISION = 1;
const DEFAULT_TIMEOUT_MINUTES = 30;
const verifyCommand = (0,command/* defineCommand */.N)({
    name: 'verify',
    description: 'Run the plan’s test commands before any image is built; on a failure, comment the failing command and its output on the PR and fail.',
    surfaces: ['action', 'cli'],
    outputs: {
        'failed-command': 'The test command that failed (empty when all passed)',
    },
    inputs: {
        'test-commands': {
            description: "JSON list of shell command lines: the plan's test-commands output",
            positional: 0,
            required: true,
        },
        'pr-number': { description: 'Pull request to comment on when a test fails' },
        'github-token': {
            description: 'Token for the PR comment (default: GITHUB_TOKEN); pull-requests: write',
            secret: true,
        },
        'timeout-minutes': {
            description: `Limit per test command (default ${DEFAULT_TIMEOUT_MINUTES})`,
        },
    },
    parse(inputs, io) {
        const raw = inputs.get('test-commands');
        if (raw === undefined)
            throw new core_inputs/* InputError */.dz("Missing test-commands: pass the plan's test-commands output");
        const commands = parseTestCommands('test-commands', raw);
        if (typeof commands === 'string')
            throw new core_inputs/* InputError */.dz(commands);
        const minutes = inputs.get('timeout-minutes') ?? String(DEFAULT_TIMEOUT_MINUTES);
        if (!/^\d{1,3}$/.test(minutes.trim()) || Number(minutes) < 1 || Number(minutes) > 350) {
            throw new core_inputs/* InputError */.dz(`Invalid timeout-minutes: '${minutes.slice(0, 20)}' — expected whole minutes from 1 to 350`);
        }
        const token = (0,common_inputs/* tokenFrom */.ow)(inputs, io);
        return {
            commands,
            prNumber: (0,common_inputs/* optionalId */.ui)(inputs, 'pr-number'),
            token,
            timeoutMs: Number(minutes) * 60_000,
        };
    },
    async run(input, io) {
        if (input.commands.length === 0) {
            io.print('No test commands in the plan: nothing to run.');
            io.setOutput('failed-command', '');
            return 0;
        }
        const result = await runTestCommands(input.commands, {
            cwd: io.cwd,
            timeoutMs: input.timeoutMs,
            logger: io.logger,
            mask: (text) => io.masker.mask(text),
        });
        io.setOutput('failed-command', result.failed?.command ?? '');
        if (!result.failed) {
            io.print(`All ${result.passed.length} test command(s) passed.`);
            return 0;
        }
        const body = renderTestFailure(result.failed, result.passed, result.skipped, runUrlOf(io.env));
        await io.appendSummary(body);
        await commentOnPull(input, io, body, result);
        io.logger.error(`Test command failed: ${result.failed.command} (${result.failed.end}).`);
        return 1;
    },
});
async function commentOnPull(input, io, body, result) {
    if (input.prNumber === undefined || !input.token) {
        io.logger.info('No pr-number or token: the failure is in the job summary only.');
        return;
    }
    const session = (0,github_session.openGitHubSession)({
        token: input.token,
        env: io.env,
        purpose: 'verify (the PR comment)',
        logger: io.logger,
    });
    const outcome = await (0,sticky_comment/* upsertStickyComment */.qD)((0,github_session.botTargetOf)(session, await (0,diagnosis_issue/* resolveBotIdentity */.iv)(session.client, io.env.ITERATE_CAMPAIGN_BOT_LOGIN), io.logger), {
        prNumber: input.prNumber,
        revision: TEST_COMMENT_REVISION,
        body,
        ...(session.context.runUrl ? { fullReportUrl: session.context.runUrl } : {}),
    });
    io.logger.info(`PR #${input.prNumber}: test failure of '${result.failed.command}' ${outcome.action}${outcome.url ? ` (${outcome.url})` : ''}.`);
}
function runUrlOf(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
    return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
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
