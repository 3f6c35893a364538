/**
 * The campaign YAML schema of the upstream eval harness (`eval/src/eval/runner/campaign.py`
 * @ c766b4b) in pydantic's lax mode. The config keeps upstream's snake_case field names: it mirrors
 * the pydantic models field for field, so schema paths are YAML paths.
 */
import { z } from 'zod';
import { SUBJECTS, isChaosType, type ChaosType, type Subject } from '../chaos-types.js';
import { PyFloat } from '../py-json.js';
import { describeValue, pyyamlStringHint, unknownChaosTypeMessage } from './errors.js';

export const DEFAULT_VARIANT = 'default';
export const DEFAULT_CLOUD_ZONE = 'us-central1-a';
export const DEFAULT_CLOUD_MACHINE_TYPE = 'e2-standard-4';
export const CHECKER_TYPES = ['deterministic', 'llm'];

type IssueInput = { input?: unknown };

/** zod error callback: "missing (expected X)" or "expected X, got Y". */
function expected(form: string, numeric = false): (issue: IssueInput) => string {
  return (issue) =>
    issue.input === undefined
      ? `missing (expected ${form})`
      : `expected ${form}, got ${describeValue(issue.input)}${numeric ? pyyamlStringHint(issue.input) : ''}`;
}

/** pydantic lax `int`: bools, integral floats and integer strings ("3", " 3 ", "1_0", "3.0"). */
function coerceLaxInt(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const match = /^\s*([+-]?\d+(?:_\d+)*)(?:\.0*)?\s*$/.exec(value);
    if (match?.[1] !== undefined) return Number(match[1].replace(/_/g, ''));
  }
  return value;
}

const LAX_TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const LAX_FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** pydantic lax `bool`: 0/1 numbers and the strings yes/no/on/off/true/false/t/f/y/n/1/0. */
function coerceLaxBool(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (LAX_TRUE.has(lower)) return true;
    if (LAX_FALSE.has(lower)) return false;
  }
  return value;
}

function laxInt(form: string, min?: number, max?: number) {
  const error = expected(form, true);
  let schema = z.int({ error });
  if (min !== undefined) schema = schema.min(min, { error });
  if (max !== undefined) schema = schema.max(max, { error });
  return z.preprocess(coerceLaxInt, schema);
}

function laxBool() {
  return z.preprocess(coerceLaxBool, z.boolean({ error: expected('true or false') }));
}

const str = (form = 'a string') => z.string({ error: expected(form) });

const chaosTypeSchema = z
  .string({ error: expected('a chaos type name') })
  .refine(isChaosType, { error: (issue) => unknownChaosTypeMessage(issue.input) })
  .transform((value) => value as ChaosType);

const chaosSpecSchema = z.object(
  {
    type: chaosTypeSchema,
    params: z
      .record(z.string(), z.unknown(), { error: expected('a mapping of parameters') })
      .default(() => ({})),
    resolution_timeout: laxInt('an integer number of seconds or null').nullable().default(null),
  },
  { error: expected('a mapping with a "type" key') },
);

const operatorConfigSchema = z.object(
  {
    enabled: laxBool().default(false),
    image: str('an image reference string').default(''),
  },
  { error: expected('a mapping (enabled, image) or null') },
);

const cloudConfigSchema = z.object(
  {
    provider: z
      .literal('gcp', { error: expected('"gcp" (the only provider upstream accepts)') })
      .default('gcp'),
    project: str().nullable().default(null),
    zone: str().default(DEFAULT_CLOUD_ZONE),
    machine_type: str().default(DEFAULT_CLOUD_MACHINE_TYPE),
    database_url: str().nullable().default(null),
    operator: operatorConfigSchema.nullable().default(null),
  },
  { error: expected('a mapping (provider, operator, …) or null') },
);

const checkerConfigSchema = z.object(
  {
    type: str('"deterministic" or "llm"').default('deterministic'),
    model: str().nullable().default(null),
  },
  { error: expected('a mapping (type, model) or null') },
);

export const campaignConfigSchema = z
  .object(
    {
      name: str(),
      subjects: z
        .array(z.enum(SUBJECTS, { error: expected(`one of ${SUBJECTS.join(', ')}`) }), {
          error: expected('a list of subjects, e.g. [tikv]'),
        })
        .default((): Subject[] => ['tikv']),
      chaos_types: z.array(chaosSpecSchema, {
        error: expected('a list of chaos entries (- type: node_kill)'),
      }),
      trials_per_combination: laxInt('an integer ≥ 1', 1).default(1),
      parallel: laxInt('an integer from 1 to 10', 1, 10).default(1),
      cooldown_seconds: laxInt('an integer ≥ 0', 0).default(0),
      include_baseline: laxBool().default(false),
      variant: str().default(DEFAULT_VARIANT),
      continuous: laxBool().default(false),
      checker: checkerConfigSchema.nullable().default(null),
      cloud: cloudConfigSchema.nullable().default(null),
    },
    { error: expected('a mapping of campaign settings (name, subjects, chaos_types, …)') },
  )
  .superRefine((config, ctx) => {
    // Upstream's model_validator(mode="after"): only runs once every field is valid.
    if (!config.continuous) return;
    if (config.parallel > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['parallel'],
        input: config.parallel,
        message: `continuous=true requires parallel=1 (trials must run on the same instance), got ${config.parallel}`,
      });
    }
    if (config.include_baseline) {
      ctx.addIssue({
        code: 'custom',
        path: ['include_baseline'],
        input: true,
        message: 'continuous=true is incompatible with include_baseline=true',
      });
    }
  });

export type CampaignConfig = z.output<typeof campaignConfigSchema>;

export const KNOWN_KEYS = {
  campaign: Object.keys(campaignConfigSchema.shape),
  chaos: Object.keys(chaosSpecSchema.shape),
  cloud: Object.keys(cloudConfigSchema.shape),
  operator: Object.keys(operatorConfigSchema.shape),
  checker: Object.keys(checkerConfigSchema.shape),
};
