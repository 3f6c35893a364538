/**
 * `reconcile` (the cron path) on a real PostgreSQL and the GitHub emulator: a workflow enqueued the
 * retry and exited; reconcile reports it once its campaign has finished, starts and concludes the
 * validation, leaves other repositories alone, flags an item whose worker died, and keeps going when
 * one retry fails.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { enqueueCampaign } from '../../../src/db/enqueue-campaign.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { ensureRetryReportsSchema, openReport } from '../../../src/db/retry-reports.js';
import { claimNext, complete } from '../../../src/db/work-queue.js';
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
  url = await createEmptyDatabase('reconcile');
  previous = await seedDemoCampaign(url);
  db = await openEvalDatabase(url, { log: () => undefined });
  return () => db.close();
});

interface Reconciled {
  'retry-campaign-id': number;
  action: string;
  detail: string;
}

async function reconcile(runId = '7000') {
  const run = await runReport(
    'reconcile',
    { 'database-url': url, 'github-token': gh.token, 'validation-campaign': VALIDATION_FILE },
    githubEnv(gh, runId),
  );
  return { ...run, reconciled: JSON.parse(run.outputs.reconciled ?? '[]') as Reconciled[] };
}

async function enqueuedRetry(repository?: string) {
  const diagnosis = await diagnose(gh, url, previous);
  const merged = mergedFix(gh, diagnosis.issueNumber);
  const retry = await enqueueRetry(db, {
    previousCampaignId: previous,
    prNumber: merged.number,
    mergeSha: merged.sha,
    issueNumber: diagnosis.issueNumber,
    failing: diagnosis.failing,
    ...(repository ? { repository } : {}),
  });
  return { issue: diagnosis.issueNumber, pr: merged.number, retry };
}

function stickyRevision(pr: number): number | undefined {
  const comments = gh.state
    .comments(OWNER, REPO, pr)
    .filter((c) => c.user === GITHUB_ACTIONS_LOGIN && readStickyMarker(c.body));
  expect(comments.length).toBeLessThanOrEqual(1);
  return comments[0] ? readStickyMarker(comments[0].body)!.revision : undefined;
}

const writes = () => gh.requests.filter((r) => r.method !== 'GET').length;

describe('reconcile', () => {
  it('drives an enqueued-and-abandoned retry to the end: report, validation, notable, issue closed', async () => {
    const { issue, pr, retry } = await enqueuedRetry();
    const before = writes();

    const early = await reconcile();
    expect(early.code).toBe(0);
    expect(early.reconciled).toEqual([
      {
        'retry-campaign-id': retry,
        action: 'waiting',
        detail: expect.stringMatching(/^campaign \d+: 0\/21 done/),
      },
    ]);
    expect(writes()).toBe(before);

    await runFixedWorkers(db, retry, ALL_TYPES);
    const reported = await reconcile('7001');
    expect(reported.reconciled).toEqual([
      { 'retry-campaign-id': retry, action: 'validation-running', detail: expect.any(String) },
    ]);
    const workers = JSON.parse(reported.outputs['validation-workers']!) as Record<
      string,
      unknown
    >[];
    const validation = workers[0]!['campaign-id'] as number;
    expect(validation).toBeGreaterThan(retry);
    expect(workers).toEqual(
      [1, 2, 3].map((index) => ({
        'campaign-id': validation,
        'worker-index': index,
        'operator-image': expect.stringMatching(
          /^registry\.example\/eval\/operator:[0-9a-f]{7}@sha256:/,
        ),
      })),
    );
    expect(stickyRevision(pr)).toBe(retry * 10 + 3);

    await runFixedWorkers(db, validation!, ALL_TYPES);
    const finished = await reconcile('7002');
    expect(finished.reconciled).toEqual([
      {
        'retry-campaign-id': retry,
        action: 'finalized',
        detail: `validation ${validation} passed`,
      },
    ]);
    expect(stickyRevision(pr)).toBe(retry * 10 + 4);
    expect(gh.state.issue(OWNER, REPO, issue)!.state).toBe('closed');

    const idle = await reconcile('7003');
    expect(idle.reconciled).toEqual([]);
    expect(idle.printed).toBe('No open retry: nothing to do.');
  });

  it('says which item a dead worker left running, and reports once it was requeued and done', async () => {
    const { retry } = await enqueuedRetry();
    const orphan = await claimNext(db, `c${retry}-2`, retry);
    await runFixedWorkers(db, retry, new Set(['network_partition']));
    await db.query({
      text: "UPDATE work_queue SET claimed_at = NOW() - interval '2 hours' WHERE id = $1",
      values: [orphan!.id],
    });

    const stuck = await reconcile();

    expect(stuck.reconciled[0]).toMatchObject({ action: 'waiting' });
    expect(stuck.reconciled[0]!.detail).toContain(
      `item ${orphan!.id} (${orphan!.chaosType}) running on c${retry}-2 for 2h00m, probably orphaned`,
    );
    // What `eval worker release-stale` does, then another worker finishes the item.
    await db.query({
      text: "UPDATE work_queue SET status = 'pending', worker_id = NULL, claimed_at = NULL WHERE id = $1",
      values: [orphan!.id],
    });
    const again = await claimNext(db, `c${retry}-3`, retry);
    await complete(db, again!.id, { error: 'ssh: connect to host: Connection timed out' });

    const done = await reconcile('7001');
    expect(done.reconciled[0]).toMatchObject({ action: 'reported', detail: 'improved' });
    expect(await reportRow(db, retry)).toMatchObject({ status: 'reported' });
  });

  it('leaves other repositories alone and keeps going past a retry that fails', async () => {
    const foreign = await enqueuedRetry('other-org/other-repo');
    await runFixedWorkers(db, foreign.retry, ALL_TYPES);
    const ours = await enqueuedRetry();
    await runFixedWorkers(db, ours.retry, new Set(['network_partition']));
    const { campaignId: broken } = await enqueueCampaign(db, {
      name: 'tikv-all-chaos-cloud-retry-x',
      subjects: ['tikv'],
      includeBaseline: false,
      continuous: false,
      variant: 'default',
      gitCommitHash: '',
      items: [{ chaosType: 'node_kill' }],
    });
    await runFixedWorkers(db, broken, ALL_TYPES);
    await ensureRetryReportsSchema(db);
    await openReport(db, {
      retryCampaignId: broken,
      retryRunId: null,
      repository: `${OWNER}/${REPO}`,
      prNumber: ours.pr,
      previousCampaignId: 999_999,
      diagnosisIssue: null,
      targetWinRate: 0.9,
    });

    const run = await reconcile();

    expect(run.code).toBe(1);
    expect(run.reconciled).toHaveLength(2);
    expect(run.reconciled).toEqual(
      expect.arrayContaining([
        { 'retry-campaign-id': broken, action: 'error', detail: expect.stringContaining('999999') },
        { 'retry-campaign-id': ours.retry, action: 'reported', detail: 'improved' },
      ]),
    );
    expect(await reportRow(db, foreign.retry)).toBeUndefined();
  });

  it('needs a token', async () => {
    const run = await runReport('reconcile', { 'database-url': url }, githubEnv(gh));
    expect(run.error?.message).toMatch(/^Missing github-token: reconcile comments/);
  });
});
