/**
 * Failure modes that a real engine cannot be made to show on demand: a hung build (the deadline
 * kills the whole process tree), a build killed by a signal, and proof that the registry password
 * reaches `login` on stdin and never in argv. The fake is test/fixtures/images/fake-engine/engine.sh,
 * put first on PATH as both `docker` and `podman`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memoryLogger } from '../../../src/logger.js';
import {
  buildAndPush,
  ImageBuildError,
  type BuildOptions,
  type BuilderKind,
} from '../../../src/images/builder.js';
import { FIXTURES, fakeEngineBin } from './support.js';

const SECRET = 'hunter2-stdin-only-7c1e';
const FAKE_DIGEST = `sha256:${'1'.repeat(64)}`;
let fake: Awaited<ReturnType<typeof fakeEngineBin>>;
let run = 0;

beforeAll(async () => {
  fake = await fakeEngineBin();
});
afterAll(async () => {
  await fake?.cleanup();
});

const image = {
  name: 'operator',
  dockerfile: 'Dockerfile',
  context: '.',
  platform: 'linux/amd64' as const,
  tag: '127.0.0.1:5000/eval/operator:abc1234',
};

function setup(
  mode: string,
  builder: BuilderKind = 'podman',
  overrides: Partial<BuildOptions> = {},
) {
  run += 1;
  const log = join(fake.dir, `calls-${run}.log`);
  const childPid = join(fake.dir, `child-${run}.pid`);
  const logger = memoryLogger();
  const options: BuildOptions = {
    builder,
    timeoutMs: 30_000,
    logger,
    cwd: join(FIXTURES, 'scratch'),
    env: {
      PATH: fake.path,
      FAKE_ENGINE_MODE: mode,
      FAKE_ENGINE_LOG: log,
      FAKE_ENGINE_CHILD_PID: childPid,
    },
    ...overrides,
  };
  const calls = async () => (await readFile(log, 'utf8').catch(() => '')).trim().split('\n');
  return { options, logger, calls, childPid };
}

/** Running (not gone, not a zombie waiting for init to reap it). */
async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return stat !== '' && state !== 'Z' && state !== 'X';
}

async function failure(promise: Promise<unknown>): Promise<ImageBuildError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageBuildError);
  return error as ImageBuildError;
}

