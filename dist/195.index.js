export const id = 195;
export const ids = [195];
export const modules = {

/***/ 1641:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f7: () => (/* binding */ checkChaosTypeTargets),
/* harmony export */   x1: () => (/* binding */ targetFor),
/* harmony export */   zo: () => (/* binding */ defaultTarget)
/* harmony export */ });
const DEFAULT_TARGET = 0.9;
function targetFor(fallback, byChaosType, chaosType) {
    return byChaosType && Object.hasOwn(byChaosType, chaosType)
        ? byChaosType[chaosType]
        : fallback;
}
/** The default target: the target-win-rate input when given, else the config's, else 90 %. */
function defaultTarget(input, configured) {
    return input ?? configured ?? DEFAULT_TARGET;
}
/** Each chaos type with its own target, over all its params (baseline rows left out). */
function checkChaosTypeTargets(rows, byChaosType) {
    if (!byChaosType)
        return [];
    const totals = new Map();
    for (const row of rows) {
        if (row.baseline || !Object.hasOwn(byChaosType, row.chaos_type))
            continue;
        const t = totals.get(row.chaos_type) ?? { trials: 0, successes: 0 };
        t.trials += row.trials;
        t.successes += row.successes;
        totals.set(row.chaos_type, t);
    }
    return [...totals].map(([chaos_type, t]) => {
        const target = byChaosType[chaos_type];
        const win_rate = t.trials ? t.successes / t.trials : 0;
        return { chaos_type, target, ...t, win_rate, meets_target: t.trials > 0 && win_rate >= target };
    });
}


/***/ }),

/***/ 9195:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ck: () => (/* binding */ analyzeFromDatabase),
  $q: () => (/* binding */ hasRetryable),
  vn: () => (/* binding */ loadCampaignAnalysis),
  ff: () => (/* binding */ newDiagnosisIssueBody),
  d4: () => (/* binding */ retryYamlFor)
});

// EXTERNAL MODULE: ./lib/core/chaos-types.js
var chaos_types = __webpack_require__(9747);
// EXTERNAL MODULE: ./lib/core/grouping.js
var grouping = __webpack_require__(5414);
// EXTERNAL MODULE: ./lib/core/scoring.js
var scoring = __webpack_require__(9374);
// EXTERNAL MODULE: ./lib/core/stats.js
var stats = __webpack_require__(1320);
// EXTERNAL MODULE: ./lib/core/symptoms.js
var symptoms = __webpack_require__(7807);
// EXTERNAL MODULE: ./lib/core/json.js
var json = __webpack_require__(3085);
// EXTERNAL MODULE: ./lib/core/time.js
var time = __webpack_require__(4258);
;// CONCATENATED MODULE: ./lib/core/evidence.js



