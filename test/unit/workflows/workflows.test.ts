import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkReusableWorkflowCalls,
  checkWorkflow,
  formatFindings,
  runActionlint,
  untrustedContextsIn,
  usesOf,
  type Finding,
  type RuleId,
} from '../../support/workflow-lint.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const WORKFLOW_DIRS = ['.github/workflows', 'docs/examples'];

function workflowFiles(): string[] {
  return WORKFLOW_DIRS.flatMap((dir) =>
    existsSync(join(ROOT, dir))
      ? readdirSync(join(ROOT, dir))
          .filter((name) => /\.ya?ml$/.test(name))
          .sort()
          .map((name) => `${dir}/${name}`)
      : [],
  );
}

function readRepoFile(path: string): string | undefined {
  const full = join(ROOT, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

/**
 * actionlint decides what a file is from its path. Examples are meant to be pasted into
 * .github/workflows/, so they are linted under that path: `uses: ./.github/workflows/x.yml` is
 * relative to the repository root either way. (The WASM build resolves no local file at all, so
 * this changes no result today; checkReusableWorkflowCalls covers those calls instead.)
 */
function actionlintPath(file: string): string {
  return file.startsWith('docs/examples/') ? `.github/workflows/${basename(file)}` : file;
}

const rules = (findings: readonly Finding[]): RuleId[] => [...new Set(findings.map((f) => f.rule))];

const FILES = workflowFiles();

describe('workflow files', () => {
  it('include the CI, the reusable analyze workflow and the scheduled example', () => {
    expect(FILES).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/campaign-analyze.yml',
        'docs/examples/scheduled-analysis.yml',
      ]),
    );
  });

  describe.each(FILES)('%s', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');

    it('passes actionlint', async () => {
      const findings = await runActionlint(text, actionlintPath(file));
      expect(formatFindings(findings.map((f) => ({ ...f, file })))).toBe('');
    });

    it('passes the hardening checks (injection, pinning, permissions, checkout, triggers, secrets, timeouts)', () => {
      expect(formatFindings(checkWorkflow(text, file))).toBe('');
    });

    it('calls local reusable workflows with declared inputs, required secrets and enough permissions', () => {
      expect(formatFindings(checkReusableWorkflowCalls(text, file, readRepoFile))).toBe('');
    });

    it('pins actions/checkout and actions/setup-node to releases that run on Node 24 (v5+)', () => {
      const lines = text.split('\n');
      for (const line of lines.filter((l) => /uses:\s*actions\/(checkout|setup-node)@/.test(l))) {
        const major = /#\s*v(\d+)/.exec(line)?.[1];
        expect(Number(major), line).toBeGreaterThanOrEqual(5);
      }
    });
  });
});

describe('campaign-analyze.yml contract', () => {
  const workflow = parse(
    readFileSync(join(ROOT, '.github/workflows/campaign-analyze.yml'), 'utf8'),
  );
  const call = workflow.on.workflow_call;

  it('mirrors the action inputs with the documented defaults', () => {
    expect(call.inputs['campaign-id'].default).toBe('latest');
    expect(call.inputs['target-win-rate'].default).toBe('90');
    expect(call.inputs.output.default).toBe('issue');
    expect(call.inputs['dry-run']).toMatchObject({ type: 'boolean', default: false });
    for (const name of ['campaign-name', 'operator-image', 'retry-dir', 'labels', 'config']) {
      expect(call.inputs[name]?.type, name).toBe('string');
    }
  });

  it('requires EVAL_DATABASE_URL and exposes the analysis outputs', () => {
    expect(call.secrets.EVAL_DATABASE_URL.required).toBe(true);
    expect(Object.keys(call.outputs).sort()).toEqual(
      [
        'campaign-id',
        'failing-chaos-types',
        'issue-number',
        'meets-target',
        'pr-number',
        'retry-campaign-path',
        'win-rate',
      ].sort(),
    );
  });

  it("checks the caller out with its history, so invariants are read at the campaign's commit", () => {
    for (const id of ['analyze', 'analyze-pr']) {
      const steps = workflow.jobs[id].steps as { uses?: string; with?: Record<string, unknown> }[];
      const caller = steps.find(
        (s) => s.uses?.startsWith('actions/checkout@') && !s.with?.repository,
      );
      expect(caller?.with?.['fetch-depth'], id).toBe(0);
    }
  });

  it('grants pull-request scopes only to the PR-mode job, and never cancels a running analysis', () => {
    expect(workflow.jobs.analyze.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow.jobs['analyze-pr'].permissions).toMatchObject({
      contents: 'write',
      'pull-requests': 'write',
    });
    for (const job of Object.values<{ concurrency: { 'cancel-in-progress': boolean } }>(
      workflow.jobs,
    )) {
      expect(job.concurrency['cancel-in-progress']).toBe(false);
    }
  });
});

