export const id = 420;
export const ids = [420];
export const modules = {

/***/ 9420:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createReconcileCommand: () => (/* binding */ createReconcileCommand),
  reconcileCommand: () => (/* binding */ reconcileCommand)
});

// EXTERNAL MODULE: ./lib/core/command-summaries.js
var command_summaries = __webpack_require__(9231);
// EXTERNAL MODULE: ./lib/core/markdown/index.js + 4 modules
var markdown = __webpack_require__(1280);
// EXTERNAL MODULE: ./lib/core/targets.js
var targets = __webpack_require__(1641);
// EXTERNAL MODULE: ./lib/core/inputs.js
var core_inputs = __webpack_require__(662);
// EXTERNAL MODULE: ./lib/db/retry-reports.js
var retry_reports = __webpack_require__(1182);
// EXTERNAL MODULE: ./lib/core/retry-report.js + 2 modules
var retry_report = __webpack_require__(8920);
// EXTERNAL MODULE: ./lib/github/errors.js
var errors = __webpack_require__(9452);
// EXTERNAL MODULE: ./lib/loop/finalize.js + 1 modules
var finalize = __webpack_require__(4199);
// EXTERNAL MODULE: ./lib/loop/report-context.js + 2 modules
var report_context = __webpack_require__(9968);
// EXTERNAL MODULE: ./lib/loop/report-retry.js
var report_retry = __webpack_require__(3669);
// EXTERNAL MODULE: ./lib/loop/retry.js
var retry = __webpack_require__(664);
// EXTERNAL MODULE: ./lib/loop/top-up.js
var top_up = __webpack_require__(7839);
;// CONCATENATED MODULE: ./lib/loop/reconcile.js
/**
 * One open retry moved as far as the database allows: reported once its campaign has finished,
 * its validation started once it reached the target, the validation concluded once it finished.
 */








/** One retry; a failure is reported and the next retry still gets its turn. */
async function reconcileSafely(ctx, report) {
    try {
        return await reconcileOne(ctx, report);
    }
    catch (caught) {
        const error = (0,errors/* clarifyGitHubFailure */.Yd)(caught, { permissions: report_context/* REPORT_PERMISSIONS */.mE });
        const message = ctx.io.masker.mask(error.message);
        ctx.io.logger.error(`Retry campaign ${report.retryCampaignId}: ${message}`);
        return { retryCampaignId: report.retryCampaignId, action: 'error', detail: message };
    }
}
async function reconcileOne(ctx, report) {
    let current = report;
    if (current.status === 'waiting') {
        const reported = await reportIfFinished(ctx, current);
        current = (await (0,retry_reports/* findReport */.kz)(ctx.db, current.retryCampaignId)) ?? current;
        if (reported.action !== 'reported' || !(0,retry_report/* readyToFinalize */.pj)(current.verdict))
            return reported;
    }
    const step = (0,retry_report/* nextReconcileStep */.cS)(current, current.retryCampaignId);
    if (step.kind === 'done') {
        return { retryCampaignId: current.retryCampaignId, action: 'done', detail: step.why };
    }
    return finalizationResult(await (0,finalize/* advanceFinalization */.f)(ctx, current));
}
async function reportIfFinished(ctx, report) {
    const id = report.retryCampaignId;
    const progress = await (0,top_up/* retryProgress */.o0)(ctx, id);
    if (!progress.finished) {
        ctx.io.logger.info(`Still running: ${progress.line}.`);
        return { retryCampaignId: id, action: 'waiting', detail: progress.line };
    }
    const loaded = await (0,report_context/* loadRetryComparison */.Ip)(ctx, report.previousCampaignId, id, report.targetWinRate);
    const topUp = await (0,top_up/* topUpIfUndecided */.r8)({ db: ctx.db, logger: ctx.io.logger }, loaded);
    if (topUp) {
        return {
            retryCampaignId: id,
            action: 'topped-up',
            detail: `round ${topUp.topUp.round}: campaign ${topUp.topUp.campaignId}, ${topUp.workItems} trial(s)`,
            ...(topUp.created ? { enqueuedTopUp: topUp.topUp.campaignId } : {}),
        };
    }
    const result = await (0,report_retry/* reportRetry */.v)(ctx, report, loaded, await (0,report_context/* retryRunOf */.LW)(ctx.db, id));
    if (result.kind === 'already') {
        const by = result.report.leaseOwner ? ` by ${result.report.leaseOwner}` : '';
        return {
            retryCampaignId: id,
            action: 'already-reported',
            detail: `${result.report.status}${by}`,
        };
    }
    return { retryCampaignId: id, action: 'reported', detail: loaded.comparison.verdict };
}
function finalizationResult(outcome) {
    const id = outcome.report.retryCampaignId;
    const validation = outcome.report.validationCampaignId;
    switch (outcome.kind) {
        case 'not-reported':
        case 'not-ready':
            return {
                retryCampaignId: id,
                action: 'not-ready',
                detail: outcome.report.verdict ?? 'waiting',
            };
        case 'busy':
            return { retryCampaignId: id, action: 'validation-busy', detail: `validation ${validation}` };
        case 'running':
            return {
                retryCampaignId: id,
                action: 'validation-running',
                detail: outcome.progress.line,
                ...(outcome.created && validation !== null ? { enqueuedValidation: validation } : {}),
            };
        case 'finalized':
            return {
                retryCampaignId: id,
                action: 'finalized',
                detail: `validation ${validation} ${(0,finalize/* validationStatusOf */.$)(outcome)}`,
            };
    }
}
async function validationWorkers(ctx, results) {
    const workers = [];
    for (const result of results) {
        const campaignId = result.enqueuedValidation ?? result.enqueuedTopUp;
        if (!campaignId)
            continue;
        const run = await (0,report_context/* retryRunOf */.LW)(ctx.db, result.retryCampaignId);
        for (const index of (0,retry/* workerIndexes */.ti)(ctx.config.retry.parallel)) {
            workers.push({
                'campaign-id': campaignId,
                'worker-index': index,
                'operator-image': run?.operatorImage ?? '',
            });
        }
    }
    return workers;
}

