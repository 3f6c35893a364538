/**
 * Which container images a merged fix PR must rebuild, and which test suites cover it.
 *
 * Upstream (eval/.claude/skills/run-campaign/SKILL.md step 2, iterate-campaign step 4/5):
 * `operator` ← `subjects/tikv/Dockerfile.operator`, `worker` ← `eval/Dockerfile`, both with the
 * repository root as build context, built for `linux/amd64` and tagged by the short git SHA.
 * Shared code outside an image's folder (operator-core, protocols, every subject's observer or
 * service) is listed explicitly, because a naive "folder of the Dockerfile" filter misses it.
 *
 * Pure: no I/O. picomatch is a pure matcher.
 */
import picomatch from 'picomatch';

export const IMAGE_PLATFORM = 'linux/amd64';

interface ImageSpec {
  /** Image name, also the last path component of the pushed repository unless `repository` is set. */
  name: string;
  /** Dockerfile path relative to the repository root; always a trigger of its own image. */
  dockerfile: string;
  /** Build context relative to the repository root. */
  context: string;
  /** Glob patterns (picomatch, `dot: true`) of repository paths whose change rebuilds the image. */
  triggers: string[];
  /** Repository path under the registry; defaults to `name`. */
  repository?: string;
}

export interface TestSuiteSpec {
  /** Package the suite belongs to, for reasons and logs. */
  name: string;
  /** Shell command line as upstream runs it (run from the repository root). */
  command: string;
  /** Glob patterns whose change makes the suite relevant. */
  triggers: string[];
}

export interface ImageMapConfig {
  images: ImageSpec[];
  tests: TestSuiteSpec[];
}

/** Upstream's image map and per-package test commands. */
export const DEFAULT_IMAGE_MAP: ImageMapConfig = {
  images: [
    {
      name: 'operator',
      dockerfile: 'subjects/tikv/Dockerfile.operator',
      context: '.',
      triggers: [
        'packages/operator-core/**',
        'packages/operator-protocols/**',
        'subjects/*/observer/**',
      ],
    },
    {
      name: 'worker',
      dockerfile: 'eval/Dockerfile',
      context: '.',
      triggers: ['eval/src/**', 'eval/Dockerfile', 'subjects/*/service/**'],
    },
  ],
  tests: [
    {
      name: 'operator-core',
      command: 'uv run pytest packages/operator-core/tests/ -x -q',
      triggers: ['packages/operator-core/**', 'packages/operator-protocols/**'],
    },
    {
      name: 'tikv-observer',
      command: 'uv run pytest subjects/tikv/observer/tests/ -x -q',
      triggers: ['subjects/tikv/observer/**'],
    },
    {
      name: 'eval',
      command: 'cd eval && uv run pytest tests/ -x -q --ignore=tests/test_chat_db_app_e2e.py',
      triggers: ['eval/**'],
    },
  ],
};

/** A file of a PR as the GitHub "list pull request files" API returns it. */
export interface ChangedFile {
  filename: string;
  /** `added`, `removed`, `modified`, `renamed`, `copied`, `changed`, `unchanged`. */
  status: string;
  previous_filename?: string;
}

export interface PlanTarget {
  /** Registry and path prefix, e.g. `us-central1-docker.pkg.dev/my-project/eval` or `127.0.0.1:5000/eval`. */
  registry: string;
  /** Short git SHA of the merge commit, used as the tag. */
  shortSha: string;
  /** Most reasons kept per image (the rest are counted in a last line). Default 20. */
  maxReasons?: number;
}

interface PlannedImage {
  name: string;
  dockerfile: string;
  context: string;
  platform: typeof IMAGE_PLATFORM;
  /** Full reference `registry/repository:shortSha`. */
  tag: string;
  /** Why the image is rebuilt, one line per matching path, sorted by path. */
  reasons: string[];
}

export interface ImagePlan {
  images: PlannedImage[];
  /** Test commands of every package touched, in config order, without duplicates. */
  testCommands: string[];
  summary: string;
}

const SHORT_SHA = /^[0-9a-f]{4,40}$/;
const DEFAULT_MAX_REASONS = 20;

