import type pg from 'pg';
import { repeatable, withSession, type Queryable } from './pool.js';

/**
 * The PostgreSQL schema of the Python eval harness, exactly as `PostgresDB.ensure_schema()` leaves
 * it (eval/src/eval/runner/db_postgres.py @ 675946b): the DDL first, then the same guarded
 * migration chain in the same order. `trials.behavior_json` is not in the DDL and is always added
 * by migration 5, so it is the last column of `trials`, as on every upstream database.
 */
const UPSTREAM_DDL = `
CREATE TABLE IF NOT EXISTS campaigns (
    id SERIAL PRIMARY KEY,
    subject_name TEXT NOT NULL,
    chaos_type TEXT NOT NULL DEFAULT '',
    name TEXT DEFAULT '',
    trial_count INTEGER NOT NULL,
    baseline BOOLEAN DEFAULT FALSE,
    continuous BOOLEAN DEFAULT FALSE,
    notable BOOLEAN DEFAULT FALSE,
    notes TEXT DEFAULT '',
    variant_name TEXT DEFAULT 'default',
    topology_json JSONB,
    git_commit_hash TEXT DEFAULT '',
    created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS trials (
    id SERIAL PRIMARY KEY,
    campaign_id INTEGER REFERENCES campaigns(id),
    started_at TIMESTAMPTZ,
    chaos_injected_at TIMESTAMPTZ,
    ticket_created_at TIMESTAMPTZ,
    resolved_at TIMESTAMPTZ,
    ended_at TIMESTAMPTZ,
    initial_state JSONB,
    final_state JSONB,
    chaos_metadata JSONB,
    commands_json JSONB,
    operator_data_json JSONB DEFAULT '{}'::jsonb
);

CREATE TABLE IF NOT EXISTS work_queue (
    id SERIAL PRIMARY KEY,
    campaign_id INTEGER REFERENCES campaigns(id),
    subject_type TEXT NOT NULL,
    chaos_type TEXT NOT NULL,
    chaos_params JSONB,
    baseline BOOLEAN DEFAULT FALSE,
    status TEXT DEFAULT 'pending',
    worker_id TEXT,
    claimed_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    trial_id INTEGER REFERENCES trials(id),
    error TEXT,
    sequence_number INTEGER,
    vm_name TEXT,
    resolution_timeout INTEGER
);

CREATE INDEX IF NOT EXISTS idx_trials_campaign ON trials(campaign_id);
CREATE INDEX IF NOT EXISTS idx_campaigns_variant ON campaigns(variant_name);
CREATE INDEX IF NOT EXISTS idx_work_queue_status ON work_queue(status);
CREATE INDEX IF NOT EXISTS idx_work_queue_campaign ON work_queue(campaign_id);
`;

const NOTIFY_TRIGGER_SQL = `
CREATE OR REPLACE FUNCTION notify_work_item_completed()
RETURNS trigger AS $$
BEGIN
    IF NEW.status IN ('completed', 'failed') AND OLD.status != NEW.status THEN
        PERFORM pg_notify('work_item_completed', json_build_object(
            'work_id', NEW.id,
            'campaign_id', NEW.campaign_id,
            'status', NEW.status,
            'trial_id', NEW.trial_id
        )::text);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS trg_work_item_completed ON work_queue;
CREATE TRIGGER trg_work_item_completed
    AFTER UPDATE ON work_queue
    FOR EACH ROW EXECUTE FUNCTION notify_work_item_completed();
`;

/** The channel the trigger notifies and `eval wait` listens on. */
export const WORK_ITEM_COMPLETED_CHANNEL = 'work_item_completed';

interface ColumnMigration {
  table: string;
  column: string;
  statements: string[];
}

