/**
 * The analyze command end to end on a real PostgreSQL with the upstream schema and the stateful
 * GitHub emulator (GET /user answers 403 as it does for GITHUB_TOKEN): one diagnosis issue per
 * series, ordering by campaign id, close/reopen, ambiguous 5xx, rate limits, concurrent creates,
 * dry runs and PR mode.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createAnalyzeCommand } from '../../../src/commands/analyze.js';
import type { AnyCommand } from '../../../src/commands/command.js';
import { runCommand } from '../../../src/commands/run-command.js';
import { diagnosisMarker, readDiagnosisState } from '../../../src/core/diagnosis-state.js';
import { createGitHubClient } from '../../../src/github/client.js';
import { memoryLogger, SecretMasker, type MemoryLogger } from '../../../src/logger.js';
import { inputSource, recordingIO } from '../../support/command-io.js';
import { createEmptyDatabase } from '../../support/databases.js';
import {
  ACTIONS_CANNOT_CREATE_PRS,
  faults,
  GITHUB_ACTIONS_BOT,
  useGitHubEmulator,
  type IssueRecord,
} from '../../support/github-emulator/index.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const SERIES = 'tikv-all-chaos-cloud';
const ISSUES = '/repos/{owner}/{repo}/issues';
const ISSUE = '/repos/{owner}/{repo}/issues/{issue_number}';
const RUN_URL = `https://github.com/${OWNER}/${REPO}/actions/runs/4242`;

const gh = useGitHubEmulator({ getUserWithInstallationToken: 'forbidden' });

/** The real command with GitHub's recommended request pacing turned off (tests only). */
const registry = new Map<string, AnyCommand>([
  [
    'analyze',
    createAnalyzeCommand({
      createGitHubClient: (options) =>
        createGitHubClient({
          ...options,
          pacing: { writeMinTimeMs: 0, notificationMinTimeMs: 0, searchMinTimeMs: 0 },
        }),
      now: () => new Date(),
    }) as AnyCommand,
  ],
]);

interface Run {
  code: number | undefined;
  error: Error | undefined;
  outputs: Record<string, string>;
  summary: string;
  logger: MemoryLogger;
  /** What the command printed to the log (stdout in a terminal). */
  printed: string;
}

let databaseUrl: string;

