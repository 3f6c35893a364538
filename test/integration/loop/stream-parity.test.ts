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
  for (let i = 0; i < count; i++) {
    const times = pick(random, TIMES);
    const inserted = await db.query({
      text: `INSERT INTO trials (campaign_id, started_at, chaos_injected_at, ticket_created_at,
               resolved_at, ended_at, final_state, chaos_metadata, commands_json)
             VALUES ($1, $2::timestamptz, $3::timestamptz, $4::timestamptz, $5::timestamptz,
                     $6::timestamptz, $7::jsonb, $8::jsonb, $9::jsonb) RETURNING id`,
      values: [
        campaignId,
        times.started ?? '2026-02-10 12:00:00+00',
        random() < 0.1 ? null : '2026-02-10 12:02:30+00',
        times.ticket,
        times.resolved,
        random() < 0.1 ? null : '2026-02-10 12:30:00+00',
        pick(random, FINAL_STATES),
        pick(random, METADATA),
        pick(random, COMMANDS),
      ],
    });
    const trialId = inserted.rows[0]!.id as number;
    const items = random() < 0.15 ? 0 : random() < 0.1 ? 2 : 1;
    for (let n = 0; n < items; n++) {
      await db.query({
        text: `INSERT INTO work_queue (campaign_id, subject_type, chaos_type, chaos_params, baseline,
                 status, trial_id)
               VALUES ($1, $2, $3, $4::jsonb, $5, 'completed', $6)`,
        values: [
          campaignId,
          subject,
          pick(random, ['node_kill', 'latency', 'network_partition']),
          pick(random, ['{}', '{"min_ms": 50, "max_ms": 150.0}', null]),
          random() < 0.1,
          trialId,
        ],
      });
    }
  }
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
  for (const subject of SUBJECTS) campaigns.set(subject, await seedCampaign(db, subject, 160));
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

  test("on a caller's client (one query, no cursor) too", async () => {
    const id = campaigns.get('tikv')!;
    const onClient = await db.withClient((client) => loadCampaignAnalysis(client, id, OPTIONS));
    expect(scored(onClient)).toEqual(scored(await wholeRowAnalysis(db, id)));
  });
});