describe('ci.yml contract', () => {
  const steps: {
    name?: string;
    run?: string;
    uses?: string;
    if?: string;
    with?: Record<string, unknown>;
  }[] = parse(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')).jobs.test.steps;
  const index = (match: (s: (typeof steps)[number]) => boolean) => steps.findIndex(match);

  it('installs the system packages (chromium included) with the script before the tests', () => {
    const install = index((s) => Boolean(s.run?.includes('.ci/install-system-deps.sh')));
    const test = index((s) => s.run?.trim() === 'npm test');
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(test);
    const script = readFileSync(join(ROOT, '.ci/install-system-deps.sh'), 'utf8');
    expect(script).toMatch(/packages\+=\(chromium\b/);
  });

  it('uploads the browser screenshots after the tests, whether they passed or not', () => {
    const test = index((s) => s.run?.trim() === 'npm test');
    const upload = index((s) => Boolean(s.uses?.startsWith('actions/upload-artifact@')));
    expect(upload).toBeGreaterThan(test);
    expect(steps[upload]!.uses).toBe(
      'actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f',
    );
    expect(steps[upload]!.if).toBe('always()');
    // Where test/browser/render.test.ts writes them.
    expect(steps[upload]!.with?.path).toBe('test-results/browser/');
  });
});

// ---------------------------------------------------------------------------------------------
// Negative tests: each rule fires on a small bad workflow, and not on its fixed version.

const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';

function workflowWith(steps: string, extra = ''): string {
  return `on: push
permissions:
  contents: read
${extra}jobs:
  build:
    runs-on: ubuntu-24.04
    timeout-minutes: 10
    steps:
${steps}`;
}

const GOOD = workflowWith(`      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: echo "$TITLE" "\${{ github.sha }}" "\${{ github.event_name }}"
`);

describe('checkWorkflow', () => {
  it('accepts a hardened workflow', () => {
    expect(checkWorkflow(GOOD)).toEqual([]);
  });

  it.each([
    ['github.event.*', 'echo "${{ github.event.pull_request.title }}"'],
    ['github.event.* (bracket)', 'echo "${{ github[\'event\'].issue.body }}"'],
    ['github.head_ref', 'git checkout "${{ github.head_ref }}"'],
    ['inputs.*', 'echo ${{ inputs.campaign-id }}'],
    ['github.event.inputs', 'echo ${{ github.event.inputs.target }}'],
    ['steps.*.outputs', 'echo ${{ steps.analyze.outputs.win-rate }}'],
    ['needs.*.outputs', 'echo ${{needs.build.outputs.path}}'],
    ['toJSON(github)', "echo '${{ toJSON(github) }}'"],
  ])('flags %s inside run:', (_name, script) => {
    const bad = workflowWith(`      - run: ${JSON.stringify(script)}\n`);
    expect(rules(checkWorkflow(bad))).toEqual(['untrusted-expression-in-run']);
  });

  it('flags an untrusted expression in a multi-line script and in github-script', () => {
    const bad = workflowWith(`      - run: |
          set -eu
          echo "\${{ github.event.comment.body }}"
      - uses: actions/github-script@0123456789abcdef0123456789abcdef01234567 # v0.0.0 (fixture)
        with:
          script: console.log("\${{ inputs.labels }}")
`);
    const findings = checkWorkflow(bad);
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ['untrusted-expression-in-run', 9],
      ['untrusted-expression-in-run', 14],
    ]);
  });

  it('matches contexts only inside ${{ }}', () => {
    expect(untrustedContextsIn('echo "$INPUTS" github.event.x')).toEqual([]);
    expect(untrustedContextsIn('echo ${{ github.event_name }} ${{ env.inputs }}')).toEqual([]);
    expect(untrustedContextsIn('echo ${{ github.head_ref')).toEqual(['github.head_ref']);
  });

  it.each([
    ['a tag', 'actions/setup-node@v5'],
    ['a branch', 'actions/setup-node@main'],
    ['a short SHA', 'actions/setup-node@8207627'],
    ['no ref', 'actions/setup-node'],
    ['a docker tag', 'docker://alpine:3.20'],
  ])('flags a remote action pinned to %s', (_name, uses) => {
    const bad = workflowWith(`      - uses: ${uses}\n`);
    expect(rules(checkWorkflow(bad))).toEqual(['unpinned-action']);
  });

  it('flags an unpinned reusable workflow call and accepts local references', () => {
    const bad = `on: push
permissions: {}
jobs:
  call:
    uses: octo/iterate-campaign/.github/workflows/campaign-analyze.yml@v1
  local:
    uses: ./.github/workflows/campaign-analyze.yml
`;
    const findings = checkWorkflow(bad);
    expect(findings.map((f) => [f.rule, f.line])).toEqual([['unpinned-action', 5]]);
  });

  it('wants a version comment next to a SHA', () => {
    const bad = workflowWith(
      '      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020\n',
    );
    expect(rules(checkWorkflow(bad))).toEqual(['missing-version-comment']);
  });

  it.each([
    ['missing', GOOD.replace('permissions:\n  contents: read\n', '')],
    ['write-all', GOOD.replace('permissions:\n  contents: read\n', 'permissions: write-all\n')],
    ['a write scope', GOOD.replace('  contents: read\n', '  contents: read\n  issues: write\n')],
  ])('flags top-level permissions: %s', (_name, bad) => {
    expect(rules(checkWorkflow(bad))).toEqual(['top-level-permissions']);
  });

  it('accepts `permissions: {}` and read-all at the top level', () => {
    for (const top of ['permissions: {}\n', 'permissions: read-all\n']) {
      expect(checkWorkflow(GOOD.replace('permissions:\n  contents: read\n', top))).toEqual([]);
    }
  });

  it.each([
    ['without with:', `      - uses: ${CHECKOUT}\n`],
    [
      'with persist-credentials: true',
      `      - uses: ${CHECKOUT}\n        with:\n          persist-credentials: true\n`,
    ],
  ])('flags actions/checkout %s', (_name, steps) => {
    expect(rules(checkWorkflow(workflowWith(steps)))).toEqual(['checkout-persist-credentials']);
  });

  it.each([
    ['a string', 'on: pull_request_target\n'],
    ['a list', 'on: [push, pull_request_target]\n'],
    ['a mapping', 'on:\n  pull_request_target:\n    types: [closed]\n'],
  ])('flags pull_request_target given as %s', (_name, on) => {
    expect(rules(checkWorkflow(GOOD.replace('on: push\n', on)))).toEqual(['pull-request-target']);
  });

  it('flags secrets: inherit', () => {
    const bad = `on: push
permissions: {}
jobs:
  call:
    permissions:
      contents: read
    uses: ./.github/workflows/campaign-analyze.yml
    secrets: inherit
`;
    expect(rules(checkWorkflow(bad))).toEqual(['secrets-inherit']);
  });

  it.each([
    ['missing', GOOD.replace('    timeout-minutes: 10\n', '')],
    ['above 360', GOOD.replace('timeout-minutes: 10', 'timeout-minutes: 400')],
    ['zero', GOOD.replace('timeout-minutes: 10', 'timeout-minutes: 0')],
    ['an expression', GOOD.replace('timeout-minutes: 10', 'timeout-minutes: ${{ inputs.t }}')],
  ])('flags a job timeout that is %s', (_name, bad) => {
    expect(rules(checkWorkflow(bad))).toEqual(['job-timeout']);
  });

  it('reports YAML errors instead of throwing', () => {
    expect(rules(checkWorkflow('on: push\njobs: [\n'))).toEqual(['yaml-syntax']);
    expect(rules(checkWorkflow('on: push\non: push\n'))).toEqual(['yaml-syntax']);
  });

  it('lists every uses: of a workflow', () => {
    expect(usesOf(parse(GOOD)).map((u) => u.uses)).toEqual([CHECKOUT.split(' ')[0]]);
  });
});

