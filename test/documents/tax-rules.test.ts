import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, rateToBp, splitGross, vatOfNet } from '../../shared/tax/rounding';
import { calculateInvoice } from '../../shared/tax/calculate';
import { decideTaxCase, OSS_THRESHOLD_CENTS, type TaxCaseInput } from '../../shared/tax/tax-case';
import { vatRatesOn } from '../../shared/tax/vat-rates';

const base: TaxCaseInput = {
  kleinunternehmer: false, sellerVatId: 'DE123456789', buyerVatId: '', destinationCountry: 'DE', day: '2026-11-23', ossMode: 'auto',
  ossSales: { previousYearCents: 0, currentYearCents: 0 }, thisSaleNetEurCents: 5000,
};

describe('rounding', () => {
  it('splitGross: net + VAT = gross always, VAT = round(net × rate) whenever reachable, off by at most 1 ct otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(19, 7, 20, 5.5, 25.5, 21, 0), (g, r) => {
        const { netCents, vatCents } = splitGross(g, rateToBp(r));
        expect(netCents + vatCents).toBe(g);
        expect(Math.abs(vatCents - vatOfNet(netCents, rateToBp(r)))).toBeLessThanOrEqual(1);
      }),
    );
    expect(splitGross(11900, 1900)).toEqual({ netCents: 10000, vatCents: 1900 });
    expect(splitGross(-11900, 1900)).toEqual({ netCents: -10000, vatCents: -1900 });
  });

  it('allocate distributes exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 8 }), (t, w) => {
        const parts = allocate(t, w);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(t);
      }),
    );
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('calculateInvoice: totals add up to the cent for any mix of items, rates and shipping', () => {
    const decision = decideTaxCase(base);
    fc.assert(
      fc.property(
        fc.array(fc.record({ q: fc.integer({ min: 1, max: 9 }), p: fc.integer({ min: 0, max: 50_000 }), r: fc.constantFrom(19, 7, null) }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 2000 }),
        (items, ship) => {
          const c = calculateInvoice({
            items: items.map((i, k) => ({ description: `A${k}`, sku: '', quantity: i.q, unitGrossCents: i.p, vatRate: i.r })),
            shippingGrossCents: ship, decision, day: '2026-11-23', defaultRate: 19, ossReducedRates: {},
          });
          const gross = items.reduce((s, i) => s + i.p * i.q, 0) + ship;
          expect(c.totals.grossCents).toBe(gross);
          expect(c.totals.netCents + c.totals.vatCents).toBe(gross);
          expect(c.lines.reduce((s, l) => s + l.grossCents, 0)).toBe(gross);
          expect(c.lines.reduce((s, l) => s + l.netCents, 0)).toBe(c.totals.netCents);
          for (const b of c.vatBreakdown) {
            expect(c.lines.filter((l) => l.vatRate === b.vatRate).reduce((s, l) => s + l.netCents, 0)).toBe(b.netCents);
          }
        },
      ),
    );
  });

  it('shipping is taxed like the goods: split by the goods value per rate', () => {
    const c = calculateInvoice({
      items: [
        { description: 'Tasse', sku: '', quantity: 1, unitGrossCents: 3000, vatRate: 19 },
        { description: 'Buch', sku: '', quantity: 1, unitGrossCents: 1000, vatRate: 7 },
      ],
      shippingGrossCents: 400, decision: decideTaxCase(base), day: '2026-11-23', defaultRate: 19, ossReducedRates: {},
    });
    const ship = c.lines.filter((l) => l.isShipping);
    expect(ship.map((l) => [l.vatRate, l.grossCents])).toEqual([[19, 300], [7, 100]]);
  });
});

