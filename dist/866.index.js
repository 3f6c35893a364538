export const id = 866;
export const ids = [866];
export const modules = {

/***/ 6866:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildCommand: () => (/* binding */ buildCommand),
/* harmony export */   pinned: () => (/* binding */ pinned),
/* harmony export */   retagged: () => (/* binding */ retagged)
/* harmony export */ });
/* harmony import */ var _core_command_summaries_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9231);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(662);
/* harmony import */ var _config_project_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3406);
/* harmony import */ var _images_image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4579);
/* harmony import */ var _images_planned_images_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4915);
/* harmony import */ var _loop_plan_images_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1346);
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(767);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5583);








const buildCommand = (0,_command_js__WEBPACK_IMPORTED_MODULE_6__/* .defineCommand */ .N)({
    name: 'build',
    description: 'Build and push the planned images (linux/amd64, tagged by short SHA), skipping tags that exist.',
    surfaces: ['action', 'cli'],
    outputs: {
        digests: 'JSON image name → pushed digest (also one digest-<name> output per image)',
        'operator-image': 'The operator image pinned by digest (ref@sha256:…), when this step built it',
    },
    inputs: {
        images: {
            description: "The plan's images JSON (a list, or one matrix entry)",
            positional: 0,
            required: true,
        },
        registry: {
            description: 'Registry prefix host/path overriding the planned tags’ registry (default: keep the plan’s)',
        },
        builder: { description: 'Image engine: docker (buildx, default) or podman' },
        'registry-username': {
            description: 'Registry user (Artifact Registry: oauth2accesstoken); empty: no login',
        },
        'registry-password': {
            description: 'Registry password or access token; given to the engine on stdin, never argv',
            secret: true,
        },
        config: _common_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .CONFIG_INPUT */ .sR,
    },
    parse(inputs) {
        const raw = inputs.get('images');
        if (raw === undefined)
            throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz("Missing images: pass the plan's images output");
        return {
            images: (0,_images_planned_images_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImagesJson */ .UV)(raw),
            registry: (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .optionalRegistry */ .kM)(inputs),
            builder: (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .parseChoice */ .HU)('builder', inputs.get('builder') ?? 'docker', [
                'docker',
                'podman',
            ]),
            credentials: (0,_images_planned_images_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRegistryLogin */ .Eh)(inputs.get('registry-username'), inputs.get('registry-password')),
            configPath: inputs.get('config'),
        };
    },
    async run(input, io) {
        const config = await (0,_config_project_config_js__WEBPACK_IMPORTED_MODULE_1__/* .loadProjectConfig */ .W)(input.configPath, io.cwd);
        const registry = input.registry ? (0,_loop_plan_images_js__WEBPACK_IMPORTED_MODULE_4__/* .registryFor */ .ZQ)(input.registry, config, io.env) : undefined;
        const images = registry
            ? input.images.map((image) => retagged(image, registry, config.images.map.images))
            : input.images;
        if (images.length === 0) {
            io.print('No images to build: the plan is empty.');
            setBuildOutputs(io, []);
            return;
        }
        let results;
        try {
            // execa (Node ≥ 22) loads only when something is built, so the CLI starts on older Node too.
            const { buildAll } = await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 1337));
            results = await buildAll(images, {
                builder: input.builder,
                credentials: input.credentials,
                timeoutMs: config.images.buildTimeoutMinutes * 60_000,
                logger: io.logger,
                cwd: io.cwd,
                // The command's environment (the CLI adds .env): DOCKER_CONFIG, CONTAINERS_STORAGE_CONF …
                env: { ...io.env },
            });
        }
        catch (error) {
            const { ImageBuildError } = await Promise.all(/* import() */[__webpack_require__.e(499), __webpack_require__.e(337)]).then(__webpack_require__.bind(__webpack_require__, 1337));
            if (!(error instanceof ImageBuildError))
                throw error;
            io.logger.error(error.message);
            return 1;
        }
        setBuildOutputs(io, results);
        const text = (0,_core_command_summaries_js__WEBPACK_IMPORTED_MODULE_0__/* .builtImagesSummary */ .tp)(results);
        io.print(text);
        if (io.surface === 'action')
            await io.appendSummary(text);
    },
});
/** `<registry>/<repository>:<planned tag>`; the repository comes from the config's image map. */
function retagged(image, registry, specs) {
    const tag = (0,_images_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageReference */ .o_)(image.tag).tag;
    const repository = specs.find((s) => s.name === image.name)?.repository ?? image.name;
    return { ...image, tag: `${registry}/${repository}:${tag}` };
}
/** `ref@digest`: the operator image pinned by what the registry holds. */
function pinned(result) {
    return `${result.reference}@${result.digest}`;
}
function setBuildOutputs(io, results) {
    const digests = Object.fromEntries(results.map((r) => [r.name, r.digest]));
    io.setOutput('digests', JSON.stringify(digests));
    for (const result of results)
        io.setOutput(`digest-${result.name}`, result.digest);
    const operator = results.find((r) => r.name === 'operator');
    // Only the leg that built the operator sets it: in a build matrix, an empty value from
    // another leg must not be what the next job reads.
    if (operator)
        io.setOutput('operator-image', pinned(operator));
}


