import { afterEach, describe, expect, it } from 'vitest';
import { frankingWorld, type FrankingWorld } from './setup';
import { getHistory } from '../../main/db/repos/orders';

let w: FrankingWorld | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

describe('Erstattung (Retoure)', () => {
  it('refunds an unused stamp end to end: retoure, state polling until done, stamp refunded, balance updated', async () => {
    w = await frankingWorld({ orders: 2, im: { balanceCents: 10_00, retoureOpenPolls: 2 } });
    const bought = await w.app.call('franking:buy', { orders: w.orderIds.map((orderId) => ({ orderId })), productCode: 21, print: false });
    expect(w.im.balanceCents).toBe(10_00 - 360);
    const [first, second] = bought.stamps;
    const list = await w.app.call('franking:stamps', {});
    expect(list.every((s) => s.refundable && s.refundDeadline === '2026-12-07T09:00:00.000Z')).toBe(true);

    w.app.ports.clock.advanceDays(3);
    const r = await w.app.call('franking:refund', { voucherIds: [first!.voucherId] });
    expect(r).toMatchObject({ refunded: [first!.voucherId], refused: [], pending: [], refundedCents: 180, balanceCents: 10_00 - 180 });
    // It really polled until the retoure was processed (the fake keeps it open for two polls).
    expect(w.im.requests.filter((q) => q.path.includes('/app/retoure?shopRetoureId=')).length).toBe(3);
    expect(w.im.ledger.filter((l) => l.kind === 'refund')).toEqual([expect.objectContaining({ amountCents: 180, voucherIds: [first!.voucherId] })]);

    const after = await w.app.call('franking:stamps', {});
    expect(after.find((s) => s.voucherId === first!.voucherId)).toMatchObject({ status: 'refunded', refundable: false });
    expect(after.find((s) => s.voucherId === second!.voucherId)).toMatchObject({ status: 'valid', refundable: true });
    expect(getHistory(w.app.db, first!.orderId).some((h) => h.action === 'stamp_refunded')).toBe(true);
    expect((await w.app.call('franking:status', {})).balanceCents).toBe(10_00 - 180);

    // Refunded twice? Refused locally, nothing sent.
    await expect(w.app.call('franking:refund', { voucherIds: [first!.voucherId] })).rejects.toThrow(/bereits erstattet/);
    // A refunded order is waiting for a stamp again, and may be franked without the override.
    expect((await w.app.call('franking:candidates', {})).map((c) => c.orderId)).toEqual([first!.orderId]);
    await w.app.call('franking:buy', { orders: [{ orderId: first!.orderId }], productCode: 21, print: false });
    expect(w.im.charges()).toHaveLength(2);
  });

  it('refuses a refund after the 14-day window and shows stamps older than 3 years as expired', async () => {
    w = await frankingWorld({ orders: 1 });
    const bought = await w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]! }], productCode: 1, print: false });
    w.app.ports.clock.advanceDays(15);
    await expect(w.app.call('franking:refund', { voucherIds: [bought.stamps[0]!.voucherId] })).rejects.toThrow(/Erstattungsfrist abgelaufen am 07\.12\.2026/);
    expect(w.im.requests.some((q) => q.path.includes('/app/retoure'))).toBe(false);
    w.app.ports.clock.advanceDays(3 * 366);
    expect((await w.app.call('franking:stamps', {}))[0]).toMatchObject({ status: 'expired', refundable: false });
  });

  it('a refund still open after the poll budget stays pending and is finished by a later recover', async () => {
    w = await frankingWorld({ orders: 1, im: { retoureOpenPolls: 5 } });
    w.app.core.settings.set('franking.retourePollMax', 2);
    const bought = await w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]! }], productCode: 1, print: false });
    const v = bought.stamps[0]!.voucherId;
    const r = await w.app.call('franking:refund', { voucherIds: [v] });
    expect(r.pending).toEqual([v]);
    expect((await w.app.call('franking:stamps', {}))[0]!.status).toBe('refund_requested');
    await w.app.call('franking:recover', {});
    await w.app.call('franking:recover', {});
    expect((await w.app.call('franking:stamps', {}))[0]!.status).toBe('refunded');
    expect(w.im.ledger.filter((l) => l.kind === 'refund')).toHaveLength(1);
  });
});

