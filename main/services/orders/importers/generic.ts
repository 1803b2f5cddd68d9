import type { OrderItemInput, OrderStatus } from '../../../../shared/domain/order';
import { parseCsv, sniffDelimiter, isBlankRecord, type CsvRecord } from './csv';
import { headLines } from './table';
import { address, cents, collect, date, draft, emptyResult, quantity } from './build';
import { RowError, type ImportFormat } from './types';
import { GENERIC_FIELDS, GENERIC_REQUIRED, type GenericField } from '../../../../shared/orders/generic-fields';

/**
 * Any other CSV, with a column mapping the seller saved once (Einstellungen → Import-Zuordnung or
 * `portodesk orders mapping save`). Rows with the same order number are one order (one row per item).
 */
export { GENERIC_FIELDS, GENERIC_REQUIRED, type GenericField };

const statusOf = (s: string): OrderStatus => (/versend|shipped|complete|abgeschlossen/i.test(s) ? 'shipped' : /storn|cancel/i.test(s) ? 'cancelled' : 'new');

export const genericCsv: ImportFormat = {
  id: 'generic',
  label: 'Andere CSV-Datei (mit gespeicherter Spaltenzuordnung)',
  hint: 'Jede CSV-Datei: einmal die Spalten zuordnen, dann immer wieder importieren',
  detect: () => 0,
  parse(files, ctx) {
    const m = ctx.mapping;
    if (!m) throw new RowError('Zuordnung', 'Für „Andere CSV-Datei“ bitte eine gespeicherte Spaltenzuordnung wählen (--mapping NAME)');
    const result = emptyResult();
    for (const src of files) {
      const delim = m.delimiter === 'auto' ? sniffDelimiter(headLines(src.text)) : m.delimiter;
      const recs = parseCsv(src.text, delim);
      const header = (recs[0]?.cells ?? []).map((c) => c.replace(/^\uFEFF/, '').trim());
      const idx = new Map<GenericField, number>();
      for (const f of GENERIC_FIELDS) {
        const col = m.columns[f];
        if (!col) continue;
        const i = header.indexOf(col);
        if (i < 0) throw new RowError(col, `Spalte „${col}“ der Zuordnung „${m.name}“ fehlt in der Kopfzeile`);
        idx.set(f, i);
      }
      for (const f of GENERIC_REQUIRED) if (!idx.has(f)) throw new RowError(f, `Die Zuordnung „${m.name}“ nennt keine Spalte für ${f}`);
      const get = (r: CsvRecord, f: GenericField) => (idx.has(f) ? (r.cells[idx.get(f)!] ?? '').trim() : '');
      const label = (f: GenericField) => m.columns[f] ?? f;
      const groups = new Map<string, CsvRecord[]>();
      for (const r of recs.slice(1)) {
        if (isBlankRecord(r)) continue;
        const id = get(r, 'externalId');
        if (!id) {
          result.rejections.push({ file: src.name, line: r.line, field: label('externalId'), message: 'Bestellnummer fehlt' });
          continue;
        }
        const g = groups.get(id);
        if (g) g.push(r);
        else groups.set(id, [r]);
      }
      for (const [id, rows] of groups) {
        const h = rows[0]!;
        collect(src.name, result, h.line, () => {
          const items: OrderItemInput[] = rows.map((r) => ({
            title: get(r, 'itemTitle') || (() => { throw new RowError(label('itemTitle'), 'Pflichtfeld ist leer'); })(),
            sku: get(r, 'itemSku'),
            quantity: quantity(get(r, 'itemQuantity'), label('itemQuantity')),
            unitPriceCents: cents(get(r, 'itemPrice'), label('itemPrice'), { required: true }),
          }));
          const shipping = cents(get(h, 'shipping'), label('shipping'));
          const goods = items.reduce((s, i) => s + i.unitPriceCents * i.quantity!, 0);
          const shipTo = address(
            { name: get(h, 'shipName'), company: get(h, 'shipCompany'), lines: [get(h, 'shipStreet'), get(h, 'shipLine2')], zip: get(h, 'shipZip'), city: get(h, 'shipCity'), country: get(h, 'shipCountry') },
            label('shipCountry'),
          );
          const tracking = get(h, 'trackingNumber');
          return {
            file: src.name,
            line: h.line,
            draft: draft({
              channel: 'generic', marketplace: m.name, externalId: id, status: tracking ? 'shipped' : statusOf(get(h, 'status')),
              orderDate: date(get(h, 'orderDate'), label('orderDate'), m.dateOrder)!, buyerName: get(h, 'buyerName') || shipTo.name,
              buyerEmail: get(h, 'buyerEmail'), shipTo, currency: (get(h, 'currency') || 'EUR').toUpperCase(), items, shippingCents: shipping,
              totalCents: get(h, 'total') ? cents(get(h, 'total'), label('total')) : goods + shipping, trackingNumber: tracking, note: get(h, 'note'),
            }),
          };
        });
      }
    }
    return result;
  },
};
