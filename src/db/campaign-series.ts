import type { Queryable } from './pool.js';

/**
 * Ids of the campaigns of a series (same name, upstream's `subject/chaos_type` fallback for an
 * empty one) up to and including `upToId`, newest first, at most `limit`.
 */
export async function listSeriesCampaignIds(
  db: Queryable,
  name: string,
  upToId: number,
  limit: number,
): Promise<number[]> {
  if (limit <= 0) return [];
  const { rows } = await db.query({
    text: `SELECT id FROM campaigns
           WHERE COALESCE(NULLIF(name, ''), subject_name || '/' || chaos_type) = $1 AND id <= $2
           ORDER BY id DESC
           LIMIT $3`,
    values: [name, upToId, limit],
  });
  return rows.map((row) => row.id as number);
}
