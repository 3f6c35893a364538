export const id = 337;
export const ids = [337];
export const modules = {

/***/ 1337:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ImageBuildError: () => (/* binding */ ImageBuildError),
/* harmony export */   buildAll: () => (/* binding */ buildAll)
/* harmony export */ });
/* unused harmony export buildAndPush */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _process_output_tail_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8959);
/* harmony import */ var _process_run_lines_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4694);
/* harmony import */ var _core_image_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(464);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4579);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4703);
/**
 * Builds and pushes images with docker (buildx) or podman. The only place in src that spawns an
 * image engine (through src/process, the only importer of execa).
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
        const text = (0,_process_output_tail_js__WEBPACK_IMPORTED_MODULE_6__/* .clipLine */ .D)(mask(line));
        tail.push(text);
        options.logger.info(text);
    };
    const result = await (0,_process_run_lines_js__WEBPACK_IMPORTED_MODULE_7__/* .runLines */ .r)(file, args, {
        ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
        ...(options.env !== undefined ? { env: options.env } : {}),
        ...(input === undefined ? {} : { input }),
        timeoutMs: remaining,
        killGraceMs: options.killGraceMs ?? 5000,
        killDescendants: true,
        onLine,
    });
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
    const why = mask(result.shortMessage ?? 'unknown error');
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
    const tlsVerify = p.tlsVerify ?? !(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_4__/* .isLoopbackHost */ .cW)(host);
    const args = [`--tls-verify=${tlsVerify}`];
    if (p.authFile)
        args.push('--authfile', p.authFile);
    return args;
}
/** argv (without the executable) for each step. */
function engineArgs(image, options, paths) {
    const platform = image.platform ?? _core_image_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .IMAGE_PLATFORM */ .cf;
    const host = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageReference */ .o_)(image.tag).host;
    const credentials = (loginHost, username) => [
        '--username',
        username,
        '--password-stdin',
        loginHost,
    ];
    const target = ['--platform', platform, '-f', image.dockerfile, '-t', image.tag];
    if (options.builder === 'docker') {
        return {
            login: (loginHost, username) => ['login', ...credentials(loginHost, username)],
            build: [
                'buildx',
                'build',
                ...target,
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
            ...credentials(loginHost, username),
        ],
        build: [
            ...global,
            'build',
            '--isolation',
            options.podmanOptions?.isolation ?? 'chroot',
            ...target,
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
            const metadata = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(paths.metadataFile, 'utf8'));
            const digest = metadata['containerimage.digest'];
            if (typeof digest !== 'string')
                throw new Error('no "containerimage.digest" in the metadata file');
            return (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_4__/* .validateDigest */ .n2)(digest, 'containerimage.digest');
        }
        return (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_4__/* .validateDigest */ .n2)((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(paths.digestFile, 'utf8')).trim(), 'podman --digestfile');
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new ImageBuildError(`could not read the pushed digest of ${image.name}: ${why}`, image.name, 'digest');
    }
}
async function login(ctx, image, credentials) {
    const host = credentials.host ?? (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageReference */ .o_)(image.tag).host;
    const paths = { metadataFile: '', digestFile: '' };
    const args = engineArgs(image, ctx.options, paths).login(host, credentials.username);
    await runStep(ctx, 'login', args, credentials.password);
}
async function buildAndPushImpl(image, options, credentials) {
    (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageReference */ .o_)(image.tag, `tag of image ${image.name}`);
    const ctx = {
        image: image.name,
        options,
        deadline: Date.now() + options.timeoutMs,
        tail: new _process_output_tail_js__WEBPACK_IMPORTED_MODULE_6__/* .LineTail */ .Z(options.tailLines ?? DEFAULT_TAIL_LINES),
        mask: maskWith(credentials?.password ?? options.credentials?.password),
    };
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'iterate-campaign-image-'));
    const paths = { metadataFile: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'metadata.json'), digestFile: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'digest') };
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
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
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
        (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageReference */ .o_)(image.tag, `tag of image ${image.name}`);
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
        const existing = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_5__/* .getDigest */ .Pc)(image.tag, registryOptions);
        if (existing) {
            options.logger.info(`${image.name}: ${image.tag} already exists (${existing}); not rebuilt`);
            results.push({ name: image.name, reference: image.tag, digest: existing, skipped: true });
            continue;
        }
        const host = credentials?.host ?? (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageReference */ .o_)(image.tag).host;
        const needsLogin = credentials !== undefined && !loggedIn.has(host);
        const result = await buildAndPushImpl(image, buildOptions, needsLogin ? credentials : undefined);
        if (needsLogin)
            loggedIn.add(host);
        results.push(result);
    }
    return results;
}


/***/ }),

/***/ 8959:
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


/***/ }),

/***/ 4694:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ runLines)
/* harmony export */ });
/* harmony import */ var execa__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2499);
/** Runs one child process to its end, line by line, with a deadline: what builds and `eval` share. */

async function runLines(file, args, options) {
    const subprocess = (0,execa__WEBPACK_IMPORTED_MODULE_0__/* .execa */ .Ho)(file, [...args], {
        cwd: options.cwd,
        env: options.env,
        extendEnv: true,
        ...(options.input === undefined ? { stdin: 'ignore' } : { input: options.input }),
        all: true,
        buffer: false,
        timeout: options.timeoutMs,
        killSignal: 'SIGTERM',
        forceKillAfterDelay: options.killGraceMs ?? 5000,
        ...(options.killDescendants ? { killDescendants: true } : {}),
        reject: false,
    });
    for await (const line of subprocess.iterable({ from: 'all' }))
        options.onLine(line);
    const result = await subprocess;
    return {
        failed: result.failed,
        timedOut: result.timedOut,
        ...(result.signal ? { signal: result.signal } : {}),
        ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
        ...(result.shortMessage !== undefined ? { shortMessage: result.shortMessage } : {}),
    };
}


/***/ })

};
