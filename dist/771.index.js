export const id = 771;
export const ids = [771];
export const modules = {

/***/ 9374:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $7: () => (/* binding */ decodeCommands),
/* harmony export */   $o: () => (/* binding */ scoreTrial),
/* harmony export */   X1: () => (/* binding */ healthReadsOnlyStoreStates)
/* harmony export */ });
/* unused harmony export isFinalStateHealthy */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3085);
/* harmony import */ var _py_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1867);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4258);



/** Suffix of every anomaly: the consequence for upstream. */
const UPSTREAM_FAILS = 'upstream raises here, so `eval analyze` fails for the whole campaign';
function raised(anomalies, field, error, fallback) {
    anomalies.push(`${field}: ${error.message} — ${UPSTREAM_FAILS}; ${fallback}`);
}
/**
 * Upstream `is_final_state_healthy`, step for step with the same short-circuits: decode errors are
 * unhealthy (upstream catches JSONDecodeError/TypeError), a non-dict state for tikv/chat-db-app and
 * a store that is not a dict before any non-`Up` store raise (listed in `anomalies`).
 */
function isFinalStateHealthy(finalState, subjectName, anomalies = []) {
    try {
        return finalStateHealthy(finalState, subjectName);
    }
    catch (error) {
        if (!(error instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyException */ .p7))
            throw error;
        raised(anomalies, 'final_state', error, 'scored as unhealthy');
        return false;
    }
}
/** Whether the health of `subjectName`'s trials reads nothing but `stores[*].state_name`. */
function healthReadsOnlyStoreStates(subjectName) {
    return subjectName.toLowerCase() === 'tikv';
}
function finalStateHealthy(finalState, subjectName) {
    let state;
    try {
        state = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeJsonColumnRaw */ .T4)(finalState, {});
    }
    catch (error) {
        // Upstream catches these two; ValueError (over-long int) escapes.
        if (error instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyException */ .p7 && error.pyType === 'JSONDecodeError')
            return false;
        throw error;
    }
    const subject = subjectName.toLowerCase();
    if (healthReadsOnlyStoreStates(subject)) {
        const stores = (0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyGet */ .yJ)(state, 'stores', []);
        if (!(0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyTruthy */ .Kn)(stores))
            return false;
        for (const store of (0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyIter */ .U9)(stores)) {
            if ((0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyGet */ .yJ)(store, 'state_name', null) !== 'Up')
                return false;
        }
        return true;
    }
    if (subject === 'chat-db-app' || subject === 'chat-db-app-shard') {
        const app = (0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyGet */ .yJ)(state, 'app', {});
        if ((0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isPyDict */ .GZ)(app) && (0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyTruthy */ .Kn)(app.error ?? null))
            return false;
        return (0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isPyDict */ .GZ)(app) && app.status === 'healthy';
    }
    return (0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyTruthy */ .Kn)(state);
}
/** Upstream `score_trial` with the deterministic (non-LLM) command counts. */
function scoreTrial(trial, subjectName, localUtcOffsetMinutes) {
    const anomalies = [];
    checkReadable(trial, anomalies);
    const timeToDetectSec = duration(trial.chaosInjectedAt, trial.ticketCreatedAt, localUtcOffsetMinutes, 'ticket_created_at', anomalies);
    const timeToResolveSec = duration(trial.chaosInjectedAt, trial.resolvedAt, localUtcOffsetMinutes, 'resolved_at', anomalies);
    const finalHealthy = isFinalStateHealthy(trial.finalState, subjectName, anomalies);
    const resolved = trial.resolvedAt !== null && finalHealthy;
    const outcome = resolved
        ? 'success'
        : trial.resolvedAt === null && !finalHealthy
            ? 'timeout'
            : 'failure';
    const { count, unique } = trial.commandStats ?? countCommands(trial.commands, anomalies);
    return {
        trialId: trial.id,
        outcome,
        resolved,
        finalHealthy,
        timeToDetectSec,
        timeToResolveSec,
        commandCount: count,
        uniqueCommands: unique,
        anomalies,
    };
}
const TIMESTAMP_FIELDS = [
    ['started_at', 'startedAt'],
    ['chaos_injected_at', 'chaosInjectedAt'],
    ['ticket_created_at', 'ticketCreatedAt'],
    ['resolved_at', 'resolvedAt'],
    ['ended_at', 'endedAt'],
];
/** asyncpg cannot turn a timestamp outside Python's years 1–9999 into a datetime: reading the row raises. */
function checkReadable(trial, anomalies) {
    for (const [column, field] of TIMESTAMP_FIELDS) {
        const text = trial[field];
        const problem = text ? (0,_time_js__WEBPACK_IMPORTED_MODULE_2__/* .pythonDatetimeProblem */ .Lb)(text) : null;
        if (problem !== null) {
            anomalies.push(`${column}: ${JSON.stringify(text)} ${problem}: asyncpg raises OverflowError reading the trial — ${UPSTREAM_FAILS}; the time is left empty`);
        }
    }
}
function duration(start, end, offset, field, anomalies) {
    if ((start && (0,_time_js__WEBPACK_IMPORTED_MODULE_2__/* .pythonDatetimeProblem */ .Lb)(start)) || (end && (0,_time_js__WEBPACK_IMPORTED_MODULE_2__/* .pythonDatetimeProblem */ .Lb)(end)))
        return null;
    try {
        return (0,_time_js__WEBPACK_IMPORTED_MODULE_2__/* .computeDurationSeconds */ .B9)(start, end, offset);
    }
    catch (error) {
        if (error instanceof _time_js__WEBPACK_IMPORTED_MODULE_2__/* .TimestampError */ .L6) {
            anomalies.push(`${field}: ${error.message} — ${UPSTREAM_FAILS}; the time is left empty`);
            return null;
        }
        throw error;
    }
}
/**
 * `commands = safe_json_loads(commands_json, [])`, `len(commands)` and
 * `len(set(c.get("tool_params", "") for c in commands))`, raising where Python raises. On a raise
 * the row counts the list's length (0 for anything else) and the distinct hashable params.
 */
