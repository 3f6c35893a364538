export const id = 685;
export const ids = [685];
export const modules = {

/***/ 7685:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compareCommand: () => (/* binding */ compareCommand),
/* harmony export */   createCompareCommand: () => (/* binding */ createCompareCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _core_command_summaries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9231);
/* harmony import */ var _core_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1280);
/* harmony import */ var _core_targets_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(1641);
/* harmony import */ var _core_gates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4811);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(662);
/* harmony import */ var _core_retry_report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8920);
/* harmony import */ var _db_retry_reports_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1182);
/* harmony import */ var _github_repo_context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4013);
/* harmony import */ var _loop_report_retry_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3669);
/* harmony import */ var _loop_worker_logs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9767);
/* harmony import */ var _loop_retry_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(664);
/* harmony import */ var _loop_top_up_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7839);
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(767);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(5583);
/* harmony import */ var _report_inputs_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2118);
/* harmony import */ var _loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(9968);
/**
 * `compare`: the retry campaign against the campaign it retried, per chaos type and params (Fisher's
 * exact test per row, Wilson interval against the target), then — exactly once per retry, however
 * many runs (wait path, reconcile, re-runs) get here — the iteration appended to the diagnosis issue
 * and the sticky PR comment written. Outputs and the job summary are set on every run.
 */

















