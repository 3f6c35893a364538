import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy for fault injection (no toxiproxy here): forwards both ways until told to
 * go `silent` (keeps every socket open but forwards nothing, like a half-open connection or a
 * blackholed route) or to `reset` every connection.
 */
export interface FaultProxy {
  readonly port: number;
  /** The same URL with host and port replaced by the proxy's. */
  urlFor(target: string): string;
  silent(): void;
  /**
   * Goes silent when a client sends bytes containing `text` (that chunk is not forwarded);
   * resolves then.
   */
  silentOn(text: string): Promise<void>;
  /** Forwards again, for new connections (silenced ones stay dead, as after a network partition). */
  heal(): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  let mode: 'forward' | 'silent' = 'forward';
  let trigger: Buffer | undefined;
  let fired = () => undefined as void;
  const silenceAll = () => {
    mode = 'silent';
    for (const pair of pairs) pair.silenced = true;
  };
  const pairs = new Set<{ client: Socket; upstream: Socket; silenced: boolean }>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    const pair = { client, upstream, silenced: mode === 'silent' };
    pairs.add(pair);
    client.on('data', (chunk: Buffer) => {
      if (trigger && chunk.includes(trigger)) {
        trigger = undefined;
        silenceAll();
        fired();
      }
      if (!pair.silenced) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.silenced) client.write(chunk);
    });
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // A silenced pair never passes a close on: the other side must find out by itself.
    client.on('close', () => (pair.silenced ? upstream.destroy() : end()));
    upstream.on('close', () => (pair.silenced ? undefined : end()));
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    urlFor(target) {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    silent: silenceAll,
    silentOn(text) {
      trigger = Buffer.from(text);
      return new Promise<void>((resolve) => (fired = resolve));
    },
    heal() {
      mode = 'forward';
    },
    reset() {
      for (const pair of pairs) {
        pair.client.resetAndDestroy();
        pair.upstream.destroy();
      }
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
