export const id = 703;
export const ids = [703];
export const modules = {

/***/ 7046:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ANALYZE_OUTPUTS: () => (/* binding */ ANALYZE_OUTPUTS),
  analyzeCommand: () => (/* binding */ analyzeCommand),
  createAnalyzeCommand: () => (/* binding */ createAnalyzeCommand)
});

// EXTERNAL MODULE: ./lib/core/targets.js
var targets = __webpack_require__(1641);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/campaign/retry.js + 1 modules
var retry = __webpack_require__(8385);
// EXTERNAL MODULE: ./lib/core/chaos-types.js
var chaos_types = __webpack_require__(9747);
// EXTERNAL MODULE: ./lib/core/command-summaries.js
var command_summaries = __webpack_require__(9231);
// EXTERNAL MODULE: ./lib/core/markdown/index.js + 4 modules
var markdown = __webpack_require__(1280);
// EXTERNAL MODULE: ./lib/core/diagnosis-state.js + 1 modules
var diagnosis_state = __webpack_require__(8251);
// EXTERNAL MODULE: ./lib/core/inputs.js
var core_inputs = __webpack_require__(662);
// EXTERNAL MODULE: ./lib/core/render-diagnosis.js
var render_diagnosis = __webpack_require__(4063);
// EXTERNAL MODULE: ./lib/config/project-config.js
var project_config = __webpack_require__(3406);
// EXTERNAL MODULE: ./lib/images/image-ref.js
var image_ref = __webpack_require__(4579);
// EXTERNAL MODULE: ./lib/db/pool.js
var pool = __webpack_require__(9102);
// EXTERNAL MODULE: ./lib/github/diagnosis-issue.js
var diagnosis_issue = __webpack_require__(2576);
// EXTERNAL MODULE: ./lib/github/errors.js
var errors = __webpack_require__(9452);
// EXTERNAL MODULE: ./lib/github/repo-context.js
var repo_context = __webpack_require__(4013);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/github/retry-pr.js
/**
 * PR mode: the targeted retry campaign committed on `iterate-campaign/<series>-<campaign-id>`
 * through the git data API (no checkout), and a pull request into the default branch whose body is
 * the diagnosis. A re-run moves the same branch and edits the same open PR; nothing is duplicated.
 */



const ACTIONS_CANNOT_CREATE_PULL_REQUESTS = 'GitHub Actions is not permitted to create or approve pull requests.';
const ALLOW_ACTIONS_PULL_REQUESTS_ADVICE = 'enable Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests", ' +
    'or pass a GitHub App / fine-grained token in `github-token`';
/** The repository does not let GITHUB_TOKEN open pull requests. */
class PullRequestsNotPermittedError extends Error {
    name = 'PullRequestsNotPermittedError';
}
const MAX_BRANCH_SLUG = 100;
/** `iterate-campaign/<series>-<campaign-id>`, the series slugged to characters git refs allow. */
function retryBranchName(series, campaignId) {
    const slug = series
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[-.]+|[-.]+$/g, '')
        .slice(0, MAX_BRANCH_SLUG)
        .replace(/[-.]+$/, '') || 'campaign';
    return `iterate-campaign/${slug}-${campaignId}`;
}
/** Git's blob id of `content`, to compare with what a branch already holds without downloading it. */
function gitBlobSha(content) {
    const body = Buffer.from(content, 'utf8');
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
}
async function upsertRetryPullRequest(target, request) {
    const base = await defaultBranchTip(target);
    const outcome = { branch: request.branch, path: request.path };
    if ((await fileSha(target, base.branch, request.path)) === gitBlobSha(request.content)) {
        target.logger.info(`${request.path} is already on ${base.branch} with this content; no pull request needed.`);
        return { ...outcome, action: 'already-on-base', pull: undefined };
    }
    const existing = await findOpenPull(target, request.branch, base.branch);
    if (request.dryRun)
        return { ...outcome, action: 'dry-run', pull: existing };
    const commitSha = await commitRetryFile(target, base, request);
    await pointBranchAt(target, request.branch, commitSha);
    const pull = existing
        ? await updatePull(target, existing.number, request)
        : await createPull(target, base.branch, request);
    await addLabels(target, pull.number, request.labels);
    return { ...outcome, action: existing ? 'update' : 'create', pull };
}
/** Adding a label a pull request already has changes nothing, so a retry is safe. */
async function addLabels(target, pullNumber, labels) {
    if (labels.length === 0)
        return;
    await (0,diagnosis_issue/* ensureLabels */.cV)({ ...target, labels });
    await target.client.rest.issues.addLabels({
        owner: target.owner,
        repo: target.repo,
        issue_number: pullNumber,
        labels: [...labels],
        request: { retryNonIdempotent: true },
    });
}
async function defaultBranchTip(target) {
    const { client, owner, repo } = target;
    const { data: repository } = await client.rest.repos.get({ owner, repo });
    const branch = repository.default_branch;
    const { data: ref } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    const { data: commit } = await client.rest.git.getCommit({
        owner,
        repo,
        commit_sha: ref.object.sha,
    });
    return { branch, sha: commit.sha, tree: commit.tree.sha };
}
async function fileSha(target, ref, path) {
    const content = await (0,errors/* unlessNotFound */.CA)(() => target.client.rest.repos.getContent({ owner: target.owner, repo: target.repo, path, ref }));
    const data = content?.data;
    return data && !Array.isArray(data) && data.type === 'file' ? data.sha : undefined;
}
async function branchSha(target, branch) {
    const ref = await (0,errors/* unlessNotFound */.CA)(() => target.client.rest.git.getRef({
        owner: target.owner,
        repo: target.repo,
        ref: `heads/${branch}`,
    }));
    return ref?.data.object.sha;
}
/**
 * blob → tree → commit on top of the default branch. Blobs and trees are content-addressed, so
 * retrying them is safe; when the branch already holds exactly this commit's tree on this base,
 * its commit is reused instead of writing a new one.
 */
