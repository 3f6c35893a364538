import { describe, expect, test } from 'vitest';
import { openEvalDatabase } from '../../../src/db/pool.js';
import {
  claimNext,
  complete,
  enqueue,
  getCampaignStatus,
  insertCampaign,
  insertTrial,
  updateVmName,
} from '../../../src/db/work-queue.js';
import { rawCampaign, upstreamDatabase } from './helpers.js';

/** Upstream's enqueue, literally: one INSERT per item (queue.py @ 675946b). */
const UPSTREAM_ENQUEUE_ONE = `INSERT INTO work_queue (
    campaign_id, subject_type, chaos_type,
    chaos_params, baseline, status, sequence_number,
    resolution_timeout
  )
  VALUES ($1, $2, $3, $4::jsonb, $5, 'pending', $6, $7)
  RETURNING id`;

describe('enqueue', () => {
  test('writes rows identical to upstream one-INSERT-per-item, ids in item order', async () => {
    const { db } = await upstreamDatabase();
    const ours = await rawCampaign(db, 'ours');
    const theirs = await rawCampaign(db, 'theirs');
    const items = [
      {},
      {
        subjectType: 'chat-db-app',
        chaosType: 'missing_index',
        chaosParams: { num_users: 50, ratio: 0.5 },
      },
      { chaosType: 'none', baseline: true, chaosParams: {} },
      { chaosType: 'db_sharding', sequenceNumber: 0, resolutionTimeout: 900 },
      {
        chaosType: 'shard_fanout',
        sequenceNumber: 1,
        resolutionTimeout: 1800,
        chaosParams: 'a "string"',
      },
      { chaosParams: null },
    ];
    const ids = await enqueue(db, ours, items);
    expect(ids).toHaveLength(items.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    for (const item of items) {
      // Python's item.get(key, default): a missing key takes the default, None is passed through.
      await db.query({
        text: UPSTREAM_ENQUEUE_ONE,
        values: [
          theirs,
          item.subjectType ?? 'tikv',
          item.chaosType ?? 'node_kill',
          JSON.stringify('chaosParams' in item ? item.chaosParams : {}),
          item.baseline ?? false,
          item.sequenceNumber ?? null,
          item.resolutionTimeout ?? null,
        ],
      });
    }
    const rowsOf = async (campaignId: number) =>
      (
        await db.query({
          text: `SELECT to_jsonb(w) - 'id' - 'campaign_id' AS row FROM work_queue w
                 WHERE campaign_id = $1 ORDER BY id`,
          values: [campaignId],
        })
      ).rows.map((row) => row.row);
    const ourRows = await rowsOf(ours);
    expect(ourRows).toEqual(await rowsOf(theirs));
    expect(ourRows[0]).toMatchObject({
      subject_type: 'tikv',
      chaos_type: 'node_kill',
      chaos_params: {},
      baseline: false,
      status: 'pending',
    });
    expect(ourRows[4].chaos_params).toBe('a "string"');
    expect(ourRows[5].chaos_params).toBeNull();
  });

  test('enqueues 100,000 items in order (speed is measured by npm run bench)', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    const items = Array.from({ length: 100_000 }, (_, i) => ({
      chaosType: `type_${i % 7}`,
      chaosParams: { i },
    }));
    const ids = await enqueue(db, campaignId, items);
    expect(ids).toHaveLength(100_000);
    const { rows } = await db.query({
      text: `SELECT count(*)::int AS n, bool_and(chaos_params = jsonb_build_object('i', id - $2)) AS in_order
             FROM work_queue WHERE campaign_id = $1`,
      values: [campaignId, ids[0]],
    });
    expect(rows[0]).toEqual({ n: 100_000, in_order: true });
  });

  test('an empty list inserts nothing', async () => {
    const { db } = await upstreamDatabase();
    expect(await enqueue(db, await rawCampaign(db), [])).toEqual([]);
  });
});

