import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { JsonText } from '../../../src/core/json.js';
import { DatabaseError } from '../../../src/db/connection-url.js';
import { createEvalReader } from '../../../src/db/eval-reader.js';
import { complete, enqueue, insertTrial } from '../../../src/db/work-queue.js';
import { rawCampaign, upstreamDatabase } from './helpers.js';

describe('reader mapping', () => {
  test('campaign: from_row fallbacks for empty name and NULL variant/notes/commit; created_at as text', async () => {
    const { db } = await upstreamDatabase();
    const { rows } = await db.query({
      text: `INSERT INTO campaigns (subject_name, chaos_type, name, trial_count, baseline, continuous,
               notable, notes, variant_name, git_commit_hash, created_at)
             VALUES ('tikv', 'latency', '', 5, NULL, TRUE, TRUE, NULL, NULL, NULL,
               '2026-02-10T12:34:56.123456+00:00')
             RETURNING id`,
    });
    const id = rows[0]!.id as number;
    expect(await createEvalReader(db).getCampaign(id)).toEqual({
      id,
      subjectName: 'tikv',
      name: 'tikv/latency',
      trialCount: 5,
      baseline: false,
      continuous: true,
      notable: true,
      notes: '',
      variantName: 'default',
      gitCommitHash: '',
      createdAt: '2026-02-10 12:34:56.123456+00',
    });
    expect(await createEvalReader(db).getCampaign(id + 1)).toBeNull();
    expect(await createEvalReader(db).getCampaign(99_999_999_999)).toBeNull();
  });

  test('trials: NULL start/injection/end → "", NULL ticket/resolved → null, microseconds kept', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    await db.query({
      text: `INSERT INTO trials (campaign_id, started_at, chaos_injected_at, ticket_created_at,
               resolved_at, ended_at, final_state, chaos_metadata, commands_json)
             VALUES ($1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                    ($1, '2026-02-10T12:34:56.000001+00:00', '2026-02-10T12:35:00+00:00',
                     '2026-02-10 12:35:07', '2026-02-10T14:35:08.5+02:00', '2026-02-10T12:40:00.999999Z',
                     '{"stores": []}', 'null', '[{"tool_name": "shell"}]')`,
      values: [campaignId],
    });
    const trials = await createEvalReader(db).getTrials(campaignId);
    expect(trials.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        campaignId,
        startedAt: '',
        chaosInjectedAt: '',
        ticketCreatedAt: null,
        resolvedAt: null,
        endedAt: '',
        finalState: {},
        chaosMetadata: {},
        commands: [],
        commandStats: { count: 0, unique: 0 },
      },
      {
        campaignId,
        startedAt: '2026-02-10 12:34:56.000001+00',
        chaosInjectedAt: '2026-02-10 12:35:00+00',
        ticketCreatedAt: '2026-02-10 12:35:07+00',
        resolvedAt: '2026-02-10 12:35:08.5+00',
        endedAt: '2026-02-10 12:40:00.999999+00',
        finalState: { stores: [] },
        // JSON null is not SQL NULL: upstream's Trial gets "null", i.e. None.
        chaosMetadata: null,
        commands: [],
        commandStats: { count: 1, unique: 1 },
      },
    ]);
    expect(trials[0]!.id).toBeLessThan(trials[1]!.id);
  });

  test('a double-encoded JSONB value comes back as the inner JSON text (a string)', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    await db.query({
      text: `INSERT INTO trials (campaign_id, final_state, chaos_metadata, commands_json)
             VALUES ($1, to_jsonb('{"stores": [{"id": 1}]}'::text), to_jsonb('{"chaos_type": "latency"}'::text),
                     to_jsonb('[]'::text))`,
      values: [campaignId],
    });
    const [trial] = await createEvalReader(db).getTrials(campaignId);
    expect(trial!.finalState).toBe('{"stores": [{"id": 1}]}');
    expect(trial!.chaosMetadata).toBe('{"chaos_type": "latency"}');
    expect(trial!.commands).toEqual(new JsonText('"[]"'));
  });

  test('naive timestamp text written by insertTrial is UTC even in a session with another TimeZone', async () => {
    const { url, db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    const client = new pg.Client({
      connectionString: url,
      options: '-c TimeZone=America/New_York',
    });
    await client.connect();
    try {
      await insertTrial(client, {
        campaignId,
        startedAt: '2026-02-10T12:00:00.123456',
        chaosInjectedAt: '2026-02-10T12:00:01+00:00',
        ticketCreatedAt: '2026-02-10 12:00:07',
        resolvedAt: null,
        endedAt: '2026-02-10T13:00:00Z',
      });
      // Reading through a client without our pool's type parsers still yields text.
      const [trial] = await createEvalReader(client).getTrials(campaignId);
      expect(trial!.startedAt).toBe('2026-02-10 07:00:00.123456-05');
      const [utc] = await createEvalReader(db).getTrials(campaignId);
      expect(utc!.startedAt).toBe('2026-02-10 12:00:00.123456+00');
      expect(utc!.ticketCreatedAt).toBe('2026-02-10 12:00:07+00');
      expect(utc!.resolvedAt).toBeNull();
      expect(utc!.endedAt).toBe('2026-02-10 13:00:00+00');
    } finally {
      await client.end();
    }
  });

  test('work items: every column mapped, ordered by id, NULL chaos_params → {}', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db);
    const [a, b] = await enqueue(db, campaignId, [
      {
        subjectType: 'chat-db-app',
        chaosType: 'missing_index',
        chaosParams: { num_users: 5 },
        sequenceNumber: 0,
        resolutionTimeout: 900,
      },
      { baseline: true, chaosType: 'none' },
    ]);
    await db.query({
      text: 'UPDATE work_queue SET chaos_params = NULL WHERE id = $1',
      values: [b],
    });
    await db.query({
      text: `UPDATE work_queue SET status = 'running', worker_id = 'w1', vm_name = 'vm-1',
               claimed_at = '2026-02-10T12:00:00.5Z' WHERE id = $1`,
      values: [a],
    });
    await complete(db, a!, { error: 'boom' });
    const items = await createEvalReader(db).getWorkItems(campaignId);
    expect(items).toEqual([
      {
        id: a,
        campaignId,
        subjectType: 'chat-db-app',
        chaosType: 'missing_index',
        chaosParams: { num_users: 5 },
        baseline: false,
        status: 'failed',
        workerId: 'w1',
        claimedAt: '2026-02-10 12:00:00.5+00',
        completedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\+00$/),
        trialId: null,
        error: 'boom',
        sequenceNumber: 0,
        vmName: 'vm-1',
        resolutionTimeout: 900,
      },
      {
        id: b,
        campaignId,
        subjectType: 'tikv',
        chaosType: 'none',
        chaosParams: {},
        baseline: true,
        status: 'pending',
        workerId: null,
        claimedAt: null,
        completedAt: null,
        trialId: null,
        error: null,
        sequenceNumber: null,
        vmName: null,
        resolutionTimeout: null,
      },
    ]);
  });
});

