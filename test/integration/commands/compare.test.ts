/**
 * `compare` on a real PostgreSQL with the upstream schema and the GitHub emulator: the verdict per
 * combination, the diagnosis issue's new iteration, one sticky PR comment per PR whatever runs get
 * there (re-runs, two deliveries, the wait path racing reconcile, an older retry finishing last),
 * leases that outlive a crashed run, a PR that is gone; adaptive top-up of the combinations a
 * comparison leaves inconclusive (one follow-up campaign per round, a second run adds nothing).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CAUSES } from '../../../src/core/causes.js';
import { readDiagnosisState } from '../../../src/core/diagnosis-state.js';
import { loadCampaignAnalysis } from '../../../src/loop/analyze-campaign.js';
import { enqueueCampaign } from '../../../src/db/enqueue-campaign.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import {
  claimReport,
  ensureRetryReportsSchema,
  openReport,
} from '../../../src/db/retry-reports.js';
import { GITHUB_ACTIONS_LOGIN } from '../../../src/github/diagnosis-issue.js';
import { readStickyMarker, stickyMarker } from '../../../src/github/sticky-comment.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { useGitHubEmulator } from '../../support/github-emulator/index.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import { testTempDir } from '../../support/temp-dir.js';
import {
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
  type Diagnosis,
} from './report-support.js';

const gh = useGitHubEmulator({ getUserWithInstallationToken: 'forbidden' });
const INVARIANT_FIX = new Set(['network_partition', 'pd_leader_kill']);

let url: string;
let db: EvalDatabase;
let previous: number;

beforeEach(async () => {
  url = await createEmptyDatabase('compare');
  previous = await seedDemoCampaign(url);
  db = await openEvalDatabase(url, { log: () => undefined });
  return () => db.close();
});

function botComments(pr: number) {
  return gh.state
    .comments(OWNER, REPO, pr)
    .filter((c) => c.user === GITHUB_ACTIONS_LOGIN && readStickyMarker(c.body));
}

function writes(): number {
  return gh.requests.filter((r) => r.method !== 'GET').length;
}

async function finishedRetry(
  fixed: ReadonlySet<string>,
  extra: Partial<Parameters<typeof enqueueRetry>[1]> = {},
): Promise<{ diagnosis: Diagnosis; pr: number; retry: number }> {
  const diagnosis = await diagnose(gh, url, previous);
  const pr = mergedFix(gh, diagnosis.issueNumber);
  const retry = await enqueueRetry(db, {
    previousCampaignId: previous,
    prNumber: pr.number,
    mergeSha: pr.sha,
    issueNumber: diagnosis.issueNumber,
    failing: diagnosis.failing,
    ...extra,
  });
  await runFixedWorkers(db, retry, fixed);
  return { diagnosis, pr: pr.number, retry };
}

const compare = (retry: number, extra: Record<string, string | undefined> = {}, runId?: string) =>
  runReport(
    'compare',
    { 'retry-campaign-id': String(retry), 'database-url': url, 'github-token': gh.token, ...extra },
    githubEnv(gh, runId),
  );

describe('compare', () => {
  it('writes the verdict table as one PR comment and the retry as a new iteration of the issue', async () => {
    const { diagnosis, pr, retry } = await finishedRetry(INVARIANT_FIX);

    const run = await compare(retry);

    expect(run.error).toBeUndefined();
    expect(run.outputs).toMatchObject({
      verdict: 'improved',
      'target-reached': 'false',
      regressions: '[]',
    });
    expect(Number(run.outputs['win-rate'])).toBeCloseTo(13 / 20, 4); // asymmetric_partition's 3rd item breaks: no trial;
    const [comment] = botComments(pr);
    expect(botComments(pr)).toHaveLength(1);
    expect(comment!.body.split('\n')[0]).toBe(stickyMarker(pr, retry * 10 + 2));
    expect(comment!.body).toMatch(
      /\| `network_partition` \| 0\/3\u00a0\(0\.0%\) \| 3\/3\u00a0\(100\.0%\) \| 0\.050 \| ✅ fixed \|/,
    );
    expect(comment!.body).toMatch(/\| `latency[^`]*` \| .* \| ❌ still failing \|/);
    expect(comment!.body).toContain('xychart-beta');
    expect(comment!.body).toMatch(
      /### Images tested\n\n- `operator`: `registry\.example\/eval\/operator:[0-9a-f]{7}` \(`sha256:(ab){32}`\)/,
    );
    expect(comment!.body).toContain(`- Diagnosis: #${diagnosis.issueNumber}`);
    expect(comment!.body).toContain(
      `- Next: iterate: the retry's failures are the next diagnosis in #${diagnosis.issueNumber}.`,
    );
    const issue = gh.state.issue(OWNER, REPO, diagnosis.issueNumber)!;
    const state = readDiagnosisState(issue.body);
    expect(state.kind === 'ok' && state.state).toMatchObject({
      series: 'tikv-all-chaos-cloud',
      campaign_ids: [previous, retry],
      latest_campaign_id: retry,
    });
    const failing = state.kind === 'ok' ? state.state.failing.map((f) => f.chaos_type) : [];
    expect(failing).toContain('latency');
    expect(failing).not.toContain('network_partition');
    expect(issue.state).toBe('open');
    expect(await reportRow(db, retry)).toMatchObject({
      status: 'reported',
      verdict: 'improved',
      target_reached: false,
      comment_id: String(comment!.id),
      comment_revision: String(retry * 10 + 2),
      lease_owner: null,
    });
  });

  it("with worker-logs, each failed trial of the retry shows its work item's log lines in the issue's iteration", async () => {
    const { diagnosis, retry } = await finishedRetry(INVARIANT_FIX);
    const analysis = await loadCampaignAnalysis(db, retry, {
      target: 0.9,
      causes: { ...DEFAULT_CAUSES },
    });
    const failed = analysis.trials_detail.find((t) => t.evidence && t.work_id !== null)!;
    // What download-artifact with merge-multiple leaves: every worker's log in one folder.
    const dir = await testTempDir('retry-worker-logs-');
    await writeFile(
      join(dir, `worker-c${retry}-1.log`),
      [
        `[12:00:01] Claimed work item ${failed.work_id}: tikv/${failed.chaos_type}`,
        '[12:00:02] Injecting chaos on tikv-2',
        `[12:20:00] Work item ${failed.work_id} completed -> Trial ${failed.trial_id}`,
      ].join('\n'),
    );

    const run = await compare(retry, { 'worker-logs': dir });

    expect(run.error).toBeUndefined();
    expect(run.log).toMatch(/Worker logs: 1 file\(s\) in .*; excerpts for 1 failed trial\(s\)\./);
    const body = gh.state.issue(OWNER, REPO, diagnosis.issueNumber)!.body;
    expect(body).toContain(`Worker log (work item ${failed.work_id}):`);
    expect(body).toContain('[12:00:02] Injecting chaos on tikv-2');
  });

  it('warns when a "fixed" verdict is on a combination that flips across the series, with the trials that would tell', async () => {
    // The series before the retried campaign: network_partition passes, fails, passes, fails.
    for (const profile of ['success', undefined, 'success'] as const)
      await seedDemoCampaign(url, profile ? { profile } : {});
    previous = await seedDemoCampaign(url);
    const { pr, retry } = await finishedRetry(INVARIANT_FIX);

    const run = await compare(retry);

    expect(run.error).toBeUndefined();
    const body = botComments(pr)[0]!.body;
    expect(body).toContain('> "Fixed" on a flaky type:');
    expect(body).toMatch(
      /> - `network_partition` is \*\*flaky\*\* \(flips 100% of the time over the last 5 campaigns, \d+% of its trials passed\): "fixed" at 3\/3 may be luck; (\d+ more all-success trials would separate a fix from noise|no number of extra trials)/,
    );
    // Only "fixed" rows are flagged: latency, still failing, flips too but is not listed.
    expect(body).not.toMatch(/`latency[^`]*` is \*\*flaky\*\*/);
  });

  it('a second run (a re-run, a second delivery) sets the same outputs and writes nothing', async () => {
    const { pr, retry } = await finishedRetry(INVARIANT_FIX);
    const first = await compare(retry);
    const before = writes();

    const second = await compare(retry, {}, '4343');

    expect(second.error).toBeUndefined();
    expect(second.outputs).toEqual(first.outputs);
    expect(writes()).toBe(before);
    expect(second.summary).toContain('This retry was already reported');
    expect(botComments(pr)).toHaveLength(1);
  });

  it('flags a previously passing type that got worse as a regression', async () => {
    const diagnosis = await diagnose(gh, url, previous);
    const merged = mergedFix(gh, diagnosis.issueNumber);
    const retry = await enqueueRetry(db, {
      previousCampaignId: previous,
      prNumber: merged.number,
      mergeSha: merged.sha,
      issueNumber: diagnosis.issueNumber,
      failing: [...diagnosis.failing, { chaos_type: 'node_kill', params: {} }],
    });
    await runFixedWorkers(db, retry, INVARIANT_FIX, { broken: new Set(['node_kill']) });

    const run = await compare(retry);

    expect(run.outputs.verdict).toBe('regressed');
    expect(JSON.parse(run.outputs.regressions!)).toEqual([{ chaos_type: 'node_kill', params: {} }]);
    const body = botComments(merged.number)[0]!.body;
    expect(body).toContain('**Regressions:** `node_kill`');
    expect(body).toMatch(
      /\| `node_kill` \| 3\/3\u00a0\(100\.0%\) \| 0\/3\u00a0\(0\.0%\) \| 0\.050 \| 🔻 regressed \|/,
    );
  });

  it('an older retry finishing last never overwrites the newer retry’s comment', async () => {
    const diagnosis = await diagnose(gh, url, previous);
    const merged = mergedFix(gh, diagnosis.issueNumber);
    const setup = {
      previousCampaignId: previous,
      prNumber: merged.number,
      issueNumber: diagnosis.issueNumber,
      failing: diagnosis.failing,
    };
    const older = await enqueueRetry(db, { ...setup, mergeSha: merged.sha });
    const newer = await enqueueRetry(db, { ...setup, mergeSha: 'f'.repeat(40) });
    await runFixedWorkers(db, older, new Set());
    await runFixedWorkers(db, newer, INVARIANT_FIX);

    await compare(newer);
    const late = await compare(older);

    expect(late.error).toBeUndefined();
    expect(late.log).toContain(`is at revision ${newer * 10 + 2}, newer than ${older * 10 + 2}`);
    const comments = botComments(merged.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`Retry campaign ${newer} vs campaign ${previous}`);
    expect(await reportRow(db, older)).toMatchObject({ status: 'reported' });
    const issue = readDiagnosisState(gh.state.issue(OWNER, REPO, diagnosis.issueNumber)!.body);
    expect(issue.kind === 'ok' && issue.state.latest_campaign_id).toBe(newer);
  });

  it('the wait path and reconcile finishing together: exactly one report, one comment', async () => {
    const { diagnosis, pr, retry } = await finishedRetry(INVARIANT_FIX);
    const issueEdits = () =>
      gh.requestsTo('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}').length;
    const editsBefore = issueEdits();

    const [waited, reconciled] = await Promise.all([
      compare(retry),
      runReport(
        'reconcile',
        { 'database-url': url, 'github-token': gh.token, 'validation-campaign': VALIDATION_FILE },
        githubEnv(gh, '5000'),
      ),
    ]);

    expect(waited.error).toBeUndefined();
    expect(reconciled.error).toBeUndefined();
    const actions = JSON.parse(reconciled.outputs.reconciled!) as { action: string }[];
    const reportedByReconcile = actions[0]!.action === 'reported';
    expect(actions[0]!.action).toMatch(/^(reported|already-reported)$/);
    expect(waited.summary.includes('**Reported:**')).toBe(!reportedByReconcile);
    expect(botComments(pr)).toHaveLength(1);
    expect(
      gh.requestsTo('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments'),
    ).toHaveLength(1);
    expect(issueEdits() - editsBefore).toBe(1);
    expect(gh.state.issue(OWNER, REPO, diagnosis.issueNumber)!.state).toBe('open');
    expect(await reportRow(db, retry)).toMatchObject({ status: 'reported', attempts: 1 });
  });

  it('respects a live lease, and takes over one that a crashed run left to expire', async () => {
    const { diagnosis, pr, retry } = await finishedRetry(INVARIANT_FIX);
    await ensureRetryReportsSchema(db);
    await openReport(db, {
      retryCampaignId: retry,
      retryRunId: null,
      repository: `${OWNER}/${REPO}`,
      prNumber: pr,
      previousCampaignId: previous,
      diagnosisIssue: diagnosis.issueNumber,
      targetWinRate: 0.9,
    });
    await claimReport(db, retry, { owner: 'compare run 1 (killed)', from: ['waiting'] });

    const blocked = await compare(retry);
    expect(blocked.error).toBeUndefined();
    expect(blocked.summary).toContain(
      'Another run (compare run 1 (killed)) is writing this report',
    );
    expect(botComments(pr)).toHaveLength(0);

    await db.query({
      text: `UPDATE iterate_campaign.retry_reports SET lease_until = NOW() - interval '1 second'
             WHERE retry_campaign_id = $1`,
      values: [retry],
    });
    const takeover = await compare(retry);

    expect(takeover.summary).toContain('**Reported:**');
    expect(botComments(pr)).toHaveLength(1);
    expect(await reportRow(db, retry)).toMatchObject({ status: 'reported', attempts: 2 });
  });

  it('a token without write scopes: one actionable line, and the lease is given back', async () => {
    const { pr, retry } = await finishedRetry(INVARIANT_FIX);
    const readOnly = gh.tokenFor(GITHUB_ACTIONS_LOGIN, { readOnly: true, installation: true });

    const run = await compare(retry, { 'github-token': readOnly });

    expect(run.code).toBe(1);
    expect(run.error?.message).toMatch(
      /^GitHub API PATCH \/repos\/octo-org\/octo-repo\/issues\/1 failed: 403 Resource not accessible by integration.* — grant the job `permissions: issues: write, pull-requests: write`$/,
    );
    expect(run.log).not.toContain(readOnly);
    expect(botComments(pr)).toHaveLength(0);
    expect(await reportRow(db, retry)).toMatchObject({ status: 'waiting', lease_owner: null });
    expect((await compare(retry)).summary).toContain('**Reported:**');
  });

  it('a PR that is gone: a warning, the report is still recorded', async () => {
    await diagnose(gh, url, previous);
    const { campaignId } = await enqueueCampaign(db, {
      name: 'tikv-all-chaos-cloud-retry-manual',
      subjects: ['tikv'],
      includeBaseline: false,
      continuous: false,
      variant: 'default',
      gitCommitHash: '',
      items: [{ chaosType: 'network_partition' }, { chaosType: 'network_partition' }],
    });
    await runFixedWorkers(db, campaignId, INVARIANT_FIX);

    const run = await compare(campaignId, { 'campaign-id': String(previous), 'pr-number': '999' });

    expect(run.error).toBeUndefined();
    expect(run.code).toBe(0);
    expect(run.log).toMatch(
      /warning: Pull request #999 cannot be commented on \(GitHub API GET .* failed: 404/,
    );
    expect(await reportRow(db, campaignId)).toMatchObject({ status: 'reported', pr_number: 999 });
  });

  it('refuses an unfinished retry before writing anything', async () => {
    const diagnosis = await diagnose(gh, url, previous);
    const merged = mergedFix(gh, diagnosis.issueNumber);
    const retry = await enqueueRetry(db, {
      previousCampaignId: previous,
      prNumber: merged.number,
      mergeSha: merged.sha,
      issueNumber: diagnosis.issueNumber,
      failing: diagnosis.failing,
    });
    const before = writes();

    const run = await compare(retry);

    expect(run.code).toBe(1);
    expect(run.error?.message).toMatch(
      new RegExp(
        `^Retry campaign ${retry}: 0/21 done .* compare needs a finished campaign: run wait first`,
      ),
    );
    expect(writes()).toBe(before);
    expect(await reportRow(db, retry)).toBeUndefined();
  });

  it('validates its inputs before touching anything', async () => {
    expect((await compare(0)).error?.message).toMatch(/^Invalid retry-campaign-id: '0'/);
    const missing = await runReport('compare', { 'database-url': url }, githubEnv(gh));
    expect(missing.error?.message).toMatch(/^Missing retry-campaign-id/);
    const noLink = await compare(previous);
    expect(noLink.error?.message).toMatch(
      /Missing campaign-id: retry campaign \d+ has no stored link/,
    );
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

// ── adaptive top-up ──────────────────────────────────────────────────────────────────────────

/** No config input: the defaults, top-up on (3 trials per round, up to 9 per combination). */
const ADAPTIVE = { config: undefined };

async function campaignCount(): Promise<number> {
  const { rows } = await db.query({ text: 'SELECT count(*)::int AS n FROM campaigns' });
  return rows[0].n as number;
}

async function itemsOf(campaignId: number): Promise<string[]> {
  const { rows } = await db.query({
    text: 'SELECT chaos_type FROM work_queue WHERE campaign_id = $1 ORDER BY id',
    values: [campaignId],
  });
  return rows.map((r) => r.chaos_type as string);
}

describe('adaptive top-up', () => {
  it('tops up exactly the two inconclusive combinations once per round, then reports trials and verdicts', async () => {
    const { pr, retry } = await finishedRetry(INVARIANT_FIX);

    // 0/3 → 3/3 is p = 0.05: not enough at an interim look, so both fixed types get more trials;
    // every other type failed at least once in 3 and cannot reach 90% within 9: decided.
    const first = await compare(retry, ADAPTIVE);
    expect(first.error).toBeUndefined();
    expect(first.outputs.verdict).toBe('pending');
    const topUp = Number(first.outputs['top-up-campaign-id']);
    expect(topUp).toBeGreaterThan(retry);
    expect((await itemsOf(topUp)).sort()).toEqual([
      ...Array(3).fill('network_partition'),
      ...Array(3).fill('pd_leader_kill'),
    ]);
    expect(first.outputs['worker-indexes']).toBe('[1,2,3]');
    expect(first.printed).toContain('Top-up round 1 enqueued');
    expect(botComments(pr)).toHaveLength(0);
    expect(await reportRow(db, retry)).toBeUndefined(); // nothing reported before it is decided

    // A second run on the same state, and one while the round runs, add nothing.
    const campaigns = await campaignCount();
    const again = await compare(retry, ADAPTIVE);
    expect(again.outputs['top-up-campaign-id']).toBe(String(topUp));
    expect(await campaignCount()).toBe(campaigns);
    const { rows } = await db.query({
      text: 'SELECT round, campaign_id FROM iterate_campaign.top_ups WHERE retry_campaign_id = $1',
      values: [retry],
    });
    expect(rows).toEqual([{ round: 1, campaign_id: topUp }]);

    await runFixedWorkers(db, topUp, INVARIANT_FIX);
    // 6/6 after 0/3 is p ≈ 0.012: still short of the interim bar, one more round to the budget.
    const second = await compare(retry, ADAPTIVE);
    const round2 = Number(second.outputs['top-up-campaign-id']);
    expect(round2).toBeGreaterThan(topUp);
    expect(await itemsOf(round2)).toHaveLength(6);
    const waiting = await compare(retry, ADAPTIVE);
    expect(waiting.outputs.verdict).toBe('pending');
    expect(waiting.printed).toContain(`Waiting for top-up round 2 of retry ${retry}`);
    await runFixedWorkers(db, round2, INVARIANT_FIX);

    const final = await compare(retry, ADAPTIVE);
    expect(final.error).toBeUndefined();
    expect(final.outputs.verdict).not.toBe('pending');
    const [comment] = botComments(pr);
    expect(botComments(pr)).toHaveLength(1);
    expect(comment!.body).toMatch(
      /\| `network_partition` \|(?: {2}\|)? 0\/3\u00a0\(0\.0%\) \| 9\/9\u00a0\(100\.0%\) \| 0\.005 \| ✅ fixed \|/,
    );
    expect(comment!.body).toContain('### Trials per combination');
    expect(comment!.body).toContain(
      `Adaptive top-up (up to 9 trials per combination): 2 top-up round(s): campaign ${topUp}, campaign ${round2}.`,
    );
    expect(comment!.body).toContain(
      '- `network_partition`: 9 trial(s), fixed — significant gain, at target',
    );
    expect(comment!.body).toContain(
      '- `pd_leader_kill`: 9 trial(s), fixed — significant gain, at target',
    );
    expect(comment!.body).toMatch(
      /- `latency \(min_ms=200, max_ms=500\)`: 3 trial\(s\), still failing — cannot reach the target within 9 trials/,
    );
    expect((await reportRow(db, retry))!.status).toBe('reported');
    expect(await campaignCount()).toBe(campaigns + 1);
  });

  it('adds nothing with retry.adaptive: false; fail-on not-fixed fails the step after the comment', async () => {
    const { pr, retry } = await finishedRetry(INVARIANT_FIX);
    const config = join(await testTempDir('one-look-'), 'config.yml');
    await writeFile(config, 'retry:\n  adaptive: false\n');
    const campaigns = await campaignCount();

    const run = await compare(retry, { config, 'fail-on': 'not-fixed' });

    expect(await campaignCount()).toBe(campaigns);
    expect(botComments(pr)).toHaveLength(1);
    expect(run.error?.message).toMatch(
      /^fail-on not-fixed: retry campaign \d+ missed the target: win rate 65\.0% \(13\/20\) < 90\.0%$/,
    );
    // runReport logs the thrown error as the action logs it: the one error line.
    expect(run.logger.lines.filter((l) => l.startsWith('error: '))).toHaveLength(1);
    const missed = await compare(retry, { config, 'fail-on': 'regressed' });
    expect(missed.error).toBeUndefined();
    expect(missed.code).toBe(0);
  });
});
