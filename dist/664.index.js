export const id = 664;
export const ids = [664];
export const modules = {

/***/ 1295:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ listChangedFiles),
/* harmony export */   Cs: () => (/* binding */ getPull),
/* harmony export */   Uj: () => (/* binding */ resolvePull),
/* harmony export */   b4: () => (/* binding */ readLinkedIssue),
/* harmony export */   lW: () => (/* binding */ parseClosingReferences)
/* harmony export */ });
/* unused harmony exports pickMergedPull, diffTrees */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);

/** GitHub's cap on `GET /pulls/{n}/files`. */
const PULL_FILES_CAP = 3000;
/** GitHub's cap on the files of one compare response. */
const COMPARE_FILES_CAP = 300;
function toSummary(pull) {
    return {
        number: pull.number,
        title: pull.title ?? '',
        body: pull.body ?? '',
        merged: pull.merged ?? Boolean(pull.merged_at),
        mergeCommitSha: pull.merge_commit_sha ?? null,
        headSha: pull.head.sha,
        baseRef: pull.base.ref,
        author: pull.user?.login,
    };
}
/** The merged PR whose merge commit is `sha`, among the PRs GitHub associates with it. */
function pickMergedPull(pulls, sha) {
    const lower = sha.toLowerCase();
    return pulls.find((p) => Boolean(p.merged_at) && p.merge_commit_sha?.toLowerCase() === lower);
}
/** The PR merged as `sha` (a push to the default branch), or undefined for a direct push. */
async function findPullMergedAs(ref, sha) {
    const { client, owner, repo } = ref;
    const pulls = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, {
        owner,
        repo,
        commit_sha: sha,
        per_page: 100,
    });
    const merged = pickMergedPull(pulls, sha);
    return merged && toSummary(merged);
}
async function getPull(ref, pullNumber) {
    const { data } = await ref.client.rest.pulls.get({
        owner: ref.owner,
        repo: ref.repo,
        pull_number: pullNumber,
    });
    return toSummary(data);
}
function toChangedFile(file) {
    return {
        filename: file.filename,
        status: file.status,
        ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
    };
}
/**
 * Every file the merged PR changed. `mergeCommitSha` is the commit that landed on the base branch
 * (GITHUB_SHA of the push); it is only used when the PR's own list hits GitHub's cap.
 */
