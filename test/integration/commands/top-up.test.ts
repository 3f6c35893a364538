/**
 * Adaptive top-up on a real PostgreSQL with the GitHub emulator: a retry whose comparison leaves
 * two combinations inconclusive gets one follow-up campaign with trials for exactly those two (a
 * second run adds nothing), rounds go on until they are decided, and the one PR comment then says
 * how many trials each combination used and why it stopped.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { GITHUB_ACTIONS_LOGIN } from '../../../src/github/diagnosis-issue.js';
import { readStickyMarker } from '../../../src/github/sticky-comment.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { useGitHubEmulator } from '../../support/github-emulator/index.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
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
} from './report-support.js';

const gh = useGitHubEmulator({ getUserWithInstallationToken: 'forbidden' });
const INVARIANT_FIX = new Set(['network_partition', 'pd_leader_kill']);

let url: string;
let db: EvalDatabase;
let previous: number;

beforeEach(async () => {
  url = await createEmptyDatabase('topup');
  previous = await seedDemoCampaign(url);
  db = await openEvalDatabase(url, { log: () => undefined });
  return () => db.close();
});

const botComments = (pr: number) =>
  gh.state
    .comments(OWNER, REPO, pr)
    .filter((c) => c.user === GITHUB_ACTIONS_LOGIN && readStickyMarker(c.body));

/** The default config: top-up on, 3 trials per round, up to 9 per combination. */
const compare = (retry: number, extra: Record<string, string | undefined> = {}) =>
  runReport(
    'compare',
    {
      'retry-campaign-id': String(retry),
      'database-url': url,
      'github-token': gh.token,
      config: undefined,
      ...extra,
    },
    githubEnv(gh),
  );

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

async function finishedRetry() {
  const diagnosis = await diagnose(gh, url, previous);
  const pr = mergedFix(gh, diagnosis.issueNumber);
  const retry = await enqueueRetry(db, {
    previousCampaignId: previous,
    prNumber: pr.number,
    mergeSha: pr.sha,
    issueNumber: diagnosis.issueNumber,
    failing: diagnosis.failing,
  });
  await runFixedWorkers(db, retry, INVARIANT_FIX);
  return { pr: pr.number, retry };
}

describe('adaptive top-up', () => {
  it('tops up exactly the two inconclusive combinations once per round, then reports trials and verdicts', async () => {
    const { pr, retry } = await finishedRetry();

    // 0/3 → 3/3 is p = 0.05: not enough at an interim look, so both fixed types get more trials;
    // every other type failed at least once in 3 and cannot reach 90% within 9: decided.
    const first = await compare(retry);
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
    const again = await compare(retry);
    expect(again.outputs['top-up-campaign-id']).toBe(String(topUp));
    expect(await campaignCount()).toBe(campaigns);
    const { rows } = await db.query({
      text: 'SELECT round, campaign_id FROM iterate_campaign.top_ups WHERE retry_campaign_id = $1',
      values: [retry],
    });
    expect(rows).toEqual([{ round: 1, campaign_id: topUp }]);

    await runFixedWorkers(db, topUp, INVARIANT_FIX);
    // 6/6 after 0/3 is p ≈ 0.012: still short of the interim bar, one more round to the budget.
    const second = await compare(retry);
    const round2 = Number(second.outputs['top-up-campaign-id']);
    expect(round2).toBeGreaterThan(topUp);
    expect(await itemsOf(round2)).toHaveLength(6);
    const waiting = await compare(retry);
    expect(waiting.outputs.verdict).toBe('pending');
    expect(waiting.printed).toContain(`Waiting for top-up round 2 of retry ${retry}`);
    await runFixedWorkers(db, round2, INVARIANT_FIX);

    const final = await compare(retry);
    expect(final.error).toBeUndefined();
    expect(final.outputs.verdict).not.toBe('pending');
    const [comment] = botComments(pr);
    expect(botComments(pr)).toHaveLength(1);
    expect(comment!.body).toMatch(
      /\| `network_partition` \| {2}\| 0\/3 \(0\.0%\) \| 9\/9 \(100\.0%\) \| 0\.005 \| ✅ fixed \|/,
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
    const { pr, retry } = await finishedRetry();
    const config = join(tmpdir(), `one-look-${process.pid}.yml`);
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