const MAX_COMMANDS = 10;
const MAX_COMMAND_LENGTH = 80;
function describeEvidence(trial, workItem) {
    const commands = (0,scoring/* decodeCommands */.$7)(trial.commands);
    const total = trial.commandStats?.count ?? commands.length;
    const { storesNotUp, finalState } = describeFinalState(trial.finalState);
    return {
        started_at: iso(trial.startedAt),
        chaos_injected_at: iso(trial.chaosInjectedAt),
        ticket_created_at: trial.ticketCreatedAt === null ? null : iso(trial.ticketCreatedAt),
        resolved_at: trial.resolvedAt === null ? null : iso(trial.resolvedAt),
        ended_at: iso(trial.endedAt),
        chaos_target: chaosTarget(trial.chaosMetadata),
        commands: commands.slice(0, MAX_COMMANDS).map(commandText),
        commands_total: total,
        stores_not_up: storesNotUp,
        final_state: finalState,
        work_item_error: workItem?.error ?? null,
        worker_id: workItem?.workerId ?? null,
        vm_name: workItem?.vmName ?? null,
        reproduce: `uv run eval show --trial ${trial.id} --remote`,
    };
}
function iso(text) {
    try {
        return (0,time/* toIsoString */.Qt)(text);
    }
    catch {
        return text;
    }
}
function commandText(command) {
    let text;
    if (!(0,json/* isPlainObject */.Qd)(command))
        text = JSON.stringify(command) ?? '';
    else {
        const params = parseMaybeJson(command.tool_params);
        if ((0,json/* isPlainObject */.Qd)(params) && typeof params.command === 'string')
            text = params.command;
        else if (typeof params === 'string' && params)
            text = params;
        else
            text = `${String(command.tool_name ?? 'tool')} ${JSON.stringify(params ?? {})}`;
    }
    text = text.replace(/\s+/g, ' ').trim();
    return text.length > MAX_COMMAND_LENGTH ? `${text.slice(0, MAX_COMMAND_LENGTH)}...` : text;
}
function parseMaybeJson(value) {
    if (typeof value !== 'string')
        return value;
    try {
        return JSON.parse(value);
    }
    catch {
        return value;
    }
}
function describeFinalState(value) {
    let state;
    try {
        state = (0,json/* decodeJsonColumn */.D4)(value, {});
    }
    catch {
        return { storesNotUp: [], finalState: 'unparsable' };
    }
    if (!(0,json/* isPlainObject */.Qd)(state))
        return { storesNotUp: [], finalState: 'present' };
    if (Object.keys(state).length === 0)
        return { storesNotUp: [], finalState: 'empty' };
    const stores = Array.isArray(state.stores) ? state.stores.filter(json/* isPlainObject */.Qd) : [];
    const storesNotUp = stores
        .filter((store) => store.state_name !== 'Up')
        .map((store) => `store ${String(store.id ?? '?')} (${String(store.address ?? 'unknown address')}): ${String(store.state_name ?? 'no state')}`);
    if (typeof state.error === 'string')
        storesNotUp.push(`state capture error: ${state.error}`);
    return { storesNotUp, finalState: 'present' };
}
function chaosTarget(metadata) {
    try {
        const decoded = (0,json/* decodeJsonColumn */.D4)(metadata, {});
        if (!(0,json/* isPlainObject */.Qd)(decoded))
            return null;
        for (const key of ['target_container', 'target_ip', 'target_store_id', 'chaos_container']) {
            if (decoded[key] !== undefined && decoded[key] !== null)
                return String(decoded[key]);
        }
    }
    catch {
        // unreadable metadata has no target to show
    }
    return null;
}
/** Fills in evidence commands fetched after the analysis (see EvalReader.getTrialCommands). */
function fillEvidenceCommands(details, commandsById) {
    for (const detail of details) {
        const commands = commandsById.get(detail.trial_id);
        if (detail.evidence && commands !== undefined) {
            detail.evidence.commands = decodeCommands(commands).slice(0, MAX_COMMANDS).map(commandText);
        }
    }
}
const EVIDENCE_COMMANDS = MAX_COMMANDS;

// EXTERNAL MODULE: ./lib/core/targets.js
var targets = __webpack_require__(1641);
;// CONCATENATED MODULE: ./lib/core/analysis.js








/** Everything in memory (tests, small campaigns): the same analysis `CampaignAnalyzer` streams. */
function analyzeCampaign(data, options) {
    const itemsByTrial = indexWorkItemsByTrial(data.workItems);
    const analyzer = new CampaignAnalyzer(data.campaign, summarizeWorkItems(data.workItems), options);
    for (const trial of data.trials)
        analyzer.add(trial, itemsByTrial.get(trial.id));
    const { analysis, evidenceTrialIds } = analyzer.finish();
    const trialsById = new Map(data.trials.map((trial) => [trial.id, trial]));
    const sources = new Map();
    for (const id of evidenceTrialIds) {
        const trial = trialsById.get(id);
        if (trial)
            sources.set(id, { trial, workItem: itemsByTrial.get(id) });
    }
    attachEvidence(analysis, sources);
    return analysis;
}
/** The work items as the analysis reads them, one group per item (the analysis merges equal ones). */
function summarizeWorkItems(items) {
    return {
        groups: items.map((item) => ({
            subjectType: item.subjectType,
            chaosType: item.chaosType,
            chaosParams: item.chaosParams,
            baseline: item.baseline,
            resolutionTimeout: item.resolutionTimeout,
        })),
        statuses: countStatuses(items),
        broken: items.filter((item) => item.status === 'failed' && item.trialId === null),
    };
}
/**
 * Scores a campaign one trial at a time, keeping only counts, the failing trials' details and the
 * anomalies: memory does not grow with the successful trials. Trials may come in any order.
 */