function countCommands(value, anomalies) {
    let commands;
    try {
        commands = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeJsonColumnRaw */ .T4)(value, []);
    }
    catch (error) {
        if (!(error instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyException */ .p7))
            throw error;
        raised(anomalies, 'commands_json', error, 'counted as 0 commands');
        return { count: 0, unique: 0 };
    }
    try {
        const count = (0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyLen */ .lO)(commands);
        const seen = new Set();
        for (const command of (0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyIter */ .U9)(commands))
            seen.add((0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyHashKey */ .dg)((0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyGet */ .yJ)(command, 'tool_params', '')));
        return { count, unique: seen.size };
    }
    catch (error) {
        if (!(error instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyException */ .p7))
            throw error;
        const shape = Array.isArray(commands)
            ? 'a list whose items are not all dicts with hashable tool_params'
            : `a JSON ${(0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyTypeName */ .x_)(commands)}, not a list`;
        raised(anomalies, 'commands_json', error, `it is ${shape}; counted leniently`);
        return lenientCounts(commands);
    }
}
function lenientCounts(commands) {
    if (!Array.isArray(commands))
        return { count: 0, unique: 0 };
    const seen = new Set();
    for (const command of commands) {
        try {
            seen.add((0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyHashKey */ .dg)((0,_py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .pyGet */ .yJ)(command, 'tool_params', '')));
        }
        catch {
            // skipped: upstream raises on it
        }
    }
    return { count: commands.length, unique: seen.size };
}
/** The agent's tool calls for evidence; an unreadable column counts as none. */
function decodeCommands(value) {
    try {
        const commands = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeJsonColumnRaw */ .T4)(value, []);
        return Array.isArray(commands) ? commands : [];
    }
    catch (error) {
        if (error instanceof _py_json_js__WEBPACK_IMPORTED_MODULE_1__/* .PyException */ .p7)
            return [];
        throw error;
    }
}


/***/ }),

