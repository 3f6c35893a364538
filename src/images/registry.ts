/**
 * Reads tags and digests through the Docker Registry HTTP API v2, without any engine.
 *
 * `HEAD /v2/<repository>/manifests/<tag>` with Accept for the OCI and Docker manifest and index
 * types; the digest is the `Docker-Content-Digest` header (or, if a registry omits it on HEAD, the
 * sha256 of the body of a GET). Loopback registries (127.0.0.0/8, localhost, [::1]) are spoken to
 * over http, everything else over https.
 *
 * Auth: a static bearer token, or username/password. On a 401 the `WWW-Authenticate` challenge is
 * answered: `Basic` → the credentials; `Bearer realm=…,service=…` → a token fetched from the realm
 * (with the credentials as Basic auth if given, anonymously otherwise), as docker does.
 */
import { createHash } from 'node:crypto';
import { proxiedFetch } from '../net/proxy.js';
import { isLoopbackHost, parseImageReference, validateDigest, type ImageRef } from './image-ref.js';

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

export interface RegistryAuth {
  /** Sent as `Authorization: Bearer …` from the first request on. */
  bearerToken?: string;
  username?: string;
  password?: string;
}

export interface RegistryClientOptions {
  auth?: RegistryAuth;
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
  /** Extra tries after a network error, 429 or 5xx; default 2. */
  retries?: number;
  /** Force plain http (or https) instead of choosing by host. */
  scheme?: 'http' | 'https';
  /** For tests. */
  fetch?: typeof fetch;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read (default process.env). */
  env?: NodeJS.ProcessEnv;
}

class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export function registryBaseUrl(host: string, scheme?: 'http' | 'https'): string {
  return `${scheme ?? (isLoopbackHost(host) ? 'http' : 'https')}://${host}`;
}

function manifestUrl(ref: ImageRef, scheme?: 'http' | 'https'): string {
  return `${registryBaseUrl(ref.host, scheme)}/v2/${ref.repository}/manifests/${encodeURIComponent(ref.tag)}`;
}

function basic(auth: RegistryAuth): string | undefined {
  if (auth.username === undefined || auth.password === undefined) return undefined;
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}

/** Parses `Bearer realm="…",service="…",scope="…"` (or `Basic realm="…"`). */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  const rest = space === -1 ? '' : header.slice(space + 1);
  for (const m of rest.matchAll(/([A-Za-z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
  }
  return { scheme, params };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Client {
  private authorization: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: RegistryClientOptions) {
    this.fetchImpl = options.fetch ?? proxiedFetch(options.env ?? process.env) ?? fetch;
    if (options.auth?.bearerToken) this.authorization = `Bearer ${options.auth.bearerToken}`;
  }

  private async once(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.authorization) headers.set('Authorization', this.authorization);
    return this.fetchImpl(url, {
      ...init,
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
  }

  /** One request with retries on transient failures. */
  private async withRetries(url: string, init: RequestInit): Promise<Response> {
    const retries = this.options.retries ?? 2;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.once(url, init);
        if ((response.status === 429 || response.status >= 500) && attempt < retries) {
          await response.body?.cancel();
          await sleep(250 * 2 ** attempt);
          continue;
        }
        return response;
      } catch (error) {
        if (attempt >= retries) {
          const reason = error instanceof Error ? error.message : String(error);
          const cause =
            error instanceof Error && error.cause instanceof Error
              ? `: ${error.cause.message}`
              : '';
          throw new RegistryError(`${init.method ?? 'GET'} ${url} failed: ${reason}${cause}`);
        }
        await sleep(250 * 2 ** attempt);
      }
    }
  }

  /** Answers a 401 challenge once; returns false when it cannot. */
  private async authenticate(challenge: string | null): Promise<boolean> {
    if (!challenge) return false;
    const { scheme, params } = parseChallenge(challenge);
    const auth = this.options.auth ?? {};
    if (scheme === 'basic') {
      const header = basic(auth);
      if (!header || this.authorization === header) return false;
      this.authorization = header;
      return true;
    }
    if (scheme !== 'bearer' || !params.realm) return false;
    const tokenUrl = new URL(params.realm);
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    if (params.scope) tokenUrl.searchParams.set('scope', params.scope);
    const headers: Record<string, string> = {};
    const basicHeader = basic(auth);
    if (basicHeader) headers.Authorization = basicHeader;
    const response = await this.fetchImpl(tokenUrl, {
      headers,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryError(
        `token request to ${tokenUrl.origin}${tokenUrl.pathname} failed: HTTP ${response.status}`,
        response.status,
      );
    }
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`token response from ${tokenUrl.origin} has no token`);
    const header = `Bearer ${token}`;
    if (this.authorization === header) return false;
    this.authorization = header;
    return true;
  }

  async request(url: string, init: RequestInit): Promise<Response> {
    let response = await this.withRetries(url, init);
    if (response.status === 401) {
      const challenge = response.headers.get('www-authenticate');
      await response.body?.cancel();
      if (await this.authenticate(challenge)) response = await this.withRetries(url, init);
    }
    return response;
  }
}

/**
 * The digest of `host/repository:tag` in its registry, or `undefined` when the tag does not
 * exist (404). Throws a RegistryError on any other answer (401/403 after auth, 5xx after retries).
 */
export async function getDigest(
  reference: string,
  options: RegistryClientOptions = {},
): Promise<string | undefined> {
  const ref = parseImageReference(reference);
  const url = manifestUrl(ref, options.scheme);
  const client = new Client(options);
  const init = { headers: { Accept: MANIFEST_ACCEPT } };
  const head = await client.request(url, { ...init, method: 'HEAD' });
  if (head.status === 404) return undefined;
  if (!head.ok) {
    throw new RegistryError(
      `HEAD ${url} answered HTTP ${head.status} ${head.statusText}`.trim(),
      head.status,
    );
  }
  const digest = head.headers.get('docker-content-digest');
  if (digest) return validateDigest(digest, `Docker-Content-Digest of ${reference}`);

  const get = await client.request(url, { ...init, method: 'GET' });
  if (get.status === 404) return undefined;
  if (!get.ok) {
    await get.body?.cancel();
    throw new RegistryError(`GET ${url} answered HTTP ${get.status}`, get.status);
  }
  const body = Buffer.from(await get.arrayBuffer());
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}
