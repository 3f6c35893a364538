/**
 * The rest of the loop in the demo, after the diagnosis: a simulated fix (the partition invariant
 * in the observer, which repairs network_partition and pd_leader_kill but not latency), the image
 * plan of its changed files, the targeted retry enqueued once per merge, simulated workers watched
 * with live progress, the comparison, and the PR comment and issue body that would be written.
 */
import { createHash } from 'node:crypto';
import type { CampaignAnalysis } from '../core/analysis.js';
import { expandCampaignMatrix } from '../core/campaign/matrix.js';
import { buildRetryCampaign, retrySettings, retrySourceOf } from '../core/campaign/retry.js';
import type { ProjectConfig } from '../core/config.js';
import {
  nextDiagnosisState,
  renderDiagnosisIssueBody,
  withRevision,
} from '../core/diagnosis-state.js';
import { combinationKey } from '../core/grouping.js';
import { planImages, type ImagePlan } from '../core/image-plan.js';
import { isPlainObject } from '../core/json.js';
import { commentRevision, nextStep, renderRetryComment } from '../core/retry-report.js';
import type { TestedImage } from '../core/render-comparison.js';
import type { ProgressReporter } from '../core/terminal/progress-view.js';
import type { EvalDatabase } from '../db/pool.js';
import { campaignRows } from '../db/enqueue-campaign.js';
import { ensureProductSchema } from '../db/product-schema.js';
import { enqueueRetryOnce } from '../db/retry-runs.js';
import { waitForCampaign } from '../loop/wait.js';
import type { Logger } from '../logger.js';
import { composeStickyBody } from '../github/sticky-comment.js';
import { loadRetryComparison, testedImages, type RetryComparison } from '../loop/report-context.js';
import { profileAfterFix, profileFor, seededRandom, simulateTrial } from './failure-model.js';
import { runSimulatedWorker } from './simulated-worker.js';
import { describeTopUp, topUpIfUndecided } from '../loop/top-up.js';

/** What the simulated fix touches and repairs. */
export const DEMO_FIX = {
  title: 'Fix the partition invariant in the observer',
  changedFiles: [
    { filename: 'subjects/tikv/observer/src/tikv_observer/invariants.py', status: 'modified' },
    { filename: 'subjects/tikv/observer/tests/test_invariants.py', status: 'modified' },
  ],
  repairs: new Set(['network_partition', 'pd_leader_kill']),
  prNumber: 42,
  issueNumber: 1,
  mergeSha: createHash('sha1').update('demo: fix the partition invariant').digest('hex'),
  repository: 'demo/operator',
  registry: 'us-central1-docker.pkg.dev/demo-project/eval',
};

export interface LoopDemoOptions {
  db: EvalDatabase;
  previous: CampaignAnalysis;
  config: ProjectConfig;
  workers: number;
  logger: Logger;
  /** The live progress bar in a terminal; default: a line a minute. */
  progress?: ProgressReporter;
}

export interface LoopDemoResult {
  plan: ImagePlan;
  retryYaml: string;
  retryCampaignId: number;
  loaded: RetryComparison;
  /** The PR comment exactly as compare would post it (marker included). */
  prComment: string;
  /** The diagnosis issue body after the retry's iteration was appended. */
  issueBody: string;
  /** What the comment shows beside the comparison, for the terminal's rendering of it. */
  commentContext: { images: TestedImage[]; issueNumber: number; nextStep: string };
}

export async function runLoopDemo(options: LoopDemoOptions): Promise<LoopDemoResult> {
  const { logger, previous } = options;
  const plan = planImages(DEMO_FIX.changedFiles, options.config.images.map, {
    registry: DEMO_FIX.registry,
    shortSha: DEMO_FIX.mergeSha.slice(0, 7),
  });
  logger.info(
    `Simulated fix "${DEMO_FIX.title}", PR #${DEMO_FIX.prNumber} merged as ${DEMO_FIX.mergeSha.slice(0, 7)}.`,
  );
  logger.info(`Plan: ${plan.summary}`);
  for (const image of plan.images) logger.info(`  ${image.name} → ${image.tag}`);
  const operatorImage = pinned(plan);
  const retry = retryCampaign(previous, options.config, operatorImage);
  const retryCampaignId = await enqueueRetry(options.db, previous, retry, operatorImage);
  logger.info(
    `Retry campaign ${retryCampaignId} '${retry.name}': ${retry.specs.length} work items.`,
  );
  await workAndWatch(options, retryCampaignId);
  const compare = () =>
    loadRetryComparison(options, previous.campaign.id, retryCampaignId, previous.target_win_rate);
  let loaded = await compare();
  // Top-up rounds, as compare and reconcile run them: more trials for the inconclusive only.
  for (let topUp = await topUpIfUndecided(options, loaded); topUp;) {
    logger.info(describeTopUp(topUp));
    await workAndWatch(options, topUp.topUp.campaignId);
    loaded = await compare();
    topUp = await topUpIfUndecided(options, loaded);
  }
  return {
    plan,
    retryYaml: retry.yaml,
    retryCampaignId,
    loaded,
    prComment: prComment(loaded, retryCampaignId, operatorImage),
    issueBody: issueBody(previous, loaded.after, options.config),
    commentContext: {
      images: imagesOf(operatorImage),
      issueNumber: DEMO_FIX.issueNumber,
      nextStep: nextStep(loaded.comparison, NEXT),
    },
  };
}