/***/ 4258:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B9: () => (/* binding */ computeDurationSeconds),
/* harmony export */   Gt: () => (/* binding */ asyncpgTimestamp),
/* harmony export */   L6: () => (/* binding */ TimestampError),
/* harmony export */   Lb: () => (/* binding */ pythonDatetimeProblem),
/* harmony export */   Qt: () => (/* binding */ toIsoString)
/* harmony export */ });
/* unused harmony export parseTimestamp */
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?$/;
class TimestampError extends Error {
}
function parseTimestamp(text) {
    const { seconds, fraction, aware } = parseExact(text);
    return { micros: seconds * 1_000_000 + fraction, aware };
}
function parseExact(text) {
    return parseCanonical(text) ?? parseGeneral(text);
}
/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y, m, d) {
    const yy = m <= 2 ? y - 1 : y;
    const era = Math.floor(yy / 400);
    const yoe = yy - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
const digit = (text, i) => text.charCodeAt(i) - 48;
const two = (text, i) => digit(text, i) * 10 + digit(text, i + 1);
/**
 * Fast path for what PostgreSQL prints for TIMESTAMPTZ in a UTC session
 * (`YYYY-MM-DD HH:MM:SS[.ffffff]+00`): 100,000-trial campaigns parse half a million of these.
 */
function parseCanonical(text) {
    if (text.length < 22 || text.charCodeAt(10) !== 32 || !text.endsWith('+00'))
        return null;
    let fraction = 0;
    const end = text.length - 3;
    if (end > 19) {
        if (text.charCodeAt(19) !== 46 || end - 20 > 6)
            return null;
        for (let i = 20; i < 26; i++)
            fraction = fraction * 10 + (i < end ? digit(text, i) : 0);
    }
    else if (end !== 19)
        return null;
    const year = two(text, 0) * 100 + two(text, 2);
    const month = two(text, 5);
    const day = two(text, 8);
    const hour = two(text, 11);
    const minute = two(text, 14);
    const second = two(text, 17);
    if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23))
        return null;
    if (!(minute >= 0 && minute <= 59 && second >= 0 && second <= 60 && fraction >= 0))
        return null;
    const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second;
    return { seconds, fraction, aware: true };
}
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function parseGeneral(text) {
    const match = PATTERN.exec(text.trim());
    if (!match)
        throw new TimestampError(`Invalid isoformat string: '${text}'`);
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', offset] = match;
    const [year, month, day] = [Number(y), Number(mo), Number(d)];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const valid = year >= 1 &&
        month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= (month === 2 && !leap ? 28 : (MONTH_DAYS[month - 1] ?? 0)) &&
        Number(h) <= 23 &&
        Number(mi) <= 59 &&
        Number(s) <= 59;
    if (!valid)
        throw new TimestampError(`Invalid isoformat string: '${text}'`);
    const fraction = Number((frac + '000000').slice(0, 6));
    const wall = daysFromCivil(year, month, day) * 86_400 + Number(h) * 3_600 + Number(mi) * 60 + Number(s);
    if (offset === undefined)
        return { seconds: wall, fraction, aware: false };
    const shift = Math.round(offsetMinutes(offset) * 60);
    // Offsets with seconds are whole seconds; keep the fraction apart.
    return { seconds: wall - shift, fraction, aware: true };
}
function offsetMinutes(offset) {
    if (offset === 'Z')
        return 0;
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(/:/g, '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2, 4) || '0');
    const seconds = Number(digits.slice(4, 6) || '0');
    return sign * (hours * 60 + minutes + seconds / 60);
}
/** Python datetime's range: 0001-01-01T00:00:00 to 9999-12-31T23:59:59.999999 (UTC here). */
const MIN_SECONDS = daysFromCivil(1, 1, 1) * 86_400;
const MAX_SECONDS = daysFromCivil(9999, 12, 31) * 86_400 + 86_399;
/**
 * What asyncpg hands upstream for PostgreSQL's `infinity` / `-infinity` TIMESTAMPTZ: the *naive*
 * `datetime.max` / `datetime.min` (pgproto codecs/datetime.pyx), which `isoformat()` prints so.
 */
const ASYNCPG_INFINITY = '9999-12-31T23:59:59.999999';
const ASYNCPG_NEGATIVE_INFINITY = '0001-01-01T00:00:00';
/** A timestamp as upstream's Trial holds it, from PostgreSQL's text output. */
function asyncpgTimestamp(text) {
    if (text === 'infinity')
        return ASYNCPG_INFINITY;
    if (text === '-infinity')
        return ASYNCPG_NEGATIVE_INFINITY;
    return text;
}
/**
 * Why asyncpg cannot make a Python datetime of PostgreSQL's text (years outside 1–9999: reading
 * the row raises OverflowError), or null when it can.
 */
function pythonDatetimeProblem(text) {
    // Fast path (several calls per trial): a four-digit year, not BC.
    if (text.charCodeAt(4) === 45 && text.charCodeAt(text.length - 1) !== 67)
        return null;
    if (/\sBC$/.test(text))
        return 'is before year 1';
    const year = /^(\d+)-/.exec(text)?.[1];
    if (year !== undefined && year.length > 4)
        return 'is after year 9999';
    return null;
}
/**
 * Upstream `compute_duration_seconds` (eval/src/eval/analysis/scoring.py): None when the start is
 * empty or the end is None; a naive value beside an aware one is taken as the analysing machine's
 * local time at its *current* UTC offset (upstream uses `datetime.now().astimezone().tzinfo`), and
 * converting it to UTC raises OverflowError past Python's year range; two naive values are both UTC.
 */
function computeDurationSeconds(start, end, localUtcOffsetMinutes) {
    if (!start || end === null)
        return null;
    const a = parseExact(start);
    const b = parseExact(end);
    const localShift = Math.round(localUtcOffsetMinutes * 60);
    const startSeconds = !a.aware && b.aware ? toUtc(a.seconds, localShift) : a.seconds;
    const endSeconds = a.aware && !b.aware ? toUtc(b.seconds, localShift) : b.seconds;
    // timedelta.total_seconds(): integer microseconds / 10**6, correctly rounded.
    const seconds = endSeconds - startSeconds;
    const fraction = b.fraction - a.fraction;
    const micros = seconds * 1_000_000 + fraction;
    if (Number.isSafeInteger(micros) && Math.abs(seconds) < 9e9)
        return micros / 1e6;
    return divideMicros(BigInt(seconds) * 1000000n + BigInt(fraction));
}
function toUtc(wallSeconds, localShift) {
    const utc = wallSeconds - localShift;
    if (utc < MIN_SECONDS || utc > MAX_SECONDS) {
        throw new TimestampError('OverflowError: date value out of range (naive time taken as local)');
    }
    return utc;
}
/** micros / 10**6 as Python's int true division rounds it (to nearest, ties to even). */
function divideMicros(micros) {
    const guess = Number(micros / 1000000n) + Number(micros % 1000000n) / 1e6;
    let best = guess;
    let bestError = exactError(guess, micros);
    for (const candidate of [nextDouble(guess, -1), nextDouble(guess, 1)]) {
        const error = exactError(candidate, micros);
        const cmp = compareFractions(error, bestError);
        if (cmp < 0 || (cmp === 0 && isEvenMantissa(candidate))) {
            best = candidate;
            bestError = error;
        }
    }
    return best;
}
/** |x * 10**6 - micros| as a fraction [numerator, denominator]. */
function exactError(x, micros) {
    const [num, den] = exactRational(x);
    const diff = num * 1000000n - micros * den;
    return [diff < 0n ? -diff : diff, den];
}
function compareFractions([a, b], [c, d]) {
    const left = a * d;
    const right = c * b;
    return left < right ? -1 : left > right ? 1 : 0;
}
function exactRational(x) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const negative = bits >> 63n === 1n;
    const exponent = Number((bits >> 52n) & 0x7ffn);
    let mantissa = bits & 0xfffffffffffffn;
    if (exponent !== 0)
        mantissa |= 1n << 52n;
    const power = (exponent === 0 ? 1 : exponent) - 1075;
    const signed = negative ? -mantissa : mantissa;
    return power >= 0 ? [signed << BigInt(power), 1n] : [signed, 1n << BigInt(-power)];
}
function nextDouble(x, direction) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigInt64(0);
    const away = x > 0 === direction > 0 || x === 0;
    view.setBigInt64(0, away ? bits + 1n : bits - 1n);
    return view.getFloat64(0);
}
function isEvenMantissa(x) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    return (view.getBigUint64(0) & 1n) === 0n;
}
/** ISO 8601 text in Python's `isoformat()` shape, e.g. `2026-02-10T12:34:56.123456+00:00`. */
function toIsoString(text) {
    if (!text)
        return text;
    const { seconds, fraction, aware } = parseExact(text);
    const days = Math.floor(seconds / 86_400);
    const secondOfDay = seconds - days * 86_400;
    const [y, m, d] = civilFromDays(days);
    const date = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
    const time = `${pad2(Math.floor(secondOfDay / 3600))}:${pad2(Math.floor(secondOfDay / 60) % 60)}:${pad2(secondOfDay % 60)}`;
    const frac = fraction ? `.${String(fraction).padStart(6, '0')}` : '';
    return `${date}T${time}${frac}${aware ? '+00:00' : ''}`;
}
const pad2 = (n) => (n < 10 ? `0${n}` : String(n));
/** Inverse of daysFromCivil (Howard Hinnant's civil_from_days). */
function civilFromDays(days) {
    const z = days + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp + (mp < 10 ? 3 : -9);
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}