async function commitRetryFile(target, base, request) {
    const { client, owner, repo } = target;
    const retry = { retryNonIdempotent: true };
    const { data: blob } = await client.rest.git.createBlob({
        owner,
        repo,
        content: request.content,
        encoding: 'utf-8',
        request: retry,
    });
    const { data: tree } = await client.rest.git.createTree({
        owner,
        repo,
        base_tree: base.tree,
        tree: [{ path: request.path, mode: '100644', type: 'blob', sha: blob.sha }],
        request: retry,
    });
    const reusable = await reusableBranchCommit(target, request.branch, base.sha, tree.sha);
    if (reusable)
        return reusable;
    const { data: commit } = await client.rest.git.createCommit({
        owner,
        repo,
        message: request.commitMessage,
        tree: tree.sha,
        parents: [base.sha],
        // A retried commit that had been written is only an unreferenced object.
        request: retry,
    });
    return commit.sha;
}
async function reusableBranchCommit(target, branch, baseSha, treeSha) {
    const tip = await branchSha(target, branch);
    if (!tip)
        return undefined;
    const { data } = await target.client.rest.git.getCommit({
        owner: target.owner,
        repo: target.repo,
        commit_sha: tip,
    });
    const sameChange = data.tree.sha === treeSha && data.parents.length === 1 && data.parents[0].sha === baseSha;
    return sameChange ? tip : undefined;
}
/** Creates the branch, or force-moves it: the branch belongs to this tool. */
async function pointBranchAt(target, branch, sha) {
    const { client, owner, repo } = target;
    const current = await branchSha(target, branch);
    if (current === sha)
        return;
    if (current === undefined) {
        try {
            await (0,diagnosis_issue/* createOnce */.Ur)(target.logger, `creating branch ${branch}`, async () => {
                await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
                return sha;
            }, async () => branchSha(target, branch));
        }
        catch (error) {
            // 422 "Reference already exists": a concurrent run created it; move it below.
            if ((0,errors/* githubStatus */.AV)(error) !== 422)
                throw error;
        }
        if ((await branchSha(target, branch)) === sha)
            return;
    }
    await client.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${branch}`,
        sha,
        force: true,
        request: { retryNonIdempotent: true },
    });
}
async function findOpenPull(target, branch, base) {
    const { client, owner, repo } = target;
    const pulls = await client.paginate(client.rest.pulls.list, {
        owner,
        repo,
        state: 'open',
        head: `${owner}:${branch}`,
        base,
        per_page: 100,
    });
    const pull = pulls.sort((a, b) => a.number - b.number)[0];
    return pull ? { number: pull.number, url: pull.html_url } : undefined;
}
async function updatePull(target, pullNumber, request) {
    const { data } = await target.client.rest.pulls.update({
        owner: target.owner,
        repo: target.repo,
        pull_number: pullNumber,
        title: request.title,
        body: request.body,
        request: { retryNonIdempotent: true },
    });
    return { number: data.number, url: data.html_url };
}
async function createPull(target, base, request) {
    const { client, owner, repo } = target;
    const find = () => findOpenPull(target, request.branch, base);
    try {
        return await (0,diagnosis_issue/* createOnce */.Ur)(target.logger, `opening the pull request for ${request.branch}`, async () => {
            const { data } = await client.rest.pulls.create({
                owner,
                repo,
                head: request.branch,
                base,
                title: request.title,
                body: request.body,
            });
            return { number: data.number, url: data.html_url };
        }, find);
    }
    catch (error) {
        if (isActionsNotPermitted(error)) {
            throw new PullRequestsNotPermittedError(`Cannot open the retry pull request in ${owner}/${repo}: ${ACTIONS_CANNOT_CREATE_PULL_REQUESTS} To fix it, ${ALLOW_ACTIONS_PULL_REQUESTS_ADVICE}.`, { cause: error });
        }
        // 422 "A pull request already exists": a concurrent run opened it.
        const concurrent = (0,errors/* githubStatus */.AV)(error) === 422 ? await find() : undefined;
        if (concurrent)
            return updatePull(target, concurrent.number, request);
        throw error;
    }
}
function isActionsNotPermitted(error) {
    if (!(0,errors/* isGitHubError */.e0)(error) || error.status !== 403)
        return false;
    const data = error.response?.data;
    const message = typeof data?.message === 'string' ? data.message : error.message;
    return /not permitted to create or approve pull requests/i.test(message);
}

// EXTERNAL MODULE: ./lib/loop/analyze-campaign.js + 3 modules
var analyze_campaign = __webpack_require__(6846);
// EXTERNAL MODULE: ./lib/loop/investigate.js + 3 modules
var investigate = __webpack_require__(9608);
// EXTERNAL MODULE: ./lib/core/gates.js
var gates = __webpack_require__(7192);
;// CONCATENATED MODULE: ./lib/commands/investigation-inputs.js
/**
 * Inputs of the "where would an engineer look next" checks of `analyze`: invariant coverage
 * (`source-dir`), the pass history of the series (`history`) and worker log excerpts (`worker-logs`).
 */



const INVESTIGATION_INPUTS = {
    'source-dir': {
        description: "Harness checkout whose invariant files are checked against the failing combinations, read at the campaign's git commit when the checkout has it (action default: the workspace; CLI: none, coverage not checked)",
    },
    history: {
        description: `Campaigns of the same series whose pass history marks flaky combinations (default ${investigate/* DEFAULT_HISTORY */.R}; 0 turns it off)`,
    },
    'worker-logs': {
        description: 'Directory of worker logs (the worker command writes them; workflows upload them as artifacts): each failed trial gets the lines of its work item',
    },
};
const MAX_HISTORY = 100;
function parseInvestigationInputs(inputs, io) {
    const rawHistory = inputs.get('history') ?? String(investigate/* DEFAULT_HISTORY */.R);
    const trimmed = rawHistory.trim();
    if (!/^\d{1,3}$/.test(trimmed) || Number(trimmed) > MAX_HISTORY) {
        throw new core_inputs/* InputError */.dz(`Invalid history: '${(0,core_inputs/* shown */.SP)(rawHistory)}' — expected a whole number of campaigns from 0 to ${MAX_HISTORY}, e.g. 10`);
    }
    const sourceDir = inputs.get('source-dir') ??
        (io.surface === 'action' ? io.env.GITHUB_WORKSPACE?.trim() || io.cwd : undefined);
    const workerLogs = inputs.get('worker-logs');
    return {
        sourceDir: sourceDir === undefined ? undefined : (0,external_node_path_.resolve)(io.cwd, sourceDir),
        history: Number(trimmed),
        workerLogsDir: workerLogs === undefined ? undefined : (0,external_node_path_.resolve)(io.cwd, workerLogs),
    };
}

// EXTERNAL MODULE: ./lib/commands/common-inputs.js
var common_inputs = __webpack_require__(767);
// EXTERNAL MODULE: ./lib/commands/command.js
var command = __webpack_require__(5583);
;// CONCATENATED MODULE: ./lib/commands/analyze.js























const OUTPUT_MODES = ['issue', 'pr', 'none'];
/** Every output the command sets; action.yml documents exactly these. */
const ANALYZE_OUTPUTS = [
    'campaign-id',
    'win-rate',
    'meets-target',
    'failing-chaos-types',
    'issue-number',
    'pr-number',
    'retry-campaign-path',
];
/** The step summary takes 1 MiB; characters may take up to 2 bytes here (emoji, dashes). */
const SUMMARY_MAX_CHARS = 500_000;
const DEFAULT_DEPENDENCIES = { now: () => new Date() };
function createAnalyzeCommand(deps = DEFAULT_DEPENDENCIES) {
    return (0,command/* defineCommand */.N)({
        name: 'analyze',
        description: 'Score a campaign exactly as upstream does, group and classify its failures, and write a diagnosis.',
        surfaces: ['action', 'cli'],
        outputs: {
            'campaign-id': "The analyzed campaign's id ('latest' resolved)",
            'win-rate': 'Win rate as upstream computes it, a fraction with 4 decimals',
            'meets-target': 'true when the win rate is at or above the target',
            'failing-chaos-types': 'JSON list of failing combinations, e.g. [{"subject":"tikv","chaos_type":"latency","params":{"min_ms":50,"max_ms":150},"resolution_timeout":null}]',
            'issue-number': "Number of the series' diagnosis issue (output issue), when there is one",
            'pr-number': 'The retry pull request opened or updated (output pr)',
            'retry-campaign-path': 'Path of the targeted retry campaign YAML: in the repository (output pr) or in the workspace (write-retry)',
        },
        inputs: {
            'campaign-id': {
                description: "Campaign id, or 'latest' (newest finished campaign)",
                positional: 0,
                required: true,
            },
            'campaign-name': {
                description: "With 'latest': only campaigns whose name matches this glob",
            },
            'target-win-rate': {
                description: 'Target win rate: 90, 90% or 0.9 (default: config targets.default, else 90%; per chaos type: config targets)',
                cliAlias: 'target',
            },
            'database-url': common_inputs/* DATABASE_URL_INPUT */.jV,
            config: common_inputs/* CONFIG_INPUT */.sR,
            json: { description: 'Print the analysis as JSON (the same as --format json)', flag: true },
            format: common_inputs/* FORMAT_INPUT */.z5,
            'write-retry': { description: 'Write the targeted retry campaign YAML to this file' },
            'operator-image': { description: 'Operator image for the retry campaign' },
            'github-token': {
                description: 'GitHub token for output issue/pr (CLI default: GITHUB_TOKEN)',
                secret: true,
            },
            output: {
                description: 'Where the diagnosis goes: issue, pr or none (CLI default none, action default issue)',
            },
            'retry-dir': {
                description: 'Repository directory of the retry campaign in PR mode (default: config retry.dir)',
            },
            labels: {
                description: `Comma-separated labels of the diagnosis issue (default ${common_inputs/* DEFAULT_LABELS */.Ge})`,
            },
            'dry-run': {
                description: 'Read GitHub and show what would be written, write nothing',
                flag: true,
            },
            ...INVESTIGATION_INPUTS,
            'agent-mention': {
                description: 'Mention put in the diagnosis issue\'s "For a coding agent" section when it is created, e.g. @claude or @copilot (triggers an agent workflow that listens for it)',
            },
            'agent-label': {
                description: 'Label added to the diagnosis issue whenever it is written, e.g. agent:fix (triggers an agent workflow on issues: labeled)',
            },
            'fail-on': { description: gates/* ANALYZE_FAIL_ON_DESCRIPTION */.f1 },
        },
        parse: (inputs, io) => parseAnalyzeInput(inputs, io),
        run: (input, io) => runAnalyze(input, io, deps),
    });
}
const analyzeCommand = createAnalyzeCommand();
// ── parse: every input validated before any side effect ───────────────────────────────────────
function parseAnalyzeInput(inputs, io) {
    const rawId = inputs.get('campaign-id');
    if (rawId === undefined) {
        throw new core_inputs/* InputError */.dz("Missing campaign-id: give a campaign id such as 123, or 'latest'");
    }
    const selector = (0,core_inputs/* parseCampaignSelector */.n_)('campaign-id', rawId);
    const target = (0,common_inputs/* optionalTargetRate */.q3)(inputs);
    const output = (0,core_inputs/* parseChoice */.HU)('output', inputs.get('output') ?? defaultOutput(io.surface), OUTPUT_MODES);
    const dryRun = (0,core_inputs/* parseBoolean */.yG)('dry-run', inputs.get('dry-run') ?? 'false');
    const json = (0,core_inputs/* parseBoolean */.yG)('json', inputs.get('json') ?? 'false');
    const labels = (0,common_inputs/* readLabels */.k2)(inputs);
    const rawRetryDir = inputs.get('retry-dir');
    const retryDir = rawRetryDir === undefined ? undefined : (0,common_inputs/* parseRepoDirectory */.HO)('retry-dir', rawRetryDir);
    const github = output === 'none' ? undefined : parseGitHubTarget(inputs, io, output);
    const databaseUrl = (0,common_inputs/* readDatabaseUrl */.Bq)(inputs, io);
    warnAboutUnusedInputs(inputs, io, { selector, output, dryRun });
    return {
        selector,
        campaignName: inputs.get('campaign-name'),
        target,
        databaseUrl,
        configPath: inputs.get('config'),
        json,
        format: (0,common_inputs/* readReportFormat */.o9)(inputs, io),
        writeRetry: optional(inputs, 'write-retry', (field, v) => (0,core_inputs/* parseWorkspacePath */.Qk)(field, v, 'retry.yaml')),
        operatorImage: optional(inputs, 'operator-image', image_ref/* parseOperatorImage */.BO),
        output,
        github,
        retryDir,
        labels,
        dryRun,
        investigation: parseInvestigationInputs(inputs, io),
        agent: parseAgentTrigger(inputs),
        failOn: (0,gates/* parseFailOn */.XV)('fail-on', inputs.get('fail-on'), 'analyze'),
    };
}
const MENTION = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?(?:\/[A-Za-z0-9_.-]{1,100})?$/;
function parseAgentTrigger(inputs) {
    const mention = inputs.get('agent-mention')?.trim();
    if (mention !== undefined && !MENTION.test(mention)) {
        throw new core_inputs/* InputError */.dz(`Invalid agent-mention: '${(0,core_inputs/* shown */.SP)(mention)}' — expected one @login or @org/team, e.g. @claude`);
    }
    const rawLabel = inputs.get('agent-label');
    const label = rawLabel === undefined ? undefined : (0,common_inputs/* parseLabels */.Xy)('agent-label', rawLabel);
    if (label && label.length !== 1) {
        throw new core_inputs/* InputError */.dz(`Invalid agent-label: '${(0,core_inputs/* shown */.SP)(rawLabel)}' — expected one label name, e.g. agent:fix`);
    }
    return { mention, label: label?.[0] };
}
function optional(inputs, field, parse) {
    const value = inputs.get(field);
    return value === undefined ? undefined : parse(field, value);
}
function defaultOutput(surface) {
    return surface === 'action' ? 'issue' : 'none';
}
function parseGitHubTarget(inputs, io, output) {
    const fromEnv = io.surface === 'cli' ? io.env.GITHUB_TOKEN?.trim() || io.env.GH_TOKEN?.trim() : undefined;
    const token = inputs.get('github-token') ?? fromEnv;
    if (!token) {
        const where = io.surface === 'action'
            ? 'leave github-token at its default (github.token)'
            : 'pass --github-token or set GITHUB_TOKEN';
        throw new core_inputs/* InputError */.dz(`Missing github-token: output '${output}' writes to GitHub; ${where}, or use output 'none'`);
    }
    io.masker.add(token);
    return { token, context: (0,repo_context/* readRepoContext */.ac)(io.env, `output '${output}'`) };
}
function warnAboutUnusedInputs(inputs, io, parsed) {
    const warn = (name, why) => io.logger.warning(`Input '${name}' is ignored: ${why}.`);
    if (inputs.get('campaign-name') !== undefined && parsed.selector.kind === 'id') {
        warn('campaign-name', "it only filters campaign-id 'latest'");
    }
    if (inputs.get('retry-dir') !== undefined && parsed.output !== 'pr') {
        warn('retry-dir', `it is used by output 'pr', not '${parsed.output}'`);
    }
    if (parsed.dryRun && parsed.output === 'none')
        warn('dry-run', "output 'none' writes nothing to GitHub anyway");
}
// ── run ────────────────────────────────────────────────────────────────────────────────────────
async function runAnalyze(input, io, deps) {
    const config = await (0,project_config/* loadProjectConfig */.W)(input.configPath, io.cwd);
    const retryDir = input.retryDir ?? (0,common_inputs/* parseRepoDirectory */.HO)('retry.dir (config)', config.retry.dir);
    const analysis = await io.logger.group(`Analyzing ${describeSelector(input)}`, () => loadAnalysis(input, config, io));
    if (input.format === 'json')
        io.print(JSON.stringify(analysis, null, 2));
    if (input.format === 'text')
        io.print(await renderText(analysis, io));
    if (input.writeRetry)
        await writeLocalRetry(analysis, config, input, io);
    setAnalysisOutputs(analysis, io);
    for (const w of (0,chaos_types/* splitRetryable */.J7)(analysis.failing).withheld) {
        io.logger.warning(`Withheld from the retry campaign: ${w.chaos_type} — ${w.reason}.`);
    }
    const retryYaml = analysis.failing.length > 0 ? (0,analyze_campaign/* retryYamlFor */.d4)(analysis, config, input.operatorImage) : undefined;
    let publication;
    let failure;
    const handoff = handoffFor(analysis, config, retryDir, input);
    try {
        publication = await publish(input, analysis, retryYaml, retryDir, io, deps, handoff);
    }
    catch (error) {
        failure = clarifyFailure(error, input);
    }
    if (input.format === 'md')
        io.print(issueBodyOf(publication, analysis, retryYaml, input, handoff));
    const summary = renderSummary(analysis, input, publication, failure);
    await io.logger.group('Writing the job summary', () => io.appendSummary(io.masker.mask(summary)));
    warnIfTargetMissed(analysis, io);
    if (failure !== undefined)
        throw failure;
    const gate = (0,gates/* analysisGate */.sx)(input.failOn, analysis);
    if (gate.kind === 'fail')
        throw new gates/* GateFailure */.In(gate.message);
}
/** Loaded on demand: the terminal renderer (and its table library) stays out of the action's path. */
async function renderText(analysis, io) {
    const { renderAnalysisText } = await Promise.all(/* import() */[__webpack_require__.e(502), __webpack_require__.e(399)]).then(__webpack_require__.bind(__webpack_require__, 3399));
    const { PLAIN_STYLE } = await __webpack_require__.e(/* import() */ 9).then(__webpack_require__.bind(__webpack_require__, 5009));
    return renderAnalysisText(analysis, io.style ?? PLAIN_STYLE);
}
/** The Markdown of the diagnosis issue: the body written, else the one a new issue gets. */
function issueBodyOf(publication, analysis, retryYaml, input, handoff) {
    if (publication?.kind === 'issue' && publication.outcome.body)
        return publication.outcome.body;
    return (0,analyze_campaign/* newDiagnosisIssueBody */.ff)(analysis, retryYaml, input.github?.context.runUrl, handoff);
}
function describeSelector(input) {
    if (input.selector.kind === 'id')
        return `campaign ${input.selector.id}`;
    return `the latest finished campaign${input.campaignName ? ` named like '${input.campaignName}'` : ''}`;
}
async function loadAnalysis(input, config, io) {
    const db = await (0,pool/* openEvalDatabase */.yd)(input.databaseUrl, {
        log: (m) => io.logger.warning(m),
        signal: io.signal,
    });
    try {
        const analysis = await (0,analyze_campaign/* analyzeFromDatabase */.ck)(db, input.selector, input.campaignName, (0,targets/* defaultTarget */.zo)(input.target, config.targets.default), config);
        await (0,investigate/* investigate */.a)(db, analysis, config, input.investigation, io.logger);
        io.logger.info(`Campaign ${analysis.campaign.id} '${analysis.campaign.name}': ${analysis.trials} trials, win rate ${(0,render_diagnosis/* pct */.Oe)(analysis.win_rate)} vs target ${(0,render_diagnosis/* pct */.Oe)(analysis.target_win_rate)}.`);
        return analysis;
    }
    finally {
        await db.close();
    }
}
async function writeLocalRetry(analysis, config, input, io) {
    if (analysis.failing.length === 0) {
        io.logger.info(analysis.trials === 0
            ? `Nothing to retry: campaign ${analysis.campaign.id} has no trials yet; no retry campaign written.`
            : 'Nothing to retry: every combination meets the target.');
        return;
    }
    if (!(0,analyze_campaign/* hasRetryable */.$q)(analysis)) {
        io.logger.warning('No retry campaign written: every failing combination was withheld.');
        return;
    }
    const path = (0,external_node_path_.resolve)(io.cwd, input.writeRetry);
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,promises_.writeFile)(path, (0,analyze_campaign/* retryYamlFor */.d4)(analysis, config, input.operatorImage));
    }
    catch (error) {
        throw new core_inputs/* InputError */.dz(`Cannot write write-retry '${input.writeRetry}': ${describeWriteFailure(error)}`);
    }
    io.logger.info(`Retry campaign written to ${path}`);
    setOutput(io, 'retry-campaign-path', input.writeRetry);
}
function describeWriteFailure(error) {
    const code = error.code;
    if (code === 'EISDIR')
        return 'it is a directory; give a file name such as retry.yaml';
    if (code === 'EEXIST' || code === 'ENOTDIR') {
        return 'a file stands where a directory of the path should be';
    }
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    return error.message;
}
function setOutput(io, name, value) {
    io.setOutput(name, value);
}
function setAnalysisOutputs(analysis, io) {
    setOutput(io, 'campaign-id', analysis.campaign.id);
    setOutput(io, 'win-rate', analysis.win_rate.toFixed(4));
    setOutput(io, 'meets-target', analysis.meets_target);
    setOutput(io, 'failing-chaos-types', JSON.stringify(analysis.failing));
}
function warnIfTargetMissed(analysis, io) {
    if (analysis.meets_target || analysis.trials === 0)
        return;
    io.logger.warning(`Campaign ${analysis.campaign.id} missed the target: win rate ${(analysis.win_rate * 100).toFixed(1)}% < ${(analysis.target_win_rate * 100).toFixed(1)}%`);
}
/** What the diagnosis issue's "For a coding agent" section needs besides the analysis. */
function handoffFor(analysis, config, retryDir, input) {
    return {
        testSuites: config.images.map.tests,
        retryCampaignPath: external_node_path_.posix.join(retryDir, `${(0,retry/* retryCampaignName */.It)(analysis.campaign.name, analysis.campaign.id)}.yaml`),
        ...(input.agent.mention ? { mention: input.agent.mention } : {}),
    };
}
// ── publishing to GitHub ───────────────────────────────────────────────────────────────────────
async function publish(input, analysis, retryYaml, retryDir, io, deps, handoff) {
    if (input.output === 'none' || !input.github)
        return undefined;
    // Loaded here: Octokit and undici are not needed to analyse and print (CLI, output none).
    const { openGitHubSession } = await Promise.all(/* import() */[__webpack_require__.e(8), __webpack_require__.e(811)]).then(__webpack_require__.bind(__webpack_require__, 9811));
    const createClient = deps.createGitHubClient ?? (await Promise.all(/* import() */[__webpack_require__.e(8), __webpack_require__.e(636)]).then(__webpack_require__.bind(__webpack_require__, 636))).createGitHubClient;
    const { client } = openGitHubSession({
        token: input.github.token,
        env: io.env,
        purpose: `output '${input.output}'`,
        logger: io.logger,
        context: input.github.context,
        createClient,
        now: deps.now,
    });
    if (input.output === 'issue') {
        return io.logger.group('Diagnosis issue', () => publishIssue(client, input, analysis, retryYaml, io, handoff));
    }
    return io.logger.group('Retry pull request', () => publishPullRequest(client, input, analysis, retryYaml, retryDir, io));
}
async function publishIssue(client, input, analysis, retryYaml, io, handoff) {
    const { context } = input.github;
    const { botTargetOf } = await Promise.all(/* import() */[__webpack_require__.e(8), __webpack_require__.e(811)]).then(__webpack_require__.bind(__webpack_require__, 9811));
    const identity = await (0,diagnosis_issue/* resolveBotIdentity */.iv)(client, io.env.ITERATE_CAMPAIGN_BOT_LOGIN);
    io.logger.info(`Looking for the diagnosis issue of '${analysis.campaign.name}' by ${identity.login} labelled '${input.labels[0]}' in ${(0,repo_context/* repositorySlug */.Sv)(context)}.`);
    const outcome = await (0,diagnosis_issue/* syncDiagnosisIssue */.mH)({
        ...botTargetOf({ client, context }, identity, io.logger),
        labels: input.agent.label ? [...input.labels, input.agent.label] : input.labels,
    }, {
        analysis,
        retryYaml,
        runUrl: context.runUrl,
        dryRun: input.dryRun,
        handoff,
        ...(input.agent.label ? { extraLabels: [input.agent.label] } : {}),
    });
    const which = outcome.issue ? ` #${outcome.issue.number}` : '';
    io.logger.info(`Diagnosis issue${which}: ${describeIssueOutcome(outcome, input.dryRun)}`);
    if (input.dryRun && outcome.body)
        io.logger.info(`Issue body that would be written:\n${outcome.body}`);
    if (outcome.issue)
        setOutput(io, 'issue-number', outcome.issue.number);
    return { kind: 'issue', outcome };
}
const ISSUE_VERBS = {
    create: ['created', 'would create it'],
    update: ['updated', 'would update it'],
    close: ['closed with a comment', 'would close it with a comment'],
    reopen: ['reopened with a comment', 'would reopen it with a comment'],
    'skip-older': ['left as is', 'would leave it as is'],
    nothing: ['left as is', 'would leave it as is'],
    unchanged: ['left as is', 'would leave it as is'],
};
/** `created — campaign 7 missed the target`, or `would create it — …` in a dry run. */
function describeIssueOutcome(outcome, dryRun) {
    const changes = outcome.written || outcome.body !== undefined;
    const verbs = ISSUE_VERBS[changes ? outcome.action : 'unchanged'];
    return `${verbs[dryRun ? 1 : 0]} — ${outcome.reason}.`;
}
async function publishPullRequest(client, input, analysis, retryYaml, retryDir, io) {
    if (!retryYaml || !(0,analyze_campaign/* hasRetryable */.$q)(analysis)) {
        io.logger.info(retryYaml
            ? 'Nothing to retry: every failing combination was withheld; no pull request.'
            : 'Nothing to retry: every combination meets the target; no pull request.');
        return { kind: 'pr', outcome: undefined, body: undefined };
    }
    const { context } = input.github;
    const { id, name } = analysis.campaign;
    const path = external_node_path_.posix.join(retryDir, `${(0,retry/* retryCampaignName */.It)(name, id)}.yaml`);
    const body = pullRequestBody(analysis, path);
    const outcome = await upsertRetryPullRequest({ client, owner: context.owner, repo: context.repo, logger: io.logger }, {
        branch: retryBranchName(name, id),
        path,
        content: retryYaml,
        commitMessage: `Add targeted retry campaign for ${name} campaign ${id}\n\nWritten by iterate-campaign.`,
        title: `Retry failing combinations of ${name} campaign ${id}`.slice(0, 256),
        body,
        labels: input.labels,
        dryRun: input.dryRun,
    });
    io.logger.info(describePullOutcome(outcome));
    if (input.dryRun)
        io.logger.info(`Pull request body that would be written:\n${body}`);
    if (outcome.action !== 'dry-run')
        setOutput(io, 'retry-campaign-path', path);
    if (outcome.pull && outcome.action !== 'dry-run')
        setOutput(io, 'pr-number', outcome.pull.number);
    return { kind: 'pr', outcome, body };
}
function pullRequestBody(analysis, path) {
    const preamble = [
        (0,diagnosis_state/* diagnosisMarker */.IN)(analysis.campaign.name),
        `This pull request adds the targeted retry campaign ${(0,markdown/* codeSpan */.SS)(path)}: the ${analysis.failing.length} failing combination(s) of campaign ${analysis.campaign.id}. Merge it and run that campaign to check the fixes.`,
    ].join('\n');
    return (0,render_diagnosis/* renderDiagnosisMarkdown */.lv)(analysis, {
        preamble,
        fullReportHint: 'The job summary of the run has the full report.',
    });
}
function describePullOutcome(outcome) {
    const pull = outcome.pull ? `#${outcome.pull.number}` : 'a new pull request';
    return {
        create: `Opened pull request ${pull} from ${outcome.branch} with ${outcome.path}.`,
        update: `Updated branch ${outcome.branch} and pull request ${pull}.`,
        'already-on-base': `${outcome.path} is already on the default branch; no pull request.`,
        'dry-run': `Dry run: would commit ${outcome.path} to ${outcome.branch} and ${outcome.pull ? `update pull request ${pull}` : 'open a pull request'}.`,
    }[outcome.action];
}
// ── job summary ────────────────────────────────────────────────────────────────────────────────
function renderSummary(analysis, input, publication, failure) {
    const header = [
        publicationNote(input, publication, failure),
        withheldSummaryNote(analysis),
        triggerNote(input),
    ]
        .filter(Boolean)
        .join('\n\n');
    const preview = input.dryRun ? previewBody(publication) : undefined;
    if (preview)
        return [header, preview].filter(Boolean).join('\n\n');
    return (0,render_diagnosis/* renderDiagnosisMarkdown */.lv)(analysis, {
        preamble: header || undefined,
        maxLength: SUMMARY_MAX_CHARS,
    });
}
function publicationNote(input, publication, failure) {
    if (failure !== undefined) {
        return (0,command_summaries/* alert */.xE)('CAUTION', oneLine(failure), 'Writing the diagnosis to GitHub failed: ');
    }
    if (!publication)
        return '';
    const dry = input.dryRun ? '> [!NOTE]\n> Dry run: nothing was written to GitHub. ' : '';
    if (publication.kind === 'issue') {
        const o = publication.outcome;
        const link = o.issue ? ` ([#${o.issue.number}](${o.issue.url}))` : '';
        return `${dry}**Diagnosis issue${link}:** ${(0,markdown/* plainText */.wh)(describeIssueOutcome(o, input.dryRun))}`;
    }
    if (!publication.outcome)
        return '**Retry pull request:** nothing to retry.';
    const o = publication.outcome;
    const link = o.pull ? ` ([#${o.pull.number}](${o.pull.url}))` : '';
    return `${dry}**Retry pull request${link}:** ${(0,markdown/* plainText */.wh)(describePullOutcome(o))}`;
}
function withheldSummaryNote(analysis) {
    return (0,command_summaries/* withheldNote */.a7)((0,chaos_types/* splitRetryable */.J7)(analysis.failing).withheld);
}
function triggerNote(input) {
    const context = input.github?.context;
    const trigger = context && (0,repo_context/* describeTrigger */.gb)(context);
    if (!trigger)
        return '';
    return `<sub>Triggered by ${trigger}${context.runUrl ? ` · [run](${context.runUrl})` : ''}</sub>`;
}
function previewBody(publication) {
    if (!publication)
        return undefined;
    const body = publication.kind === 'issue' ? publication.outcome.body : publication.body;
    return body
        ? `<details open><summary>Body that would be written</summary>\n\n${body}\n\n</details>`
        : undefined;
}
/** GitHub failures become one line, with the permission to grant when the token lacks one. */
function clarifyFailure(error, input) {
    if (error instanceof PullRequestsNotPermittedError)
        return error;
    return (0,errors/* clarifyGitHubFailure */.Yd)(error, {
        secrets: input.github ? [input.github.token] : [],
        permissions: input.output === 'pr' ? 'contents: write and pull-requests: write' : 'issues: write',
    });
}
function oneLine(error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(/\s*\n\s*/g, ' ');
}