async function analyze(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<Run> {
  const { io, outputs, summary, logger, printed } = recordingIO({
    surface: 'action',
    env: {
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_EVENT_NAME: 'schedule',
      ...env,
    },
  });
  const given: Record<string, string> = {
    'github-token': gh.token,
    'database-url': databaseUrl,
    ...inputs,
  };
  const source = inputSource(given);
  try {
    const code = await runCommand(registry, 'analyze', source, io);
    const out = { outputs, summary: summary.join('\n'), logger, printed: printed.join('\n') };
    return { code, error: undefined, ...out };
  } catch (error) {
    const out = { outputs, summary: summary.join('\n'), logger, printed: printed.join('\n') };
    return { code: undefined, error: error as Error, ...out };
  }
}

const failing = () => seedDemoCampaign(databaseUrl);
const passing = () => seedDemoCampaign(databaseUrl, { profile: 'success' });

function seriesIssues(): IssueRecord[] {
  const marker = diagnosisMarker(SERIES);
  return gh.state.issues(OWNER, REPO).filter((i) => i.body?.includes(marker));
}

function onlyIssue(): IssueRecord {
  const issues = seriesIssues();
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

function stateOf(issue: IssueRecord) {
  const read = readDiagnosisState(issue.body, SERIES);
  if (read.kind !== 'ok') throw new Error(`no state in #${issue.number}: ${JSON.stringify(read)}`);
  return read.state;
}

function writes() {
  return gh.requests.filter((r) => r.method !== 'GET');
}

beforeEach(async () => {
  databaseUrl = await createEmptyDatabase('diag');
});

describe('the diagnosis issue of a campaign series', () => {
  it('is printed exactly as written (format md, the workflow default), when created and updated', async () => {
    const first = await analyze({ 'campaign-id': String(await failing()) });
    expect(first.error).toBeUndefined();
    expect(first.printed).toBe(onlyIssue().body);
    const second = await analyze({ 'campaign-id': String(await failing()) });
    expect(second.printed).toBe(onlyIssue().body);
    expect(second.printed).not.toBe(first.printed);
  });

  it('is created once, labelled, by the bot, with the state block and iteration history', async () => {
    const id = await failing();
    const run = await analyze({ 'campaign-id': String(id) });

    expect(run.error).toBeUndefined();
    const issue = onlyIssue();
    expect(issue).toMatchObject({
      user: GITHUB_ACTIONS_BOT.login,
      state: 'open',
      title: `Campaign diagnosis: ${SERIES}`,
    });
    expect(issue.labels).toEqual(['campaign-diagnosis']);
    expect(gh.state.labels(OWNER, REPO).map((l) => l.name)).toContain('campaign-diagnosis');
    expect(stateOf(issue)).toMatchObject({
      series: SERIES,
      latest_campaign_id: id,
      campaign_ids: [id],
      target_win_rate: 0.9,
      revision: 1,
    });
    expect(stateOf(issue).failing.length).toBeGreaterThan(0);
    expect(issue.body).toContain(`| **${id}** |`);
    expect(issue.body).toContain(`[run](${RUN_URL})`);
    expect(issue.body).toContain('Targeted retry campaign');
    expect(run.outputs).toMatchObject({
      'issue-number': String(issue.number),
      'meets-target': 'false',
    });
    expect(run.summary).toContain(`**Diagnosis issue ([#${issue.number}](`);
    expect(run.logger.text()).toMatch(/warning: Campaign \d+ missed the target/);
    expect(run.logger.lines).toContain('group: Diagnosis issue');
  });

  it('analyzing the same campaign twice leaves one issue and one body, with no second write', async () => {
    const id = await failing();
    await analyze({ 'campaign-id': String(id) });
    const first = onlyIssue().body;
    gh.requests.length = 0;

    const again = await analyze({ 'campaign-id': String(id) });

    expect(again.error).toBeUndefined();
    expect(onlyIssue().body).toBe(first);
    expect(writes()).toEqual([]);
    expect(again.logger.text()).toContain('is up to date');
    expect(again.outputs['issue-number']).toBe(String(onlyIssue().number));
  });

  it('campaign N+1 then N: the issue keeps showing N+1', async () => {
    const older = await failing();
    const newer = await failing();
    await analyze({ 'campaign-id': String(newer) });
    const afterNewer = onlyIssue().body;

    const run = await analyze({ 'campaign-id': String(older) });

    expect(run.error).toBeUndefined();
    expect(onlyIssue().body).toBe(afterNewer);
    expect(stateOf(onlyIssue())).toMatchObject({
      latest_campaign_id: newer,
      campaign_ids: [newer],
    });
    expect(run.logger.text()).toContain(`already shows campaign ${newer}, newer than ${older}`);
  });

  it('campaign N then N+1: updated in place with both in the history', async () => {
    const first = await failing();
    const second = await failing();
    await analyze({ 'campaign-id': String(first) });
    await analyze({ 'campaign-id': 'latest', 'campaign-name': 'tikv-*' });

    const issue = onlyIssue();
    expect(stateOf(issue)).toMatchObject({
      latest_campaign_id: second,
      campaign_ids: [first, second],
      revision: 2,
    });
    expect(issue.body).toContain(`Campaign ${second} ·`);
    expect(gh.requestsTo('POST', ISSUES)).toHaveLength(1);
  });

  it('a campaign meeting the target closes it with one comment; a regression reopens it', async () => {
    const bad = await failing();
    const good = await passing();
    const worse = await failing();
    await analyze({ 'campaign-id': String(bad) });
    const number = onlyIssue().number;

    const closing = await analyze({ 'campaign-id': String(good) });
    expect(closing.outputs['meets-target']).toBe('true');
    expect(onlyIssue()).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(stateOf(onlyIssue()).campaign_ids).toEqual([bad, good]);
    await analyze({ 'campaign-id': String(good) });
    const closeComments = gh.state.comments(OWNER, REPO, number);
    expect(closeComments).toHaveLength(1);
    expect(closeComments[0]!.body).toContain(`✅ Campaign ${good} meets the target`);

    await analyze({ 'campaign-id': String(worse) });
    expect(onlyIssue()).toMatchObject({ number, state: 'open', stateReason: 'reopened' });
    expect(gh.state.comments(OWNER, REPO, number).map((c) => c.body)).toEqual([
      closeComments[0]!.body,
      expect.stringContaining(`❌ Regression: campaign ${worse}`),
    ]);
    expect(stateOf(onlyIssue()).campaign_ids).toEqual([bad, good, worse]);
  });

  it('no issue and the target met: nothing is written', async () => {
    const id = await passing();
    const run = await analyze({ 'campaign-id': String(id) });
    expect(run.error).toBeUndefined();
    expect(writes()).toEqual([]);
    expect(run.outputs['issue-number']).toBeUndefined();
    expect(run.logger.text()).toContain('meets the target and the series has no diagnosis issue');
  });

  it('ignores a look-alike issue carrying the marker but written by someone else', async () => {
    gh.state.createIssue(OWNER, REPO, {
      title: 'spoof',
      body: `${diagnosisMarker(SERIES)}\nclosed for good`,
      labels: ['campaign-diagnosis'],
      user: 'mallory',
    });
    const id = await failing();
    await analyze({ 'campaign-id': String(id) });
    const ours = seriesIssues().filter((i) => i.user === GITHUB_ACTIONS_BOT.login);
    expect(ours).toHaveLength(1);
    expect(gh.state.issue(OWNER, REPO, 1)!.body).toContain('closed for good');
  });
});

describe('failures while writing', () => {
  it('a 502 returned after the issue was created: re-read, still one issue', async () => {
    const id = await failing();
    gh.inject({
      method: 'POST',
      route: ISSUES,
      ...faults.serverError(502),
      applyBeforeResponding: true,
    });

    const run = await analyze({ 'campaign-id': String(id) });

    expect(run.error).toBeUndefined();
    expect(gh.requestsTo('POST', ISSUES).map((r) => r.status)).toEqual([502]);
    const issue = onlyIssue();
    expect(run.outputs['issue-number']).toBe(String(issue.number));
    expect(run.logger.text()).toMatch(
      /502 Server Error.*re-reading before retrying creating the diagnosis issue/,
    );
  });

  it('a 502 before anything was created: retried once, one issue', async () => {
    const id = await failing();
    gh.inject({ method: 'POST', route: ISSUES, ...faults.serverError(502) });
    const run = await analyze({ 'campaign-id': String(id) });
    expect(run.error).toBeUndefined();
    expect(gh.requestsTo('POST', ISSUES).map((r) => r.status)).toEqual([502, 201]);
    onlyIssue();
  });

  it('a 502 on every create attempt fails with one line and no duplicate', async () => {
    const id = await failing();
    gh.inject({ method: 'POST', route: ISSUES, ...faults.serverError(502), times: Infinity });
    const run = await analyze({ 'campaign-id': String(id) });
    expect(run.error?.message).toBe(
      'GitHub API POST /repos/octo-org/octo-repo/issues failed: 502 Server Error; the write may have been applied, re-read before retrying',
    );
    expect(gh.requestsTo('POST', ISSUES)).toHaveLength(2);
    expect(run.summary).toContain(
      '> [!CAUTION]\n> Writing the diagnosis to GitHub failed: GitHub API POST',
    );
    expect(run.summary).toContain(`## ❌ Campaign ${id}`);
  });

  it('a 502 after the close comment was posted and on the close itself: one comment, closed once', async () => {
    const bad = await failing();
    const good = await passing();
    await analyze({ 'campaign-id': String(bad) });
    const number = onlyIssue().number;
    const comments = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
    gh.inject({
      method: 'POST',
      route: comments,
      ...faults.serverError(502),
      applyBeforeResponding: true,
    });
    gh.inject({
      method: 'PATCH',
      route: ISSUE,
      ...faults.serverError(502),
      applyBeforeResponding: true,
    });

    const run = await analyze({ 'campaign-id': String(good) });

    expect(run.error).toBeUndefined();
    expect(gh.state.comments(OWNER, REPO, number)).toHaveLength(1);
    // The first PATCH puts the new issue's number into its hand-off section (`Fixes #N`).
    expect(gh.requestsTo('PATCH', ISSUE).map((r) => r.status)).toEqual([200, 502, 200]);
    expect(onlyIssue()).toMatchObject({ state: 'closed', stateReason: 'completed' });
  });

  it('a 403 secondary rate limit with retry-after is waited out and retried', async () => {
    const id = await failing();
    gh.inject({ method: 'POST', route: ISSUES, ...faults.secondaryRateLimit(1) });
    const started = Date.now();

    const run = await analyze({ 'campaign-id': String(id) });

    expect(run.error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(gh.requestsTo('POST', ISSUES).map((r) => r.status)).toEqual([403, 201]);
    expect(run.logger.text()).toContain(
      'secondary rate limit on POST /repos/{owner}/{repo}/issues; retrying in 1 s',
    );
    onlyIssue();
  });

  it('a concurrent run that created the issue first: the lowest number is kept, ours closed as duplicate', async () => {
    const id = await failing();
    let concurrent: IssueRecord | undefined;
    gh.inject({
      method: 'POST',
      route: ISSUES,
      // Another run's create lands between our listing and our create.
      match: () => {
        concurrent = gh.state.createIssue(OWNER, REPO, {
          title: `Campaign diagnosis: ${SERIES}`,
          body: `${diagnosisMarker(SERIES)}\nwritten by the other run`,
          labels: ['campaign-diagnosis'],
        });
        return false;
      },
    });

    const run = await analyze({ 'campaign-id': String(id) });

    expect(run.error).toBeUndefined();
    const [kept, duplicate] = gh.state.issues(OWNER, REPO);
    expect(kept!.number).toBe(concurrent!.number);
    expect(kept).toMatchObject({ state: 'open' });
    expect(stateOf(kept!).latest_campaign_id).toBe(id);
    expect(duplicate).toMatchObject({ state: 'closed', stateReason: 'duplicate' });
    expect(gh.state.comments(OWNER, REPO, duplicate!.number)[0]!.body).toContain(
      `Duplicate of #${kept!.number}`,
    );
    expect(run.outputs['issue-number']).toBe(String(kept!.number));

    gh.requests.length = 0;
    await analyze({ 'campaign-id': String(id) });
    expect(writes()).toEqual([]);
  });

  it('a read-only token fails with the permission to grant', async () => {
    const id = await failing();
    const token = gh.tokenFor(GITHUB_ACTIONS_BOT.login, { readOnly: true, installation: true });
    const run = await analyze({ 'campaign-id': String(id), 'github-token': token });
    expect(run.error?.message).toMatch(
      /403 Resource not accessible by integration.* — grant the job `permissions: issues: write`$/,
    );
    expect(run.error?.message).not.toContain(token);
  });
});

describe('inputs and modes', () => {
  it('dry-run reads, decides and shows the body in the summary, writing nothing', async () => {
    const id = await failing();
    const run = await analyze({ 'campaign-id': String(id), 'dry-run': 'true' });
    expect(run.error).toBeUndefined();
    expect(writes()).toEqual([]);
    expect(gh.requests.length).toBeGreaterThan(0);
    expect(run.summary).toContain('Dry run: nothing was written to GitHub');
    expect(run.summary).toContain(
      `**Diagnosis issue:** would create it — campaign ${id} missed the target.`,
    );
    expect(run.summary).toContain(diagnosisMarker(SERIES));
    expect(run.logger.text()).toContain('Issue body that would be written:');
  });

  it.each([
    [{ output: 'issues' }, {}, "Invalid output: 'issues' — expected one of issue, pr, none"],
    [{ 'github-token': '' }, {}, "Missing github-token: output 'issue' writes to GitHub"],
    [
      {},
      { GITHUB_REPOSITORY: '' },
      "GITHUB_REPOSITORY is not set: output 'issue' needs the repository",
    ],
    [{ labels: ' , ' }, {}, "Invalid labels: ' , '"],
    [{ output: 'pr', 'retry-dir': '../outside' }, {}, "Invalid retry-dir: '../outside'"],
    [{ 'dry-run': 'maybe' }, {}, "Invalid dry-run: 'maybe' — expected true or false"],
  ])('rejects %j before any request', async (inputs, env, message) => {
    const run = await analyze({ 'campaign-id': '1', ...inputs }, env);
    expect(run.error?.message).toContain(message);
    expect(gh.requests).toEqual([]);
  });

  it('warns about an input the chosen output ignores', async () => {
    const id = await passing();
    const run = await analyze({ 'campaign-id': String(id), 'retry-dir': 'eval/x', output: 'none' });
    expect(run.logger.text()).toContain(
      "warning: Input 'retry-dir' is ignored: it is used by output 'pr', not 'none'.",
    );
    expect(gh.requests).toEqual([]);
  });
});

describe('output pr', () => {
  const branchOf = (id: number) => `iterate-campaign/${SERIES}-${id}`;
  const pathOf = (id: number) => `eval/campaigns/debug/${SERIES}-retry-${id}.yaml`;

  it('commits the retry campaign on a branch and opens one PR; a re-run updates the same PR', async () => {
    const id = await failing();
    const first = await analyze({ 'campaign-id': String(id), output: 'pr' });

    expect(first.error).toBeUndefined();
    const yaml = gh.state.readFile(OWNER, REPO, branchOf(id), pathOf(id));
    expect(yaml).toContain(`name: ${SERIES}-retry-${id}`);
    const [pull] = gh.state.pulls(OWNER, REPO);
    expect(pull).toMatchObject({ headRef: branchOf(id), baseRef: 'main' });
    expect(pull!.issue.body).toContain(`## ❌ Campaign ${id}`);
    expect(pull!.issue.labels).toEqual(['campaign-diagnosis']);
    expect(first.outputs).toMatchObject({
      'pr-number': String(pull!.number),
      'retry-campaign-path': pathOf(id),
    });
    const tip = gh.state.branchSha(OWNER, REPO, branchOf(id));

    const second = await analyze({ 'campaign-id': String(id), output: 'pr' });
    expect(second.error).toBeUndefined();
    expect(gh.state.pulls(OWNER, REPO)).toHaveLength(1);
    expect(gh.state.branchSha(OWNER, REPO, branchOf(id))).toBe(tip);
    expect(second.outputs['pr-number']).toBe(String(pull!.number));
    expect(seriesIssues().filter((i) => !i.isPull)).toEqual([]);
  });

  it('a 502 after the PR was opened: re-read, one PR', async () => {
    const id = await failing();
    const pulls = '/repos/{owner}/{repo}/pulls';
    gh.inject({
      method: 'POST',
      route: pulls,
      ...faults.serverError(502),
      applyBeforeResponding: true,
    });
    const run = await analyze({ 'campaign-id': String(id), output: 'pr' });
    expect(run.error).toBeUndefined();
    expect(gh.requestsTo('POST', pulls).map((r) => r.status)).toEqual([502]);
    expect(gh.state.pulls(OWNER, REPO)).toHaveLength(1);
    expect(run.outputs['pr-number']).toBe(String(gh.state.pulls(OWNER, REPO)[0]!.number));
  });

  it('moves the branch when the default branch moved, keeping the PR', async () => {
    const id = await failing();
    await analyze({ 'campaign-id': String(id), output: 'pr' });
    const before = gh.state.branchSha(OWNER, REPO, branchOf(id));
    gh.state.commitFiles(OWNER, REPO, { branch: 'main', files: { 'NEWS.md': 'moved\n' } });

    await analyze({ 'campaign-id': String(id), output: 'pr' });

    expect(gh.state.branchSha(OWNER, REPO, branchOf(id))).not.toBe(before);
    expect(gh.state.readFile(OWNER, REPO, branchOf(id), 'NEWS.md')).toBe('moved\n');
    expect(gh.state.pulls(OWNER, REPO)).toHaveLength(1);
  });

  it('fails with the exact advice when Actions may not create pull requests', async () => {
    gh.state.setRepoSettings(OWNER, REPO, { canActionsCreatePullRequests: false });
    const id = await failing();
    const run = await analyze({ 'campaign-id': String(id), output: 'pr' });
    expect(run.error?.message).toBe(
      `Cannot open the retry pull request in ${OWNER}/${REPO}: ${ACTIONS_CANNOT_CREATE_PRS} To fix it, enable Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests", or pass a GitHub App / fine-grained token in \`github-token\`.`,
    );
    expect(gh.state.pulls(OWNER, REPO)).toEqual([]);
  });

  it('opens nothing when every combination meets the target', async () => {
    const id = await passing();
    const run = await analyze({ 'campaign-id': String(id), output: 'pr' });
    expect(run.error).toBeUndefined();
    expect(writes()).toEqual([]);
    expect(run.logger.text()).toContain('Nothing to retry');
  });
});

describe('the hand-off a coding agent can act on', () => {
  it('ends the issue with "For a coding agent", naming the issue in `Fixes #N`', async () => {
    const id = await failing();
    const run = await analyze({ 'campaign-id': String(id), 'source-dir': 'demo/harness' });

    expect(run.error).toBeUndefined();
    const issue = onlyIssue();
    const handoff = issue.body!.slice(issue.body!.indexOf('## For a coding agent'));
    expect(issue.body!.indexOf('## For a coding agent')).toBeGreaterThan(
      issue.body!.indexOf('Targeted retry campaign'),
    );
    expect(handoff).toContain(`**Problem.** Campaign ${id} (\`${SERIES}\``);
    expect(handoff).toContain('**Evidence.**');
    expect(handoff).toMatch(
      /`all-failed-no-ticket` on `network_partition` \(pipeline\), trials \d+/,
    );
    expect(handoff).toContain('Invariants: **missing**');
    expect(handoff).toContain(
      '`subjects/tikv/observer/src/tikv_observer/invariants.py:26 (high_latency)`',
    );
    expect(handoff).toContain('must not regress: `node_kill`');
    expect(handoff).toContain('uv run pytest subjects/tikv/observer/tests/ -x -q');
    expect(handoff).toContain(
      `eval/campaigns/debug/${SERIES}-retry-${id}.yaml`.replace('eval/', ''),
    );
    expect(handoff).toContain(`Open a PR whose description says \`Fixes #${issue.number}\``);
  });

  it('agent-mention goes into the section, agent-label onto the issue, on create and on update', async () => {
    const first = await failing();
    await analyze({
      'campaign-id': String(first),
      'agent-mention': '@claude',
      'agent-label': 'agent:fix',
    });
    const issue = onlyIssue();
    expect(issue.body).toContain('## For a coding agent\n\n@claude please take this on.');
    expect(issue.labels).toEqual(['campaign-diagnosis', 'agent:fix']);

    // Someone removes the label; the next campaign's update puts it back.
    const person = createGitHubClient({
      token: gh.token,
      baseUrl: gh.url,
      logger: memoryLogger(new SecretMasker()),
    });
    await person.rest.issues.removeLabel({
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number,
      name: 'agent:fix',
    });
    const second = await failing();
    await analyze({ 'campaign-id': String(second), 'agent-label': 'agent:fix' });
    expect(onlyIssue().labels).toEqual(['campaign-diagnosis', 'agent:fix']);
  });

  it('a bad agent-mention is refused before anything is read or written', async () => {
    const run = await analyze({ 'campaign-id': '1', 'agent-mention': 'claude; rm -rf' });
    expect(run.error?.message).toContain("Invalid agent-mention: 'claude; rm -rf'");
    expect(gh.requests).toHaveLength(0);
  });
});
