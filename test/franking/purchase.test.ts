import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { frankingWorld, pdfPageCount, pdfText, type FrankingWorld } from './setup';
import { getHistory, getOrder } from '../../main/db/repos/orders';
import type { Fault } from '../fakes/internetmarke-server';
import type { PrinterPort, PrintRequest } from '../../main/ports/printer';

let w: FrankingWorld | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

const storedVouchers = (world: FrankingWorld) =>
  (world.app.db.prepare('SELECT voucher_id FROM franking_stamps ORDER BY purchase_id, seq').all() as { voucher_id: string }[]).map((r) => r.voucher_id);

/** The core promise: the Portokasse shows exactly one charge per stamp, and every charged stamp is stored. */
function expectOneChargePerStamp(world: FrankingWorld, stamps: number) {
  const charges = world.im.charges();
  const charged = charges.flatMap((c) => c.voucherIds);
  expect(charged).toHaveLength(stamps);
  expect(new Set(charged).size).toBe(stamps);
  expect(storedVouchers(world).sort()).toEqual([...charged].sort());
}

describe('Internetmarken kaufen gegen den Fake-Server', () => {
  it('franks 50 orders in ONE checkout with ONE charge and a PDF of 50 stamps with the buyers’ addresses', async () => {
    w = await frankingWorld({ orders: 50 });
    const r = await w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 1, pageFormatId: 1 });
    expect(w.im.charges()).toHaveLength(1);
    expect(w.im.charges()[0]!.amountCents).toBe(50 * 95);
    expect(w.im.requests.filter((q) => q.path.startsWith('/post/de/shipping/im/v1/app/shoppingcart/pdf'))).toHaveLength(1);
    expectOneChargePerStamp(w, 50);
    expect(r.totalCents).toBe(4750);
    expect(r.balanceCents).toBe(100_00 - 4750);
    expect(r.stamps).toHaveLength(50);

    const p = r.purchases.at(-1)!;
    const pdf = readFileSync(p.file!);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(p.sha256);
    expect(pdfPageCount(pdf)).toBe(5); // format 1 = 2 × 5 per A4 page
    const text = pdfText(pdf);
    for (const s of r.stamps) expect(text).toContain(s.voucherId);
    expect(text).toContain('Kundin 50');
    expect(text).toContain('Nußhäherstraße 50');
    expect(text).toContain('Kiste & Karton e.K.');
    // Printed through the print service, or (no printer here) saved for printing.
    expect(r.print?.savedTo).toBeTruthy();

    for (const id of w.orderIds) {
      expect(getOrder(w.app.db, id)!.status).toBe('franked');
      expect(getHistory(w.app.db, id).some((h) => h.action === 'franked' && h.detail.includes('Marke A0012345FE'))).toBe(true);
    }
  });

  it('Einschreiben: the track id is stored per order and written to its history', async () => {
    w = await frankingWorld({ orders: 2 });
    const r = await w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]!, productCode: 1007 }, { orderId: w.orderIds[1]!, productCode: 1 }], print: false });
    expect(r.totalCents).toBe(360 + 95);
    const [reg, plain] = r.stamps;
    expect(reg!.trackId).toMatch(/^RR\d{9}DE$/);
    expect(plain!.trackId).toBeNull();
    const stamps = await w.app.call('franking:stamps', { orderId: w.orderIds[0]! });
    expect(stamps).toEqual([expect.objectContaining({ voucherId: reg!.voucherId, trackId: reg!.trackId, productName: 'Standardbrief + Einschreiben' })]);
    expect(getHistory(w.app.db, w.orderIds[0]!).at(-1)!.detail).toContain(`Sendungsnummer ${reg!.trackId}`);
  });

  it('many stamps: one cart per franking.maxStampsPerCart, each an item of the job „franking.buy“ with progress', async () => {
    w = await frankingWorld({ orders: 5 });
    w.app.core.settings.set('franking.maxStampsPerCart', 2);
    const events: string[] = [];
    w.app.core.events.subscribe((e, p) => e === 'job:progress' && events.push(`${(p as { state: string }).state}`));
    const r = await w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 1, startPosition: 9, print: false });
    expect(w.im.charges().map((c) => c.voucherIds.length)).toEqual([2, 2, 1]);
    expectOneChargePerStamp(w, 5);
    expect(r.totalCents).toBe(5 * 95);
    expect(r.problems).toEqual([]);
    const jobs = await w.app.call('jobs:list', {});
    expect(jobs[0]).toMatchObject({ kind: 'franking.buy', state: 'done', total: 3, done: 3 });
    expect(jobs[0]!.summary).toMatch(/^5 von 5 Marken gekauft für 4,75/);
    expect(events.at(-1)).toBe('done');
    const starts = (w.app.db.prepare('SELECT start_position FROM franking_purchases ORDER BY id').all() as { start_position: number }[]).map((x) => x.start_position);
    expect(starts).toEqual([9, 1, 1]);
  });

  it('a cart refused in the middle (wallet emptied elsewhere): the carts before are kept, the rest reported, one charge per stamp', async () => {
    w = await frankingWorld({ orders: 6 });
    w.app.core.settings.set('franking.maxStampsPerCart', 2);
    w.im.inject('checkout', 'expire-token'); // cart 1: token expired mid-batch → renewed, looked up, sent again
    w.im.inject('checkout', 'drain-wallet', 1, 2); // cart 2: the Portokasse was emptied on another device
    const r = await w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 1, print: false });
    expectOneChargePerStamp(w, 2);
    expect(r.stamps.map((s) => s.orderId)).toEqual(w.orderIds.slice(0, 2));
    expect(r.totalCents).toBe(190);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/Guthaben der Portokasse reicht nicht/);
    const states = (w.app.db.prepare('SELECT state FROM franking_purchases ORDER BY id').all() as { state: string }[]).map((x) => x.state);
    expect(states).toEqual(['completed', 'failed', 'failed']);
    expect(getOrder(w.app.db, w.orderIds[2]!)!.status).toBe('new');
  });

  it('sends the stamp position from the start slot (row-major) on a partly used sheet', async () => {
    w = await frankingWorld({ orders: 3 });
    await w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 11, pageFormatId: 1, startPosition: 4, print: false });
    const st = w.app.db.prepare("SELECT request_json FROM franking_purchases WHERE state = 'completed'").get() as { request_json: string };
    const body = JSON.parse(st.request_json);
    expect(body.positions.map((p: { position: unknown }) => p.position)).toEqual([
      { labelX: 2, labelY: 2, page: 1 }, { labelX: 1, labelY: 3, page: 1 }, { labelX: 2, labelY: 3, page: 1 },
    ]);
    expect(body.positions[0].voucherLayout).toBe('ADDRESS_ZONE');
    expect(body.total).toBe(330);
  });

  const faults: Fault[] = ['drop-after-charge', 'status-500-after-charge', 'hang-after-charge', 'status-500', 'drop-before', 'expire-token'];
  for (const fault of faults) {
    it(`fault at checkout „${fault}“: exactly one charge per stamp, no stamp lost, nothing re-sent before a lookup`, async () => {
      w = await frankingWorld({ orders: 3 });
      // A short client timeout, so a hanging checkout turns into a lost answer quickly.
      if (fault === 'hang-after-charge') w.app.core.settings.set('franking.timeoutMs', 1500);
      w.im.inject('checkout', fault);
      const r = await w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 21, print: false });
      expectOneChargePerStamp(w, 3);
      expect(r.stamps).toHaveLength(3);
      expect(r.balanceCents).toBe(w.im.balanceCents);
      // Between two checkouts of the same cart there is always a GET of that cart.
      const seq = w.im.requests.map((q) => q.path).filter((p) => p.includes('/app/shoppingcart/'));
      for (let i = 1; i < seq.length; i++) {
        if (seq[i]!.includes('/app/shoppingcart/pdf')) expect(seq.slice(0, i).some((p) => /\/app\/shoppingcart\/\d+$/.test(p))).toBe(true);
      }
      expect(new Set(w.im.charges().map((c) => c.shopOrderId)).size).toBe(1);
      for (const id of w.orderIds) expect(getOrder(w.app.db, id)!.status).toBe('franked');
    });
  }

  for (const fault of ['status-500', 'drop-before', 'drop-after-charge'] as Fault[]) {
    it(`fault when creating the cart „${fault}“: nothing charged, the purchase is closed as failed, buying again works`, async () => {
      w = await frankingWorld({ orders: 2 });
      w.im.inject('init', fault);
      const orders = w.orderIds.map((orderId) => ({ orderId }));
      await expect(w.app.call('franking:buy', { orders, productCode: 1, print: false })).rejects.toMatchObject({ code: fault === 'status-500' ? 'IM_SERVER' : 'IM_NETWORK' });
      expect(w.im.charges()).toHaveLength(0);
      expect(w.app.db.prepare('SELECT state FROM franking_purchases').all()).toEqual([{ state: 'failed' }]);
      await w.app.call('franking:buy', { orders, productCode: 1, print: false });
      expectOneChargePerStamp(w, 2);
    });
  }

  it('login fails with 500: nothing journaled, nothing charged', async () => {
    w = await frankingWorld({ orders: 1 });
    w.im.inject('auth', 'status-500');
    await expect(w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]! }], productCode: 1 })).rejects.toMatchObject({ code: 'IM_SERVER' });
    expect(w.im.charges()).toHaveLength(0);
  });

  it('the document download fails: the stamps are kept; the PDF is fetched and archived on reprint', async () => {
    w = await frankingWorld({ orders: 2 });
    w.im.inject('document', 'status-500', 2);
    const r = await w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 1 });
    expectOneChargePerStamp(w, 2);
    expect(r.purchases.at(-1)!.file).toBeNull();
    expect(r.print).toBeNull();
    const again = await w.app.call('franking:reprint', { purchaseId: r.purchases.at(-1)!.purchaseId });
    expect(pdfText(readFileSync(again.savedTo))).toContain(r.stamps[0]!.voucherId);
    const row = w.app.db.prepare('SELECT file_path, file_sha256 FROM franking_purchases').get() as { file_path: string; file_sha256: string };
    expect(createHash('sha256').update(readFileSync(row.file_path)).digest('hex')).toBe(row.file_sha256);
  });

  it('a lost answer whose lookup also fails stays journaled as unknown, and is recovered later without a second charge', async () => {
    w = await frankingWorld({ orders: 2 });
    w.im.inject('checkout', 'drop-after-charge');
    w.im.inject('retrieve', 'drop-before', 4);
    await expect(w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 1, print: false })).rejects.toMatchObject({ code: 'IM_OUTCOME_UNKNOWN' });
    expect(w.im.charges()).toHaveLength(1);
    expect(storedVouchers(w)).toHaveLength(0);
    const status = await w.app.call('franking:status', {});
    expect(status.unresolvedPurchases).toBe(1);

    // Two lookups still fail: a new purchase is not started while the old one is open…
    await expect(w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]! }], productCode: 1 })).rejects.toMatchObject({ code: 'IM_OUTCOME_UNKNOWN' });
    // …and once Deutsche Post answers, the stamps bought the first time are taken over.
    const rec = await w.app.call('franking:recover', {});
    expect(rec.stillOpen).toBe(0);
    expect(rec.resolved[0]!.recovered).toBe(true);
    expectOneChargePerStamp(w, 2);
    await expect(w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]! }], productCode: 1 })).rejects.toMatchObject({ code: 'FRANKING_REFUSED' });
    expect(w.im.charges()).toHaveLength(1);
  });

  it('an order with a valid stamp needs the explicit override before a second one is bought', async () => {
    w = await frankingWorld({ orders: 1 });
    const orders = [{ orderId: w.orderIds[0]! }];
    await w.app.call('franking:buy', { orders, productCode: 1, print: false });
    const again = w.app.call('franking:buy', { orders, productCode: 1, print: false });
    await expect(again).rejects.toMatchObject({ code: 'FRANKING_REFUSED' });
    await expect(again).rejects.toThrow(/hat schon die Internetmarke/);
    expect(w.im.charges()).toHaveLength(1);
    await w.app.call('franking:buy', { orders, productCode: 1, print: false, allowSecondStamp: true });
    expect(w.im.charges()).toHaveLength(2);
  });

  it('two buys for the same order at once (double click): one purchase, one charge', async () => {
    w = await frankingWorld({ orders: 1 });
    const req = { orders: [{ orderId: w.orderIds[0]! }], productCode: 1, print: false };
    const results = await Promise.allSettled([w.app.call('franking:buy', req), w.app.call('franking:buy', req)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(w.im.charges()).toHaveLength(1);
    expect(w.im.requests.filter((q) => q.path.endsWith('/app/shoppingcart'))).toHaveLength(1);
  });

  it('balance too low: nothing is bought, the seller is told and notified', async () => {
    w = await frankingWorld({ orders: 3, im: { balanceCents: 500 } });
    await expect(w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 31 })).rejects.toMatchObject({ code: 'IM_BALANCE_TOO_LOW' });
    expect(w.im.charges()).toHaveLength(0);
    expect(w.app.ports.notifier.shown.some((n) => /Guthaben/.test(n.title))).toBe(true);
    expect(w.app.db.prepare('SELECT COUNT(*) AS n FROM franking_stamps').get()).toEqual({ n: 0 });
  });

  it('the server’s own walletBalanceNotEnough (live error shape with PCF code) fails the purchase without a charge', async () => {
    w = await frankingWorld({ orders: 2, im: { balanceCents: 10_000 } });
    const im = w.im;
    // The balance drops between login and checkout (stamps bought on another device).
    im.inject('checkout', 'drain-wallet');
    const err = await w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 1, print: false }).catch((e) => e);
    expect(err.code).toBe('IM_BALANCE_TOO_LOW');
    expect(err.details).toMatchObject({ status: 400, title: 'walletBalanceNotEnough', detail: 'A0012345FE', instance: 'PCF-A1032' });
    expect(im.charges()).toHaveLength(0);
    const row = w.app.db.prepare('SELECT state FROM franking_purchases').get() as { state: string };
    expect(row.state).toBe('failed');
  });

  it('PNG checkout: the link is a ZIP, archived with its SHA-256, one PNG per voucher in order', async () => {
    w = await frankingWorld({ orders: 3 });
    const r = await w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 1, format: 'png' });
    expectOneChargePerStamp(w, 3);
    const p = r.purchases.at(-1)!;
    expect(p.file).toMatch(/\.zip$/);
    const { unzipPngs } = await import('../../main/services/franking/im-client');
    const pngs = unzipPngs(readFileSync(p.file!));
    expect(pngs.map((b) => /Comment\0([A-Z0-9]{20})/.exec(Buffer.from(b).toString('latin1'))![1])).toEqual(r.stamps.map((s) => s.voucherId));
    expect(r.print?.savedTo).toMatch(/\.pdf$/);
  });

  it('prints on the printer chosen for stamps, at the page format’s size; a failing printer never fails the purchase', async () => {
    const jobs: PrintRequest[] = [];
    let broken = false;
    const printer: PrinterPort = {
      list: async () => [{ name: 'Brother_QL', description: '', isDefault: true, media: [] }],
      print: async (req) => {
        if (broken) throw new Error('Papierstau');
        jobs.push(req);
        return { jobId: `Brother_QL-${jobs.length}` };
      },
    };
    w = await frankingWorld({ orders: 2, ports: { printer } });
    w.app.core.settings.set('printing.stamp.printer', 'Brother_QL');
    const r = await w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]! }], productCode: 1, pageFormatId: 29 });
    expect(r.print).toMatchObject({ printed: true, printer: 'Brother_QL' });
    expect(jobs[0]!.pageSizeMm).toEqual({ width: 62, height: 100 });
    expect(Buffer.from(jobs[0]!.pdf)).toEqual(readFileSync(r.purchases.at(-1)!.file!));

    broken = true;
    const r2 = await w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[1]! }], productCode: 1, pageFormatId: 29 });
    expect(r2.stamps).toHaveLength(1);
    expect(r2.print).toMatchObject({ printed: false });
    expect(r2.print!.reason).toContain('Papierstau');
    expect(w.im.charges()).toHaveLength(2);
  });

  it('reprints a purchase from the archive, and refuses a file that was changed', async () => {
    w = await frankingWorld({ orders: 1 });
    const r = await w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]! }], productCode: 1, print: false });
    const p = r.purchases.at(-1)!;
    const again = await w.app.call('franking:reprint', { purchaseId: p.purchaseId });
    expect(readFileSync(again.savedTo)).toEqual(readFileSync(p.file!));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(p.file!, 'kaputt');
    await expect(w.app.call('franking:reprint', { purchaseId: p.purchaseId })).rejects.toMatchObject({ code: 'ARCHIVE_CORRUPT' });
  });
});
