/**
 * The only module in src that imports Octokit. `createGitHubClient` returns an Octokit with REST
 * endpoint methods, pagination, throttling and retries configured for a long-running Actions job:
 *
 * - Secondary rate limits (403/429 "secondary rate limit"): wait `retry-after` and retry up to
 *   `secondaryRateLimitRetries` times, unless the wait would pass `deadline`.
 * - Primary rate limit (`x-ratelimit-remaining: 0`): if the reset is after `deadline`, fail fast with
 *   a GitHubRateLimitError naming the reset time instead of sleeping past the job limit; else wait
 *   (once) until the reset.
 * - 5xx, timeouts and network errors are retried (`retries`, backoff 1, 4, 9 s) for idempotent
 *   methods only. POST and PATCH are NOT retried: a 502 may come after GitHub applied the write, so a
 *   blind retry duplicates comments/issues. Callers catch, check `isAmbiguousWriteFailure(error)`,
 *   re-read (e.g. list comments by marker + author) and only then create again. A caller that knows a
 *   write is idempotent opts in per request: `{ request: { retryNonIdempotent: true } }`.
 * - 400/401/403/404/409/410/422/451 are never retried.
 * - Every attempt has a timeout (`requestTimeoutMs`).
 * - The token never reaches logs or error messages (RequestError already redacts the header; messages
 *   are additionally masked).
 */
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../logger.js';
import { GitHubRateLimitError, isGitHubError, redactSecrets } from './errors.js';

const GitHubOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);

export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export type ClientLogger = Pick<Logger, 'debug' | 'info' | 'warning' | 'error'>;

/** Minimum spacing between requests per kind (the throttling plugin's defaults are 1 s / 3 s / 2 s). */
interface PacingOptions {
  writeMinTimeMs: number;
  notificationMinTimeMs: number;
  searchMinTimeMs: number;
}

export interface GitHubClientOptions {
  token: string;
  /** REST base URL (GITHUB_API_URL on GHES); default https://api.github.com. */
  baseUrl?: string;
  userAgent?: string;
  logger: ClientLogger;
  /** The job's hard limit: never sleep for a rate limit past it. */
  deadline?: Date;
  /** Retries for 5xx/network errors on idempotent requests (default 3). */
  retries?: number;
  /** Retries after a secondary rate limit (default 3). */
  secondaryRateLimitRetries?: number;
  /** Never wait longer than this for one rate limit, deadline or not (default 900 s). */
  maxRateLimitWaitSeconds?: number;
  /** Per-attempt timeout (default 30 s). */
  requestTimeoutMs?: number;
  /** Methods never retried automatically (default POST, PATCH). */
  nonIdempotentMethods?: readonly string[];
  /** Omit for GitHub's recommended pacing; tests pass zeros. */
  pacing?: PacingOptions;
  /** Milliseconds per unit of retry delay: retry-after seconds and the 1/4/9 backoff (default 1000). */
  retryDelayUnitMs?: number;
  /** Injected fetch (tests). */
  fetch?: typeof globalThis.fetch;
}

const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

type OctokitOptions = NonNullable<ConstructorParameters<typeof GitHubOctokit>[0]>;
type ThrottleOptions = NonNullable<OctokitOptions['throttle']>;
type LimitHandler = NonNullable<ThrottleOptions['onRateLimit']>;
type RequestOptions = Parameters<LimitHandler>[1];

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const secrets = [options.token];
  const mask = (text: string) => redactSecrets(text, secrets);
  const unit = options.retryDelayUnitMs ?? 1000;
  const octokit = new GitHubOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'iterate-campaign',
    log: octokitLog(options.logger, mask),
    request: { fetch: timedFetch(options, mask) },
    retry: { retries: options.retries ?? 3, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: unit },
    throttle: {
      ...throttleHandlers(options),
      retryAfterBaseValue: unit,
      ...(options.pacing ? pacedGroups(options.pacing) : {}),
    },
  });
  const nonIdempotent = new Set(
    (options.nonIdempotentMethods ?? ['POST', 'PATCH']).map((m) => m.toUpperCase()),
  );
  octokit.hook.before('request', (request) => {
    const extra = request.request as { retries?: number; retryNonIdempotent?: boolean } | undefined;
    if (!nonIdempotent.has(request.method.toUpperCase())) return;
    if (extra?.retries !== undefined || extra?.retryNonIdempotent) return;
    request.request = { ...request.request, retries: 0 };
  });
  octokit.hook.error('request', (error) => {
    throw clarify(error, options, mask);
  });
  return octokit;
}

function octokitLog(logger: ClientLogger, mask: (text: string) => string) {
  const text = (message: unknown, extra: unknown[]) =>
    mask(
      [message, ...extra]
        .map((part) => (part instanceof Error ? part.message : String(part)))
        .join(' '),
    );
  return {
    debug: (message: string, ...extra: unknown[]) => logger.debug(text(message, extra)),
    info: (message: string, ...extra: unknown[]) => logger.info(text(message, extra)),
    warn: (message: string, ...extra: unknown[]) => logger.warning(text(message, extra)),
    error: (message: string, ...extra: unknown[]) => logger.error(text(message, extra)),
  };
}

/** fetch with a per-attempt timeout and a debug line per response. */
function timedFetch(
  options: GitHubClientOptions,
  mask: (text: string) => string,
): typeof globalThis.fetch {
  const inner = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const started = Date.now();
    const label = `${init?.method ?? 'GET'} ${pathOf(input)}`;
    try {
      const response = await inner(input, { ...init, signal });
      options.logger.debug(
        mask(`GitHub ${label} → ${response.status} (${Date.now() - started} ms)`),
      );
      return response;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      options.logger.debug(
        mask(`GitHub ${label} → network error after ${Date.now() - started} ms: ${reason}`),
      );
      throw error;
    }
  };
}

