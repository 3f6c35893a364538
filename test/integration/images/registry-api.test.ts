/**
 * Registry HTTP API client against a small in-process registry on 127.0.0.1 (for the Bearer-token
 * challenge, a HEAD without Docker-Content-Digest, 5xx retries), and image reference validation.
 * The real Debian registry (Basic auth) is covered in build-push.test.ts.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  isLoopbackHost,
  parseImageReference,
  validateRegistry,
  validateTag,
} from '../../../src/images/image-ref.js';
import { getDigest, parseChallenge, registryBaseUrl } from '../../../src/images/registry.js';

const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
});
const MANIFEST_DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;
const TOKEN = 'tok-123';

let server: Server;
let host: string;
const seen: {
  method: string;
  url: string;
  auth: string | undefined;
  accept: string | undefined;
}[] = [];
let failuresLeft = 0;

function handler(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? '';
  seen.push({
    method: req.method ?? '',
    url,
    auth: req.headers.authorization,
    accept: req.headers.accept,
  });
  if (url.startsWith('/token')) {
    const ok = req.headers.authorization === `Basic ${Buffer.from('robot:pw').toString('base64')}`;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(ok ? JSON.stringify({ token: TOKEN }) : '{}');
    return;
  }
  if (url.startsWith('/v2/flaky/')) {
    if (failuresLeft-- > 0) {
      res.writeHead(503).end();
      return;
    }
  }
  if (url.startsWith('/v2/private/') && req.headers.authorization !== `Bearer ${TOKEN}`) {
    res.writeHead(401, {
      'www-authenticate': `Bearer realm="http://${host}/token",service="test-registry",scope="repository:private/app:pull"`,
    });
    res.end();
    return;
  }
  const match = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url);
  if (!match || match[2] !== 'v1') {
    res
      .writeHead(404, { 'content-type': 'application/json' })
      .end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
    return;
  }
  const headers: Record<string, string> = {
    'content-type': 'application/vnd.oci.image.manifest.v1+json',
    'content-length': String(Buffer.byteLength(MANIFEST)),
  };
  if (!match[1]!.startsWith('nodigest')) headers['docker-content-digest'] = MANIFEST_DIGEST;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : MANIFEST);
}

beforeAll(async () => {
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('registry API client', () => {
  test('HEAD with OCI + Docker Accept headers; 404 means the tag does not exist', async () => {
    seen.length = 0;
    expect(await getDigest(`${host}/eval/worker:v1`)).toBe(MANIFEST_DIGEST);
    expect(await getDigest(`${host}/eval/worker:v2`)).toBeUndefined();
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'HEAD /v2/eval/worker/manifests/v1',
      'HEAD /v2/eval/worker/manifests/v2',
    ]);
    for (const type of [
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
    ]) {
      expect(seen[0]!.accept).toContain(type);
    }
  });

  test('answers a Bearer challenge with a token fetched using the credentials', async () => {
    seen.length = 0;
    const digest = await getDigest(`${host}/private/app:v1`, {
      auth: { username: 'robot', password: 'pw' },
    });
    expect(digest).toBe(MANIFEST_DIGEST);
    expect(seen.map((s) => `${s.method} ${s.url.split('?')[0]}`)).toEqual([
      'HEAD /v2/private/app/manifests/v1',
      'GET /token',
      'HEAD /v2/private/app/manifests/v1',
    ]);
    expect(seen[1]!.url).toContain('service=test-registry');
    expect(seen[1]!.url).toContain('scope=repository%3Aprivate%2Fapp%3Apull');
    expect(seen[2]!.auth).toBe(`Bearer ${TOKEN}`);
  });

  test('a static bearer token is sent from the first request', async () => {
    seen.length = 0;
    expect(
      await getDigest(`${host}/private/app:v1`, { auth: { bearerToken: TOKEN } }),
    ).toBeDefined();
    expect(seen).toHaveLength(1);
  });

  test('wrong credentials fail with the HTTP status, not "tag missing"', async () => {
    await expect(
      getDigest(`${host}/private/app:v1`, { auth: { username: 'robot', password: 'nope' } }),
    ).rejects.toThrow(/token request .* failed: HTTP 401/);
  });

  test('without Docker-Content-Digest the digest is the sha256 of the manifest body', async () => {
    expect(await getDigest(`${host}/nodigest/app:v1`)).toBe(MANIFEST_DIGEST);
  });

  test('retries 5xx, then gives up with the status', async () => {
    failuresLeft = 1;
    expect(await getDigest(`${host}/flaky/app:v1`, { retries: 1 })).toBe(MANIFEST_DIGEST);
    failuresLeft = 5;
    await expect(getDigest(`${host}/flaky/app:v1`, { retries: 1 })).rejects.toThrow(/HTTP 503/);
    failuresLeft = 0;
  });

  test('a closed port fails with a clear error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise((resolve) => closed.close(resolve));
    await expect(getDigest(`127.0.0.1:${port}/eval/worker:v1`, { retries: 0 })).rejects.toThrow(
      /HEAD http:\/\/127\.0\.0\.1:\d+\/v2\/eval\/worker\/manifests\/v1 failed/,
    );
  });

  test('http for loopback registries, https otherwise', () => {
    expect(registryBaseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(registryBaseUrl('localhost:5000')).toBe('http://localhost:5000');
    expect(registryBaseUrl('[::1]:5000')).toBe('http://[::1]:5000');
    expect(registryBaseUrl('us-central1-docker.pkg.dev')).toBe(
      'https://us-central1-docker.pkg.dev',
    );
    expect(registryBaseUrl('10.0.0.1:5000')).toBe('https://10.0.0.1:5000');
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
  });

  test('parses challenges', () => {
    expect(
      parseChallenge('Bearer realm="https://a/token",service="a",scope="repository:x:pull,push"'),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://a/token', service: 'a', scope: 'repository:x:pull,push' },
    });
    expect(parseChallenge('Basic realm="r"')).toEqual({ scheme: 'basic', params: { realm: 'r' } });
  });
});

describe('image references', () => {
  test('accepts fully qualified references', () => {
    const ref = parseImageReference('us-central1-docker.pkg.dev/my-project/eval/operator:abc1234');
    expect(ref).toEqual({
      host: 'us-central1-docker.pkg.dev',
      repository: 'my-project/eval/operator',
      tag: 'abc1234',
    });
    expect(parseImageReference('127.0.0.1:5000/eval/worker:v1.2_3-rc').host).toBe('127.0.0.1:5000');
    expect(parseImageReference('localhost/a__b/c-d:x').repository).toBe('a__b/c-d');
    expect(validateRegistry('us-central1-docker.pkg.dev/my-project/eval/')).toBe(
      'us-central1-docker.pkg.dev/my-project/eval',
    );
    expect(validateTag(`_${'a'.repeat(127)}`)).toHaveLength(128);
  });

  test.each([
    ['eval/worker:v1', /host "eval"/],
    ['127.0.0.1:5000/eval/worker', /expected host\[:port\]\/path:tag/],
    ['127.0.0.1:5000/Eval/worker:v1', /repository "Eval\/worker"/],
    ['127.0.0.1:5000/eval//worker:v1', /repository "eval\/\/worker"/],
    ['127.0.0.1:5000/eval/worker:-v1', /tag "-v1"/],
    [`127.0.0.1:5000/eval/worker:${'a'.repeat(129)}`, /tag "a{120}…"/],
    ['127.0.0.1:5000/eval/worker:v1;$(id)', /tag "v1;\$\(id\)"/],
    [
      '127.0.0.1:5000/eval/worker:v1; rm -rf /',
      /image reference ".*": expected host\[:port\]\/path:tag/,
    ],
    ['127.0.0.1:99999/eval/worker:v1', /port must be 1–65535/],
    ['127.0.0.1:5000/eval/worker@sha256:abc', /digest references are not accepted/],
    ['Registry.Example.com/eval/worker:v1', /host "Registry.Example.com"/],
  ])('rejects %s, naming the field and value', (value, message) => {
    expect(() => parseImageReference(value)).toThrow(message);
  });

  test('registry prefixes', () => {
    expect(() => validateRegistry('https://gcr.io/x')).toThrow(
      /Invalid registry "https:\/\/gcr.io\/x": .*scheme/,
    );
    expect(() => validateRegistry('GCR.io/x')).toThrow(
      /Invalid registry "GCR.io\/x": expected lowercase/,
    );
    expect(() => validateTag('')).toThrow(/Invalid tag "": /);
  });
});
