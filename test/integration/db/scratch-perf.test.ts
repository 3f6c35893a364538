import { test } from 'vitest';
import { upstreamDatabase, rawCampaign } from './helpers.js';
import { enqueue } from '../../../src/db/work-queue.js';
import { createEvalReader } from '../../../src/db/eval-reader.js';

test('perf', async () => {
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
           FROM generate_series(1, 100000) AS i,
                LATERAL (SELECT timestamptz '2026-02-10 00:00:00.123456+00' + i * interval '1 minute' AS t) AS ts`,
    values: [campaignId],
  });
  let t = performance.now();
  await enqueue(
    db,
    campaignId,
    Array.from({ length: 100_000 }, () => ({})),
  );
  console.log('enqueue', performance.now() - t);
  const reader = createEvalReader(db);
  const time = async (label: string, fn: () => Promise<unknown>) => {
    const ts: number[] = [];
    for (let i = 0; i < 6; i++) {
      const s = performance.now();
      await fn();
      ts.push(Math.round(performance.now() - s));
    }
    console.log(label, 'min', Math.min(...ts), ts.join(' '));
  };
  const raw = { getTypeParser: () => (v: string) => v };
  const cols =
    'id, campaign_id, started_at, chaos_injected_at, ticket_created_at, resolved_at, ended_at, final_state, chaos_metadata, commands_json';
  const { EVAL_TYPES } = await import('../../../src/db/pool.js');
  const q = (text: string, values: unknown[]) =>
    db.query({ text, values, rowMode: 'array', types: EVAL_TYPES } as never);
  await time('full ordered', () =>
    q(`SELECT ${cols} FROM trials WHERE campaign_id = $1 ORDER BY id`, [campaignId]),
  );
  await time('full unordered', () =>
    q(`SELECT ${cols} FROM trials WHERE campaign_id = $1`, [campaignId]),
  );
  const cpu = async (label: string, fn: () => Promise<unknown>) => {
    const c = process.cpuUsage(); const s = performance.now();
    await fn();
    const d = process.cpuUsage(c);
    console.log(label, 'wall', Math.round(performance.now() - s), 'nodecpu', Math.round((d.user + d.system) / 1000));
  };
  const { EVAL_TYPES: T } = await import('../../../src/db/pool.js');
  const concat = `SELECT id, campaign_id, started_at, chaos_injected_at, ticket_created_at, resolved_at, ended_at, '[' || COALESCE(final_state::text, 'null') || ',' || COALESCE(chaos_metadata::text, 'null') || ',' || COALESCE(commands_json::text, 'null') || ']' FROM trials WHERE campaign_id = $1`;
  for (let k = 0; k < 4; k++) {
    await cpu('getTrials', () => reader.getTrials(campaignId));
    await cpu('concat', async () => { const r = await db.query({ text: concat, values: [campaignId], rowMode: 'array', types: T } as never); return (r.rows as unknown[][]).map((x) => { const j = JSON.parse(x[7] as string); return { id: x[0], campaignId: x[1], startedAt: x[2] ?? '', chaosInjectedAt: x[3] ?? '', ticketCreatedAt: x[4], resolvedAt: x[5], endedAt: x[6] ?? '', finalState: j[0] ?? {}, chaosMetadata: j[1] ?? {}, commands: j[2] ?? [] }; }); });
  }
}, 120_000);