/***/ }),

/***/ 5583:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ defineCommand)
/* harmony export */ });
function defineCommand(command) {
    return command;
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

/***/ 1346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZQ: () => (/* binding */ registryFor),
/* harmony export */   ht: () => (/* binding */ planFromChanges),
/* harmony export */   lQ: () => (/* binding */ matrixOf),
/* harmony export */   n7: () => (/* binding */ emptyPlan)
/* harmony export */ });
/* harmony import */ var _core_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2570);
/* harmony import */ var _core_image_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(464);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(662);
/* harmony import */ var _images_image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4579);
/** Which images a merge rebuilds and which tests it runs, from the files it changed. */




const SHORT_SHA_LENGTH = 7;
const PLACEHOLDER_REGISTRY = 'registry.invalid/unset';
/**
 * The plan for a list of changed files. An incomplete list (GitHub could not list every change)
 * rebuilds every image and runs every test command: missing a rebuild is worse than an extra one.
 */
function planFromChanges(changed, config, registry, mergeSha) {
    const map = config.images.map;
    const files = changed.complete
        ? changed.files
        : [
            ...changed.files,
            ...map.images.map((image) => ({
                filename: image.dockerfile,
                status: 'assumed changed: the file list is incomplete',
            })),
        ];
    const plan = (0,_core_image_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planImages */ .y6)(files, map, {
        registry: registry ?? PLACEHOLDER_REGISTRY,
        shortSha: mergeSha.slice(0, SHORT_SHA_LENGTH),
    });
    if (plan.images.length > 0 && registry === undefined) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`No registry for ${plan.images.map((i) => i.name).join(', ')}: set images.registry in the config, the registry input, or GCP_PROJECT`);
    }
    const testCommands = changed.complete
        ? plan.testCommands
        : [...new Set(map.tests.map((t) => t.command))];
    const note = changed.complete ? changed.note : `${changed.note}; rebuilding every image`;
    return { ...plan, testCommands, summary: `${plan.summary} (${note})` };
}
function emptyPlan(summary) {
    return { images: [], testCommands: [], summary };
}
function matrixOf(plan) {
    return plan.images.map(({ name, dockerfile, context, platform, tag }) => ({
        name,
        dockerfile,
        context,
        platform,
        tag,
    }));
}
/** The input, else the config's, else upstream's Artifact Registry from GCP_PROJECT. */
function registryFor(input, config, env) {
    const value = input ?? config.images.registry ?? (0,_core_config_js__WEBPACK_IMPORTED_MODULE_0__/* .upstreamRegistry */ .pj)(env.GCP_PROJECT);
    if (value === undefined)
        return undefined;
    try {
        return (0,_images_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .validateRegistry */ .Yd)(value);
    }
    catch (error) {
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${error.message} (images.registry or GCP_PROJECT)`);
    }
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
