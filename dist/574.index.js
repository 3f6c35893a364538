export const id = 574;
export const ids = [574,811,636];
export const modules = {

/***/ 8920:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ub: () => (/* binding */ COMMENT_BUDGET),
  f$: () => (/* reexport */ markdown/* clampMarkdown */.f$),
  vO: () => (/* binding */ commentRevision),
  Od: () => (/* binding */ compareOutputs),
  cS: () => (/* binding */ nextReconcileStep),
  sk: () => (/* binding */ nextStep),
  pj: () => (/* binding */ readyToFinalize),
  Sp: () => (/* binding */ renderRetryComment),
  SN: () => (/* binding */ targetReached),
  si: () => (/* binding */ validationNote)
});

// UNUSED EXPORTS: validationBanner

// EXTERNAL MODULE: ./lib/core/grouping.js
var grouping = __webpack_require__(5414);
// EXTERNAL MODULE: ./lib/core/markdown/index.js + 4 modules
var markdown = __webpack_require__(1280);
;// CONCATENATED MODULE: ./lib/core/render-comparison-chart.js

/** Colours of the series; the title names them because xychart has no legend. */
const BEFORE_COLOUR = '#8c959f';
const AFTER_COLOUR = '#1a7f37';
/** A real 0 %: its own series, so it never reads as a small win rate. */
const ZERO_COLOUR = '#cf222e';
const LABEL_CHARS = 48;
const ROW_HEIGHT = 20;
/** GitHub's content box is 846 px wide; Mermaid scales the chart down, never up. */
const CHART_WIDTH = 840;
/**
 * A horizontal Mermaid bar chart GitHub renders natively (xychart-beta, Mermaid 10.9 and 11): one
 * row for "before" and one for "after" per combination, each its own series and colour, every row
 * labelled with its value. xychart draws all series at each category, so each row gives the other
 * series a value far below the axis: a bar of negative width, which SVG does not draw. A rate that
 * is missing (the combination did not run) is drawn the same way and labelled "not run" — never
 * as 0%. Mermaid starts every bar a padding's width left of the axis's 0, so a real 0 % would be a
 * stub like a small rate: it is drawn in a third series of its own colour (a red stub ending at 0).
 * The axis runs to 105 so the "100" tick label is not cut at the chart's right edge.
 */