describe('fake engine', () => {
  test('a hung build is killed after the timeout, process tree included, even if it ignores SIGTERM', async () => {
    const { options, childPid } = setup('hang', 'podman', { timeoutMs: 1500, killGraceMs: 300 });
    const started = Date.now();
    const error = await failure(buildAndPush(image, options));
    const elapsed = Date.now() - started;

    expect(error.message).toMatch(
      /^podman build of operator timed out after 1\.5 s \(process tree killed/,
    );
    expect(error.details.timedOut).toBe(true);
    expect(error.step).toBe('build');
    expect(error.message).toContain('hanging');
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(6000);

    const pid = Number(await readFile(childPid, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    // The background child ignored SIGTERM as well; the group SIGKILL must have reached it.
    for (let i = 0; i < 50 && (await alive(pid)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await alive(pid)).toBe(false);
  });

  test('a build killed by a signal reports the signal, not an exit code', async () => {
    const { options } = setup('killed', 'docker');
    const error = await failure(buildAndPush(image, options));
    expect(error.message).toMatch(/^docker build of operator was killed by signal SIGKILL/);
    expect(error.details.signal).toBe('SIGKILL');
    expect(error.details.exitCode).toBeUndefined();
    expect(error.message).toContain('about to die');
  });

  test('a failed build reports the exit code and only the last 200 lines', async () => {
    const { options } = setup('fail', 'podman');
    const error = await failure(buildAndPush(image, options));
    expect(error.message).toMatch(
      /^podman build of operator failed with exit code 3\n--- last 200 lines ---/,
    );
    expect(error.details.exitCode).toBe(3);
    expect(error.details.tail).toHaveLength(200);
    expect(error.details.tail![0]).toBe('build line 802');
    expect(error.details.tail!.at(-1)).toBe('error: something broke');
    expect(error.message).not.toContain('build line 801\n');
  });

  test('megabytes of output are streamed, not buffered: the error keeps the tail only', async () => {
    const { options, logger } = setup('fail', 'podman');
    options.env = { ...options.env, FAKE_ENGINE_LINES: '150000' };
    const error = await failure(buildAndPush(image, options));
    expect(error.details.exitCode).toBe(3);
    expect(error.details.tail).toHaveLength(200);
    expect(error.details.tail![0]).toBe('build line 149802');
    expect(error.message.length).toBeLessThan(10_000);
    expect(logger.lines.length).toBeGreaterThan(150_000);
  });

  test.each(['docker', 'podman'] as const)(
    '%s: the password goes to login on stdin, never in argv, and is masked in the output',
    async (builder) => {
      const { options, logger, calls } = setup('echo-secret', builder, {
        credentials: { username: 'oauth2accesstoken', password: SECRET },
      });
      const result = await buildAndPush(image, options);
      expect(result).toEqual({ name: 'operator', reference: image.tag, digest: FAKE_DIGEST });

      const lines = await calls();
      const argv = lines.filter((l) => l.startsWith('argv: '));
      expect(lines).toContain(`stdin: ${SECRET}`);
      expect(argv.join('\n')).not.toContain(SECRET);
      expect(argv[0]).toMatch(
        builder === 'docker'
          ? /^argv: docker login --username oauth2accesstoken --password-stdin 127\.0\.0\.1:5000$/
          : /^argv: podman --storage-driver vfs --cgroup-manager cgroupfs --events-backend file login --tls-verify=false --username oauth2accesstoken --password-stdin 127\.0\.0\.1:5000$/,
      );
      if (builder === 'docker') {
        expect(argv[1]).toMatch(
          /^argv: docker buildx build --platform linux\/amd64 -f Dockerfile -t 127\.0\.0\.1:5000\/eval\/operator:abc1234 --push --metadata-file \S+\/metadata\.json \.$/,
        );
        expect(argv).toHaveLength(2);
      } else {
        expect(argv[1]).toBe(
          'argv: podman --storage-driver vfs --cgroup-manager cgroupfs --events-backend file build --isolation chroot --platform linux/amd64 -f Dockerfile -t 127.0.0.1:5000/eval/operator:abc1234 .',
        );
        expect(argv[2]).toMatch(
          /^argv: podman --storage-driver vfs --cgroup-manager cgroupfs --events-backend file push --tls-verify=false --digestfile \S+\/digest 127\.0\.0\.1:5000\/eval\/operator:abc1234$/,
        );
        expect(argv).toHaveLength(3);
      }
      expect(logger.text()).toContain('debug: got password ***');
      expect(logger.text()).not.toContain(SECRET);
    },
  );

  test('podman keeps TLS verification for a non-loopback registry', async () => {
    const { options, calls } = setup('ok', 'podman', {
      credentials: { username: 'u', password: SECRET },
    });
    await buildAndPush({ ...image, tag: 'registry.example.com/eval/operator:abc1234' }, options);
    const argv = (await calls()).filter((l) => l.startsWith('argv: '));
    expect(argv[0]).toContain('login --tls-verify=true');
    expect(argv[2]).toContain('push --tls-verify=true');
  });

  test('an invalid reference is rejected before anything runs', async () => {
    const { options, calls } = setup('ok', 'podman');
    await expect(
      buildAndPush({ ...image, tag: '127.0.0.1:5000/eval/Operator:abc1234' }, options),
    ).rejects.toThrow(/repository "eval\/Operator"/);
    await expect(
      buildAndPush({ ...image, tag: '127.0.0.1:5000/eval/operator:-bad' }, options),
    ).rejects.toThrow(/tag "-bad"/);
    expect(await calls()).toEqual(['']);
  });

  test('a missing engine says so', async () => {
    const { options } = setup('ok', 'podman', { command: 'definitely-not-an-engine-xyz' });
    const error = await failure(buildAndPush(image, options));
    expect(error.message).toMatch(
      /could not run "definitely-not-an-engine-xyz" \(is podman installed/,
    );
  });
});
