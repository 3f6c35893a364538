import pg from 'pg';
import { expect, test } from 'vitest';
import { createEmptyDatabase } from '../support/databases.js';

test('the shared server is a real PostgreSQL 15', async () => {
  const url = await createEmptyDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
  await client.end();
  expect(Number(rows[0]!.server_version_num)).toBeGreaterThanOrEqual(150000);
});
