/** Which images a merge rebuilds and which tests it runs, from the files it changed. */
import { upstreamRegistry, type ProjectConfig } from '../core/config.js';
import { planImages, type ChangedFile, type ImagePlan } from '../core/image-plan.js';
import { InputError } from '../core/inputs.js';
import type { ChangedFiles } from '../github/pull-requests.js';
import { validateRegistry } from '../images/image-ref.js';

/** One entry of the `images` output: an Actions matrix entry for `build`. */
export interface ImageMatrixEntry {
  name: string;
  dockerfile: string;
  context: string;
  platform: string;
  tag: string;
}

const SHORT_SHA_LENGTH = 7;
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
