import { parseDocument } from 'yaml';
import { z } from 'zod';
import { resolveCauses, type Cause, type CauseOverride } from './causes.js';
import { DEFAULT_IMAGE_MAP, type ImageMapConfig } from './image-plan.js';
import { targetRateOf } from './inputs.js';
import { DEFAULT_MAX_TRIALS_PER_COMBINATION } from './sequential.js';
import {
  DEFAULT_CHAOS_INVARIANTS,
  magnitudeError,
  type ChaosInvariantTable,
} from './invariants/coverage.js';
import { ALL_SYMPTOMS, type Symptom } from './symptoms.js';

/** `.github/iterate-campaign.yml`: every section optional; the seed's tables are the defaults. */
const causeOverrideSchema = z
  .object({
    likely_cause: z.string().min(1).optional(),
    fix_locations: z.array(z.string().min(1)).optional(),
    mode: z.enum(['replace', 'extend']).optional(),
  })
  .strict();

/** An image name is also a repository path component (`<registry>/<name>:<sha>`). */
const IMAGE_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

const imageSpecSchema = z
  .object({
    name: z.string().regex(IMAGE_NAME, 'expected a lowercase name such as operator or worker'),
    dockerfile: z.string().min(1),
    context: z.string().min(1).optional(),
    triggers: z.array(z.string().min(1)),
    repository: z.string().min(1).optional(),
  })
  .strict();

const testSuiteSchema = z
  .object({
    name: z.string().min(1),
    command: z.string().min(1),
    triggers: z.array(z.string().min(1)),
  })
  .strict();

const detectorSchema = z
  .object({
    invariant: z.string().min(1),
    magnitude: z
      .string()
      .refine((m) => magnitudeError(m) === undefined, {
        message: 'expected a param name or mean(a, b), min(a, b), max(a, b)',
      })
      .optional(),
    defaults: z.record(z.string(), z.number()).optional(),
    unit: z.string().max(10).optional(),
  })
  .strict();

const invariantsSchema = z
  .object({
    /** Invariant source files per subject, relative to the harness checkout. */
    files: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
    /** Chaos type → invariants that should detect it; replaces the default entry of that type. */
    chaos_types: z.record(z.string().min(1), z.array(detectorSchema)).optional(),
  })
  .strict();

/** A win rate as in the target-win-rate input: 0.9, 90 or "90%". */
const targetRateSchema = z
  .union([z.number(), z.string()])
  .refine((v) => targetRateOf(v) !== undefined, {
    message: 'expected a win rate such as 0.9, 90 or "90%" (above 0, at most 100%)',
  });

