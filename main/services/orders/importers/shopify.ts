import type { OrderItemInput, OrderStatus } from '../../../../shared/domain/order';
import type { Address } from '../../../../shared/domain/address';
import { detectByHeader, openTable } from './table';
import { address, cents, collect, date, draft, emptyResult, quantity } from './build';
import { RowError, type ImportFormat } from './types';
import type { CsvRecord } from './csv';

/**
 * Shopify admin "Export orders" CSV (order-formats.md §4.1) and the Transporter import CSV
 * (samples/shopify-transporter-orders.csv). Both: one row per line item, grouped by `Name`; later rows
 * leave order columns blank. Transporter rows may hold only a shipping line or a transaction. Countries:
 * prefer the ISO code column ("Canaada" with CA). Timestamps "2018-01-04 15:51:23 -0800".
 */
const C = {
  name: ['Name'],
  email: ['Email'],
  financial: ['Financial Status'],
  fulfillment: ['Fulfillment Status'],
  fulfilledAt: ['Fulfilled at'],
  paidAt: ['Paid at'],
  currency: ['Currency'],
  subtotal: ['Subtotal'],
  shipping: ['Shipping'],
  taxes: ['Taxes', 'Total Tax'],
  total: ['Total'],
  discountAmount: ['Discount Amount', 'Discount amount'],
  createdAt: ['Created at', 'Processed At'],
  cancelledAt: ['Cancelled at', 'Cancelled At'],
  note: ['Notes', 'Note'],
  liQty: ['Lineitem quantity'],
  liName: ['Lineitem name'],
  liPrice: ['Lineitem price'],
  liSku: ['Lineitem sku'],
  liTax: ['Tax 1 Price'],
  billName: ['Billing Name'],
  billStreet: ['Billing Street'],
  billAddr1: ['Billing Address1'],
  billAddr2: ['Billing Address2'],
  billCompany: ['Billing Company'],
  billCity: ['Billing City'],
  billZip: ['Billing Zip'],
  billProvince: ['Billing Province'],
  billCountry: ['Billing Country'],
  billCountryCode: ['Billing Country Code'],
  billPhone: ['Billing Phone'],
  shipName: ['Shipping Name'],
  shipAddr1: ['Shipping Address1'],
  shipAddr2: ['Shipping Address2'],
  shipCompany: ['Shipping Company'],
  shipCity: ['Shipping City'],
  shipZip: ['Shipping Zip'],
  shipProvince: ['Shipping Province'],
  shipCountry: ['Shipping Country'],
  shipCountryCode: ['Shipping Country Code'],
  shipPhone: ['Shipping Phone'],
  shipLinePrice: ['Shipping line price'],
  shipLineTitle: ['Shipping line title'],
  shipMethod: ['Shipping Method'],
  id: ['Id'],
};
type K = keyof typeof C;
const REQ_EXPORT = [C.name, C.liName, ['Created at'], ['Total']];
const REQ_TRANSPORTER = [C.name, C.liName, ['Processed At'], ['Shipping Address1']];

