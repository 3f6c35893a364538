export const id = 420;
export const ids = [420];
export const modules = {

/***/ 4420:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ImageBuildError: () => (/* binding */ ImageBuildError),
  buildAll: () => (/* binding */ buildAll)
});

// UNUSED EXPORTS: buildAndPush, engineArgs

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/execa/index.js + 136 modules
var execa = __webpack_require__(2499);
// EXTERNAL MODULE: ./lib/images/output-tail.js
var output_tail = __webpack_require__(2632);
// EXTERNAL MODULE: ./lib/core/image-plan.js
var image_plan = __webpack_require__(464);
// EXTERNAL MODULE: ./lib/images/image-ref.js
var image_ref = __webpack_require__(4579);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/images/registry.js
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
    return `${scheme ?? ((0,image_ref/* isLoopbackHost */.cW)(host) ? 'http' : 'https')}://${host}`;
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
        this.fetchImpl = options.fetch ?? fetch;
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
    const ref = (0,image_ref/* parseImageReference */.o_)(reference);
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
        return (0,image_ref/* validateDigest */.n2)(digest, `Docker-Content-Digest of ${reference}`);
    const get = await client.request(url, { ...init, method: 'GET' });
    if (get.status === 404)
        return undefined;
    if (!get.ok) {
        await get.body?.cancel();
        throw new RegistryError(`GET ${url} answered HTTP ${get.status}`, get.status);
    }
    const body = Buffer.from(await get.arrayBuffer());
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
}
async function tagExists(reference, options = {}) {
    return (await getDigest(reference, options)) !== undefined;
}

;// CONCATENATED MODULE: ./lib/images/builder.js
/**
 * Builds and pushes images with docker (buildx) or podman. The only place in src that spawns an
 * image engine (and the only importer of execa).
 *
 * docker:  `docker login --username U --password-stdin HOST` (password on stdin)
 *          `docker buildx build --platform linux/amd64 -f DOCKERFILE -t REF --push
 *             --metadata-file TMP/metadata.json CONTEXT`
 *          The digest is `containerimage.digest` of the metadata file: the digest of what was
 *          pushed under REF (an index when buildx adds provenance attestations), i.e. the
 *          registry's `Docker-Content-Digest` for the tag.
 * podman:  `podman GLOBAL login [--tls-verify=false] --username U --password-stdin HOST`
 *          `podman GLOBAL build --isolation chroot --platform linux/amd64 -f DOCKERFILE -t REF CONTEXT`
 *          `podman GLOBAL push [--tls-verify=false] --digestfile TMP/digest REF`
 *          with GLOBAL = `--storage-driver vfs --cgroup-manager cgroupfs --events-backend file
 *          [--root R --runroot RR]` (root without systemd and without overlay works with these).
 *
 * Every child: argv array (no shell), password only on stdin, output streamed line by line to
 * the logger inside a log group and only the last `tailLines` (200) kept for the error, a
 * deadline for the whole build+push after which the process group gets SIGTERM, then SIGKILL.
 */








