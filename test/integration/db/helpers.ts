import { onTestFinished } from 'vitest';
import {
  openEvalDatabase,
  type EvalDatabase,
  type EvalDatabaseOptions,
} from '../../../src/db/pool.js';
import { createUpstreamSchema } from '../../../src/db/upstream-schema.js';
import { createEmptyDatabase } from '../../support/databases.js';

/** A fresh database with the upstream schema, closed when the test finishes. */
export async function upstreamDatabase(
  options: EvalDatabaseOptions = {},
): Promise<{ url: string; db: EvalDatabase }> {
  const url = await createEmptyDatabase('db');
  const db = await openEvalDatabase(url, options);
  onTestFinished(() => db.close());
  await createUpstreamSchema(db);
  return { url, db };
}

/** Inserts a campaign row with only the NOT NULL columns given; returns its id. */
export async function rawCampaign(db: EvalDatabase, name = 'c'): Promise<number> {
  const { rows } = await db.query({
    text: `INSERT INTO campaigns (subject_name, name, trial_count) VALUES ('tikv', $1, 1) RETURNING id`,
    values: [name],
  });
  return rows[0]!.id as number;
}
