import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chargeEvents, closeMonths, feeTier, feeForGoodsValue, grossCents, monthFees, openFees, sepaDueDay, vatCents, type FeeEvent } from '../../shared/fees';
import { goodsValueEurCents } from '../../shared/domain/order';
import { orderDraft } from '../fakes/orders';

let n = 0;
const ev = (goodsValueCents: number, occurredAt = '2026-11-10T10:00:00Z', orderKey = `ebay:${++n}`): FeeEvent => ({ id: `inst:${orderKey}`, orderKey, occurredAt, goodsValueCents });
const many = (count: number, value: number, at?: string) => Array.from({ length: count }, () => ev(value, at));

describe('fee per order by goods value', () => {
  it('follows the tiers with the limits in the lower tier', () => {
    expect(feeForGoodsValue(0)).toBe(0);
    expect(feeForGoodsValue(300)).toBe(0);
    expect(feeForGoodsValue(301)).toBe(4);
    expect(feeForGoodsValue(700)).toBe(4);
    expect(feeForGoodsValue(701)).toBe(8);
    expect(feeForGoodsValue(250_000)).toBe(8);
    expect(() => feeTier(-1)).toThrow(/Warenwert/);
  });

  it('uses item prices incl. VAT without shipping, converted with the stored rate', () => {
    // 2 × 1,40 € items + 4,95 € shipping → 2,80 € goods value → free (shipping does not count).
    const cheap = orderDraft({ items: [{ title: 'Postkarte', quantity: 2, unitPriceCents: 140 }], shippingCents: 495, totalCents: 775 });
    expect(goodsValueEurCents(cheap)).toBe(280);
    expect(feeTier(goodsValueEurCents(cheap))).toBe('free');
    // 6,00 GBP at 1.17 EUR/GBP = 7,02 € → high tier.
    const gbp = orderDraft({ currency: 'GBP', fxRateToEur: 1.17, items: [{ title: 'Mug', quantity: 1, unitPriceCents: 600 }], shippingCents: 0, totalCents: 600 });
    expect(goodsValueEurCents(gbp)).toBe(702);
    expect(feeTier(goodsValueEurCents(gbp))).toBe('high');
  });
});

