/**
 * `build` as a command: a real podman build of the FROM-scratch fixture pushed to a real Debian
 * `docker-registry` on 127.0.0.1 (Basic auth), outputs checked against the registry itself; then
 * the failure modes through the fake engine. Needs podman and docker-registry (fails without).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MANIFEST_ACCEPT } from '../../../src/images/registry.js';
import {
  fakeEngineBin,
  FIXTURES,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  requireTools,
  startRegistry,
  type TestRegistry,
} from '../images/support.js';
import { runTestCommand } from './support.js';

let registry: TestRegistry;
let work: string;
let podmanEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  requireTools('podman', 'docker-registry');
  registry = await startRegistry({ auth: true });
  work = await mkdtemp(join(tmpdir(), 'iterate-campaign-build-cmd-'));
  const conf = join(work, 'storage.conf');
  await writeFile(
    conf,
    `[storage]\ndriver = "vfs"\nrunroot = "${join(work, 'run')}"\ngraphroot = "${join(work, 'storage')}"\n`,
  );
  podmanEnv = { CONTAINERS_STORAGE_CONF: conf, REGISTRY_AUTH_FILE: join(work, 'auth.json') };
});

afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

function planned(tag: string, name = 'worker') {
  return {
    name,
    dockerfile: 'Dockerfile',
    context: '.',
    platform: 'linux/amd64',
    tag: `${registry.host}/eval/${name}:${tag}`,
  };
}

async function registryDigest(repository: string, tag: string): Promise<string | null> {
  const response = await fetch(`http://${registry.host}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      Accept: MANIFEST_ACCEPT,
      Authorization: `Basic ${Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}`,
    },
  });
  return response.status === 200 ? response.headers.get('docker-content-digest') : null;
}

function build(
  images: unknown,
  extra: Record<string, string | undefined> = {},
  env: NodeJS.ProcessEnv = podmanEnv,
) {
  return runTestCommand(
    'build',
    {
      images: JSON.stringify(images),
      builder: 'podman',
      'registry-username': REGISTRY_USER,
      'registry-password': REGISTRY_PASSWORD,
      ...extra,
    },
    { cwd: join(FIXTURES, 'scratch'), env },
  );
}

describe('build command with real podman and docker-registry', () => {
  test('builds and pushes the planned images; outputs the digests the registry holds and the pinned operator', async () => {
    const result = await build([planned('abc1234', 'worker'), planned('abc1234', 'operator')]);
    expect(result.error, result.log).toBeUndefined();
    expect(result.code).toBe(0);
    const worker = await registryDigest('eval/worker', 'abc1234');
    const operator = await registryDigest('eval/operator', 'abc1234');
    expect(worker).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(result.outputs.digests!)).toEqual({ worker, operator });
    expect(result.outputs['digest-worker']).toBe(worker);
    expect(result.outputs['operator-image']).toBe(
      `${registry.host}/eval/operator:abc1234@${operator}`,
    );
    expect(result.log).toContain(`group: Build worker → ${registry.host}/eval/worker:abc1234`);
    expect(result.log).toContain('COPY hello.txt /');
    expect(result.log).not.toContain(REGISTRY_PASSWORD);
    expect(await readFile(join(work, 'auth.json'), 'utf8')).toContain(registry.host);
  });

  test('a second build of the same plan skips the existing tags and reports the same digests', async () => {
    const result = await build([planned('abc1234', 'worker')]);
    expect(result.code, result.log).toBe(0);
    expect(result.log).toContain('already exists');
    expect(result.log).not.toContain('group: Build');
    expect(JSON.parse(result.outputs.digests!)).toEqual({
      worker: await registryDigest('eval/worker', 'abc1234'),
    });
    expect(result.outputs['operator-image']).toBeUndefined();
  });

  test('one matrix entry (an object, not a list) with a registry override is retagged and pushed there', async () => {
    const entry = {
      ...planned('def5678'),
      tag: 'us-central1-docker.pkg.dev/p/eval/worker:def5678',
    };
    const result = await build(entry, { registry: `${registry.host}/other` });
    expect(result.code, result.log).toBe(0);
    expect(await registryDigest('other/worker', 'def5678')).toBe(
      JSON.parse(result.outputs.digests!).worker,
    );
  });
});

describe('build command failure modes (fake engine)', () => {
  test('a failing build reports the exit code and only the output tail; credentials went to stdin', async () => {
    const fake = await fakeEngineBin();
    const log = join(fake.dir, 'argv.log');
    try {
      const result = await build(
        [planned('bad0001')],
        {},
        {
          PATH: fake.path,
          FAKE_ENGINE_MODE: 'fail',
          FAKE_ENGINE_LINES: '5000',
          FAKE_ENGINE_LOG: log,
        },
      );
      expect(result.code).toBe(1);
      expect(result.log).toMatch(/podman build of worker failed with exit code 3/);
      expect(result.log).toContain('--- last 200 lines ---');
      expect(result.log).toContain('error: something broke');
      const calls = await readFile(log, 'utf8');
      expect(calls).toContain(`stdin: ${REGISTRY_PASSWORD}`);
      expect(
        calls
          .split('\n')
          .filter((l) => l.startsWith('argv:'))
          .join('\n'),
      ).not.toContain(REGISTRY_PASSWORD);
    } finally {
      await fake.cleanup();
    }
  });

  test('a build killed by a signal says which', async () => {
    const fake = await fakeEngineBin();
    try {
      const result = await build(
        [planned('bad0002')],
        {},
        { PATH: fake.path, FAKE_ENGINE_MODE: 'killed' },
      );
      expect(result.code).toBe(1);
      expect(result.log).toMatch(/podman build of worker was killed by signal SIGKILL/);
    } finally {
      await fake.cleanup();
    }
  });

  test('bad input is refused before anything runs', async () => {
    const traversal = await build([{ ...planned('x1'), context: '../..' }]);
    expect(traversal.error?.message).toMatch(
      /Invalid images\[0\]\.context: '\.\.\/\.\.' — expected a path inside the repository/,
    );
    const half = await runTestCommand('build', { images: '[]', 'registry-username': 'u' });
    expect(half.error?.message).toMatch(/registry-username and registry-password go together/);
    const badTag = await build([{ ...planned('x1'), tag: 'Registry/UPPER:tag' }]);
    expect(badTag.error?.message).toMatch(/Invalid images\[0\]\.tag/);
  });
});
