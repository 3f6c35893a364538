/**
 * The committed bundle run the way the Actions runner runs a `node24` action: `node dist/index.js`
 * with INPUT_* variables (action.yml defaults applied, `${{ github.token }}` resolved), the event
 * payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_API_URL at the GitHub emulator,
 * and an eval database on the real PostgreSQL test server reached with a password-protected role.
 *
 * Payloads come from @octokit/webhooks-examples. It has a workflow_dispatch example but no schedule
 * one (schedule is not a webhook); the schedule payload is that example's repository, organization
 * and sender plus the `schedule` key the runner adds.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diagnosisMarker } from '../../src/core/diagnosis-state.js';
import { createEmptyDatabase } from '../support/databases.js';
import { GITHUB_ACTIONS_BOT, useGitHubEmulator } from '../support/github-emulator/index.js';
import { seedDemoCampaign } from '../support/seed-campaign.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = join(ROOT, 'dist/index.js');
const OWNER = 'octo-org';
const REPO = 'octo-repo';
const SERIES = 'tikv-all-chaos-cloud';

const gh = useGitHubEmulator({ getUserWithInstallationToken: 'forbidden' });

interface WebhookExample {
  name: string;
  examples: Record<string, unknown>[];
}

function webhookExample(name: string): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const all = require('@octokit/webhooks-examples') as WebhookExample[];
  const example = all.find((e) => e.name === name)?.examples[0];
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${name} example`);
  return example;
}

function schedulePayload(): Record<string, unknown> {
  const { repository, organization, sender } = webhookExample('workflow_dispatch');
  return {
    schedule: '17 6 * * *',
    workflow: '.github/workflows/scheduled-analysis.yml',
    repository,
    organization,
    sender,
  };
}

/** action.yml defaults as the runner applies them, with `${{ github.token }}` resolved. */
async function actionDefaults(token: string): Promise<Record<string, string>> {
  const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default !== undefined)
      defaults[name] = input.default.replace('${{ github.token }}', token);
  }
  return defaults;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

async function runAction(
  event: { name: string; payload: Record<string, unknown> },
  inputs: Record<string, string>,
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'iterate-campaign-dist-'));
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    env: join(dir, 'env'),
    state: join(dir, 'state'),
    path: join(dir, 'path'),
  };
  await writeFile(files.event, JSON.stringify(event.payload));
  for (const file of [files.output, files.summary, files.env, files.state, files.path])
    await writeFile(file, '');
  const withDefaults = { ...(await actionDefaults(gh.token)), ...inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_PATH: files.path,
    GITHUB_WORKSPACE: dir,
    GITHUB_RUN_ID: '9001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    ...Object.fromEntries(
      Object.entries(withDefaults).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    ),
  };
  const { code, stdout, stderr } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    execFile(process.execPath, [BUNDLE], { env, cwd: dir, timeout: 50_000 }, (error, out, err) =>
      resolve({
        code: error ? ((error as { code?: number }).code ?? 1) : 0,
        stdout: out,
        stderr: err,
      }),
    );
  });
  const run = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
  };
  await rm(dir, { recursive: true, force: true });
  return run;
}