function pathOf(input: Parameters<typeof globalThis.fetch>[0]): string {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    return new URL(href).pathname;
  } catch {
    return href;
  }
}

function routeOf(request: RequestOptions): string {
  return `${request.method} ${request.url}`;
}

function throttleHandlers(options: GitHubClientOptions) {
  const maxWait = options.maxRateLimitWaitSeconds ?? 900;
  const secondaryRetries = options.secondaryRateLimitRetries ?? 3;
  const fitsDeadline = (seconds: number) =>
    !options.deadline || Date.now() + seconds * 1000 < options.deadline.getTime();
  const onSecondaryRateLimit: LimitHandler = (retryAfter, request, _octokit, retryCount) => {
    if (retryCount >= secondaryRetries || retryAfter > maxWait || !fitsDeadline(retryAfter))
      return false;
    options.logger.warning(
      `GitHub secondary rate limit on ${routeOf(request)}; retrying in ${retryAfter} s (retry ${retryCount + 1}/${secondaryRetries})`,
    );
    return true;
  };
  const onRateLimit: LimitHandler = (retryAfter, request, _octokit, retryCount) => {
    if (retryCount >= 1 || retryAfter > maxWait || !fitsDeadline(retryAfter)) return false;
    const resetAt = new Date(Date.now() + retryAfter * 1000).toISOString();
    options.logger.warning(
      `GitHub primary rate limit exhausted on ${routeOf(request)}; waiting ${retryAfter} s until ${resetAt}`,
    );
    return true;
  };
  return { onSecondaryRateLimit, onRateLimit };
}

/** Minimal stand-in for the Bottleneck groups the throttling plugin schedules on. */
class PacedGroup {
  private last = 0;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly minTimeMs: number) {}

  key(): this {
    return this;
  }

  schedule(...args: unknown[]): Promise<unknown> {
    const [fn, ...rest] = (typeof args[0] === 'function' ? args : args.slice(1)) as [
      (...a: unknown[]) => unknown,
      ...unknown[],
    ];
    const run = async () => {
      const wait = this.last + this.minTimeMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.last = Date.now();
      return fn(...rest);
    };
    const result = this.chain.then(run);
    this.chain = result.catch(() => undefined);
    return result;
  }
}

function pacedGroups(pacing: PacingOptions): Partial<ThrottleOptions> {
  const group = (ms: number) => new PacedGroup(ms) as unknown as ThrottleOptions['write'];
  return {
    write: group(pacing.writeMinTimeMs),
    notifications: group(pacing.notificationMinTimeMs),
    search: group(pacing.searchMinTimeMs),
  };
}

/** Final errors: rate limits become GitHubRateLimitError; every message is masked. */
function clarify(
  error: unknown,
  options: GitHubClientOptions,
  mask: (text: string) => string,
): unknown {
  if (!isGitHubError(error) || (error.status !== 403 && error.status !== 429))
    return maskError(error, mask);
  const headers = error.response?.headers ?? {};
  const route = routeOfError(error);
  if (/\bsecondary rate\b/i.test(error.message)) {
    const retryAfter = Number(headers['retry-after']) || undefined;
    const message =
      `GitHub secondary rate limit on ${route} persisted` +
      (retryAfter ? ` (retry-after ${retryAfter} s)` : '') +
      ` after up to ${options.secondaryRateLimitRetries ?? 3} retries` +
      deadlineNote(
        options.deadline,
        retryAfter ? new Date(Date.now() + retryAfter * 1000) : undefined,
      ) +
      '; slow down or retry the job later.';
    return new GitHubRateLimitError(
      mask(message),
      'secondary',
      error.status,
      route,
      undefined,
      retryAfter,
      { cause: error },
    );
  }
  if (headers['x-ratelimit-remaining'] === '0') {
    const resetAt = new Date(Number(headers['x-ratelimit-reset']) * 1000);
    const limit = headers['x-ratelimit-limit'] ? ` (limit ${headers['x-ratelimit-limit']}/h)` : '';
    const message =
      `GitHub primary rate limit exhausted${limit} on ${route}: quota resets at ${resetAt.toISOString()} ` +
      `(in ${formatDuration(resetAt.getTime() - Date.now())})` +
      deadlineNote(options.deadline, resetAt);
    return new GitHubRateLimitError(
      mask(message),
      'primary',
      error.status,
      route,
      resetAt,
      undefined,
      { cause: error },
    );
  }
  return maskError(error, mask);
}

function deadlineNote(deadline: Date | undefined, until: Date | undefined): string {
  if (!deadline || !until || until.getTime() <= deadline.getTime()) return '';
  return `, after the job deadline ${deadline.toISOString()}; failing fast instead of sleeping past it`;
}

function routeOfError(error: { request?: { method?: string; url?: string } }): string {
  const url = error.request?.url ?? '';
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // relative already
  }
  return `${error.request?.method ?? 'GET'} ${path}`;
}

function maskError(error: unknown, mask: (text: string) => string): unknown {
  if (error instanceof Error) {
    const masked = mask(error.message);
    if (masked !== error.message) error.message = masked;
  }
  return error;
}

function formatDuration(ms: number): string {
  const minutes = Math.max(Math.round(ms / 60_000), 0);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
