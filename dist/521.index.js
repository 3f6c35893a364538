export const id = 521;
export const ids = [521];
export const modules = {

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