/***/ }),

/***/ 5366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U2: () => (/* binding */ flakyHistory),
/* harmony export */   ls: () => (/* binding */ flakyFixes)
/* harmony export */ });
/* unused harmony exports trialsToBeatNoise, binomialUpperTail */
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/**
 * Flaky combinations across the campaigns of a series: a chaos type (with its params) that flips
 * between passing and failing from one campaign to the next. A "fixed" verdict on such a type says
 * little until enough trials separate the fix from its usual noise. Pure.
 */

/** At least two flips, and a flip in at least one of three consecutive pairs. */
const FLAKY_MIN_FLIPS = 2;
const FLAKY_MIN_FLIP_RATE = 1 / 3;
/**
 * The pass history of every non-baseline combination of the newest campaign over `series` (oldest
 * first, the analysed campaign last).
 */
function flakyHistory(series, target) {
    const newest = series[series.length - 1];
    if (!newest)
        return [];
    return newest.combos
        .filter((c) => !c.baseline)
        .map((combo) => {
        const key = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .combinationKey */ .ZV)({ chaosType: combo.chaos_type, params: combo.params });
        const campaigns = series.flatMap((campaign) => {
            const row = campaign.combos.find((c) => !c.baseline &&
                c.trials > 0 &&
                (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .combinationKey */ .ZV)({ chaosType: c.chaos_type, params: c.params }) === key);
            return row
                ? [{ campaign_id: campaign.campaign_id, successes: row.successes, trials: row.trials }]
                : [];
        });
        const passes = campaigns.map((c) => c.successes / c.trials >= target);
        const flips = passes.slice(1).filter((p, i) => p !== passes[i]).length;
        const flipRate = campaigns.length >= 2 ? flips / (campaigns.length - 1) : null;
        return {
            chaos_type: combo.chaos_type,
            params: combo.params,
            campaigns,
            flip_rate: flipRate,
            flaky: flips >= FLAKY_MIN_FLIPS && flipRate !== null && flipRate >= FLAKY_MIN_FLIP_RATE - 1e-9,
        };
    });
}
/**
 * All-success trials to add to a retry's `successes`/`trials` before a one-sided binomial test
 * against the series' pooled pass rate `p0` says p ≤ alpha: how many more trials separate a fix
 * from the noise of a flaky type. Null when no number of trials can (p0 = 1) or past 1000.
 */