/** `name<<delimiter\nvalue\ndelimiter` entries, as @actions/core writes them. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** What the runner shows: workflow commands that register secrets are consumed, not logged. */
function visibleLog(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

let databaseUrl: string;
let password: string;
let campaignId: number;

/** A database owned by a role with its own password, seeded with the demo campaign. */
beforeAll(async () => {
  const adminUrl = await createEmptyDatabase('dist');
  const database = new URL(adminUrl).pathname.slice(1);
  const role = `reader_${randomBytes(4).toString('hex')}`;
  password = `Pw-${randomBytes(12).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await admin.query(`ALTER DATABASE ${database} OWNER TO ${role}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  databaseUrl = url.toString();
  campaignId = await seedDemoCampaign(databaseUrl);
});

describe('node dist/index.js', () => {
  it('on schedule then workflow_dispatch: one issue, one body, outputs and summary written', async () => {
    const inputs = {
      'campaign-id': 'latest',
      'campaign-name': 'tikv-*',
      'database-url': databaseUrl,
    };

    const scheduled = await runAction({ name: 'schedule', payload: schedulePayload() }, inputs);

    expect(scheduled.stderr).toBe('');
    expect(scheduled.code).toBe(0);
    const [issue] = gh.state.issues(OWNER, REPO);
    expect(gh.state.issues(OWNER, REPO)).toHaveLength(1);
    expect(issue).toMatchObject({ number: 1, user: GITHUB_ACTIONS_BOT.login, state: 'open' });
    expect(issue!.body).toContain(diagnosisMarker(SERIES));
    expect(scheduled.outputs).toMatchObject({
      'campaign-id': String(campaignId),
      'meets-target': 'false',
      'issue-number': '1',
    });
    expect(Number(scheduled.outputs['win-rate'])).toBeCloseTo(0.5185, 4);
    expect(JSON.parse(scheduled.outputs['failing-chaos-types']!)).toContainEqual({
      subject: 'tikv',
      chaos_type: 'network_partition',
      params: {},
      resolution_timeout: null,
    });
    expect(scheduled.summary).toContain(`## ❌ Campaign ${campaignId} · ${SERIES}`);
    expect(scheduled.summary).toContain('Triggered by schedule (17 6 * * *)');
    expect(scheduled.summary).toContain(
      `**Diagnosis issue ([#1](https://github.com/octo-org/octo-repo/issues/1)):** created — campaign ${campaignId} missed the target.`,
    );
    expect(scheduled.stdout).toContain('::group::Diagnosis issue');
    expect(scheduled.stdout).toMatch(
      new RegExp(`::warning::Campaign ${campaignId} missed the target`),
    );
    expect(scheduled.stdout).toContain(`::add-mask::${password}`);
    expect(visibleLog(scheduled)).not.toContain(password);
    expect(visibleLog(scheduled)).not.toContain(gh.token);
    const body = issue!.body;

    const dispatched = await runAction(
      { name: 'workflow_dispatch', payload: webhookExample('workflow_dispatch') },
      { ...inputs, 'campaign-id': String(campaignId) },
    );

    expect(dispatched.code).toBe(0);
    expect(gh.state.issues(OWNER, REPO)).toHaveLength(1);
    expect(gh.state.issue(OWNER, REPO, 1)!.body).toBe(body);
    expect(dispatched.outputs['issue-number']).toBe('1');
    expect(dispatched.summary).toContain('Triggered by workflow_dispatch by @');
    expect(visibleLog(dispatched)).not.toContain(password);
  });

  it.each([
    [
      'a malformed campaign-id',
      { 'campaign-id': '12abc' },
      "::error::Invalid campaign-id: '12abc'",
    ],
    [
      'no database URL',
      { 'campaign-id': '1', 'database-url': '' },
      '::error::EVAL_DATABASE_URL is required',
    ],
    [
      'no token',
      { 'campaign-id': '1', 'github-token': '' },
      "::error::Missing github-token: output 'issue'",
    ],
    [
      'an unknown command',
      { command: 'analyse', 'campaign-id': '1' },
      "::error::Unknown command 'analyse' — expected one of: analyze",
    ],
  ])(
    'fails on %s with exit code 1, one ::error:: line and no request to GitHub',
    async (_name, inputs, error) => {
      const run = await runAction(
        { name: 'workflow_dispatch', payload: webhookExample('workflow_dispatch') },
        { 'database-url': databaseUrl, ...inputs },
      );
      expect(run.code).toBe(1);
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(error);
      expect(gh.requests).toEqual([]);
      expect(visibleLog(run)).not.toContain(password);
    },
  );
});