/** The operator tag pinned with a (fake, deterministic) pushed digest, as build would output it. */
function pinned(plan: ImagePlan): string {
  const operator = plan.images.find((i) => i.name === 'operator');
  const tag = operator?.tag ?? `${DEMO_FIX.registry}/operator:latest`;
  return `${tag}@sha256:${createHash('sha256').update(tag).digest('hex')}`;
}

function retryCampaign(previous: CampaignAnalysis, config: ProjectConfig, operatorImage: string) {
  const retry = buildRetryCampaign(
    retrySourceOf(previous),
    retrySettings(config.retry, operatorImage),
    [`Targeted retry of campaign ${previous.campaign.id} after PR #${DEMO_FIX.prNumber}.`],
  );
  return { ...retry, specs: expandCampaignMatrix(retry.config) };
}

async function enqueueRetry(
  db: EvalDatabase,
  previous: CampaignAnalysis,
  retry: ReturnType<typeof retryCampaign>,
  operatorImage: string,
): Promise<number> {
  await ensureProductSchema(db);
  const outcome = await enqueueRetryOnce(
    db,
    { repository: DEMO_FIX.repository, prNumber: DEMO_FIX.prNumber, mergeSha: DEMO_FIX.mergeSha },
    {
      previousCampaignId: previous.campaign.id,
      diagnosisIssue: DEMO_FIX.issueNumber,
      campaignName: retry.name,
      operatorImage,
      imageDigests: { operator: operatorImage.split('@')[1]! },
    },
    { ...campaignRows(retry.config, DEMO_FIX.mergeSha, retry.specs), name: retry.name },
  );
  return outcome.run.retryCampaignId;
}

/** Simulated workers play the failure model with the fix applied while `wait` shows progress. */
async function workAndWatch(options: LoopDemoOptions, campaignId: number): Promise<void> {
  const ordinals = new Map<string, number>();
  const random = seededRandom(campaignId);
  const workers = Array.from({ length: options.workers }, (_, i) =>
    runSimulatedWorker({
      db: options.db,
      workerId: `c${campaignId}-${i + 1}`,
      campaignId,
      startAt: new Date(Date.UTC(2026, 10, 25, 9, 0, 0) + i * 45_000),
      cooldownSeconds: 10,
      delayMs: 200,
      simulate: (item, start) => {
        const params = isPlainObject(item.chaosParams) ? item.chaosParams : {};
        const key = combinationKey({ chaosType: item.chaosType, params });
        const ordinal = ordinals.get(key) ?? 0;
        ordinals.set(key, ordinal + 1);
        const profile = profileAfterFix(
          profileFor(item.chaosType, params, ordinal),
          item.chaosType,
          DEMO_FIX.repairs,
        );
        return simulateTrial(profile, item.chaosType, params, start, random);
      },
    }),
  );
  const waited = waitForCampaign(options.db, campaignId, {
    timeoutMs: 60_000,
    pollMs: 1_000,
    logger: options.logger,
    ...(options.progress ? { progress: options.progress } : {}),
  });
  await Promise.all([...workers, waited]);
}

const NEXT = {
  issueNumber: DEMO_FIX.issueNumber,
  validationFile: 'eval/campaigns/operations/tikv-all-chaos-cloud.yaml',
};

function imagesOf(operatorImage: string): TestedImage[] {
  return testedImages({
    operatorImage,
    imageDigests: { operator: operatorImage.split('@')[1]! },
  });
}

function prComment(
  loaded: RetryComparison,
  retryCampaignId: number,
  operatorImage: string,
): string {
  const body = renderRetryComment({
    comparison: loaded.comparison,
    context: { issueNumber: DEMO_FIX.issueNumber, images: imagesOf(operatorImage) },
    next: NEXT,
  });
  return composeStickyBody({
    prNumber: DEMO_FIX.prNumber,
    revision: commentRevision(retryCampaignId, 'reported'),
    body,
  });
}

/** The issue after analyze wrote the diagnosis and compare appended the retry as an iteration. */
function issueBody(
  previous: CampaignAnalysis,
  retry: CampaignAnalysis,
  config: ProjectConfig,
): string {
  const series = previous.campaign.name;
  const first = nextDiagnosisState(undefined, previous);
  const second = { ...nextDiagnosisState(first, retry), series };
  return renderDiagnosisIssueBody(retry, withRevision(second, 2), {
    handoff: { issueNumber: DEMO_FIX.issueNumber, testSuites: config.images.map.tests },
  });
}
