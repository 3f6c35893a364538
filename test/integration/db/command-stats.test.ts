import { beforeAll, expect, test } from 'vitest';
import { JsonText } from '../../../src/core/json.js';
import { PyFloat } from '../../../src/core/py-json.js';
import { scoreTrial } from '../../../src/core/scoring.js';
import { createEvalReader } from '../../../src/db/eval-reader.js';
import {
  arrayQuery,
  streamTrialFields,
  streamTrialSource,
  toStreamedTrialRecord,
} from '../../../src/db/eval-rows.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { createUpstreamSchema } from '../../../src/db/upstream-schema.js';
import { insertCampaign, insertTrial } from '../../../src/db/work-queue.js';
import { createEmptyDatabase } from '../../support/databases.js';

const call = (params: unknown) => ({ tool_name: 'shell', tool_params: params, exit_code: 0 });

/** Command lists whose counts the database computes; each must score as the JSON itself does. */
const CASES: Record<string, string> = {
  empty: '[]',
  distinct: JSON.stringify([call('{"command":"a"}'), call('{"command":"b"}')]),
  duplicates: JSON.stringify([
    call('{"command":"a"}'),
    call('{"command":"a"}'),
    call('{"command":"b"}'),
  ]),
  'missing tool_params counts as ""': JSON.stringify([
    { tool_name: 'x' },
    call(''),
    call('{"command":"a"}'),
  ]),
  'null and object params': JSON.stringify([
    call(null),
    call(null),
    call({ command: 'a' }),
    call({ command: 'a' }),
  ]),
  'non-object elements': JSON.stringify([1, 'text', call('a')]),
  'double encoded': JSON.stringify(JSON.stringify([call('a'), call('a'), call('b')])),
  'not a list': '{"command":"a"}',
  'one, 1.0 and true are one value in Python':
    '[{"tool_params": 1}, {"tool_params": 1.0}, {"tool_params": true}, {"tool_params": "1"}]',
  'unhashable params': JSON.stringify([call(['ls']), call('a'), call(['ls'])]),
  'a nested list of commands': JSON.stringify([[call('a')], call('b')]),
  'an int Python refuses to read': `[{"tool_params": ${'9'.repeat(4400)}}]`,
  'unicode and escapes': JSON.stringify([call('é'), call('e\u0301'), call('a\nb'), call('a\nb')]),
};

let db: EvalDatabase;
let campaignId: number;
const ids = new Map<string, number>();

beforeAll(async () => {
  db = await openEvalDatabase(await createEmptyDatabase('cmdstats'), { log: () => undefined });
  await createUpstreamSchema(db);
  campaignId = await insertCampaign(db, { subjectName: 'tikv', name: 'stats', trialCount: 0 });
  for (const [name, commandsJson] of Object.entries(CASES)) {
    const id = await insertTrial(db, {
      campaignId,
      startedAt: '2026-02-10T12:00:00+00:00',
      chaosInjectedAt: '2026-02-10T12:02:00+00:00',
      ticketCreatedAt: null,
      resolvedAt: null,
      endedAt: '2026-02-10T12:20:00+00:00',
      commandsJson,
    });
    ids.set(name, id);
  }
  return () => db.close();
});

test.each(Object.keys(CASES))(
  'SQL-side command counts equal the scorer’s own: %s',
  async (name) => {
    const trials = await createEvalReader(db).getTrials(campaignId);
    const fromDb = trials.find((t) => t.id === ids.get(name))!;
    const { rows } = await db.query({
      text: 'SELECT commands_json::text AS text FROM trials WHERE id = $1',
      values: [ids.get(name)],
    });
    // The exact text, decoded as Python would (JSON.parse would read 1.0 as 1 and huge ints).
    const fromJson = { ...fromDb, commands: new JsonText(rows[0]!.text), commandStats: undefined };
    const expected = scoreTrial(fromJson, 'tikv', 0);
    const actual = scoreTrial(fromDb, 'tikv', 0);
    expect([actual.commandCount, actual.uniqueCommands]).toEqual([
      expected.commandCount,
      expected.uniqueCommands,
    ]);
  },
);

test('arrays are counted by the database; other values come back whole', async () => {
  const trials = await createEvalReader(db).getTrials(campaignId);
  const byName = (name: string) => trials.find((t) => t.id === ids.get(name))!;
  expect(byName('duplicates').commandStats).toEqual({ count: 3, unique: 2 });
  expect(byName('double encoded').commandStats).toBeUndefined();
  expect(byName('double encoded').commands).toBeInstanceOf(JsonText);
  // Only items that are all objects with string (or absent) tool_params are counted in SQL.
  expect(byName('null and object params').commandStats).toBeUndefined();
});

test('getTrialCommands returns the first commands for evidence', async () => {
  const commands = await createEvalReader(db).getTrialCommands([ids.get('duplicates')!], 2);
  expect(commands.get(ids.get('duplicates')!)).toEqual([
    call('{"command":"a"}'),
    call('{"command":"a"}'),
  ]);
});

test.each(Object.keys(CASES))(
  'the analysis stream counts commands as the scorer does on the exact JSON: %s',
  async (name) => {
    const id = ids.get(name)!;
    const { rows } = await db.query(
      arrayQuery(
        `SELECT ${streamTrialFields(false)}, t.commands_json::text FROM ${streamTrialSource(false)} WHERE t.id = $1`,
        [id],
      ),
    );
    const row = rows[0] as unknown[];
    const streamed = toStreamedTrialRecord(row, campaignId);
    const exact = {
      ...streamed,
      commands: new JsonText(row.at(-1) as string),
      commandStats: undefined,
    };
    const actual = scoreTrial(streamed, 'tikv', 0);
    const expected = scoreTrial(exact, 'tikv', 0);
    expect([actual.commandCount, actual.uniqueCommands, actual.anomalies]).toEqual([
      expected.commandCount,
      expected.uniqueCommands,
      expected.anomalies,
    ]);
  },
);

test('the stream sends only the params of lists whose every item has them', async () => {
  const streamed = async (name: string) => {
    const { rows } = await db.query(
      arrayQuery(
        `SELECT ${streamTrialFields(false)} FROM ${streamTrialSource(false)} WHERE t.id = $1`,
        [ids.get(name)],
      ),
    );
    return toStreamedTrialRecord(rows[0] as unknown[], campaignId);
  };
  expect((await streamed('duplicates')).commandStats).toEqual({ count: 3, unique: 2 });
  expect((await streamed('empty')).commandStats).toEqual({ count: 0, unique: 0 });
  expect((await streamed('missing tool_params counts as ""')).commands).toBeInstanceOf(JsonText);
  expect((await streamed('one, 1.0 and true are one value in Python')).commands).toEqual([
    { tool_params: 1 },
    { tool_params: new PyFloat(1) },
    { tool_params: true },
    { tool_params: '1' },
  ]);
});