function trialsToBeatNoise(successes, trials, p0, alpha = 0.05) {
    if (p0 >= 1)
        return null;
    for (let more = 0; more <= 1000; more++) {
        if (binomialUpperTail(successes + more, trials + more, p0) <= alpha * (1 + 1e-9))
            return more;
    }
    return null;
}
/** P(X ≥ k) for X ~ Binomial(n, p). */
function binomialUpperTail(k, n, p) {
    if (k <= 0)
        return 1;
    if (k > n)
        return 0;
    if (p <= 0)
        return 0;
    let total = 0;
    const logP = Math.log(p);
    const logQ = Math.log1p(-p);
    for (let i = k; i <= n; i++) {
        total += Math.exp(logChoose(n, i) + i * logP + (n - i) * logQ);
    }
    return Math.min(1, total);
}
function logChoose(n, k) {
    let sum = 0;
    for (let i = 1; i <= k; i++)
        sum += Math.log((n - k + i) / i);
    return sum;
}
/** Pooled pass rate of a combination over the campaigns of its history. */
function pooledRate(history) {
    const trials = history.campaigns.reduce((n, c) => n + c.trials, 0);
    const successes = history.campaigns.reduce((n, c) => n + c.successes, 0);
    return trials ? successes / trials : null;
}
function flakyFixes(rows, history) {
    const byKey = new Map(history.map((h) => [(0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .combinationKey */ .ZV)({ chaosType: h.chaos_type, params: h.params }), h]));
    return rows.flatMap((row) => {
        if (row.verdict !== 'fixed')
            return [];
        const past = byKey.get((0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .combinationKey */ .ZV)({ chaosType: row.chaos_type, params: row.params }));
        const pooled = past && pooledRate(past);
        if (!past?.flaky || pooled === null || pooled === undefined)
            return [];
        return [
            {
                chaos_type: row.chaos_type,
                params: row.params,
                flip_rate: past.flip_rate ?? 0,
                campaigns: past.campaigns.length,
                pooled_rate: pooled,
                retry: { successes: row.after.successes, trials: row.after.trials },
                more_trials_needed: trialsToBeatNoise(row.after.successes, row.after.trials, pooled),
            },
        ];
    });
}