function createCompareCommand(deps = _loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .DEFAULT_REPORT_DEPENDENCIES */ .Tk) {
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_14__/* .defineCommand */ .N)({
        name: 'compare',
        description: 'Compare a finished retry campaign with the campaign it retried; comment the verdict on the PR once.',
        surfaces: ['action', 'cli'],
        outputs: {
            verdict: 'regressed, target-reached, improved or not-improved; pending while a top-up round runs',
            'top-up-campaign-id': 'The follow-up campaign running more trials for inconclusive combinations (when one is queued or running)',
            'worker-indexes': 'JSON list of worker indexes for the top-up campaign, e.g. [0,1,2]',
            'win-rate': "The retry's win rate without baseline trials, a fraction with 4 decimals",
            'target-reached': "true when the retry's win rate is at or above the target (see the comment for the confidence)",
            regressions: 'JSON list of combinations that got significantly worse, e.g. [{"chaos_type":"node_kill","params":{}}]',
        },
        inputs: {
            'retry-campaign-id': {
                description: 'The finished retry campaign',
                positional: 0,
                required: true,
            },
            'campaign-id': {
                description: 'The campaign it retried (default: the link retry stored)',
            },
            'pr-number': {
                description: 'PR to comment on (default: the link retry stored, else the event’s PR)',
            },
            'target-win-rate': {
                description: 'Target win rate: 90, 90% or 0.9 (default: config targets.default, else 90%; per chaos type: config targets)',
                cliAlias: 'target',
            },
            ...(0,_report_inputs_js__WEBPACK_IMPORTED_MODULE_12__/* .reportInputs */ .eP)('Token for the PR comment and the diagnosis issue (default: GITHUB_TOKEN); without one the comparison is only printed'),
            'fail-on': { description: _core_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .FAIL_ON_DESCRIPTION */ .mB },
            format: _common_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .FORMAT_INPUT */ .z5,
            'worker-logs': {
                description: "Directory of the retry's worker logs (the workflows download the worker-logs-* artifacts): each failed trial of the retry shows the lines of its work item in the issue's iteration",
            },
        },
        parse: (inputs, io) => parseCompareInput(inputs, io),
        run: (input, io) => runCompare(input, io, deps),
    });
}
const compareCommand = createCompareCommand();
function parseCompareInput(inputs, io) {
    const retryCampaignId = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .requiredId */ .rP)(inputs, 'retry-campaign-id', 'give the finished retry campaign, such as 124');
    const databaseUrl = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .readDatabaseUrl */ .Bq)(inputs, io);
    const token = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .tokenFrom */ .ow)(inputs, io);
    const workerLogs = inputs.get('worker-logs');
    return {
        retryCampaignId,
        previousCampaignId: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .optionalId */ .ui)(inputs, 'campaign-id'),
        prNumber: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .optionalId */ .ui)(inputs, 'pr-number'),
        target: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .optionalTargetRate */ .q3)(inputs),
        databaseUrl,
        token,
        configPath: inputs.get('config'),
        labels: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .readLabels */ .k2)(inputs),
        failOn: (0,_core_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFailOn */ .XV)('fail-on', inputs.get('fail-on'), 'compare'),
        format: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .readReportFormat */ .o9)(inputs, io),
        workerLogsDir: workerLogs === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, workerLogs),
    };
}
async function runCompare(input, io, deps) {
    if (!input.token) {
        io.logger.warning('No github-token: the comparison is printed, nothing is written.');
    }
    const report = {
        command: 'compare',
        ...input,
        validationFile: _loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .DEFAULT_VALIDATION_CAMPAIGN */ .JB,
        readOnlyWithoutToken: true,
    };
    return (0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .withReportContext */ .WF)(report, io, deps, async (ctx) => {
        const { db, github } = ctx;
        const target = (0,_core_targets_js__WEBPACK_IMPORTED_MODULE_15__/* .defaultTarget */ .zo)(input.target, ctx.config.targets.default);
        const run = await (0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .retryRunOf */ .LW)(db, input.retryCampaignId);
        const link = resolveLink(input, target, run, io, github);
        const progress = await (0,_loop_top_up_js__WEBPACK_IMPORTED_MODULE_10__/* .retryProgress */ .o0)({ db }, input.retryCampaignId);
        if (!progress.finished)
            return topUpRunning(io, progress);
        const loaded = await (0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .loadRetryComparison */ .Ip)(ctx, link.previousCampaignId, input.retryCampaignId, target);
        const topUp = github ? await (0,_loop_top_up_js__WEBPACK_IMPORTED_MODULE_10__/* .topUpIfUndecided */ .r8)({ db, logger: io.logger }, loaded) : null;
        if (topUp)
            return await toppedUp(io, ctx, loaded, run, topUp, input.failOn);
        setCompareOutputs(io, loaded);
        if (input.workerLogsDir)
            await (0,_loop_worker_logs_js__WEBPACK_IMPORTED_MODULE_8__/* .attachWorkerLogExcerpts */ .y)(loaded.after.trials_detail, input.workerLogsDir, io.logger);
        const result = github
            ? await (0,_loop_report_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .reportRetry */ .v)(ctx, await (0,_db_retry_reports_js__WEBPACK_IMPORTED_MODULE_5__/* .openReport */ .NL)(db, link), loaded, run)
            : { kind: 'printed', body: (0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .renderReportComment */ .C)(ctx, loaded, run, undefined) };
        io.print(input.format === 'md' ? result.body : await renderText(ctx, loaded, run, result, io));
        await io.appendSummary(`${summaryNote(result)}\n\n${result.body}`);
        return applyGate(io, (0,_core_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .comparisonGate */ .ln)(input.failOn, loaded.comparison));
    });
}
/** Loaded on demand: the terminal renderer (and its table library) stays out of the action's path. */
async function renderText(ctx, loaded, run, result, io) {
    const { renderComparisonText } = await Promise.all(/* import() */[__webpack_require__.e(502), __webpack_require__.e(678)]).then(__webpack_require__.bind(__webpack_require__, 7678));
    const { PLAIN_STYLE } = await __webpack_require__.e(/* import() */ 9).then(__webpack_require__.bind(__webpack_require__, 5009));
    const issue = result.kind === 'reported' ? (result.issue?.issue?.number ?? undefined) : undefined;
    const context = (0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .reportTextContext */ .bQ)(ctx, loaded, run, issue ?? run?.diagnosisIssue ?? undefined);
    return renderComparisonText(loaded.comparison, context, io.style ?? PLAIN_STYLE);
}
// ── the link: previous campaign, PR, issue ─────────────────────────────────────────────────────
/** Inputs first, then the link retry stored, then the event's PR. */
function resolveLink(input, target, run, io, github) {
    const previous = input.previousCampaignId ?? run?.previousCampaignId ?? undefined;
    if (previous === undefined) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_16__/* .InputError */ .dz(`Missing campaign-id: retry campaign ${input.retryCampaignId} has no stored link to the campaign it retried; pass campaign-id`);
    }
    const repository = github ? (0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .repositoryOf */ ._M)(github) : (run?.repository ?? '');
    if (run && github && run.repository !== repository) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_16__/* .InputError */ .dz(`Retry campaign ${input.retryCampaignId} belongs to ${run.repository}, not ${repository}: run compare in that repository`);
    }
    return {
        retryCampaignId: input.retryCampaignId,
        retryRunId: run?.id ?? null,
        repository,
        prNumber: input.prNumber ?? run?.prNumber ?? (0,_github_repo_context_js__WEBPACK_IMPORTED_MODULE_6__/* .eventSelection */ .nE)(io.env).eventPullNumber ?? null,
        previousCampaignId: previous,
        diagnosisIssue: run?.diagnosisIssue ?? null,
        targetWinRate: target,
    };
}
/** The retry itself must have finished; a running top-up round is not an error. */
function topUpRunning(io, progress) {
    if (progress.round === null) {
        throw new Error(`Retry ${progress.line}. compare needs a finished campaign: run wait first, or let reconcile report it when it finishes.`);
    }
    io.setOutput('verdict', 'pending');
    io.setOutput('top-up-campaign-id', progress.campaignId);
    io.print(`Waiting for ${progress.line}. Run compare again (or let reconcile report it) once it has finished.`);
    return 0;
}
/** A top-up round was (or already is) enqueued: nothing is reported until it has finished. */
async function toppedUp(io, ctx, loaded, run, outcome, failOn) {
    io.setOutput('verdict', 'pending');
    io.setOutput('top-up-campaign-id', outcome.topUp.campaignId);
    io.setOutput('worker-indexes', JSON.stringify((0,_loop_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .workerIndexes */ .ti)(ctx.config.retry.parallel)));
    const note = (0,_loop_top_up_js__WEBPACK_IMPORTED_MODULE_10__/* .describeTopUp */ .OF)(outcome);
    const body = (0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .renderReportComment */ .C)(ctx, loaded, run, undefined);
    io.print(`${note}\n\n${body}`);
    await io.appendSummary(`${(0,_core_command_summaries_js__WEBPACK_IMPORTED_MODULE_1__/* .alert */ .xE)('NOTE', note)}\n\n${body}`);
    return applyGate(io, (0,_core_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .comparisonGate */ .ln)(failOn, loaded.comparison));
}
/** After everything is written: a failed gate fails the step with its one message. */
function applyGate(io, gate) {
    if (gate.kind === 'deferred')
        io.logger.info(gate.message);
    if (gate.kind === 'fail')
        throw new _core_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .GateFailure */ .In(gate.message);
    return 0;
}
function setCompareOutputs(io, loaded) {
    const outputs = (0,_core_retry_report_js__WEBPACK_IMPORTED_MODULE_4__/* .compareOutputs */ .Od)(loaded.comparison);
    io.setOutput('verdict', outputs.verdict);
    io.setOutput('win-rate', outputs['win-rate']);
    io.setOutput('target-reached', outputs['target-reached']);
    io.setOutput('regressions', outputs.regressions);
    const { retry } = loaded.comparison;
    io.logger.info(`Retry ${loaded.comparison.retry_campaign_id} vs ${loaded.comparison.previous_campaign_id}: ${outputs.verdict}, win rate ${(retry.win_rate * 100).toFixed(1)}% (${retry.successes}/${retry.trials}), target ${(0,_core_retry_report_js__WEBPACK_IMPORTED_MODULE_4__/* .targetReached */ .SN)(loaded.comparison) ? 'reached' : 'missed'}.`);
}
function summaryNote(result) {
    if (result.kind === 'printed')
        return (0,_core_command_summaries_js__WEBPACK_IMPORTED_MODULE_1__/* .alert */ .xE)('NOTE', 'No github-token: nothing was written.');
    if (result.kind === 'already')
        return alreadyNote(result.report);
    return `**Reported:** ${(0,_core_markdown_index_js__WEBPACK_IMPORTED_MODULE_2__/* .plainText */ .wh)((0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_13__/* .describeComment */ .Hb)(result.comment, result.prNumber))}`;
}
function alreadyNote(report) {
    if (report.status === 'waiting' && report.leaseOwner) {
        return (0,_core_command_summaries_js__WEBPACK_IMPORTED_MODULE_1__/* .alert */ .xE)('NOTE', `Another run (${report.leaseOwner}) is writing this report (lease until ${report.leaseUntil}); nothing was written twice.`);
    }
    const comment = report.commentId ? ` (comment ${report.commentId})` : '';
    return (0,_core_command_summaries_js__WEBPACK_IMPORTED_MODULE_1__/* .alert */ .xE)('NOTE', `This retry was already reported${comment}; status ${report.status}. Nothing was written twice.`);
}