/** Paths a change touches: both sides of a rename or copy; a removed file counts as its own path. */
interface TouchedPath {
  path: string;
  description: string;
}

function touchedPaths(file: ChangedFile): TouchedPath[] {
  const paths: TouchedPath[] = [{ path: file.filename, description: file.status }];
  const previous = file.previous_filename;
  if (previous && previous !== file.filename) {
    paths[0] = { path: file.filename, description: `${file.status} from ${previous}` };
    paths.push({ path: previous, description: `${file.status} to ${file.filename}` });
  }
  return paths;
}

function normalizePath(path: string): string {
  return path.replace(/^\.\//, '');
}

function compileTriggers(
  triggers: string[],
): { pattern: string; test: (path: string) => boolean }[] {
  return triggers.map((pattern) => ({
    pattern,
    test: picomatch(normalizePath(pattern), { dot: true }),
  }));
}

function matchReasons(
  touched: TouchedPath[],
  triggers: string[],
  maxReasons: number,
): { reasons: string[]; count: number } {
  const matchers = compileTriggers(triggers);
  const reasons: string[] = [];
  for (const { path, description } of touched) {
    const hit = matchers.find((m) => m.test(path));
    if (hit) reasons.push(`${path} (${description}) matches ${hit.pattern}`);
  }
  const count = reasons.length;
  if (count > maxReasons) {
    const rest = count - maxReasons;
    return {
      reasons: [...reasons.slice(0, maxReasons), `… and ${plural(rest, 'more matching path')}`],
      count,
    };
  }
  return { reasons, count };
}

function validateTarget(target: PlanTarget): { registry: string; shortSha: string } {
  const registry = target.registry.trim().replace(/\/+$/, '');
  if (!registry || /\s|:\/\//.test(registry)) {
    throw new Error(
      `Invalid registry ${JSON.stringify(target.registry.slice(0, 200))}: expected host[:port]/path without a scheme`,
    );
  }
  if (!SHORT_SHA.test(target.shortSha)) {
    throw new Error(
      `Invalid shortSha ${JSON.stringify(target.shortSha.slice(0, 80))}: expected 4–40 lowercase hex digits`,
    );
  }
  return { registry, shortSha: target.shortSha };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Plans the rebuild for a set of changed files. Images come in config order, reasons sorted by
 * path, so the same input always gives the same plan.
 */
export function planImages(
  changedFiles: readonly ChangedFile[],
  config: ImageMapConfig,
  target: PlanTarget,
): ImagePlan {
  const { registry, shortSha } = validateTarget(target);
  const maxReasons = target.maxReasons ?? DEFAULT_MAX_REASONS;

  const touched = changedFiles
    .flatMap(touchedPaths)
    .map((t) => ({ ...t, path: normalizePath(t.path) }))
    .sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : a.description.localeCompare(b.description),
    );

  const images: PlannedImage[] = [];
  const counts: string[] = [];
  for (const spec of config.images) {
    const triggers = [normalizePath(spec.dockerfile), ...spec.triggers];
    const { reasons, count } = matchReasons(touched, triggers, maxReasons);
    if (count === 0) continue;
    counts.push(`${spec.name} (${plural(count, 'path')})`);
    images.push({
      name: spec.name,
      dockerfile: spec.dockerfile,
      context: spec.context,
      platform: IMAGE_PLATFORM,
      tag: `${registry}/${spec.repository ?? spec.name}:${shortSha}`,
      reasons,
    });
  }

  const testCommands: string[] = [];
  for (const suite of config.tests) {
    if (testCommands.includes(suite.command)) continue;
    if (matchReasons(touched, suite.triggers, 0).count > 0) testCommands.push(suite.command);
  }

  let summary: string;
  if (changedFiles.length === 0) {
    summary = 'No changed files: no images to rebuild.';
  } else if (images.length === 0) {
    summary = `${plural(changedFiles.length, 'changed file')}, none under an image's source paths: no images to rebuild.`;
  } else {
    summary = `${plural(images.length, 'image')} to rebuild at ${shortSha}: ${counts.join(', ')}.`;
  }
  if (testCommands.length > 0) summary += ` ${plural(testCommands.length, 'test command')} to run.`;

  return { images, testCommands, summary };
}
