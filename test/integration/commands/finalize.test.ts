/**
 * `finalize` on a real PostgreSQL and the GitHub emulator: the full validation campaign enqueued
 * once (re-runs and concurrent runs included) with the merge's commit, then — when it has finished
 * and meets the target — the campaign marked notable with a note, the diagnosis issue closed with a
 * summary and the PR comment at its last revision; a validation that misses keeps iterating.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readDiagnosisState } from '../../../src/core/diagnosis-state.js';
import { readCampaignNotes } from '../../support/campaign-notes.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { GITHUB_ACTIONS_LOGIN } from '../../../src/github/diagnosis-issue.js';
import { readStickyMarker } from '../../../src/github/sticky-comment.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { useGitHubEmulator } from '../../support/github-emulator/index.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import {
  ALL_TYPES,
  diagnose,
  enqueueRetry,
  githubEnv,
  mergedFix,
  OWNER,
  REPO,
  reportRow,
  runFixedWorkers,
  runReport,
  VALIDATION_FILE,
} from './report-support.js';

const gh = useGitHubEmulator({ getUserWithInstallationToken: 'forbidden' });

let url: string;
let db: EvalDatabase;
let previous: number;

beforeEach(async () => {
  url = await createEmptyDatabase('finalize');
  previous = await seedDemoCampaign(url);
  db = await openEvalDatabase(url, { log: () => undefined });
  return () => db.close();
});

interface Compared {
  issue: number;
  pr: number;
  sha: string;
  retry: number;
  verdict: string;
}

async function comparedRetry(fixed: ReadonlySet<string>): Promise<Compared> {
  const diagnosis = await diagnose(gh, url, previous);
  const merged = mergedFix(gh, diagnosis.issueNumber);
  const retry = await enqueueRetry(db, {
    previousCampaignId: previous,
    prNumber: merged.number,
    mergeSha: merged.sha,
    issueNumber: diagnosis.issueNumber,
    failing: diagnosis.failing,
  });
  await runFixedWorkers(db, retry, fixed);
  const compared = await runReport(
    'compare',
    { 'retry-campaign-id': String(retry), 'database-url': url, 'github-token': gh.token },
    githubEnv(gh),
  );
  if (compared.error) throw compared.error;
  return {
    issue: diagnosis.issueNumber,
    pr: merged.number,
    sha: merged.sha,
    retry,
    verdict: compared.outputs.verdict!,
  };
}

const finalize = (retry: number) =>
  runReport(
    'finalize',
    {
      'retry-campaign-id': String(retry),
      'validation-campaign': VALIDATION_FILE,
      'database-url': url,
      'github-token': gh.token,
    },
    githubEnv(gh, '6000'),
  );

function stickyBody(pr: number): string {
  const comments = gh.state
    .comments(OWNER, REPO, pr)
    .filter((c) => c.user === GITHUB_ACTIONS_LOGIN && readStickyMarker(c.body));
  expect(comments).toHaveLength(1);
  return comments[0]!.body;
}

async function campaignsNamed(name: string): Promise<{ id: number; git_commit_hash: string }[]> {
  const { rows } = await db.query({
    text: 'SELECT id, git_commit_hash FROM campaigns WHERE name = $1 ORDER BY id',
    values: [name],
  });
  return rows as { id: number; git_commit_hash: string }[];
}

describe('finalize', () => {
  it('enqueues the validation once, then marks it notable and closes the issue when it passes', async () => {
    const { issue, pr, sha, retry, verdict } = await comparedRetry(ALL_TYPES);
    expect(verdict).toBe('target-reached');

    const started = await finalize(retry);

    expect(started.error).toBeUndefined();
    const validation = Number(started.outputs['validation-campaign-id']);
    expect(started.outputs).toMatchObject({
      'validation-status': 'running',
      'worker-indexes': '[1,2,3]',
      'operator-image': `registry.example/eval/operator:${sha.slice(0, 7)}@sha256:${'ab'.repeat(32)}`,
    });
    expect(await campaignsNamed('tikv-all-chaos-cloud')).toEqual([
      { id: previous, git_commit_hash: expect.any(String) },
      { id: validation, git_commit_hash: sha },
    ]);
    const { rows } = await db.query({
      text: 'SELECT COUNT(*)::int AS n FROM work_queue WHERE campaign_id = $1',
      values: [validation],
    });
    expect(rows[0].n).toBe(28);
    expect(stickyBody(pr)).toMatch(
      new RegExp(
        `revision=${retry * 10 + 3} -->\\n### ⏳ Validation campaign ${validation} enqueued`,
      ),
    );

    const again = await finalize(retry);
    expect(again.outputs['validation-campaign-id']).toBe(String(validation));
    expect(await campaignsNamed('tikv-all-chaos-cloud')).toHaveLength(2);

    await runFixedWorkers(db, validation, ALL_TYPES);
    const concluded = await finalize(retry);

    expect(concluded.error).toBeUndefined();
    expect(concluded.outputs['validation-status']).toBe('passed');
    const notes = await readCampaignNotes(db, validation);
    expect(notes?.notable).toBe(true);
    expect(notes?.notes).toMatch(
      new RegExp(
        `^Validated PR #${pr} "Fix the partition invariant" \\(merge ${sha.slice(0, 7)}\\)\\. Retry campaign ${retry} vs ${previous}: .*network_partition fixed.*Full validation: 100\\.0% \\(28/28\\) ≥ target 90\\.0%`,
      ),
    );
    const closed = gh.state.issue(OWNER, REPO, issue)!;
    expect(closed).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const state = readDiagnosisState(closed.body);
    expect(state.kind === 'ok' && state.state.campaign_ids).toEqual([previous, retry, validation]);
    const closing = gh.state.comments(OWNER, REPO, issue).at(-1)!;
    expect(closing.body).toContain(
      `Validated: #${pr} took retry campaign ${retry} above the target`,
    );
    expect(stickyBody(pr)).toMatch(
      new RegExp(
        `revision=${retry * 10 + 4} -->\\n### ✅ Validation campaign ${validation}: 100\\.0% \\(28/28\\)`,
      ),
    );
    expect(await reportRow(db, retry)).toMatchObject({
      status: 'finalized',
      validation_passed: true,
      lease_owner: null,
    });

    const writes = gh.requests.filter((r) => r.method !== 'GET').length;
    const rerun = await finalize(retry);
    expect(rerun.outputs['validation-status']).toBe('passed');
    expect(gh.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
    expect((await readCampaignNotes(db, validation))?.notes).toBe(notes?.notes);
  });

  it('two finalizers at once enqueue one validation campaign', async () => {
    const { pr, retry } = await comparedRetry(ALL_TYPES);

    const [a, b] = await Promise.all([finalize(retry), finalize(retry)]);

    expect(a.error ?? b.error).toBeUndefined();
    expect(a.outputs['validation-campaign-id']).toBe(b.outputs['validation-campaign-id']);
    expect(await campaignsNamed('tikv-all-chaos-cloud')).toHaveLength(2);
    expect(stickyBody(pr)).toContain('Validation campaign');
  });

  it('does nothing for a retry that did not reach the target', async () => {
    const { retry, verdict } = await comparedRetry(new Set(['network_partition']));
    expect(verdict).toBe('improved');

    const run = await finalize(retry);

    expect(run.error).toBeUndefined();
    expect(run.outputs).toMatchObject({
      'validation-campaign-id': '',
      'validation-status': 'not-ready',
      'worker-indexes': '[]',
    });
    expect(run.printed).toContain("ended 'improved', not 'target-reached'");
    expect(await campaignsNamed('tikv-all-chaos-cloud')).toHaveLength(1);
  });

  it('a validation that misses the target keeps the issue open with its failures as the next diagnosis', async () => {
    const { issue, pr, retry } = await comparedRetry(ALL_TYPES);
    const validation = Number((await finalize(retry)).outputs['validation-campaign-id']);
    await runFixedWorkers(db, validation, new Set());

    const run = await finalize(retry);

    expect(run.outputs['validation-status']).toBe('failed');
    expect((await readCampaignNotes(db, validation))?.notable).toBe(false);
    const open = gh.state.issue(OWNER, REPO, issue)!;
    expect(open.state).toBe('open');
    const state = readDiagnosisState(open.body);
    expect(state.kind === 'ok' && state.state.latest_campaign_id).toBe(validation);
    expect(stickyBody(pr)).toContain(`### ❌ Validation campaign ${validation}:`);
    expect(await reportRow(db, retry)).toMatchObject({
      status: 'finalized',
      validation_passed: false,
    });
  });

  it('asks for compare first, and rejects a validation path outside the workspace', async () => {
    const unknown = await finalize(previous);
    expect(unknown.error?.message).toMatch(/has not been compared yet: run compare/);
    const outside = await runReport(
      'finalize',
      { 'retry-campaign-id': '1', 'validation-campaign': '../x.yaml', 'database-url': url },
      githubEnv(gh),
    );
    expect(outside.error?.message).toMatch(/^Invalid validation-campaign: '\.\.\/x\.yaml'/);
  });
});
