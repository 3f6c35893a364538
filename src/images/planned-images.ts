/**
 * The plan's images as `build` and `retry` read them, and the digests the registry holds for their
 * planned tags: `retry` pins what `build` pushed without a hand-written job output per image.
 */
import { isAbsolute } from 'node:path';
import { IMAGE_PLATFORM } from '../core/image-plan.js';
import { InputError, shown } from '../core/inputs.js';
import type { BuildableImage } from './builder.js';
import { parseImageReference } from './image-ref.js';
import { getDigest, type RegistryClientOptions } from './registry.js';

/** The plan's JSON: a list of matrix entries, or a single entry (one matrix leg). */
export function parseImagesJson(raw: string): BuildableImage[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new InputError(
      `Invalid images: not JSON (${(error as Error).message}) in '${shown(raw)}'`,
    );
  }
  const list = Array.isArray(value) ? value : [value];
  const images = list.map((entry, index) => parseImageEntry(entry, index));
  const names = images.map((i) => i.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new InputError(`Invalid images: '${duplicate}' appears twice`);
  return images;
}

function parseImageEntry(entry: unknown, index: number): BuildableImage {
  const at = `images[${index}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new InputError(`Invalid ${at}: expected an object with name, dockerfile, context, tag`);
  }
  const record = entry as Record<string, unknown>;
  const text = (key: string): string => {
    const v = record[key];
    if (typeof v !== 'string' || v.trim() === '') {
      throw new InputError(`Invalid ${at}.${key}: expected a non-empty string`);
    }
    return v;
  };
  const platform = record.platform === undefined ? IMAGE_PLATFORM : text('platform');
  if (platform !== IMAGE_PLATFORM) {
    throw new InputError(
      `Invalid ${at}.platform: '${shown(platform)}' — expected ${IMAGE_PLATFORM}`,
    );
  }
  const image = {
    name: text('name'),
    dockerfile: repoPath(`${at}.dockerfile`, text('dockerfile')),
    context: repoPath(`${at}.context`, text('context')),
    platform,
    tag: text('tag'),
  };
  try {
    parseImageReference(image.tag, `${at}.tag`);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  return image;
}

/** A path inside the repository: relative, no `..`, no option-looking leading dash. */
function repoPath(field: string, value: string): string {
  const segments = value.split(/[\\/]/);
  if (isAbsolute(value) || segments.includes('..') || value.startsWith('-')) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a path inside the repository`,
    );
  }
  return value;
}

/** registry-username and registry-password: both or neither. */
export function parseRegistryLogin(
  username: string | undefined,
  password: string | undefined,
): { username: string; password: string } | undefined {
  if ((username === undefined) !== (password === undefined)) {
    throw new InputError(
      'registry-username and registry-password go together: give both or neither',
    );
  }
  return username !== undefined && password !== undefined ? { username, password } : undefined;
}

/**
 * The digest of every planned tag, by image name. A tag the registry does not hold is an error:
 * build pushes every planned tag (or finds it already there), so a missing one means it failed.
 */
export async function plannedDigests(
  images: readonly BuildableImage[],
  options: RegistryClientOptions = {},
): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const image of images) {
    const digest = await getDigest(image.tag, options);
    if (!digest) {
      throw new Error(
        `Planned image ${image.name} (${image.tag}) is not in the registry: did the build job push it?`,
      );
    }
    digests[image.name] = digest;
  }
  return digests;
}
