/**
 * The eval database URL: where it comes from, what a valid one looks like, and how to talk about it
 * without ever printing the password.
 */

const FIELD = 'database-url';
const EXAMPLE = 'postgresql://user:password@host:5432/db';
const DEFAULT_PORT = 5432;

/** Every user-facing database failure (bad URL, cannot connect, campaign not found, query failed). */
export class DatabaseError extends Error {
  /** SQLSTATE or Node error code of the underlying failure, when there is one. */
  readonly code: string | undefined;
  /**
   * The connection was lost, the server was briefly unavailable, a transaction lost a
   * serialization race, or statement_timeout cancelled a statement: the same work run again may
   * succeed (a timed-out statement is run again once only).
   */
  readonly retryable: boolean;

  constructor(
    message: string,
    options: { cause?: unknown; code?: string; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DatabaseError';
    this.code = options.code;
    this.retryable = options.retryable ?? false;
  }
}

/** `--database-url` wins over `EVAL_DATABASE_URL`; blank values count as absent. */
export function resolveDatabaseUrl(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  const value = nonBlank(explicit) ?? nonBlank(env.EVAL_DATABASE_URL);
  if (value === undefined) {
    throw new DatabaseError(
      `EVAL_DATABASE_URL is required: pass --${FIELD} or set EVAL_DATABASE_URL (${EXAMPLE})`,
    );
  }
  validateDatabaseUrl(value);
  return value;
}

/** Throws a DatabaseError naming the field, the redacted value and the expected shape. */
export function validateDatabaseUrl(url: string): URL {
  const fail = (problem: string): never => {
    throw new DatabaseError(
      `${FIELD}: ${problem} in ${JSON.stringify(redactUrl(url))}; expected ${EXAMPLE}`,
    );
  };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (!url.includes('://') || (scheme !== 'postgres' && scheme !== 'postgresql')) {
    fail('the scheme must be postgres:// or postgresql://');
  }
  if (/%(?![0-9a-f]{2})/i.test(url))
    fail('invalid percent-encoding (a % not followed by two hex digits)');
  const parsed = parseUrl(url);
  if (!parsed) {
    return fail(
      'not a parseable URL (check the port and that special characters are percent-encoded)',
    );
  }
  for (const [part, text] of [
    ['user', parsed.username],
    ['password', parsed.password],
    ['database name', parsed.pathname],
  ] as const) {
    if (!isDecodable(text)) fail(`the ${part} is not valid percent-encoded UTF-8`);
  }
  if (hostnameOf(parsed) === '' && !parsed.searchParams.get('host')) fail('no host');
  if (databaseName(parsed) === '') fail('no database name (add /<database> after the host)');
  return parsed;
}

/** The URL with its password (in the userinfo or a `password=` parameter) replaced by `***`. */
export function redactUrl(url: string): string {
  let text = url.replace(/([?&\s]password=)[^&\s#]*/gi, '$1***');
  const authority = authorityOf(text);
  if (authority) {
    const { start, userinfoEnd } = authority;
    const colon = text.indexOf(':', start);
    if (colon !== -1 && colon < userinfoEnd) {
      text = `${text.slice(0, colon + 1)}***${text.slice(userinfoEnd)}`;
    }
  }
  return text;
}

/** Every string a logger must mask so the password never reaches the output in any spelling. */
export function secretsOf(url: string): string[] {
  const secrets = new Set<string>([url]);
  const authority = authorityOf(url);
  if (authority) {
    const userinfo = url.slice(authority.start, authority.userinfoEnd);
    const colon = userinfo.indexOf(':');
    if (colon !== -1) {
      const user = userinfo.slice(0, colon);
      const rawPassword = userinfo.slice(colon + 1);
      addPassword(secrets, user, rawPassword);
    }
  }
  const parsed = parseUrl(url);
  if (parsed) {
    if (parsed.password) addPassword(secrets, parsed.username, parsed.password);
    const queryPassword = parsed.searchParams.get('password');
    if (queryPassword) addPassword(secrets, '', queryPassword);
  }
  for (const match of url.matchAll(/[?&\s]password=([^&\s#]*)/gi)) {
    if (match[1]) addPassword(secrets, '', match[1]);
  }
  secrets.delete('');
  return [...secrets];
}

export interface DatabaseTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

export function targetOf(url: string): DatabaseTarget {
  const parsed = validateDatabaseUrl(url);
  return {
    host: hostnameOf(parsed) || parsed.searchParams.get('host') || 'localhost',
    port: parsed.port === '' ? DEFAULT_PORT : Number(parsed.port),
    database: databaseName(parsed),
    user: safeDecode(parsed.username),
  };
}

/** Replaces every occurrence of every secret (longest first) with `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret) masked = masked.split(secret).join('***');
  }
  return masked;
}

function addPassword(secrets: Set<string>, user: string, password: string): void {
  const decoded = safeDecode(password);
  for (const spelling of new Set([password, decoded, encodeURIComponent(decoded)])) {
    secrets.add(spelling);
    if (user) {
      secrets.add(`${user}:${spelling}`);
      secrets.add(`${safeDecode(user)}:${spelling}`);
    }
  }
}

/**
 * Where the userinfo sits, found the way the WHATWG parser finds it for non-special schemes:
 * the authority ends at the first `/`, `?` or `#`, and the userinfo ends at its last `@`.
 */
function authorityOf(url: string): { start: number; userinfoEnd: number } | undefined {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd === -1) {
    const at = url.lastIndexOf('@');
    return at === -1 ? undefined : { start: 0, userinfoEnd: at };
  }
  const start = schemeEnd + 3;
  const rest = url.slice(start);
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const at = authority.lastIndexOf('@');
  return at === -1 ? undefined : { start, userinfoEnd: start + at };
}

const DUMMY_HOST = '___dummy___';

/** Like pg-connection-string: `user@/db` (empty host) does not parse, so retry with a dummy host. */
function parseUrl(url: string): URL | undefined {
  for (const candidate of [url, url.replace('@/', `@${DUMMY_HOST}/`)]) {
    try {
      return new URL(candidate);
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

function hostnameOf(parsed: URL): string {
  return parsed.hostname === DUMMY_HOST ? '' : parsed.hostname;
}

function databaseName(parsed: URL): string {
  return safeDecode(parsed.pathname.replace(/^\//, ''));
}

function isDecodable(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function nonBlank(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
