import { relative } from 'node:path';
import { splitRetryable } from '../core/chaos-types.js';
import { retrySummary } from '../core/command-summaries.js';
import type { ProjectConfig } from '../core/config.js';
import { InputError, parseBoolean, shown } from '../core/inputs.js';
import { loadProjectConfig } from '../config/project-config.js';
import { openEvalDatabase } from '../db/pool.js';
import { ensureProductSchema } from '../db/product-schema.js';
import { findRetryRun, type RetryRun, type RetryRunKey } from '../db/retry-runs.js';
import { readRepoContext, repositorySlug } from '../github/repo-context.js';
import { openGitHubSession, repoRefOf } from '../github/session.js';
import { parseOperatorImage, validateDigest } from '../images/image-ref.js';
import { parseImagesJson, parseRegistryLogin } from '../images/planned-images.js';
import {
  enqueueDirect,
  enqueueViaCli,
  pinPlannedImages,
  prepareRetry,
  pullToRetry,
  retrySource,
  workerIndexes,
  type PreparedRetry,
  type RetryInput,
  type RetrySource,
} from '../loop/retry.js';
import type { CommandIO } from './command.js';
import {
  DATABASE_URL_INPUT,
  CONFIG_INPUT,
  optionalId,
  readDatabaseUrl,
  requireMergeSha,
  tokenFrom,
  optionalTargetRate,
} from './common-inputs.js';
import { defineCommand } from './command.js';

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
    images: {
      description:
        'The plan’s images JSON: the digest of each planned tag is read from the registry, recorded with the run, and pins the operator image',
    },
    'registry-username': {
      description: 'Registry user for reading the planned tags (empty: anonymous)',
    },
    'registry-password': {
      description: 'Registry password or access token for reading the planned tags',
      secret: true,
    },
    digests: {
      description:
        'JSON image name → digest from build (or toJSON of the build job’s outputs); wins over the registry’s answer',
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
    const token = tokenFrom(inputs, io);
    if (!token && (prNumber === undefined || campaignId === undefined)) {
      throw new InputError(
        'Missing github-token: without both pr-number and campaign-id, retry reads the PR (and the issue it fixes) from GitHub',
      );
    }
    const trials = inputs.get('trials-per-combination');
    const operatorImage = inputs.get('operator-image');
    const images = inputs.get('images');
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
      images: images === undefined ? [] : parseImagesJson(images),
      registryAuth: parseRegistryLogin(
        inputs.get('registry-username'),
        inputs.get('registry-password'),
      ),
      target: optionalTargetRate(inputs),
    };
  },
  async run(input, io) {
    const config = await loadProjectConfig(input.configPath, io.cwd);
    const context = readRepoContext(io.env, 'retry');
    const github = input.token ? openRetryGitHub(io, input.token) : undefined;
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
      const { retryable, withheld } = splitRetryable(source.value.failing);
      for (const w of withheld) {
        io.logger.warning(`Withheld from the retry campaign: ${w.chaos_type} — ${w.reason}.`);
      }
      if (retryable.length === 0) {
        return nothingToRetry(
          io,
          withheld.length > 0
            ? `no failing combination of campaign ${source.value.previousCampaignId} can be retried (${withheld.length} withheld, see the warnings)`
            : `campaign ${source.value.previousCampaignId} has no failing combination`,
        );
      }
      const retrying = { ...source.value, failing: retryable, withheld };
      const pinned = await pinPlannedImages(input, io);
      const prepared = await prepareRetry(pinned, config, retrying, key, db, io);
      const run = input.viaCli
        ? await enqueueViaCli(db, key, prepared, config, input, io)
        : await enqueueDirect(db, key, prepared, io);
      setRetryOutputs(io, run, prepared.path, config);
      const text = renderRetry(run, retrying, prepared);
      io.print(text);
      if (io.surface === 'action') await io.appendSummary(text);
    } finally {
      await db.close();
    }
  },
});

function openRetryGitHub(io: CommandIO, token: string) {
  const session = openGitHubSession({ token, env: io.env, purpose: 'retry', logger: io.logger });
  return repoRefOf(session, io.logger, io.env.ITERATE_CAMPAIGN_BOT_LOGIN);
}

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
  return retrySummary({
    retryCampaignId: run.retryCampaignId,
    prNumber: run.prNumber,
    mergeSha: run.mergeSha,
    previousCampaignId: source.previousCampaignId,
    how: source.how,
    campaignName: prepared.name,
    workItems: prepared.rows.items.length,
    combinations: source.failing.length,
    operatorImage: run.operatorImage,
    viaCli: run.mode === 'cli',
    withheld: source.withheld ?? [],
  });
}