async function listChangedFiles(ref, pull, mergeCommitSha) {
    const { client, owner, repo } = ref;
    const files = (await client.paginate(client.rest.pulls.listFiles, {
        owner,
        repo,
        pull_number: pull.number,
        per_page: 100,
    })).map(toChangedFile);
    if (files.length < PULL_FILES_CAP) {
        return {
            files,
            source: 'pull-files',
            complete: true,
            note: `${files.length} file(s) from the pull request`,
        };
    }
    if (!mergeCommitSha) {
        return {
            files,
            source: 'pull-files',
            complete: false,
            note: `the pull request lists ${PULL_FILES_CAP} files (GitHub's cap) and has no merge commit to compare`,
        };
    }
    ref.logger.info(`PR #${pull.number} lists ${files.length} files, GitHub's cap: reading the changes from the compare API instead.`);
    const mergeBase = await mergeBaseOf(ref, pull.headSha, mergeCommitSha);
    const compared = await compareFiles(ref, mergeBase, mergeCommitSha);
    if (compared.length < COMPARE_FILES_CAP) {
        return {
            files: compared,
            source: 'compare',
            complete: true,
            note: `${compared.length} file(s) from comparing ${short(mergeBase)}...${short(mergeCommitSha)} (the PR's file list stops at ${PULL_FILES_CAP})`,
        };
    }
    ref.logger.info(`The comparison lists ${compared.length} files, its cap: diffing the commits' trees.`);
    const trees = await treeDiff(ref, mergeBase, mergeCommitSha);
    return {
        files: trees.files,
        source: 'trees',
        complete: trees.complete,
        note: trees.complete
            ? `${trees.files.length} file(s) from diffing the trees of ${short(mergeBase)} and ${short(mergeCommitSha)}`
            : `the trees of ${short(mergeBase)}/${short(mergeCommitSha)} are too large for the API (truncated): the file list is incomplete`,
    };
}
function short(sha) {
    return sha.slice(0, 7);
}
/** The merge base of the PR head and the commit the merge landed on (the merge commit's parent). */
async function mergeBaseOf(ref, headSha, mergeCommitSha) {
    const { client, owner, repo } = ref;
    const { data: merge } = await client.rest.repos.getCommit({
        owner,
        repo,
        ref: mergeCommitSha,
        per_page: 1,
    });
    const parent = merge.parents[0]?.sha;
    if (!parent)
        return mergeCommitSha;
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${parent}...${headSha}`,
        per_page: 1,
    });
    return data.merge_base_commit.sha;
}
async function compareFiles(ref, base, head) {
    const { data } = await ref.client.rest.repos.compareCommitsWithBasehead({
        owner: ref.owner,
        repo: ref.repo,
        basehead: `${base}...${head}`,
        per_page: 1,
    });
    return (data.files ?? []).map((f) => toChangedFile(f));
}
/** Paths whose blob differs between two flat trees; no rename detection (both sides are listed). */
function diffTrees(base, head) {
    const blobs = (entries) => new Map(entries.filter((e) => e.type === 'blob').map((e) => [e.path, e.sha]));
    const before = blobs(base);
    const after = blobs(head);
    const changed = [];
    for (const [path, sha] of after) {
        const old = before.get(path);
        if (old === undefined)
            changed.push({ filename: path, status: 'added' });
        else if (old !== sha)
            changed.push({ filename: path, status: 'modified' });
    }
    for (const path of before.keys()) {
        if (!after.has(path))
            changed.push({ filename: path, status: 'removed' });
    }
    return changed.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
}
async function treeDiff(ref, base, head) {
    const [before, after] = await Promise.all([recursiveTree(ref, base), recursiveTree(ref, head)]);
    return {
        files: diffTrees(before.entries, after.entries),
        complete: !before.truncated && !after.truncated,
    };
}
async function recursiveTree(ref, commitSha) {
    const { client, owner, repo } = ref;
    const { data: commit } = await client.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
    const { data } = await client.rest.git.getTree({
        owner,
        repo,
        tree_sha: commit.tree.sha,
        recursive: 'true',
    });
    const entries = [];
    for (const e of data.tree) {
        if (e.path !== undefined && e.sha !== undefined && e.type !== undefined) {
            entries.push({ path: e.path, type: e.type, sha: e.sha });
        }
    }
    return { entries, truncated: data.truncated };
}
// ── linked issues ──────────────────────────────────────────────────────────────────────────────
const CLOSING_KEYWORDS = 'close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved';
const MAX_REFERENCES = 20;
/**
 * Issue numbers a PR body closes in this repository, in order of appearance, without duplicates:
 * `Fixes #12`, `closes: #12`, `Resolves owner/repo#12` (only for this repository). References
 * inside code spans and fenced blocks do not count, as on GitHub.
 */
function parseClosingReferences(body, owner, repo) {
    const text = stripCode(body);
    const pattern = new RegExp(`(?:^|[^\\w-])(?:${CLOSING_KEYWORDS}):?\\s+(?:([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+))?#([1-9][0-9]{0,9})\\b`, 'gi');
    const numbers = [];
    for (const match of text.matchAll(pattern)) {
        const [, refOwner, refRepo, digits] = match;
        if (refOwner !== undefined) {
            const same = refOwner.toLowerCase() === owner.toLowerCase() &&
                refRepo.toLowerCase() === repo.toLowerCase();
            if (!same)
                continue;
        }
        const number = Number(digits);
        if (!numbers.includes(number))
            numbers.push(number);
        if (numbers.length >= MAX_REFERENCES)
            break;
    }
    return numbers;
}
function stripCode(body) {
    return body
        .replace(/(^|\n)(```|~~~)[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)/g, '$1')
        .replace(/`[^`\n]*`/g, ' ');
}
/** The issue's body, or undefined when it is gone (404/410) or is a pull request. */
async function readLinkedIssue(ref, issueNumber) {
    try {
        const { data } = await ref.client.rest.issues.get({
            owner: ref.owner,
            repo: ref.repo,
            issue_number: issueNumber,
        });
        if (data.pull_request)
            return undefined;
        return {
            number: data.number,
            body: data.body ?? '',
            author: data.user?.login,
            state: data.state === 'closed' ? 'closed' : 'open',
        };
    }
    catch (error) {
        const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubStatus */ .AV)(error);
        if (status === 404 || status === 410) {
            ref.logger.warning(`Issue #${issueNumber} linked by the PR is not readable: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGitHubError */ .dZ)(error)}`);
            return undefined;
        }
        throw error;
    }
}
/**
 * The PR to work on: the explicit number, else the event's PR, else (a push) the PR merged as the
 * pushed commit. A push that merged no PR (a direct push) resolves to `pull: undefined`.
 */
async function resolvePull(ref, selection) {
    if (selection.explicit !== undefined) {
        return { pull: await getPull(ref, selection.explicit), how: `pr-number ${selection.explicit}` };
    }
    if (selection.eventPullNumber !== undefined) {
        return {
            pull: await getPull(ref, selection.eventPullNumber),
            how: `the ${selection.eventName ?? 'pull_request'} event`,
        };
    }
    if (!selection.sha) {
        return {
            pull: undefined,
            why: 'no pr-number, no pull request event and no commit SHA (GITHUB_SHA)',
        };
    }
    const pull = await findPullMergedAs(ref, selection.sha);
    if (!pull) {
        return {
            pull: undefined,
            why: `commit ${selection.sha.slice(0, 7)} is not the merge commit of a pull request (a direct push?)`,
        };
    }
    return { pull, how: `the pull request merged as ${selection.sha.slice(0, 7)}` };
}


/***/ }),

