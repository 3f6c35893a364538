/**
 * A targeted retry of a merged fix: which campaign it retries and what failed there (from
 * `campaign-id`, or the diagnosis issue the PR fixes), the campaign YAML written to the workspace,
 * and the rows enqueued once per merge (directly, or through `eval run campaign`).
 */
import { withheldNote, type WithheldCombination } from '../core/chaos-types.js';
import { defaultTarget } from '../core/targets.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { CommandIO } from '../command-io.js';
import {
  buildRetryCampaign,
  failingFromWorkItems,
  retrySettings,
  type RecordedCombination,
} from '../core/campaign/retry.js';
import { upstreamRegistry, type ProjectConfig } from '../core/config.js';
import { hasDiagnosisMarker, readDiagnosisState } from '../core/diagnosis-state.js';
import { InputError, shown } from '../core/inputs.js';
import { campaignRows, type CampaignToEnqueue } from '../db/enqueue-campaign.js';
import { createEvalReader } from '../db/eval-reader.js';
import type { EvalDatabase } from '../db/pool.js';
import {
  enqueueRetryOnce,
  findRetryRun,
  findUnlinkedCampaign,
  recordRetryRun,
  withRetryRunLock,
  type RetryRun,
  type RetryRunKey,
  type RetryRunLink,
} from '../db/retry-runs.js';
import { createUpstreamSchema } from '../db/upstream-schema.js';
import { resolveBotIdentity } from '../github/diagnosis-issue.js';
import {
  getPull,
  parseClosingReferences,
  readLinkedIssue,
  resolvePull,
  type PullSummary,
  type RepoRef,
} from '../github/pull-requests.js';
import type { BuildableImage } from '../images/builder.js';
import { plannedDigests } from '../images/planned-images.js';
import type { RegistryAuth } from '../images/registry.js';
import { eventSelection } from '../github/repo-context.js';
import { parseOperatorImage } from '../images/image-ref.js';
import { loadCampaignAnalysis } from './analyze-campaign.js';

export interface RetryInput {
  prNumber: number | undefined;
  campaignId: number | undefined;
  operatorImage: string | undefined;
  trialsPerCombination: number | undefined;
  viaCli: boolean;
  databaseUrl: string;
  token: string | undefined;
  configPath: string | undefined;
  mergeSha: string;
  digests: Record<string, string>;
  /** The plan's images: their planned tags' digests are looked up in the registry. */
  images: BuildableImage[];
  registryAuth: RegistryAuth | undefined;
  /** Undefined: the config's targets.default, else 90 %. */
  target: number | undefined;
}

/**
 * The planned images' digests as the registry holds them (given `digests` win), and the operator
 * pinned by its digest when no operator-image was given.
 */
export async function pinPlannedImages(input: RetryInput, io: CommandIO): Promise<RetryInput> {
  if (input.images.length === 0) return input;
  const found = await plannedDigests(input.images, { auth: input.registryAuth });
  const digests = { ...found, ...input.digests };
  for (const [name, digest] of Object.entries(found))
    io.logger.info(`Planned image ${name}: ${digest}.`);
  const operator = input.images.find((image) => image.name === 'operator');
  const operatorImage =
    input.operatorImage ??
    (operator && digests.operator ? `${operator.tag}@${digests.operator}` : undefined);
  return { ...input, digests, operatorImage };
}

/** What the retry is about: the campaign it retries and the combinations that failed there. */
export interface RetrySource {
  previousCampaignId: number;
  diagnosisIssue: number | null;
  failing: RecordedCombination[];
  how: string;
  /** Failing combinations left out of the retry (chaos types the harness would reject). */
  withheld?: WithheldCombination[];
}

export type PullChoice =
  | { number: number; summary: PullSummary | undefined; why?: undefined }
  | { number: undefined; summary: undefined; why: string };

export async function pullToRetry(
  input: RetryInput,
  github: RepoRef | undefined,
  io: CommandIO,
): Promise<PullChoice> {
  if (input.prNumber !== undefined && input.campaignId !== undefined) {
    return { number: input.prNumber, summary: undefined };
  }
  const resolution = await resolvePull(github!, {
    ...(input.prNumber !== undefined ? { explicit: input.prNumber } : {}),
    ...eventSelection(io.env),
    sha: input.mergeSha,
  });
  if (!resolution.pull) return { number: undefined, summary: undefined, why: resolution.why };
  if (!resolution.pull.merged) {
    return {
      number: undefined,
      summary: undefined,
      why: `PR #${resolution.pull.number} is not merged`,
    };
  }
  io.logger.info(`Retry for PR #${resolution.pull.number} (${resolution.how}).`);
  return { number: resolution.pull.number, summary: resolution.pull };
}