// EXTERNAL MODULE: ./lib/commands/common-inputs.js
var common_inputs = __webpack_require__(767);
// EXTERNAL MODULE: ./lib/commands/command.js
var command = __webpack_require__(5583);
// EXTERNAL MODULE: ./lib/commands/report-inputs.js
var report_inputs = __webpack_require__(2118);
;// CONCATENATED MODULE: ./lib/commands/reconcile.js
/**
 * `reconcile` (for a cron workflow): works through every retry of this repository that is still
 * open — reports the ones whose campaign has finished (compare, issue iteration, PR comment),
 * starts the validation of those that reached the target, and concludes the validations that have
 * finished. A workflow may therefore enqueue and exit instead of holding a runner for hours; when
 * the blocking path and reconcile get to the same retry, the report lease lets exactly one write.
 */










function createReconcileCommand(deps = report_context/* DEFAULT_REPORT_DEPENDENCIES */.Tk) {
    return (0,command/* defineCommand */.N)({
        name: 'reconcile',
        description: 'For a cron workflow: report, finalize and conclude every retry of this repository whose campaign has finished.',
        surfaces: ['action', 'cli'],
        outputs: {
            reconciled: 'JSON list of {"retry-campaign-id","action","detail"}, one per open retry',
            'validation-workers': 'JSON matrix of workers for the validation campaigns it enqueued, e.g. [{"campaign-id":15,"worker-index":1,"operator-image":"…"}]',
        },
        inputs: {
            'target-win-rate': {
                description: 'Target for retries compare has not seen yet (default: config targets.default, else 90%)',
                cliAlias: 'target',
            },
            'validation-campaign': report_inputs/* VALIDATION_CAMPAIGN_INPUT */.MU,
            ...(0,report_inputs/* reportInputs */.eP)('Token for PR comments and diagnosis issues (default: GITHUB_TOKEN)'),
        },
        parse: (inputs, io) => parseReconcileInput(inputs, io),
        run: (input, io) => runReconcile(input, io, deps),
    });
}
const reconcileCommand = createReconcileCommand();
function parseReconcileInput(inputs, io) {
    const databaseUrl = (0,common_inputs/* readDatabaseUrl */.Bq)(inputs, io);
    const token = (0,common_inputs/* tokenFrom */.ow)(inputs, io);
    if (!token) {
        throw new core_inputs/* InputError */.dz('Missing github-token: reconcile comments on pull requests and updates diagnosis issues (pass --github-token or set GITHUB_TOKEN)');
    }
    return {
        target: (0,common_inputs/* optionalTargetRate */.q3)(inputs),
        validationFile: (0,report_inputs/* readValidationFile */.q_)(inputs),
        databaseUrl,
        token,
        configPath: inputs.get('config'),
        labels: (0,common_inputs/* readLabels */.k2)(inputs),
    };
}
async function runReconcile(input, io, deps) {
    return (0,report_context/* withReportContext */.WF)({ command: 'reconcile', ...input }, io, deps, async (ctx) => {
        const repository = (0,report_context/* repositoryOf */._M)(ctx.github);
        const opened = await (0,retry_reports/* openReportsForRuns */.l2)(ctx.db, repository, (0,targets/* defaultTarget */.zo)(input.target, ctx.config.targets.default));
        const reports = await (0,retry_reports/* listOpenReports */.uY)(ctx.db, repository);
        io.logger.info(`${reports.length} open retr${reports.length === 1 ? 'y' : 'ies'} in ${repository}${opened ? ` (${opened} new)` : ''}.`);
        const results = [];
        for (const report of reports) {
            results.push(await io.logger.group(`Retry campaign ${report.retryCampaignId}`, () => reconcileSafely(ctx, report)));
        }
        setReconcileOutputs(io, results, await validationWorkers(ctx, results));
        const table = (0,command_summaries/* reconcileSummary */.JO)(results);
        io.print(table);
        await io.appendSummary(`### Reconcile ${(0,markdown/* plainText */.wh)(repository)}\n\n${table}`);
        return results.some((r) => r.action === 'error') ? 1 : 0;
    });
}
function setReconcileOutputs(io, results, workers) {
    const reconciled = results.map((r) => ({
        'retry-campaign-id': r.retryCampaignId,
        action: r.action,
        detail: r.detail,
    }));
    io.setOutput('reconciled', JSON.stringify(reconciled));
    io.setOutput('validation-workers', JSON.stringify(workers));
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

/***/ 4199:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ advanceFinalization),
  $: () => (/* binding */ validationStatusOf)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/campaign/matrix.js
