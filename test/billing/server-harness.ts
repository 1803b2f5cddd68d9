import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { repoRoot } from '../harness/cli';
import { createBillingServer } from '../../server/http';
import { openSqliteStorage } from '../../server/storage/sqlite';
import type { Issuer } from '../../server/pdf';

export const testIssuer: Issuer = {
  name: 'Portodesk Test GmbH', address: ['Teststraße 1', '10115 Berlin'], vatId: 'DE123456789', creditorId: 'DE98ZZZ09999999999', email: 'rechnung@portodesk.test',
};

export const newToken = () => randomBytes(24).toString('hex');

/** The billing service in this process, on 127.0.0.1 with a random port and a movable clock. */
export async function startInProcessServer(dataDir: string, start = '2026-11-23T09:00:00Z') {
  let now = new Date(start);
  const storage = openSqliteStorage(join(dataDir, 'billing.db'));
  const srv = createBillingServer({ storage, now: () => now, issuer: testIssuer });
  const port = await srv.listen(0);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    storage,
    ledger: srv.ledger,
    setNow(iso: string) {
      now = new Date(iso);
    },
    async req(method: string, path: string, token: string | null, body?: unknown) {
      const res = await fetch(url + path, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const buf = new Uint8Array(await res.arrayBuffer());
      const text = new TextDecoder().decode(buf);
      return { status: res.status, buf, text, json: () => JSON.parse(text) };
    },
    async close() {
      await srv.close();
      storage.close();
    },
  };
}

/** The real `portodesk-server` as a child process (so it can be killed with SIGKILL). */
export function spawnServer(dataDir: string, port = 0, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; port: number; logs: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'portodesk-server.js'), '--data', dataDir, '--port', String(port)], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, port: Number(m[2]), logs: () => err });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${err}`));
    });
  });
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * The real CLI as a child process, awaited without blocking this process's event loop (the fault
 * proxy and in-process servers live here; runPortodesk's spawnSync would freeze them).
 */
export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string; json<T = any>(): T }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'portodesk.js'), ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr, json: () => JSON.parse(stdout) }));
  });
}