class CampaignAnalyzer {
    campaign;
    workItems;
    options;
    combos;
    failed = [];
    anomalies = [];
    detectTimes = new stats/* ExactMean */.Tx();
    resolveTimes = new stats/* ExactMean */.Tx();
    totals = {
        trials: 0,
        successes: 0,
        failures: 0,
        timeouts: 0,
        agentTrials: 0,
        agentSuccesses: 0,
        commands: 0,
        unique: 0,
    };
    constructor(campaign, workItems, options) {
        this.campaign = campaign;
        this.workItems = workItems;
        this.options = options;
        this.combos = new ComboTable(options.target, options.targets);
        for (const group of workItems.groups) {
            ComboTable.noteTimeout(this.combos.ensure((0,grouping/* workItemCombination */.un)(group), group.baseline), group.resolutionTimeout);
        }
    }
    add(trial, workItem) {
        const { campaign, options, totals } = this;
        const identity = (0,grouping/* identifyTrial */.Tg)(trial, workItem, campaign.subjectName);
        const score = (0,scoring/* scoreTrial */.$o)(trial, campaign.subjectName, options.localUtcOffsetMinutes);
        countTrial(totals, score, identity.baseline);
        if (score.timeToDetectSec !== null)
            this.detectTimes.add(score.timeToDetectSec);
        if (score.timeToResolveSec !== null)
            this.resolveTimes.add(score.timeToResolveSec);
        for (const message of score.anomalies)
            this.anomalies.push({ trial_id: trial.id, message });
        const row = this.combos.ensure(identity, identity.baseline, trial.id);
        row.trials += 1;
        if (score.outcome === 'success') {
            row.successes += 1;
            return;
        }
        if (score.outcome === 'failure')
            row.failures += 1;
        else
            row.timeouts += 1;
        row.failed_trial_ids.push(trial.id);
        const classification = (0,symptoms/* classifyFailedTrial */.O)(trial, score);
        this.failed.push({
            trial_id: trial.id,
            work_id: identity.workItem?.id ?? null,
            subject: identity.subject,
            chaos_type: identity.chaosType,
            params: identity.params,
            baseline: identity.baseline,
            outcome: score.outcome,
            time_to_detect_sec: score.timeToDetectSec,
            time_to_resolve_sec: score.timeToResolveSec,
            commands: score.commandCount,
            symptoms: classification.symptoms,
            kind: classification.kind,
        });
    }
    /** The analysis, and the trials whose evidence it shows (see `attachEvidence`). */
    finish() {
        const { campaign, options, totals, workItems } = this;
        const details = this.failed.sort((a, b) => a.trial_id - b.trial_id);
        const anomalies = stableSortByTrial(this.anomalies);
        const broken = workItems.broken.map(toBrokenWorkItem);
        for (const item of broken)
            this.combos.ensure(item, false).broken_work_items += 1;
        const { successes, agentTrials, agentSuccesses } = totals;
        const winRate = totals.trials ? successes / totals.trials : 0;
        const ci = (0,stats/* wilsonInterval */.YV)(successes, totals.trials);
        const byChaosType = this.combos.finish();
        const typeTargets = (0,targets/* checkChaosTypeTargets */.f7)(byChaosType, options.targets);
        const findings = buildFindings(details, byChaosType, broken, options.causes);
        const analysis = {
            campaign: {
                id: campaign.id,
                name: campaign.name,
                subject: campaign.subjectName,
                git_commit: campaign.gitCommitHash,
                created_at: safeIso(campaign.createdAt),
                variant: campaign.variantName,
            },
            target_win_rate: options.target,
            trials: totals.trials,
            successes,
            failures: totals.failures,
            timeouts: totals.timeouts,
            win_rate: winRate,
            win_rate_ci: ci,
            meets_target: winRate >= options.target && typeTargets.every((t) => t.meets_target),
            ...(typeTargets.length ? { chaos_type_targets: typeTargets } : {}),
            ci_lower_bound_meets_target: ci[0] >= options.target,
            all_success_trials_needed: (0,stats/* allSuccessTrialsNeeded */.Zv)(successes, totals.trials, options.target),
            agent_trials: agentTrials,
            agent_successes: agentSuccesses,
            agent_win_rate: agentTrials ? agentSuccesses / agentTrials : null,
            avg_time_to_detect_sec: meanOrNull(this.detectTimes),
            avg_time_to_resolve_sec: meanOrNull(this.resolveTimes),
            total_commands: totals.commands,
            total_unique_commands: totals.unique,
            work_items: { ...workItems.statuses },
            finished: workItems.statuses.pending === 0 && workItems.statuses.running === 0,
            broken_work_items: broken,
            by_chaos_type: byChaosType,
            failing: byChaosType
                .filter((c) => !c.baseline &&
                (c.trials === 0
                    ? c.broken_work_items > 0
                    : c.win_rate < (0,targets/* targetFor */.x1)(options.target, options.targets, c.chaos_type)))
                .map((c) => ({
                subject: c.subject,
                chaos_type: c.chaos_type,
                params: c.params,
                resolution_timeout: c.resolution_timeout,
            })),
            findings,
            trials_detail: details,
            anomalies,
            upstream_analyze_fails: anomalies.length > 0,
        };
        return { analysis, evidenceTrialIds: evidenceTrialIds(findings) };
    }
}
/**
 * Evidence for the first trials of each finding: enough to act on, and bounded, so a
 * 100,000-trial campaign does not build (or fetch commands for) tens of thousands of blocks.
 */
