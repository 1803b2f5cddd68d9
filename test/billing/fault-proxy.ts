import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request. */
export type Fault =
  | 'pass'
  /** connection closed before the service sees the request (offline) */
  | 'refuse'
  /** the service handles the request, the answer is lost on the way back */
  | 'drop-response'
  /** the service handles the request, the answer is held back forever (the test kills the app meanwhile) */
  | 'hold';

/**
 * A fault-injecting HTTP proxy between the app and the real billing service on loopback. The policy
 * sees each request (method, path, running number of usage posts) and decides its fate.
 */
export async function startFaultProxy(target: () => string) {
  let policy: (req: { method: string; path: string; usagePost: number }) => Fault = () => 'pass';
  let usagePosts = 0;
  const held: ServerResponse[] = [];
  const holdWaiters: (() => void)[] = [];
  const log: { path: string; fault: Fault; status?: number }[] = [];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (req.method === 'POST' && path === '/v1/usage') usagePosts += 1;
      const fault = policy({ method: req.method ?? 'GET', path, usagePost: usagePosts });
      const entry: { path: string; fault: Fault; status?: number } = { path, fault };
      log.push(entry);
      if (fault === 'refuse') {
        req.socket.destroy();
        return;
      }
      const url = new URL(path, target());
      const up = request(url, { method: req.method, headers: req.headers }, (upRes) => {
        const body: Buffer[] = [];
        upRes.on('data', (c: Buffer) => body.push(c));
        upRes.on('end', () => {
          entry.status = upRes.statusCode;
          if (fault === 'drop-response') {
            req.socket.destroy();
            return;
          }
          if (fault === 'hold') {
            held.push(res);
            holdWaiters.splice(0).forEach((w) => w());
            return;
          }
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          res.end(Buffer.concat(body));
        });
      });
      up.on('error', () => req.socket.destroy()); // the service is down: the app sees a network error
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    setPolicy(p: typeof policy) {
      policy = p;
      usagePosts = 0;
    },
    /** Resolves when a request is being held. */
    waitForHold(): Promise<void> {
      return held.length ? Promise.resolve() : new Promise((r) => holdWaiters.push(r));
    },
    close(): Promise<void> {
      held.forEach((r) => r.destroy());
      return new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  };
}
