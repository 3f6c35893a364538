export const id = 642;
export const ids = [642];
export const modules = {

/***/ 7642:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createFinalizeCommand: () => (/* binding */ createFinalizeCommand),
/* harmony export */   finalizeCommand: () => (/* binding */ finalizeCommand)
/* harmony export */ });
/* harmony import */ var _core_markdown_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1280);
/* harmony import */ var _db_retry_reports_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1182);
/* harmony import */ var _loop_finalize_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4199);
/* harmony import */ var _loop_report_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9968);
/* harmony import */ var _loop_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(664);
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(767);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5583);
/* harmony import */ var _report_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2118);
/**
 * `finalize`: once a retry reached the target, run the full validation campaign with the new images
 * (enqueued once, in the transaction that records it), and once that campaign has finished and
 * meets the target too, mark it notable with a note (as `eval notable` / `eval note` do), close the
 * diagnosis issue with a summary and bring the PR comment to its last revision. Each call advances
 * as far as the database allows, so running it again (or reconcile) resumes.
 */








function createFinalizeCommand(deps = _loop_report_context_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_REPORT_DEPENDENCIES */ .Tk) {
    return (0,_command_js__WEBPACK_IMPORTED_MODULE_7__/* .defineCommand */ .N)({
        name: 'finalize',
        description: 'After a retry reached the target: enqueue the full validation campaign; once it passes, mark it notable and close the issue.',
        surfaces: ['action', 'cli'],
        outputs: {
            'validation-campaign-id': "The validation campaign's id (empty when the retry did not reach the target)",
            'validation-status': 'not-reported, not-ready, running, busy, passed or failed',
            'operator-image': 'The operator image the validation workers run',
            'worker-indexes': 'JSON list of worker indexes while the validation campaign runs ([] otherwise)',
        },
        inputs: {
            'retry-campaign-id': {
                description: 'The retry campaign compare reported',
                positional: 0,
                required: true,
            },
            'validation-campaign': _report_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .VALIDATION_CAMPAIGN_INPUT */ .MU,
            ...(0,_report_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .reportInputs */ .eP)('Token for the PR comment and the diagnosis issue (default: GITHUB_TOKEN)'),
        },
        parse: (inputs, io) => parseFinalizeInput(inputs, io),
        run: (input, io) => runFinalize(input, io, deps),
    });
}
const finalizeCommand = createFinalizeCommand();
function parseFinalizeInput(inputs, io) {
    const retryCampaignId = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .requiredId */ .rP)(inputs, 'retry-campaign-id', 'give the retry campaign compare reported');
    const databaseUrl = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .readDatabaseUrl */ .Bq)(inputs, io);
    const token = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .tokenFrom */ .ow)(inputs, io);
    return {
        retryCampaignId,
        validationFile: (0,_report_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .readValidationFile */ .q_)(inputs),
        databaseUrl,
        token,
        configPath: inputs.get('config'),
        labels: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .readLabels */ .k2)(inputs),
    };
}
async function runFinalize(input, io, deps) {
    return (0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_3__/* .withReportContext */ .WF)({ command: 'finalize', ...input }, io, deps, async (ctx) => {
        const report = await (0,_db_retry_reports_js__WEBPACK_IMPORTED_MODULE_1__/* .findReport */ .kz)(ctx.db, input.retryCampaignId);
        if (!report) {
            throw new Error(`Retry campaign ${input.retryCampaignId} has not been compared yet: run compare (or let reconcile report it) first`);
        }
        const outcome = await (0,_loop_finalize_js__WEBPACK_IMPORTED_MODULE_2__/* .advanceFinalization */ .f)(ctx, report);
        const run = await (0,_loop_report_context_js__WEBPACK_IMPORTED_MODULE_3__/* .retryRunOf */ .LW)(ctx.db, report.retryCampaignId);
        setFinalizeOutputs(io, outcome, run, ctx.config.retry.parallel);
        const text = describeFinalization(outcome);
        io.print(text);
        await io.appendSummary(`### Finalize retry campaign ${report.retryCampaignId}\n\n${(0,_core_markdown_index_js__WEBPACK_IMPORTED_MODULE_0__/* .plainText */ .wh)(text)}`);
        return 0;
    });
}
function setFinalizeOutputs(io, outcome, run, parallel) {
    const status = (0,_loop_finalize_js__WEBPACK_IMPORTED_MODULE_2__/* .validationStatusOf */ .$)(outcome);
    io.setOutput('validation-campaign-id', outcome.report.validationCampaignId ?? '');
    io.setOutput('validation-status', status);
    io.setOutput('operator-image', run?.operatorImage ?? '');
    io.setOutput('worker-indexes', JSON.stringify(status === 'running' ? (0,_loop_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .workerIndexes */ .ti)(parallel) : []));
}
function describeFinalization(outcome) {
    const r = outcome.report;
    switch (outcome.kind) {
        case 'not-reported':
            return `Retry campaign ${r.retryCampaignId} is not reported yet (status waiting): compare or reconcile reports it first.`;
        case 'not-ready':
            return `Nothing to finalize: retry campaign ${r.retryCampaignId} ended '${r.verdict ?? 'unknown'}', not 'target-reached'. Iterate on the diagnosis instead.`;
        case 'running':
            return `Validation campaign ${r.validationCampaignId} ${outcome.created ? 'enqueued' : 'is running'}: ${outcome.progress.line}. Run finalize again (or let reconcile) once it has finished.`;
        case 'busy':
            return `Another run (${r.leaseOwner ?? 'unknown'}) is concluding validation campaign ${r.validationCampaignId}; nothing was written twice.`;
        case 'finalized':
            return r.validationPassed
                ? `Validation campaign ${r.validationCampaignId} met the target: marked notable, diagnosis issue closed.`
                : `Validation campaign ${r.validationCampaignId} missed the target: its failures are the next diagnosis.`;
    }
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


/***/ })

};
