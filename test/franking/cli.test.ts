import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../harness/cli';
import { createTestApp, tempDir } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { startFakeInternetmarke, type FakeInternetmarke } from '../fakes/internetmarke-server';
import { SELLER } from './setup';

/**
 * The real `portodesk stamps …` CLI as a child process against the fake server. The fake runs in
 * this process, so the children are spawned asynchronously (spawnSync would block its answers).
 */

type Run = { code: number | null; stdout: string; stderr: string; json<T = any>(): T };
function cli(im: FakeInternetmarke, dataDir: string, args: string[], onSpawn?: (kill: () => void) => void): Promise<Run> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'portodesk.js'), '--data', dataDir, '--im-url', im.url, ...args], {
    cwd: repoRoot,
    env: {
      ...process.env, PORTODESK_NOW: '2026-11-23T09:00:00Z',
      PORTODESK_IM_CLIENT_ID: im.clientId, PORTODESK_IM_CLIENT_SECRET: im.clientSecret, PORTODESK_IM_USER: im.username, PORTODESK_IM_PASSWORD: im.password,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  onSpawn?.(() => child.kill('SIGKILL'));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) })));
}

async function prepare(orders: number) {
  const im = await startFakeInternetmarke({ balanceCents: 50_00, retoureOpenPolls: 1 });
  const dataDir = tempDir('portodesk-stamps-');
  const app = createTestApp({ dataDir });
  app.core.settings.saveCompany({ ...SELLER });
  app.core.settings.set('franking.timeoutMs', 60_000);
  app.core.settings.set('franking.retourePollMs', 10);
  const ids = seedOrders(app.db, Array.from({ length: orders }, () => orderDraft()));
  await app.close();
  return { im, dataDir, ids };
}

let im: FakeInternetmarke | null = null;
afterEach(async () => {
  await im?.close();
  im = null;
});

describe('portodesk stamps … (CLI)', () => {
  it('login, balance, products, buy, list and refund', async () => {
    const w = await prepare(2);
    im = w.im;
    const login = await cli(im, w.dataDir, ['stamps', 'login']);
    expect(login.stdout).toContain(`Angemeldet als ${im.username}`);
    expect(login.stdout).toContain('50,00');
    expect((await cli(im, w.dataDir, ['stamps', 'balance', '--json'])).json()).toMatchObject({ balanceCents: 5000 });
    const products = (await cli(im, w.dataDir, ['stamps', 'products', '--json'])).json<{ code: number; priceCents: number }[]>();
    expect(products.find((p) => p.code === 11)).toMatchObject({ priceCents: 110 });

    const buy = await cli(im, w.dataDir, ['stamps', 'buy', ...w.ids.map(String), '--product', '11', '--page-format', '1', '--start', '3', '--json']);
    expect(buy.code, buy.stderr).toBe(0);
    const r = buy.json();
    expect(r.stamps).toHaveLength(2);
    expect(r.totalCents).toBe(220);
    expect(im.charges()).toHaveLength(1);

    const list = (await cli(im, w.dataDir, ['stamps', 'list', '--json'])).json<{ voucherId: string; status: string }[]>();
    expect(list.map((s) => s.status)).toEqual(['valid', 'valid']);

    const refund = await cli(im, w.dataDir, ['stamps', 'refund', list[0]!.voucherId]);
    expect(refund.code, refund.stderr).toBe(0);
    expect(refund.stdout).toMatch(new RegExp(`Erstattet: ${list[0]!.voucherId} \\(1,10\\s€\\)`));

    const again = await cli(im, w.dataDir, ['stamps', 'buy', String(w.ids[1]), '--product', '11']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('hat schon die Internetmarke');
    expect(im.charges()).toHaveLength(1);

    const bad = await cli(im, w.dataDir, ['stamps', 'buy', 'abc']);
    expect(bad.code).toBe(2);
  }, 120_000);

  it('a `stamps buy` killed during checkout loses no stamp and pays once: the next run asks Deutsche Post and takes the stamps over', async () => {
    const w = await prepare(3);
    im = w.im;
    im.inject('checkout', 'hang-after-charge');
    const killed = await cli(im, w.dataDir, ['stamps', 'buy', ...w.ids.map(String), '--product', '1', '--json'], (kill) => {
      void im!.waitForCharge(1, 60_000).then(kill);
    });
    expect(killed.code).toBeNull(); // killed by the signal
    expect(im.charges()).toHaveLength(1);

    const list = await cli(im, w.dataDir, ['stamps', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toContain('geklärt');
    const stamps = list.json<{ voucherId: string; orderId: number }[]>();
    expect(stamps.map((s) => s.voucherId).sort()).toEqual([...im.charges()[0]!.voucherIds].sort());
    expect(stamps.map((s) => s.orderId).sort()).toEqual([...w.ids].sort());

    // The interrupted purchase job was finished too (bookkeeping only).
    const jobs = (await cli(im, w.dataDir, ['jobs', 'list', '--json'])).json<{ kind: string; state: string; done: number }[]>();
    expect(jobs.find((j) => j.kind === 'franking.buy')).toMatchObject({ state: 'done', done: 1 });

    // Buying again for the same orders is refused (they have stamps); still one charge.
    const again = await cli(im, w.dataDir, ['stamps', 'buy', ...w.ids.map(String), '--product', '1']);
    expect(again.code).toBe(1);
    expect(im.charges()).toHaveLength(1);
    // Never a second checkout of that cart: exactly one checkout request reached the server.
    expect(im.requests.filter((q) => q.path.includes('/app/shoppingcart/pdf'))).toHaveLength(1);
  }, 120_000);

  it('killed in the middle of a three-cart job: bought carts kept, the cart in flight recovered, the unstarted cart not bought', async () => {
    const w = await prepare(3);
    im = w.im;
    await cli(im, w.dataDir, ['settings', 'set', 'franking.maxStampsPerCart', '1']);
    im.inject('checkout', 'hang-after-charge', 1, 1); // the second cart hangs after the money moved
    await cli(im, w.dataDir, ['stamps', 'buy', ...w.ids.map(String), '--product', '1'], (kill) => {
      void im!.waitForCharge(2, 60_000).then(kill);
    });
    expect(im.charges()).toHaveLength(2);
    const list = await cli(im, w.dataDir, ['stamps', 'list', '--json']);
    const stamps = list.json<{ voucherId: string; orderId: number }[]>();
    expect(stamps.map((s) => s.voucherId).sort()).toEqual(im.charges().flatMap((c) => c.voucherIds).sort());
    expect(stamps.map((s) => s.orderId).sort()).toEqual(w.ids.slice(0, 2).sort());
    const jobs = (await cli(im, w.dataDir, ['jobs', 'list', '--json'])).json<{ kind: string; state: string; done: number; skipped: number }[]>();
    expect(jobs.find((j) => j.kind === 'franking.buy')).toMatchObject({ state: 'done', done: 2, skipped: 1 });
    // The third order can be bought now, once.
    const third = await cli(im, w.dataDir, ['stamps', 'buy', String(w.ids[2]), '--product', '1', '--json']);
    expect(third.code, third.stderr).toBe(0);
    expect(im.charges()).toHaveLength(3);
    expect(im.requests.filter((q) => q.path.includes('/app/shoppingcart/pdf'))).toHaveLength(3);
  }, 180_000);
});
