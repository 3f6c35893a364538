import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { analyzeCampaign } from '../core/analysis.js';
import {
  buildRetryCampaign,
  parseCampaignYaml,
  renderCampaignYaml,
  retryCampaignName,
} from '../core/campaign-yaml.js';
import { campaignRows, type CampaignToEnqueue } from '../db/enqueue-campaign.js';
import { upstreamRegistry, type ProjectConfig } from '../core/config.js';
import { hasDiagnosisMarker, readDiagnosisState } from '../core/diagnosis-state.js';
import { InputError, parseBoolean, parseTargetRate, shown } from '../core/inputs.js';
import { loadProjectConfig } from '../config/project-config.js';
import { createEvalReader } from '../db/eval-reader.js';
import { openEvalDatabase, type EvalDatabase } from '../db/pool.js';
import { ensureProductSchema } from '../db/product-schema.js';
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
import { readRepoContext, repositorySlug } from '../github/repo-context.js';
import { parseImageReference, validateDigest } from '../images/image-ref.js';
import type { CommandIO } from './command.js';
import { DATABASE_URL_INPUT, CONFIG_INPUT, readDatabaseUrl } from './common-inputs.js';
import { defineCommand } from './command.js';
import { eventSelection, openGitHub, optionalId, requireMergeSha, tokenFrom } from './plan.js';

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
  target: number;
}

/** What the retry is about: the campaign it retries and the combinations that failed there. */
export interface RetrySource {
  previousCampaignId: number;
  diagnosisIssue: number | null;
  failing: { chaos_type: string; params: Record<string, unknown> }[];
  how: string;
}

export const retryCommand = defineCommand<RetryInput>({
  name: 'retry',
  description:
    'Write the targeted retry campaign for a merged fix and enqueue it into the eval database, once per merge.',
  surfaces: ['action', 'cli'],
  outputs: {
    'retry-campaign-id': "The enqueued retry campaign's id (empty when nothing was enqueued)",
    'retry-campaign-path': 'Workspace path of the retry campaign YAML it wrote',
    'previous-campaign-id': 'The campaign that was retried',
    'operator-image': 'The operator image the retry runs',
    'worker-indexes': 'JSON list of worker indexes, for a worker matrix',
  },
  inputs: {
    'pr-number': {
      description: 'Merged fix PR (default: the event’s PR; on push, the PR merged as GITHUB_SHA)',
    },
    'campaign-id': {
      description:
        'Campaign to retry (default: the one in the state block of the issue the PR fixes)',
    },
    'operator-image': {
      description:
        'Operator image for the retry, e.g. build’s operator-image (default: config retry.operator_image, else <registry>/operator:latest)',
    },
    'trials-per-combination': { description: 'Trials per failing combination (default 3)' },
    'via-cli': {
      description:
        'true: enqueue with `uv run eval run campaign <yaml> --cloud=gcp` instead of directly',
    },
    digests: {
      description:
        'JSON image name → digest from build (or toJSON of the build job’s outputs), recorded with the run',
    },
    'target-win-rate': {
      description: 'With campaign-id: the target that decides which combinations failed',
    },
    'merge-sha': { description: 'Merge commit SHA (default: GITHUB_SHA)' },
    'database-url': DATABASE_URL_INPUT,
    'github-token': {
      description: 'Token to read the PR and the issue it fixes (default: GITHUB_TOKEN)',
      secret: true,
    },
    config: CONFIG_INPUT,
  },
  parse(inputs, io) {
    const databaseUrl = readDatabaseUrl(inputs, io);
    const prNumber = optionalId(inputs, 'pr-number');
    const campaignId = optionalId(inputs, 'campaign-id');
    const token = tokenFrom(inputs, io.env);
    if (!token && (prNumber === undefined || campaignId === undefined)) {
      throw new InputError(
        'Missing github-token: without both pr-number and campaign-id, retry reads the PR (and the issue it fixes) from GitHub',
      );
    }
    const trials = inputs.get('trials-per-combination');
    const operatorImage = inputs.get('operator-image');
    return {
      prNumber,
      campaignId,
      operatorImage:
        operatorImage === undefined
          ? undefined
          : parseOperatorImage('operator-image', operatorImage),
      trialsPerCombination: trials === undefined ? undefined : parseTrials(trials),
      viaCli: parseBoolean('via-cli', inputs.get('via-cli') ?? 'false'),
      databaseUrl,
      token,
      configPath: inputs.get('config'),
      mergeSha: requireMergeSha(inputs, io.env),
      digests: parseDigests(inputs.get('digests')),
      target: parseTargetRate('target-win-rate', inputs.get('target-win-rate') ?? '90'),
    };
  },
  async run(input, io) {
    const config = await loadProjectConfig(input.configPath, io.cwd);
    const context = readRepoContext(io.env, 'retry');
    const github = input.token ? openGitHub(io, input.token, 'retry').ref : undefined;
    const pull = await pullToRetry(input, github, io);
    if (pull.number === undefined) return nothingToRetry(io, pull.why);
    const key: RetryRunKey = {
      repository: repositorySlug(context),
      prNumber: pull.number,
      mergeSha: input.mergeSha,
    };
    const db = await openEvalDatabase(input.databaseUrl, {
      log: (m) => io.logger.warning(m),
      signal: io.signal,
    });
    try {
      await ensureProductSchema(db);
      const existing = await findRetryRun(db, key);
      if (existing) return reportExisting(io, existing, config);
      const source = await retrySource(input, config, pull.summary, github, db, io);
      if (!source.ok) return nothingToRetry(io, source.why);
      if (source.value.failing.length === 0) {
        return nothingToRetry(
          io,
          `campaign ${source.value.previousCampaignId} has no failing combination`,
        );
      }
      const prepared = await prepareRetry(input, config, source.value, key, db, io);
      const run = input.viaCli
        ? await enqueueViaCli(db, key, prepared, config, input, io)
        : await enqueueDirect(db, key, prepared, io);
      setRetryOutputs(io, run, prepared.path, config);
      const text = renderRetry(run, source.value, prepared);
      io.print(text);
      if (io.surface === 'action') await io.appendSummary(text);
    } finally {
      await db.close();
    }
  },
});