/***/ 4915:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eh: () => (/* binding */ parseRegistryLogin),
/* harmony export */   Qg: () => (/* binding */ plannedDigests),
/* harmony export */   UV: () => (/* binding */ parseImagesJson)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _core_image_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(464);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(662);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4579);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4703);
/**
 * The plan's images as `build` and `retry` read them, and the digests the registry holds for their
 * planned tags: `retry` pins what `build` pushed without a hand-written job output per image.
 */





/** The plan's JSON: a list of matrix entries, or a single entry (one matrix leg). */
function parseImagesJson(raw) {
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch (error) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`Invalid images: not JSON (${error.message}) in '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .shown */ .SP)(raw)}'`);
    }
    const list = Array.isArray(value) ? value : [value];
    const images = list.map((entry, index) => parseImageEntry(entry, index));
    const names = images.map((i) => i.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate)
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`Invalid images: '${duplicate}' appears twice`);
    return images;
}
function parseImageEntry(entry, index) {
    const at = `images[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`Invalid ${at}: expected an object with name, dockerfile, context, tag`);
    }
    const record = entry;
    const text = (key) => {
        const v = record[key];
        if (typeof v !== 'string' || v.trim() === '') {
            throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`Invalid ${at}.${key}: expected a non-empty string`);
        }
        return v;
    };
    const platform = record.platform === undefined ? _core_image_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .IMAGE_PLATFORM */ .cf : text('platform');
    if (platform !== _core_image_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .IMAGE_PLATFORM */ .cf) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`Invalid ${at}.platform: '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .shown */ .SP)(platform)}' — expected ${_core_image_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .IMAGE_PLATFORM */ .cf}`);
    }
    const image = {
        name: text('name'),
        dockerfile: repoPath(`${at}.dockerfile`, text('dockerfile')),
        context: repoPath(`${at}.context`, text('context')),
        platform,
        tag: text('tag'),
    };
    try {
        (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageReference */ .o_)(image.tag, `${at}.tag`);
    }
    catch (error) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(error.message);
    }
    return image;
}
/** A path inside the repository: relative, no `..`, no option-looking leading dash. */
function repoPath(field, value) {
    const segments = value.split(/[\\/]/);
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(value) || segments.includes('..') || value.startsWith('-')) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`Invalid ${field}: '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .shown */ .SP)(value)}' — expected a path inside the repository`);
    }
    return value;
}
/** registry-username and registry-password: both or neither. */
function parseRegistryLogin(username, password) {
    if ((username === undefined) !== (password === undefined)) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('registry-username and registry-password go together: give both or neither');
    }
    return username !== undefined && password !== undefined ? { username, password } : undefined;
}
/**
 * The digest of every planned tag, by image name. A tag the registry does not hold is an error:
 * build pushes every planned tag (or finds it already there), so a missing one means it failed.
 */
async function plannedDigests(images, options = {}) {
    const digests = {};
    for (const image of images) {
        const digest = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_3__/* .getDigest */ .Pc)(image.tag, options);
        if (!digest) {
            throw new Error(`Planned image ${image.name} (${image.tag}) is not in the registry: did the build job push it?`);
        }
        digests[image.name] = digest;
    }
    return digests;
}


/***/ }),

/***/ 4703:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pc: () => (/* binding */ getDigest)
/* harmony export */ });
/* unused harmony exports MANIFEST_ACCEPT, registryBaseUrl, parseChallenge */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _net_proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7115);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4579);
/**
 * Reads tags and digests through the Docker Registry HTTP API v2, without any engine.
 *
 * `HEAD /v2/<repository>/manifests/<tag>` with Accept for the OCI and Docker manifest and index
 * types; the digest is the `Docker-Content-Digest` header (or, if a registry omits it on HEAD, the
 * sha256 of the body of a GET). Loopback registries (127.0.0.0/8, localhost, [::1]) are spoken to
 * over http, everything else over https.
 *
 * Auth: a static bearer token, or username/password. On a 401 the `WWW-Authenticate` challenge is
 * answered: `Basic` → the credentials; `Bearer realm=…,service=…` → a token fetched from the realm
 * (with the credentials as Basic auth if given, anonymously otherwise), as docker does.
 */



const MANIFEST_ACCEPT = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');
class RegistryError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'RegistryError';
    }
}
function registryBaseUrl(host, scheme) {
    return `${scheme ?? ((0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(host) ? 'http' : 'https')}://${host}`;
}
function manifestUrl(ref, scheme) {
    return `${registryBaseUrl(ref.host, scheme)}/v2/${ref.repository}/manifests/${encodeURIComponent(ref.tag)}`;
}
function basic(auth) {
    if (auth.username === undefined || auth.password === undefined)
        return undefined;
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}
/** Parses `Bearer realm="…",service="…",scope="…"` (or `Basic realm="…"`). */
function parseChallenge(header) {
    const space = header.indexOf(' ');
    const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
    const params = {};
    const rest = space === -1 ? '' : header.slice(space + 1);
    for (const m of rest.matchAll(/([A-Za-z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    }
    return { scheme, params };
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class Client {
    options;
    authorization;
    fetchImpl;
    constructor(options) {
        this.options = options;
        this.fetchImpl = options.fetch ?? (0,_net_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxiedFetch */ .i)(options.env ?? process.env) ?? fetch;
        if (options.auth?.bearerToken)
            this.authorization = `Bearer ${options.auth.bearerToken}`;
    }
    async once(url, init) {
        const headers = new Headers(init.headers);
        if (this.authorization)
            headers.set('Authorization', this.authorization);
        return this.fetchImpl(url, {
            ...init,
            headers,
            redirect: 'follow',
            signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
    }
    /** One request with retries on transient failures. */
    async withRetries(url, init) {
        const retries = this.options.retries ?? 2;
        for (let attempt = 0;; attempt++) {
            try {
                const response = await this.once(url, init);
                if ((response.status === 429 || response.status >= 500) && attempt < retries) {
                    await response.body?.cancel();
                    await sleep(250 * 2 ** attempt);
                    continue;
                }
                return response;
            }
            catch (error) {
                if (attempt >= retries) {
                    const reason = error instanceof Error ? error.message : String(error);
                    const cause = error instanceof Error && error.cause instanceof Error
                        ? `: ${error.cause.message}`
                        : '';
                    throw new RegistryError(`${init.method ?? 'GET'} ${url} failed: ${reason}${cause}`);
                }
                await sleep(250 * 2 ** attempt);
            }
        }
    }
    /** Answers a 401 challenge once; returns false when it cannot. */
    async authenticate(challenge) {
        if (!challenge)
            return false;
        const { scheme, params } = parseChallenge(challenge);
        const auth = this.options.auth ?? {};
        if (scheme === 'basic') {
            const header = basic(auth);
            if (!header || this.authorization === header)
                return false;
            this.authorization = header;
            return true;
        }
        if (scheme !== 'bearer' || !params.realm)
            return false;
        const tokenUrl = new URL(params.realm);
        if (params.service)
            tokenUrl.searchParams.set('service', params.service);
        if (params.scope)
            tokenUrl.searchParams.set('scope', params.scope);
        const headers = {};
        const basicHeader = basic(auth);
        if (basicHeader)
            headers.Authorization = basicHeader;
        const response = await this.fetchImpl(tokenUrl, {
            headers,
            signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
        if (!response.ok) {
            await response.body?.cancel();
            throw new RegistryError(`token request to ${tokenUrl.origin}${tokenUrl.pathname} failed: HTTP ${response.status}`, response.status);
        }
        const body = (await response.json());
        const token = body.token ?? body.access_token;
        if (!token)
            throw new RegistryError(`token response from ${tokenUrl.origin} has no token`);
        const header = `Bearer ${token}`;
        if (this.authorization === header)
            return false;
        this.authorization = header;
        return true;
    }
    async request(url, init) {
        let response = await this.withRetries(url, init);
        if (response.status === 401) {
            const challenge = response.headers.get('www-authenticate');
            await response.body?.cancel();
            if (await this.authenticate(challenge))
                response = await this.withRetries(url, init);
        }
        return response;
    }
}
/**
 * The digest of `host/repository:tag` in its registry, or `undefined` when the tag does not
 * exist (404). Throws a RegistryError on any other answer (401/403 after auth, 5xx after retries).
 */
async function getDigest(reference, options = {}) {
    const ref = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageReference */ .o_)(reference);
    const url = manifestUrl(ref, options.scheme);
    const client = new Client(options);
    const init = { headers: { Accept: MANIFEST_ACCEPT } };
    const head = await client.request(url, { ...init, method: 'HEAD' });
    if (head.status === 404)
        return undefined;
    if (!head.ok) {
        throw new RegistryError(`HEAD ${url} answered HTTP ${head.status} ${head.statusText}`.trim(), head.status);
    }
    const digest = head.headers.get('docker-content-digest');
    if (digest)
        return (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .validateDigest */ .n2)(digest, `Docker-Content-Digest of ${reference}`);
    const get = await client.request(url, { ...init, method: 'GET' });
    if (get.status === 404)
        return undefined;
    if (!get.ok) {
        await get.body?.cancel();
        throw new RegistryError(`GET ${url} answered HTTP ${get.status}`, get.status);
    }
    const body = Buffer.from(await get.arrayBuffer());
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex')}`;
}


/***/ }),

/***/ 664:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ prepareRetry),
/* harmony export */   Ix: () => (/* binding */ retrySource),
/* harmony export */   Lm: () => (/* binding */ enqueueViaCli),
/* harmony export */   iU: () => (/* binding */ enqueueDirect),
/* harmony export */   jS: () => (/* binding */ pullToRetry),
/* harmony export */   ti: () => (/* binding */ workerIndexes),
/* harmony export */   y2: () => (/* binding */ pinPlannedImages)
/* harmony export */ });
/* unused harmony export retryPath */
/* harmony import */ var _core_chaos_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9747);
/* harmony import */ var _core_targets_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(1641);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _core_campaign_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(766);
/* harmony import */ var _core_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2570);
/* harmony import */ var _core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8251);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(662);
/* harmony import */ var _db_enqueue_campaign_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1635);
/* harmony import */ var _db_eval_reader_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6771);
/* harmony import */ var _db_retry_runs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6403);
/* harmony import */ var _db_upstream_schema_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8137);
/* harmony import */ var _github_diagnosis_issue_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2576);
/* harmony import */ var _github_pull_requests_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1295);
/* harmony import */ var _images_planned_images_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4915);
/* harmony import */ var _github_repo_context_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4013);
/* harmony import */ var _images_image_ref_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(4579);
/* harmony import */ var _analyze_campaign_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(9195);
/**
 * A targeted retry of a merged fix: which campaign it retries and what failed there (from
 * `campaign-id`, or the diagnosis issue the PR fixes), the campaign YAML written to the workspace,
 * and the rows enqueued once per merge (directly, or through `eval run campaign`).
 */


















