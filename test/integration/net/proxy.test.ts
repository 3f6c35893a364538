/**
 * Self-hosted runners behind a proxy: the GitHub session and the registry client send their requests
 * through HTTPS_PROXY / HTTP_PROXY (a CONNECT proxy started here on loopback records each tunnel),
 * and NO_PROXY exempts the hosts it names.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openGitHubSession } from '../../../src/github/session.js';
import { getDigest } from '../../../src/images/registry.js';
import { memoryLogger } from '../../../src/logger.js';
import { useGitHubEmulator } from '../../support/github-emulator/index.js';

const gh = useGitHubEmulator();
const tunnels: string[] = [];
let proxy: Server;
let proxyUrl: string;
let registry: Server;
let registryHost: string;
const DIGEST = `sha256:${'c'.repeat(64)}`;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`);
    }),
  );
}

beforeAll(async () => {
  // A CONNECT proxy: records the target, then pipes bytes both ways.
  proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  proxyUrl = `http://${await listen(proxy)}`;
  registry = createHttpServer((req, res) => {
    res.writeHead(200, { 'docker-content-digest': DIGEST }).end();
  });
  registryHost = await listen(registry);
});

afterAll(async () => {
  proxy.closeAllConnections();
  registry.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await new Promise((resolve) => registry.close(resolve));
});

function githubEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_API_URL: gh.url, ...extra };
}

async function readRepository(env: NodeJS.ProcessEnv): Promise<void> {
  const session = openGitHubSession({
    token: gh.token,
    env,
    purpose: 'test',
    logger: memoryLogger(),
  });
  await session.client.request('GET /repos/{owner}/{repo}/issues', {
    owner: 'octo-org',
    repo: 'octo-repo',
  });
}

describe('HTTPS_PROXY / HTTP_PROXY / NO_PROXY', () => {
  test('GitHub API requests go through the proxy', async () => {
    tunnels.length = 0;
    const before = gh.requests.length;
    await readRepository(githubEnv({ HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl }));
    expect(tunnels).toEqual([new URL(gh.url).host]);
    expect(gh.requests.length).toBe(before + 1);
  });

  test('lower-case variables work too, and NO_PROXY exempts the host', async () => {
    tunnels.length = 0;
    await readRepository(githubEnv({ http_proxy: proxyUrl }));
    expect(tunnels).toEqual([new URL(gh.url).host]);
    tunnels.length = 0;
    await readRepository(githubEnv({ HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' }));
    expect(tunnels).toEqual([]);
  });

  test('without a proxy variable nothing goes through it', async () => {
    tunnels.length = 0;
    await readRepository(githubEnv({}));
    expect(tunnels).toEqual([]);
  });

  test('the registry client goes through the proxy, and NO_PROXY exempts the registry', async () => {
    tunnels.length = 0;
    const ref = `${registryHost}/eval/operator:abc1234`;
    expect(await getDigest(ref, { env: { HTTP_PROXY: proxyUrl } })).toBe(DIGEST);
    expect(tunnels).toEqual([registryHost]);
    tunnels.length = 0;
    expect(
      await getDigest(ref, { env: { HTTP_PROXY: proxyUrl, NO_PROXY: `127.0.0.1,localhost` } }),
    ).toBe(DIGEST);
    expect(tunnels).toEqual([]);
  });
});