function beforeAfterChart(rows) {
    if (rows.length === 0)
        return '';
    const hidden = -100;
    const labels = [];
    const before = [];
    const after = [];
    const zero = [];
    const bar = (side) => {
        const value = percent(side);
        return value === null || value === 0 ? hidden : value;
    };
    rows.forEach((row, index) => {
        const name = chartText(shorten((0,grouping/* describeCombination */.jU)({ chaosType: row.chaos_type, params: row.params })));
        labels.push(`"${index + 1}. ${name} · before ${rateLabel(row.before)}"`);
        labels.push(`"${index + 1}. after ${rateLabel(row.after)}"`);
        before.push(bar(row.before), hidden);
        after.push(hidden, bar(row.after));
        zero.push(percent(row.before) === 0 ? 0 : hidden, percent(row.after) === 0 ? 0 : hidden);
    });
    const config = {
        xyChart: {
            width: CHART_WIDTH,
            height: 90 + labels.length * ROW_HEIGHT,
            plotReservedSpacePercent: 40,
            xAxis: { labelFontSize: 12 },
        },
        themeVariables: {
            xyChart: { plotColorPalette: `${BEFORE_COLOUR}, ${AFTER_COLOUR}, ${ZERO_COLOUR}` },
        },
    };
    return [
        '```mermaid',
        `%%{init: ${JSON.stringify(config)}}%%`,
        'xychart-beta horizontal',
        '  title "Win rate (%) per combination: grey = before, green = after, red = 0%"',
        `  x-axis [${labels.join(', ')}]`,
        '  y-axis "Win rate (%)" 0 --> 105',
        `  bar [${before.join(', ')}]`,
        `  bar [${after.join(', ')}]`,
        `  bar [${zero.join(', ')}]`,
        '```',
    ].join('\n');
}
function percent(side) {
    return side.trials && side.win_rate !== null ? Math.round(side.win_rate * 100) : null;
}
function rateLabel(side) {
    const value = percent(side);
    return value === null ? 'not run' : `${value}% (${side.successes}/${side.trials})`;
}
function shorten(text) {
    const chars = [...text];
    return chars.length <= LABEL_CHARS ? text : `${chars.slice(0, LABEL_CHARS - 1).join('')}…`;
}
/** Text safe inside a quoted xychart label: no quotes, no entity-like `#…;`, one line. */
function chartText(text) {
    return text.replace(/"/g, "'").replace(/#/g, '＃').replace(/\s+/g, ' ');
}

// EXTERNAL MODULE: ./lib/core/render-investigation.js
var render_investigation = __webpack_require__(6572);
// EXTERNAL MODULE: ./lib/core/render-diagnosis.js
var render_diagnosis = __webpack_require__(4063);
// EXTERNAL MODULE: ./lib/core/top-up.js
var top_up = __webpack_require__(5396);
;// CONCATENATED MODULE: ./lib/core/render-comparison.js






const VERDICT_ICON = {
    fixed: '✅ fixed',
    improved: '📈 improved',
    inconclusive: '❓ inconclusive',
    'still failing': '❌ still failing',
    regressed: '🔻 regressed',
    held: '✅ held',
};
/** Failures listed in the comment; the diagnosis issue has them all. */
const MAX_FINDINGS = 30;
/**
 * The PR comment (and job summary) for a retry: verdict table, before/after chart, failures, images,
 * links and the next step. When it does not fit, optional sections are left out (images first,
 * then failures, then the chart) and a note under the title says which, and where the rest is.
 */
function renderComparisonMarkdown(c, context = {}) {
    const max = context.maxLength ?? render_diagnosis/* GITHUB_BODY_LIMIT */.nY;
    const optional = [
        { name: 'the before/after chart', text: chartSection(c.rows) },
        {
            name: `the list of ${c.new_findings.length} failures in the retry`,
            text: findingsSummary(c),
        },
        { name: 'the list of images tested', text: imagesSection(context.images) },
    ].filter((s) => s.text);
    const where = `Full results: ${context.runUrl ?? 'the job summary of the run'}.`;
    const render = (kept, dropped) => (0,markdown/* joinBlocks */.x9)(context.preamble, title(c), dropped.length > 0 &&
        (0,markdown/* truncationNote */.yr)(dropped.map((s) => s.name), where), summary(c), verdictTable(c.rows), (0,top_up/* renderTopUpSection */.a8)(c), (0,render_investigation/* renderFlakyFixes */.Zc)(c), ...kept.map((s) => s.text), linksSection(c, context));
    const kept = [...optional];
    const dropped = [];
    let body = render(kept, dropped);
    while (body.length > max && kept.length) {
        dropped.unshift(kept.pop());
        body = render(kept, dropped);
    }
    return (0,markdown/* clampMarkdown */.f$)(body, max, context.runUrl);
}
function title(c) {
    const r = c.retry;
    const status = r.verdict === 'reached'
        ? `target ${(0,render_diagnosis/* pct */.Oe)(c.target_win_rate)} reached with confidence (95% lower bound ${(0,render_diagnosis/* pct */.Oe)(r.ci[0])})`
        : r.verdict === 'reached-not-confident'
            ? `target ${(0,render_diagnosis/* pct */.Oe)(c.target_win_rate)} reached, but not yet confident: ${r.all_success_trials_needed ?? '∞'} more all-success trials needed`
            : `target ${(0,render_diagnosis/* pct */.Oe)(c.target_win_rate)} missed`;
    const icon = c.verdict === 'regressed' ? '🔻' : r.verdict === 'missed' ? '❌' : '✅';
    return `## ${icon} Retry campaign ${c.retry_campaign_id} vs campaign ${c.previous_campaign_id}: ${(0,render_diagnosis/* pct */.Oe)(r.win_rate)} (${r.successes}/${r.trials}) — ${status}`;
}
function summary(c) {
    const r = c.retry;
    const regressions = c.regressions.length
        ? `\\\n**Regressions:** ${c.regressions.map((x) => (0,markdown/* codeSpan */.SS)((0,grouping/* describeCombination */.jU)({ chaosType: x.chaos_type, params: x.params }))).join(', ')}`
        : '';
    return `95% CI ${(0,render_diagnosis/* pct */.Oe)(r.ci[0])}–${(0,render_diagnosis/* pct */.Oe)(r.ci[1])} · baseline trials left out${regressions}`;
}
/** No-break spaces: "2/3 (66.7%)" never splits over two lines in a narrow column. */
function side(s) {
    return s.trials ? `${s.successes}/${s.trials}\u00a0(${(0,render_diagnosis/* pct */.Oe)(s.win_rate)})` : '—\u00a0not\u00a0run';
}
function verdictTable(rows) {
    const lines = rows.map((r) => {
        const p = r.verdict === 'regressed' ? r.p_regression : r.p_improvement;
        return [
            (0,markdown/* codeSpan */.SS)((0,grouping/* describeCombination */.jU)({ chaosType: r.chaos_type, params: r.params })),
            side(r.before),
            side(r.after),
            p.toFixed(3),
            VERDICT_ICON[r.verdict],
        ];
    });
    const table = (0,markdown/* markdownTable */.Qj)([
        'Chaos type',
        { header: 'Before', align: 'right' },
        { header: 'After', align: 'right' },
        // A short header leaves the width to the values; the note under the table says what p is.
        { header: 'p', align: 'right' },
        'Verdict',
    ], lines);
    return `${table}\n\n<sub>p (one-sided Fisher's exact test) is the chance of a gain at least this large if nothing changed (for regressions, of a loss). With 3 trials per type, 0/3 → 3/3 is the smallest gain that can be significant (p = 0.05).</sub>`;
}
function chartSection(rows) {
    const chart = beforeAfterChart(rows);
    return chart && `### Before and after\n\n${chart}`;
}
function findingsSummary(c) {
    if (c.new_findings.length === 0)
        return '';
    const items = c.new_findings.slice(0, MAX_FINDINGS).map((f) => {
        const where = (0,grouping/* describeCombination */.jU)({ chaosType: f.chaos_type, params: f.params });
        const count = f.trial_ids.length
            ? `${f.trial_ids.length} trial${f.trial_ids.length === 1 ? '' : 's'}`
            : `${f.work_ids.length} broken work item${f.work_ids.length === 1 ? '' : 's'}`;
        return `${(0,markdown/* codeSpan */.SS)(f.symptom)} — ${(0,markdown/* codeSpan */.SS)(where)} · ${f.kind} · ${count} · fix in ${f.fix_locations.map(markdown/* codeSpan */.SS).join(', ')}`;
    });
    if (c.new_findings.length > MAX_FINDINGS)
        items.push(`…and ${c.new_findings.length - MAX_FINDINGS} more (see the diagnosis)`);
    return (0,markdown/* bulletList */.fF)('### Failures in the retry', items);
}
function imagesSection(images) {
    if (!images?.length)
        return '';
    return (0,markdown/* bulletList */.fF)('### Images tested', images.map((i) => `${(0,markdown/* codeSpan */.SS)(i.name)}: ${(0,markdown/* codeSpan */.SS)(i.reference)}${i.digest ? ` (${(0,markdown/* codeSpan */.SS)(i.digest)})` : ''}`));
}
function linksSection(c, context) {
    const items = [
        `Campaigns: previous ${c.previous_campaign_id} · retry ${c.retry_campaign_id} (${(0,markdown/* codeSpan */.SS)(`uv run eval show ${c.retry_campaign_id} --remote`)})`,
    ];
    if (context.issueNumber)
        items.push(`Diagnosis: #${context.issueNumber}`);
    if (context.runUrl)
        items.push(`Full report: ${context.runUrl}`);
    items.push(`Next: ${context.nextStep ?? defaultNextStep(c)}`);
    return (0,markdown/* bulletList */.fF)('### Links and next step', items);
}
function defaultNextStep(c) {
    if (c.verdict === 'regressed')
        return 'fix the regression before anything else; the diagnosis issue lists the new failures.';
    if (c.retry.verdict !== 'missed')
        return 'finalize: run the full validation campaign with these images.';
    return "iterate: the retry's failures are the next diagnosis.";
}

;// CONCATENATED MODULE: ./lib/core/retry-report.js




const STAGE_ORDER = {
    reported: 2,
    'validation-enqueued': 3,
    'validation-finished': 4,
};
/**
 * Monotonic revision of the PR comment: a newer retry campaign always outranks an older one, and
 * within one retry a later stage outranks an earlier one. An older run never overwrites a newer.
 */
function commentRevision(retryCampaignId, stage) {
    return retryCampaignId * 10 + STAGE_ORDER[stage];
}
/** The retry verdict that lets finalize run the full validation campaign. */
function readyToFinalize(verdict) {
    return verdict === 'target-reached';
}
/** `target-reached` for the outputs: the point estimate is at or above the target. */
function targetReached(comparison) {
    return comparison.retry.verdict !== 'missed';
}
function compareOutputs(comparison) {
    return {
        verdict: comparison.verdict,
        'win-rate': comparison.retry.win_rate.toFixed(4),
        'target-reached': targetReached(comparison),
        regressions: JSON.stringify(comparison.regressions),
    };
}
/** The next thing to do for one report; the campaign it waits on must be finished first. */
function nextReconcileStep(report, retryCampaignId) {
    switch (report.status) {
        case 'waiting':
            return { kind: 'report', campaignId: retryCampaignId };
        case 'reported':
            return readyToFinalize(report.verdict)
                ? { kind: 'start-validation' }
                : { kind: 'done', why: `verdict ${report.verdict ?? 'unknown'}: nothing to finalize` };
        case 'finalizing':
            return report.validationCampaignId === null
                ? { kind: 'start-validation' }
                : { kind: 'conclude-validation', campaignId: report.validationCampaignId };
        case 'finalized':
            return { kind: 'done', why: 'finalized' };
    }
}
/** The banner above the comparison once finalize has started. */
function validationBanner(state) {
    if (state.kind === 'enqueued') {
        return `### ⏳ Validation campaign ${state.campaignId} enqueued\n\nThe full campaign ${(0,markdown/* codeSpan */.SS)(state.file)} (${state.workItems} work items) runs with the images below; this comment is updated when it finishes.`;
    }
    const a = state.analysis;
    const score = `${(0,render_diagnosis/* pct */.Oe)(a.win_rate)} (${a.successes}/${a.trials})`;
    if (a.meets_target) {
        const notable = state.notable ? ' — marked notable' : '';
        return `### ✅ Validation campaign ${a.campaign.id}: ${score} ≥ target ${(0,render_diagnosis/* pct */.Oe)(a.target_win_rate)}${notable}\n\nThe full campaign confirms the fix: no regression across every chaos type.`;
    }
    const failing = a.failing
        .slice(0, 8)
        .map((f) => (0,markdown/* codeSpan */.SS)((0,grouping/* describeCombination */.jU)({ chaosType: f.chaos_type, params: f.params })))
        .join(', ');
    return `### ❌ Validation campaign ${a.campaign.id}: ${score} < target ${(0,render_diagnosis/* pct */.Oe)(a.target_win_rate)}\n\nStill failing in the full campaign: ${failing || 'broken work items only'}.`;
}
/** The "Next:" line of the comment, after the validation stage when there is one. */
function nextStep(comparison, context) {
    const issue = context.issueNumber ? ` in #${context.issueNumber}` : '';
    const validation = context.validation;
    if (validation?.kind === 'enqueued') {
        return `wait for validation campaign ${validation.campaignId}; reconcile (or finalize) records the result here.`;
    }
    if (validation?.kind === 'finished') {
        return validation.analysis.meets_target
            ? `done: campaign ${validation.analysis.campaign.id} is marked notable${context.issueNumber ? ` and #${context.issueNumber} is closed` : ''}.`
            : `iterate: the validation campaign's failures are the next diagnosis${issue}.`;
    }
    if (comparison.verdict === 'regressed') {
        return `fix the regression first; the failures are the next diagnosis${issue}.`;
    }
    if (readyToFinalize(comparison.verdict)) {
        return `finalize: the full validation campaign ${(0,markdown/* codeSpan */.SS)(context.validationFile)} runs with these images.`;
    }
    return `iterate: the retry's failures are the next diagnosis${issue}.`;
}
/** What `eval note` gets on the validated campaign: what was fixed, by which PR, with which result. */
function validationNote(input) {
    const fixed = input.comparison.rows
        .filter((r) => r.verdict === 'fixed' || r.verdict === 'improved')
        .map((r) => `${(0,grouping/* describeCombination */.jU)({ chaosType: r.chaos_type, params: r.params })} ${r.verdict}`);
    const pr = input.prNumber ? `PR #${input.prNumber}` : 'the fix';
    const title = input.prTitle ? ` "${oneLine(input.prTitle).slice(0, 120)}"` : '';
    const merge = input.mergeSha ? ` (merge ${input.mergeSha.slice(0, 7)})` : '';
    const v = input.validation;
    return [
        `Validated ${pr}${title}${merge}.`,
        `Retry campaign ${input.comparison.retry_campaign_id} vs ${input.comparison.previous_campaign_id}: ${fixed.join(', ') || 'no significant per-type change'}.`,
        `Full validation: ${(0,render_diagnosis/* pct */.Oe)(v.win_rate)} (${v.successes}/${v.trials}) ≥ target ${(0,render_diagnosis/* pct */.Oe)(v.target_win_rate)}.`,
        '(iterate-campaign)',
    ].join(' ');
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
// ── the comment body ───────────────────────────────────────────────────────────────────────────
/** Budget for a comment or issue body: ≤ 60 000 UTF-16 units also keeps it under 65 536 code points and 262 144 UTF-8 bytes. */
const COMMENT_BUDGET = 60_000;
/** The PR comment / job summary body (without the sticky marker), at most `maxLength` long. */
function renderRetryComment(input) {
    return renderComparisonMarkdown(input.comparison, {
        ...input.context,
        nextStep: nextStep(input.comparison, input.next),
        ...(input.next.validation ? { preamble: validationBanner(input.next.validation) } : {}),
        maxLength: input.maxLength ?? COMMENT_BUDGET,
    });
}
/** Kept here for the sticky comment's last-resort cut; the writer lives in `markdown/`. */



/***/ }),

