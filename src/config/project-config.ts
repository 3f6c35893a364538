import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  ConfigError,
  MAX_CONFIG_BYTES,
  parseProjectConfig,
  type ProjectConfig,
} from '../core/config.js';
import { parseOperatorImage } from '../images/image-ref.js';

const DEFAULT_CONFIG_PATH = '.github/iterate-campaign.yml';

/**
 * Reads the project config. The default path may be absent (the seed's tables apply); a path the
 * user named must exist. A file over the size cap is refused before it is read.
 */
export async function loadProjectConfig(
  path: string | undefined,
  cwd: string,
): Promise<ProjectConfig> {
  const file = path ?? DEFAULT_CONFIG_PATH;
  let text: string | undefined;
  try {
    const full = resolve(cwd, file);
    const { size } = await stat(full);
    if (size > MAX_CONFIG_BYTES) {
      throw new ConfigError(
        `${file}: ${size} bytes is over the ${MAX_CONFIG_BYTES}-byte limit for the config file; keep it to the sections iterate-campaign reads`,
      );
    }
    text = await readFile(full, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || path !== undefined) {
      throw new ConfigError(
        `Cannot read config file '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`,
      );
    }
  }
  const config = parseProjectConfig(text, file);
  checkImages(config, file);
  return config;
}

/** Image names go through the same check as the operator-image inputs. */
function checkImages(config: ProjectConfig, file: string): void {
  const image = config.retry.operatorImage;
  if (image === undefined) return;
  try {
    parseOperatorImage('retry.operator_image', image);
  } catch (error) {
    throw new ConfigError(`${file}: ${(error as Error).message}`);
  }
}
