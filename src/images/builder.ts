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
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clipLine, LineTail } from '../process/output-tail.js';
import { runLines } from '../process/run-lines.js';
import type { Logger } from '../logger.js';
import { IMAGE_PLATFORM } from '../core/image-plan.js';
import { isLoopbackHost, parseImageReference, validateDigest } from './image-ref.js';
import { getDigest, type RegistryClientOptions } from './registry.js';

export type BuilderKind = 'docker' | 'podman';

/** What buildAndPush needs of a planned image (core/image-plan.ts `PlannedImage` fits). */
export interface BuildableImage {
  name: string;
  dockerfile: string;
  context: string;
  platform?: string;
  /** Full reference `host[:port]/path:tag`. */
  tag: string;
}

export interface RegistryCredentials {
  username: string;
  password: string;
  /** Host to log in to; defaults to the image reference's host. */
  host?: string;
}

interface PodmanOptions {
  /** Global `--storage-driver`; default `vfs` (no overlay needed). */
  storageDriver?: string;
  /** `podman build --isolation`; default `chroot` (no runtime namespaces needed as root). */
  isolation?: 'chroot' | 'oci' | 'rootless';
  /** `--tls-verify` for login and push; default false for a loopback (http) registry, true otherwise. */
  tlsVerify?: boolean;
  /** Global `--root` / `--runroot` (image storage); default podman's own. */
  root?: string;
  runroot?: string;
  /** Global `--cgroup-manager`; default `cgroupfs` (works without systemd as PID 1). */
  cgroupManager?: 'cgroupfs' | 'systemd';
  /** Global `--events-backend`; default `file` (no journald needed). */
  eventsBackend?: 'file' | 'journald' | 'none';
  /** `--authfile` for login and push. */
  authFile?: string;
}

export interface BuildOptions {
  builder: BuilderKind;
  credentials?: RegistryCredentials;
  /** Deadline for login + build + push of one image. */
  timeoutMs: number;
  logger: Logger;
  podmanOptions?: PodmanOptions;
  /** Repository root: dockerfile and context are relative to it. Default: process.cwd(). */
  cwd?: string;
  /** Added to the environment of every child (e.g. DOCKER_CONFIG). */
  env?: Record<string, string | undefined>;
  /** Executable to run instead of `docker` / `podman`. */
  command?: string;
  /** Lines of output kept for an error; default 200. */
  tailLines?: number;
  /** Between SIGTERM and SIGKILL of the process group after the deadline; default 5000 ms. */
  killGraceMs?: number;
}

export interface BuildResult {
  name: string;
  reference: string;
  digest: string;
  /** True when the tag already existed and nothing was built. */
  skipped?: boolean;
}

export type BuildStep = 'login' | 'build' | 'push';

export class ImageBuildError extends Error {
  constructor(
    message: string,
    readonly image: string,
    readonly step: BuildStep | 'digest',
    readonly details: {
      argv?: string[];
      exitCode?: number;
      signal?: string;
      timedOut?: boolean;
      tail?: string[];
    } = {},
  ) {
    super(message);
    this.name = 'ImageBuildError';
  }
}

const DEFAULT_TAIL_LINES = 200;
function maskWith(secret: string | undefined): (text: string) => string {
  if (!secret || secret.length < 3) return (text) => text;
  return (text) => text.split(secret).join('***');
}

interface StepContext {
  image: string;
  options: BuildOptions;
  deadline: number;
  tail: LineTail;
  mask: (text: string) => string;
}

function executable(options: BuildOptions): string {
  return options.command ?? options.builder;
}

async function runStep(
  ctx: StepContext,
  step: BuildStep,
  args: string[],
  input?: string,
): Promise<void> {
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
  const onLine = (line: string) => {
    const text = clipLine(mask(line));
    tail.push(text);
    options.logger.info(text);
  };
  const result = await runLines(file, args, {
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
    ...(input === undefined ? {} : { input }),
    timeoutMs: remaining,
    killGraceMs: options.killGraceMs ?? 5000,
    killDescendants: true,
    onLine,
  });
  if (!result.failed) return;

  const details = { argv: [file, ...args], tail: tail.get() };
  const tailText = details.tail.length
    ? `\n--- last ${details.tail.length} lines ---\n${details.tail.join('\n')}`
    : '';
  if (result.timedOut) {
    throw new ImageBuildError(
      `${stepLabel} timed out after ${seconds} s (process tree killed${result.signal ? ` with ${result.signal}` : ''})${tailText}`,
      ctx.image,
      step,
      { ...details, timedOut: true, ...(result.signal ? { signal: result.signal } : {}) },
    );
  }
  if (result.signal) {
    throw new ImageBuildError(
      `${stepLabel} was killed by signal ${result.signal}${tailText}`,
      ctx.image,
      step,
      { ...details, signal: result.signal },
    );
  }
  if (result.exitCode !== undefined) {
    throw new ImageBuildError(
      `${stepLabel} failed with exit code ${result.exitCode}${tailText}`,
      ctx.image,
      step,
      { ...details, exitCode: result.exitCode },
    );
  }
  const why = mask(result.shortMessage ?? 'unknown error');
  throw new ImageBuildError(
    `${stepLabel} could not run ${JSON.stringify(file)} (is ${options.builder} installed and on PATH?): ${why}`,
    ctx.image,
    step,
    details,
  );
}