/***/ 5396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OJ: () => (/* binding */ trialBudget),
/* harmony export */   a8: () => (/* binding */ renderTopUpSection),
/* harmony export */   lq: () => (/* binding */ poolAnalyses),
/* harmony export */   rI: () => (/* binding */ topUpRequests)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/* harmony import */ var _markdown_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1280);
/* harmony import */ var _sequential_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7272);
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1320);




/** The budget compare decides with; undefined (one look) when top-up is off. */
function trialBudget(retry) {
    if (!retry.adaptive)
        return undefined;
    return {
        roundTrials: retry.trialsPerCombination,
        maxTrials: Math.max(retry.maxTrialsPerCombination, retry.trialsPerCombination),
    };
}
/** The combinations the next round runs, with how many trials each. */
function topUpRequests(comparison) {
    return comparison.rows
        .filter((r) => r.stop_reason === 'needs-more-trials' && (r.next_trials ?? 0) > 0)
        .map((r) => ({ chaos_type: r.chaos_type, params: r.params, trials: r.next_trials }));
}
const keyOf = (c) => `${c.baseline ? 'b' : 'a'}|${(0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .combinationKey */ .ZV)({ chaosType: c.chaos_type, params: c.params })}`;
/**
 * The retry and its top-up rounds as one "after" side: per-combination tallies summed, findings
 * of every round; the campaign and its headline totals stay the retry's.
 */
