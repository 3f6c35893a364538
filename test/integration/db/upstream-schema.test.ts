import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { createUpstreamSchema } from '../../../src/db/upstream-schema.js';
import { openEvalDatabase, type EvalDatabase } from '../../../src/db/pool.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { upstreamDatabase, rawCampaign } from './helpers.js';

type Column = [name: string, type: string, nullable: 'YES' | 'NO', default_: string | null];

const SERIAL = (table: string) => `nextval('${table}_id_seq'::regclass)`;
const TZ = 'timestamp with time zone';

// db_postgres.py @ 675946b after ensure_schema() on an empty database, in ordinal order.
const EXPECTED: Record<string, Column[]> = {
  campaigns: [
    ['id', 'integer', 'NO', SERIAL('campaigns')],
    ['subject_name', 'text', 'NO', null],
    ['chaos_type', 'text', 'NO', "''::text"],
    ['name', 'text', 'YES', "''::text"],
    ['trial_count', 'integer', 'NO', null],
    ['baseline', 'boolean', 'YES', 'false'],
    ['continuous', 'boolean', 'YES', 'false'],
    ['notable', 'boolean', 'YES', 'false'],
    ['notes', 'text', 'YES', "''::text"],
    ['variant_name', 'text', 'YES', "'default'::text"],
    ['topology_json', 'jsonb', 'YES', null],
    ['git_commit_hash', 'text', 'YES', "''::text"],
    ['created_at', TZ, 'YES', 'now()'],
  ],
  trials: [
    ['id', 'integer', 'NO', SERIAL('trials')],
    ['campaign_id', 'integer', 'YES', null],
    ['started_at', TZ, 'YES', null],
    ['chaos_injected_at', TZ, 'YES', null],
    ['ticket_created_at', TZ, 'YES', null],
    ['resolved_at', TZ, 'YES', null],
    ['ended_at', TZ, 'YES', null],
    ['initial_state', 'jsonb', 'YES', null],
    ['final_state', 'jsonb', 'YES', null],
    ['chaos_metadata', 'jsonb', 'YES', null],
    ['commands_json', 'jsonb', 'YES', null],
    ['operator_data_json', 'jsonb', 'YES', "'{}'::jsonb"],
    ['behavior_json', 'text', 'YES', "''::text"],
  ],
  work_queue: [
    ['id', 'integer', 'NO', SERIAL('work_queue')],
    ['campaign_id', 'integer', 'YES', null],
    ['subject_type', 'text', 'NO', null],
    ['chaos_type', 'text', 'NO', null],
    ['chaos_params', 'jsonb', 'YES', null],
    ['baseline', 'boolean', 'YES', 'false'],
    ['status', 'text', 'YES', "'pending'::text"],
    ['worker_id', 'text', 'YES', null],
    ['claimed_at', TZ, 'YES', null],
    ['completed_at', TZ, 'YES', null],
    ['trial_id', 'integer', 'YES', null],
    ['error', 'text', 'YES', null],
    ['sequence_number', 'integer', 'YES', null],
    ['vm_name', 'text', 'YES', null],
    ['resolution_timeout', 'integer', 'YES', null],
  ],
};

async function columns(db: EvalDatabase, table: string): Promise<Column[]> {
  const { rows } = await db.query({
    text: `SELECT column_name, data_type, is_nullable, column_default
           FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name = $1
           ORDER BY ordinal_position`,
    values: [table],
  });
  return rows.map((row) => [row.column_name, row.data_type, row.is_nullable, row.column_default]);
}

async function indexes(db: EvalDatabase): Promise<string[]> {
  const { rows } = await db.query({
    text: `SELECT indexname || ' ' || regexp_replace(indexdef, '^.* USING ', '') AS index
           FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`,
  });
  return rows.map((row) => row.index as string);
}