var matrix = __webpack_require__(3413);
// EXTERNAL MODULE: ./lib/core/campaign/read.js
var read = __webpack_require__(5816);
// EXTERNAL MODULE: ./lib/core/inputs.js
var inputs = __webpack_require__(662);
// EXTERNAL MODULE: ./lib/core/render-diagnosis.js
var render_diagnosis = __webpack_require__(4063);
// EXTERNAL MODULE: ./lib/core/retry-report.js + 2 modules
var retry_report = __webpack_require__(8920);
;// CONCATENATED MODULE: ./lib/db/campaign-annotations.js
/**
 * What `eval notable <id>` and `eval note <id> TEXT` write (upstream db_postgres.py:
 * `UPDATE campaigns SET notable = $1 WHERE id = $2`, `UPDATE campaigns SET notes = $1 WHERE id = $2`),
 * made idempotent: a note already present is not repeated, and a note someone else wrote is kept
 * with ours appended on a new line. Returns false when the campaign does not exist.
 */
async function markCampaignNotable(db, campaignId, note) {
    const notable = await db.query({
        text: 'UPDATE campaigns SET notable = TRUE WHERE id = $1',
        values: [campaignId],
    });
    if (notable.rowCount !== 1)
        return false;
    await db.query({
        text: `UPDATE campaigns
           SET notes = CASE
             WHEN COALESCE(notes, '') = '' THEN $1
             WHEN strpos(notes, $1) > 0 THEN notes
             ELSE notes || E'\\n' || $1
           END
           WHERE id = $2`,
        values: [note, campaignId],
    });
    return true;
}

