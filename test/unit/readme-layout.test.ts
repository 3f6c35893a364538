/** The README's Layout section names every folder of src/, and every path it names exists. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function layoutBlock(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /^## Layout\n+```\n([\s\S]*?)\n```/m.exec(readme);
  if (!block) throw new Error('README.md has no ## Layout code block');
  return block[1]!;
}

test('every folder of src/ has a line in the Layout section', () => {
  const layout = layoutBlock();
  const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `src/${entry.name}/`);
  expect(folders.filter((folder) => !layout.includes(folder))).toEqual([]);
});

test('every src/ path the Layout section names exists', () => {
  const named = layoutBlock().match(/src\/[\w./-]*\w\/?/g) ?? [];
  expect(named.length).toBeGreaterThan(10);
  expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
});
