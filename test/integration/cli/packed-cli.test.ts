/**
 * The CLI as a user installs it: `npm pack` in this repository, `npm install <tarball>` in an empty
 * folder, then `npx iterate-campaign` there against a real PostgreSQL. npm installs the
 * dependencies from its cache when it can (`npm ci` filled it) and from the registry otherwise.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmptyDatabase } from '../../support/databases.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);
// The node running the tests (≥ 22, what `engines` asks for) comes first, as it would for a user.
const ENV = {
  ...process.env,
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

let dir: string;
let tarball: string;
let packed: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-packed-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    env: ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(dir, info!.filename);
  packed = info!.files.map((f) => f.path);
  // An empty folder with no package.json above it: npm creates one there.
  const app = join(dir, 'app');
  await mkdir(app);
  await run('npm', ['install', '--prefer-offline', tarball], {
    cwd: app,
    env: ENV,
    timeout: 240_000,
  });
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const npx = (args: string[]) =>
  run('npx', ['--no-install', 'iterate-campaign', ...args], {
    cwd: join(dir, 'app'),
    env: ENV,
    timeout: 60_000,
  });

describe('npm pack → npm install <tarball> → npx iterate-campaign', () => {
  test('the tarball ships the compiled CLI and the demo campaign, and nothing of the tests', () => {
    expect(packed).toEqual(
      expect.arrayContaining(['package.json', 'LICENSE', 'lib/cli.js', 'lib/main.js']),
    );
    expect(packed.filter((p) => /^(test|src|dist)\//.test(p) || p.includes('.test.'))).toEqual([]);
    expect(packed.filter((p) => /^lib\/(bench|scripts)\//.test(p))).toEqual([]);
    expect(packed.some((p) => p.startsWith('campaigns/'))).toBe(true);
  });

  test('the empty folder now depends on the package and has its bin', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'app/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies['iterate-campaign']).toContain('.tgz');
    expect(await readdir(join(dir, 'app/node_modules/.bin'))).toContain('iterate-campaign');
  });

  test('--help lists the commands', async () => {
    const { stdout } = await npx(['--help']);
    for (const command of ['analyze', 'wait', 'compare', 'retry'])
      expect(stdout).toContain(command);
  });

  test('analyze <id> scores a campaign in a real PostgreSQL', async () => {
    const url = await createEmptyDatabase('packed');
    const campaignId = await seedDemoCampaign(url);
    const { stdout, stderr } = await npx(['analyze', String(campaignId), '--database-url', url]);
    expect(stdout).toContain(`${campaignId}`);
    expect(stdout).toMatch(/[Ww]in rate/);
    expect(`${stdout}${stderr}`).not.toContain(new URL(url).password || '\u0000');
  });
});
