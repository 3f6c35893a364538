import { expect, test } from 'vitest';
import { analyzeCampaign } from '../../../src/core/analysis.js';
import { DEFAULT_CAUSES } from '../../../src/core/causes.js';
import type { Symptom } from '../../../src/core/symptoms.js';
import type { Cause } from '../../../src/core/causes.js';
import { PyBigInt, PyFloat, pyJsonDumps } from '../../../src/core/py-json.js';
import { createEvalReader } from '../../../src/db/eval-reader.js';
import { loadCampaignAnalysis } from '../../../src/loop/analyze-campaign.js';
import { rawCampaign, upstreamDatabase } from './helpers.js';

/**
 * Rows written to a real PostgreSQL with the exact jsonb upstream would read; expected outcomes
 * and exceptions are what CPython 3.11 prints running upstream's scoring.py on the text asyncpg
 * returns for the same rows (see test/unit/core/scoring.test.ts for the per-shape table).
 */
const UP = '{"stores": [{"id": 1, "state_name": "Up"}]}';
const ROWS: {
  name: string;
  final?: string | null;
  commands?: string | null;
  resolved?: string;
  raises?: RegExp;
  counts?: [number, number];
  outcome?: string;
}[] = [
  { name: 'SQL NULL final_state is upstream\'s "{}"', final: null, outcome: 'failure' },
  {
    name: 'JSON null final_state',
    final: 'null',
    raises: /final_state: AttributeError: 'NoneType'/,
  },
  { name: 'double-encoded final_state', final: JSON.stringify(UP), outcome: 'success' },
  {
    name: 'triple-encoded final_state',
    final: JSON.stringify(JSON.stringify(UP)),
    raises: /final_state: AttributeError: 'str'/,
  },
  { name: 'SQL NULL commands', commands: null, counts: [0, 0] },
  {
    name: 'JSON null commands',
    commands: 'null',
    raises: /commands_json: TypeError: object of type 'NoneType' has no len/,
  },
  { name: 'empty-string commands', commands: '""', raises: /commands_json: JSONDecodeError/ },
  {
    name: 'commands as plain strings',
    commands: '["ls", "pwd"]',
    raises: /commands_json: AttributeError: 'str'/,
  },
  {
    name: 'tool_params as object',
    commands: '[{"tool_params": {"command": "ls"}}]',
    raises: /unhashable type: 'dict'/,
  },
  {
    name: 'tool_params as list',
    commands: '[{"tool_params": ["ls"]}]',
    raises: /unhashable type: 'list'/,
  },
  {
    name: 'true == 1 == 1.0',
    commands:
      '[{"tool_params": true}, {"tool_params": 1}, {"tool_params": 1.0}, {"tool_params": "1"}]',
    counts: [4, 2],
  },
  {
    name: 'ints beyond 2^53 stay exact',
    commands: '[{"tool_params": 9007199254740993}, {"tool_params": 9007199254740992}]',
    counts: [2, 2],
  },
  { name: 'resolved at infinity is scored', resolved: 'infinity', outcome: 'success' },
];

test('every row scores as upstream scores it, or is listed as an anomaly', async () => {
  const { db } = await upstreamDatabase();
  let uniqueCommands = 0;
  // One campaign per row, analysed as analyze does (streamed): its totals are that row's score.
  for (const row of ROWS) {
    const campaignId = await rawCampaign(db, 'parity');
    await db.query({
      text: `INSERT INTO trials (campaign_id, started_at, chaos_injected_at, ticket_created_at,
               resolved_at, ended_at, final_state, chaos_metadata, commands_json)
             VALUES ($1, '2026-02-10 12:00:00+00', '2026-02-10 12:02:30+00', '2026-02-10 12:02:50+00',
                     $2::timestamptz, '2026-02-10 12:10:00+00', $3::jsonb, '{"chaos_type": "node_kill"}', $4::jsonb)`,
      values: [
        campaignId,
        row.resolved ?? '2026-02-10 12:07:30+00',
        row.final === undefined ? UP : row.final,
        row.commands === undefined ? '[]' : row.commands,
      ],
    });
    const analysis = await loadCampaignAnalysis(db, campaignId, {
      target: 0.9,
      causes: DEFAULT_CAUSES as Record<Symptom, Cause>,
    });
    const anomalies = analysis.anomalies.map((a) => a.message);
    if (row.raises) {
      expect(anomalies, row.name).toHaveLength(1);
      expect(anomalies[0], row.name).toMatch(row.raises);
    } else {
      expect(anomalies, row.name).toEqual([]);
    }
    expect(analysis.upstream_analyze_fails, row.name).toBe(Boolean(row.raises));
    const outcome = analysis.successes ? 'success' : analysis.failures ? 'failure' : 'timeout';
    if (row.outcome) expect(outcome, row.name).toBe(row.outcome);
    if (row.counts) {
      expect([analysis.total_commands, analysis.total_unique_commands], row.name).toEqual(
        row.counts,
      );
    }
    uniqueCommands += analysis.total_unique_commands;
    if (row.resolved === 'infinity') {
      // (datetime.max.replace(tzinfo=utc) - 2026-02-10 12:02:30+00).total_seconds() under TZ=UTC
      expect(analysis.avg_time_to_resolve_sec, row.name).toBe(251631575850);
    }
  }
  // Distinct tool_params: 2 (true/1/1.0 and "1") + 2 (two big ints); raising rows add none.
  expect(uniqueCommands).toBe(4);
});

test('a campaign without raising rows does not claim upstream fails', async () => {
  const { db } = await upstreamDatabase();
  const campaignId = await rawCampaign(db, 'clean');
  await db.query({
    text: `INSERT INTO trials (campaign_id, started_at, chaos_injected_at, resolved_at, ended_at, final_state)
           VALUES ($1, '2026-02-10 12:00:00+00', '2026-02-10 12:02:30+00', '2026-02-10 12:07:30+00',
                   '2026-02-10 12:10:00+00', $2::jsonb)`,
    values: [campaignId, UP],
  });
  const data = await createEvalReader(db).loadCampaignData(campaignId);
  const analysis = analyzeCampaign(data, {
    target: 0.9,
    causes: DEFAULT_CAUSES as Record<Symptom, Cause>,
    localUtcOffsetMinutes: 0,
  });
  expect(analysis.upstream_analyze_fails).toBe(false);
  expect(analysis.successes).toBe(1);
});

test('work item params come back with their Python types (50.0 a float, big ints exact)', async () => {
  const { db } = await upstreamDatabase();
  const campaignId = await rawCampaign(db, 'params');
  await db.query({
    text: `INSERT INTO work_queue (campaign_id, subject_type, chaos_type, chaos_params)
           VALUES ($1, 'tikv', 'latency', $2::jsonb)`,
    // json.dumps of what PyYAML reads from `{min_ms: 50, max_ms: 150.0, n: 9007199254740993}`
    values: [campaignId, '{"min_ms": 50, "max_ms": 150.0, "n": 9007199254740993}'],
  });
  const [item] = await createEvalReader(db).getWorkItems(campaignId);
  expect(item!.chaosParams).toEqual({
    n: new PyBigInt(9007199254740993n),
    max_ms: new PyFloat(150),
    min_ms: 50,
  });
  // Written back as upstream's enqueue writes it, the jsonb text is identical.
  const { rows } = await db.query({
    text: 'SELECT $1::jsonb::text = (SELECT chaos_params::text FROM work_queue WHERE campaign_id = $2) AS same',
    values: [pyJsonDumps(item!.chaosParams), campaignId],
  });
  expect(rows[0].same).toBe(true);
});