/***/ }),

/***/ 2118:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MU: () => (/* binding */ VALIDATION_CAMPAIGN_INPUT),
/* harmony export */   eP: () => (/* binding */ reportInputs),
/* harmony export */   q_: () => (/* binding */ readValidationFile)
/* harmony export */ });
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(662);
/* harmony import */ var _loop_report_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9968);
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(767);
/** Inputs the report commands (compare, finalize, reconcile) share beyond common-inputs.ts. */



const VALIDATION_CAMPAIGN_INPUT = {
    description: `Full validation campaign YAML in the workspace (default ${_loop_report_context_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_VALIDATION_CAMPAIGN */ .JB})`,
};
/** The validation campaign file, a path inside the workspace. */
function readValidationFile(inputs) {
    const value = inputs.get('validation-campaign') ?? _loop_report_context_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_VALIDATION_CAMPAIGN */ .JB;
    return (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseWorkspacePath */ .Qk)('validation-campaign', value, _loop_report_context_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_VALIDATION_CAMPAIGN */ .JB);
}
/** database-url, github-token (described per command), config and labels, in that order. */
function reportInputs(tokenDescription) {
    return {
        'database-url': _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .DATABASE_URL_INPUT */ .jV,
        'github-token': { description: tokenDescription, secret: true },
        config: _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .CONFIG_INPUT */ .sR,
        labels: _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .DIAGNOSIS_LABELS_INPUT */ .Lc,
    };
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

/***/ 3669:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ reportRetry)
/* harmony export */ });
/* harmony import */ var _db_retry_reports_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1182);
/* harmony import */ var _core_retry_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8920);
/* harmony import */ var _report_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9968);
/** A finished retry reported exactly once: the issue's iteration, the PR comment, the status. */



