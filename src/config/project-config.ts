import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, parseProjectConfig, type ProjectConfig } from '../core/config.js';

export const DEFAULT_CONFIG_PATH = '.github/iterate-campaign.yml';

/**
 * Reads the project config. The default path may be absent (the seed's tables apply); a path the
 * user named must exist.
 */
export async function loadProjectConfig(
  path: string | undefined,
  cwd: string,
): Promise<ProjectConfig> {
  const file = path ?? DEFAULT_CONFIG_PATH;
  let text: string | undefined;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || path !== undefined) {
      throw new ConfigError(
        `Cannot read config file '${file}': ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
    }
  }
  return parseProjectConfig(text, file);
}
