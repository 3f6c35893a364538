/**
 * Where the action runs, from the runner's GITHUB_* variables: the repository, the API and web
 * URLs (GitHub Enterprise Server included), the run's URL and the triggering event.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../core/inputs.js';

export interface RepoContext {
  owner: string;
  repo: string;
  /** REST base URL without a trailing slash (GITHUB_API_URL; default https://api.github.com). */
  apiUrl: string;
  /** Web URL without a trailing slash (GITHUB_SERVER_URL; default https://github.com). */
  serverUrl: string;
  /** `<server>/<owner>/<repo>/actions/runs/<id>` when GITHUB_RUN_ID is set. */
  runUrl: string | undefined;
  /** GITHUB_EVENT_NAME, e.g. `schedule` or `workflow_dispatch`. */
  eventName: string | undefined;
  /** GITHUB_EVENT_PATH: the webhook payload the run was triggered with. */
  eventPath: string | undefined;
}

const REPOSITORY_PATTERN = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

/**
 * The repository context, or an InputError in one actionable line. `purpose` says what needs it,
 * e.g. "output 'issue'".
 */
export function readRepoContext(env: NodeJS.ProcessEnv, purpose: string): RepoContext {
  const repository = env.GITHUB_REPOSITORY?.trim();
  if (!repository) {
    // Only analyze's outputs can do without a repository; other commands have no such option.
    const alternative = purpose.startsWith('output ') ? ", or use output 'none'" : '';
    throw new InputError(
      `GITHUB_REPOSITORY is not set: ${purpose} needs the repository (owner/repo). ` +
        `In a workflow the runner sets it; elsewhere export GITHUB_REPOSITORY=owner/repo${alternative}.`,
    );
  }
  const match = REPOSITORY_PATTERN.exec(repository);
  if (!match) {
    throw new InputError(
      `Invalid GITHUB_REPOSITORY: '${repository.slice(0, 80)}' — expected owner/repo`,
    );
  }
  const serverUrl = baseUrl(env, 'GITHUB_SERVER_URL', 'https://github.com');
  const owner = match[1]!;
  const repo = match[2]!;
  const runId = env.GITHUB_RUN_ID?.trim();
  return {
    owner,
    repo,
    apiUrl: baseUrl(env, 'GITHUB_API_URL', 'https://api.github.com'),
    serverUrl,
    runUrl:
      runId && /^\d+$/.test(runId)
        ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`
        : undefined,
    eventName: env.GITHUB_EVENT_NAME?.trim() || undefined,
    eventPath: env.GITHUB_EVENT_PATH?.trim() || undefined,
  };
}

function baseUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`Invalid ${name}: '${value.slice(0, 80)}' — expected an http(s) URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`Invalid ${name}: '${value.slice(0, 80)}' — expected an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}

export function repositorySlug(context: Pick<RepoContext, 'owner' | 'repo'>): string {
  return `${context.owner}/${context.repo}`;
}

/**
 * One line on what triggered the run, from the event payload: "schedule (17 3 * * *)",
 * "workflow_dispatch by @octocat". Undefined outside a workflow; never throws.
 */
export function describeTrigger(context: RepoContext): string | undefined {
  if (!context.eventName) return undefined;
  const payload = readEventPayload(context.eventPath);
  const schedule = typeof payload?.schedule === 'string' ? ` (${payload.schedule})` : '';
  const sender = payload?.sender as { login?: unknown } | undefined;
  const by = typeof sender?.login === 'string' ? ` by @${sender.login}` : '';
  return `${context.eventName}${schedule}${by}`;
}

function readEventPayload(path: string | undefined): Record<string, unknown> | undefined {
  if (!path) return undefined;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The PR number of a pull_request / pull_request_target event, from the payload file. */
export function eventSelection(env: NodeJS.ProcessEnv): {
  eventName?: string;
  eventPullNumber?: number;
} {
  const eventName = env.GITHUB_EVENT_NAME?.trim() || undefined;
  if (!eventName?.startsWith('pull_request') || !env.GITHUB_EVENT_PATH) {
    return eventName ? { eventName } : {};
  }
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: unknown };
    };
    const number = payload.pull_request?.number;
    return typeof number === 'number' && Number.isSafeInteger(number) && number > 0
      ? { eventName, eventPullNumber: number }
      : { eventName };
  } catch {
    return { eventName };
  }
}
