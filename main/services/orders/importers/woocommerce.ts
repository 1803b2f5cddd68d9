import type { OrderItemInput, OrderStatus } from '../../../../shared/domain/order';
import type { Address } from '../../../../shared/domain/address';
import { detectByHeader, openTable } from './table';
import { address, cents, collect, date, draft, emptyResult, quantity } from './build';
import { lineOf, obj, parseJson, sniffJson, str } from './json-util';
import { RowError, type ImportFormat } from './types';
import type { CsvRecord } from './csv';

/**
 * WooCommerce orders (order-formats.md §4.3). REST v3 JSON (one order or an array; date_created_gmt
 * is UTC, date_created is site time without offset) and CSV as the common export plugins write it:
 * snake_case order columns, items either one row per item (item_name, item_quantity, …) or packed in
 * `line_items` ("name:…|sku:…|quantity:…|total:…;…"). Core WooCommerce has no house-number field.
 */
const statusOf = (s: string): OrderStatus => (/completed|abgeschlossen/i.test(s) ? 'shipped' : /cancel|refund|failed|storniert|erstattet/i.test(s) ? 'cancelled' : 'new');

// ---- JSON -------------------------------------------------------------------------------------------
const wooOrders = (v: unknown): Record<string, any>[] | null => {
  const list = Array.isArray(v) ? v : obj(v) ? [v] : null;
  if (!list || list.length === 0) return null;
  return list.every((o) => obj(o) && 'line_items' in o && ('billing' in o || 'shipping' in o) && ('number' in o || 'id' in o)) ? (list as Record<string, any>[]) : null;
};

function wooAddress(a: Record<string, any> | null, field: string): Address | null {
  if (!a || !(str(a.address_1) || str(a.city) || str(a.country))) return null;
  return address(
    {
      name: `${str(a.first_name)} ${str(a.last_name)}`.trim(), company: str(a.company), lines: [str(a.address_1), str(a.address_2)],
      zip: str(a.postcode), city: str(a.city), state: str(a.state), country: str(a.country), phone: str(a.phone), email: str(a.email),
    },
    field,
  );
}

export const wooJson: ImportFormat = {
  id: 'woocommerce-json',
  label: 'WooCommerce Bestellungen (REST-JSON)',
  hint: 'Antwort der WooCommerce REST API v3 (/wp-json/wc/v3/orders)',
  detect: (src) => (wooOrders(sniffJson(src.text)) ? 1 : 0),
  parse(files) {
    const result = emptyResult();
    for (const src of files) {
      const orders = wooOrders(parseJson(src.text));
      if (!orders) throw new RowError('JSON', 'Keine WooCommerce-Bestellung (line_items, billing) gefunden');
      for (const o of orders) {
        const line = lineOf(src.text, `"id": ${str(o.id)}`);
        collect(src.name, result, line, () => {
          const items: OrderItemInput[] = (o.line_items as any[]).map((li, i) => {
            const qty = quantity(str(li.quantity), `line_items[${i}].quantity`);
            const gross = cents(str(li.total), `line_items[${i}].total`) + cents(str(li.total_tax), `line_items[${i}].total_tax`);
            return { title: str(li.name), sku: str(li.sku), quantity: qty, unitPriceCents: Math.round(gross / qty), externalLineId: str(li.id) };
          });
          const bill = wooAddress(obj(o.billing), 'billing.country');
          const shipTo = wooAddress(obj(o.shipping), 'shipping.country') ?? bill;
          if (!shipTo) throw new RowError('shipping', 'Lieferadresse fehlt');
          const shipping = cents(str(o.shipping_total), 'shipping_total') + cents(str(o.shipping_tax), 'shipping_tax');
          const gmt = str(o.date_created_gmt);
          return {
            file: src.name,
            line,
            draft: draft({
              channel: 'woocommerce', marketplace: 'woocommerce', externalId: str(o.number) || str(o.id), status: statusOf(str(o.status)),
              orderDate: gmt ? date(`${gmt}Z`, 'date_created_gmt')! : date(str(o.date_created), 'date_created')!,
              paidAt: str(o.date_paid_gmt) ? date(`${str(o.date_paid_gmt)}Z`, 'date_paid_gmt') : null,
              buyerName: bill?.name || shipTo.name, buyerEmail: str(obj(o.billing)?.email), shipTo,
              billTo: bill && JSON.stringify({ ...bill, email: '', phone: '' }) !== JSON.stringify({ ...shipTo, email: '', phone: '' }) ? bill : null,
              currency: str(o.currency).toUpperCase() || 'EUR', items, shippingCents: shipping,
              totalCents: cents(str(o.total), 'total', { required: true }), note: str(o.customer_note),
            }),
          };
        });
      }
    }
    return result;
  },
};