/**
 * The planned images' digests as the registry holds them (given `digests` win), and the operator
 * pinned by its digest when no operator-image was given.
 */
async function pinPlannedImages(input, io) {
    if (input.images.length === 0)
        return input;
    const found = await (0,_images_planned_images_js__WEBPACK_IMPORTED_MODULE_12__/* .plannedDigests */ .Qg)(input.images, { auth: input.registryAuth });
    const digests = { ...found, ...input.digests };
    for (const [name, digest] of Object.entries(found))
        io.logger.info(`Planned image ${name}: ${digest}.`);
    const operator = input.images.find((image) => image.name === 'operator');
    const operatorImage = input.operatorImage ??
        (operator && digests.operator ? `${operator.tag}@${digests.operator}` : undefined);
    return { ...input, digests, operatorImage };
}
async function pullToRetry(input, github, io) {
    if (input.prNumber !== undefined && input.campaignId !== undefined) {
        return { number: input.prNumber, summary: undefined };
    }
    const resolution = await (0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_11__/* .resolvePull */ .Uj)(github, {
        ...(input.prNumber !== undefined ? { explicit: input.prNumber } : {}),
        ...(0,_github_repo_context_js__WEBPACK_IMPORTED_MODULE_13__/* .eventSelection */ .nE)(io.env),
        sha: input.mergeSha,
    });
    if (!resolution.pull)
        return { number: undefined, summary: undefined, why: resolution.why };
    if (!resolution.pull.merged) {
        return {
            number: undefined,
            summary: undefined,
            why: `PR #${resolution.pull.number} is not merged`,
        };
    }
    io.logger.info(`Retry for PR #${resolution.pull.number} (${resolution.how}).`);
    return { number: resolution.pull.number, summary: resolution.pull };
}
async function retrySource(input, config, pull, github, db, io) {
    if (input.campaignId !== undefined) {
        return {
            ok: true,
            value: await analyzedSource(db, input.campaignId, (0,_core_targets_js__WEBPACK_IMPORTED_MODULE_16__/* .defaultTarget */ .zo)(input.target, config.targets.default), config, io),
        };
    }
    const summary = pull ?? (await (0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_11__/* .getPull */ .Cs)(github, input.prNumber));
    return diagnosisSource(github, summary);
}
/** From `campaign-id`: the combinations below the target, scored as upstream scores them. */
async function analyzedSource(db, campaignId, target, config, io) {
    const analysis = await (0,_analyze_campaign_js__WEBPACK_IMPORTED_MODULE_15__/* .loadCampaignAnalysis */ .vn)(db, campaignId, {
        target,
        targets: config.targets.byChaosType,
        causes: config.causes,
    });
    io.logger.info(`Campaign ${campaignId}: ${analysis.failing.length} failing combination(s) at target ${(target * 100).toFixed(1)}%.`);
    return {
        previousCampaignId: campaignId,
        diagnosisIssue: null,
        failing: analysis.failing,
        how: `campaign-id ${campaignId}`,
    };
}
/**
 * From the diagnosis issue the PR closes: the first linked issue written by this bot that carries a
 * valid state block and its series' marker. An issue anyone else wrote is never trusted.
 */