function poolAnalyses(retry, rounds) {
    if (rounds.length === 0)
        return retry;
    const rows = new Map();
    for (const analysis of [retry, ...rounds]) {
        for (const c of analysis.by_chaos_type) {
            const row = rows.get(keyOf(c));
            if (!row) {
                rows.set(keyOf(c), { ...c, failed_trial_ids: [...c.failed_trial_ids] });
                continue;
            }
            row.trials += c.trials;
            row.successes += c.successes;
            row.failures += c.failures;
            row.timeouts += c.timeouts;
            row.broken_work_items += c.broken_work_items;
            row.failed_trial_ids.push(...c.failed_trial_ids);
        }
    }
    // The headline totals stay the retry's own: top-up trials only run for some combinations, so
    // adding them would weigh those combinations more in the retry's win rate.
    return {
        ...retry,
        by_chaos_type: [...rows.values()].map((row) => ({
            ...row,
            win_rate: row.trials ? row.successes / row.trials : 0,
            ci: (0,_stats_js__WEBPACK_IMPORTED_MODULE_3__/* .wilsonInterval */ .YV)(row.successes, row.trials),
        })),
        findings: [retry, ...rounds].flatMap((a) => a.findings),
    };
}
/**
 * For the PR comment when top-up is on: how many trials each combination used and why it stopped.
 */
