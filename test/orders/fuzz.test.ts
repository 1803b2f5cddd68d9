import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, sniffDelimiter } from '../../main/services/orders/importers/csv';
import { formats, sourceFile, detectFormat } from '../../main/services/orders/importers/registry';
import { RowError } from '../../main/services/orders/importers/types';
import { parseAmountCents } from '../../shared/orders/money';
import { parseDateUtc } from '../../shared/orders/dates';
import { splitStreet } from '../../shared/address/street';
import { parseAddress } from '../../shared/address/parse';
import { readFileSync } from 'node:fs';
import { fixture } from './helpers';

/** Runs every parser on the input: it may reject it (RowError → a message for the seller), never crash or hang. */
function parseAll(text: string) {
  const src = sourceFile('fuzz.csv', new TextEncoder().encode(text));
  detectFormat(src);
  for (const f of formats) {
    try {
      const r = f.parse([src], { mapping: { name: 'fuzz', delimiter: 'auto', dateOrder: 'dmy', columns: { externalId: 'a', orderDate: 'b', shipName: 'c', shipStreet: 'd', shipZip: 'e', shipCity: 'f', shipCountry: 'g', itemTitle: 'h', itemPrice: 'i' } } });
      for (const rej of r.rejections) expect(typeof rej.line).toBe('number');
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
    }
  }
}

const csvish = fc.array(fc.oneof(fc.constantFrom(',', ';', '\t', '"', '\n', '\r\n', '""', '{', '}', '[', ']', ':', '€', '1,00', 'Verkaufsprotokollnummer', 'Bestellnummer', 'order-id', 'purchase-date', 'sku', 'Name', 'Lineitem name', 'Created at', 'Total', 'Order ID', 'Transaction ID', 'Item Name', '{"order":{"line_items":[', '"payload":'), fc.string({ maxLength: 8 })), { maxLength: 120 }).map((a) => a.join(''));

describe('fuzzing the importers (fast-check): no input may crash or hang them', () => {
  it('the CSV reader accepts anything in linear time and keeps line numbers increasing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(',', ';', '\t'), (s, d) => {
        const recs = parseCsv(s, d);
        for (let i = 1; i < recs.length; i++) expect(recs[i]!.line).toBeGreaterThan(recs[i - 1]!.line);
      }),
      { numRuns: 400 },
    );
    const big = '"'.repeat(200_000) + ',\n'.repeat(100_000);
    const t = performance.now();
    parseCsv(big, ',');
    sniffDelimiter(big);
    expect(performance.now() - t).toBeLessThan(20_000);
  });

  it('every format parser on CSV-like and JSON-like junk', () => {
    fc.assert(fc.property(csvish, (s) => parseAll(s)), { numRuns: 300 });
  });

  it('mutated real files (bytes flipped, lines cut) are rejected row by row, never crash', () => {
    const files = ['ebay-de-bestellungen.csv', 'ebay-en-orders.csv', 'amazon-bestellbericht-cp1252.txt', 'EtsySoldOrderItems2026.csv', 'shopify-orders-export.csv', 'woocommerce-orders.json'].map((f) => readFileSync(fixture(f)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: files.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), fc.nat(), (fi, flips, cut) => {
        const bytes = Uint8Array.from(files[fi]!);
        for (const [pos, b] of flips) bytes[pos % bytes.length] = b;
        const text = new TextDecoder().decode(bytes.subarray(0, bytes.length - (cut % 200)));
        parseAll(text);
      }),
      { numRuns: 200 },
    );
  });

  it('amounts, dates, streets and addresses never throw on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const c = parseAmountCents(s);
        expect(c === null || Number.isSafeInteger(c)).toBe(true);
        const d = parseDateUtc(s);
        expect(d === null || !Number.isNaN(Date.parse(d))).toBe(true);
        const sp = splitStreet(s);
        expect(typeof sp.street).toBe('string');
        try {
          parseAddress({ name: s, lines: [s, s.slice(3)], zip: s.slice(0, 5), city: s, country: 'DE' });
        } catch (e) {
          throw new Error(`parseAddress threw on ${JSON.stringify(s)}: ${String(e)}`);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