describe('loadCampaignData', () => {
  test('returns campaign, trials and work items of that campaign only', async () => {
    const { db } = await upstreamDatabase();
    const mine = await rawCampaign(db, 'mine');
    const other = await rawCampaign(db, 'other');
    for (const campaignId of [mine, other]) {
      await enqueue(db, campaignId, [{}, {}]);
      await db.query({
        text: 'INSERT INTO trials (campaign_id) VALUES ($1)',
        values: [campaignId],
      });
    }
    const data = await createEvalReader(db).loadCampaignData(mine);
    expect(data.campaign.name).toBe('mine');
    expect(data.trials.map((trial) => trial.campaignId)).toEqual([mine]);
    expect(data.workItems.map((item) => item.campaignId)).toEqual([mine, mine]);
  });

  test('unknown campaign: DatabaseError with up to 3 nearest ids, closest first', async () => {
    const { db } = await upstreamDatabase();
    for (let i = 0; i < 6; i++) await rawCampaign(db); // ids 1..6
    await db.query({ text: 'DELETE FROM campaigns WHERE id = 4' });
    const reader = createEvalReader(db);
    await expect(reader.loadCampaignData(4)).rejects.toThrow(
      new DatabaseError('Campaign 4 not found (nearest existing campaigns: 3, 5, 2)'),
    );
    await expect(reader.loadCampaignData(100)).rejects.toThrow(
      'Campaign 100 not found (nearest existing campaigns: 6, 5, 3)',
    );
    await expect(reader.loadCampaignData(100)).rejects.toBeInstanceOf(DatabaseError);
    expect(await reader.listCampaignIdsNear(0, 2)).toEqual([1, 2]);
  });

  test('a non-positive or fractional id is rejected as invalid', async () => {
    const { db } = await upstreamDatabase();
    const reader = createEvalReader(db);
    for (const id of [0, -3, 1.5, Number.NaN]) {
      await expect(reader.loadCampaignData(id)).rejects.toThrow(
        `invalid campaign id ${id}: expected a positive integer`,
      );
    }
  });

  test('unknown campaign in an empty database says there are none', async () => {
    const { db } = await upstreamDatabase();
    await expect(createEvalReader(db).loadCampaignData(1)).rejects.toThrow(
      'Campaign 1 not found (the database has no campaigns)',
    );
  });

  test('works on a caller-supplied pg.Client without opening a transaction', async () => {
    const { url, db } = await upstreamDatabase();
    const id = await rawCampaign(db);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query("UPDATE campaigns SET notes = 'uncommitted'");
      const data = await createEvalReader(client).loadCampaignData(id);
      expect(data.campaign.notes).toBe('uncommitted');
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });

  test('loads a large campaign completely, in id order, with upstream NULL mapping (speed: npm run bench)', async () => {
    const { db } = await upstreamDatabase();
    const campaignId = await rawCampaign(db, 'big');
    await db.query({
      text: `INSERT INTO trials (campaign_id, started_at, chaos_injected_at, ticket_created_at, resolved_at,
               ended_at, initial_state, final_state, chaos_metadata, commands_json, operator_data_json)
             SELECT $1, t, t + interval '1 s', t + interval '7.25 s',
                    CASE WHEN i % 3 = 0 THEN NULL ELSE t + interval '90.5 s' END, t + interval '120 s',
                    jsonb_build_object('padding', repeat('x', 2000)),
                    jsonb_build_object('store_count', 3, 'region_count', 20, 'stores', jsonb_build_array(
                      jsonb_build_object('id', 1, 'address', 'tikv0:20160', 'state_name', 'Up'),
                      jsonb_build_object('id', 2, 'address', 'tikv1:20160', 'state_name', 'Up'),
                      jsonb_build_object('id', 3, 'address', 'tikv2:20160', 'state_name', 'Up'))),
                    jsonb_build_object('chaos_type', 'node_kill', 'target_container', 'tikv1'),
                    jsonb_build_array(jsonb_build_object('tool_name', 'shell', 'tool_params',
                      '{"command": "pd-ctl store"}', 'exit_code', 0, 'timestamp', '2026-02-10 12:00:00')),
                    jsonb_build_object('padding', repeat('y', 5000))
             FROM generate_series(1, 5000) AS i,
                  LATERAL (SELECT timestamptz '2026-02-10 00:00:00.123456+00' + i * interval '1 minute' AS t) AS ts`,
      values: [campaignId],
    });
    await enqueue(
      db,
      campaignId,
      Array.from({ length: 5_000 }, () => ({})),
    );
    const data = await createEvalReader(db).loadCampaignData(campaignId);
    expect(data.trials).toHaveLength(5_000);
    expect(data.workItems).toHaveLength(5_000);
    expect(data.trials.every((t, i) => i === 0 || t.id > data.trials[i - 1]!.id)).toBe(true);
    expect(data.trials[0]!.commandStats).toEqual({ count: 1, unique: 1 });
    expect(data.trials[2]!.resolvedAt).toBeNull();
    expect(data.trials[0]!.startedAt).toBe('2026-02-10 00:01:00.123456+00');
  });
});