function makeFormat(id: string, label: string, hint: string, required: string[][], transporter: boolean): ImportFormat {
  return {
    id,
    label,
    hint,
    detect: (src) => detectByHeader(src.text, required),
    parse(files) {
      const result = emptyResult();
      for (const src of files) {
        const t = openTable(src.text, required, C, ',');
        if (!t) throw new RowError('Kopfzeile', 'Keine Shopify-Kopfzeile gefunden');
        const groups = new Map<string, CsvRecord[]>();
        for (const r of t.rows) {
          const n = t.get(r, 'name');
          if (!n) continue;
          const g = groups.get(n);
          if (g) g.push(r);
          else groups.set(n, [r]);
        }
        const first = (rows: CsvRecord[], f: K) => rows.map((r) => t.get(r, f)).find((v) => v && v !== 'null') ?? '';
        for (const [name, rows] of groups) {
          const h = rows[0]!;
          collect(src.name, result, h.line, () => {
            const itemRows = rows.filter((r) => t.get(r, 'liName'));
            if (!itemRows.length) throw new RowError(t.label('liName'), 'Bestellung ohne Artikelzeile');
            const items: OrderItemInput[] = itemRows.map((r) => ({
              title: t.get(r, 'liName'),
              sku: t.get(r, 'liSku'),
              quantity: quantity(t.get(r, 'liQty'), t.label('liQty')),
              unitPriceCents: cents(t.get(r, 'liPrice'), t.label('liPrice'), { required: true }),
            }));
            const cancelled = !!first(rows, 'cancelledAt');
            const addr = (p: 'ship' | 'bill'): Address | null => {
              const g = (f: string) => first(rows, `${p}${f}` as K);
              const country = g('CountryCode') || g('Country');
              const any = g('Addr1') || g('City') || g('Zip');
              if (!any && !country) return null;
              return address(
                { name: g('Name') || '', company: g('Company'), lines: [g('Addr1') || g('Street'), g('Addr2')], zip: g('Zip'), city: g('City'), state: g('Province'), country, phone: g('Phone') },
                t.label(`${p}CountryCode` as K) || t.label(`${p}Country` as K),
              );
            };
            const ship = addr('ship');
            const bill = addr('bill');
            let shipTo = ship ?? bill;
            if (!shipTo) {
              // A cancelled order may come without any address (refunded before shipping): keep it, visibly
              // incomplete, so the seller sees the cancellation; anything else must name the missing field.
              if (!cancelled) throw new RowError(t.label('shipCountryCode') || t.label('shipCountry'), 'Lieferadresse fehlt');
              shipTo = address({ name: first(rows, 'billCompany') || first(rows, 'billName'), lines: [], zip: '', city: '', country: 'ZZ' }, t.label('shipCountry'));
            }
            const goods = items.reduce((s, i) => s + i.unitPriceCents * i.quantity!, 0);
            let shippingCents: number;
            let totalCents: number;
            if (transporter) {
              shippingCents = rows.reduce((s, r) => s + cents(t.get(r, 'shipLinePrice'), t.label('shipLinePrice')), 0);
              const tax = rows.reduce((s, r) => s + cents(t.get(r, 'liTax'), t.label('liTax')), 0);
              const discount = Math.abs(cents(first(rows, 'discountAmount'), t.label('discountAmount')));
              totalCents = goods + shippingCents + tax - discount;
            } else {
              shippingCents = cents(first(rows, 'shipping'), t.label('shipping'));
              totalCents = cents(first(rows, 'total'), t.label('total'), { required: true });
            }
            const fulfilled = /^fulfilled$/i.test(first(rows, 'fulfillment'));
            const status: OrderStatus = cancelled ? 'cancelled' : fulfilled ? 'shipped' : 'new';
            const billName = first(rows, 'billName');
            return {
              file: src.name,
              line: h.line,
              draft: draft({
                channel: 'shopify',
                marketplace: 'shopify',
                externalId: name,
                status,
                orderDate: date(first(rows, 'createdAt'), t.label('createdAt'))!,
                paidAt: date(first(rows, 'paidAt'), t.label('paidAt'), 'dmy', false),
                buyerName: billName || shipTo.name || first(rows, 'billCompany'),
                buyerEmail: first(rows, 'email'),
                shipTo,
                billTo: ship && bill && JSON.stringify(ship) !== JSON.stringify(bill) ? bill : null,
                currency: (first(rows, 'currency') || 'EUR').toUpperCase(),
                items,
                shippingCents,
                totalCents,
                carrier: first(rows, 'shipLineTitle') || first(rows, 'shipMethod'),
                shippedAt: fulfilled ? date(first(rows, 'fulfilledAt'), t.label('fulfilledAt'), 'dmy', false) : null,
                note: first(rows, 'note'),
              }),
            };
          });
        }
      }
      return result;
    },
  };
}

export const shopifyCsv = makeFormat('shopify', 'Shopify Bestellexport (CSV)', 'Shopify-Admin → Bestellungen → Exportieren (CSV für Excel o. ä.)', REQ_EXPORT, false);
export const shopifyTransporter = makeFormat(
  'shopify-transporter', 'Shopify Transporter (CSV)', 'Bestell-CSV im Shopify-Transporter-Format', REQ_TRANSPORTER, true,
);