// ---- CSV --------------------------------------------------------------------------------------------
const C = {
  id: ['order_number', 'order_id', 'Order Number', 'Bestellnummer'],
  date: ['order_date', 'date', 'Order Date', 'Bestelldatum'],
  status: ['status', 'order_status', 'Order Status', 'Bestellstatus'],
  total: ['order_total', 'Order Total', 'Gesamtsumme'],
  shipping: ['shipping_total', 'Shipping Total', 'Versandkosten'],
  shippingTax: ['shipping_tax_total', 'Shipping Tax Total'],
  currency: ['order_currency', 'currency', 'Currency', 'Währung'],
  email: ['billing_email', 'Billing Email', 'E-Mail (Rechnung)'],
  note: ['customer_note', 'Customer Note'],
  bFirst: ['billing_first_name', 'Billing First Name'], bLast: ['billing_last_name', 'Billing Last Name'],
  bCompany: ['billing_company', 'Billing Company'], bAddr1: ['billing_address_1', 'Billing Address 1'],
  bAddr2: ['billing_address_2', 'Billing Address 2'], bZip: ['billing_postcode', 'Billing Postcode'],
  bCity: ['billing_city', 'Billing City'], bState: ['billing_state', 'Billing State'], bCountry: ['billing_country', 'Billing Country'],
  sFirst: ['shipping_first_name', 'Shipping First Name'], sLast: ['shipping_last_name', 'Shipping Last Name'],
  sCompany: ['shipping_company', 'Shipping Company'], sAddr1: ['shipping_address_1', 'Shipping Address 1'],
  sAddr2: ['shipping_address_2', 'Shipping Address 2'], sZip: ['shipping_postcode', 'Shipping Postcode'],
  sCity: ['shipping_city', 'Shipping City'], sState: ['shipping_state', 'Shipping State'], sCountry: ['shipping_country', 'Shipping Country'],
  lineItems: ['line_items'],
  itemName: ['item_name', 'Item Name'], itemSku: ['item_sku', 'Item SKU', 'sku'], itemQty: ['item_quantity', 'Item Quantity', 'quantity'],
  itemTotal: ['item_total', 'Item Total', 'line_total'], itemTax: ['item_tax', 'Item Tax', 'line_tax'],
};
type K = keyof typeof C;
const REQUIRED = [C.id, C.total, C.bFirst];

/** "name:Tasse|sku:T-1|quantity:2|total:20.00|tax:3.80;name:…" → items. */
function packedItems(raw: string, field: string): OrderItemInput[] {
  return raw
    .split(';')
    .filter((s) => s.trim())
    .map((entry, i) => {
      const kv = new Map(entry.split('|').map((p) => { const k = p.indexOf(':'); return [p.slice(0, k).trim(), p.slice(k + 1).trim()] as const; }));
      const qty = quantity(kv.get('quantity') ?? '1', `${field}[${i}].quantity`);
      const gross = cents(kv.get('total') ?? '', `${field}[${i}].total`, { required: true }) + cents(kv.get('tax') ?? '', `${field}[${i}].tax`);
      if (!kv.get('name')) throw new RowError(`${field}[${i}].name`, 'Artikelname fehlt');
      return { title: kv.get('name')!, sku: kv.get('sku') ?? '', quantity: qty, unitPriceCents: Math.round(gross / qty) };
    });
}

export const wooCsv: ImportFormat = {
  id: 'woocommerce',
  label: 'WooCommerce Bestellexport (CSV)',
  hint: 'WooCommerce → Bestellungen exportieren (Export-Plugin, Standardspalten)',
  detect: (src) => detectByHeader(src.text, REQUIRED),
  parse(files) {
    const result = emptyResult();
    for (const src of files) {
      const t = openTable(src.text, REQUIRED, C);
      if (!t) throw new RowError('Kopfzeile', 'Keine WooCommerce-Kopfzeile (order_number, order_total, billing_first_name) gefunden');
      const groups = new Map<string, CsvRecord[]>();
      for (const r of t.rows) {
        const id = t.get(r, 'id');
        if (!id) continue;
        const g = groups.get(id);
        if (g) g.push(r);
        else groups.set(id, [r]);
      }
      for (const [id, rows] of groups) {
        const h = rows[0]!;
        collect(src.name, result, h.line, () => {
          const g = (f: K) => t.get(h, f);
          const items = t.has('lineItems') && g('lineItems')
            ? packedItems(g('lineItems'), t.label('lineItems'))
            : rows.map((r) => {
                const qty = quantity(t.get(r, 'itemQty'), t.label('itemQty'));
                const gross = cents(t.get(r, 'itemTotal'), t.label('itemTotal'), { required: true }) + cents(t.get(r, 'itemTax'), t.label('itemTax'));
                return { title: t.need(r, 'itemName'), sku: t.get(r, 'itemSku'), quantity: qty, unitPriceCents: Math.round(gross / qty) };
              });
          const mk = (p: 'b' | 's', name: string) =>
            address(
              {
                name, company: g(`${p}Company` as K), lines: [g(`${p}Addr1` as K), g(`${p}Addr2` as K)], zip: g(`${p}Zip` as K),
                city: g(`${p}City` as K), state: g(`${p}State` as K), country: g(`${p}Country` as K) || g('bCountry'),
              },
              t.label(`${p}Country` as K),
            );
          const bill = mk('b', `${g('bFirst')} ${g('bLast')}`.trim());
          const shipTo = g('sAddr1') ? mk('s', `${g('sFirst')} ${g('sLast')}`.trim()) : bill;
          return {
            file: src.name,
            line: h.line,
            draft: draft({
              channel: 'woocommerce', marketplace: 'woocommerce', externalId: id, status: statusOf(g('status')),
              orderDate: date(g('date'), t.label('date'))!, buyerName: bill.name, buyerEmail: g('email'), shipTo,
              billTo: shipTo === bill ? null : bill, currency: (g('currency') || 'EUR').toUpperCase(), items,
              shippingCents: cents(g('shipping'), t.label('shipping')) + cents(g('shippingTax'), t.label('shippingTax')),
              totalCents: cents(g('total'), t.label('total'), { required: true }), note: g('note'),
            }),
          };
        });
      }
    }
    return result;
  },
};
