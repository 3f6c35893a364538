/**
 * The integration as the harness team pastes it: a throwaway repository laid out like
 * pikehouse/operator (eval/, subjects/tikv/, packages/operator-core/) gets docs/examples/*.yml in
 * .github/workflows/, and every caller is checked against this repository's reusable workflows
 * (inputs, secrets, outputs, permissions), for SHA pinning, by actionlint and by GitHub's own
 * parser (@actions/workflow-parser). README's "Use it in your repository" shows the same files.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_IMAGE_MAP } from '../../../src/core/image-plan.js';
import {
  checkReusableWorkflowCalls,
  checkWorkflow,
  formatFindings,
  runActionlint,
  usesOf,
} from '../../support/workflow-lint.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const THIS_REPOSITORY = 'OWNER/iterate-campaign';
const EXAMPLES = readdirSync(join(ROOT, 'docs/examples'))
  .filter((name) => name.endsWith('.yml'))
  .sort();
const REUSABLE = readdirSync(join(ROOT, '.github/workflows'))
  .filter((name) => /\.ya?ml$/.test(name))
  .filter((name) =>
    readFileSync(join(ROOT, '.github/workflows', name), 'utf8').includes('workflow_call:'),
  )
  .sort();

let harness: string;

/** The harness layout the workflows rely on: Dockerfiles of the default image map, config, campaigns. */
const HARNESS_FILES: Record<string, string> = {
  'eval/Dockerfile': 'FROM python:3.12-slim\n',
  'eval/pyproject.toml': '[project]\nname = "eval"\n',
  'eval/campaigns/operations/tikv-all-chaos-cloud.yaml': readFileSync(
    join(ROOT, 'campaigns/tikv-all-chaos-cloud.yaml'),
    'utf8',
  ),
  'subjects/tikv/Dockerfile.operator': 'FROM python:3.12-slim\n',
  'subjects/tikv/observer/__init__.py': '',
  'packages/operator-core/pyproject.toml': '[project]\nname = "operator-core"\n',
  '.github/iterate-campaign.yml': 'retry:\n  dir: eval/campaigns/debug\n',
};

beforeAll(() => {
  harness = mkdtempSync(join(tmpdir(), 'iterate-campaign-harness-'));
  for (const [path, text] of Object.entries(HARNESS_FILES)) {
    mkdirSync(dirname(join(harness, path)), { recursive: true });
    writeFileSync(join(harness, path), text);
  }
  mkdirSync(join(harness, '.github/workflows'), { recursive: true });
  for (const name of EXAMPLES) {
    cpSync(join(ROOT, 'docs/examples', name), join(harness, '.github/workflows', name));
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: harness, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'harness');
});

afterAll(() => {
  if (harness) rmSync(harness, { recursive: true, force: true });
});

const callerText = (name: string) => readFileSync(join(harness, '.github/workflows', name), 'utf8');
const readThisRepository = (path: string) => {
  try {
    return readFileSync(join(ROOT, path), 'utf8');
  } catch {
    return undefined;
  }
};
const readHarness = (path: string) => {
  try {
    return readFileSync(join(harness, path), 'utf8');
  } catch {
    return undefined;
  }
};

