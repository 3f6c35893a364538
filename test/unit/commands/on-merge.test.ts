/** Pure decisions of plan, build, retry and worker, and their input validation (no I/O). */
import { describe, expect, test } from 'vitest';
import { pinned, retagged } from '../../../src/commands/build.js';
import { parseImagesJson } from '../../../src/images/planned-images.js';
import type { CommandIO } from '../../../src/commands/command.js';
import { parseSha } from '../../../src/commands/common-inputs.js';
import { parseDigests, retryCommand } from '../../../src/commands/retry.js';
import { parseOperatorImage } from '../../../src/images/image-ref.js';
import { planFromChanges } from '../../../src/loop/plan-images.js';
import { retryPath, workerIndexes } from '../../../src/loop/retry.js';
import {
  fillTemplate,
  splitCommandLine,
  workerCommand,
  workerIdOf,
  DEFAULT_WORKER_COMMAND,
} from '../../../src/commands/worker.js';
import { parseProjectConfig } from '../../../src/core/config.js';
import { InputError } from '../../../src/core/inputs.js';
import { inputSource, recordingIO } from '../../support/command-io.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const DIGEST = `sha256:${'e'.repeat(64)}`;

function io(env: NodeJS.ProcessEnv = {}): CommandIO {
  return recordingIO({ env, cwd: '/repo' }).io;
}

