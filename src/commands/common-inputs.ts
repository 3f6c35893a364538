import {
  InputError,
  parseBoolean,
  parseChoice,
  parseId,
  parseTargetRate,
  shown,
} from '../core/inputs.js';
import { resolveDatabaseUrl, secretsOf } from '../db/connection-url.js';
import { validateRegistry } from '../images/image-ref.js';
import type { CommandIO, InputSource, InputSpec } from './command.js';

/** Inputs most commands share, declared once so the action and the CLI describe them alike. */
export const DATABASE_URL_INPUT: InputSpec = {
  description: 'PostgreSQL URL of the eval database (default: EVAL_DATABASE_URL)',
  secret: true,
  required: true,
};

export const CONFIG_INPUT: InputSpec = {
  description: 'Project config file (default .github/iterate-campaign.yml)',
};

export const DEFAULT_LABELS = 'campaign-diagnosis';
const LABEL_MAX_CHARS = 50;

/** How the report commands (compare, finalize, reconcile) find the diagnosis issue. */
export const DIAGNOSIS_LABELS_INPUT: InputSpec = {
  description: `Labels of the diagnosis issue; the first finds it (default ${DEFAULT_LABELS})`,
};

/** The diagnosis issue's labels (`labels` input, else campaign-diagnosis). */
export function readLabels(inputs: InputSource): string[] {
  return parseLabels('labels', inputs.get('labels') ?? DEFAULT_LABELS);
}

/** The eval database URL from the input or EVAL_DATABASE_URL, masked in every log from now on. */
export function readDatabaseUrl(inputs: InputSource, io: CommandIO): string {
  const databaseUrl = resolveDatabaseUrl(inputs.get('database-url'), io.env);
  for (const secret of secretsOf(databaseUrl)) io.masker.add(secret);
  return databaseUrl;
}

/** `a, b` → ['a', 'b']: at least one label, each at most 50 characters, duplicates dropped. */
export function parseLabels(field: string, value: string): string[] {
  const labels = [
    ...new Set(
      value
        .split(/[,\n]/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  const tooLong = labels.find((l) => l.length > LABEL_MAX_CHARS);
  if (labels.length === 0 || tooLong !== undefined) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected comma-separated label names of at most ${LABEL_MAX_CHARS} characters, e.g. ${DEFAULT_LABELS}`,
    );
  }
  return labels;
}

/** A relative POSIX directory inside the repository: no `..`, no leading `/`, no backslashes. */
export function parseRepoDirectory(field: string, value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  const segments = trimmed.split('/');
  const valid =
    trimmed !== '' &&
    !trimmed.startsWith('/') &&
    !trimmed.includes('\\') &&
    segments.every(
      (s) =>
        s !== '' &&
        s !== '.' &&
        s !== '..' &&
        !/[:*?"<>|]/.test(s) &&
        ![...s].some((c) => c.charCodeAt(0) < 0x20),
    );
  if (!valid) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a directory relative to the repository root, e.g. eval/campaigns/debug`,
    );
  }
  return trimmed;
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function parseSha(field: string, value: string): string {
  const v = value.trim().toLowerCase();
  if (!SHA.test(v)) {
    throw new InputError(
      `Invalid ${field}: '${shown(value)}' — expected a full commit SHA (40 hex digits)`,
    );
  }
  return v;
}

/** `merge-sha`, else GITHUB_SHA. */
export function requireMergeSha(inputs: InputSource, env: NodeJS.ProcessEnv): string {
  const explicit = inputs.get('merge-sha');
  if (explicit !== undefined) return parseSha('merge-sha', explicit);
  const fromEnv = env.GITHUB_SHA?.trim();
  if (!fromEnv) {
    throw new InputError('Missing merge-sha: pass --merge-sha <40-hex SHA> or set GITHUB_SHA');
  }
  return parseSha('GITHUB_SHA', fromEnv);
}

/** target-win-rate when given; otherwise the config's `targets.default`, else 90 %, decide. */
export function optionalTargetRate(inputs: InputSource): number | undefined {
  const value = inputs.get('target-win-rate');
  return value === undefined ? undefined : parseTargetRate('target-win-rate', value);
}

/** A required id input; `hint` says what to give when it is missing. */
export function requiredId(inputs: InputSource, field: string, hint: string): number {
  const value = inputs.get(field);
  if (value === undefined) throw new InputError(`Missing ${field}: ${hint}`);
  return parseId(field, value);
}

export function optionalId(inputs: InputSource, field: string): number | undefined {
  const value = inputs.get(field);
  return value === undefined ? undefined : parseId(field, value);
}

/** github-token, else GITHUB_TOKEN / GH_TOKEN; masked in every log from here on. */
export function tokenFrom(inputs: InputSource, io: CommandIO): string | undefined {
  const token =
    inputs.get('github-token') ??
    (io.env.GITHUB_TOKEN?.trim() || io.env.GH_TOKEN?.trim() || undefined);
  if (token) io.masker.add(token);
  return token;
}

export function requireToken(inputs: InputSource, io: CommandIO, command: string): string {
  const token = tokenFrom(inputs, io);
  if (!token) {
    throw new InputError(
      `Missing github-token: '${command}' reads the pull request (pass --github-token or set GITHUB_TOKEN)`,
    );
  }
  return token;
}

export function optionalRegistry(inputs: InputSource): string | undefined {
  const value = inputs.get('registry');
  if (value === undefined) return undefined;
  try {
    return validateRegistry(value.trim());
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

const REPORT_FORMATS = ['text', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number] | 'json';

/** `--format`: text for people (the terminal's default), md for GitHub (the workflow's). */
export const FORMAT_INPUT: InputSpec = {
  description:
    'How the report is printed: text (aligned, coloured on a TTY; CLI default) or md (the GitHub Markdown; action default)',
};

/** The report format: --json wins, then format, then the surface's default. */
export function readReportFormat(inputs: InputSource, io: CommandIO): ReportFormat {
  const json = parseBoolean('json', inputs.get('json') ?? 'false');
  const raw = inputs.get('format');
  if (json && raw !== undefined) io.logger.warning("Input 'format' is ignored: --json is given.");
  if (json) return 'json';
  return parseChoice('format', raw ?? (io.surface === 'cli' ? 'text' : 'md'), REPORT_FORMATS);
}
