/**
 * What the demo's campaign has behind it, as a real one would: a harness checkout at a git commit
 * (the simulated harness, committed, so invariants are read at the campaign's commit) and earlier
 * nightly runs of the same series (so the diagnosis has a pass history to mark flaky types with).
 */
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CampaignConfig } from '../core/campaign/schema.js';
import { expandCampaignMatrix } from '../core/campaign/matrix.js';
import { combinationKey } from '../core/grouping.js';
import { isPlainObject } from '../core/json.js';
import { campaignRows, enqueueCampaign } from '../db/enqueue-campaign.js';
import type { EvalDatabase } from '../db/pool.js';
import { commitSnapshot } from '../process/git-files.js';
import { profileFor, seededRandom, simulateTrial, type TrialProfile } from './failure-model.js';
import { runSimulatedWorker } from './simulated-worker.js';

type Specs = ReturnType<typeof expandCampaignMatrix>;

/** The k-th work item of each combination follows the k-th profile of the failure model. */
export function planProfiles(
  specs: Specs,
  workIds: readonly number[],
  override?: (chaosType: string, params: Record<string, unknown>) => TrialProfile | undefined,
): Map<number, TrialProfile> {
  const seen = new Map<string, number>();
  const plan = new Map<number, TrialProfile>();
  specs.forEach((spec, index) => {
    const params = isPlainObject(spec.chaosParams) ? spec.chaosParams : {};
    const key = combinationKey({ chaosType: spec.chaosType, params });
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    const profile =
      (spec.baseline ? undefined : override?.(spec.chaosType, params)) ??
      profileFor(spec.chaosType, spec.chaosParams, ordinal);
    plan.set(workIds[index]!, profile);
  });
  return plan;
}

/**
 * Copies the simulated harness to `<outputDir>/harness` and commits it; undefined (with the
 * reason) when git cannot, and the demo reads the harness where it is.
 */
export async function snapshotHarness(
  harness: string,
  outputDir: string,
): Promise<{ dir: string; commit: string } | { reason: string }> {
  const dir = join(outputDir, 'harness');
  await rm(dir, { recursive: true, force: true });
  await cp(harness, dir, { recursive: true });
  try {
    return { dir, commit: await commitSnapshot(dir, 'Simulated TiKV harness') };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}

/**
 * Two earlier nightly runs of the series: the first as the failure model plays it, the second with
 * latency 50–150 ms passing (its P99 threshold sits inside the injected range, so it passes on some
 * nights). The diagnosis then sees latency flip from one campaign to the next.
 */
export async function simulateSeriesHistory(
  db: EvalDatabase,
  campaign: CampaignConfig,
  commit: string,
): Promise<number[]> {
  const ids: number[] = [];
  const nights = [undefined, borderlineLatencyPasses];
  for (const [night, override] of nights.entries()) {
    const specs = expandCampaignMatrix(campaign);
    const { campaignId, workIds } = await enqueueCampaign(
      db,
      campaignRows(campaign, commit, specs),
    );
    const profiles = planProfiles(specs, workIds, override);
    const random = seededRandom(campaignId);
    await runSimulatedWorker({
      db,
      workerId: `c${campaignId}-1`,
      campaignId,
      startAt: new Date(Date.UTC(2026, 10, 22 + night, 22, 0, 0)),
      cooldownSeconds: campaign.cooldown_seconds,
      simulate: (item, start) =>
        simulateTrial(
          profiles.get(item.id) ?? 'success',
          item.chaosType,
          isPlainObject(item.chaosParams) ? item.chaosParams : {},
          start,
          random,
        ),
    });
    ids.push(campaignId);
  }
  return ids;
}

function borderlineLatencyPasses(
  chaosType: string,
  params: Record<string, unknown>,
): TrialProfile | undefined {
  return chaosType === 'latency' && params.min_ms === 50 ? 'success' : undefined;
}
