import { performance } from 'node:perf_hooks';
import { resolveCauses } from '../core/causes.js';
import { renderDiagnosisMarkdown } from '../core/render-diagnosis.js';
import { loadCampaignAnalysis } from '../loop/analyze-campaign.js';
import type { EvalDatabase } from '../db/pool.js';
import { TIKV_LOCAL_CHAOS_TYPES } from '../core/chaos-types.js';
import { enqueueCampaign } from '../db/enqueue-campaign.js';

const CHAOS = TIKV_LOCAL_CHAOS_TYPES;

/**
 * Fills a campaign with `size` work items and trials shaped like the real worker's rows (three
 * stores, a handful of commands, chaos metadata), about one in five failing in various ways. Every
 * trial's command list is its own (times, targets), as on a real campaign: equal lists would let
 * PostgreSQL and the readers reuse work across rows.
 */
export async function seedLargeCampaign(db: EvalDatabase, size: number): Promise<number> {
  const items = Array.from({ length: size }, (_, i) => ({
    chaosType: CHAOS[i % CHAOS.length]!,
    chaosParams: CHAOS[i % CHAOS.length] === 'latency' ? { min_ms: 50, max_ms: 150 } : {},
  }));
  const { campaignId } = await enqueueCampaign(db, {
    name: `bench-${size}`,
    subjects: ['tikv'],
    includeBaseline: false,
    continuous: false,
    variant: 'default',
    gitCommitHash: 'bench',
    items,
  });
  await db.query({
    text: `WITH items AS (
       SELECT id, chaos_type, row_number() OVER (ORDER BY id) AS n FROM work_queue WHERE campaign_id = $1
     ), inserted AS (
       INSERT INTO trials (campaign_id, started_at, chaos_injected_at, ticket_created_at, resolved_at, ended_at,
                           initial_state, final_state, chaos_metadata, commands_json)
       SELECT $1,
              t0, t0 + interval '150 seconds',
              CASE WHEN n % 11 = 0 THEN NULL ELSE t0 + interval '150 seconds' + (n % 40 + 5) * interval '1 second' END,
              CASE WHEN n % 5 = 0 THEN NULL ELSE t0 + interval '150 seconds' + (n % 400 + 60) * interval '1 second' END,
              t0 + interval '25 minutes',
              '{"store_count":3,"stores":[{"id":1,"address":"tikv0:20160","state_name":"Up"},{"id":4,"address":"tikv1:20160","state_name":"Up"},{"id":5,"address":"tikv2:20160","state_name":"Up"}],"region_count":24}'::jsonb,
              CASE WHEN n % 7 = 0
                THEN '{"store_count":3,"stores":[{"id":1,"address":"tikv0:20160","state_name":"Up"},{"id":4,"address":"tikv1:20160","state_name":"Disconnected"},{"id":5,"address":"tikv2:20160","state_name":"Up"}],"region_count":24}'::jsonb
                ELSE '{"store_count":3,"stores":[{"id":1,"address":"tikv0:20160","state_name":"Up"},{"id":4,"address":"tikv1:20160","state_name":"Up"},{"id":5,"address":"tikv2:20160","state_name":"Up"}],"region_count":24}'::jsonb END,
              jsonb_build_object('chaos_type', chaos_type, 'target_container', 'tikv' || (n % 3)),
              CASE WHEN n % 11 = 0 THEN '[]'::jsonb ELSE jsonb_build_array(
                jsonb_build_object('tool_name', 'shell', 'tool_params', '{"command": "pd-ctl store"}',
                  'exit_code', 0, 'timestamp', (t0 + interval '180 seconds')::text),
                jsonb_build_object('tool_name', 'shell', 'tool_params', format('{"command": "docker ps -a --filter name=tikv%s"}', n % 3),
                  'exit_code', 0, 'timestamp', (t0 + interval '200 seconds')::text),
                jsonb_build_object('tool_name', 'shell', 'tool_params', format('{"command": "docker start tikv%s && sleep %s"}', n % 3, n % 13),
                  'exit_code', 0, 'timestamp', (t0 + interval '220 seconds')::text),
                jsonb_build_object('tool_name', 'shell', 'tool_params', '{"command": "pd-ctl store"}',
                  'exit_code', 0, 'timestamp', (t0 + interval '240 seconds')::text)) END
       FROM (SELECT *, timestamptz '2026-02-10 00:00:00+00' + n * interval '20 minutes' + (n % 1000) * interval '1 microsecond' AS t0 FROM items) s
       ORDER BY n
       RETURNING id
     ), numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM inserted)
     UPDATE work_queue w SET status = 'completed', trial_id = numbered.id, completed_at = NOW(), worker_id = 'bench'
     FROM numbered JOIN items USING (n) WHERE w.id = items.id`,
    values: [campaignId],
  });
  return campaignId;
}

export interface AnalyzeTiming {
  /** Load and score from the database, as `analyze` does (loop/analyze-campaign.ts). */
  analyzeMs: number;
  renderMs: number;
  trials: number;
}

export async function timeAnalysis(db: EvalDatabase, campaignId: number): Promise<AnalyzeTiming> {
  const t0 = performance.now();
  const analysis = await loadCampaignAnalysis(db, campaignId, {
    target: 0.9,
    causes: resolveCauses(),
  });
  const t1 = performance.now();
  renderDiagnosisMarkdown(analysis);
  const t2 = performance.now();
  return { analyzeMs: t1 - t0, renderMs: t2 - t1, trials: analysis.trials };
}

/** The naive way: one query per trial, as a script looping over `eval show --trial` would. */
export async function timeRowByRow(
  db: EvalDatabase,
  campaignId: number,
  sample: number,
): Promise<number> {
  const { rows } = await db.query({
    text: 'SELECT id FROM trials WHERE campaign_id = $1 ORDER BY id LIMIT $2',
    values: [campaignId, sample],
  });
  const t0 = performance.now();
  for (const row of rows) {
    await db.query({
      text: 'SELECT id, started_at, chaos_injected_at, ticket_created_at, resolved_at, ended_at, final_state, chaos_metadata, commands_json FROM trials WHERE id = $1',
      values: [row.id],
    });
  }
  return (performance.now() - t0) / rows.length;
}
