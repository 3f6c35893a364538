/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY for the GitHub API and the registry client, as the Actions
 * toolkit honours them (@actions/http-client): self-hosted runners behind a proxy reach both.
 * undici's EnvHttpProxyAgent picks the proxy by scheme, tunnels with CONNECT, and skips hosts that
 * NO_PROXY names. It is the undici @actions/http-client already bundles, so dist/ does not grow.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';

const read = (env: NodeJS.ProcessEnv, name: string): string | undefined =>
  env[name]?.trim() || env[name.toLowerCase()]?.trim() || undefined;

/** A fetch that goes through the environment's proxy, or undefined when none is configured. */
export function proxiedFetch(env: NodeJS.ProcessEnv): typeof globalThis.fetch | undefined {
  const httpsProxy = read(env, 'HTTPS_PROXY');
  const httpProxy = read(env, 'HTTP_PROXY');
  if (!httpsProxy && !httpProxy) return undefined;
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: httpProxy ?? '',
    httpsProxy: httpsProxy ?? httpProxy ?? '',
    noProxy: read(env, 'NO_PROXY') ?? '',
  });
  const proxied = (input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    }) as unknown as Promise<Response>;
  return proxied as typeof globalThis.fetch;
}