// EXTERNAL MODULE: ./lib/db/enqueue-campaign.js
var enqueue_campaign = __webpack_require__(1635);
// EXTERNAL MODULE: ./lib/db/retry-reports.js
var retry_reports = __webpack_require__(1182);
// EXTERNAL MODULE: ./lib/db/work-queue.js
var work_queue = __webpack_require__(1887);
// EXTERNAL MODULE: ./lib/github/errors.js
var errors = __webpack_require__(9452);
// EXTERNAL MODULE: ./lib/loop/analyze-campaign.js + 2 modules
var analyze_campaign = __webpack_require__(9195);
// EXTERNAL MODULE: ./lib/loop/report-context.js + 2 modules
var report_context = __webpack_require__(9968);
;// CONCATENATED MODULE: ./lib/loop/finalize.js
/**
 * Finalizing a retry that reached the target: the full validation campaign enqueued once (in the
 * transaction that records it), then, once it has finished, notable + note when it passed, the
 * diagnosis issue's last iteration and the PR comment's last revision.
 */














/** Starts the validation when it has not started, then concludes it when it has finished. */
async function advanceFinalization(ctx, report) {
    if (report.status === 'waiting')
        return { kind: 'not-reported', report };
    if (report.status === 'finalized')
        return { kind: 'finalized', report };
    if (report.status === 'reported' && !(0,retry_report/* readyToFinalize */.pj)(report.verdict)) {
        return { kind: 'not-ready', report };
    }
    const started = await startValidation(ctx, report);
    return concludeValidation(ctx, started.report, started.created);
}
/** Enqueues the validation campaign once and shows it on the PR. */
async function startValidation(ctx, report) {
    let current = report;
    let created = false;
    if (report.validationCampaignId === null) {
        const campaign = await readValidationCampaign(ctx);
        const run = await (0,report_context/* retryRunOf */.LW)(ctx.db, report.retryCampaignId);
        const start = await (0,retry_reports/* startValidationOnce */.BC)(ctx.db, report.retryCampaignId, (client) => enqueueValidation(client, campaign, run));
        ({ report: current, created } = start);
        if (created) {
            ctx.io.logger.info(`Enqueued validation campaign ${current.validationCampaignId} '${campaign.config.name}' (${campaign.specs.length} work items) from ${ctx.validationFile}.`);
        }
    }
    if (current.validationCampaignId === null) {
        throw new Error(`Retry campaign ${report.retryCampaignId} could not start its validation (status ${current.status})`);
    }
    if (current.commentRevision < (0,retry_report/* commentRevision */.vO)(current.retryCampaignId, 'validation-enqueued')) {
        await publishValidationStage(ctx, current, {
            kind: 'enqueued',
            campaignId: current.validationCampaignId,
            workItems: await (0,work_queue/* countWorkItems */.dD)(ctx.db, current.validationCampaignId),
            file: ctx.validationFile,
        });
    }
    return { report: current, created };
}
async function readValidationCampaign(ctx) {
    const path = (0,external_node_path_.resolve)(ctx.io.cwd, ctx.validationFile);
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new inputs/* InputError */.dz(`Cannot read validation-campaign '${ctx.validationFile}': ${error.code === 'ENOENT' ? 'no such file in the workspace (check out the repository first)' : error.message}`);
    }
    const { config } = (0,read/* parseCampaignYaml */.LR)(text, ctx.validationFile);
    return { config, specs: (0,matrix/* expandCampaignMatrix */.g)(config) };
}
/** What `eval run campaign <file> --cloud=gcp` writes, on the caller's transaction. */
async function enqueueValidation(client, campaign, run) {
    const { config, specs } = campaign;
    const { campaignId } = await (0,enqueue_campaign/* writeCampaignRows */.Zz)(client, (0,enqueue_campaign/* campaignRows */._H)(config, run?.mergeSha ?? '', specs));
    return campaignId;
}
/**
 * When the validation campaign has finished: claims the report and, holding the lease, records the
 * result (notable + note when it passed), updates the issue and the comment, marks it finalized.
 */