type Found<T> = { ok: true; value: T } | { ok: false; why: string };

export async function retrySource(
  input: RetryInput,
  config: ProjectConfig,
  pull: PullSummary | undefined,
  github: RepoRef | undefined,
  db: EvalDatabase,
  io: CommandIO,
): Promise<Found<RetrySource>> {
  if (input.campaignId !== undefined) {
    return {
      ok: true,
      value: await analyzedSource(
        db,
        input.campaignId,
        defaultTarget(input.target, config.targets.default),
        config,
        io,
      ),
    };
  }
  const summary = pull ?? (await getPull(github!, input.prNumber!));
  return diagnosisSource(github!, summary);
}

/** From `campaign-id`: the combinations below the target, scored as upstream scores them. */
async function analyzedSource(
  db: EvalDatabase,
  campaignId: number,
  target: number,
  config: ProjectConfig,
  io: CommandIO,
): Promise<RetrySource> {
  const analysis = await loadCampaignAnalysis(db, campaignId, {
    target,
    targets: config.targets.byChaosType,
    causes: config.causes,
  });
  io.logger.info(
    `Campaign ${campaignId}: ${analysis.failing.length} failing combination(s) at target ${(target * 100).toFixed(1)}%.`,
  );
  return {
    previousCampaignId: campaignId,
    diagnosisIssue: null,
    failing: analysis.failing,
    how: `campaign-id ${campaignId}`,
  };
}

/**
 * From the diagnosis issue the PR closes: the first linked issue written by this bot that carries a
 * valid state block and its series' marker. An issue anyone else wrote is never trusted.
 */
async function diagnosisSource(github: RepoRef, pull: PullSummary): Promise<Found<RetrySource>> {
  const numbers = parseClosingReferences(pull.body, github.owner, github.repo);
  if (numbers.length === 0) {
    return {
      ok: false,
      why: `PR #${pull.number} links no issue with a closing keyword (Fixes #N)`,
    };
  }
  const identity = await resolveBotIdentity(github.client, github.botLogin);
  const skipped: string[] = [];
  for (const number of numbers) {
    const issue = await readLinkedIssue(github, number);
    if (!issue) {
      skipped.push(`#${number} is not a readable issue`);
      continue;
    }
    if (issue.author?.toLowerCase() !== identity.login.toLowerCase()) {
      skipped.push(`#${number} was not written by ${identity.login}`);
      continue;
    }
    const state = readDiagnosisState(issue.body);
    if (state.kind !== 'ok' || !hasDiagnosisMarker(issue.body, state.state.series)) {
      skipped.push(
        `#${number} has no ${state.kind === 'invalid' ? 'valid ' : ''}diagnosis state block`,
      );
      continue;
    }
    for (const note of skipped) github.logger.info(`Skipped ${note}.`);
    return {
      ok: true,
      value: {
        previousCampaignId: state.state.latest_campaign_id,
        diagnosisIssue: number,
        failing: state.state.failing,
        how: `diagnosis issue #${number} (series '${state.state.series}')`,
      },
    };
  }
  return { ok: false, why: `PR #${pull.number} fixes no diagnosis issue: ${skipped.join('; ')}` };
}

export interface PreparedRetry {
  name: string;
  yaml: string;
  /** Absolute path of the written YAML. */
  path: string;
  /** The rows to enqueue, expanded from the file as written, exactly as `eval run campaign` reads it. */
  rows: CampaignToEnqueue;
  link: RetryRunLink;
}