const FRESH_INDEXES = [
  'campaigns_pkey btree (id)',
  'idx_campaigns_variant btree (variant_name)',
  'idx_trials_campaign btree (campaign_id)',
  'idx_work_queue_campaign btree (campaign_id)',
  'idx_work_queue_status btree (status)',
  'trials_pkey btree (id)',
  'work_queue_pkey btree (id)',
];

describe('createUpstreamSchema', () => {
  test('creates the upstream tables column by column, behavior_json last', async () => {
    const { db } = await upstreamDatabase();
    for (const [table, expected] of Object.entries(EXPECTED)) {
      expect(await columns(db, table), table).toEqual(expected);
    }
  });

  test('creates exactly the upstream indexes (no sequence index on a fresh database)', async () => {
    const { db } = await upstreamDatabase();
    expect(await indexes(db)).toEqual(FRESH_INDEXES);
  });

  test('creates the upstream foreign keys without ON DELETE actions', async () => {
    const { db } = await upstreamDatabase();
    const { rows } = await db.query({
      text: `SELECT conrelid::regclass::text || ': ' || pg_get_constraintdef(oid) AS fk
             FROM pg_constraint WHERE contype = 'f' ORDER BY 1`,
    });
    expect(rows.map((row) => row.fk)).toEqual([
      'trials: FOREIGN KEY (campaign_id) REFERENCES campaigns(id)',
      'work_queue: FOREIGN KEY (campaign_id) REFERENCES campaigns(id)',
      'work_queue: FOREIGN KEY (trial_id) REFERENCES trials(id)',
    ]);
  });

  test('is idempotent, also when run concurrently', async () => {
    const { db } = await upstreamDatabase();
    const id = await rawCampaign(db);
    await Promise.all([
      createUpstreamSchema(db),
      createUpstreamSchema(db),
      createUpstreamSchema(db),
    ]);
    expect(await columns(db, 'trials')).toEqual(EXPECTED.trials);
    expect(await indexes(db)).toEqual(FRESH_INDEXES);
    const { rows } = await db.query({
      text: 'SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal',
    });
    expect(rows[0]!.n).toBe(1);
    const kept = await db.query({ text: 'SELECT id FROM campaigns' });
    expect(kept.rows).toEqual([{ id }]);
  });

  test('upgrades a pre-migration database like ensure_schema: name backfill, sequence index', async () => {
    const url = await createEmptyDatabase('old');
    const db = await openEvalDatabase(url);
    try {
      await db.query({
        text: `CREATE TABLE campaigns (id SERIAL PRIMARY KEY, subject_name TEXT NOT NULL,
                 chaos_type TEXT NOT NULL DEFAULT '', trial_count INTEGER NOT NULL,
                 baseline BOOLEAN DEFAULT FALSE, variant_name TEXT DEFAULT 'default',
                 created_at TIMESTAMPTZ DEFAULT NOW());
               CREATE TABLE trials (id SERIAL PRIMARY KEY, campaign_id INTEGER REFERENCES campaigns(id),
                 started_at TIMESTAMPTZ, chaos_injected_at TIMESTAMPTZ, ticket_created_at TIMESTAMPTZ,
                 resolved_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, initial_state JSONB, final_state JSONB,
                 chaos_metadata JSONB, commands_json JSONB);
               CREATE TABLE work_queue (id SERIAL PRIMARY KEY, campaign_id INTEGER REFERENCES campaigns(id),
                 subject_type TEXT NOT NULL, chaos_type TEXT NOT NULL, chaos_params JSONB,
                 baseline BOOLEAN DEFAULT FALSE, status TEXT DEFAULT 'pending', worker_id TEXT,
                 claimed_at TIMESTAMPTZ, completed_at TIMESTAMPTZ, trial_id INTEGER REFERENCES trials(id),
                 error TEXT);
               INSERT INTO campaigns (subject_name, chaos_type, trial_count) VALUES ('tikv', 'node_kill', 3);`,
      });
      await createUpstreamSchema(db);
      const { rows } = await db.query({ text: 'SELECT name, notes, notable FROM campaigns' });
      expect(rows).toEqual([{ name: 'tikv/node_kill', notes: '', notable: false }]);
      expect(await indexes(db)).toContain(
        'idx_work_queue_sequence btree (campaign_id, sequence_number)',
      );
      const trialColumns = (await columns(db, 'trials')).map((column) => column[0]);
      expect(trialColumns.slice(-2)).toEqual(['operator_data_json', 'behavior_json']);
      expect((await columns(db, 'work_queue')).map((column) => column[0]).slice(-3)).toEqual([
        'sequence_number',
        'vm_name',
        'resolution_timeout',
      ]);
    } finally {
      await db.close();
    }
  });

  test('accepts a plain pg.Pool and a pg.Client', async () => {
    for (const kind of ['pool', 'client'] as const) {
      const url = await createEmptyDatabase('kind');
      const handle =
        kind === 'pool'
          ? new pg.Pool({ connectionString: url })
          : new pg.Client({ connectionString: url });
      if (handle instanceof pg.Client) await handle.connect();
      try {
        await createUpstreamSchema(handle);
        const { rows } = await handle.query(
          "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
        );
        expect(rows[0].n, kind).toBe(3);
      } finally {
        await handle.end();
      }
    }
  });
});

