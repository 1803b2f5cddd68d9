import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createTestApp, tempDir } from '../harness/test-app';
import { FakeClock } from '../fakes/ports';
import { repoRoot } from '../harness/cli';
import { killHard, newToken, runCliAsync, spawnServer } from './server-harness';
import { startFaultProxy } from './fault-proxy';
import { seedUsage, spread } from './usage-seed';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// 3 000 orders in November: 2 600 up to 3 € (free), 250 of 5 € (4 ct), 150 of 12 € (8 ct) = 22,00 € net.
const value = (i: number) => (i % 20 === 3 ? 1200 : i % 12 === 5 ? 500 : 250);
const expected = (n: number, offset: number) => {
  let cents = 0;
  for (let i = 0; i < n; i++) {
    const v = value(i + offset);
    cents += v > 700 ? 8 : v > 300 ? 4 : 0;
  }
  return cents;
};

describe('usage sync against the real billing service, with faults and kills', () => {
  it('a month of usage gives exactly the fee of the rules on both sides', async () => {
    const serverDir = tempDir();
    const appDir = tempDir();
    const token = newToken();
    const serverEnv = { PORTODESK_SERVER_NOW: '2026-11-30T12:00:00Z' };
    let srv = await spawnServer(serverDir, 0, serverEnv);
    cleanups.push(() => killHard(srv.child));
    const proxy = await startFaultProxy(() => srv.url);
    cleanups.push(() => proxy.close());
    const env = { PORTODESK_NOW: '2026-11-30T12:00:00Z', PORTODESK_SECRET_BILLING_TOKEN: token };
    const cli = (...args: string[]) => runCliAsync(['--data', appDir, '--billing-url', proxy.url, ...args], env);

    // First start on 1 September (trial over on 1 October); three waves of 1 000 orders each.
    const seed = (wave: number) => {
      const app = createTestApp({ dataDir: appDir, ports: { clock: new FakeClock('2026-09-01T08:00:00Z') } });
      if (wave === 0) void app.call('billing:register', { name: 'Erika Mustermann', email: 'erika@example.de' });
      const specs = spread(1000, `2026-11-${String(1 + wave * 9).padStart(2, '0')}T00:00:00Z`, `2026-11-${String(10 + wave * 9).padStart(2, '0')}T00:00:00Z`, (i) => value(i + wave * 1000));
      seedUsage(app, specs);
      return app.close();
    };
    await seed(0);

    // 1) offline: the service cannot be reached — nothing is lost, the backoff is recorded.
    proxy.setPolicy(() => 'refuse');
    let r = await cli('billing', 'sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/SYNC_FAILED.*Netzwerkfehler/);
    let st = (await cli('--json', 'billing', 'status')).json();
    expect(st).toMatchObject({ waiting: 1000, failures: 1 });
    expect(st.nextAttemptAt > '2026-11-30T12:00:00').toBe(true);
    await seed(1); // more usage while offline

    // 2) the answer to the second usage batch is lost: the service counted it, the app did not hear it.
    proxy.setPolicy(({ usagePost }) => (usagePost === 2 ? 'drop-response' : 'pass'));
    r = await cli('billing', 'sync');
    expect(r.code).toBe(1);
    expect((await cli('--json', 'billing', 'status')).json().waiting).toBe(1500);

    // 3) the app is killed (SIGKILL) while the service's answer to a committed batch is on its way.
    proxy.setPolicy(({ usagePost }) => (usagePost === 2 ? 'hold' : 'pass'));
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'portodesk.js'), '--data', appDir, '--billing-url', proxy.url, 'billing', 'sync'], {
      cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'ignore',
    });
    await proxy.waitForHold();
    await killHard(child);
    expect(child.signalCode).toBe('SIGKILL');

    // 4) the service is killed (SIGKILL) and the app tries meanwhile; then it comes back on the same data.
    proxy.setPolicy(() => 'pass');
    await killHard(srv.child);
    r = await cli('billing', 'sync');
    expect(r.code).toBe(1);
    await seed(2);
    srv = await spawnServer(serverDir, 0, serverEnv);
    cleanups.push(() => killHard(srv.child));

    // 5) back online: everything arrives, exactly once.
    r = await cli('billing', 'sync');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    st = (await cli('--json', 'billing', 'status')).json();
    expect(st).toMatchObject({ waiting: 0, failures: 0, lastError: null, registeredWithServer: true });

    const want = expected(3000, 0);
    expect(want).toBe(2200);
    const local = (await cli('--json', 'fees', 'month', '2026-11')).json();
    expect(local).toMatchObject({ month: '2026-11', orders: 3000, netCents: want, vatCents: 418, grossCents: 2618, unsynced: 0 });
    const server = await fetch(`${srv.url}/v1/fees/2026-11`, { headers: { authorization: `Bearer ${token}` } }).then((x) => x.json());
    expect(server).toMatchObject({ orders: 3000, netCents: want, tiers: local.tiers });
    const db = new Database(join(serverDir, 'billing.db'), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM usage_events').get() as { n: number }).n).toBe(3000);
    db.close();
    // the retries really did send batches twice; the service counted them once
    const dupes = [...(srv.logs() + '').matchAll(/"duplicates":(\d+)/g)].map((m) => Number(m[1]));
    expect(dupes.some((d) => d > 0)).toBe(true);
  }, 240_000);
});
