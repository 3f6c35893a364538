import { readFileSync } from 'node:fs';
import { upstreamRegistry, type ProjectConfig } from '../core/config.js';
import { planImages, type ChangedFile, type ImagePlan } from '../core/image-plan.js';
import { InputError, parseId, shown } from '../core/inputs.js';
import { loadProjectConfig } from '../config/project-config.js';
import { createGitHubClient } from '../github/client.js';
import {
  listChangedFiles,
  resolvePull,
  type ChangedFiles,
  type RepoRef,
} from '../github/pull-requests.js';
import { readRepoContext, type RepoContext } from '../github/repo-context.js';
import { validateRegistry } from '../images/image-ref.js';
import type { CommandIO, InputSource } from './command.js';
import { CONFIG_INPUT } from './common-inputs.js';
import { defineCommand } from './command.js';

export interface PlanInput {
  prNumber: number | undefined;
  mergeSha: string;
  token: string;
  configPath: string | undefined;
  registry: string | undefined;
}

/** One entry of the `images` output: an Actions matrix entry for `build`. */
export interface ImageMatrixEntry {
  name: string;
  dockerfile: string;
  context: string;
  platform: string;
  tag: string;
}

export const planCommand = defineCommand<PlanInput>({
  name: 'plan',
  description:
    'Map the merged PR’s changed files to the images to rebuild and the test commands to run.',
  surfaces: ['action', 'cli'],
  outputs: {
    'pr-number': 'The pull request planned',
    images: "JSON matrix of the images to rebuild (build's images input)",
    'has-images': 'true when there is at least one image to build',
    'test-commands': 'JSON list of the test commands to run',
    'changed-paths-summary': 'One-line summary of the changed paths',
  },
  inputs: {
    'pr-number': {
      description:
        'Pull request number (default: the event’s PR; on push, the PR merged as GITHUB_SHA)',
      positional: 0,
    },
    'merge-sha': { description: 'Merge commit SHA, used for image tags (default: GITHUB_SHA)' },
    'github-token': {
      description:
        'Token to read the PR (default: GITHUB_TOKEN); contents: read, pull-requests: read',
      secret: true,
    },
    config: CONFIG_INPUT,
    registry: {
      description:
        'Registry prefix host/path for image tags (default: config images.registry, else us-central1-docker.pkg.dev/$GCP_PROJECT/eval)',
    },
  },
  parse(inputs, io) {
    return {
      prNumber: optionalId(inputs, 'pr-number'),
      mergeSha: requireMergeSha(inputs, io.env),
      token: requireToken(inputs, io.env, 'plan'),
      configPath: inputs.get('config'),
      registry: optionalRegistry(inputs),
    };
  },
  async run(input, io) {
    const config = await loadProjectConfig(input.configPath, io.cwd);
    const { ref } = openGitHub(io, input.token, 'plan');
    const resolution = await resolvePull(ref, {
      ...(input.prNumber !== undefined ? { explicit: input.prNumber } : {}),
      ...eventSelection(io.env),
      sha: input.mergeSha,
    });
    if (!resolution.pull) {
      const summary = `No merged pull request: ${resolution.why}. No images to rebuild.`;
      setPlanOutputs(io, emptyPlan(summary), undefined);
      io.print(summary);
      return;
    }
    const pull = resolution.pull;
    io.logger.info(`Planning for PR #${pull.number} (${resolution.how}).`);
    if (pull.mergeCommitSha && pull.mergeCommitSha !== input.mergeSha) {
      io.logger.warning(
        `PR #${pull.number} was merged as ${pull.mergeCommitSha.slice(0, 7)}, but tags use ${input.mergeSha.slice(0, 7)} (merge-sha / GITHUB_SHA).`,
      );
    }
    const changed = await listChangedFiles(ref, pull, pull.mergeCommitSha ?? input.mergeSha);
    const plan = planFromChanges(
      changed,
      config,
      registryFor(input.registry, config, io.env),
      input.mergeSha,
    );
    setPlanOutputs(io, plan, pull.number);
    io.print(renderPlan(plan, pull.number));
    if (io.surface === 'action') await io.appendSummary(renderPlan(plan, pull.number));
  },
});

// ── pure planning ──────────────────────────────────────────────────────────────────────────────

export const SHORT_SHA_LENGTH = 7;
const PLACEHOLDER_REGISTRY = 'registry.invalid/unset';

/**
 * The plan for a list of changed files. An incomplete list (GitHub could not list every change)
 * rebuilds every image and runs every test command: missing a rebuild is worse than an extra one.
 */
export function planFromChanges(
  changed: ChangedFiles,
  config: ProjectConfig,
  registry: string | undefined,
  mergeSha: string,
): ImagePlan {
  const map = config.images.map;
  const files: ChangedFile[] = changed.complete
    ? changed.files
    : [
        ...changed.files,
        ...map.images.map((image) => ({
          filename: image.dockerfile,
          status: 'assumed changed: the file list is incomplete',
        })),
      ];
  const plan = planImages(files, map, {
    registry: registry ?? PLACEHOLDER_REGISTRY,
    shortSha: mergeSha.slice(0, SHORT_SHA_LENGTH),
  });
  if (plan.images.length > 0 && registry === undefined) {
    throw new InputError(
      `No registry for ${plan.images.map((i) => i.name).join(', ')}: set images.registry in the config, the registry input, or GCP_PROJECT`,
    );
  }
  const testCommands = changed.complete
    ? plan.testCommands
    : [...new Set(map.tests.map((t) => t.command))];
  const note = changed.complete ? changed.note : `${changed.note}; rebuilding every image`;
  return { ...plan, testCommands, summary: `${plan.summary} (${note})` };
}

