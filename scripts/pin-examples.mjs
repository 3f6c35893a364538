#!/usr/bin/env node
// Points every `OWNER/iterate-campaign/...@<sha> # vX.Y.Z` in docs/ and README.md at a
// release: `node scripts/pin-examples.mjs <40-hex sha> vX.Y.Z` (the release workflow runs it).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [sha, version] = process.argv.slice(2);
if (!/^[0-9a-f]{40}$/.test(sha ?? '') || !/^v\d+\.\d+\.\d+$/.test(version ?? '')) {
  console.error('usage: node scripts/pin-examples.mjs <40-hex sha> vX.Y.Z');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const examples = (await readdir(join(root, 'docs/examples')))
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => join('docs/examples', name));
const docs = (await readdir(join(root, 'docs')))
  .filter((name) => name.endsWith('.md'))
  .map((name) => join('docs', name));
const PINNED = /(\/iterate-campaign\/\.github\/workflows\/[\w.-]+\.ya?ml)@[0-9a-f]{40} # v\d+\.\d+\.\d+/g;
for (const file of [...examples, ...docs, 'README.md']) {
  const path = join(root, file);
  const text = await readFile(path, 'utf8');
  const pinned = text.replace(PINNED, `$1@${sha} # ${version}`);
  if (pinned !== text) {
    await writeFile(path, pinned);
    console.log(`pinned ${file}`);
  }
}