const EVIDENCE_PER_FINDING = 25;
function evidenceTrialIds(findings) {
    const ids = new Set();
    for (const finding of findings) {
        for (const id of finding.trial_ids.slice(0, EVIDENCE_PER_FINDING))
            ids.add(id);
    }
    return [...ids];
}
/** Evidence blocks of the trials `CampaignAnalyzer.finish` named, from their full rows. */
function attachEvidence(analysis, sources) {
    for (const detail of analysis.trials_detail) {
        const source = sources.get(detail.trial_id);
        if (source && !detail.evidence)
            detail.evidence = describeEvidence(source.trial, source.workItem);
    }
}
/** Trials whose evidence still lacks its commands (the reader only counted them). */
function trialsNeedingCommands(analysis) {
    return analysis.trials_detail
        .filter((d) => d.evidence && d.evidence.commands.length === 0 && d.evidence.commands_total > 0)
        .map((d) => d.trial_id);
}
function stableSortByTrial(items) {
    for (let i = 1; i < items.length; i++) {
        if (items[i - 1].trial_id > items[i].trial_id) {
            return items
                .map((item, index) => ({ item, index }))
                .sort((a, b) => a.item.trial_id - b.item.trial_id || a.index - b.index)
                .map(({ item }) => item);
        }
    }
    return items;
}
function countTrial(totals, score, baseline) {
    totals.trials += 1;
    totals[score.outcome === 'success'
        ? 'successes'
        : score.outcome === 'failure'
            ? 'failures'
            : 'timeouts'] += 1;
    if (!baseline) {
        totals.agentTrials += 1;
        if (score.outcome === 'success')
            totals.agentSuccesses += 1;
    }
    totals.commands += score.commandCount;
    totals.unique += score.uniqueCommands;
}
/** Upstream averages over every trial with a value (not only successes), via statistics.mean. */
function meanOrNull(values) {
    return values.count ? values.value() : null;
}
function safeIso(text) {
    try {
        return (0,time/* toIsoString */.Qt)(text);
    }
    catch {
        return text;
    }
}
const KNOWN_STATUSES = (/* unused pure expression or super */ null && (['pending', 'running', 'completed', 'failed']));
function countStatuses(items) {
    const counts = { total: items.length, pending: 0, running: 0, completed: 0, failed: 0 };
    for (const item of items) {
        const status = item.status;
        if (KNOWN_STATUSES.includes(status))
            counts[status] += 1;
    }
    return counts;
}
function toBrokenWorkItem(item) {
    return {
        work_id: item.id,
        ...comboFields((0,grouping/* workItemCombination */.un)(item)),
        worker_id: item.workerId,
        vm_name: item.vmName,
        error: item.error ?? '',
    };
}
function comboFields(c) {
    return { subject: c.subject ?? '', chaos_type: c.chaosType, params: c.params };
}
class ComboTable {
    target;
    targets;
    rows = new Map();
    /** Rows a trial created (no work item has their combination): the smallest such trial id. */
    firstTrial = new Map();
    constructor(target, targets) {
        this.target = target;
        this.targets = targets;
    }
    /**
     * The row of a combination, created on first sight so rows keep campaign file order; rows that
     * trials create are ordered by their first trial, whatever order the trials come in. Runs once
     * per trial, so it allocates only a new row.
     */
    ensure(combination, baseline, trialId) {
        const c = 'chaosType' in combination
            ? combination
            : {
                subject: combination.subject,
                chaosType: combination.chaos_type,
                params: combination.params,
            };
        const key = comboKey(c.subject ?? '', c.chaosType, c.params, baseline);
        let row = this.rows.get(key);
        if (!row) {
            row = {
                ...comboFields(c),
                resolution_timeout: null,
                baseline,
                trials: 0,
                successes: 0,
                failures: 0,
                timeouts: 0,
                broken_work_items: 0,
                win_rate: 0,
                ci: [0, 1],
                meets_target: false,
                failed_trial_ids: [],
            };
            this.rows.set(key, row);
            if (trialId !== undefined)
                this.firstTrial.set(row, trialId);
        }
        const first = this.firstTrial.get(row);
        if (first !== undefined && trialId !== undefined && trialId < first) {
            this.firstTrial.set(row, trialId);
        }
        return row;
    }
    /** The work items' resolution_timeout: the largest of the row's. */
    static noteTimeout(row, timeout) {
        if (timeout !== null && (row.resolution_timeout ?? -Infinity) < timeout) {
            row.resolution_timeout = timeout;
        }
    }
    finish() {
        return this.ordered().map((row) => ({
            ...row,
            failed_trial_ids: sortedIds(row.failed_trial_ids),
            win_rate: row.trials ? row.successes / row.trials : 0,
            ci: (0,stats/* wilsonInterval */.YV)(row.successes, row.trials),
            meets_target: row.trials > 0 &&
                row.successes / row.trials >= (0,targets/* targetFor */.x1)(this.target, this.targets, row.chaos_type),
        }));
    }
    ordered() {
        const rows = [...this.rows.values()];
        const created = rows.filter((row) => this.firstTrial.has(row));
        if (created.length < 2)
            return rows;
        // Trial-created rows sit together (after the work items', before the broken items'): reorder them.
        const start = rows.indexOf(created[0]);
        created.sort((a, b) => this.firstTrial.get(a) - this.firstTrial.get(b));
        rows.splice(start, created.length, ...created);
        return rows;
    }
}
function sortedIds(ids) {
    for (let i = 1; i < ids.length; i++)
        if (ids[i - 1] > ids[i])
            return ids.sort((a, b) => a - b);
    return ids;
}
function comboKey(subject, chaosType, params, baseline) {
    return (0,grouping/* combinationKey */.ZV)({ subject, chaosType, params }) + (baseline ? '|baseline' : '');
}
function buildFindings(details, combos, broken, causes) {
    const make = (symptom, combo, trials, workIds, kind) => ({
        symptom,
        chaos_type: combo.chaos_type,
        params: combo.params,
        trial_ids: trials.map((t) => t.trial_id),
        work_ids: workIds,
        kind,
        likely_cause: causes[symptom].likelyCause,
        fix_locations: causes[symptom].fixLocations,
    });
    const patterns = [];
    const perTrial = [];
    const failedByCombo = groupBy(details.filter((d) => d.outcome !== 'success'), (d) => comboKey(d.subject, d.chaos_type, d.params, d.baseline));
    for (const combo of combos) {
        const failed = failedByCombo.get(comboKey(combo.subject, combo.chaos_type, combo.params, combo.baseline)) ??
            [];
        const allNoTicket = !combo.baseline &&
            combo.trials > 0 &&
            failed.length === combo.trials &&
            failed.every((d) => d.symptoms.includes('no-ticket'));
        if (allNoTicket)
            patterns.push(make('all-failed-no-ticket', combo, failed, [], 'pipeline'));
        const byPrimary = groupBy(failed, (d) => d.symptoms[0] ?? 'timeout');
        for (const [symptom, trials] of byPrimary) {
            if (allNoTicket && symptom === 'no-ticket')
                continue;
            const kind = trials.every((t) => t.kind === 'agent') ? 'agent' : 'pipeline';
            perTrial.push(make(symptom, combo, trials, [], kind));
        }
    }
    const pdCombos = combos.filter((c) => !c.baseline && (0,chaos_types/* isPdRelatedChaosType */.aQ)(c.chaos_type));
    if (pdCombos.length > 0 && pdCombos.every((c) => c.trials > 0 && c.successes === 0)) {
        const trials = details.filter((d) => !d.baseline && (0,chaos_types/* isPdRelatedChaosType */.aQ)(d.chaos_type));
        const names = [...new Set(pdCombos.map((c) => c.chaos_type))].join(', ');
        patterns.push(make('pd-chaos-failing', { chaos_type: names, params: {} }, trials, [], 'pipeline'));
    }
    const brokenByCombo = groupBy(broken, (b) => comboKey(b.subject, b.chaos_type, b.params, false));
    const brokenFindings = [...brokenByCombo.values()].map((items) => make('broken-work-item', items[0], [], items.map((i) => i.work_id), 'pipeline'));
    const size = (f) => f.trial_ids.length + f.work_ids.length;
    perTrial.sort((a, b) => (a.kind === b.kind ? size(b) - size(a) : a.kind === 'pipeline' ? -1 : 1));
    return [...patterns, ...brokenFindings, ...perTrial];
}
function groupBy(items, key) {
    const groups = new Map();
    for (const item of items) {
        const k = key(item);
        const group = groups.get(k);
        if (group)
            group.push(item);
        else
            groups.set(k, [item]);
    }
    return groups;
}