/**
 * Claims the report and, holding the lease, appends the retry to the diagnosis issue, writes the
 * PR comment and marks the report `reported`. When another run holds the lease or reported already,
 * nothing is written. A failure gives the lease back so the next run retries.
 */
async function reportRetry(ctx, report, loaded, run) {
    const claimed = await (0,_db_retry_reports_js__WEBPACK_IMPORTED_MODULE_0__/* .claimReport */ .l8)(ctx.db, report.retryCampaignId, {
        owner: ctx.leaseOwner,
        from: ['waiting'],
    });
    if (!claimed) {
        const current = (await (0,_db_retry_reports_js__WEBPACK_IMPORTED_MODULE_0__/* .findReport */ .kz)(ctx.db, report.retryCampaignId)) ?? report;
        const body = (0,_report_context_js__WEBPACK_IMPORTED_MODULE_2__/* .renderReportComment */ .C)(ctx, loaded, run, current.diagnosisIssue ?? undefined);
        return { kind: 'already', body, report: current };
    }
    try {
        return await writeReport(ctx, claimed, loaded, run);
    }
    catch (error) {
        await (0,_db_retry_reports_js__WEBPACK_IMPORTED_MODULE_0__/* .releaseReport */ .Ax)(ctx.db, claimed.retryCampaignId, ctx.leaseOwner).catch(() => undefined);
        throw error;
    }
}
async function writeReport(ctx, report, loaded, run) {
    const issue = await (0,_report_context_js__WEBPACK_IMPORTED_MODULE_2__/* .recordIteration */ .ZD)(ctx, report, loaded.after, { keepOpen: true });
    const issueNumber = issue?.issue?.number ?? report.diagnosisIssue ?? undefined;
    const body = (0,_report_context_js__WEBPACK_IMPORTED_MODULE_2__/* .renderReportComment */ .C)(ctx, loaded, run, issueNumber);
    const comment = await (0,_report_context_js__WEBPACK_IMPORTED_MODULE_2__/* .publishRetryComment */ .l3)(ctx, report, 'reported', body);
    const marked = await (0,_db_retry_reports_js__WEBPACK_IMPORTED_MODULE_0__/* .markReported */ .Nh)(ctx.db, report.retryCampaignId, ctx.leaseOwner, {
        verdict: loaded.comparison.verdict,
        winRate: loaded.comparison.retry.win_rate,
        targetReached: (0,_core_retry_report_js__WEBPACK_IMPORTED_MODULE_1__/* .targetReached */ .SN)(loaded.comparison),
        targetWinRate: loaded.comparison.target_win_rate,
    });
    if (!marked) {
        ctx.io.logger.warning(`The report lease on retry campaign ${report.retryCampaignId} expired and was taken over; the other run records the result.`);
    }
    return { kind: 'reported', body, prNumber: report.prNumber, comment, issue };
}


