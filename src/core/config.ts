import { parseDocument } from 'yaml';
import { z } from 'zod';
import { resolveCauses, type Cause, type CauseOverride } from './causes.js';
import { ALL_SYMPTOMS, type Symptom } from './symptoms.js';

/** `.github/iterate-campaign.yml`: every section optional; the seed's tables are the defaults. */
const causeOverrideSchema = z
  .object({
    likely_cause: z.string().min(1).optional(),
    fix_locations: z.array(z.string().min(1)).optional(),
    mode: z.enum(['replace', 'extend']).optional(),
  })
  .strict();

const configSchema = z
  .object({
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
      })
      .strict()
      .optional(),
  })
  .strict();

export type ProjectConfigFile = z.infer<typeof configSchema>;

export interface ProjectConfig {
  causes: Record<Symptom, Cause>;
  retry: {
    dir: string;
    trialsPerCombination: number;
    parallel: number;
    cooldownSeconds: number;
    operatorImage: string | undefined;
  };
}

export class ConfigError extends Error {}

export const DEFAULT_RETRY_DIR = 'eval/campaigns/debug';

export function parseProjectConfig(
  text: string | undefined,
  fileName = '.github/iterate-campaign.yml',
): ProjectConfig {
  let raw: unknown = {};
  if (text !== undefined && text.trim() !== '') {
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length) {
      throw new ConfigError(
        `${fileName}: invalid YAML: ${doc.errors.map((e) => `${e.linePos?.[0] ? `line ${e.linePos[0].line}:${e.linePos[0].col} ` : ''}${e.message.split('\n')[0]}`).join('; ')}`,
      );
    }
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
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
    retry: {
      dir: file.retry?.dir ?? DEFAULT_RETRY_DIR,
      trialsPerCombination: file.retry?.trials_per_combination ?? 3,
      parallel: file.retry?.parallel ?? 3,
      cooldownSeconds: file.retry?.cooldown_seconds ?? 10,
      operatorImage: file.retry?.operator_image,
    },
  };
}
