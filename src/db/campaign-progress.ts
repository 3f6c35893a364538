import type { ProgressSnapshot } from '../core/progress.js';
import { repeatable, type Queryable } from './pool.js';

/** One read of a campaign's queue: counts per chaos type and params, and who runs what. */
export async function readProgress(
  source: Queryable,
  campaignId: number,
): Promise<ProgressSnapshot> {
  const db = repeatable(source); // reads only: retried on a fresh connection when one is lost
  const groups = await db.query({
    text: `SELECT chaos_type, chaos_params, baseline, MIN(id) AS first_id,
                  COUNT(*) FILTER (WHERE status = 'pending') AS pending,
                  COUNT(*) FILTER (WHERE status = 'running') AS running,
                  COUNT(*) FILTER (WHERE status = 'completed') AS completed,
                  COUNT(*) FILTER (WHERE status = 'failed') AS failed,
                  AVG(EXTRACT(EPOCH FROM completed_at - claimed_at))
                    FILTER (WHERE status IN ('completed', 'failed')
                            AND completed_at >= claimed_at)::float8 AS mean_seconds
           FROM work_queue WHERE campaign_id = $1
           GROUP BY chaos_type, chaos_params, baseline
           ORDER BY first_id`,
    values: [campaignId],
  });
  const running = await db.query({
    text: `SELECT id, chaos_type, worker_id,
                  COALESCE(EXTRACT(EPOCH FROM NOW() - claimed_at), 0)::float8 AS running_seconds
           FROM work_queue WHERE campaign_id = $1 AND status = 'running' ORDER BY id`,
    values: [campaignId],
  });
  return {
    groups: groups.rows.map((row) => ({
      chaosType: row.chaos_type as string,
      params: row.chaos_params,
      baseline: Boolean(row.baseline),
      pending: Number(row.pending),
      running: Number(row.running),
      completed: Number(row.completed),
      failed: Number(row.failed),
      meanSeconds: row.mean_seconds === null ? null : Number(row.mean_seconds),
    })),
    running: running.rows.map((row) => ({
      workId: row.id as number,
      chaosType: row.chaos_type as string,
      workerId: (row.worker_id as string | null) ?? null,
      runningSeconds: Number(row.running_seconds),
    })),
  };
}