describe('worker command line', () => {
  test('splits like a shell without expanding, keeps quoted words whole', () => {
    expect(splitCommandLine('f', `uv run eval worker start --id='c 1' "--x=a\\"b" a\\ b`)).toEqual([
      'uv',
      'run',
      'eval',
      'worker',
      'start',
      '--id=c 1',
      '--x=a"b',
      'a b',
    ]);
    expect(splitCommandLine('f', DEFAULT_WORKER_COMMAND)).toHaveLength(9);
  });

  test('refuses shell operators, unterminated quotes and empty commands', () => {
    expect(() => splitCommandLine('worker-command', 'cd eval && uv run eval worker start')).toThrow(
      /'&&' — the command runs without a shell/,
    );
    expect(() => splitCommandLine('worker-command', 'uv "run')).toThrow(/unterminated " quote/);
    expect(() => splitCommandLine('worker-command', '   ')).toThrow(/empty command/);
  });

  test('placeholders are filled inside words, so a value never becomes extra arguments', () => {
    const words = splitCommandLine('f', DEFAULT_WORKER_COMMAND);
    const argv = fillTemplate(words, { CID: '42', i: '3', image: 'r.io/p/operator:abc --evil' });
    expect(argv).toEqual([
      'uv',
      'run',
      'eval',
      'worker',
      'start',
      '--cloud=gcp',
      '--id=c42-3',
      '--campaign=42',
      '--operator-image=r.io/p/operator:abc --evil',
    ]);
    expect(workerIdOf(42, 3)).toBe('c42-3');
    expect(() => fillTemplate(words, { CID: '1', i: '1', image: '' })).toThrow(/No operator image/);
    expect(fillTemplate(['run', '<CID>'], { CID: '1', i: '1', image: '' })).toEqual(['run', '1']);
  });

  test('worker inputs are validated before anything runs', () => {
    const parse = (values: Record<string, string>) =>
      workerCommand.parse(
        inputSource({ 'database-url': 'postgresql://u:p@h/db', ...values }),
        io(),
      );
    expect(() => parse({})).toThrow(/Missing retry-campaign-id/);
    expect(() => parse({ 'retry-campaign-id': '12abc' })).toThrow(
      /Invalid retry-campaign-id: '12abc'/,
    );
    expect(() => parse({ 'retry-campaign-id': '5', 'worker-index': '-1' })).toThrow(
      /Invalid worker-index/,
    );
    expect(() => parse({ 'retry-campaign-id': '5', 'operator-image': 'not an image' })).toThrow(
      InputError,
    );
    expect(parse({ 'retry-campaign-id': '5', 'worker-index': '2' })).toMatchObject({
      campaignId: 5,
      workerIndex: 2,
    });
  });
});

describe('build inputs', () => {
  const entry = {
    name: 'worker',
    dockerfile: 'eval/Dockerfile',
    context: '.',
    platform: 'linux/amd64',
    tag: 'r.io/p/eval/worker:abc1234',
  };

  test('a list or one matrix entry; platform defaults to linux/amd64', () => {
    expect(parseImagesJson(JSON.stringify([entry]))).toEqual([entry]);
    const { platform: _platform, ...noPlatform } = entry;
    expect(parseImagesJson(JSON.stringify(noPlatform))).toEqual([entry]);
  });

  test('names the field of each problem', () => {
    expect(() => parseImagesJson('{')).toThrow(/Invalid images: not JSON/);
    expect(() => parseImagesJson(JSON.stringify([{ ...entry, platform: 'linux/arm64' }]))).toThrow(
      /images\[0\]\.platform/,
    );
    expect(() =>
      parseImagesJson(JSON.stringify([{ ...entry, dockerfile: '/etc/passwd' }])),
    ).toThrow(/images\[0\]\.dockerfile/);
    expect(() => parseImagesJson(JSON.stringify([{ ...entry, context: '--output=/tmp' }]))).toThrow(
      /images\[0\]\.context/,
    );
    expect(() => parseImagesJson(JSON.stringify([entry, entry]))).toThrow(/'worker' appears twice/);
    expect(() =>
      parseImagesJson(JSON.stringify([{ ...entry, tag: 'r.io/p/worker@sha256:x' }])),
    ).toThrow(/images\[0\]\.tag/);
  });

  test('a registry override keeps the planned tag and the configured repository', () => {
    expect(
      retagged(entry, '127.0.0.1:5000/x', [{ name: 'worker', repository: 'team/worker' }]).tag,
    ).toBe('127.0.0.1:5000/x/team/worker:abc1234');
    expect(pinned({ reference: entry.tag, digest: DIGEST })).toBe(`${entry.tag}@${DIGEST}`);
  });
});

describe('plan decisions', () => {
  const config = parseProjectConfig(undefined);

  test('an incomplete file list rebuilds every image and runs every suite, and says why', () => {
    const plan = planFromChanges(
      {
        files: [{ filename: 'docs/a.md', status: 'added' }],
        source: 'trees',
        complete: false,
        note: 'trees truncated',
      },
      config,
      'r.io/p/eval',
      SHA,
    );
    expect(plan.images.map((i) => i.tag)).toEqual([
      'r.io/p/eval/operator:0123456',
      'r.io/p/eval/worker:0123456',
    ]);
    expect(plan.testCommands).toHaveLength(3);
    expect(plan.summary).toContain('trees truncated; rebuilding every image');
  });

  test('an empty plan needs no registry; a non-empty one does', () => {
    const docs = {
      files: [{ filename: 'docs/a.md', status: 'added' }],
      source: 'pull-files' as const,
      complete: true,
      note: '1 file',
    };
    expect(planFromChanges(docs, config, undefined, SHA).images).toEqual([]);
    const code = { ...docs, files: [{ filename: 'eval/src/eval/cli.py', status: 'modified' }] };
    expect(() => planFromChanges(code, config, undefined, SHA)).toThrow(/No registry for worker/);
  });

  test('SHAs are full hex, lowercased', () => {
    expect(parseSha('merge-sha', SHA.toUpperCase())).toBe(SHA);
    expect(() => parseSha('merge-sha', 'abc123')).toThrow(/Invalid merge-sha: 'abc123'/);
  });
});

describe('retry inputs', () => {
  test('digests from build: a name map or the build job outputs as JSON', () => {
    expect(parseDigests(JSON.stringify({ operator: DIGEST }))).toEqual({ operator: DIGEST });
    expect(
      parseDigests(
        JSON.stringify({
          'digest-operator': DIGEST,
          'digest-worker': '',
          'operator-image': 'r.io/x:y',
        }),
      ),
    ).toEqual({ operator: DIGEST });
    expect(() => parseDigests(JSON.stringify({ operator: 'sha256:short' }))).toThrow(
      /digests.operator/,
    );
    expect(() => parseDigests('[1]')).toThrow(/expected a JSON object/);
  });

  test('operator images may be pinned by digest, nothing else after @', () => {
    expect(parseOperatorImage('operator-image', `r.io/p/operator:abc@${DIGEST}`)).toBe(
      `r.io/p/operator:abc@${DIGEST}`,
    );
    expect(() => parseOperatorImage('operator-image', 'r.io/p/operator:abc@sha256:1')).toThrow(
      /digest/,
    );
    expect(() => parseOperatorImage('operator-image', 'operator')).toThrow(
      /Invalid operator-image/,
    );
  });

  test('the retry YAML stays inside the repository', () => {
    expect(retryPath('/repo', 'eval/campaigns/debug', 'x-retry-1')).toBe(
      '/repo/eval/campaigns/debug/x-retry-1.yaml',
    );
    expect(() => retryPath('/repo', '../elsewhere', 'x')).toThrow(/outside the repository/);
    expect(workerIndexes(3)).toEqual([1, 2, 3]);
  });

  test('GitHub is required unless both pr-number and campaign-id are given; the URL is masked at parse', () => {
    const context = io({ GITHUB_SHA: SHA });
    const parse = (values: Record<string, string>) =>
      retryCommand.parse(
        inputSource({ 'database-url': 'postgresql://u:s3cret@h/db', ...values }),
        context,
      );
    expect(() => parse({})).toThrow(/Missing github-token/);
    expect(parse({ 'pr-number': '4', 'campaign-id': '9' })).toMatchObject({
      prNumber: 4,
      campaignId: 9,
      viaCli: false,
    });
    expect(context.masker.mask('postgresql://u:s3cret@h/db')).not.toContain('s3cret');
    expect(() =>
      parse({ 'pr-number': '4', 'campaign-id': '9', 'trials-per-combination': '0' }),
    ).toThrow(/Invalid trials-per-combination/);
    expect(() => parse({ 'pr-number': '4', 'campaign-id': '9', 'via-cli': 'yes' })).toThrow(
      /Invalid via-cli/,
    );
  });
});

describe('config: images and retry keys', () => {
  test('defaults are upstream’s', () => {
    const config = parseProjectConfig(undefined);
    expect(config.images.registry).toBeUndefined();
    expect(config.images.map.images.map((i) => [i.name, i.dockerfile])).toEqual([
      ['operator', 'subjects/tikv/Dockerfile.operator'],
      ['worker', 'eval/Dockerfile'],
    ]);
    expect(config.retry).toMatchObject({
      includeBaseline: false,
      evalDirectory: 'eval',
      workerPollSeconds: 15,
      workerGraceSeconds: 30,
    });
  });

  test('an image map replaces the default; names are checked', () => {
    const config = parseProjectConfig(
      'images:\n  registry: r.io/p/eval\n  map:\n    - name: operator\n      dockerfile: ops/Dockerfile\n      triggers: ["ops/**"]\n',
    );
    expect(config.images.map.images).toEqual([
      { name: 'operator', dockerfile: 'ops/Dockerfile', context: '.', triggers: ['ops/**'] },
    ]);
    expect(config.images.map.tests.length).toBe(3);
    expect(() =>
      parseProjectConfig(
        'images:\n  map:\n    - name: Operator\n      dockerfile: x\n      triggers: []\n',
      ),
    ).toThrow(/images.map.0.name/);
    expect(() =>
      parseProjectConfig(
        'images:\n  map:\n    - {name: a, dockerfile: x, triggers: []}\n    - {name: a, dockerfile: y, triggers: []}\n',
      ),
    ).toThrow(/image names must be unique/);
    expect(() => parseProjectConfig('images:\n  colour: blue\n')).toThrow(/Unrecognized key/);
  });
});