/***/ }),

/***/ 6771:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ createEvalReader),
  Z: () => (/* binding */ toWorkItemRecord)
});

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./lib/core/json.js
var json = __webpack_require__(3085);
// EXTERNAL MODULE: ./lib/core/py-json.js
var py_json = __webpack_require__(1867);
// EXTERNAL MODULE: ./lib/core/time.js
var time = __webpack_require__(4258);
// EXTERNAL MODULE: ./lib/db/pool.js
var pool = __webpack_require__(9102);
;// CONCATENATED MODULE: ./lib/db/eval-rows.js




const MAX_INT4 = 2_147_483_647;
// Only the columns TrialRecord needs: initial_state and operator_data_json can be megabytes per row.
// SQL NULL JSON becomes upstream's default text ('{}' / '[]'), so a NULL here is JSON `null`.
// Commands are counted here when every item is an object whose tool_params is absent or a string
// (then jsonb string equality is Python's); any other shape is sent as its exact jsonb text, which
// core/scoring.ts reads as upstream does (Python equality of 1, 1.0 and true; raising shapes).
// Transferring and parsing every command list was 40% of loading a 100,000-trial campaign; the
// shape check and both counts are one pass over the list.
/** Whether the commands of the row are counted in SQL (see TRIAL_FIELDS). */
const SIMPLE_COMMANDS = `(jsonb_typeof(d.cj) = 'array' AND COALESCE(s.plain, true))`;
/** The columns `toTrialRecord` reads, in its order; FROM TRIAL_SOURCE. */
const TRIAL_FIELDS = `t.id, t.started_at, t.chaos_injected_at, t.ticket_created_at,
  t.resolved_at, t.ended_at, COALESCE(t.final_state, '{}'::jsonb),
  COALESCE(t.chaos_metadata, '{}'::jsonb),
  CASE WHEN ${SIMPLE_COMMANDS} THEN NULL ELSE d.cj::text END,
  CASE WHEN ${SIMPLE_COMMANDS} THEN s.count END,
  CASE WHEN ${SIMPLE_COMMANDS} THEN s.dist END`;
const TRIAL_FIELD_COUNT = 11;
const TRIAL_SOURCE = `trials t
  CROSS JOIN LATERAL (SELECT COALESCE(t.commands_json, '[]'::jsonb) AS cj) AS d
  CROSS JOIN LATERAL (
    SELECT count(*) AS count,
           count(DISTINCT COALESCE(c -> 'tool_params', '""'::jsonb)) AS dist,
           bool_and(jsonb_typeof(c) = 'object'
                    AND jsonb_typeof(COALESCE(c -> 'tool_params', '""'::jsonb)) = 'string') AS plain
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d.cj) = 'array' THEN d.cj ELSE '[]' END) AS c
  ) AS s`;
const FINAL_STATE = `COALESCE(t.final_state, '{}'::jsonb)`;
// The stores' state names, when every store is an object with one (`strict` fails otherwise,
// silently giving []): all a tikv campaign's health reads, a tenth of the state's text.
const STATE_NAMES = `CASE WHEN jsonb_typeof(${FINAL_STATE} -> 'stores') = 'array' THEN
    CASE WHEN jsonb_array_length(n.names) = jsonb_array_length(${FINAL_STATE} -> 'stores')
      THEN n.names::text END END`;
/**
 * The analysis stream's columns: TRIAL_FIELDS' first eight (timestamps and JSON), then the commands
 * as the tool_params of every item (`strict` fails, silently giving [], unless every item is an
 * object with tool_params) or, when that is not the whole list, the list's exact text. Node counts
 * the distinct params (distinctCount): counting them per row in SQL was most of the query's time.
 * With `storeNames` (tikv campaigns) the final state comes as its stores' state names instead
 * (column 10), whole only when a store has none.
 */
function streamTrialFields(storeNames) {
    return `t.id, t.started_at, t.chaos_injected_at, t.ticket_created_at,
  t.resolved_at, t.ended_at,
  ${storeNames ? `CASE WHEN sn.names IS NULL THEN ${FINAL_STATE} END` : FINAL_STATE},
  COALESCE(t.chaos_metadata, '{}'::jsonb),
  CASE WHEN jsonb_typeof(d.cj) <> 'array' THEN d.cj::text
       WHEN jsonb_array_length(p.params) <> jsonb_array_length(d.cj) THEN d.cj::text END,
  CASE WHEN jsonb_typeof(d.cj) <> 'array' THEN NULL
       WHEN jsonb_array_length(p.params) = jsonb_array_length(d.cj) THEN p.params::text END,
  ${storeNames ? 'sn.names' : 'NULL::text'}`;
}
const STREAM_TRIAL_FIELD_COUNT = 11;
function streamTrialSource(storeNames) {
    return `trials t
  CROSS JOIN LATERAL (SELECT COALESCE(t.commands_json, '[]'::jsonb) AS cj) AS d
  CROSS JOIN LATERAL jsonb_path_query_array(d.cj, 'strict $[*].tool_params', '{}', true) AS p(params)${storeNames
        ? `
  CROSS JOIN LATERAL jsonb_path_query_array(${FINAL_STATE}, 'strict $.stores[*].state_name', '{}', true) AS n(names)
  CROSS JOIN LATERAL (SELECT ${STATE_NAMES} AS names) AS sn`
        : ''}`;
}
/**
 * A row of streamTrialFields as the analysis reads it (Trial.from_row, see toTrialRecord).
 * `storesOf` turns the state names text into the final state's stores (callers share equal ones).
 */