function podmanGlobal(p: PodmanOptions = {}): string[] {
  const args = ['--storage-driver', p.storageDriver ?? 'vfs'];
  if (p.root) args.push('--root', p.root);
  if (p.runroot) args.push('--runroot', p.runroot);
  args.push('--cgroup-manager', p.cgroupManager ?? 'cgroupfs');
  args.push('--events-backend', p.eventsBackend ?? 'file');
  return args;
}

function podmanRegistryFlags(p: PodmanOptions = {}, host: string): string[] {
  const tlsVerify = p.tlsVerify ?? !isLoopbackHost(host);
  const args = [`--tls-verify=${tlsVerify}`];
  if (p.authFile) args.push('--authfile', p.authFile);
  return args;
}

/** argv (without the executable) for each step. */
function engineArgs(
  image: BuildableImage,
  options: Pick<BuildOptions, 'builder' | 'podmanOptions'>,
  paths: { metadataFile: string; digestFile: string },
): { login: (host: string, username: string) => string[]; build: string[]; push?: string[] } {
  const platform = image.platform ?? IMAGE_PLATFORM;
  const host = parseImageReference(image.tag).host;
  const credentials = (loginHost: string, username: string) => [
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

async function readDigest(
  image: BuildableImage,
  builder: BuilderKind,
  paths: { metadataFile: string; digestFile: string },
): Promise<string> {
  try {
    if (builder === 'docker') {
      const metadata = JSON.parse(await readFile(paths.metadataFile, 'utf8')) as Record<
        string,
        unknown
      >;
      const digest = metadata['containerimage.digest'];
      if (typeof digest !== 'string')
        throw new Error('no "containerimage.digest" in the metadata file');
      return validateDigest(digest, 'containerimage.digest');
    }
    return validateDigest((await readFile(paths.digestFile, 'utf8')).trim(), 'podman --digestfile');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ImageBuildError(
      `could not read the pushed digest of ${image.name}: ${why}`,
      image.name,
      'digest',
    );
  }
}

async function login(
  ctx: StepContext,
  image: BuildableImage,
  credentials: RegistryCredentials,
): Promise<void> {
  const host = credentials.host ?? parseImageReference(image.tag).host;
  const paths = { metadataFile: '', digestFile: '' };
  const args = engineArgs(image, ctx.options, paths).login(host, credentials.username);
  await runStep(ctx, 'login', args, credentials.password);
}

async function buildAndPushImpl(
  image: BuildableImage,
  options: BuildOptions,
  credentials: RegistryCredentials | undefined,
): Promise<BuildResult> {
  parseImageReference(image.tag, `tag of image ${image.name}`);
  const ctx: StepContext = {
    image: image.name,
    options,
    deadline: Date.now() + options.timeoutMs,
    tail: new LineTail(options.tailLines ?? DEFAULT_TAIL_LINES),
    mask: maskWith(credentials?.password ?? options.credentials?.password),
  };
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-image-'));
  const paths = { metadataFile: join(dir, 'metadata.json'), digestFile: join(dir, 'digest') };
  try {
    return await options.logger.group(`Build ${image.name} → ${image.tag}`, async () => {
      const started = Date.now();
      if (credentials) await login(ctx, image, credentials);
      const args = engineArgs(image, options, paths);
      await runStep(ctx, 'build', args.build);
      if (args.push) await runStep(ctx, 'push', args.push);
      const digest = await readDigest(image, options.builder, paths);
      options.logger.info(
        `${image.name}: pushed ${image.tag}@${digest} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return { name: image.name, reference: image.tag, digest };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Logs in (if credentials are given), builds for linux/amd64, pushes, returns the pushed digest. */
export async function buildAndPush(
  image: BuildableImage,
  options: BuildOptions,
): Promise<BuildResult> {
  return buildAndPushImpl(image, options, options.credentials);
}

export interface BuildAllOptions extends BuildOptions {
  /** How the registry is asked whether a tag exists; auth defaults to `credentials`. */
  registry?: RegistryClientOptions;
}

/**
 * Builds and pushes every image whose tag does not exist yet, in order, stopping at the first
 * failure. An image whose tag exists is not built: its existing digest is returned with
 * `skipped: true`. References are all validated before anything runs; login happens once per
 * registry host, and only if something must be built.
 */
export async function buildAll(
  images: readonly BuildableImage[],
  options: BuildAllOptions,
): Promise<BuildResult[]> {
  for (const image of images) parseImageReference(image.tag, `tag of image ${image.name}`);
  const { registry, ...buildOptions } = options;
  const credentials = options.credentials;
  const registryOptions: RegistryClientOptions = {
    ...registry,
    auth:
      registry?.auth ??
      (credentials
        ? { username: credentials.username, password: credentials.password }
        : undefined),
  };

  const results: BuildResult[] = [];
  const loggedIn = new Set<string>();
  for (const image of images) {
    const existing = await getDigest(image.tag, registryOptions);
    if (existing) {
      options.logger.info(`${image.name}: ${image.tag} already exists (${existing}); not rebuilt`);
      results.push({ name: image.name, reference: image.tag, digest: existing, skipped: true });
      continue;
    }
    const host = credentials?.host ?? parseImageReference(image.tag).host;
    const needsLogin = credentials !== undefined && !loggedIn.has(host);
    const result = await buildAndPushImpl(
      image,
      buildOptions,
      needsLogin ? credentials : undefined,
    );
    if (needsLogin) loggedIn.add(host);
    results.push(result);
  }
  return results;
}
