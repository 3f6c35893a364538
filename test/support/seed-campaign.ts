import { readFile } from 'node:fs/promises';
import { expandCampaignMatrix } from '../../src/core/campaign/matrix.js';
import { parseCampaignYaml } from '../../src/core/campaign/read.js';
import { combinationKey } from '../../src/core/grouping.js';
import { isPlainObject } from '../../src/core/json.js';
import { campaignRows, enqueueCampaign } from '../../src/db/enqueue-campaign.js';
import { openEvalDatabase } from '../../src/db/pool.js';
import { createUpstreamSchema } from '../../src/db/upstream-schema.js';
import {
  profileFor,
  seededRandom,
  simulateTrial,
  type TrialProfile,
} from '../../src/demo/failure-model.js';
import { runSimulatedWorker } from '../../src/demo/simulated-worker.js';

const DEMO_CAMPAIGN_FILE = new URL('../../campaigns/tikv-all-chaos-cloud.yaml', import.meta.url);

export interface SeedOptions {
  /** Override the failure model: every trial follows this profile. */
  profile?: TrialProfile;
  name?: string;
  workers?: number;
  /** The campaign's git_commit_hash (default: a fixed 40-hex value no repository has). */
  gitCommit?: string;
}

/**
 * Creates the upstream schema (when missing) and runs tikv-all-chaos-cloud.yaml through
 * simulated workers, as the demo does. Returns the campaign id.
 */
export async function seedDemoCampaign(url: string, options: SeedOptions = {}): Promise<number> {
  const db = await openEvalDatabase(url, { log: () => undefined });
  try {
    await createUpstreamSchema(db);
    const { config } = parseCampaignYaml(await readFile(DEMO_CAMPAIGN_FILE, 'utf8'));
    const specs = expandCampaignMatrix(config);
    const { campaignId, workIds } = await enqueueCampaign(db, {
      ...campaignRows(
        config,
        options.gitCommit ?? '0123456789abcdef0123456789abcdef01234567',
        specs,
      ),
      name: options.name ?? config.name,
    });
    const seen = new Map<string, number>();
    const plan = new Map<number, TrialProfile>();
    specs.forEach((spec, i) => {
      const key = combinationKey({
        chaosType: spec.chaosType,
        params: isPlainObject(spec.chaosParams) ? spec.chaosParams : {},
      });
      const ordinal = seen.get(key) ?? 0;
      seen.set(key, ordinal + 1);
      plan.set(
        workIds[i]!,
        options.profile && !spec.baseline
          ? options.profile
          : profileFor(spec.chaosType, spec.chaosParams, ordinal),
      );
    });
    const random = seededRandom(7);
    await Promise.all(
      Array.from({ length: options.workers ?? 2 }, (_, i) =>
        runSimulatedWorker({
          db,
          workerId: `c${campaignId}-${i + 1}`,
          campaignId,
          startAt: new Date(Date.UTC(2026, 1, 10, 12, i)),
          cooldownSeconds: 10,
          simulate: (item, start) =>
            simulateTrial(
              plan.get(item.id)!,
              item.chaosType,
              isPlainObject(item.chaosParams) ? item.chaosParams : {},
              start,
              random,
            ),
        }),
      ),
    );
    return campaignId;
  } finally {
    await db.close();
  }
}
