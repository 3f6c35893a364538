export const id = 255;
export const ids = [255];
export const modules = {

/***/ 206:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAnalyze: () => (/* binding */ runAnalyze)
});

// EXTERNAL MODULE: ./lib/core/targets.js
var targets = __webpack_require__(1641);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/campaign/retry.js + 1 modules
var retry = __webpack_require__(766);
// EXTERNAL MODULE: ./lib/core/chaos-types.js
var chaos_types = __webpack_require__(9747);
// EXTERNAL MODULE: ./lib/core/command-summaries.js
var command_summaries = __webpack_require__(9231);
// EXTERNAL MODULE: ./lib/core/markdown/index.js + 4 modules
var markdown = __webpack_require__(1280);
// EXTERNAL MODULE: ./lib/core/diagnosis-state.js + 1 modules
var diagnosis_state = __webpack_require__(8251);
// EXTERNAL MODULE: ./lib/core/inputs.js
var inputs = __webpack_require__(662);
// EXTERNAL MODULE: ./lib/core/render-diagnosis.js
var render_diagnosis = __webpack_require__(4063);
// EXTERNAL MODULE: ./lib/config/project-config.js
var project_config = __webpack_require__(3406);
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

// EXTERNAL MODULE: ./lib/loop/analyze-campaign.js + 2 modules
var analyze_campaign = __webpack_require__(9195);
// EXTERNAL MODULE: ./lib/loop/investigate.js + 3 modules
var investigate = __webpack_require__(9608);
// EXTERNAL MODULE: ./lib/core/gates.js
var gates = __webpack_require__(4811);
;// CONCATENATED MODULE: ./lib/core/analysis-json.js
/**
 * Characters per chunk of the failing trials' details, about. Under V8's large-object size (128 KB)
 * a chunk dies young with its pieces; larger ones went to the large-object space, which only a full
 * collection empties, and 100,000 trials peaked 50 MB higher.
 */
const CHUNK_CHARS = 32_000;
/**
 * `JSON.stringify(analysis, null, 2)` in chunks of whole lines, so a campaign with tens of
 * thousands of failing trials is never one string of tens of megabytes (and its copy on the way
 * out). Joined with newlines, the chunks are exactly that text.
 */
function* analysisJsonChunks(analysis) {
    const marker = `\u0000trials_detail ${Math.random()}\u0000`;
    const text = JSON.stringify({ ...analysis, trials_detail: marker }, null, 2);
    const quoted = JSON.stringify(marker);
    const at = text.indexOf(quoted);
    const details = analysis.trials_detail;
    if (at < 0 || details.length === 0) {
        yield JSON.stringify(analysis, null, 2);
        return;
    }
    // The array sits at depth 1: its items are indented by four spaces, its bracket by two.
    yield `${text.slice(0, at)}[`;
    let chunk = [];
    let chars = 0;
    for (let i = 0; i < details.length; i++) {
        const item = `    ${JSON.stringify(details[i], null, 2).replaceAll('\n', '\n    ')}${i < details.length - 1 ? ',' : ''}`;
        chunk.push(item);
        chars += item.length + 1;
        if (chars >= CHUNK_CHARS || i === details.length - 1) {
            yield chunk.join('\n');
            chunk = [];
            chars = 0;
        }
    }
    yield `  ]${text.slice(at + quoted.length)}`;
}

// EXTERNAL MODULE: ./lib/commands/common-inputs.js
var common_inputs = __webpack_require__(767);
;// CONCATENATED MODULE: ./lib/commands/analyze-run.js
/** What analyze does once its inputs are valid; loaded only then (see analyze.ts). */





















/** The step summary takes 1 MiB; characters may take up to 2 bytes here (emoji, dashes). */
const SUMMARY_MAX_CHARS = 500_000;
// ── run ────────────────────────────────────────────────────────────────────────────────────────
async function runAnalyze(input, io, deps) {
    const config = await (0,project_config/* loadProjectConfig */.W)(input.configPath, io.cwd);
    const retryDir = input.retryDir ?? (0,common_inputs/* parseRepoDirectory */.HO)('retry.dir (config)', config.retry.dir);
    const analysis = await io.logger.group(`Analyzing ${describeSelector(input)}`, () => loadAnalysis(input, config, io));
    if (input.format === 'json')
        for (const chunk of analysisJsonChunks(analysis))
            io.print(chunk);
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
    await io.logger.group('Writing the job summary', () => io.appendSummary(() => renderSummary(analysis, input, publication, failure)));
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
        throw new inputs/* InputError */.dz(`Cannot write write-retry '${input.writeRetry}': ${describeWriteFailure(error)}`);
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
    const { openGitHubSession } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(8), __webpack_require__.e(811)]).then(__webpack_require__.bind(__webpack_require__, 9811));
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
    const { botTargetOf } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(8), __webpack_require__.e(811)]).then(__webpack_require__.bind(__webpack_require__, 9811));
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

/***/ 3484:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
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

// EXTERNAL MODULE: ./lib/loop/analyze-campaign.js + 2 modules
var analyze_campaign = __webpack_require__(9195);
;// CONCATENATED MODULE: ./lib/loop/campaign-history.js



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
            evidence: false,
        });
        series.push({ campaign_id: id, combos: past.by_chaos_type });
    }
    return (0,flaky/* flakyHistory */.U2)(series, analysis.target_win_rate);
}


/***/ })

};
