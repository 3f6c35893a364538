import { describe, expect, test } from 'vitest';
import {
  DEFAULT_IMAGE_MAP,
  planImages,
  type ChangedFile,
  type ImageMapConfig,
} from '../../../src/core/image-plan.js';

const target = { registry: 'us-central1-docker.pkg.dev/my-project/eval', shortSha: 'abc1234' };
const modified = (filename: string): ChangedFile => ({ filename, status: 'modified' });
const names = (files: ChangedFile[]) =>
  planImages(files, DEFAULT_IMAGE_MAP, target).images.map((i) => i.name);

const OPERATOR_TESTS = 'uv run pytest packages/operator-core/tests/ -x -q';
const OBSERVER_TESTS = 'uv run pytest subjects/tikv/observer/tests/ -x -q';
const EVAL_TESTS = 'cd eval && uv run pytest tests/ -x -q --ignore=tests/test_chat_db_app_e2e.py';

describe('planImages with the upstream image map', () => {
  test('an observer file of any subject rebuilds the operator', () => {
    const plan = planImages([modified('subjects/tikv/observer/x.py')], DEFAULT_IMAGE_MAP, target);
    expect(plan.images).toEqual([
      {
        name: 'operator',
        dockerfile: 'subjects/tikv/Dockerfile.operator',
        context: '.',
        platform: 'linux/amd64',
        tag: 'us-central1-docker.pkg.dev/my-project/eval/operator:abc1234',
        reasons: ['subjects/tikv/observer/x.py (modified) matches subjects/*/observer/**'],
      },
    ]);
    expect(plan.testCommands).toEqual([OBSERVER_TESTS]);
    expect(plan.summary).toBe(
      '1 image to rebuild at abc1234: operator (1 path). 1 test command to run.',
    );
    expect(names([modified('subjects/chat-db-app/observer/src/obs.py')])).toEqual(['operator']);
  });

  test('shared packages outside the Dockerfile folder rebuild the operator', () => {
    expect(names([modified('packages/operator-core/src/operator_core/agent.py')])).toEqual([
      'operator',
    ]);
    const plan = planImages(
      [modified('packages/operator-protocols/src/p.py')],
      DEFAULT_IMAGE_MAP,
      target,
    );
    expect(plan.images.map((i) => i.name)).toEqual(['operator']);
    expect(plan.testCommands).toEqual([OPERATOR_TESTS]);
  });

  test('a subject service file rebuilds the worker', () => {
    const plan = planImages(
      [modified('subjects/chat-db-app/service/app.py')],
      DEFAULT_IMAGE_MAP,
      target,
    );
    expect(plan.images.map((i) => [i.name, i.tag, i.dockerfile])).toEqual([
      ['worker', 'us-central1-docker.pkg.dev/my-project/eval/worker:abc1234', 'eval/Dockerfile'],
    ]);
    expect(plan.images[0]!.reasons).toEqual([
      'subjects/chat-db-app/service/app.py (modified) matches subjects/*/service/**',
    ]);
  });

  test('eval/Dockerfile rebuilds the worker; each Dockerfile is a trigger of its image', () => {
    expect(names([modified('eval/Dockerfile')])).toEqual(['worker']);
    const plan = planImages(
      [modified('subjects/tikv/Dockerfile.operator')],
      DEFAULT_IMAGE_MAP,
      target,
    );
    expect(plan.images.map((i) => i.name)).toEqual(['operator']);
    expect(plan.images[0]!.reasons).toEqual([
      'subjects/tikv/Dockerfile.operator (modified) matches subjects/tikv/Dockerfile.operator',
    ]);
  });

  test('eval source rebuilds the worker and runs the eval tests', () => {
    const plan = planImages(
      [modified('eval/src/eval/runner/worker.py')],
      DEFAULT_IMAGE_MAP,
      target,
    );
    expect(plan.images.map((i) => i.name)).toEqual(['worker']);
    expect(plan.testCommands).toEqual([EVAL_TESTS]);
  });

  test('a rename across images counts the old and the new path: both rebuild', () => {
    const plan = planImages(
      [
        {
          filename: 'eval/src/eval/shared/util.py',
          previous_filename: 'packages/operator-core/src/operator_core/util.py',
          status: 'renamed',
        },
      ],
      DEFAULT_IMAGE_MAP,
      target,
    );
    expect(plan.images.map((i) => i.name)).toEqual(['operator', 'worker']);
    expect(plan.images[0]!.reasons).toEqual([
      'packages/operator-core/src/operator_core/util.py (renamed to eval/src/eval/shared/util.py) matches packages/operator-core/**',
    ]);
    expect(plan.images[1]!.reasons).toEqual([
      'eval/src/eval/shared/util.py (renamed from packages/operator-core/src/operator_core/util.py) matches eval/src/**',
    ]);
    expect(plan.testCommands).toEqual([OPERATOR_TESTS, EVAL_TESTS]);
  });

  test('a file renamed out of an image into docs still rebuilds that image', () => {
    expect(
      names([
        {
          filename: 'docs/old-observer.md',
          previous_filename: 'subjects/tikv/observer/README.md',
          status: 'renamed',
        },
      ]),
    ).toEqual(['operator']);
  });

  test('deletions count', () => {
    const plan = planImages(
      [{ filename: 'subjects/tikv/observer/src/tikv_observer/old.py', status: 'removed' }],
      DEFAULT_IMAGE_MAP,
      target,
    );
    expect(plan.images.map((i) => i.name)).toEqual(['operator']);
    expect(plan.images[0]!.reasons[0]).toContain('(removed)');
  });

  test('dot files match (dot: true)', () => {
    expect(names([modified('eval/src/.hidden/config.toml')])).toEqual(['worker']);
    expect(names([modified('packages/operator-core/.env.example')])).toEqual(['operator']);
  });

  test('a docs-only change plans nothing and says so', () => {
    const plan = planImages(
      [modified('README.md'), modified('docs/guide.md'), modified('eval/README.md')],
      DEFAULT_IMAGE_MAP,
      target,
    );
    expect(plan.images).toEqual([]);
    expect(plan.summary).toBe(
      "3 changed files, none under an image's source paths: no images to rebuild. 1 test command to run.",
    );
    // eval/README.md is in the eval package, so its tests still run; plain docs run nothing.
    expect(planImages([modified('docs/guide.md')], DEFAULT_IMAGE_MAP, target)).toEqual({
      images: [],
      testCommands: [],
      summary: "1 changed file, none under an image's source paths: no images to rebuild.",
    });
  });

  test('an empty change set plans nothing and says so', () => {
    expect(planImages([], DEFAULT_IMAGE_MAP, target)).toEqual({
      images: [],
      testCommands: [],
      summary: 'No changed files: no images to rebuild.',
    });
  });

  test('both images, deterministic order whatever the input order', () => {
    const files = [
      modified('subjects/tikv/service/docker-compose.yaml'),
      modified('eval/src/eval/cli.py'),
      modified('subjects/tikv/observer/src/tikv_observer/invariants.py'),
      modified('packages/operator-core/src/a.py'),
    ];
    const plan = planImages(files, DEFAULT_IMAGE_MAP, target);
    const reversed = planImages([...files].reverse(), DEFAULT_IMAGE_MAP, target);
    expect(reversed).toEqual(plan);
    expect(plan.images.map((i) => i.name)).toEqual(['operator', 'worker']);
    expect(plan.images[0]!.reasons).toEqual([
      'packages/operator-core/src/a.py (modified) matches packages/operator-core/**',
      'subjects/tikv/observer/src/tikv_observer/invariants.py (modified) matches subjects/*/observer/**',
    ]);
    expect(plan.images[1]!.reasons).toEqual([
      'eval/src/eval/cli.py (modified) matches eval/src/**',
      'subjects/tikv/service/docker-compose.yaml (modified) matches subjects/*/service/**',
    ]);
    expect(plan.testCommands).toEqual([OPERATOR_TESTS, OBSERVER_TESTS, EVAL_TESTS]);
    expect(plan.summary).toBe(
      '2 images to rebuild at abc1234: operator (2 paths), worker (2 paths). 3 test commands to run.',
    );
  });

  test('reasons are capped, the summary still counts every path', () => {
    const files = Array.from({ length: 30 }, (_, i) =>
      modified(`eval/src/eval/m${String(i).padStart(2, '0')}.py`),
    );
    const plan = planImages(files, DEFAULT_IMAGE_MAP, { ...target, maxReasons: 5 });
    expect(plan.images[0]!.reasons).toHaveLength(6);
    expect(plan.images[0]!.reasons[5]).toBe('… and 25 more matching paths');
    expect(plan.summary).toContain('worker (30 paths)');
  });

  test('custom config: repository override and trailing slash on the registry', () => {
    const config: ImageMapConfig = {
      images: [
        {
          name: 'api',
          repository: 'team/api',
          dockerfile: 'api/Dockerfile',
          context: 'api',
          triggers: ['api/**'],
        },
      ],
      tests: [],
    };
    const plan = planImages([modified('api/main.go')], config, {
      registry: '127.0.0.1:5000/',
      shortSha: 'deadbee',
    });
    expect(plan.images[0]!.tag).toBe('127.0.0.1:5000/team/api:deadbee');
    expect(plan.images[0]!.context).toBe('api');
  });

  test('rejects a bad short SHA or registry, naming the field and value', () => {
    expect(() => planImages([], DEFAULT_IMAGE_MAP, { ...target, shortSha: 'ABC;rm' })).toThrow(
      /shortSha "ABC;rm"/,
    );
    expect(() =>
      planImages([], DEFAULT_IMAGE_MAP, { ...target, registry: 'https://gcr.io/x' }),
    ).toThrow(/registry "https:\/\/gcr.io\/x"/);
  });
});