function parserErrors(name: string, text: string): Promise<string[]> {
  const result = parseWorkflow({ name, content: text }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (!result.value) return Promise.resolve(errors);
  return convertWorkflowTemplate(result.context, result.value).then(() => [
    ...errors,
    ...result.context.errors.getErrors().map((e) => e.message),
  ]);
}

describe('adopting from a harness repository', () => {
  it('the examples are the scheduled analysis, the merge path and the reconcile cron', () => {
    expect(EXAMPLES).toEqual(['on-merge.yml', 'reconcile.yml', 'scheduled-analysis.yml']);
    expect(REUSABLE).toEqual(
      expect.arrayContaining([
        'campaign-analyze.yml',
        'campaign-reconcile.yml',
        'campaign-report.yml',
        'campaign-retry.yml',
        'on-merge.yml',
      ]),
    );
  });

  it('the harness has what the default image map builds', () => {
    for (const image of DEFAULT_IMAGE_MAP.images)
      expect(readHarness(image.dockerfile), image.dockerfile).toBeDefined();
  });

  describe.each(EXAMPLES)('.github/workflows/%s', (name) => {
    it("calls this repository's reusable workflows, pinned to a full commit SHA", () => {
      const workflow = parse(callerText(name)) as Record<string, unknown>;
      const refs = usesOf(workflow);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref.uses).toMatch(
          new RegExp(`^${THIS_REPOSITORY}/\\.github/workflows/[\\w-]+\\.yml@[0-9a-f]{40}$`),
        );
      }
      expect(formatFindings(checkWorkflow(callerText(name), name))).toBe('');
    });

    it('pins a commit of this repository that holds the called workflow (full clones)', () => {
      const git = (...args: string[]) =>
        execFileSync('git', args, { cwd: ROOT, stdio: 'pipe' }).toString().trim();
      const shallow = git('rev-parse', '--is-shallow-repository') === 'true';
      for (const ref of usesOf(parse(callerText(name)) as Record<string, unknown>)) {
        const [path, sha] = ref.uses.slice(THIS_REPOSITORY.length + 1).split('@');
        // A shallow clone (CI's default checkout) lacks older commits; the format is checked above.
        if (!shallow) expect(() => git('cat-file', '-e', `${sha}:${path}`), ref.uses).not.toThrow();
      }
    });

    it('passes inputs, secrets and outputs the callee declares, with permissions covering its jobs', () => {
      const findings = checkReusableWorkflowCalls(callerText(name), name, readHarness, {
        repository: THIS_REPOSITORY,
        read: readThisRepository,
      });
      expect(formatFindings(findings)).toBe('');
    });

    it('passes actionlint', async () => {
      const findings = await runActionlint(callerText(name), `.github/workflows/${name}`);
      expect(formatFindings(findings.map((f) => ({ ...f, file: name })))).toBe('');
    });

    it("passes GitHub's workflow parser", async () => {
      expect(await parserErrors(name, callerText(name))).toEqual([]);
    });
  });

  describe.each(REUSABLE)('reusable .github/workflows/%s', (name) => {
    const text = readFileSync(join(ROOT, '.github/workflows', name), 'utf8');

    it("passes GitHub's workflow parser", async () => {
      expect(await parserErrors(name, text)).toEqual([]);
    });

    it('runs this action only from its own checkout at job.workflow_sha, never from the caller', () => {
      const workflow = parse(text) as Record<string, unknown>;
      const local = usesOf(workflow).filter((ref) => ref.uses.startsWith('./'));
      for (const ref of local) {
        expect(ref.uses, ref.where).toMatch(
          /^\.\/(\.iterate-campaign\/[a-z]+|\.github\/workflows\/[\w-]+\.yml)$/,
        );
      }
      const jobs = Object.values(
        (workflow.jobs ?? {}) as Record<string, { steps?: { uses?: string; with?: object }[] }>,
      );
      for (const job of jobs) {
        const steps = job.steps ?? [];
        const actionAt = steps.findIndex((s) => s.uses?.startsWith('./.iterate-campaign/'));
        if (actionAt < 0) continue;
        const self = steps.findIndex(
          (s) =>
            s.uses?.startsWith('actions/checkout@') &&
            JSON.stringify(s.with).includes('job.workflow_sha') &&
            JSON.stringify(s.with).includes('.iterate-campaign'),
        );
        expect(self, 'checkout of job.workflow_repository@job.workflow_sha').toBeGreaterThanOrEqual(
          0,
        );
        expect(self).toBeLessThan(actionAt);
      }
    });
  });

  it('the checks fail on a wrong caller: unknown input, missing secret, undeclared output, narrow permissions, bad syntax', async () => {
    const wrong = callerText('on-merge.yml')
      .replace('gcp-project:', 'gcp-projekt:')
      .replace(/^ {6}EVAL_DATABASE_URL: .*\n/m, '')
      .replace('      issues: write\n', '      issues: read\n')
      .concat(
        '  after:\n    needs: on-merge\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    steps:\n      - env:\n          V: ${{ needs.on-merge.outputs.no-such-output }}\n        run: echo "$V"\n',
      );
    const findings = checkReusableWorkflowCalls(wrong, 'on-merge.yml', readHarness, {
      repository: THIS_REPOSITORY,
      read: readThisRepository,
    }).map((f) => f.message);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('input "gcp-projekt" is not declared'),
        expect.stringContaining('required secret "EVAL_DATABASE_URL"'),
        expect.stringContaining('output "no-such-output" is not declared'),
        expect.stringContaining('requests issues: write'),
      ]),
    );
    expect(
      await parserErrors('bad.yml', 'on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n'),
    ).not.toEqual([]);
  });

  it('README "Use it in your repository" shows exactly the example files', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('## Use it in your repository');
    expect(start).toBeGreaterThanOrEqual(0);
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.sort()).toEqual(
      EXAMPLES.map((name) => readFileSync(join(ROOT, 'docs/examples', name), 'utf8')).sort(),
    );
  });
});
