import type { Queryable } from './pool.js';

/**
 * What `eval notable <id>` and `eval note <id> TEXT` write (upstream db_postgres.py:
 * `UPDATE campaigns SET notable = $1 WHERE id = $2`, `UPDATE campaigns SET notes = $1 WHERE id = $2`),
 * made idempotent: a note already present is not repeated, and a note someone else wrote is kept
 * with ours appended on a new line. Returns false when the campaign does not exist.
 */
export async function markCampaignNotable(
  db: Queryable,
  campaignId: number,
  note: string,
): Promise<boolean> {
  const notable = await db.query({
    text: 'UPDATE campaigns SET notable = TRUE WHERE id = $1',
    values: [campaignId],
  });
  if (notable.rowCount !== 1) return false;
  await db.query({
    text: `UPDATE campaigns
           SET notes = CASE
             WHEN COALESCE(notes, '') = '' THEN $1
             WHEN strpos(notes, $1) > 0 THEN notes
             ELSE notes || E'\\n' || $1
           END
           WHERE id = $2`,
    values: [note, campaignId],
  });
  return true;
}