describe('trg_work_item_completed', () => {
  async function listen(url: string) {
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const payloads: unknown[] = [];
    listener.on('notification', (message) => {
      if (message.channel === 'work_item_completed')
        payloads.push(JSON.parse(message.payload ?? 'null'));
    });
    await listener.query('LISTEN work_item_completed');
    return { listener, payloads };
  }

  test('notifies with work_id, campaign_id, status, trial_id only when the status becomes completed or failed', async () => {
    const { url, db } = await upstreamDatabase();
    const { listener, payloads } = await listen(url);
    try {
      const campaignId = await rawCampaign(db);
      const { rows } = await db.query({
        text: `INSERT INTO trials (campaign_id) VALUES ($1) RETURNING id`,
        values: [campaignId],
      });
      const trialId = rows[0]!.id as number;
      const items = await db.query({
        text: `INSERT INTO work_queue (campaign_id, subject_type, chaos_type)
               SELECT $1, 'tikv', 'node_kill' FROM generate_series(1, 2) RETURNING id`,
        values: [campaignId],
      });
      const [first, second] = items.rows.map((row) => row.id as number);
      const update = (status: string, id: number, trial: number | null = null) =>
        db.query({
          text: 'UPDATE work_queue SET status = $1, trial_id = $2 WHERE id = $3',
          values: [status, trial, id],
        });

      await update('running', first!); // not terminal: silent
      await update('completed', first!, trialId);
      await update('completed', first!, trialId); // unchanged status: silent
      await update('failed', second!);
      await db.query({ text: "SELECT pg_notify('work_item_completed', '\"sentinel\"')" });

      await expect.poll(() => payloads.length).toBe(3);
      expect(payloads).toEqual([
        { work_id: first, campaign_id: campaignId, status: 'completed', trial_id: trialId },
        { work_id: second, campaign_id: campaignId, status: 'failed', trial_id: null },
        'sentinel',
      ]);
    } finally {
      await listener.end();
    }
  });

  test('is an AFTER UPDATE FOR EACH ROW trigger calling notify_work_item_completed()', async () => {
    const { db } = await upstreamDatabase();
    const { rows } = await db.query({
      text: `SELECT pg_get_triggerdef(t.oid) AS def FROM pg_trigger t WHERE tgname = 'trg_work_item_completed'`,
    });
    expect(rows[0]!.def).toBe(
      'CREATE TRIGGER trg_work_item_completed AFTER UPDATE ON public.work_queue FOR EACH ROW EXECUTE FUNCTION notify_work_item_completed()',
    );
  });
});
