import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRODUCTS, priceOf, productByCode } from '../../shared/postage/products';
import { DEFAULT_RULES, pickProduct, orderWeightG } from '../../shared/postage/rules';
import { labelPositions } from '../../shared/postage/layout';
import { isRefundable, refundDeadline, stampStatus, validUntil } from '../../shared/postage/validity';
import { toImAddress } from '../../shared/postage/address';
import { FAKE_PPL } from '../fakes/internetmarke-fixtures';

describe('products and prices as dated data', () => {
  it('has the 2025/2026 prices of the reference', () => {
    const day = '2026-11-23';
    expect([1, 11, 21, 31, 51, 290, 10001].map((c) => priceOf(c, day))).toEqual([95, 110, 180, 290, 95, 270, 125]);
    expect([1002, 1007, 1008].map((c) => priceOf(c, day))).toEqual([330, 360, 580]);
    expect(productByCode(1007)!.tracked).toBe(true);
  });
  it('knows no price outside a price list’s validity (2027 prices are not published)', () => {
    expect(priceOf(1, '2024-12-31')).toBeNull();
    expect(priceOf(1, '2027-01-01')).toBeNull();
  });
  it('agrees with the fake server’s independently typed price list on every product', () => {
    for (const p of PRODUCTS) expect([p.code, priceOf(p.code, '2026-06-01')]).toEqual([p.code, FAKE_PPL[p.code]!.price]);
  });
});

describe('the rule table', () => {
  const pick = (country: string, weightG: number | null, itemCount = 1) => pickProduct({ country, weightG, itemCount }).productCode;
  it('picks by weight, domestic and international', () => {
    expect([pick('DE', 15), pick('DE', 20), pick('DE', 21), pick('DE', 480), pick('DE', 900)]).toEqual([1, 1, 11, 21, 31]);
    expect([pick('AT', 18), pick('AT', 45), pick('FR', 400), pick('US', 999)]).toEqual([10001, 10011, 10051, 10071]);
  });
  it('picks by item count when the weight is unknown', () => {
    expect([pick('DE', null, 1), pick('DE', null, 3)]).toEqual([21, 31]);
  });
  it('an override wins; too heavy for any letter is said so', () => {
    expect(pickProduct({ country: 'DE', weightG: 15, itemCount: 1 }, DEFAULT_RULES, 1007)).toMatchObject({ productCode: 1007, reason: 'override' });
    expect(pickProduct({ country: 'DE', weightG: 2500, itemCount: 1 })).toMatchObject({ productCode: null, reason: 'too_heavy' });
  });
  it('never picks a product the weight does not fit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.constantFrom('DE', 'AT', 'US'), (w, c) => {
        const code = pick(c, w);
        const p = productByCode(code!)!;
        return p.maxWeightG === null || w <= p.maxWeightG;
      }),
    );
  });
  it('order weight: own weight, else items when all are known', () => {
    expect(orderWeightG({ weightGrams: null, items: [{ weightGrams: 30, quantity: 2 }] })).toBe(60);
    expect(orderWeightG({ weightGrams: null, items: [{ weightGrams: 30, quantity: 2 }, { weightGrams: null, quantity: 1 }] })).toBeNull();
  });
});

describe('layout, validity and address rules', () => {
  it('fills label positions row-major from a start slot onto later pages', () => {
    expect(labelPositions({ labelX: 2, labelY: 5 }, 3, 10)).toEqual([
      { labelX: 2, labelY: 5, page: 1 }, { labelX: 1, labelY: 1, page: 2 }, { labelX: 2, labelY: 1, page: 2 },
    ]);
    expect(() => labelPositions({ labelX: 2, labelY: 5 }, 1, 11)).toThrow();
  });
  it('refund window 14 days, validity 3 years', () => {
    const bought = '2026-11-23T09:00:00.000Z';
    expect(refundDeadline(bought)).toBe('2026-12-07T09:00:00.000Z');
    expect(validUntil(bought)).toBe('2029-11-23T09:00:00.000Z');
    expect(isRefundable('valid', bought, '2026-12-07T08:59:59.000Z')).toBe(true);
    expect(isRefundable('valid', bought, '2026-12-07T09:00:00.000Z')).toBe(false);
    expect(stampStatus('valid', bought, '2029-11-23T09:00:00.000Z')).toBe('expired');
    expect(stampStatus('refunded', bought, '2026-11-24T00:00:00.000Z')).toBe('refunded');
  });
  it('builds the Internetmarke address and names what is missing', () => {
    const base = { name: 'Bernd Müller', company: 'ACME GmbH', careOf: '', kind: 'street' as const, street: 'Nußhäherstraße', houseNumber: '10', addition: '', postNumber: '', zip: '12345', city: 'München', country: 'DE' };
    expect(toImAddress(base, 'Empfänger')).toEqual({
      ok: true,
      address: { name: 'Bernd Müller', additionalName: 'ACME GmbH', addressLine1: 'Nußhäherstraße 10', postalCode: '12345', city: 'München', country: 'DEU' },
    });
    const ps = toImAddress({ ...base, company: '', kind: 'packstation', street: 'Packstation', houseNumber: '105', postNumber: '12345678' }, 'Empfänger');
    expect(ps).toMatchObject({ ok: true, address: { addressLine1: 'Packstation 105', addressLine2: '12345678' } });
    const bad = toImAddress({ ...base, zip: '1234', city: '' }, 'Empfänger');
    expect(bad).toEqual({ ok: false, problems: ['Empfänger: PLZ „1234“ muss fünfstellig sein', 'Empfänger: Ort fehlt'] });
  });
});