export async function prepareRetry(
  input: RetryInput,
  config: ProjectConfig,
  source: RetrySource,
  key: RetryRunKey,
  db: EvalDatabase,
  io: CommandIO,
): Promise<PreparedRetry> {
  const previous = await createEvalReader(db).getCampaign(source.previousCampaignId);
  if (!previous) {
    throw new Error(
      `Campaign ${source.previousCampaignId} (from ${source.how}) does not exist in ${db.target}`,
    );
  }
  const operatorImage = resolveOperatorImage(input.operatorImage, config, io);
  // Exact params, subjects and timeouts come from the source's work items, whatever recorded them.
  const items = await createEvalReader(db).getWorkItems(previous.id);
  const failing = failingFromWorkItems(source.failing, items, previous.subjectName || 'tikv');
  const retry = buildRetryCampaign(
    {
      campaignId: previous.id,
      campaignName: previous.name,
      variant: previous.variantName,
      failing,
    },
    retrySettings(config.retry, operatorImage, input.trialsPerCombination),
    [
      `Targeted retry of campaign ${previous.id} (${previous.name}) after PR #${key.prNumber}, merged as ${key.mergeSha}.`,
      `Failing combinations from ${source.how}. Written by iterate-campaign.`,
      ...(source.withheld?.length ? [withheldNote(source.withheld)] : []),
    ],
  );
  if (retry.extra.length > 0) {
    io.logger.warning(
      `The retry also reruns ${retry.extra.length} combination(s) that did not fail: upstream runs every subject with every chaos entry (listed in the file's header).`,
    );
  }
  const { name, yaml } = retry;
  // Read back from the file as written, exactly as `eval run campaign` reads it.
  const written = retry.config;
  const path = retryPath(io.cwd, config.retry.dir, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, yaml);
  io.logger.info(`Retry campaign written to ${relative(io.cwd, path)}.`);
  return {
    name,
    yaml,
    path,
    rows: { ...campaignRows(written, key.mergeSha), name },
    link: {
      previousCampaignId: previous.id,
      diagnosisIssue: source.diagnosisIssue,
      campaignName: name,
      operatorImage,
      imageDigests: input.digests,
    },
  };
}

export function retryPath(cwd: string, dir: string, name: string): string {
  const base = resolve(cwd, dir);
  const path = resolve(base, `${name}.yaml`);
  const inside = relative(cwd, path);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new InputError(`retry.dir '${shown(dir)}' points outside the repository`);
  }
  return path;
}

function resolveOperatorImage(
  explicit: string | undefined,
  config: ProjectConfig,
  io: CommandIO,
): string {
  if (explicit) return explicit;
  if (config.retry.operatorImage)
    return parseOperatorImage('retry.operator_image (config)', config.retry.operatorImage);
  const registry = config.images.registry ?? upstreamRegistry(io.env.GCP_PROJECT);
  if (registry) {
    const image = `${registry}/operator:latest`;
    io.logger.warning(
      `No operator-image given (the operator was not rebuilt?): the retry uses ${image}.`,
    );
    return image;
  }
  io.logger.warning(
    'No operator image known: the campaign leaves it to the harness (operator:latest of GCP_PROJECT).',
  );
  return '';
}

export async function enqueueDirect(
  db: EvalDatabase,
  key: RetryRunKey,
  prepared: PreparedRetry,
  io: CommandIO,
): Promise<RetryRun> {
  // What every `eval` entry point does first (ensure_schema): idempotent, serialized.
  await createUpstreamSchema(db);
  const outcome = await enqueueRetryOnce(db, key, prepared.link, prepared.rows);
  if (outcome.created) {
    io.logger.info(
      `Created campaign ${outcome.run.retryCampaignId} with ${outcome.workIds.length} work item(s).`,
    );
  } else {
    io.logger.info(
      `A concurrent run already enqueued campaign ${outcome.run.retryCampaignId} for this merge; nothing written.`,
    );
  }
  return outcome.run;
}

export async function enqueueViaCli(
  db: EvalDatabase,
  key: RetryRunKey,
  prepared: PreparedRetry,
  config: ProjectConfig,
  input: RetryInput,
  io: CommandIO,
): Promise<RetryRun> {
  return withRetryRunLock(db, key, async (session) => {
    const existing = await findRetryRun(session, key);
    if (existing) return existing;
    let campaignId = await findUnlinkedCampaign(session, prepared.name, key.mergeSha);
    if (campaignId !== null) {
      io.logger.warning(
        `Campaign ${campaignId} was created for this merge by an earlier attempt; recording it instead of enqueueing again.`,
      );
    } else {
      const { runEvalCampaign } = await import('../process/eval-cli.js');
      campaignId = await runEvalCampaign(prepared.path, {
        cwd: resolve(io.cwd, config.retry.evalDirectory),
        env: { ...io.env, EVAL_DATABASE_URL: input.databaseUrl },
        logger: io.logger,
        timeoutMs: 10 * 60_000,
        mask: (text) => io.masker.mask(text),
      });
    }
    return (await recordRetryRun(session, key, prepared.link, campaignId, 'cli')).run;
  });
}

export function workerIndexes(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}