async function concludeValidation(ctx, report, created = false) {
    const progress = await (0,report_context/* campaignProgress */.aE)(ctx.db, report.validationCampaignId);
    if (!progress.finished)
        return { kind: 'running', report, progress, created };
    const claimed = await (0,retry_reports/* claimReport */.l8)(ctx.db, report.retryCampaignId, {
        owner: ctx.leaseOwner,
        from: ['finalizing'],
    });
    if (!claimed) {
        const current = (await (0,retry_reports/* findReport */.kz)(ctx.db, report.retryCampaignId)) ?? report;
        return current.status === 'finalized'
            ? { kind: 'finalized', report: current }
            : { kind: 'busy', report: current };
    }
    try {
        return await writeConclusion(ctx, claimed);
    }
    catch (error) {
        await (0,retry_reports/* releaseReport */.Ax)(ctx.db, claimed.retryCampaignId, ctx.leaseOwner).catch(() => undefined);
        throw error;
    }
}
async function writeConclusion(ctx, report) {
    const validationId = report.validationCampaignId;
    const analysis = await (0,analyze_campaign/* loadCampaignAnalysis */.vn)(ctx.db, validationId, {
        target: report.targetWinRate,
        targets: ctx.config.targets.byChaosType,
        causes: ctx.config.causes,
    });
    const loaded = await (0,report_context/* loadRetryComparison */.Ip)(ctx, report.previousCampaignId, report.retryCampaignId, report.targetWinRate);
    const passed = analysis.meets_target;
    if (passed)
        await markNotable(ctx, report, loaded, analysis);
    await (0,report_context/* recordIteration */.ZD)(ctx, report, analysis, {
        keepOpen: false,
        closeNote: closeSummary(report, analysis),
    });
    await publishValidationStage(ctx, report, { kind: 'finished', analysis, notable: passed }, loaded);
    if (!(await (0,retry_reports/* markFinalized */._h)(ctx.db, report.retryCampaignId, ctx.leaseOwner, passed))) {
        ctx.io.logger.warning(`The finalize lease on retry campaign ${report.retryCampaignId} was taken over; the other run records the result.`);
    }
    const current = (await (0,retry_reports/* findReport */.kz)(ctx.db, report.retryCampaignId)) ?? report;
    return { kind: 'finalized', report: current, analysis };
}
async function markNotable(ctx, report, loaded, analysis) {
    const run = await (0,report_context/* retryRunOf */.LW)(ctx.db, report.retryCampaignId);
    const note = (0,retry_report/* validationNote */.si)({
        prNumber: report.prNumber,
        ...(await pullTitle(ctx, report.prNumber)),
        mergeSha: run?.mergeSha ?? null,
        comparison: loaded.comparison,
        validation: analysis,
    });
    await markCampaignNotable(ctx.db, analysis.campaign.id, note);
    ctx.io.logger.info(`Campaign ${analysis.campaign.id} marked as notable; note: ${note}`);
}
/** The PR's title for the note; nothing when it cannot be read. */
async function pullTitle(ctx, prNumber) {
    if (!ctx.github || prNumber === null)
        return {};
    try {
        const { data } = await ctx.github.client.rest.pulls.get({
            owner: ctx.github.context.owner,
            repo: ctx.github.context.repo,
            pull_number: prNumber,
        });
        return { prTitle: data.title };
    }
    catch (error) {
        if (!(0,errors/* isGitHubError */.e0)(error))
            throw error;
        return {};
    }
}
function closeSummary(report, analysis) {
    const pr = report.prNumber ? `#${report.prNumber}` : 'the fix';
    return `Validated: ${pr} took retry campaign ${report.retryCampaignId} above the target against campaign ${report.previousCampaignId}, and the full validation campaign ${analysis.campaign.id} confirms it at ${(0,render_diagnosis/* pct */.Oe)(analysis.win_rate)} (${analysis.successes}/${analysis.trials}). Campaign ${analysis.campaign.id} is marked notable.`;
}
async function publishValidationStage(ctx, report, validation, comparison) {
    const loaded = comparison ??
        (await (0,report_context/* loadRetryComparison */.Ip)(ctx, report.previousCampaignId, report.retryCampaignId, report.targetWinRate));
    const run = await (0,report_context/* retryRunOf */.LW)(ctx.db, report.retryCampaignId);
    const issueNumber = report.diagnosisIssue ?? undefined;
    const body = (0,report_context/* renderReportComment */.C)(ctx, loaded, run, issueNumber, validation);
    const stage = validation.kind === 'enqueued' ? 'validation-enqueued' : 'validation-finished';
    await (0,report_context/* publishRetryComment */.l3)(ctx, report, stage, body);
}
function validationStatusOf(outcome) {
    if (outcome.kind !== 'finalized')
        return outcome.kind;
    return outcome.report.validationPassed ? 'passed' : 'failed';
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


/***/ })

};