export function emptyPlan(summary: string): ImagePlan {
  return { images: [], testCommands: [], summary };
}

export function matrixOf(plan: ImagePlan): ImageMatrixEntry[] {
  return plan.images.map(({ name, dockerfile, context, platform, tag }) => ({
    name,
    dockerfile,
    context,
    platform,
    tag,
  }));
}

function setPlanOutputs(io: CommandIO, plan: ImagePlan, prNumber: number | undefined): void {
  io.setOutput('images', JSON.stringify(matrixOf(plan)));
  io.setOutput('has-images', plan.images.length > 0);
  io.setOutput('test-commands', JSON.stringify(plan.testCommands));
  io.setOutput('changed-paths-summary', plan.summary);
  io.setOutput('pr-number', prNumber ?? '');
}

function renderPlan(plan: ImagePlan, prNumber: number): string {
  const lines = [`### Image plan for PR #${prNumber}`, '', plan.summary, ''];
  if (plan.images.length === 0) lines.push('Empty matrix: nothing to build.');
  for (const image of plan.images) {
    lines.push(
      `- \`${image.name}\` → \`${image.tag}\` (${image.dockerfile}, context ${image.context})`,
    );
    for (const reason of image.reasons) lines.push(`  - ${reason}`);
  }
  if (plan.testCommands.length > 0) {
    lines.push('', 'Test commands:', ...plan.testCommands.map((c) => `- \`${c}\``));
  }
  return lines.join('\n');
}

// ── shared by plan, build, retry and worker ────────────────────────────────────────────────────

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function parseSha(field: string, value: string): string {
  const v = value.trim().toLowerCase();
  if (!SHA.test(v)) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a full commit SHA (40 hex digits)`,
    );
  }
  return v;
}

/** `merge-sha`, else GITHUB_SHA. */
export function requireMergeSha(inputs: InputSource, env: NodeJS.ProcessEnv): string {
  const explicit = inputs.get('merge-sha');
  if (explicit !== undefined) return parseSha('merge-sha', explicit);
  const fromEnv = env.GITHUB_SHA?.trim();
  if (!fromEnv) {
    throw new InputError('Missing merge-sha: pass --merge-sha <40-hex SHA> or set GITHUB_SHA');
  }
  return parseSha('GITHUB_SHA', fromEnv);
}

export function optionalId(inputs: InputSource, field: string): number | undefined {
  const value = inputs.get(field);
  return value === undefined ? undefined : parseId(field, value);
}

export function tokenFrom(inputs: InputSource, env: NodeJS.ProcessEnv): string | undefined {
  return (
    inputs.get('github-token') ?? (env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim() || undefined)
  );
}

export function requireToken(inputs: InputSource, env: NodeJS.ProcessEnv, command: string): string {
  const token = tokenFrom(inputs, env);
  if (!token) {
    throw new InputError(
      `Missing github-token: '${command}' reads the pull request (pass --github-token or set GITHUB_TOKEN)`,
    );
  }
  return token;
}

export function optionalRegistry(inputs: InputSource): string | undefined {
  const value = inputs.get('registry');
  if (value === undefined) return undefined;
  try {
    return validateRegistry(value.trim());
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

/** The input, else the config's, else upstream's Artifact Registry from GCP_PROJECT. */
export function registryFor(
  input: string | undefined,
  config: ProjectConfig,
  env: NodeJS.ProcessEnv,
): string | undefined {
  const value = input ?? config.images.registry ?? upstreamRegistry(env.GCP_PROJECT);
  if (value === undefined) return undefined;
  try {
    return validateRegistry(value);
  } catch (error) {
    throw new InputError(`${(error as Error).message} (images.registry or GCP_PROJECT)`);
  }
}

export function openGitHub(
  io: CommandIO,
  token: string,
  purpose: string,
): { ref: RepoRef; context: RepoContext } {
  io.masker.add(token);
  const context = readRepoContext(io.env, purpose);
  const client = createGitHubClient({ token, baseUrl: context.apiUrl, logger: io.logger });
  const ref = {
    client,
    owner: context.owner,
    repo: context.repo,
    logger: io.logger,
    botLogin: io.env.ITERATE_CAMPAIGN_BOT_LOGIN,
  };
  return { ref, context };
}

/** The PR number of a pull_request / pull_request_target event, from the payload file. */
export function eventSelection(env: NodeJS.ProcessEnv): {
  eventName?: string;
  eventPullNumber?: number;
} {
  const eventName = env.GITHUB_EVENT_NAME?.trim() || undefined;
  if (!eventName?.startsWith('pull_request') || !env.GITHUB_EVENT_PATH) {
    return eventName ? { eventName } : {};
  }
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: unknown };
    };
    const number = payload.pull_request?.number;
    return typeof number === 'number' && Number.isSafeInteger(number) && number > 0
      ? { eventName, eventPullNumber: number }
      : { eventName };
  } catch {
    return { eventName };
  }
}
