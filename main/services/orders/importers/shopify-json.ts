import type { OrderStatus } from '../../../../shared/domain/order';
import type { Address } from '../../../../shared/domain/address';
import { address, cents, collect, date, draft, emptyResult, quantity } from './build';
import { lineOf, obj, parseJson, sniffJson, str } from './json-util';
import { RowError, type ImportFormat } from './types';

/**
 * Shopify REST Admin order JSON (`{"order": …}` or `{"orders": […]}`, order-formats.md §4.2).
 * Money is strings; tracking only from a fulfillment that succeeded; cancelled_at → storniert.
 */
const ordersOf = (v: unknown): Record<string, any>[] | null => {
  const o = obj(v);
  if (!o) return null;
  if (obj(o.order) && Array.isArray(o.order.line_items)) return [o.order];
  if (Array.isArray(o.orders) && o.orders.every((x: unknown) => obj(x) && Array.isArray((x as any).line_items) && 'total_price' in (x as any))) return o.orders;
  return null;
};

function addr(a: Record<string, any> | null, field: string): Address | null {
  if (!a) return null;
  return address(
    {
      name: str(a.name) || `${str(a.first_name)} ${str(a.last_name)}`.trim(), company: str(a.company), lines: [str(a.address1), str(a.address2)],
      zip: str(a.zip), city: str(a.city), state: str(a.province), country: str(a.country_code) || str(a.country), phone: str(a.phone),
    },
    field,
  );
}

export const shopifyJson: ImportFormat = {
  id: 'shopify-json',
  label: 'Shopify Bestellung (REST-JSON)',
  hint: 'Antwort der Shopify Admin REST API (orders.json)',
  detect: (src) => (ordersOf(sniffJson(src.text)) ? 1 : 0),
  parse(files) {
    const result = emptyResult();
    for (const src of files) {
      const orders = ordersOf(parseJson(src.text));
      if (!orders) throw new RowError('JSON', 'Keine Shopify-Bestellung („order“ mit „line_items“) gefunden');
      for (const o of orders) {
        const line = lineOf(src.text, `"id": ${str(o.id)}`);
        collect(src.name, result, line, () => {
          const items = (o.line_items as Record<string, any>[]).map((li, i) => ({
            title: str(li.name) || str(li.title) || `Artikel ${i + 1}`,
            sku: str(li.sku),
            quantity: quantity(str(li.quantity), `line_items[${i}].quantity`),
            unitPriceCents: cents(str(li.price), `line_items[${i}].price`, { required: true }),
            externalLineId: str(li.id),
            weightGrams: Number.isInteger(li.grams) && li.grams >= 0 ? li.grams : null,
          }));
          const shipTo = addr(obj(o.shipping_address), 'shipping_address.country_code') ?? addr(obj(o.billing_address), 'billing_address.country_code');
          if (!shipTo) throw new RowError('shipping_address', 'Lieferadresse fehlt');
          const bill = addr(obj(o.billing_address), 'billing_address.country_code');
          const okFulfillments = (Array.isArray(o.fulfillments) ? o.fulfillments : []).filter((f: any) => str(f?.status) === 'success');
          const tracking = okFulfillments.map((f: any) => str(f.tracking_number)).find(Boolean) ?? '';
          const status: OrderStatus = o.cancelled_at ? 'cancelled' : str(o.fulfillment_status) === 'fulfilled' ? 'shipped' : 'new';
          const shipping = (Array.isArray(o.shipping_lines) ? o.shipping_lines : []).reduce((s: number, l: any, i: number) => s + cents(str(l?.price), `shipping_lines[${i}].price`), 0);
          const customer = obj(o.customer);
          return {
            file: src.name,
            line,
            draft: draft({
              channel: 'shopify', marketplace: 'shopify', externalId: str(o.name) || str(o.id), status,
              orderDate: date(str(o.created_at), 'created_at')!,
              buyerName: (customer ? `${str(customer.first_name)} ${str(customer.last_name)}`.trim() : '') || bill?.name || shipTo.name,
              buyerEmail: str(o.email), shipTo, billTo: bill && JSON.stringify(bill) !== JSON.stringify(shipTo) ? bill : null,
              currency: str(o.currency).toUpperCase() || 'EUR', items, shippingCents: shipping,
              totalCents: cents(str(o.total_price), 'total_price', { required: true }),
              trackingNumber: tracking, carrier: okFulfillments.map((f: any) => str(f.tracking_company)).find(Boolean) ?? '',
              shippedAt: status === 'shipped' ? date(str(okFulfillments[0]?.created_at), 'fulfillments.created_at', 'dmy', false) : null,
              note: str(o.note),
            }),
          };
        });
      }
    }
    return result;
  },
};
