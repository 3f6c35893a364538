import { expandCampaignMatrix, type CampaignTrialSpec } from '../core/campaign/matrix.js';
import type { CampaignConfig } from '../core/campaign/schema.js';
import type { EvalDatabase, Queryable } from './pool.js';
import { enqueue, insertCampaign, type WorkItemSpec } from './work-queue.js';

export interface CampaignToEnqueue {
  name: string;
  /** Upstream stores the first subject as the campaign's subject. */
  subjects: readonly string[];
  includeBaseline: boolean;
  continuous: boolean;
  variant: string;
  gitCommitHash: string;
  /** One per expanded spec, in matrix order. */
  items: readonly WorkItemSpec[];
  createdAt?: string;
}

/**
 * What `eval run campaign --cloud=gcp` writes (cli.py @ c766b4b): one `campaigns` row whose
 * trial_count is the number of expanded specs (baseline included), then one work item per spec —
 * here in one transaction, so a crash leaves neither half.
 */
export async function enqueueCampaign(
  db: EvalDatabase,
  campaign: CampaignToEnqueue,
): Promise<{ campaignId: number; workIds: number[] }> {
  return db.withClient(async (client) => {
    await client.query('BEGIN');
    try {
      const result = await writeCampaignRows(client, campaign);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

/** The rows of `enqueueCampaign`, inside a transaction the caller owns. */
export async function writeCampaignRows(
  client: Queryable,
  campaign: CampaignToEnqueue,
): Promise<{ campaignId: number; workIds: number[] }> {
  const campaignId = await insertCampaign(client, {
    subjectName: campaign.subjects[0] ?? 'tikv',
    name: campaign.name,
    trialCount: campaign.items.length,
    baseline: campaign.includeBaseline,
    continuous: campaign.continuous,
    variantName: campaign.variant,
    gitCommitHash: campaign.gitCommitHash,
    createdAt: campaign.createdAt ?? new Date().toISOString(),
  });
  const workIds = await enqueue(client, campaignId, campaign.items);
  return { campaignId, workIds };
}

/**
 * The rows `eval run campaign <file> --cloud=gcp` writes for a parsed campaign file (cli.py
 * @ c766b4b): one work item per expanded spec, in matrix order.
 */
export function campaignRows(
  config: CampaignConfig,
  gitCommitHash: string,
  specs: readonly CampaignTrialSpec[] = expandCampaignMatrix(config),
): CampaignToEnqueue {
  return {
    name: config.name,
    subjects: config.subjects,
    includeBaseline: config.include_baseline,
    continuous: config.continuous,
    variant: config.variant,
    gitCommitHash,
    items: specs.map((spec) => ({
      subjectType: spec.subject,
      chaosType: spec.chaosType,
      chaosParams: spec.chaosParams,
      baseline: spec.baseline,
      sequenceNumber: spec.sequenceNumber,
      resolutionTimeout: spec.resolutionTimeout,
    })),
  };
}