/***/ }),

/***/ 7839:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OF: () => (/* binding */ describeTopUp),
/* harmony export */   o0: () => (/* binding */ retryProgress),
/* harmony export */   r8: () => (/* binding */ topUpIfUndecided)
/* harmony export */ });
/* harmony import */ var _core_top_up_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5396);
/* harmony import */ var _db_top_ups_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6918);
/* harmony import */ var _report_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9968);
/**
 * Adaptive top-up of a retry: while the comparison leaves combinations inconclusive and budget is
 * left, one follow-up campaign per round runs more trials for exactly those combinations; the
 * retry is reported once every combination is decided or out of budget.
 */



/** Progress of the retry, then of its latest top-up round once the retry has finished. */
async function retryProgress(ctx, retryCampaignId) {
    const retry = await (0,_report_context_js__WEBPACK_IMPORTED_MODULE_2__/* .campaignProgress */ .aE)(ctx.db, retryCampaignId);
    if (!retry.finished)
        return { ...retry, campaignId: retryCampaignId, round: null };
    const latest = (await (0,_db_top_ups_js__WEBPACK_IMPORTED_MODULE_1__/* .listTopUps */ .sQ)(ctx.db, retryCampaignId)).at(-1);
    if (!latest)
        return { ...retry, campaignId: retryCampaignId, round: null };
    const round = await (0,_report_context_js__WEBPACK_IMPORTED_MODULE_2__/* .campaignProgress */ .aE)(ctx.db, latest.campaignId);
    return {
        ...round,
        line: `top-up round ${latest.round} of retry ${retryCampaignId}, ${round.line}`,
        campaignId: latest.campaignId,
        round: latest.round,
    };
}
/** Enqueues the next round when the comparison asks for more trials; null when it does not. */
async function topUpIfUndecided(ctx, loaded) {
    const requests = (0,_core_top_up_js__WEBPACK_IMPORTED_MODULE_0__/* .topUpRequests */ .rI)(loaded.comparison);
    if (requests.length === 0)
        return null;
    await (0,_db_top_ups_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureTopUpsSchema */ .RD)(ctx.db);
    const retryId = loaded.comparison.retry_campaign_id;
    const result = await (0,_db_top_ups_js__WEBPACK_IMPORTED_MODULE_1__/* .enqueueTopUpOnce */ .KI)(ctx.db, retryId, loaded.topUps.length + 1, requests);
    if (!result)
        return null;
    const workItems = result.topUp.combinations.reduce((n, c) => n + c.trials, 0);
    ctx.logger.info(`${result.created ? 'Enqueued' : 'Found'} top-up round ${result.topUp.round} of retry ${retryId}: campaign ${result.topUp.campaignId}, ${workItems} trial(s) for ${result.topUp.combinations.length} inconclusive combination(s).`);
    return { topUp: result.topUp, created: result.created, workItems };
}
/** One line for logs and summaries. */
function describeTopUp(outcome) {
    const { topUp } = outcome;
    const combos = topUp.combinations
        .map((c) => `${c.chaos_type}${Object.keys(c.params).length ? ` ${JSON.stringify(c.params)}` : ''} ×${c.trials}`)
        .join(', ');
    return `Top-up round ${topUp.round} ${outcome.created ? 'enqueued' : 'already enqueued'}: campaign ${topUp.campaignId} runs ${outcome.workItems} more trial(s) for the inconclusive combination(s) — ${combos}. The retry is reported once they have finished.`;
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
