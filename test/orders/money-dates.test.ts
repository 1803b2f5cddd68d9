import { describe, expect, it } from 'vitest';
import { parseAmountCents, currencyOf } from '../../shared/orders/money';
import { parseDateUtc } from '../../shared/orders/dates';

describe('amounts → integer cents, never with the host locale', () => {
  it.each([
    ['$36.00', 3600], ['£5', 500], ['44,99', 4499], ['1.234,50', 123450], ['1,234.50', 123450], ['EUR 116,99', 11699],
    ['116,99 €', 11699], ['3.3', 330], ['-0.03', -3], ['-£0.03', -3], ['10', 1000], ['1.234', 123400], ['0,5', 50], ['(2.50)', -250], ['4,999', 499900],
  ])('%s → %i', (raw, cents) => expect(parseAmountCents(raw)).toBe(cents));
  it.each(['zwölf Euro', '1,2,3', '12.345,67,8', '', '€', '1..2'])('rejects %j', (raw) => expect(parseAmountCents(raw)).toBeNull());
  it('finds the currency', () => expect(['$36.00', '£5', '12,00 €', 'EUR 3', '7'].map(currencyOf)).toEqual(['USD', 'GBP', 'EUR', 'EUR', null]));
});

describe('dates → UTC', () => {
  it('eBay EN "Sep-25-23" and eBay DE "10-Dez-25" are Berlin calendar days', () => {
    expect(parseDateUtc('Sep-25-23')).toBe('2023-09-24T22:00:00.000Z');
    expect(parseDateUtc('10-Dez-25')).toBe('2025-12-09T23:00:00.000Z');
    expect(parseDateUtc('12-Mär-26')).toBe('2026-03-11T23:00:00.000Z');
    expect(parseDateUtc('01-Mai-26')).toBe('2026-04-30T22:00:00.000Z');
    expect(parseDateUtc('28-Okt-26')).toBe('2026-10-27T23:00:00.000Z');
  });
  it('Etsy MM/DD/YY, German DD.MM.YYYY', () => {
    expect(parseDateUtc('11/18/26', 'mdy')).toBe('2026-11-17T23:00:00.000Z');
    expect(parseDateUtc('18.11.2026 14:03')).toBe('2026-11-18T13:03:00.000Z');
  });
  it('offsets: Shopify "2018-01-04 15:51:23 -0800", ISO with Z and +01:00, epoch seconds', () => {
    expect(parseDateUtc('2018-01-04 15:51:23 -0800')).toBe('2018-01-04T23:51:23.000Z');
    expect(parseDateUtc('2025-10-15T14:22:33Z')).toBe('2025-10-15T14:22:33.000Z');
    expect(parseDateUtc('2026-11-20T17:45:51+01:00')).toBe('2026-11-20T16:45:51.000Z');
    expect(parseDateUtc(1700000000)).toBe('2023-11-14T22:13:20.000Z');
  });
  it('rejects impossible dates', () => {
    for (const s of ['31-Feb-26', '2026-13-01', 'Foo-12-23', 'gestern', '32.01.2026']) expect(parseDateUtc(s)).toBeNull();
  });
});