function renderTopUpSection(c) {
    if (!c.top_up)
        return '';
    const max = c.top_up.max_trials ?? undefined;
    const rounds = c.top_up.rounds.length
        ? `${c.top_up.rounds.length} top-up round(s): ${c.top_up.rounds.map((r) => `campaign ${r.campaign_id}`).join(', ')}`
        : 'no top-up round needed';
    const lines = c.rows.map((r) => {
        const what = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: r.chaos_type, params: r.params });
        const why = r.stop_reason ? (0,_sequential_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStop */ .Cw)(r.stop_reason, r.after.trials, max) : '';
        return `${(0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(what)}: ${r.after.trials} trial(s), ${r.verdict}${why ? ` — ${why}` : ''}`;
    });
    return (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .joinBlocks */ .x9)(`### Trials per combination`, (0,_markdown_index_js__WEBPACK_IMPORTED_MODULE_1__/* .bulletList */ .fF)(`Adaptive top-up${max ? ` (up to ${max} trials per combination)` : ''}: ${rounds}.`, lines));
}


/***/ }),

/***/ 636:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4730);
/* harmony import */ var _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3779);
/* harmony import */ var _octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9210);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/**
 * The only module in src that imports Octokit. `createGitHubClient` returns an Octokit with REST
 * endpoint methods, pagination, throttling and retries configured for a long-running Actions job:
 *
 * - Secondary rate limits (403/429 "secondary rate limit"): wait `retry-after` and retry up to
 *   `secondaryRateLimitRetries` times, unless the wait would pass `deadline`.
 * - Primary rate limit (`x-ratelimit-remaining: 0`): if the reset is after `deadline`, fail fast with
 *   a GitHubRateLimitError naming the reset time instead of sleeping past the job limit; else wait
 *   (once) until the reset.
 * - 5xx, timeouts and network errors are retried (`retries`, backoff 1, 4, 9 s) for idempotent
 *   methods only. POST and PATCH are NOT retried: a 502 may come after GitHub applied the write, so a
 *   blind retry duplicates comments/issues. Callers catch, check `isAmbiguousWriteFailure(error)`,
 *   re-read (e.g. list comments by marker + author) and only then create again. A caller that knows a
 *   write is idempotent opts in per request: `{ request: { retryNonIdempotent: true } }`.
 * - 400/401/403/404/409/410/422/451 are never retried.
 * - Every attempt has a timeout (`requestTimeoutMs`).
 * - The token never reaches logs or error messages (RequestError already redacts the header; messages
 *   are additionally masked).
 */






