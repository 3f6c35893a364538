/**
 * The streamed analysis reads less than the whole rows (tool_params instead of command lists, a
 * tikv campaign's store state names instead of its final states): on every odd shape a row can
 * take, for each health rule, it must give the analysis that scoring the whole rows gives.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeCampaign, type CampaignAnalysis } from '../../../src/core/analysis.js';
import { DEFAULT_CAUSES, type Cause } from '../../../src/core/causes.js';
import type { Symptom } from '../../../src/core/symptoms.js';
import { seededRandom } from '../../../src/demo/failure-model.js';
import { PARALLEL_FROM_ITEMS } from '../../../src/db/campaign-snapshot.js';
import { createEvalReader } from '../../../src/db/eval-reader.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { createUpstreamSchema } from '../../../src/db/upstream-schema.js';
import { loadCampaignAnalysis } from '../../../src/loop/analyze-campaign.js';
import { createEmptyDatabase } from '../../support/databases.js';

const OPTIONS = { target: 0.9, causes: DEFAULT_CAUSES as Record<Symptom, Cause> };
const UP = { state_name: 'Up' };
const DOWN = { state_name: 'Down' };

const FINAL_STATES: (string | null)[] = [
  null,
  JSON.stringify({ stores: [UP, UP, UP], region_count: 24 }),
  JSON.stringify({ stores: [UP, DOWN, UP] }),
  '{}',
  'null',
  '[]',
  '"text"',
  '{"stores": []}',
  '{"stores": null}',
  '{"stores": {"a": 1}}',
  '{"stores": "Up"}',
  JSON.stringify({ stores: [UP, 'x'] }),
  JSON.stringify({ stores: ['x', DOWN] }),
  JSON.stringify({ stores: [{ id: 1 }, UP] }),
  JSON.stringify({ stores: [{ state_name: ['Up'] }] }),
  JSON.stringify({ stores: [[UP]] }),
  JSON.stringify({ stores: [{ state_name: null }] }),
  JSON.stringify(JSON.stringify({ stores: [UP] })),
  JSON.stringify({ app: { status: 'healthy' } }),
  JSON.stringify({ app: { status: 'healthy', error: '' } }),
  JSON.stringify({ app: { status: 'healthy', error: 0 } }),
  JSON.stringify({ app: { status: 'healthy', error: 'boom' } }),
  JSON.stringify({ app: { status: 'degraded' } }),
  JSON.stringify({ app: 'x' }),
];

const call = (params: unknown) => ({ tool_name: 'shell', tool_params: params });
const COMMANDS: (string | null)[] = [
  null,
  '[]',
  JSON.stringify([call('a'), call('b'), call('a')]),
  JSON.stringify([{ tool_name: 'x' }, call(''), call('a')]),
  JSON.stringify([call(1), call(1.0), call(true)]).replace(
    '"tool_params":1,',
    '"tool_params":1.0,',
  ),
  JSON.stringify([call(['ls']), call('a')]),
  JSON.stringify([1, call('a')]),
  JSON.stringify(JSON.stringify([call('a'), call('a')])),
  '{"command": "a"}',
];

const METADATA: (string | null)[] = [
  '{"chaos_type": "node_kill", "target_container": "tikv1"}',
  '{"chaos_type": "latency", "min_ms": 50, "max_ms": 150.0}',
  '{}',
  null,
  '"node_kill"',
  '{"chaos_type": ""}',
];

const TIMES: { ticket: string | null; resolved: string | null; started?: string }[] = [
  { ticket: '2026-02-10 12:02:50.5+00', resolved: '2026-02-10 12:07:30.25+00' },
  { ticket: '2026-02-10 12:02:30.000001+00', resolved: null },
  { ticket: null, resolved: null },
  { ticket: '2026-02-10 12:01:00+00', resolved: '2026-02-10 12:09:00.123456+00' },
  { ticket: '2026-02-10 12:03:00+00', resolved: 'infinity' },
  { ticket: '2026-02-10 12:03:00+00', resolved: null, started: '20000-01-01 00:00:00+00' },
];

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

/** `count` trials of every shape above in random mixes; most have a work item, some two. */
async function seedCampaign(db: EvalDatabase, subject: string, count: number): Promise<number> {
  const random = seededRandom(subject.length * 7919 + count);
  const { rows } = await db.query({
    text: `INSERT INTO campaigns (subject_name, name, trial_count) VALUES ($1, $2, $3) RETURNING id`,
    values: [subject, `parity-${subject}`, count],
  });
  const campaignId = rows[0]!.id as number;
  const trials = Array.from({ length: count }, () => {
    const times = pick(random, TIMES);
    return {
      started: times.started ?? '2026-02-10 12:00:00+00',
      chaos: random() < 0.1 ? null : '2026-02-10 12:02:30+00',
      ticket: times.ticket,
      resolved: times.resolved,
      ended: random() < 0.1 ? null : '2026-02-10 12:30:00+00',
      final: pick(random, FINAL_STATES),
      metadata: pick(random, METADATA),
      commands: pick(random, COMMANDS),
    };
  });
  // One statement each for trials and work items.
  const inserted = await db.query({
    text: `INSERT INTO trials (campaign_id, started_at, chaos_injected_at, ticket_created_at,
             resolved_at, ended_at, final_state, chaos_metadata, commands_json)
           SELECT $1, r.started::timestamptz, r.chaos::timestamptz, r.ticket::timestamptz,
                  r.resolved::timestamptz, r.ended::timestamptz, r.final::jsonb, r.metadata::jsonb,
                  r.commands::jsonb
           FROM jsonb_to_recordset($2::jsonb) AS r(started text, chaos text, ticket text,
             resolved text, ended text, final text, metadata text, commands text)
           RETURNING id`,
    values: [campaignId, JSON.stringify(trials)],
  });
  const items: object[] = [];
  for (const { id } of inserted.rows as { id: number }[]) {
    const copies = random() < 0.15 ? 0 : random() < 0.1 ? 2 : 1;
    for (let n = 0; n < copies; n++) {
      items.push({
        chaos_type: pick(random, ['node_kill', 'latency', 'network_partition']),
        params: pick(random, ['{}', '{"min_ms": 50, "max_ms": 150.0}', null]),
        baseline: random() < 0.1,
        trial_id: id,
      });
    }
  }
  await db.query({
    text: `INSERT INTO work_queue (campaign_id, subject_type, chaos_type, chaos_params, baseline,
             status, trial_id)
           SELECT $1, $2, r.chaos_type, r.params::jsonb, r.baseline, 'completed', r.trial_id
           FROM jsonb_to_recordset($3::jsonb)
             AS r(chaos_type text, params text, baseline boolean, trial_id int)`,
    values: [campaignId, subject, JSON.stringify(items)],
  });
  return campaignId;
}