describe('readCampaign', () => {
  test('a visitor that throws fails the read with its error once, and the connection stays usable', async () => {
    const { db } = await upstreamDatabase();
    const id = await rawCampaign(db);
    await db.query({
      text: 'INSERT INTO trials (campaign_id) SELECT $1 FROM generate_series(1, 3)',
      values: [id],
    });
    let visited = 0;
    const failure = createEvalReader(db).readCampaign(id, (snapshot) =>
      snapshot.forEachTrial(() => {
        visited += 1;
        throw new Error(`visitor failed on trial ${visited}`);
      }),
    );
    await expect(failure).rejects.toThrow(/^visitor failed on trial 1$/);
    expect(visited).toBe(1);
    const counted = await createEvalReader(db).readCampaign(id, async (snapshot) => {
      let trials = 0;
      await snapshot.forEachTrial(() => (trials += 1));
      return trials;
    });
    expect(counted).toBe(3);
  });
});

describe('findLatestFinishedCampaign', () => {
  test('newest campaign whose items are all completed/failed, optionally matching a name glob', async () => {
    const { db } = await upstreamDatabase();
    const reader = createEvalReader(db);
    expect(await reader.findLatestFinishedCampaign()).toBeNull();
    const tikv = await rawCampaign(db, 'tikv/node_kill');
    const running = await rawCampaign(db, 'tikv/running');
    const chat = await rawCampaign(db, 'chat-db-smoke');
    await rawCampaign(db, 'no-items');
    const [t1, t2] = await enqueue(db, tikv, [{}, {}]);
    await complete(db, t1!, {});
    await complete(db, t2!, { error: 'vm died' });
    const [r1, r2] = await enqueue(db, running, [{}, {}]);
    await complete(db, r1!, {});
    await db.query({
      text: "UPDATE work_queue SET status = 'running' WHERE id = $1",
      values: [r2],
    });
    const [c1] = await enqueue(db, chat, [{}]);
    await complete(db, c1!, {});

    expect((await reader.findLatestFinishedCampaign())?.id).toBe(chat);
    expect((await reader.findLatestFinishedCampaign('tikv*'))?.id).toBe(tikv);
    expect((await reader.findLatestFinishedCampaign('*/node_kill'))?.name).toBe('tikv/node_kill');
    expect(await reader.findLatestFinishedCampaign('tikv/running')).toBeNull();
    expect(await reader.findLatestFinishedCampaign('no-*')).toBeNull();
  });
});