describe('Erstattung mit verlorener Antwort', () => {
  it('answer lost after Deutsche Post took the request: looked up later by voucher id, refunded once', async () => {
    w = await frankingWorld({ orders: 1, im: { retoureOpenPolls: 0 } });
    const bought = await w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]! }], productCode: 1, print: false });
    const v = bought.stamps[0]!.voucherId;
    w.im.inject('retoure', 'drop-after-charge');
    await expect(w.app.call('franking:refund', { voucherIds: [v] })).rejects.toMatchObject({ code: 'IM_OUTCOME_UNKNOWN' });
    expect((await w.app.call('franking:stamps', {}))[0]!.status).toBe('refund_requested');
    await w.app.call('franking:recover', {});
    expect((await w.app.call('franking:stamps', {}))[0]!.status).toBe('refunded');
    expect(w.im.ledger.filter((l) => l.kind === 'refund')).toHaveLength(1);
    expect(w.im.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/app/retoure'))).toHaveLength(1);
  });

  it('request lost before it arrived: after the lookup the stamp is usable (and refundable) again', async () => {
    w = await frankingWorld({ orders: 1, im: { retoureOpenPolls: 0 } });
    const bought = await w.app.call('franking:buy', { orders: [{ orderId: w.orderIds[0]! }], productCode: 1, print: false });
    const v = bought.stamps[0]!.voucherId;
    w.im.inject('retoure', 'drop-before');
    await expect(w.app.call('franking:refund', { voucherIds: [v] })).rejects.toMatchObject({ code: 'IM_OUTCOME_UNKNOWN' });
    await w.app.call('franking:recover', {});
    expect((await w.app.call('franking:stamps', {}))[0]).toMatchObject({ status: 'valid', refundable: true });
    const r = await w.app.call('franking:refund', { voucherIds: [v] });
    expect(r.refunded).toEqual([v]);
    expect(w.im.ledger.filter((l) => l.kind === 'refund')).toHaveLength(1);
  });
});

describe('Guthaben', () => {
  it('notifies once when the balance falls below the seller’s threshold, and tops up through PUT /app/wallet', async () => {
    w = await frankingWorld({ orders: 0, im: { balanceCents: 15_00 } });
    w.app.core.settings.set('franking.lowBalanceCents', 20_00);
    await w.app.call('franking:balance', { refresh: true });
    await w.app.call('franking:balance', { refresh: true });
    const low = w.app.ports.notifier.shown.filter((n) => n.title === 'Portokasse: Guthaben niedrig');
    expect(low).toHaveLength(1);
    expect(low[0]!.body).toContain('15,00');
    expect(low[0]!.route).toBe('franking');
    const top = await w.app.call('franking:topup', { amountCents: 25_00 });
    expect(top.balanceCents).toBe(40_00);
    expect(w.im.ledger.at(-1)).toMatchObject({ kind: 'topup', amountCents: 25_00 });
    await expect(w.app.call('franking:topup', { amountCents: 500 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('notifies when the balance is below the cost of the orders waiting for stamps', async () => {
    w = await frankingWorld({ orders: 4, im: { balanceCents: 10_00 } });
    w.app.core.settings.set('franking.lowBalanceCents', 0);
    // 4 orders × 2 items without weight → Maxibrief 2,90 € each = 11,60 € > 10,00 €
    await w.app.call('franking:balance', { refresh: true });
    const n = w.app.ports.notifier.shown.find((x) => x.title === 'Portokasse: Guthaben niedrig');
    expect(n?.body).toContain('11,60');
    const quote = await w.app.call('franking:quote', { orders: w.orderIds.map((orderId) => ({ orderId })) });
    expect(quote).toMatchObject({ totalCents: 1160, balanceCents: 1000, balanceAfterCents: -160 });
  });
});