describe('claimNext', () => {
  test('claims the lowest pending id, sets running/worker/claimed_at, returns the record', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    const [first, second] = await enqueue(db, campaignId, [{ chaosParams: { min_ms: 50 } }, {}]);
    const claimed = await claimNext(db, 'worker-a', campaignId);
    expect(claimed).toMatchObject({
      id: first,
      campaignId,
      status: 'running',
      workerId: 'worker-a',
      chaosParams: { min_ms: 50 },
      completedAt: null,
    });
    expect(claimed!.claimedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00$/);
    expect((await claimNext(db, 'worker-b'))?.id).toBe(second);
    expect(await claimNext(db, 'worker-c')).toBeNull();
  });

  test('with a campaign id, claims only that campaign', async () => {
    const { db } = await upstreamDatabase();
    const a = await rawCampaign(db, 'a');
    const b = await rawCampaign(db, 'b');
    await enqueue(db, a, [{}]);
    const [onlyB] = await enqueue(db, b, [{}]);
    expect((await claimNext(db, 'w', b))?.id).toBe(onlyB);
    expect(await claimNext(db, 'w', b)).toBeNull();
  });

  test('4 concurrent claimers over 2,000 items claim each item exactly once', async () => {
    const { url, db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    const ids = await enqueue(
      db,
      campaignId,
      Array.from({ length: 2_000 }, () => ({})),
    );
    const claimers = await Promise.all([1, 2, 3, 4].map(() => openEvalDatabase(url, { max: 1 })));
    try {
      const claimedBy = await Promise.all(
        claimers.map(async (claimer, index) => {
          const mine: number[] = [];
          for (;;) {
            const item = await claimNext(claimer, `worker-${index}`, campaignId);
            if (!item) return mine;
            mine.push(item.id);
          }
        }),
      );
      const all = claimedBy.flat();
      expect(all).toHaveLength(2_000);
      expect(new Set(all).size).toBe(2_000);
      expect([...all].sort((x, y) => x - y)).toEqual(ids);
      expect(claimedBy.filter((mine) => mine.length > 0).length).toBeGreaterThan(1);
      const { rows } = await db.query({
        text: `SELECT worker_id, count(*)::int AS n FROM work_queue
               WHERE campaign_id = $1 AND status = 'running' GROUP BY worker_id ORDER BY worker_id`,
        values: [campaignId],
      });
      expect(rows.map((row) => row.n)).toEqual(
        claimedBy.map((mine) => mine.length).filter((n) => n > 0),
      );
    } finally {
      await Promise.all(claimers.map((claimer) => claimer.close()));
    }
  });

  test('continuous campaigns: item n > 0 waits for item n - 1 completed by the same worker', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    const [s0, s1, s2] = await enqueue(db, campaignId, [
      { sequenceNumber: 0 },
      { sequenceNumber: 1 },
      { sequenceNumber: 2 },
    ]);
    expect((await claimNext(db, 'A', campaignId))?.id).toBe(s0);
    expect(await claimNext(db, 'B', campaignId)).toBeNull(); // s1 waits for s0
    await complete(db, s0!, { trialId: null });
    expect(await claimNext(db, 'B', campaignId)).toBeNull(); // affinity: s0 was A's
    expect((await claimNext(db, 'A', campaignId))?.id).toBe(s1);
    await complete(db, s1!, { error: 'vm lost' });
    expect(await claimNext(db, 'A', campaignId)).toBeNull(); // s1 failed, not completed
    await db.query({
      text: "UPDATE work_queue SET status = 'completed' WHERE id = $1",
      values: [s1],
    });
    expect((await claimNext(db, 'A', campaignId))?.id).toBe(s2);
  });

  test('items without a sequence number stay claimable alongside a blocked sequence', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    const [, blocked, free] = await enqueue(db, campaignId, [
      { sequenceNumber: 0 },
      { sequenceNumber: 1 },
      {},
    ]);
    await claimNext(db, 'A', campaignId);
    expect((await claimNext(db, 'B', campaignId))?.id).toBe(free);
    expect(blocked).toBeLessThan(free!);
  });
});

describe('complete, updateVmName, getCampaignStatus', () => {
  test('completed with trial id, failed with error; unconditional like upstream', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    const trialId = await insertTrial(db, {
      campaignId,
      startedAt: '2026-02-10T12:00:00+00:00',
      chaosInjectedAt: '2026-02-10T12:00:01+00:00',
      ticketCreatedAt: null,
      resolvedAt: null,
      endedAt: '2026-02-10T12:05:00+00:00',
    });
    const [ok, bad, killed, blank] = await enqueue(db, campaignId, [{}, {}, {}, {}]);
    await updateVmName(db, ok!, 'tikv-eval-0-abcd1234');
    await complete(db, ok!, { trialId });
    await complete(db, bad!, { error: 'Subject failed to become healthy' });
    await db.query({
      text: "UPDATE work_queue SET status = 'failed', error = 'Killed by user' WHERE id = $1",
      values: [killed],
    });
    await complete(db, killed!, { trialId });
    await complete(db, blank!, { error: '' }); // Python truthiness: empty error → completed
    const { rows } = await db.query({
      text: `SELECT id, status, trial_id, error, vm_name, completed_at IS NOT NULL AS done
             FROM work_queue WHERE campaign_id = $1 ORDER BY id`,
      values: [campaignId],
    });
    expect(rows).toEqual([
      {
        id: ok,
        status: 'completed',
        trial_id: trialId,
        error: null,
        vm_name: 'tikv-eval-0-abcd1234',
        done: true,
      },
      {
        id: bad,
        status: 'failed',
        trial_id: null,
        error: 'Subject failed to become healthy',
        vm_name: null,
        done: true,
      },
      {
        id: killed,
        status: 'completed',
        trial_id: trialId,
        error: null,
        vm_name: null,
        done: true,
      },
      { id: blank, status: 'completed', trial_id: null, error: '', vm_name: null, done: true },
    ]);
  });

  test('status counts are zero-filled and keep unknown statuses as their own key', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    expect(await getCampaignStatus(db, campaignId)).toEqual({
      pending: 0,
      running: 0,
      completed: 0,
      failed: 0,
    });
    const [a, b] = await enqueue(db, campaignId, [{}, {}, {}, {}]);
    await claimNext(db, 'w', campaignId);
    await complete(db, a!, {});
    await db.query({
      text: "UPDATE work_queue SET status = 'cancelled' WHERE id = $1",
      values: [b],
    });
    expect(await getCampaignStatus(db, campaignId)).toEqual({
      pending: 2,
      running: 0,
      completed: 1,
      failed: 0,
      cancelled: 1,
    });
  });
});