describe('checkReusableWorkflowCalls', () => {
  const CALLEE = `on:
  workflow_call:
    inputs:
      campaign-id: { type: string, default: latest }
      dry-run: { type: boolean, default: false }
      must: { type: string, required: true }
    secrets:
      EVAL_DATABASE_URL: { required: true }
permissions:
  contents: read
jobs:
  a:
    permissions: { contents: read, issues: write }
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps: [{ run: echo }]
  b:
    permissions: { contents: write, pull-requests: write }
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps: [{ run: echo }]
`;
  const files: Record<string, string> = { '.github/workflows/callee.yml': CALLEE };
  const read = (path: string) => files[path];
  const caller = (job: string) =>
    `on: push\npermissions: {}\njobs:\n  call:\n    uses: ./.github/workflows/callee.yml\n${job}`;
  const GOOD_JOB = `    permissions: { contents: write, issues: write, pull-requests: write }
    with:
      must: x
      dry-run: true
      campaign-id: \${{ inputs.id || 'latest' }}
    secrets:
      EVAL_DATABASE_URL: \${{ secrets.EVAL_DATABASE_URL }}
`;

  it('accepts a matching call', () => {
    expect(checkReusableWorkflowCalls(caller(GOOD_JOB), 'caller.yml', read)).toEqual([]);
  });

  it.each([
    [
      'an undeclared input',
      GOOD_JOB.replace('must: x', 'must: x\n      bogus: 1'),
      /"bogus" is not declared/,
    ],
    ['a missing required input', GOOD_JOB.replace('      must: x\n', ''), /required input "must"/],
    ['a string for a boolean', GOOD_JOB.replace('dry-run: true', 'dry-run: "yes"'), /boolean/],
    [
      'a missing required secret',
      GOOD_JOB.replace(/ {4}secrets:\n.*\n/, ''),
      /required secret "EVAL_DATABASE_URL"/,
    ],
    [
      'an undeclared secret',
      GOOD_JOB.replace('EVAL_DATABASE_URL: $', 'OTHER: $'),
      /"OTHER" is not declared/,
    ],
    [
      'too few permissions',
      GOOD_JOB.replace(', pull-requests: write', ''),
      /job "b" requests pull-requests: write/,
    ],
    [
      'a job that falls back to `permissions: {}`',
      GOOD_JOB.replace(/ {4}permissions:.*\n/, ''),
      /job "a" requests contents: read/,
    ],
  ])('flags %s', (_name, job, message) => {
    const findings = checkReusableWorkflowCalls(caller(job), 'caller.yml', read);
    expect(rules(findings)).toEqual(['reusable-call']);
    expect(formatFindings(findings)).toMatch(message);
  });

  it('flags a call that grants no permissions anywhere (the repository default applies)', () => {
    const text = caller(GOOD_JOB.replace(/ {4}permissions:.*\n/, '')).replace(
      'permissions: {}\n',
      '',
    );
    expect(formatFindings(checkReusableWorkflowCalls(text, 'caller.yml', read))).toMatch(
      /declares no permissions/,
    );
  });

  it('flags a callee that does not exist or is not reusable', () => {
    const missing = caller(GOOD_JOB).replace('callee.yml', 'nope.yml');
    expect(formatFindings(checkReusableWorkflowCalls(missing, 'c.yml', read))).toMatch(
      /does not exist/,
    );
    const notReusable = (p: string) =>
      p.endsWith('callee.yml') ? 'on: push\njobs: {}\n' : undefined;
    expect(
      formatFindings(checkReusableWorkflowCalls(caller(GOOD_JOB), 'c.yml', notReusable)),
    ).toMatch(/no workflow_call trigger/);
  });
});

describe('runActionlint', () => {
  it('is live: reports injection, bad cron, unknown permission scopes and YAML errors', async () => {
    const bad = `on:
  schedule:
    - cron: "61 * * * *"
permissions:
  pull-request: write
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "\${{ github.head_ref }}"
`;
    const messages = (await runActionlint(bad, '.github/workflows/bad.yml')).map((f) => f.message);
    expect(messages.join('\n')).toMatch(/github\.head_ref.*potentially untrusted/);
    expect(messages.join('\n')).toMatch(/invalid CRON format/);
    expect(messages.join('\n')).toMatch(/unknown permission scope "pull-request"/);
    const syntax = await runActionlint('on: push\njobs: [\n', '.github/workflows/broken.yml');
    expect(syntax.map((f) => f.kind)).toContain('syntax-check');
  });
});