async function diagnosisSource(github, pull) {
    const numbers = (0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_11__/* .parseClosingReferences */ .lW)(pull.body, github.owner, github.repo);
    if (numbers.length === 0) {
        return {
            ok: false,
            why: `PR #${pull.number} links no issue with a closing keyword (Fixes #N)`,
        };
    }
    const identity = await (0,_github_diagnosis_issue_js__WEBPACK_IMPORTED_MODULE_10__/* .resolveBotIdentity */ .iv)(github.client, github.botLogin);
    const skipped = [];
    for (const number of numbers) {
        const issue = await (0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_11__/* .readLinkedIssue */ .b4)(github, number);
        if (!issue) {
            skipped.push(`#${number} is not a readable issue`);
            continue;
        }
        if (issue.author?.toLowerCase() !== identity.login.toLowerCase()) {
            skipped.push(`#${number} was not written by ${identity.login}`);
            continue;
        }
        const state = (0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_5__/* .readDiagnosisState */ .NJ)(issue.body);
        if (state.kind !== 'ok' || !(0,_core_diagnosis_state_js__WEBPACK_IMPORTED_MODULE_5__/* .hasDiagnosisMarker */ .q3)(issue.body, state.state.series)) {
            skipped.push(`#${number} has no ${state.kind === 'invalid' ? 'valid ' : ''}diagnosis state block`);
            continue;
        }
        for (const note of skipped)
            github.logger.info(`Skipped ${note}.`);
        return {
            ok: true,
            value: {
                previousCampaignId: state.state.latest_campaign_id,
                diagnosisIssue: number,
                failing: state.state.failing,
                how: `diagnosis issue #${number} (series '${state.state.series}')`,
            },
        };
    }
    return { ok: false, why: `PR #${pull.number} fixes no diagnosis issue: ${skipped.join('; ')}` };
}
async function prepareRetry(input, config, source, key, db, io) {
    const previous = await (0,_db_eval_reader_js__WEBPACK_IMPORTED_MODULE_7__/* .createEvalReader */ ._)(db).getCampaign(source.previousCampaignId);
    if (!previous) {
        throw new Error(`Campaign ${source.previousCampaignId} (from ${source.how}) does not exist in ${db.target}`);
    }
    const operatorImage = resolveOperatorImage(input.operatorImage, config, io);
    // Exact params, subjects and timeouts come from the source's work items, whatever recorded them.
    const items = await (0,_db_eval_reader_js__WEBPACK_IMPORTED_MODULE_7__/* .createEvalReader */ ._)(db).getWorkItems(previous.id);
    const failing = (0,_core_campaign_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .failingFromWorkItems */ .U_)(source.failing, items, previous.subjectName || 'tikv');
    const retry = (0,_core_campaign_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .buildRetryCampaign */ .jH)({
        campaignId: previous.id,
        campaignName: previous.name,
        variant: previous.variantName,
        failing,
    }, (0,_core_campaign_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retrySettings */ .wP)(config.retry, operatorImage, input.trialsPerCombination), [
        `Targeted retry of campaign ${previous.id} (${previous.name}) after PR #${key.prNumber}, merged as ${key.mergeSha}.`,
        `Failing combinations from ${source.how}. Written by iterate-campaign.`,
        ...(source.withheld?.length ? [(0,_core_chaos_types_js__WEBPACK_IMPORTED_MODULE_0__/* .withheldNote */ .a7)(source.withheld)] : []),
    ]);
    if (retry.extra.length > 0) {
        io.logger.warning(`The retry also reruns ${retry.extra.length} combination(s) that did not fail: upstream runs every subject with every chaos entry (listed in the file's header).`);
    }
    const { name, yaml } = retry;
    // Read back from the file as written, exactly as `eval run campaign` reads it.
    const written = retry.config;
    const path = retryPath(io.cwd, config.retry.dir, name);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(path, yaml);
    io.logger.info(`Retry campaign written to ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(io.cwd, path)}.`);
    return {
        name,
        yaml,
        path,
        rows: { ...(0,_db_enqueue_campaign_js__WEBPACK_IMPORTED_MODULE_6__/* .campaignRows */ ._H)(written, key.mergeSha), name },
        link: {
            previousCampaignId: previous.id,
            diagnosisIssue: source.diagnosisIssue,
            campaignName: name,
            operatorImage,
            imageDigests: input.digests,
        },
    };
}
function retryPath(cwd, dir, name) {
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, dir);
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(base, `${name}.yaml`);
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(cwd, path);
    if (inside.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(inside)) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_17__/* .InputError */ .dz(`retry.dir '${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_17__/* .shown */ .SP)(dir)}' points outside the repository`);
    }
    return path;
}
function resolveOperatorImage(explicit, config, io) {
    if (explicit)
        return explicit;
    if (config.retry.operatorImage)
        return (0,_images_image_ref_js__WEBPACK_IMPORTED_MODULE_14__/* .parseOperatorImage */ .BO)('retry.operator_image (config)', config.retry.operatorImage);
    const registry = config.images.registry ?? (0,_core_config_js__WEBPACK_IMPORTED_MODULE_4__/* .upstreamRegistry */ .pj)(io.env.GCP_PROJECT);
    if (registry) {
        const image = `${registry}/operator:latest`;
        io.logger.warning(`No operator-image given (the operator was not rebuilt?): the retry uses ${image}.`);
        return image;
    }
    io.logger.warning('No operator image known: the campaign leaves it to the harness (operator:latest of GCP_PROJECT).');
    return '';
}
async function enqueueDirect(db, key, prepared, io) {
    // What every `eval` entry point does first (ensure_schema): idempotent, serialized.
    await (0,_db_upstream_schema_js__WEBPACK_IMPORTED_MODULE_9__/* .createUpstreamSchema */ .L)(db);
    const outcome = await (0,_db_retry_runs_js__WEBPACK_IMPORTED_MODULE_8__/* .enqueueRetryOnce */ .CQ)(db, key, prepared.link, prepared.rows);
    if (outcome.created) {
        io.logger.info(`Created campaign ${outcome.run.retryCampaignId} with ${outcome.workIds.length} work item(s).`);
    }
    else {
        io.logger.info(`A concurrent run already enqueued campaign ${outcome.run.retryCampaignId} for this merge; nothing written.`);
    }
    return outcome.run;
}
async function enqueueViaCli(db, key, prepared, config, input, io) {
    return (0,_db_retry_runs_js__WEBPACK_IMPORTED_MODULE_8__/* .withRetryRunLock */ .DJ)(db, key, async (session) => {
        const existing = await (0,_db_retry_runs_js__WEBPACK_IMPORTED_MODULE_8__/* .findRetryRun */ .xq)(session, key);
        if (existing)
            return existing;
        let campaignId = await (0,_db_retry_runs_js__WEBPACK_IMPORTED_MODULE_8__/* .findUnlinkedCampaign */ .cy)(session, prepared.name, key.mergeSha);
        if (campaignId !== null) {
            io.logger.warning(`Campaign ${campaignId} was created for this merge by an earlier attempt; recording it instead of enqueueing again.`);
        }
        else {
            const { runEvalCampaign } = await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(352)]).then(__webpack_require__.bind(__webpack_require__, 4352));
            campaignId = await runEvalCampaign(prepared.path, {
                cwd: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, config.retry.evalDirectory),
                env: { ...io.env, EVAL_DATABASE_URL: input.databaseUrl },
                logger: io.logger,
                timeoutMs: 10 * 60_000,
                mask: (text) => io.masker.mask(text),
            });
        }
        return (await (0,_db_retry_runs_js__WEBPACK_IMPORTED_MODULE_8__/* .recordRetryRun */ .pD)(session, key, prepared.link, campaignId, 'cli')).run;
    });
}
function workerIndexes(count) {
    return Array.from({ length: count }, (_, i) => i + 1);
}


/***/ })

};