describe('tax case decision', () => {
  it('Kleinunternehmer wins over everything', () => {
    const d = decideTaxCase({ ...base, kleinunternehmer: true, destinationCountry: 'AT' });
    expect(d.taxCase).toBe('kleinunternehmer');
    expect(d.note).toContain('§ 19 UStG');
  });
  it('domestic, export, intra-EU B2B', () => {
    expect(decideTaxCase(base).taxCase).toBe('standard');
    expect(decideTaxCase({ ...base, destinationCountry: 'CH' }).taxCase).toBe('export');
    expect(decideTaxCase({ ...base, destinationCountry: 'FR', buyerVatId: 'FR40303265045' }).taxCase).toBe('intra_eu_b2b');
    // A VAT id of another country than the destination, or no own VAT id: treated as B2C.
    expect(decideTaxCase({ ...base, destinationCountry: 'FR', buyerVatId: 'ATU12345678' }).taxCase).toBe('standard');
    expect(decideTaxCase({ ...base, sellerVatId: '', destinationCountry: 'FR', buyerVatId: 'FR40303265045' }).reason).toContain('eigene USt-IdNr. fehlt');
    expect(decideTaxCase({ ...base, destinationCountry: 'GR', buyerVatId: 'EL123456789' }).taxCase).toBe('intra_eu_b2b');
  });
  it('OSS: below the threshold German VAT, the sale that crosses it and everything after at the destination rate', () => {
    const below = decideTaxCase({ ...base, destinationCountry: 'AT', ossSales: { previousYearCents: 0, currentYearCents: OSS_THRESHOLD_CENTS - 5000 } });
    expect(below.taxCase).toBe('standard');
    expect(below.reason).toContain('Lieferschwelle nicht überschritten');
    const crossing = decideTaxCase({ ...base, destinationCountry: 'AT', ossSales: { previousYearCents: 0, currentYearCents: OSS_THRESHOLD_CENTS - 4999 } });
    expect(crossing.taxCase).toBe('oss');
    expect(decideTaxCase({ ...base, destinationCountry: 'AT', ossSales: { previousYearCents: OSS_THRESHOLD_CENTS + 1, currentYearCents: 0 } }).taxCase).toBe('oss');
    expect(decideTaxCase({ ...base, destinationCountry: 'AT', ossMode: 'always' }).taxCase).toBe('oss');
    expect(decideTaxCase({ ...base, destinationCountry: 'AT', ossMode: 'off', ossSales: { previousYearCents: 2e6, currentYearCents: 0 } }).taxCase).toBe('standard');
  });
  it('dated rates: rate changes apply from their day', () => {
    expect(vatRatesOn('DE', '2020-08-01')!.standard).toBe(16);
    expect(vatRatesOn('DE', '2026-01-01')!.standard).toBe(19);
    expect(vatRatesOn('EE', '2025-06-30')!.standard).toBe(22);
    expect(vatRatesOn('EE', '2025-07-01')!.standard).toBe(24);
    expect(vatRatesOn('RO', '2025-08-01')!.standard).toBe(21);
    expect(vatRatesOn('SK', '2025-01-01')!.standard).toBe(23);
    expect(vatRatesOn('FI', '2024-09-01')!.standard).toBe(25.5);
    expect(vatRatesOn('US', '2026-01-01')).toBeNull();
  });
  it('OSS with a reduced-rate item needs the seller to map the destination rate', () => {
    const decision = decideTaxCase({ ...base, destinationCountry: 'AT', ossMode: 'always' });
    const input = { items: [{ description: 'Buch', sku: '', quantity: 1, unitGrossCents: 1100, vatRate: 7 }], shippingGrossCents: 0, decision, day: '2026-11-23', defaultRate: 19 };
    expect(() => calculateInvoice({ ...input, ossReducedRates: {} })).toThrow(/kein ermäßigter OSS-Satz/);
    const c = calculateInvoice({ ...input, ossReducedRates: { AT: 10 } });
    expect(c.vatBreakdown).toMatchObject([{ vatRate: 10, netCents: 1000, vatCents: 100 }]);
  });
});
