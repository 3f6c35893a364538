import { beforeAll, describe, expect, test } from 'vitest';
import {
  analyzeCampaign,
  trialsNeedingCommands,
  type CampaignAnalysis,
} from '../../../src/core/analysis.js';
import { DEFAULT_CAUSES, type Cause } from '../../../src/core/causes.js';
import { EVIDENCE_COMMANDS, fillEvidenceCommands } from '../../../src/core/evidence.js';
import type { Symptom } from '../../../src/core/symptoms.js';
import { createEvalReader } from '../../../src/db/eval-reader.js';
import { openEvalDatabase, type EvalDatabase, type Queryable } from '../../../src/db/pool.js';
import { createUpstreamSchema } from '../../../src/db/upstream-schema.js';
import { loadCampaignAnalysis } from '../../../src/loop/analyze-campaign.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';

const OPTIONS = { target: 0.9, causes: DEFAULT_CAUSES as Record<Symptom, Cause> };

/** The analysis as analyze computed it before it streamed: every row in memory, then scored. */
async function inMemoryAnalysis(db: Queryable, campaignId: number): Promise<CampaignAnalysis> {
  const reader = createEvalReader(db);
  const analysis = analyzeCampaign(await reader.loadCampaignData(campaignId), {
    ...OPTIONS,
    localUtcOffsetMinutes: -new Date().getTimezoneOffset(),
  });
  const commands = await reader.getTrialCommands(
    trialsNeedingCommands(analysis),
    EVIDENCE_COMMANDS,
  );
  fillEvidenceCommands(analysis.trials_detail, commands);
  return analysis;
}

const UP = '{"stores": [{"id": 1, "address": "tikv0:20160", "state_name": "Up"}]}';
const DOWN =
  '{"stores": [{"id": 1, "address": "tikv0:20160", "state_name": "Up"}, {"id": 4, "address": "tikv1:20160", "state_name": "Disconnected"}]}';
const COMMANDS = JSON.stringify(
  Array.from({ length: 14 }, (_, i) => ({
    tool_name: 'shell',
    tool_params: JSON.stringify({ command: `pd-ctl store ${i % 5}` }),
  })),
);

interface OddTrial {
  id: number;
  started?: string;
  ticket?: string | null;
  resolved?: string | null;
  final?: string | null;
  metadata?: string | null;
  commands?: string | null;
}

/**
 * A campaign of the shapes that matter: ids inserted out of order (a sequential scan returns them
 * so), trials without a work item (identified from chaos_metadata), two work items on one trial
 * (the later one counts), a broken and a pending item, a baseline, float params, rows on which
 * upstream raises, unhealthy and empty final states, long and odd command lists.
 */
async function seedOddCampaign(db: EvalDatabase): Promise<number> {
  const { rows } = await db.query({
    text: `INSERT INTO campaigns (subject_name, name, trial_count) VALUES ('tikv', 'odd', 12) RETURNING id`,
  });
  const campaignId = rows[0]!.id as number;
  const trials: OddTrial[] = [
    { id: 9050, final: DOWN, commands: COMMANDS },
    { id: 9010, resolved: null, final: DOWN, commands: COMMANDS },
    { id: 9030 },
    { id: 9020, ticket: null, resolved: null, commands: '[]' },
    { id: 9070, metadata: '{"chaos_type": "disk_pressure", "fill_percent": 90}', final: '{}' },
    { id: 9060, metadata: '{"chaos_type": "latency", "min_ms": 100, "max_ms": 200.0}' },
    { id: 9065, metadata: '{}', resolved: null },
    { id: 9040, final: 'null' },
    { id: 9080, commands: '[{"tool_params": {"command": "ls"}}, "pwd"]', final: DOWN },
    { id: 9090, started: '20000-01-01 00:00:00+00' },
    { id: 9095, final: JSON.stringify(UP), commands: '[{"tool_params": 1}, {"tool_params": 1.0}]' },
    { id: 9015, resolved: 'infinity' },
  ];
  for (const t of trials) {
    await db.query({
      text: `INSERT INTO trials (id, campaign_id, started_at, chaos_injected_at, ticket_created_at,
               resolved_at, ended_at, final_state, chaos_metadata, commands_json)
             VALUES ($1, $2, $3::timestamptz, '2026-02-10 12:02:30+00', $4::timestamptz,
                     $5::timestamptz, '2026-02-10 12:30:00+00', $6::jsonb, $7::jsonb, $8::jsonb)`,
      values: [
        t.id,
        campaignId,
        t.started ?? '2026-02-10 12:00:00+00',
        t.ticket === undefined ? '2026-02-10 12:02:50.5+00' : t.ticket,
        t.resolved === undefined ? '2026-02-10 12:07:30.25+00' : t.resolved,
        t.final === undefined ? UP : t.final,
        t.metadata === undefined
          ? '{"chaos_type": "node_kill", "target_container": "tikv1"}'
          : t.metadata,
        t.commands === undefined ? '[{"tool_params": "{\\"command\\": \\"ls\\"}"}]' : t.commands,
      ],
    });
  }
  const items: [string, string | null, boolean, string, number | null, number | null, string?][] = [
    // chaos_type, params, baseline, status, trial, resolution_timeout, error
    ['latency', '{"min_ms": 50, "max_ms": 150.0}', false, 'completed', 9050, 600],
    ['latency', '{"max_ms": 150.0, "min_ms": 50}', false, 'completed', 9030, 900],
    ['node_kill', null, false, 'completed', 9010, null],
    ['network_partition', '{}', false, 'completed', 9010, null],
    ['node_kill', '{}', false, 'completed', 9020, null],
    ['none', '{}', true, 'completed', 9040, null],
    ['pd_leader_kill', '{}', false, 'failed', null, null, 'worker crashed'],
    ['pd_leader_kill', '{}', false, 'pending', null, null],
    ['node_kill', '{}', false, 'completed', 9080, null],
    ['node_kill', '{}', false, 'completed', 9090, null],
    ['node_kill', '{}', false, 'running', 9095, null],
    ['latency', '{"min_ms": 50, "max_ms": 150}', false, 'completed', 9015, null],
  ];
  for (const [chaosType, params, baseline, status, trialId, timeout, error] of items) {
    await db.query({
      text: `INSERT INTO work_queue (campaign_id, subject_type, chaos_type, chaos_params, baseline,
               status, trial_id, resolution_timeout, error, worker_id, vm_name)
             VALUES ($1, 'tikv', $2, $3::jsonb, $4, $5, $6, $7, $8, 'w-1', 'vm-1')`,
      values: [campaignId, chaosType, params, baseline, status, trialId, timeout, error ?? null],
    });
  }
  return campaignId;
}