/** Upstream's migrations 1-11, in upstream order, each run only when its column is missing. */
const COLUMN_MIGRATIONS: ColumnMigration[] = [
  {
    table: 'campaigns',
    column: 'name',
    statements: [
      "ALTER TABLE campaigns ADD COLUMN name TEXT DEFAULT ''",
      "UPDATE campaigns SET name = subject_name || '/' || chaos_type WHERE name = '' OR name IS NULL",
    ],
  },
  {
    table: 'trials',
    column: 'operator_data_json',
    statements: ["ALTER TABLE trials ADD COLUMN operator_data_json JSONB DEFAULT '{}'::jsonb"],
  },
  {
    table: 'campaigns',
    column: 'topology_json',
    statements: ['ALTER TABLE campaigns ADD COLUMN topology_json JSONB'],
  },
  {
    table: 'campaigns',
    column: 'git_commit_hash',
    statements: ["ALTER TABLE campaigns ADD COLUMN git_commit_hash TEXT DEFAULT ''"],
  },
  {
    table: 'trials',
    column: 'behavior_json',
    statements: ["ALTER TABLE trials ADD COLUMN behavior_json TEXT DEFAULT ''"],
  },
  {
    table: 'campaigns',
    column: 'continuous',
    statements: ['ALTER TABLE campaigns ADD COLUMN continuous BOOLEAN DEFAULT FALSE'],
  },
  {
    table: 'campaigns',
    column: 'notable',
    statements: ['ALTER TABLE campaigns ADD COLUMN notable BOOLEAN DEFAULT FALSE'],
  },
  {
    table: 'campaigns',
    column: 'notes',
    statements: ["ALTER TABLE campaigns ADD COLUMN notes TEXT DEFAULT ''"],
  },
  {
    table: 'work_queue',
    column: 'sequence_number',
    statements: [
      'ALTER TABLE work_queue ADD COLUMN sequence_number INTEGER',
      'CREATE INDEX IF NOT EXISTS idx_work_queue_sequence ON work_queue(campaign_id, sequence_number)',
    ],
  },
  {
    table: 'work_queue',
    column: 'vm_name',
    statements: ['ALTER TABLE work_queue ADD COLUMN vm_name TEXT'],
  },
  {
    table: 'work_queue',
    column: 'resolution_timeout',
    statements: ['ALTER TABLE work_queue ADD COLUMN resolution_timeout INTEGER'],
  },
];

/**
 * Creates or upgrades the upstream schema; idempotent. The existence checks are upstream's own
 * (information_schema by table name only, pg_trigger by trigger name only), quirks included.
 * A session advisory lock serialises concurrent callers (the DDL itself is not race-free).
 */
export async function createUpstreamSchema(db: Queryable | pg.Pool): Promise<void> {
  // Advisory locks are per session, hence one connection for the whole run.
  await withSession(repeatable(db), async (session) => {
    await session.query({ text: 'SELECT pg_advisory_lock($1)', values: [SCHEMA_LOCK] });
    try {
      await session.query({ text: UPSTREAM_DDL });
      for (const migration of COLUMN_MIGRATIONS) {
        if (await columnExists(session, migration.table, migration.column)) continue;
        for (const statement of migration.statements) await session.query({ text: statement });
      }
      if (!(await triggerExists(session))) await session.query({ text: NOTIFY_TRIGGER_SQL });
    } finally {
      await session.query({ text: 'SELECT pg_advisory_unlock($1)', values: [SCHEMA_LOCK] });
    }
  });
}

/** Arbitrary constant key for the schema advisory lock. */
const SCHEMA_LOCK = 7_261_994_001;

async function columnExists(db: Queryable, table: string, column: string): Promise<boolean> {
  const { rows } = await db.query({
    text: `SELECT EXISTS (
             SELECT 1 FROM information_schema.columns
             WHERE table_name = $1 AND column_name = $2
           ) AS present`,
    values: [table, column],
  });
  return rows[0]?.present === true;
}

async function triggerExists(db: Queryable): Promise<boolean> {
  const { rows } = await db.query({
    text: "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'trg_work_item_completed') AS present",
  });
  return rows[0]?.present === true;
}
