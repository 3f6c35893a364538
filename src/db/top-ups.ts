/**
 * Top-up rounds of a retry: follow-up campaigns that run more trials for exactly the combinations
 * the comparison left inconclusive, one row per (retry campaign, round) in
 * `iterate_campaign.top_ups`.
 *
 * A round is enqueued in the transaction that records it, under a transaction-level advisory lock
 * per retry campaign, and only when it is the next round: a second compare or reconcile run on the
 * same state (or a concurrent one) finds the round and writes nothing. Each work item copies the
 * retry's own work item of that combination (subject, chaos type, params, resolution timeout), so
 * the follow-up runs what the retry ran.
 */
import { createHash } from 'node:crypto';
import { DatabaseError } from './connection-url.js';
import { writeCampaignRows } from './enqueue-campaign.js';
import type { EvalDatabase, Queryable } from './pool.js';
import { ensureProductTable, PRODUCT_SCHEMA, tableExists } from './product-schema.js';
import type { WorkItemSpec } from './work-queue.js';

const TOP_UPS_TABLE = `${PRODUCT_SCHEMA}.top_ups`;

const TOP_UPS_DDL = `
CREATE TABLE IF NOT EXISTS ${TOP_UPS_TABLE} (
    retry_campaign_id INTEGER NOT NULL,
    round INTEGER NOT NULL CHECK (round > 0),
    campaign_id INTEGER NOT NULL,
    combinations JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (retry_campaign_id, round)
);
`;

const DDL_LOCK_KEY = '7596543301218003';

export interface TopUpRequest {
  chaos_type: string;
  params: Record<string, unknown>;
  trials: number;
}

export interface TopUp {
  retryCampaignId: number;
  round: number;
  campaignId: number;
  combinations: TopUpRequest[];
}

/** Creates the table when missing; idempotent and safe to run concurrently. */
export async function ensureTopUpsSchema(db: EvalDatabase): Promise<void> {
  await ensureProductTable(db, TOP_UPS_TABLE, TOP_UPS_DDL, DDL_LOCK_KEY);
}

/** The rounds of a retry, oldest first; none when the table does not exist yet. */
export async function listTopUps(db: Queryable, retryCampaignId: number): Promise<TopUp[]> {
  if (!(await tableExists(db, TOP_UPS_TABLE))) return [];
  const result = await db.query({
    text: `SELECT retry_campaign_id, round, campaign_id, combinations FROM ${TOP_UPS_TABLE}
           WHERE retry_campaign_id = $1 ORDER BY round`,
    values: [retryCampaignId],
  });
  return result.rows.map(toTopUp);
}

function lockKey(retryCampaignId: number): string {
  return createHash('sha256')
    .update(`iterate_campaign.top_ups\0${retryCampaignId}`)
    .digest()
    .readBigInt64BE(0)
    .toString();
}

/**
 * Enqueues round `round` of the retry's top-up once. When that round (or a later one) exists,
 * returns it (or null) and writes nothing.
 */
export async function enqueueTopUpOnce(
  db: EvalDatabase,
  retryCampaignId: number,
  round: number,
  requests: readonly TopUpRequest[],
): Promise<{ topUp: TopUp; created: boolean; workIds: number[] } | null> {
  if (requests.length === 0) return null;
  return db.transaction(async (client) => {
    await client.query({
      text: 'SELECT pg_advisory_xact_lock($1::bigint)',
      values: [lockKey(retryCampaignId)],
    });
    const existing = await listTopUps(client, retryCampaignId);
    const same = existing.find((t) => t.round === round);
    if (same) return { topUp: same, created: false, workIds: [] };
    if (existing.length >= round) return null;
    if (existing.length !== round - 1) {
      throw new DatabaseError(
        `top-up round ${round} of retry campaign ${retryCampaignId} requested, but ${existing.length} round(s) exist`,
      );
    }
    const campaign = await campaignRow(client, retryCampaignId);
    const items: WorkItemSpec[] = [];
    for (const request of requests) {
      const template = await templateItem(client, retryCampaignId, request);
      for (let i = 0; i < request.trials; i += 1) items.push(template);
    }
    const { campaignId, workIds } = await writeCampaignRows(client, {
      name: `${campaign.name}-topup-${round}`,
      subjects: [campaign.subjectName],
      includeBaseline: false,
      continuous: false,
      variant: campaign.variantName,
      gitCommitHash: campaign.gitCommitHash,
      items,
    });
    const { rows } = await client.query({
      text: `INSERT INTO ${TOP_UPS_TABLE} (retry_campaign_id, round, campaign_id, combinations)
             VALUES ($1, $2, $3, $4::jsonb)
             RETURNING retry_campaign_id, round, campaign_id, combinations`,
      values: [retryCampaignId, round, campaignId, JSON.stringify(requests)],
    });
    return { topUp: toTopUp(rows[0]!), created: true, workIds };
  });
}

async function campaignRow(client: Queryable, campaignId: number) {
  const { rows } = await client.query({
    text: `SELECT name, subject_name, variant_name, git_commit_hash FROM campaigns WHERE id = $1`,
    values: [campaignId],
  });
  const row = rows[0];
  if (!row) throw new DatabaseError(`retry campaign ${campaignId} does not exist`);
  return {
    name: row.name as string,
    subjectName: row.subject_name as string,
    variantName: (row.variant_name as string | null) ?? 'default',
    gitCommitHash: (row.git_commit_hash as string | null) ?? '',
  };
}

/** The retry's own work item of the combination: what a follow-up trial must run again. */
async function templateItem(
  client: Queryable,
  retryCampaignId: number,
  request: TopUpRequest,
): Promise<WorkItemSpec> {
  const { rows } = await client.query({
    text: `SELECT subject_type, chaos_type, chaos_params, resolution_timeout FROM work_queue
           WHERE campaign_id = $1 AND NOT COALESCE(baseline, FALSE) AND chaos_type = $2
             AND COALESCE(chaos_params, '{}'::jsonb) = $3::jsonb
           ORDER BY id LIMIT 1`,
    values: [retryCampaignId, request.chaos_type, JSON.stringify(request.params)],
  });
  const row = rows[0];
  if (!row) {
    throw new DatabaseError(
      `retry campaign ${retryCampaignId} has no work item for ${request.chaos_type} ${JSON.stringify(request.params)} to top up`,
    );
  }
  return {
    subjectType: row.subject_type as string,
    chaosType: row.chaos_type as string,
    chaosParams: row.chaos_params ?? {},
    baseline: false,
    sequenceNumber: null,
    resolutionTimeout: (row.resolution_timeout as number | null) ?? null,
  };
}

function toTopUp(row: Record<string, unknown>): TopUp {
  return {
    retryCampaignId: row.retry_campaign_id as number,
    round: row.round as number,
    campaignId: row.campaign_id as number,
    combinations: row.combinations as TopUpRequest[],
  };
}