const GitHubOctokit = _octokit_core__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_2__/* .restEndpointMethods */ ._, _octokit_plugin_paginate_rest__WEBPACK_IMPORTED_MODULE_3__/* .paginateRest */ .ud, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];
function createGitHubClient(options) {
    const secrets = [options.token];
    const mask = (text) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecrets */ .fp)(text, secrets);
    const unit = options.retryDelayUnitMs ?? 1000;
    const octokit = new GitHubOctokit({
        auth: options.token,
        baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'iterate-campaign',
        log: octokitLog(options.logger, mask),
        request: { fetch: timedFetch(options, mask) },
        retry: { retries: options.retries ?? 3, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: unit },
        throttle: {
            ...throttleHandlers(options),
            retryAfterBaseValue: unit,
            ...(options.pacing ? pacedGroups(options.pacing) : {}),
        },
    });
    const nonIdempotent = new Set((options.nonIdempotentMethods ?? ['POST', 'PATCH']).map((m) => m.toUpperCase()));
    octokit.hook.before('request', (request) => {
        const extra = request.request;
        if (!nonIdempotent.has(request.method.toUpperCase()))
            return;
        if (extra?.retries !== undefined || extra?.retryNonIdempotent)
            return;
        request.request = { ...request.request, retries: 0 };
    });
    octokit.hook.error('request', (error) => {
        throw clarify(error, options, mask);
    });
    return octokit;
}
function octokitLog(logger, mask) {
    const text = (message, extra) => mask([message, ...extra]
        .map((part) => (part instanceof Error ? part.message : String(part)))
        .join(' '));
    return {
        debug: (message, ...extra) => logger.debug(text(message, extra)),
        info: (message, ...extra) => logger.info(text(message, extra)),
        warn: (message, ...extra) => logger.warning(text(message, extra)),
        error: (message, ...extra) => logger.error(text(message, extra)),
    };
}
/** fetch with a per-attempt timeout and a debug line per response. */
function timedFetch(options, mask) {
    const inner = options.fetch ?? globalThis.fetch;
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    return async (input, init) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        const started = Date.now();
        const label = `${init?.method ?? 'GET'} ${pathOf(input)}`;
        try {
            const response = await inner(input, { ...init, signal });
            options.logger.debug(mask(`GitHub ${label} → ${response.status} (${Date.now() - started} ms)`));
            return response;
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            options.logger.debug(mask(`GitHub ${label} → network error after ${Date.now() - started} ms: ${reason}`));
            throw error;
        }
    };
}
function pathOf(input) {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    try {
        return new URL(href).pathname;
    }
    catch {
        return href;
    }
}
function routeOf(request) {
    return `${request.method} ${request.url}`;
}
function throttleHandlers(options) {
    const maxWait = options.maxRateLimitWaitSeconds ?? 900;
    const secondaryRetries = options.secondaryRateLimitRetries ?? 3;
    const fitsDeadline = (seconds) => !options.deadline || Date.now() + seconds * 1000 < options.deadline.getTime();
    const onSecondaryRateLimit = (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= secondaryRetries || retryAfter > maxWait || !fitsDeadline(retryAfter))
            return false;
        options.logger.warning(`GitHub secondary rate limit on ${routeOf(request)}; retrying in ${retryAfter} s (retry ${retryCount + 1}/${secondaryRetries})`);
        return true;
    };
    const onRateLimit = (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= 1 || retryAfter > maxWait || !fitsDeadline(retryAfter))
            return false;
        const resetAt = new Date(Date.now() + retryAfter * 1000).toISOString();
        options.logger.warning(`GitHub primary rate limit exhausted on ${routeOf(request)}; waiting ${retryAfter} s until ${resetAt}`);
        return true;
    };
    return { onSecondaryRateLimit, onRateLimit };
}
/** Minimal stand-in for the Bottleneck groups the throttling plugin schedules on. */
class PacedGroup {
    minTimeMs;
    last = 0;
    chain = Promise.resolve();
    constructor(minTimeMs) {
        this.minTimeMs = minTimeMs;
    }
    key() {
        return this;
    }
    schedule(...args) {
        const [fn, ...rest] = (typeof args[0] === 'function' ? args : args.slice(1));
        const run = async () => {
            const wait = this.last + this.minTimeMs - Date.now();
            if (wait > 0)
                await new Promise((resolve) => setTimeout(resolve, wait));
            this.last = Date.now();
            return fn(...rest);
        };
        const result = this.chain.then(run);
        this.chain = result.catch(() => undefined);
        return result;
    }
}
function pacedGroups(pacing) {
    const group = (ms) => new PacedGroup(ms);
    return {
        write: group(pacing.writeMinTimeMs),
        notifications: group(pacing.notificationMinTimeMs),
        search: group(pacing.searchMinTimeMs),
    };
}
/** Final errors: rate limits become GitHubRateLimitError; every message is masked. */
function clarify(error, options, mask) {
    if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isGitHubError */ .e0)(error) || (error.status !== 403 && error.status !== 429))
        return maskError(error, mask);
    const headers = error.response?.headers ?? {};
    const route = routeOfError(error);
    if (/\bsecondary rate\b/i.test(error.message)) {
        const retryAfter = Number(headers['retry-after']) || undefined;
        const message = `GitHub secondary rate limit on ${route} persisted` +
            (retryAfter ? ` (retry-after ${retryAfter} s)` : '') +
            ` after up to ${options.secondaryRateLimitRetries ?? 3} retries` +
            deadlineNote(options.deadline, retryAfter ? new Date(Date.now() + retryAfter * 1000) : undefined) +
            '; slow down or retry the job later.';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubRateLimitError */ .Rr(mask(message), 'secondary', error.status, route, undefined, retryAfter, { cause: error });
    }
    if (headers['x-ratelimit-remaining'] === '0') {
        const resetAt = new Date(Number(headers['x-ratelimit-reset']) * 1000);
        const limit = headers['x-ratelimit-limit'] ? ` (limit ${headers['x-ratelimit-limit']}/h)` : '';
        const message = `GitHub primary rate limit exhausted${limit} on ${route}: quota resets at ${resetAt.toISOString()} ` +
            `(in ${formatDuration(resetAt.getTime() - Date.now())})` +
            deadlineNote(options.deadline, resetAt);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubRateLimitError */ .Rr(mask(message), 'primary', error.status, route, resetAt, undefined, { cause: error });
    }
    return maskError(error, mask);
}
function deadlineNote(deadline, until) {
    if (!deadline || !until || until.getTime() <= deadline.getTime())
        return '';
    return `, after the job deadline ${deadline.toISOString()}; failing fast instead of sleeping past it`;
}
function routeOfError(error) {
    const url = error.request?.url ?? '';
    let path = url;
    try {
        path = new URL(url).pathname;
    }
    catch {
        // relative already
    }
    return `${error.request?.method ?? 'GET'} ${path}`;
}
function maskError(error, mask) {
    if (error instanceof Error) {
        const masked = mask(error.message);
        if (masked !== error.message)
            error.message = masked;
    }
    return error;
}
function formatDuration(ms) {
    const minutes = Math.max(Math.round(ms / 60_000), 0);
    if (minutes < 60)
        return `${minutes} min`;
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
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


/***/ }),