describe('worked examples (PRODUCT.md §6)', () => {
  it('10 orders of middle value cost 0,40 €', () => {
    expect(monthFees('2026-11', many(10, 500)).netCents).toBe(40);
  });
  it('50 orders of high value cost 4,00 €', () => {
    expect(monthFees('2026-11', many(50, 1999)).netCents).toBe(400);
  });
  it('the cap is reached at 34,00 €: 425 high orders exactly, the 426th is free', () => {
    const at = monthFees('2026-11', many(425, 1000));
    expect(at.netCents).toBe(3400);
    expect(at.capReached).toBe(true);
    const events = many(500, 1000);
    const m = monthFees('2026-11', events);
    expect(m.uncappedCents).toBe(4000);
    expect(m.netCents).toBe(3400);
    expect(m.capReductionCents).toBe(600);
  });
  it('the order crossing the cap pays only the rest', () => {
    // 424 × 8 ct = 33,92 €; then a middle order (4 ct) → 33,96 €; then a high one pays only 4 ct.
    const events = [...many(424, 1000, '2026-11-02T08:00:00Z'), ev(500, '2026-11-03T08:00:00Z'), ev(1000, '2026-11-04T08:00:00Z'), ev(1000, '2026-11-05T08:00:00Z')];
    const charged = chargeEvents('2026-11', events);
    expect(charged.at(-2)!.chargeCents).toBe(4);
    expect(charged.at(-1)!.chargeCents).toBe(0);
    expect(charged.reduce((s, c) => s + c.chargeCents, 0)).toBe(3400);
  });
  it('counts by the calendar month in Europe/Berlin', () => {
    // 30.11.2026 23:30 UTC is already 1 December in Berlin.
    const e = ev(1000, '2026-11-30T23:30:00Z');
    expect(monthFees('2026-11', [e]).orders).toBe(0);
    expect(monthFees('2026-12', [e]).netCents).toBe(8);
  });
  it('compares times as instants, whatever their notation', () => {
    const e = ev(1000, '2026-12-01T00:30:00+01:00'); // = 30.11. 23:30 UTC = 1 December in Berlin
    expect(monthFees('2026-12', [e]).netCents).toBe(8);
    // the action at exactly the trial end is no longer in the trial ("…00Z" = "…00.000Z")
    expect(monthFees('2026-11', [ev(1000, '2026-11-15T00:00:00Z')], { trialEndsAt: '2026-11-15T00:00:00.000Z' }).trialOrders).toBe(0);
    expect(monthFees('2026-11', [ev(1000, '2026-11-14T23:59:59.999Z')], { trialEndsAt: '2026-11-15T00:00:00Z' }).trialOrders).toBe(1);
  });

  it('orders during the trial are free', () => {
    const events = [ev(1000, '2026-11-10T10:00:00Z'), ev(1000, '2026-11-20T10:00:00Z')];
    const m = monthFees('2026-11', events, { trialEndsAt: '2026-11-15T00:00:00Z' });
    expect(m.trialOrders).toBe(1);
    expect(m.netCents).toBe(8);
  });
  it('invoices only above 4,20 € and carries smaller amounts over', () => {
    const closes = closeMonths([
      { month: '2026-09', netCents: 420 }, // exactly 4,20 € → not exceeded → carried
      { month: '2026-10', netCents: 1 }, // 4,21 € open → invoiced
      { month: '2026-11', netCents: 300 }, // carried
      { month: '2026-12', netCents: 3400 }, // 37,00 € invoiced (the carried 3,00 € belong to November's cap)
    ]);
    expect(closes.map((c) => [c.openCents, c.invoiced, c.carriedCents])).toEqual([
      [420, false, 420],
      [421, true, 0],
      [300, false, 300],
      [3700, true, 0],
    ]);
  });
  it('adds 19 % VAT and sets the SEPA due date 14 days after the invoice', () => {
    expect(vatCents(421)).toBe(80); // 79,99 ct → 80 ct
    expect(grossCents(3400)).toBe(4046);
    expect(grossCents(40)).toBe(48); // 7,6 ct → 8 ct
    expect(sepaDueDay('2026-12-01')).toBe('2026-12-15');
    expect(sepaDueDay('2026-12-20')).toBe('2027-01-03');
  });
  it('bills late events of an invoiced month by the difference', () => {
    const o = openFees([{ month: '2026-10', netCents: 3400, invoicedCents: 3000 }, { month: '2026-11', netCents: 50, invoicedCents: 0 }, { month: '2026-12', netCents: 999, invoicedCents: 0 }], '2026-12');
    expect(o.months).toEqual([{ month: '2026-10', openCents: 400 }, { month: '2026-11', openCents: 50 }]);
    expect(o.openCents).toBe(450);
    expect(o.invoiceDue).toBe(true);
  });
});

describe('invariants (property-based)', () => {
  const event = fc.record({
    order: fc.integer({ min: 1, max: 800 }),
    minute: fc.integer({ min: 0, max: 29 * 24 * 60 }),
    source: fc.constantFrom('a', 'b'),
  });
  const toEvents = (xs: { order: number; minute: number; source: string }[]): FeeEvent[] =>
    xs.map((x) => ({
      id: `${x.source}:ebay:${x.order}`,
      orderKey: `ebay:${x.order}`,
      occurredAt: new Date(Date.parse('2026-11-01T00:00:00Z') + x.minute * 60_000).toISOString(),
      // the same order always carries the same value (it is the order's goods value)
      goodsValueCents: (x.order * 37) % 1300,
    }));

  it('never above the cap', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 1500 }), (xs) => {
        const events = toEvents(xs);
        const m = monthFees('2026-11', events);
        expect(m.netCents).toBeLessThanOrEqual(3400);
        const charged = chargeEvents('2026-11', events);
        expect(charged.reduce((s, c) => s + c.chargeCents, 0)).toBe(m.netCents);
        for (const c of charged) expect(c.chargeCents).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('never twice for one order (repeats and reports from several sources count once)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 400 }), fc.integer({ min: 1, max: 4 }), (xs, times) => {
        const events = toEvents(xs);
        const repeated = Array.from({ length: times }, () => events).flat();
        expect(monthFees('2026-11', repeated)).toEqual(monthFees('2026-11', events));
        const charged = chargeEvents('2026-11', repeated);
        expect(new Set(charged.map((c) => c.event.orderKey)).size).toBe(charged.length);
      }),
      { numRuns: 150 },
    );
  });

  it('the order of actions does not change the total', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 1200 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))),
        ([xs, shuffled]) => {
          const a = monthFees('2026-11', toEvents(xs));
          const b = monthFees('2026-11', toEvents(shuffled));
          expect(b.netCents).toBe(a.netCents);
          expect(b.tiers).toEqual(a.tiers);
        },
      ),
      { numRuns: 150 },
    );
  });
});