function toStreamedTrialRecord(row, campaignId, storesOf = finalStateOfNames) {
    return {
        ...trialStart(row, campaignId),
        finalState: row[10] == null ? row[6] : storesOf(row[10]),
        chaosMetadata: row[7],
        ...streamedCommands(row[8], row[9]),
    };
}
/** Distinct strings: compared pairwise for short lists (no Set to allocate per trial). */
function distinctCount(values) {
    if (values.length > 16)
        return new Set(values).size;
    let distinct = 0;
    for (let i = 0; i < values.length; i++) {
        let seen = false;
        for (let j = 0; j < i && !seen; j++)
            seen = values[j] === values[i];
        if (!seen)
            distinct += 1;
    }
    return distinct;
}
/** `{"stores": [{"state_name": …}, …]}`: the part of a final state tikv's health rule reads. */
function finalStateOfNames(stateNames) {
    const names = JSON.parse(stateNames);
    return { stores: names.map((name) => ({ state_name: name })) };
}
function streamedCommands(raw, params) {
    if (params === null)
        return { commands: new json/* JsonText */.kB(raw ?? '[]') };
    const values = JSON.parse(params);
    if (values.every((value) => typeof value === 'string')) {
        return { commands: [], commandStats: { count: values.length, unique: distinctCount(values) } };
    }
    // Numbers, booleans, lists: Python's equality and hashing decide, on the exact values; only
    // tool_params is read of each item, so the items are rebuilt around it.
    let exact;
    try {
        exact = (0,py_json/* pyJsonLoads */.l4)(params);
    }
    catch {
        // An int Python refuses to parse (over 4,300 digits): json.loads of the whole list raises the
        // same ValueError, which scoring reports.
        return { commands: new json/* JsonText */.kB(params) };
    }
    return { commands: exact.map((value) => ({ tool_params: value })) };
}
// chaos_params as its exact jsonb text: JSON.parse would turn `50.0` into 50 and round big ints.
const WORK_ITEM_SELECT = `id, campaign_id, subject_type, chaos_type, chaos_params::text, baseline,
  status, worker_id, claimed_at, completed_at, trial_id, error, sequence_number, vm_name,
  resolution_timeout`;
/**
 * Trial.from_row: NULL start/injection/end → "", NULL ticket/resolved stay null; NULL JSON →
 * default. `row` starts with TRIAL_FIELDS.
 */
function toTrialRecord(row, campaignId) {
    return {
        ...trialStart(row, campaignId),
        finalState: row[6],
        chaosMetadata: row[7],
        ...commandFields(row[8], row[9], row[10]),
    };
}
/** jsonb text decoded as Python's json.loads would (`50.0` a PyFloat); kept as text if it cannot be. */
function exactJson(text) {
    try {
        return (0,py_json/* pyJsonLoads */.l4)(text);
    }
    catch {
        return new json/* JsonText */.kB(text);
    }
}
/** Id and timestamps of a row starting with TRIAL_FIELDS' first six columns. */
function trialStart(row, campaignId) {
    return {
        id: row[0],
        campaignId,
        startedAt: timestamp(row[1]) ?? '',
        chaosInjectedAt: timestamp(row[2]) ?? '',
        ticketCreatedAt: timestamp(row[3]),
        resolvedAt: timestamp(row[4]),
        endedAt: timestamp(row[5]) ?? '',
    };
}
function timestamp(value) {
    return typeof value === 'string' ? (0,time/* asyncpgTimestamp */.Gt)(value) : null;
}
function commandFields(raw, count, unique) {
    if (count === null || count === undefined)
        return { commands: new json/* JsonText */.kB(raw) };
    return { commands: [], commandStats: { count: Number(count), unique: Number(unique) } };
}
function workItemFromArray(row, chaosParams = row[4] ?? {}) {
    return {
        id: row[0],
        campaignId: row[1],
        subjectType: row[2],
        chaosType: row[3],
        chaosParams,
        baseline: Boolean(row[5]),
        status: row[6] ?? '',
        workerId: row[7],
        claimedAt: row[8],
        completedAt: row[9],
        trialId: row[10],
        error: row[11],
        sequenceNumber: row[12],
        vmName: row[13],
        resolutionTimeout: row[14],
    };
}
/** A row of WORK_ITEM_SELECT with its params decoded exactly. */
function workItemFromSelect(row) {
    return workItemFromArray(row, row[4] == null ? {} : exactJson(row[4]));
}
function arrayQuery(text, values) {
    return { text, values, types: pool/* EVAL_TYPES */.zN, rowMode: 'array' };
}
function isInt4(id) {
    return Number.isInteger(id) && id >= -MAX_INT4 - 1 && id <= MAX_INT4;
}

// EXTERNAL MODULE: ./lib/core/scoring.js
var scoring = __webpack_require__(9374);
;// CONCATENATED MODULE: ./lib/db/campaign-snapshot.js
/**
 * One campaign read for analysis in constant memory: work items summed up in SQL, trials streamed
 * row by row to the caller as they arrive, evidence rows fetched by id at the end.
 */




/**
 * From this many work items the planner is told that parallel workers cost nothing to start or to
 * hand rows over (it prices a 100,000-row result too high to split). Their scans, joins and JSON
 * paths then run on several cores: 100,000 trials stream in about 60% of the time, 10,000 in 70%.
 * Below it starting workers is about what they save.
 */