const configSchema = z
  .object({
    invariants: invariantsSchema.optional(),
    causes: z
      .partialRecord(z.enum(ALL_SYMPTOMS as [Symptom, ...Symptom[]]), causeOverrideSchema)
      .optional(),
    retry: z
      .object({
        dir: z.string().min(1).optional(),
        trials_per_combination: z.number().int().min(1).max(100).optional(),
        parallel: z.number().int().min(1).max(10).optional(),
        cooldown_seconds: z.number().int().min(0).optional(),
        operator_image: z.string().min(1).optional(),
        include_baseline: z.boolean().optional(),
        eval_directory: z.string().min(1).optional(),
        worker_poll_seconds: z.number().positive().max(3600).optional(),
        worker_grace_seconds: z.number().min(0).max(600).optional(),
        max_trials_per_combination: z.number().int().min(1).max(100).optional(),
        adaptive: z.boolean().optional(),
      })
      .strict()
      .refine(
        (r) =>
          r.max_trials_per_combination === undefined ||
          r.max_trials_per_combination >= (r.trials_per_combination ?? 3),
        {
          message: 'max_trials_per_combination must be at least trials_per_combination (default 3)',
          path: ['max_trials_per_combination'],
        },
      )
      .optional(),
    targets: z.record(z.string().min(1), targetRateSchema).optional(),
    images: z
      .object({
        registry: z.string().min(1).optional(),
        map: z
          .array(imageSpecSchema)
          .refine((list) => new Set(list.map((i) => i.name)).size === list.length, {
            message: 'image names must be unique',
          })
          .optional(),
        tests: z.array(testSuiteSchema).optional(),
        build_timeout_minutes: z.number().int().min(1).max(360).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

type ProjectConfigFile = z.infer<typeof configSchema>;

export interface ProjectConfig {
  causes: Record<Symptom, Cause>;
  retry: {
    dir: string;
    trialsPerCombination: number;
    parallel: number;
    cooldownSeconds: number;
    operatorImage: string | undefined;
    /** Add one baseline trial per subject to the retry campaign (upstream `include_baseline`). */
    includeBaseline: boolean;
    /** Directory of the harness (`uv run eval …` runs there), relative to the repository root. */
    evalDirectory: string;
    /** How often a supervised worker checks whether its campaign is drained. */
    workerPollSeconds: number;
    /** Between SIGTERM and SIGKILL when a supervised worker is stopped. */
    workerGraceSeconds: number;
    /** Per-combination budget across the retry and its top-up rounds. */
    maxTrialsPerCombination: number;
    /** Top up inconclusive combinations until decided or the budget is spent. */
    adaptive: boolean;
  };
  /** Target win rates: `default` (when no target-win-rate input is given) and per chaos type. */
  targets: { default: number | undefined; byChaosType: Record<string, number> };
  invariants: {
    /** Invariant source files per subject, relative to the harness checkout. */
    files: Record<string, string[]>;
    table: ChaosInvariantTable;
  };
  images: {
    /** `host/path` the images are pushed under; undefined: upstream's, from GCP_PROJECT. */
    registry: string | undefined;
    /** Which images a change rebuilds and which test suites cover it (upstream's by default). */
    map: ImageMapConfig;
    buildTimeoutMinutes: number;
  };
}

export class ConfigError extends Error {}

const DEFAULT_RETRY_DIR = 'eval/campaigns/debug';
/** Where finalize, compare and reconcile find the full validation campaign by default. */
export const DEFAULT_VALIDATION_CAMPAIGN = 'eval/campaigns/operations/tikv-all-chaos-cloud.yaml';

/** A config is a few hundred bytes; anything near this is a mistake (or an attack on the parser). */
export const MAX_CONFIG_BYTES = 1_048_576;

export function parseProjectConfig(
  text: string | undefined,
  fileName = '.github/iterate-campaign.yml',
): ProjectConfig {
  let raw: unknown = {};
  if (text !== undefined && text.trim() !== '') {
    if (text.length > MAX_CONFIG_BYTES) {
      throw new ConfigError(
        `${fileName}: over the ${MAX_CONFIG_BYTES}-byte limit for the config file`,
      );
    }
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length) {
      throw new ConfigError(
        `${fileName}: invalid YAML: ${doc.errors.map((e) => `${e.linePos?.[0] ? `line ${e.linePos[0].line}:${e.linePos[0].col} ` : ''}${e.message.split('\n')[0]}`).join('; ')}`,
      );
    }
    try {
      raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (error) {
      // e.g. "Excessive alias count indicates a resource exhaustion attack" (an alias bomb)
      throw new ConfigError(`${fileName}: invalid YAML: ${(error as Error).message}`);
    }
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.length ? issue.path.join('.') : '(top level)';
      return `${path}: ${issue.message}`;
    });
    throw new ConfigError(`${fileName}: ${problems.join('; ')}`);
  }
  return toProjectConfig(parsed.data);
}

function toProjectConfig(file: ProjectConfigFile): ProjectConfig {
  const overrides: Partial<Record<Symptom, CauseOverride>> = {};
  for (const [symptom, o] of Object.entries(file.causes ?? {}) as [
    Symptom,
    z.infer<typeof causeOverrideSchema>,
  ][]) {
    overrides[symptom] = {
      likelyCause: o.likely_cause,
      fixLocations: o.fix_locations,
      mode: o.mode,
    };
  }
  return {
    causes: resolveCauses(overrides),
    invariants: {
      files: { ...DEFAULT_INVARIANT_FILES, ...file.invariants?.files },
      table: { ...DEFAULT_CHAOS_INVARIANTS, ...file.invariants?.chaos_types },
    },
    retry: {
      dir: file.retry?.dir ?? DEFAULT_RETRY_DIR,
      trialsPerCombination: file.retry?.trials_per_combination ?? 3,
      parallel: file.retry?.parallel ?? 3,
      cooldownSeconds: file.retry?.cooldown_seconds ?? 10,
      operatorImage: file.retry?.operator_image,
      includeBaseline: file.retry?.include_baseline ?? false,
      evalDirectory: file.retry?.eval_directory ?? DEFAULT_EVAL_DIRECTORY,
      workerPollSeconds: file.retry?.worker_poll_seconds ?? 15,
      workerGraceSeconds: file.retry?.worker_grace_seconds ?? 30,
      maxTrialsPerCombination:
        file.retry?.max_trials_per_combination ?? DEFAULT_MAX_TRIALS_PER_COMBINATION,
      adaptive: file.retry?.adaptive ?? true,
    },
    targets: toTargets(file.targets),
    images: {
      registry: file.images?.registry,
      map: {
        images: file.images?.map
          ? file.images.map.map((i) => ({ ...i, context: i.context ?? '.' }))
          : DEFAULT_IMAGE_MAP.images,
        tests: file.images?.tests ?? DEFAULT_IMAGE_MAP.tests,
      },
      buildTimeoutMinutes: file.images?.build_timeout_minutes ?? 60,
    },
  };
}

function toTargets(file: Record<string, number | string> | undefined): ProjectConfig['targets'] {
  const byChaosType: Record<string, number> = {};
  let fallback: number | undefined;
  for (const [key, value] of Object.entries(file ?? {})) {
    const rate = targetRateOf(value)!;
    if (key === 'default') fallback = rate;
    else byChaosType[key] = rate;
  }
  return { default: fallback, byChaosType };
}

const DEFAULT_EVAL_DIRECTORY = 'eval';

/** Where the seed greps the TiKV invariants (iterate-campaign step 2). */
const DEFAULT_INVARIANT_FILES: Record<string, string[]> = {
  tikv: ['subjects/tikv/observer/src/tikv_observer/invariants.py'],
};

/** Upstream's registry (run-campaign skill step 2): Artifact Registry `eval` in us-central1. */
export function upstreamRegistry(gcpProject: string | undefined): string | undefined {
  const project = gcpProject?.trim();
  return project ? `us-central1-docker.pkg.dev/${project}/eval` : undefined;
}
