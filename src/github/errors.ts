/**
 * Turning Octokit failures into one actionable line, and classifying them for callers.
 * Duck-typed on `@octokit/request-error`'s shape so that only client.ts depends on Octokit.
 */

interface ErrorItem {
  resource?: string;
  field?: string;
  code?: string;
  message?: string;
}

interface GitHubErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

export type RateLimitKind = 'primary' | 'secondary';

/** A rate limit the client did not (or could no longer) wait out. */
export class GitHubRateLimitError extends Error {
  override readonly name = 'GitHubRateLimitError';

  constructor(
    message: string,
    readonly kind: RateLimitKind,
    readonly status: number,
    readonly route: string,
    /** Primary limit: when the quota resets. */
    readonly resetAt?: Date,
    /** Secondary limit: GitHub's `retry-after`, in seconds. */
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isGitHubError(error: unknown): error is GitHubErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** HTTP status of a GitHub/Octokit error (500 for network failures), else undefined. */
export function githubStatus(error: unknown): number | undefined {
  return isGitHubError(error) ? error.status : undefined;
}

/** The call's result, or undefined when GitHub answers 404 (no such file, ref, …). */
export async function unlessNotFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (githubStatus(error) === 404) return undefined;
    throw error;
  }
}

/** 404/410: the PR or issue is gone (deleted, transferred, wrong repo). Warn, never retry. */
export function isGoneOrNotFound(error: unknown): boolean {
  const status = githubStatus(error);
  return status === 404 || status === 410;
}

/**
 * A write whose outcome is unknown: a 5xx, a timeout or a network error. GitHub may have applied it
 * (e.g. created the comment and then answered 502). Re-read (list by marker + author) before retrying.
 */
export function isAmbiguousWriteFailure(error: unknown): boolean {
  if (error instanceof GitHubRateLimitError) return false;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return true;
  const status = githubStatus(error);
  return status !== undefined && status >= 500;
}

/** `METHOD /path?query` of the failed request (origin dropped, credentials in the query redacted). */
function failedRoute(error: unknown): string {
  if (!isGitHubError(error) || !error.request) return 'GitHub API request';
  const method = error.request.method ?? 'GET';
  const url = error.request.url ?? '';
  let path = url;
  try {
    const parsed = new URL(url);
    path = `${parsed.pathname}${parsed.search}`;
  } catch {
    // keep as-is (already a path)
  }
  return `${method} ${path.replace(/\b(access_token|client_secret|token)=[^&]*/g, '$1=[REDACTED]')}`;
}

/**
 * One line: `GitHub API POST /repos/o/r/issues failed: 422 Validation Failed (title: missing_field)
 * — see https://docs.github.com/…`. Never contains the token: known secrets and token-shaped strings
 * are masked.
 */
export function describeGitHubError(error: unknown, options: { secrets?: string[] } = {}): string {
  return redactSecrets(describe(error), options.secrets ?? []);
}

/**
 * A GitHub failure as one line (secrets masked), with the job permissions to grant when the token
 * lacks them; anything else is returned as is.
 */
export function clarifyGitHubFailure(
  error: unknown,
  options: { secrets?: string[]; permissions: string },
): unknown {
  if (!isGitHubError(error)) return error;
  const forbidden =
    githubStatus(error) === 403 && /not accessible by integration/i.test(error.message);
  const hint = forbidden ? ` — grant the job \`permissions: ${options.permissions}\`` : '';
  const line = describeGitHubError(error, { secrets: options.secrets ?? [] });
  return new Error(`${line}${hint}`, { cause: error });
}

function describe(error: unknown): string {
  if (error instanceof GitHubRateLimitError) return error.message;
  if (!isGitHubError(error)) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return `GitHub API request failed: ${text}`;
  }
  const route = failedRoute(error);
  const hint = /^(GET|HEAD)\b/.test(route)
    ? ''
    : '; the write may have been applied, re-read before retrying';
  if (!error.response) {
    return `GitHub API ${route} failed: network error (${firstLine(error.message)})${hint}`;
  }
  const ambiguous = error.status >= 500 ? hint : '';
  return `GitHub API ${route} failed: ${error.status} ${responseText(error)}${ambiguous}`;
}

/** `Message (detail; detail) — see <documentation_url>` */
function responseText(error: GitHubErrorLike): string {
  const data = error.response?.data;
  const message = githubMessage(data) ?? firstLine(error.message);
  const details = errorItems(data);
  const docs = documentationUrl(data);
  const detailText = details.length > 0 ? ` (${details.join('; ')})` : '';
  return `${message}${detailText}${docs ? ` — see ${docs}` : ''}`;
}

function githubMessage(data: unknown): string | undefined {
  if (typeof data === 'string' && data.trim()) return firstLine(data.trim()).slice(0, 200);
  if (typeof data !== 'object' || data === null) return undefined;
  const message = (data as { message?: unknown }).message;
  return typeof message === 'string' ? message.replace(/\s*\n+\s*/g, ' ') : undefined;
}

function errorItems(data: unknown): string[] {
  const errors =
    typeof data === 'object' && data !== null ? (data as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.map((item: ErrorItem | string) => {
    if (typeof item === 'string') return item;
    if (item.message) return item.message;
    const where = [item.resource, item.field].filter(Boolean).join('.');
    return [where, item.code].filter(Boolean).join(': ');
  });
}

function documentationUrl(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const url = (data as { documentation_url?: unknown }).documentation_url;
  return typeof url === 'string' ? url : undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

const TOKEN_PATTERNS = [
  /\bgh[pousr]_[A-Za-z0-9_]{20,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\b(token|bearer)\s+[A-Za-z0-9_.\-=]{16,}/gi,
];

/** Masks the given secrets and anything shaped like a GitHub token. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of [...secrets]
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***');
  }
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match, scheme?: string) =>
      typeof scheme === 'string' && /^(token|bearer)$/i.test(scheme) ? `${scheme} ***` : '***',
    );
  }
  return out;
}