describe('insertCampaign and insertTrial', () => {
  test('insertCampaign writes what upstream writes and leaves notable/notes to their defaults', async () => {
    const { db } = await upstreamDatabase();
    const id = await insertCampaign(db, {
      subjectName: 'tikv',
      name: 'tikv-chaos',
      trialCount: 6,
      baseline: true,
      continuous: false,
      variantName: 'opus',
      topologyJson: '',
      gitCommitHash: 'abc123',
      createdAt: '2026-02-10T12:34:56.123456',
    });
    const withTopology = await insertCampaign(db, {
      subjectName: 'tikv',
      name: 'x',
      trialCount: 1,
      topologyJson: '{"hosts": []}',
    });
    const { rows } = await db.query({
      text: `SELECT id, subject_name, chaos_type, name, trial_count, baseline, continuous, notable, notes,
               variant_name, topology_json, git_commit_hash, created_at::text AS created_at,
               created_at > NOW() - interval '1 minute' AS recent
             FROM campaigns ORDER BY id`,
    });
    expect(rows[0]).toEqual({
      id,
      subject_name: 'tikv',
      chaos_type: '',
      name: 'tikv-chaos',
      trial_count: 6,
      baseline: true,
      continuous: false,
      notable: false,
      notes: '',
      variant_name: 'opus',
      topology_json: null,
      git_commit_hash: 'abc123',
      created_at: '2026-02-10 12:34:56.123456+00',
      recent: false,
    });
    expect(rows[1]).toMatchObject({
      id: withTopology,
      variant_name: 'default',
      git_commit_hash: '',
      baseline: false,
      topology_json: { hosts: [] },
      recent: true,
    });
  });

  test('insertTrial casts JSON text to jsonb with upstream defaults; behavior_json stays empty', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    const id = await insertTrial(db, {
      campaignId,
      startedAt: '2026-02-10T12:34:56.654321+00:00',
      chaosInjectedAt: '2026-02-10T12:35:00Z',
      ticketCreatedAt: '2026-02-10 12:35:07',
      resolvedAt: '2026-02-10T13:36:00+01:00',
      endedAt: '2026-02-10',
      initialState: '',
      finalState: '{"stores": [{"id": 1, "state_name": "Up"}]}',
      chaosMetadata: '"{\\"chaos_type\\": \\"latency\\"}"',
    });
    const { rows } = await db.query({
      text: `SELECT started_at::text, chaos_injected_at::text, ticket_created_at::text, resolved_at::text,
               ended_at::text, initial_state, final_state, chaos_metadata, commands_json, operator_data_json,
               behavior_json
             FROM trials WHERE id = $1`,
      values: [id],
    });
    expect(rows[0]).toEqual({
      started_at: '2026-02-10 12:34:56.654321+00',
      chaos_injected_at: '2026-02-10 12:35:00+00',
      ticket_created_at: '2026-02-10 12:35:07+00',
      resolved_at: '2026-02-10 12:36:00+00',
      ended_at: '2026-02-10 00:00:00+00',
      initial_state: {},
      final_state: { stores: [{ id: 1, state_name: 'Up' }] },
      chaos_metadata: '{"chaos_type": "latency"}',
      commands_json: [],
      operator_data_json: {},
      behavior_json: '',
    });
  });

  test('insertTrial rejects an empty required timestamp, as upstream fromisoformat("") does', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    await expect(
      insertTrial(db, {
        campaignId,
        startedAt: '',
        chaosInjectedAt: '',
        ticketCreatedAt: null,
        resolvedAt: null,
        endedAt: '',
      }),
    ).rejects.toThrow(/startedAt: empty timestamp/);
  });
});
