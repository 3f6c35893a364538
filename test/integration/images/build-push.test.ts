/**
 * Real podman build of a FROM-scratch fixture, pushed to a real Debian `docker-registry` on
 * 127.0.0.1 (Basic auth from a fixture htpasswd), digest read back through the Registry API.
 * Needs podman and docker-registry: the suite FAILS (does not skip) without them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memoryLogger } from '../../../src/logger.js';
import { buildAll, buildAndPush, type BuildOptions } from '../../../src/images/builder.js';
import { getDigest, MANIFEST_ACCEPT } from '../../../src/images/registry.js';
import {
  FIXTURES,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  requireTools,
  startRegistry,
  type TestRegistry,
} from './support.js';

const timings: Record<string, number> = {};
let registry: TestRegistry;
let work: string;

function options(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {
    builder: 'podman',
    timeoutMs: 120_000,
    logger: memoryLogger(),
    cwd: join(FIXTURES, 'scratch'),
    podmanOptions: {
      root: join(work, 'storage'),
      runroot: join(work, 'run'),
      authFile: join(work, 'auth.json'),
    },
    credentials: { username: REGISTRY_USER, password: REGISTRY_PASSWORD },
    ...overrides,
  };
}

function image(tag: string) {
  return {
    name: 'worker',
    dockerfile: 'Dockerfile',
    context: '.',
    platform: 'linux/amd64' as const,
    tag: `${registry.host}/eval/worker:${tag}`,
  };
}

const basicAuth = `Basic ${Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}`;

/** Reads the digest with a plain fetch, independent of src/images/registry.ts. */
async function registryDigest(repository: string, tag: string): Promise<string | null> {
  const response = await fetch(`http://${registry.host}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: MANIFEST_ACCEPT, Authorization: basicAuth },
  });
  expect(response.status).toBe(200);
  return response.headers.get('docker-content-digest');
}

beforeAll(async () => {
  requireTools('podman', 'docker-registry');
  const started = performance.now();
  registry = await startRegistry({ auth: true });
  timings['registry start'] = performance.now() - started;
  work = await mkdtemp(join(tmpdir(), 'iterate-campaign-podman-'));
});

afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
  console.info(
    `image build timings: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
      .join(', ')}`,
  );
});

describe('real podman + docker-registry', () => {
  test('the registry needs auth and the tag does not exist yet', async () => {
    const anonymous = await fetch(`http://${registry.host}/v2/`);
    expect(anonymous.status).toBe(401);
    const auth = { username: REGISTRY_USER, password: REGISTRY_PASSWORD };
    expect(await getDigest(`${registry.host}/eval/worker:abc1234`, { auth })).toBeUndefined();
    await expect(getDigest(`${registry.host}/eval/worker:abc1234`)).rejects.toThrow(/HTTP 401/);
  });

  test('buildAll builds, logs in through stdin, pushes; the registry has the returned digest', async () => {
    const logger = memoryLogger();
    const started = performance.now();
    const [result, ...rest] = await buildAll([image('abc1234')], options({ logger }));
    timings['first buildAll (login+build+push)'] = performance.now() - started;

    expect(rest).toEqual([]);
    expect(result).toMatchObject({
      name: 'worker',
      reference: `${registry.host}/eval/worker:abc1234`,
    });
    expect(result!.skipped).toBeUndefined();
    expect(result!.digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    expect(await registryDigest('eval/worker', 'abc1234')).toBe(result!.digest);
    const auth = { username: REGISTRY_USER, password: REGISTRY_PASSWORD };
    expect(await getDigest(result!.reference, { auth })).toBe(result!.digest);

    const log = logger.text();
    expect(log).toContain(`group: Build worker → ${registry.host}/eval/worker:abc1234`);
    expect(log).toContain('Login Succeeded');
    expect(log).toContain('COPY hello.txt /');
    expect(log).not.toContain(REGISTRY_PASSWORD);
  });

  test('a second buildAll skips the existing tag and returns its digest', async () => {
    const logger = memoryLogger();
    const started = performance.now();
    const results = await buildAll([image('abc1234')], options({ logger }));
    timings['second buildAll (skip)'] = performance.now() - started;

    const digest = await registryDigest('eval/worker', 'abc1234');
    expect(results).toEqual([
      { name: 'worker', reference: `${registry.host}/eval/worker:abc1234`, digest, skipped: true },
    ]);
    expect(logger.text()).toContain('already exists');
    expect(logger.text()).not.toContain('group: Build');
  });

  test('buildAndPush of a new tag (already logged in) pushes the same content under it', async () => {
    const started = performance.now();
    const result = await buildAndPush(image('def5678'), options({ credentials: undefined }));
    timings['buildAndPush second tag'] = performance.now() - started;
    expect(await registryDigest('eval/worker', 'def5678')).toBe(result.digest);
  });

  test('a failing real build reports the exit code and the output tail', async () => {
    const bad = { ...image('bad0001'), dockerfile: 'missing.Dockerfile' };
    const error = await buildAndPush(bad, options({ credentials: undefined })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/podman build of worker failed with exit code \d+/);
    expect((error as Error).message).toContain('missing.Dockerfile');
    const auth = { username: REGISTRY_USER, password: REGISTRY_PASSWORD };
    expect(await getDigest(bad.tag, { auth })).toBeUndefined();
  });
});