// EXTERNAL MODULE: ./lib/db/eval-reader.js + 2 modules
var eval_reader = __webpack_require__(6771);
// EXTERNAL MODULE: ./lib/core/campaign/retry.js + 1 modules
var retry = __webpack_require__(766);
// EXTERNAL MODULE: ./lib/core/diagnosis-state.js + 1 modules
var diagnosis_state = __webpack_require__(8251);
;// CONCATENATED MODULE: ./lib/loop/analyze-campaign.js






/**
 * Scores one campaign as its trials stream from the database (memory holds the counts and the
 * failing trials, not the campaign), then reads the full rows of the trials its evidence shows.
 */
async function loadCampaignAnalysis(db, campaignId, options) {
    const localUtcOffsetMinutes = -new Date().getTimezoneOffset();
    return (0,eval_reader/* createEvalReader */._)(db).readCampaign(campaignId, async (snapshot) => {
        const { evidence = true, ...scoring } = options;
        const analyzer = new CampaignAnalyzer(snapshot.campaign, snapshot.workItems, {
            ...scoring,
            localUtcOffsetMinutes,
        });
        await snapshot.forEachTrial((trial, workItem) => analyzer.add(trial, workItem));
        const { analysis, evidenceTrialIds } = analyzer.finish();
        if (!evidence)
            return analysis;
        attachEvidence(analysis, await snapshot.evidence(evidenceTrialIds, EVIDENCE_COMMANDS));
        return analysis;
    });
}
/** The campaign the selector names (an id, or the latest finished one), analysed. */
async function analyzeFromDatabase(db, selector, campaignName, target, config) {
    const reader = (0,eval_reader/* createEvalReader */._)(db);
    let id;
    if (selector.kind === 'id')
        id = selector.id;
    else {
        const latest = await reader.findLatestFinishedCampaign(campaignName);
        if (!latest) {
            throw new Error(`No finished campaign${campaignName ? ` named like '${campaignName}'` : ''} in ${db.target}: every campaign has pending or running work items, or none exist`);
        }
        id = latest.id;
    }
    return loadCampaignAnalysis(db, id, {
        target,
        targets: config.targets.byChaosType,
        causes: config.causes,
    });
}
/**
 * The targeted retry campaign of the failing combinations. Combinations whose chaos type the
 * harness would reject are left out and named in the header; when none is left, the text is only
 * that note (a YAML document with no campaign), so the issue still says why.
 */