/***/ }),

/***/ 7192:
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

/***/ 3484:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ DEFAULT_HISTORY),
  a: () => (/* binding */ loadFlakyHistory)
});

// EXTERNAL MODULE: ./lib/core/flaky.js
var flaky = __webpack_require__(5366);
;// CONCATENATED MODULE: ./lib/db/campaign-series.js
/**
 * Ids of the campaigns of a series (same name, upstream's `subject/chaos_type` fallback for an
 * empty one) up to and including `upToId`, newest first, at most `limit`.
 */
async function listSeriesCampaignIds(db, name, upToId, limit) {
    if (limit <= 0)
        return [];
    const { rows } = await db.query({
        text: `SELECT id FROM campaigns
           WHERE COALESCE(NULLIF(name, ''), subject_name || '/' || chaos_type) = $1 AND id <= $2
           ORDER BY id DESC
           LIMIT $3`,
        values: [name, upToId, limit],
    });
    return rows.map((row) => row.id);
}

// EXTERNAL MODULE: ./lib/loop/analyze-campaign.js + 3 modules
var analyze_campaign = __webpack_require__(6846);
;// CONCATENATED MODULE: ./lib/loop/campaign-history.js



const DEFAULT_HISTORY = 10;
async function loadFlakyHistory(db, analysis, options) {
    const ids = await listSeriesCampaignIds(db, analysis.campaign.name, analysis.campaign.id, options.history);
    const series = [];
    for (const id of ids.reverse()) {
        if (id === analysis.campaign.id) {
            series.push({ campaign_id: id, combos: analysis.by_chaos_type });
            continue;
        }
        const past = await (0,analyze_campaign/* loadCampaignAnalysis */.vn)(db, id, {
            target: analysis.target_win_rate,
            causes: options.causes,
        });
        series.push({ campaign_id: id, combos: past.by_chaos_type });
    }
    return (0,flaky/* flakyHistory */.U2)(series, analysis.target_win_rate);
}


/***/ })

};