const PARALLEL_FROM_ITEMS = 10_000;
const PARALLEL_SETTINGS = [
    'parallel_setup_cost',
    'parallel_tuple_cost',
    // The campaign is what is read, not the whole table or index these sizes are compared with.
    'min_parallel_table_scan_size',
    'min_parallel_index_scan_size',
];
/** Decoded JSON texts kept for reuse (final states and params repeat across trials). */
const MEMO_ENTRIES = 512;
const MEMO_MAX_TEXT = 4_096;
const JSON_OID = 114;
const JSONB_OID = 3802;
/**
 * The analysis stream: each trial with the work item indexWorkItemsByTrial picks for it, the
 * campaign's last (highest id). An anti-join (hashes) rather than DISTINCT ON, whose sort spills to
 * disk for large campaigns. Run after planTrialStream.
 */
const trialStreamQuery = (storeNames) => `SELECT ${streamTrialFields(storeNames)}, w.id,
    w.subject_type, w.chaos_type, w.chaos_params::text, w.baseline
  FROM ${streamTrialSource(storeNames)}
  LEFT JOIN (
    SELECT trial_id, id, subject_type, chaos_type, chaos_params, baseline
    FROM work_queue AS w1
    WHERE campaign_id = $1 AND trial_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM work_queue AS w2
      WHERE w2.campaign_id = $1 AND w2.trial_id = w1.trial_id AND w2.id > w1.id)
  ) AS w ON w.trial_id = t.id
  WHERE t.campaign_id = $1`;
// One row per (subject, chaos type, params text, baseline), in order of its first work item.
const GROUPS_QUERY = `SELECT subject_type, chaos_type, chaos_params::text, COALESCE(baseline, false),
    max(resolution_timeout), count(*),
    count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'running'),
    count(*) FILTER (WHERE status = 'completed'), count(*) FILTER (WHERE status = 'failed')
  FROM work_queue WHERE campaign_id = $1
  GROUP BY 1, 2, 3, 4
  ORDER BY min(id)`;
/** `session` is inside a REPEATABLE READ READ ONLY transaction when `owned`. */
async function openSnapshot(session, owned, campaign) {
    const workItems = await summarizeWorkItems(session, campaign.id);
    return {
        campaign,
        workItems,
        forEachTrial: (visit) => streamTrials(session, owned, campaign, workItems, visit),
        evidence: (ids, limit) => selectEvidence(session, campaign.id, ids, limit),
    };
}
async function summarizeWorkItems(db, campaignId) {
    const params = memo(exactJson);
    const { rows } = await db.query(arrayQuery(GROUPS_QUERY, [campaignId]));
    const statuses = { total: 0, pending: 0, running: 0, completed: 0, failed: 0 };
    const groups = rows.map((row) => {
        statuses.total += Number(row[5]);
        statuses.pending += Number(row[6]);
        statuses.running += Number(row[7]);
        statuses.completed += Number(row[8]);
        statuses.failed += Number(row[9]);
        return {
            subjectType: row[0],
            chaosType: row[1],
            chaosParams: row[2] == null ? {} : params(row[2]),
            baseline: row[3],
            resolutionTimeout: row[4],
        };
    });
    const broken = await db.query(arrayQuery(`SELECT ${WORK_ITEM_SELECT} FROM work_queue
       WHERE campaign_id = $1 AND status = 'failed' AND trial_id IS NULL ORDER BY id`, [campaignId]));
    return { groups, statuses, broken: broken.rows.map(workItemFromSelect) };
}
async function streamTrials(db, owned, campaign, workItems, visit) {
    const campaignId = campaign.id;
    const storeNames = (0,scoring/* healthReadsOnlyStoreStates */.X1)(campaign.subjectName);
    const params = memo(exactJson);
    const stores = memo(finalStateOfNames);
    const visitRow = (row) => {
        const i = STREAM_TRIAL_FIELD_COUNT;
        const workId = row[i];
        visit(toStreamedTrialRecord(row, campaignId, stores), workId === null
            ? undefined
            : {
                id: workId,
                subjectType: row[i + 1],
                chaosType: row[i + 2],
                chaosParams: row[i + 3] == null ? {} : params(row[i + 3]),
                baseline: Boolean(row[i + 4]),
            });
    };
    if (owned)
        await planTrialStream(db, workItems.statuses.total);
    const query = {
        text: trialStreamQuery(storeNames),
        values: [campaignId],
        types: memoJsonTypes(),
    };
    await forEachRow(db, query, visitRow);
}
/**
 * Planner settings for trialStreamQuery, local to the snapshot's transaction, in one round trip
 * (the history reads up to ten campaigns, on links where a round trip can take 20 ms).
 *
 * Nested loops are off: a campaign is usually read just after it finished, before autovacuum has
 * analysed its rows, so the statistics know nothing of it and the planner expects one row. It then
 * nests loops over the campaign's work items inside the loop over its trials, work that grows with
 * the cube of the campaign: 0.5 s for 100 trials, 20 s for 300, so past the 60 s statement timeout
 * from about 450. Hash joins cost about the same for a one-row campaign. (The JSON laterals still
 * nest: there is no other way to run them.)
 */