/***/ 9811:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   botTargetOf: () => (/* binding */ botTargetOf),
/* harmony export */   openGitHubSession: () => (/* binding */ openGitHubSession),
/* harmony export */   p: () => (/* binding */ repoRefOf)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(636);
/* harmony import */ var _net_proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7115);
/* harmony import */ var _repo_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4013);
/** The one way a command opens GitHub: the job deadline, our user agent, and a seam for tests. */



/** GitHub-hosted jobs stop after 6 h: never sleep on a rate limit past that. */
const JOB_LIMIT_MS = 6 * 3600_000;
const USER_AGENT = 'iterate-campaign';
function openGitHubSession(options) {
    const context = options.context ?? (0,_repo_context_js__WEBPACK_IMPORTED_MODULE_2__/* .readRepoContext */ .ac)(options.env, options.purpose);
    const now = options.now?.() ?? new Date();
    const client = (options.createClient ?? _client_js__WEBPACK_IMPORTED_MODULE_0__.createGitHubClient)({
        token: options.token,
        baseUrl: context.apiUrl,
        userAgent: USER_AGENT,
        logger: options.logger,
        deadline: new Date(now.getTime() + JOB_LIMIT_MS),
        // HTTPS_PROXY / NO_PROXY, as the Actions toolkit honours them.
        fetch: (0,_net_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxiedFetch */ .i)(options.env),
    });
    return { client, context };
}
/** The session as the pull-request helpers take it. */
function repoRefOf(session, logger, botLogin) {
    return {
        client: session.client,
        owner: session.context.owner,
        repo: session.context.repo,
        logger,
        botLogin,
    };
}
/** The session as the bot's writers take it (the sticky comment; add labels for the issue). */
function botTargetOf(session, identity, logger) {
    return {
        client: session.client,
        owner: session.context.owner,
        repo: session.context.repo,
        identity,
        logger,
    };
}


/***/ }),

/***/ 4156:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qD: () => (/* binding */ upsertStickyComment),
/* harmony export */   uU: () => (/* binding */ composeStickyBody)
/* harmony export */ });
/* unused harmony exports stickyMarker, readStickyMarker */
/* harmony import */ var _core_retry_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8920);
/* harmony import */ var _diagnosis_issue_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2576);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9452);
/**
 * One bot comment per pull request, updated in place: found by its hidden marker
 * `<!-- iterate-campaign:retry-report pr=N revision=R -->` AND the bot's login over the paginated
 * comment listing (a marker planted by anyone else is ignored). The revision only grows: a comment
 * at the same or a higher revision is never overwritten, so an older run finishing last cannot
 * undo a newer one. Creates are not idempotent on GitHub: an ambiguous failure (5xx, timeout) is
 * re-read before it is retried, and after a create the listing is read again so that when two
 * writers both created one, the oldest is kept and the others deleted. A PR that is gone (404/410)
 * is a warning, not a failure.
 */