class ImageBuildError extends Error {
    image;
    step;
    details;
    constructor(message, image, step, details = {}) {
        super(message);
        this.image = image;
        this.step = step;
        this.details = details;
        this.name = 'ImageBuildError';
    }
}
const DEFAULT_TAIL_LINES = 200;
function maskWith(secret) {
    if (!secret || secret.length < 3)
        return (text) => text;
    return (text) => text.split(secret).join('***');
}
function executable(options) {
    return options.command ?? options.builder;
}
async function runStep(ctx, step, args, input) {
    const { options, tail, mask } = ctx;
    const file = executable(options);
    const remaining = ctx.deadline - Date.now();
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    const argvText = [file, ...args].join(' ');
    const stepLabel = `${options.builder} ${step} of ${ctx.image}`;
    if (remaining <= 0) {
        throw new ImageBuildError(`${stepLabel} timed out after ${seconds} s`, ctx.image, step, {
            argv: [file, ...args],
            timedOut: true,
            tail: tail.get(),
        });
    }
    options.logger.debug(`$ ${argvText}`);
    const onLine = (line) => {
        const text = (0,output_tail/* clipLine */.D)(mask(line));
        tail.push(text);
        options.logger.info(text);
    };
    const subprocess = (0,execa/* execa */.Ho)(file, args, {
        cwd: options.cwd,
        env: options.env,
        extendEnv: true,
        ...(input === undefined ? { stdin: 'ignore' } : { input }),
        all: true,
        buffer: false,
        timeout: remaining,
        killSignal: 'SIGTERM',
        forceKillAfterDelay: options.killGraceMs ?? 5000,
        killDescendants: true,
        reject: false,
    });
    // stdout and stderr interleaved, line by line, nothing buffered beyond the tail.
    for await (const line of subprocess.iterable({ from: 'all' }))
        onLine(line);
    const result = await subprocess;
    if (!result.failed)
        return;
    const details = { argv: [file, ...args], tail: tail.get() };
    const tailText = details.tail.length
        ? `\n--- last ${details.tail.length} lines ---\n${details.tail.join('\n')}`
        : '';
    if (result.timedOut) {
        throw new ImageBuildError(`${stepLabel} timed out after ${seconds} s (process tree killed${result.signal ? ` with ${result.signal}` : ''})${tailText}`, ctx.image, step, { ...details, timedOut: true, ...(result.signal ? { signal: result.signal } : {}) });
    }
    if (result.signal) {
        throw new ImageBuildError(`${stepLabel} was killed by signal ${result.signal}${tailText}`, ctx.image, step, { ...details, signal: result.signal });
    }
    if (result.exitCode !== undefined) {
        throw new ImageBuildError(`${stepLabel} failed with exit code ${result.exitCode}${tailText}`, ctx.image, step, { ...details, exitCode: result.exitCode });
    }
    const why = mask(result.shortMessage ?? result.message ?? 'unknown error');
    throw new ImageBuildError(`${stepLabel} could not run ${JSON.stringify(file)} (is ${options.builder} installed and on PATH?): ${why}`, ctx.image, step, details);
}
function podmanGlobal(p = {}) {
    const args = ['--storage-driver', p.storageDriver ?? 'vfs'];
    if (p.root)
        args.push('--root', p.root);
    if (p.runroot)
        args.push('--runroot', p.runroot);
    args.push('--cgroup-manager', p.cgroupManager ?? 'cgroupfs');
    args.push('--events-backend', p.eventsBackend ?? 'file');
    return args;
}
function podmanRegistryFlags(p = {}, host) {
    const tlsVerify = p.tlsVerify ?? !(0,image_ref/* isLoopbackHost */.cW)(host);
    const args = [`--tls-verify=${tlsVerify}`];
    if (p.authFile)
        args.push('--authfile', p.authFile);
    return args;
}
/** argv (without the executable) for each step; exported for tests and docs. */
function engineArgs(image, options, paths) {
    const platform = image.platform ?? image_plan/* IMAGE_PLATFORM */.cf;
    const host = (0,image_ref/* parseImageReference */.o_)(image.tag).host;
    if (options.builder === 'docker') {
        return {
            login: (loginHost, username) => [
                'login',
                '--username',
                username,
                '--password-stdin',
                loginHost,
            ],
            build: [
                'buildx',
                'build',
                '--platform',
                platform,
                '-f',
                image.dockerfile,
                '-t',
                image.tag,
                '--push',
                '--metadata-file',
                paths.metadataFile,
                image.context,
            ],
        };
    }
    const global = podmanGlobal(options.podmanOptions);
    return {
        login: (loginHost, username) => [
            ...global,
            'login',
            ...podmanRegistryFlags(options.podmanOptions, loginHost),
            '--username',
            username,
            '--password-stdin',
            loginHost,
        ],
        build: [
            ...global,
            'build',
            '--isolation',
            options.podmanOptions?.isolation ?? 'chroot',
            '--platform',
            platform,
            '-f',
            image.dockerfile,
            '-t',
            image.tag,
            image.context,
        ],
        push: [
            ...global,
            'push',
            ...podmanRegistryFlags(options.podmanOptions, host),
            '--digestfile',
            paths.digestFile,
            image.tag,
        ],
    };
}
async function readDigest(image, builder, paths) {
    try {
        if (builder === 'docker') {
            const metadata = JSON.parse(await (0,promises_.readFile)(paths.metadataFile, 'utf8'));
            const digest = metadata['containerimage.digest'];
            if (typeof digest !== 'string')
                throw new Error('no "containerimage.digest" in the metadata file');
            return (0,image_ref/* validateDigest */.n2)(digest, 'containerimage.digest');
        }
        return (0,image_ref/* validateDigest */.n2)((await (0,promises_.readFile)(paths.digestFile, 'utf8')).trim(), 'podman --digestfile');
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new ImageBuildError(`could not read the pushed digest of ${image.name}: ${why}`, image.name, 'digest');
    }
}
async function login(ctx, image, credentials) {
    const host = credentials.host ?? (0,image_ref/* parseImageReference */.o_)(image.tag).host;
    const paths = { metadataFile: '', digestFile: '' };
    const args = engineArgs(image, ctx.options, paths).login(host, credentials.username);
    await runStep(ctx, 'login', args, credentials.password);
}
async function buildAndPushImpl(image, options, credentials) {
    (0,image_ref/* parseImageReference */.o_)(image.tag, `tag of image ${image.name}`);
    const ctx = {
        image: image.name,
        options,
        deadline: Date.now() + options.timeoutMs,
        tail: new output_tail/* LineTail */.Z(options.tailLines ?? DEFAULT_TAIL_LINES),
        mask: maskWith(credentials?.password ?? options.credentials?.password),
    };
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'iterate-campaign-image-'));
    const paths = { metadataFile: (0,external_node_path_.join)(dir, 'metadata.json'), digestFile: (0,external_node_path_.join)(dir, 'digest') };
    try {
        return await options.logger.group(`Build ${image.name} → ${image.tag}`, async () => {
            const started = Date.now();
            if (credentials)
                await login(ctx, image, credentials);
            const args = engineArgs(image, options, paths);
            await runStep(ctx, 'build', args.build);
            if (args.push)
                await runStep(ctx, 'push', args.push);
            const digest = await readDigest(image, options.builder, paths);
            options.logger.info(`${image.name}: pushed ${image.tag}@${digest} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
            return { name: image.name, reference: image.tag, digest };
        });
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** Logs in (if credentials are given), builds for linux/amd64, pushes, returns the pushed digest. */
async function buildAndPush(image, options) {
    return buildAndPushImpl(image, options, options.credentials);
}
/**
 * Builds and pushes every image whose tag does not exist yet, in order, stopping at the first
 * failure. An image whose tag exists is not built: its existing digest is returned with
 * `skipped: true`. References are all validated before anything runs; login happens once per
 * registry host, and only if something must be built.
 */
async function buildAll(images, options) {
    for (const image of images)
        (0,image_ref/* parseImageReference */.o_)(image.tag, `tag of image ${image.name}`);
    const { registry, ...buildOptions } = options;
    const credentials = options.credentials;
    const registryOptions = {
        ...registry,
        auth: registry?.auth ??
            (credentials
                ? { username: credentials.username, password: credentials.password }
                : undefined),
    };
    const results = [];
    const loggedIn = new Set();
    for (const image of images) {
        const existing = await getDigest(image.tag, registryOptions);
        if (existing) {
            options.logger.info(`${image.name}: ${image.tag} already exists (${existing}); not rebuilt`);
            results.push({ name: image.name, reference: image.tag, digest: existing, skipped: true });
            continue;
        }
        const host = credentials?.host ?? (0,image_ref/* parseImageReference */.o_)(image.tag).host;
        const needsLogin = credentials !== undefined && !loggedIn.has(host);
        const result = await buildAndPushImpl(image, buildOptions, needsLogin ? credentials : undefined);
        if (needsLogin)
            loggedIn.add(host);
        results.push(result);
    }
    return results;
}


/***/ }),

/***/ 2632:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ clipLine),
/* harmony export */   Z: () => (/* binding */ LineTail)
/* harmony export */ });
/** What every child process we run shares: long lines clipped, only the last lines kept for errors. */
const MAX_LINE_CHARS = 4000;
/** Keeps the last N lines. */
class LineTail {
    size;
    lines = [];
    constructor(size) {
        this.size = size;
    }
    push(line) {
        this.lines.push(line);
        if (this.lines.length > this.size)
            this.lines.splice(0, this.lines.length - this.size);
    }
    get() {
        return [...this.lines];
    }
}
function clipLine(line) {
    return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… [line cut]` : line;
}


/***/ })

};