async function planTrialStream(db, workItemCount) {
    const settings = [['enable_nestloop', 'off']];
    if (workItemCount >= PARALLEL_FROM_ITEMS) {
        for (const setting of PARALLEL_SETTINGS)
            settings.push([setting, '0']);
    }
    await db.query({
        text: `SELECT ${settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
        values: settings.flat(),
    });
}
/**
 * Runs `query` and hands each row to `visit` as it arrives, keeping none: memory stays flat
 * whatever the result's size, and no cursor is needed (a cursor's plan cannot use parallel
 * workers). A first error of `visit` fails the query once the server has finished it. Sessions
 * that are not a pg client get one result, visited row by row. The whole stream is one statement,
 * so statement_timeout bounds it (60 s by default; 100,000 trials take about 2 s).
 */
async function forEachRow(db, query, visit) {
    const config = { ...query, rowMode: 'array' };
    if (!(db instanceof esm/* default.Client */.Ay.Client)) {
        const { rows } = await db.query(config);
        for (const row of rows)
            visit(row);
        return;
    }
    let failure;
    await new Promise((resolve, reject) => {
        const rows = new esm/* default.Query */.Ay.Query(config, (error) => {
            if (error)
                reject(error);
            else if (failure)
                reject(failure.error);
            else
                resolve();
        });
        rows.on('row', (row, result) => {
            // pg also collects the rows of a query that has a callback (its query_timeout adds one).
            if (result)
                result.rows.length = 0;
            if (failure)
                return;
            try {
                visit(row);
            }
            catch (error) {
                failure = { error };
            }
        });
        db.query(rows);
    });
}
async function selectEvidence(db, campaignId, trialIds, commandLimit) {
    const found = new Map();
    if (trialIds.length === 0)
        return found;
    const trials = await db.query(arrayQuery(`SELECT ${TRIAL_FIELDS},
         CASE WHEN ${SIMPLE_COMMANDS}
           THEN jsonb_path_query_array(d.cj, ('$[0 to ' || ($3::int - 1) || ']')::jsonpath) END
       FROM ${TRIAL_SOURCE} WHERE t.campaign_id = $1 AND t.id = ANY($2::int[])`, [campaignId, trialIds, commandLimit]));
    const items = await db.query(arrayQuery(`SELECT ${WORK_ITEM_SELECT} FROM work_queue
       WHERE campaign_id = $1 AND trial_id = ANY($2::int[]) ORDER BY id`, [campaignId, trialIds]));
    const itemsByTrial = new Map();
    for (const row of items.rows) {
        const item = workItemFromSelect(row);
        itemsByTrial.set(item.trialId, item);
    }
    for (const row of trials.rows) {
        const trial = toTrialRecord(row, campaignId);
        const prefix = row[TRIAL_FIELD_COUNT];
        if (trial.commandStats && prefix != null)
            trial.commands = prefix;
        found.set(trial.id, { trial, workItem: itemsByTrial.get(trial.id) });
    }
    return found;
}
/** JSON columns parsed as pg does (JSON.parse), each distinct short text once per stream. */
function memoJsonTypes() {
    const parse = memo((text) => JSON.parse(text));
    return {
        getTypeParser: ((oid, format) => oid === JSONB_OID || oid === JSON_OID
            ? parse
            : pool/* EVAL_TYPES */.zN.getTypeParser(oid, format)),
    };
}
/**
 * `decode` with its results reused for equal short texts. The values are shared between rows, so
 * nothing may modify them (the analysis only reads them).
 */
function memo(decode) {
    const cache = new Map();
    return (text) => {
        if (text.length > MEMO_MAX_TEXT)
            return decode(text);
        const hit = cache.get(text);
        if (hit !== undefined || cache.has(text))
            return hit;
        const value = decode(text);
        if (cache.size >= MEMO_ENTRIES)
            cache.clear();
        cache.set(text, value);
        return value;
    };
}

// EXTERNAL MODULE: ./lib/db/connection-url.js
var connection_url = __webpack_require__(2956);
;// CONCATENATED MODULE: ./lib/db/eval-reader.js





const CAMPAIGN_COLUMNS = `id, subject_name, chaos_type, name, trial_count, baseline, continuous, notable,
  notes, variant_name, git_commit_hash, created_at`;
const WORK_ITEM_COLUMNS = `id, campaign_id, subject_type, chaos_type, chaos_params, baseline,
  status, worker_id, claimed_at, completed_at, trial_id, error, sequence_number, vm_name,
  resolution_timeout`;
function createEvalReader(source) {
    // Reads only: a lost connection is retried on a fresh one.
    const db = (0,pool/* repeatable */.EQ)(source);
    const getCampaign = (id) => selectCampaign(db, id);
    const getTrials = (campaignId) => selectTrials(db, campaignId);
    const getWorkItems = (campaignId) => selectWorkItems(db, campaignId);
    const listCampaignIdsNear = (id, limit = 3) => selectIdsNear(db, id, limit);
    return {
        getCampaign,
        getTrials,
        getWorkItems,
        listCampaignIdsNear,
        loadCampaignData: (id) => inSnapshot(db, (session) => loadAll(session, id)),
        findLatestFinishedCampaign: (nameGlob) => findLatestFinished(db, nameGlob),
        getTrialCommands: (trialIds, limit) => selectTrialCommands(db, trialIds, limit),
        readCampaign: (id, fn) => inSnapshot(db, async (session, owned) => fn(await openSnapshot(session, owned, await existingCampaign(session, id)))),
    };
}
async function loadAll(db, id) {
    const campaign = await existingCampaign(db, id);
    // Work items before trials: a completed item's trial row is inserted before the item completes.
    const workItems = await selectWorkItems(db, id);
    const trials = await selectTrials(db, id);
    return { campaign, trials, workItems };
}
async function existingCampaign(db, id) {
    if (!Number.isInteger(id) || id < 1) {
        throw new connection_url/* DatabaseError */.a$(`invalid campaign id ${id}: expected a positive integer`);
    }
    const campaign = await selectCampaign(db, id);
    if (!campaign)
        throw await notFound(db, id);
    return campaign;
}
async function notFound(db, id) {
    const near = await selectIdsNear(db, id, 3);
    const hint = near.length > 0
        ? ` (nearest existing campaigns: ${near.join(', ')})`
        : ' (the database has no campaigns)';
    return new connection_url/* DatabaseError */.a$(`Campaign ${id} not found${hint}`);
}
async function selectCampaign(db, id) {
    if (!isInt4(id))
        return null;
    const { rows } = await db.query({
        text: `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1`,
        values: [id],
        types: pool/* EVAL_TYPES */.zN,
    });
    return rows[0] ? toCampaignRecord(rows[0]) : null;
}
async function selectTrials(db, campaignId) {
    if (!isInt4(campaignId))
        return [];
    const { rows } = await db.query(arrayQuery(`SELECT ${TRIAL_FIELDS} FROM ${TRIAL_SOURCE} WHERE t.campaign_id = $1`, [
        campaignId,
    ]));
    return sortedById(rows.map((row) => toTrialRecord(row, campaignId)));
}
async function selectTrialCommands(db, trialIds, limit) {
    if (trialIds.length === 0)
        return new Map();
    const { rows } = await db.query({
        text: `SELECT id, CASE WHEN jsonb_typeof(commands_json) = 'array'
                   THEN jsonb_path_query_array(commands_json, ('$[0 to ' || ($2::int - 1) || ']')::jsonpath)
                   ELSE commands_json END AS commands
           FROM trials WHERE id = ANY($1::int[])`,
        values: [trialIds, limit],
    });
    return new Map(rows.map((row) => [row.id, row.commands ?? []]));
}
async function selectWorkItems(db, campaignId) {
    if (!isInt4(campaignId))
        return [];
    const { rows } = await db.query(arrayQuery(`SELECT ${WORK_ITEM_SELECT} FROM work_queue WHERE campaign_id = $1`, [campaignId]));
    return sortedById(rows.map(workItemFromSelect));
}
async function selectIdsNear(db, id, limit) {
    if (!Number.isFinite(id) || limit <= 0)
        return [];
    const pivot = Math.max(-MAX_INT4, Math.min(MAX_INT4, Math.trunc(id)));
    // Two index range scans instead of sorting the whole table by distance.
    const { rows } = await db.query({
        text: `(SELECT id FROM campaigns WHERE id < $1 ORDER BY id DESC LIMIT $2)
           UNION ALL
           (SELECT id FROM campaigns WHERE id >= $1 ORDER BY id LIMIT $2)`,
        values: [pivot, limit],
    });
    return rows
        .map((row) => row.id)
        .filter((candidate) => candidate !== id)
        .sort((a, b) => Math.abs(a - id) - Math.abs(b - id) || a - b)
        .slice(0, limit);
}
const FINISHED_PAGE = 500;
async function findLatestFinished(db, nameGlob) {
    const matches = nameGlob ? picomatch(nameGlob, { bash: true, dot: true }) : () => true;
    let below = MAX_INT4 + 1;
    for (;;) {
        const { rows } = await db.query({
            text: `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c
             WHERE c.id < $1::bigint
               AND EXISTS (SELECT 1 FROM work_queue w WHERE w.campaign_id = c.id)
               AND NOT EXISTS (
                 SELECT 1 FROM work_queue w
                 WHERE w.campaign_id = c.id
                   AND (w.status IS NULL OR w.status NOT IN ('completed', 'failed'))
               )
             ORDER BY c.id DESC
             LIMIT $2`,
            values: [below, FINISHED_PAGE],
            types: pool/* EVAL_TYPES */.zN,
        });
        for (const row of rows) {
            const campaign = toCampaignRecord(row);
            if (matches(campaign.name))
                return campaign;
        }
        if (rows.length < FINISHED_PAGE)
            return null;
        below = rows[rows.length - 1].id;
    }
}
/** Campaign.from_row: empty/NULL name falls back to `subject/chaos_type`, variant to `default`. */
function toCampaignRecord(row) {
    const subjectName = row.subject_name ?? '';
    return {
        id: row.id,
        subjectName,
        name: row.name || `${subjectName}/${row.chaos_type ?? ''}`,
        trialCount: row.trial_count,
        baseline: Boolean(row.baseline),
        continuous: Boolean(row.continuous),
        notable: Boolean(row.notable),
        notes: row.notes ?? '',
        variantName: row.variant_name || 'default',
        gitCommitHash: row.git_commit_hash || '',
        createdAt: row.created_at ?? '',
    };
}
/** A work_queue row by column name (e.g. `RETURNING *`) as a record. */
function toWorkItemRecord(row) {
    return workItemFromArray(WORK_ITEM_COLUMNS.split(',').map((column) => row[column.trim()]));
}
/**
 * Upstream reads `ORDER BY id`. Sorting here instead spares the server a sort that spills to disk
 * for 100k-row campaigns (about a quarter of the load time); rows usually arrive in id order anyway.
 */
function sortedById(records) {
    for (let i = 1; i < records.length; i++) {
        if (records[i - 1].id > records[i].id)
            return records.sort((a, b) => a.id - b.id);
    }
    return records;
}
/**
 * One REPEATABLE READ snapshot when we own the connection, so the three reads agree; a
 * caller-supplied client is used as is (it may already be inside the caller's transaction).
 */
function inSnapshot(db, fn) {
    return (0,pool/* withSession */.fQ)(db, async (session, owned) => {
        if (!owned)
            return fn(session, false);
        await session.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
        try {
            const result = await fn(session, true);
            await session.query({ text: 'COMMIT' });
            return result;
        }
        catch (error) {
            await session.query({ text: 'ROLLBACK' }).catch(() => undefined);
            throw error;
        }
    });
}


/***/ })

};