// ── inputs ─────────────────────────────────────────────────────────────────────────────────────

function parseTrials(value: string): number {
  const v = value.trim();
  if (!/^[1-9][0-9]{0,2}$/.test(v) || Number(v) > 100) {
    throw new InputError(
      `Invalid trials-per-combination: '${shown(value)}' — expected a whole number from 1 to 100`,
    );
  }
  return Number(v);
}

/** `host/path:tag`, optionally pinned `@sha256:…`. */
export function parseOperatorImage(field: string, value: string): string {
  const v = value.trim();
  const [reference = '', digest, ...rest] = v.split('@');
  try {
    if (rest.length > 0) throw new Error(`Invalid ${field}: more than one '@'`);
    parseImageReference(reference, field);
    if (digest !== undefined) validateDigest(digest, `${field} digest`);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  return v;
}

/**
 * Digests from build: `{"operator":"sha256:…"}`, or the build job's outputs as JSON, whose keys are
 * `digest-<name>` (other keys and empty values are ignored).
 */
export function parseDigests(raw: string | undefined): Record<string, string> {
  if (raw === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new InputError(`Invalid digests: not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('Invalid digests: expected a JSON object of image name → sha256 digest');
  }
  const digests: Record<string, string> = {};
  for (const [key, digest] of Object.entries(value)) {
    if (typeof digest !== 'string' || digest === '' || key === 'operator-image') continue;
    const name = key.startsWith('digest-') ? key.slice('digest-'.length) : key;
    try {
      digests[name] = validateDigest(digest, `digests.${key}`);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
  }
  return digests;
}

// ── what to retry ──────────────────────────────────────────────────────────────────────────────

type PullChoice =
  | { number: number; summary: PullSummary | undefined; why?: undefined }
  | { number: undefined; summary: undefined; why: string };

async function pullToRetry(
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

async function retrySource(
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
      value: await analyzedSource(db, input.campaignId, input.target, config, io),
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
  const data = await createEvalReader(db).loadCampaignData(campaignId);
  const analysis = analyzeCampaign(data, {
    target,
    causes: config.causes,
    localUtcOffsetMinutes: -new Date().getTimezoneOffset(),
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

// ── the retry campaign ─────────────────────────────────────────────────────────────────────────

export interface PreparedRetry {
  name: string;
  yaml: string;
  /** Absolute path of the written YAML. */
  path: string;
  /** The rows to enqueue, expanded from the file as written, exactly as `eval run campaign` reads it. */
  rows: CampaignToEnqueue;
  link: RetryRunLink;
}

async function prepareRetry(
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
  const name = retryCampaignName(previous.name, previous.id);
  const campaign = buildRetryCampaign({
    name,
    subjects: [previous.subjectName || 'tikv'],
    combinations: source.failing.map((f) => ({ chaosType: f.chaos_type, params: f.params })),
    operatorImage,
    trialsPerCombination: input.trialsPerCombination ?? config.retry.trialsPerCombination,
    parallel: config.retry.parallel,
    cooldownSeconds: config.retry.cooldownSeconds,
    includeBaseline: config.retry.includeBaseline,
    variant: previous.variantName,
  });
  const header = [
    `Targeted retry of campaign ${previous.id} (${previous.name}) after PR #${key.prNumber}, merged as ${key.mergeSha}.`,
    `Failing combinations from ${source.how}. Written by iterate-campaign.`,
  ].join('\n');
  const yaml = renderCampaignYaml(campaign, header);
  // Expanded from the file as written, exactly as `eval run campaign` reads it.
  const written = parseCampaignYaml(yaml, `${name}.yaml`).config;
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

async function enqueueDirect(
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

async function enqueueViaCli(
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
      const { runEvalCampaign } = await import('../images/eval-cli.js');
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

// ── outputs ────────────────────────────────────────────────────────────────────────────────────

function setRetryOutputs(
  io: CommandIO,
  run: RetryRun,
  path: string | undefined,
  config: ProjectConfig,
): void {
  io.setOutput('retry-campaign-id', run.retryCampaignId);
  io.setOutput('retry-campaign-path', path ? relative(io.cwd, path) : '');
  io.setOutput('previous-campaign-id', run.previousCampaignId ?? '');
  io.setOutput('operator-image', run.operatorImage);
  io.setOutput('worker-indexes', JSON.stringify(workerIndexes(config.retry.parallel)));
}

export function workerIndexes(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

function reportExisting(io: CommandIO, run: RetryRun, config: ProjectConfig): void {
  io.logger.info(
    `PR #${run.prNumber} at ${run.mergeSha.slice(0, 7)} already has retry campaign ${run.retryCampaignId} (recorded ${run.createdAt}); nothing written.`,
  );
  setRetryOutputs(io, run, undefined, config);
  io.print(`Retry campaign ${run.retryCampaignId} (already enqueued for this merge).`);
}

function nothingToRetry(io: CommandIO, why: string): void {
  const text = `Nothing to retry: ${why}.`;
  io.setOutput('retry-campaign-id', '');
  io.setOutput('retry-campaign-path', '');
  io.setOutput('worker-indexes', '[]');
  io.print(text);
}

function renderRetry(run: RetryRun, source: RetrySource, prepared: PreparedRetry): string {
  return [
    `### Retry campaign ${run.retryCampaignId}`,
    '',
    `- PR #${run.prNumber} merged as \`${run.mergeSha.slice(0, 7)}\`; retries campaign ${run.previousCampaignId} (${source.how})`,
    `- \`${prepared.name}\`: ${prepared.rows.items.length} work item(s), ${source.failing.length} combination(s)`,
    `- Operator image: \`${run.operatorImage || '(harness default)'}\``,
    `- Enqueued ${run.mode === 'cli' ? 'with `eval run campaign --cloud=gcp`' : 'directly (one transaction)'}`,
  ].join('\n');
}