const MARKER_PATTERN = /^<!-- iterate-campaign:retry-report pr=(\d+) revision=(\d+) -->$/;
function stickyMarker(prNumber, revision) {
    return `<!-- iterate-campaign:retry-report pr=${prNumber} revision=${revision} -->`;
}
/** The marker's PR and revision, read from any line of the body; undefined without one. */
function readStickyMarker(body) {
    for (const line of (body ?? '').split(/\r?\n/)) {
        const match = MARKER_PATTERN.exec(line.trim());
        if (match)
            return { prNumber: Number(match[1]), revision: Number(match[2]) };
    }
    return undefined;
}
/** The full comment body: marker first, then the report clamped so the whole fits GitHub. */
function composeStickyBody(request) {
    const marker = stickyMarker(request.prNumber, request.revision);
    const room = _core_retry_report_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMENT_BUDGET */ .ub - marker.length - 1;
    return `${marker}\n${(0,_core_retry_report_js__WEBPACK_IMPORTED_MODULE_0__/* .clampMarkdown */ .f$)(request.body, room, request.fullReportUrl)}`;
}
async function upsertStickyComment(target, request) {
    const body = composeStickyBody(request);
    let listed;
    try {
        listed = await listStickyComments(target, request.prNumber);
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isGoneOrNotFound */ .qC)(error))
            return prGone(target, request.prNumber, error);
        throw error;
    }
    const [kept, ...duplicates] = listed;
    const duplicatesDeleted = await deleteDuplicates(target, duplicates);
    if (!kept)
        return createAndSettle(target, request, body, duplicatesDeleted);
    return updateIfOlder(target, request, body, kept, duplicatesDeleted);
}
function prGone(target, prNumber, error) {
    target.logger.warning(`Pull request #${prNumber} cannot be commented on (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeGitHubError */ .dZ)(error)}); the report is kept in the database and the job summary.`);
    return { action: 'pr-gone', duplicatesDeleted: 0 };
}
/** Bot comments carrying this PR's marker, oldest first. */
async function listStickyComments(target, prNumber) {
    const { client, owner, repo, identity } = target;
    const comments = await client.paginate(client.rest.issues.listComments, {
        owner,
        repo,
        issue_number: prNumber,
        per_page: 100,
    });
    return comments
        .filter((c) => c.user?.login.toLowerCase() === identity.login.toLowerCase())
        .flatMap((c) => {
        const marker = readStickyMarker(c.body);
        if (marker?.prNumber !== prNumber)
            return [];
        return [{ id: Number(c.id), url: c.html_url, revision: marker.revision, body: c.body ?? '' }];
    })
        .sort((a, b) => a.id - b.id);
}
async function createAndSettle(target, request, body, deletedBefore) {
    const { client, owner, repo } = target;
    const find = async () => (await listStickyComments(target, request.prNumber))[0];
    let created;
    try {
        created = await (0,_diagnosis_issue_js__WEBPACK_IMPORTED_MODULE_1__/* .createOnce */ .Ur)(target.logger, `commenting on #${request.prNumber}`, async () => {
            const { data } = await client.rest.issues.createComment({
                owner,
                repo,
                issue_number: request.prNumber,
                body,
            });
            return { id: Number(data.id), url: data.html_url, revision: request.revision, body };
        }, find);
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isGoneOrNotFound */ .qC)(error))
            return prGone(target, request.prNumber, error);
        throw error;
    }
    // Another writer may have created one at the same time: keep the oldest, delete the rest.
    const listed = await listStickyComments(target, request.prNumber);
    if (!listed.some((c) => c.id === created.id))
        listed.push(created);
    listed.sort((a, b) => a.id - b.id);
    const [kept, ...duplicates] = listed;
    const deleted = deletedBefore + (await deleteDuplicates(target, duplicates));
    if (kept.id === created.id) {
        return {
            action: 'created',
            commentId: kept.id,
            url: kept.url,
            revision: request.revision,
            duplicatesDeleted: deleted,
        };
    }
    return updateIfOlder(target, request, body, kept, deleted);
}
async function updateIfOlder(target, request, body, existing, duplicatesDeleted) {
    const base = { commentId: existing.id, url: existing.url, duplicatesDeleted };
    if (existing.revision > request.revision) {
        target.logger.info(`Comment ${existing.id} on #${request.prNumber} is at revision ${existing.revision}, newer than ${request.revision}: left as is.`);
        return { ...base, action: 'kept-newer', revision: existing.revision };
    }
    if (existing.revision === request.revision) {
        return { ...base, action: 'unchanged', revision: existing.revision };
    }
    try {
        await target.client.rest.issues.updateComment({
            owner: target.owner,
            repo: target.repo,
            comment_id: existing.id,
            body,
            // The same PATCH applied twice leaves the same comment: safe to retry after a 5xx.
            request: { retryNonIdempotent: true },
        });
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .githubStatus */ .AV)(error) !== 404)
            throw error;
        target.logger.warning(`Comment ${existing.id} was deleted meanwhile; writing a new one.`);
        return createAndSettle(target, request, body, duplicatesDeleted);
    }
    return { ...base, action: 'updated', revision: request.revision };
}
async function deleteDuplicates(target, duplicates) {
    let deleted = 0;
    for (const duplicate of duplicates) {
        target.logger.warning(`Deleting duplicate report comment ${duplicate.id}.`);
        try {
            await target.client.rest.issues.deleteComment({
                owner: target.owner,
                repo: target.repo,
                comment_id: duplicate.id,
            });
            deleted += 1;
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .githubStatus */ .AV)(error) !== 404)
                throw error; // a concurrent writer deleted it first
        }
    }
    return deleted;
}


/***/ }),

/***/ 7115:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ proxiedFetch)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4371);
/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY for the GitHub API and the registry client, as the Actions
 * toolkit honours them (@actions/http-client): self-hosted runners behind a proxy reach both.
 * undici's EnvHttpProxyAgent picks the proxy by scheme, tunnels with CONNECT, and skips hosts that
 * NO_PROXY names. It is the undici @actions/http-client already bundles, so dist/ does not grow.
 */

const read = (env, name) => env[name]?.trim() || env[name.toLowerCase()]?.trim() || undefined;
/** A fetch that goes through the environment's proxy, or undefined when none is configured. */
function proxiedFetch(env) {
    const httpsProxy = read(env, 'HTTPS_PROXY');
    const httpProxy = read(env, 'HTTP_PROXY');
    if (!httpsProxy && !httpProxy)
        return undefined;
    const dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({
        httpProxy: httpProxy ?? '',
        httpsProxy: httpsProxy ?? httpProxy ?? '',
        noProxy: read(env, 'NO_PROXY') ?? '',
    });
    const proxied = (input, init) => (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .fetch */ .hd)(input, {
        ...init,
        dispatcher,
    });
    return proxied;
}


/***/ })

};
