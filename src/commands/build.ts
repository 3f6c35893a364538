import { builtImagesSummary } from '../core/command-summaries.js';
import { InputError, parseChoice } from '../core/inputs.js';
import { loadProjectConfig } from '../config/project-config.js';
import type {
  BuildableImage,
  BuilderKind,
  BuildResult,
  RegistryCredentials,
} from '../images/builder.js';
import { parseImageReference } from '../images/image-ref.js';
import { parseImagesJson, parseRegistryLogin } from '../images/planned-images.js';
import type { CommandIO } from './command.js';
import { registryFor } from '../loop/plan-images.js';
import { CONFIG_INPUT, optionalRegistry } from './common-inputs.js';
import { defineCommand } from './command.js';

export interface BuildInput {
  images: BuildableImage[];
  registry: string | undefined;
  builder: BuilderKind;
  credentials: RegistryCredentials | undefined;
  configPath: string | undefined;
}

export const buildCommand = defineCommand<BuildInput>({
  name: 'build',
  description:
    'Build and push the planned images (linux/amd64, tagged by short SHA), skipping tags that exist.',
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
      description:
        'Registry prefix host/path overriding the planned tags’ registry (default: keep the plan’s)',
    },
    builder: { description: 'Image engine: docker (buildx, default) or podman' },
    'registry-username': {
      description: 'Registry user (Artifact Registry: oauth2accesstoken); empty: no login',
    },
    'registry-password': {
      description: 'Registry password or access token; given to the engine on stdin, never argv',
      secret: true,
    },
    config: CONFIG_INPUT,
  },
  parse(inputs) {
    const raw = inputs.get('images');
    if (raw === undefined) throw new InputError("Missing images: pass the plan's images output");
    return {
      images: parseImagesJson(raw),
      registry: optionalRegistry(inputs),
      builder: parseChoice('builder', inputs.get('builder') ?? 'docker', [
        'docker',
        'podman',
      ] as const),
      credentials: parseRegistryLogin(
        inputs.get('registry-username'),
        inputs.get('registry-password'),
      ),
      configPath: inputs.get('config'),
    };
  },
  async run(input, io) {
    const config = await loadProjectConfig(input.configPath, io.cwd);
    const registry = input.registry ? registryFor(input.registry, config, io.env) : undefined;
    const images = registry
      ? input.images.map((image) => retagged(image, registry, config.images.map.images))
      : input.images;
    if (images.length === 0) {
      io.print('No images to build: the plan is empty.');
      setBuildOutputs(io, []);
      return;
    }
    let results: BuildResult[];
    try {
      // execa (Node ≥ 22) loads only when something is built, so the CLI starts on older Node too.
      const { buildAll } = await import('../images/builder.js');
      results = await buildAll(images, {
        builder: input.builder,
        credentials: input.credentials,
        timeoutMs: config.images.buildTimeoutMinutes * 60_000,
        logger: io.logger,
        cwd: io.cwd,
        // The command's environment (the CLI adds .env): DOCKER_CONFIG, CONTAINERS_STORAGE_CONF …
        env: { ...io.env },
      });
    } catch (error) {
      const { ImageBuildError } = await import('../images/builder.js');
      if (!(error instanceof ImageBuildError)) throw error;
      io.logger.error(error.message);
      return 1;
    }
    setBuildOutputs(io, results);
    const text = builtImagesSummary(results);
    io.print(text);
    if (io.surface === 'action') await io.appendSummary(text);
  },
});

/** `<registry>/<repository>:<planned tag>`; the repository comes from the config's image map. */
export function retagged(
  image: BuildableImage,
  registry: string,
  specs: readonly { name: string; repository?: string }[],
): BuildableImage {
  const tag = parseImageReference(image.tag).tag;
  const repository = specs.find((s) => s.name === image.name)?.repository ?? image.name;
  return { ...image, tag: `${registry}/${repository}:${tag}` };
}

/** `ref@digest`: the operator image pinned by what the registry holds. */
export function pinned(result: Pick<BuildResult, 'reference' | 'digest'>): string {
  return `${result.reference}@${result.digest}`;
}

function setBuildOutputs(io: CommandIO, results: readonly BuildResult[]): void {
  const digests = Object.fromEntries(results.map((r) => [r.name, r.digest]));
  io.setOutput('digests', JSON.stringify(digests));
  for (const result of results) io.setOutput(`digest-${result.name}`, result.digest);
  const operator = results.find((r) => r.name === 'operator');
  // Only the leg that built the operator sets it: in a build matrix, an empty value from
  // another leg must not be what the next job reads.
  if (operator) io.setOutput('operator-image', pinned(operator));
}
