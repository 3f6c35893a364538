/**
 * `npm run generate-actions`: writes `<command>/action.yml` and its entry for every action command.
 * `--check` writes nothing and exits 1 listing the files that differ (CI, the release workflow).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandActionFiles } from '../commands/command-actions.js';
import { ACTION_COMMANDS } from '../commands/registry.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function current(path: string): Promise<string | undefined> {
  return readFile(join(ROOT, path), 'utf8').catch(() => undefined);
}

async function main(check: boolean): Promise<number> {
  const stale: string[] = [];
  for (const file of commandActionFiles(ACTION_COMMANDS.values())) {
    if ((await current(file.path)) === file.text) continue;
    stale.push(file.path);
    if (check) continue;
    await mkdir(dirname(join(ROOT, file.path)), { recursive: true });
    await writeFile(join(ROOT, file.path), file.text);
  }
  if (check && stale.length > 0) {
    console.error(`Out of date (run npm run generate-actions): ${stale.join(', ')}`);
    return 1;
  }
  console.log(
    stale.length === 0 ? 'Per-command actions are up to date.' : `Wrote ${stale.join(', ')}`,
  );
  return 0;
}

process.exitCode = await main(process.argv.includes('--check'));