async function wholeRowAnalysis(db: EvalDatabase, campaignId: number): Promise<CampaignAnalysis> {
  const data = await createEvalReader(db).loadCampaignData(campaignId);
  return analyzeCampaign(data, {
    ...OPTIONS,
    localUtcOffsetMinutes: -new Date().getTimezoneOffset(),
  });
}

/** What depends on how rows are read (evidence is read whole in both). */
function scored(analysis: CampaignAnalysis) {
  const { trials_detail, ...rest } = analysis;
  return { ...rest, trials_detail: trials_detail.map(({ evidence: _, ...detail }) => detail) };
}

let db: EvalDatabase;
const campaigns = new Map<string, number>();
const SUBJECTS = ['tikv', 'TiKV', 'chat-db-app', 'chat-db-app-shard', 'kafka'];

beforeAll(async () => {
  db = await openEvalDatabase(await createEmptyDatabase('streamparity'), { log: () => undefined });
  await createUpstreamSchema(db);
  for (const subject of SUBJECTS) campaigns.set(subject, await seedCampaign(db, subject, 1_300));
  // Enough work items for the stream's plan to use parallel workers.
  campaigns.set('parallel', await seedCampaign(db, 'tikv', PARALLEL_FROM_ITEMS + 2_000));
  return () => db.close();
}, 120_000);

describe('the streamed analysis equals scoring the whole rows', () => {
  test.each(SUBJECTS)('subject %s', async (subject) => {
    const id = campaigns.get(subject)!;
    const streamed = await loadCampaignAnalysis(db, id, OPTIONS);
    const whole = await wholeRowAnalysis(db, id);
    expect(scored(streamed)).toEqual(scored(whole));
    // The mix is odd enough to matter: anomalies, every outcome, trials without a work item.
    expect(streamed.anomalies.length).toBeGreaterThan(0);
    expect(streamed.successes).toBeGreaterThan(0);
    expect(streamed.failures).toBeGreaterThan(0);
    expect(streamed.timeouts).toBeGreaterThan(0);
    expect(streamed.trials_detail.some((d) => d.work_id === null)).toBe(true);
  });

  // The plan's Gather was checked by hand (EXPLAIN in the same transaction); the test holds the
  // numbers to the whole-row scoring on the path that asks for it.
  test('a campaign above the parallel-plan threshold (PARALLEL_FROM_ITEMS work items)', async () => {
    const id = campaigns.get('parallel')!;
    const streamed = await loadCampaignAnalysis(db, id, OPTIONS);
    expect(streamed.work_items.total).toBeGreaterThanOrEqual(PARALLEL_FROM_ITEMS);
    expect(scored(streamed)).toEqual(scored(await wholeRowAnalysis(db, id)));
  });

  test("on a caller's client (outside our own transaction) too", async () => {
    const id = campaigns.get('tikv')!;
    const onClient = await db.withClient((client) => loadCampaignAnalysis(client, id, OPTIONS));
    expect(scored(onClient)).toEqual(scored(await wholeRowAnalysis(db, id)));
  });
});