let url: string;
let db: EvalDatabase;
let demoId: number;
let oddId: number;

beforeAll(async () => {
  url = await createEmptyDatabase('stream');
  demoId = await seedDemoCampaign(url);
  db = await openEvalDatabase(url, { log: () => undefined });
  await createUpstreamSchema(db);
  oddId = await seedOddCampaign(db);
  return () => db.close();
}, 120_000);

describe('loadCampaignAnalysis streams the campaign', () => {
  test('the demo campaign: the same analysis as scoring every row in memory', async () => {
    const streamed = await loadCampaignAnalysis(db, demoId, OPTIONS);
    expect(streamed).toEqual(await inMemoryAnalysis(db, demoId));
    expect(streamed.findings.length).toBeGreaterThan(0);
    expect(streamed.broken_work_items.length).toBeGreaterThan(0);
    expect(
      streamed.trials_detail.filter((d) => d.evidence?.commands.length).length,
    ).toBeGreaterThan(0);
  });

  test('odd rows: anomalies, orphan trials, duplicate work items and ids out of order', async () => {
    const streamed = await loadCampaignAnalysis(db, oddId, OPTIONS);
    const expected = await inMemoryAnalysis(db, oddId);
    expect(streamed).toEqual(expected);
    // What makes the fixture worth having, so the equality above compares something.
    expect(streamed.anomalies.map((a) => a.trial_id)).toEqual([9040, 9080, 9090]);
    expect(streamed.trials_detail.map((d) => d.trial_id)).toEqual(
      [...streamed.trials_detail.map((d) => d.trial_id)].sort((a, b) => a - b),
    );
    expect(streamed.trials_detail.find((d) => d.trial_id === 9010)).toMatchObject({
      chaos_type: 'network_partition',
      evidence: { commands: expect.arrayContaining(['pd-ctl store 0']), commands_total: 14 },
    });
    expect(streamed.by_chaos_type.map((c) => c.chaos_type)).toEqual([
      'latency',
      'node_kill',
      'network_partition',
      'none',
      'pd_leader_kill',
      'latency',
      // Trial-made combinations by first trial: 9060 was inserted after 9070.
      'latency',
      'disk_pressure',
    ]);
    expect(streamed.by_chaos_type[0]).toMatchObject({ resolution_timeout: 900, trials: 2 });
    expect(streamed.work_items).toEqual({
      total: 12,
      pending: 1,
      running: 1,
      completed: 9,
      failed: 1,
    });
    expect(streamed.finished).toBe(false);
    expect(streamed.broken_work_items).toMatchObject([
      { chaos_type: 'pd_leader_kill', error: 'worker crashed', worker_id: 'w-1' },
    ]);
  });

  test('only the failing trials are kept in detail', async () => {
    const streamed = await loadCampaignAnalysis(db, demoId, OPTIONS);
    expect(streamed.trials_detail).toHaveLength(streamed.failures + streamed.timeouts);
    expect(streamed.trials_detail.every((d) => d.outcome !== 'success')).toBe(true);
    expect(streamed.successes).toBeGreaterThan(0);
  });

  test("on a caller's client (outside our own transaction) the analysis is the same", async () => {
    const expected = await loadCampaignAnalysis(db, oddId, OPTIONS);
    const onClient = await db.withClient((client) => loadCampaignAnalysis(client, oddId, OPTIONS));
    expect(onClient).toEqual(expected);
  });

  test('without evidence (past campaigns of --history): the same counts, no evidence read', async () => {
    const full = await loadCampaignAnalysis(db, oddId, OPTIONS);
    const counts = await loadCampaignAnalysis(db, oddId, { ...OPTIONS, evidence: false });
    expect(full.trials_detail.some((d) => d.evidence)).toBe(true);
    expect(counts.trials_detail.some((d) => d.evidence)).toBe(false);
    const withoutEvidence = (a: CampaignAnalysis) => ({
      ...a,
      trials_detail: a.trials_detail.map(({ evidence: _, ...detail }) => detail),
    });
    expect(withoutEvidence(counts)).toEqual(withoutEvidence(full));
  });

  test('a missing campaign is one clear error naming the nearest ones', async () => {
    await expect(loadCampaignAnalysis(db, oddId + 1000, OPTIONS)).rejects.toThrow(
      `Campaign ${oddId + 1000} not found (nearest existing campaigns:`,
    );
  });
});
