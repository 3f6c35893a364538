/** What finalize left on a campaign (`eval notable` / `eval note`), read back for assertions. */
import type { Queryable } from '../../src/db/pool.js';

export async function readCampaignNotes(
  db: Queryable,
  campaignId: number,
): Promise<{ notable: boolean; notes: string } | null> {
  const { rows } = await db.query({
    text: 'SELECT notable, notes FROM campaigns WHERE id = $1',
    values: [campaignId],
  });
  const row = rows[0];
  return row ? { notable: Boolean(row.notable), notes: (row.notes as string | null) ?? '' } : null;
}