function retryYamlFor(analysis, config, operatorImage) {
    const { retryable, withheld } = (0,chaos_types/* splitRetryable */.J7)(analysis.failing);
    const note = (0,chaos_types/* withheldNote */.a7)(withheld);
    if (retryable.length === 0) {
        return `${[note, 'No targeted retry campaign: no failing combination can be retried.']
            .join('\n')
            .split('\n')
            .map((line) => `# ${line}`)
            .join('\n')}\n`;
    }
    const header = [
        `Targeted retry of campaign ${analysis.campaign.id} (${analysis.campaign.name}): ${retryable.length} failing combination(s) at ${(analysis.win_rate * 100).toFixed(1)}% vs target ${(analysis.target_win_rate * 100).toFixed(1)}%.`,
        'Written by iterate-campaign.',
        ...(note ? [note] : []),
    ];
    return (0,retry/* buildRetryCampaign */.jH)({ ...(0,retry/* retrySourceOf */.X1)(analysis), failing: retryable }, (0,retry/* retrySettings */.wP)(config.retry, operatorImage ?? config.retry.operatorImage), header).yaml;
}
/** Whether any failing combination can go into a retry campaign. */
function hasRetryable(analysis) {
    return (0,chaos_types/* splitRetryable */.J7)(analysis.failing).retryable.length > 0;
}
/**
 * The diagnosis issue body the first analysis of a series writes, exactly as analyze creates it:
 * what `analyze --format md` prints when no issue was written.
 */
function newDiagnosisIssueBody(analysis, retryYaml, runUrl, handoff) {
    const state = {
        ...(0,diagnosis_state/* nextDiagnosisState */.kS)(undefined, analysis, runUrl),
        series: analysis.campaign.name,
    };
    return (0,diagnosis_state/* renderDiagnosisIssueBody */.hi)(analysis, (0,diagnosis_state/* withRevision */.kh)(state, state.revision + 1), {
        ...(retryYaml ? { retryYaml } : {}),
        ...(handoff ? { handoff } : {}),
    });
}


/***/ })

};
