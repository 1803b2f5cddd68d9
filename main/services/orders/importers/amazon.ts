import type { OrderItemInput, OrderStatus } from '../../../../shared/domain/order';
import { detectByHeader, openTable } from './table';
import { address, cents, collect, date, draft, emptyResult, quantity, unitFromTotal } from './build';
import { RowError, type ImportFormat } from './types';
import type { CsvRecord } from './csv';

/**
 * Amazon Seller Central order reports (order-formats.md §2.1): tab-separated, UTF-8 or Windows-1252,
 * one row per order item with the order and address repeated, continuation rows with most columns
 * blank. Covers the order report ("New Orders"), "Unshipped Orders" (no prices) and "All Orders"
 * (amazon-order-id, no name/street). Amounts are totals for the quantity.
 */
const C = {
  orderId: ['order-id', 'amazon-order-id'],
  itemId: ['order-item-id'],
  purchaseDate: ['purchase-date'],
  paymentsDate: ['payments-date'],
  status: ['order-status'],
  salesChannel: ['sales-channel'],
  buyerEmail: ['buyer-email'],
  buyerName: ['buyer-name'],
  buyerPhone: ['buyer-phone-number'],
  buyerCompany: ['buyer-company-name'],
  sku: ['sku'],
  title: ['product-name'],
  qty: ['quantity-purchased', 'quantity'],
  currency: ['currency'],
  itemPrice: ['item-price'],
  shippingPrice: ['shipping-price'],
  giftWrap: ['gift-wrap-price'],
  itemPromo: ['item-promotion-discount'],
  shipPromo: ['ship-promotion-discount'],
  recipient: ['recipient-name'],
  addr1: ['ship-address-1'],
  addr2: ['ship-address-2'],
  addr3: ['ship-address-3'],
  city: ['ship-city'],
  state: ['ship-state'],
  zip: ['ship-postal-code'],
  country: ['ship-country'],
  phone: ['ship-phone-number'],
  vatNumber: ['buyer-vat-number', 'buyer-tax-registration-id'],
  tracking: ['tracking-number'],
  carrier: ['carrier-name', 'carrier'],
  shipDate: ['ship-date'],
};
const REQUIRED = [C.orderId, C.purchaseDate, ['sku', 'product-name']];

const statusOf = (s: string): OrderStatus => (/^shipped$/i.test(s) ? 'shipped' : /cancel/i.test(s) ? 'cancelled' : 'new');

export const amazonTsv: ImportFormat = {
  id: 'amazon',
  label: 'Amazon Bestellbericht (Textdatei, Tab-getrennt)',
  hint: 'Seller Central → Berichte → Versand durch Händler / Bestellberichte (.txt)',
  detect: (src) => detectByHeader(src.text, REQUIRED),
  parse(files) {
    const result = emptyResult();
    for (const src of files) {
      const t = openTable(src.text, REQUIRED, C, '\t');
      if (!t) throw new RowError('Kopfzeile', 'Keine Amazon-Kopfzeile (order-id, purchase-date, sku) gefunden');
      const groups = new Map<string, CsvRecord[]>();
      for (const r of t.rows) {
        const id = t.get(r, 'orderId');
        if (!id) continue;
        const g = groups.get(id);
        if (g) g.push(r);
        else groups.set(id, [r]);
      }
      for (const [externalId, rows] of groups) {
        const h = rows[0]!;
        collect(src.name, result, h.line, () => {
          // Continuation rows (no item, no sku) only carry extra promotions.
          const itemRows = rows.filter((r) => t.get(r, 'sku') || t.get(r, 'title') || t.get(r, 'itemId'));
          if (itemRows.length === 0) throw new RowError(t.label('sku'), 'Bestellung ohne Artikelzeile');
          let promo = 0;
          let shipping = 0;
          let goods = 0;
          const items: OrderItemInput[] = itemRows.map((r) => {
            const qty = quantity(t.get(r, 'qty'), t.label('qty'));
            const line = cents(t.get(r, 'itemPrice'), t.label('itemPrice'));
            goods += line;
            shipping += cents(t.get(r, 'shippingPrice'), t.label('shippingPrice')) + cents(t.get(r, 'giftWrap'), t.label('giftWrap'));
            return { sku: t.get(r, 'sku'), title: t.get(r, 'title') || t.get(r, 'sku'), quantity: qty, unitPriceCents: unitFromTotal(line, qty), externalLineId: t.get(r, 'itemId') };
          });
          for (const r of rows) promo += Math.abs(cents(t.get(r, 'itemPromo'), t.label('itemPromo'))) + Math.abs(cents(t.get(r, 'shipPromo'), t.label('shipPromo')));
          const country = t.get(h, 'country');
          const shipTo = address(
            {
              name: t.get(h, 'recipient') || t.get(h, 'buyerName'),
              company: t.get(h, 'buyerCompany'),
              lines: [t.get(h, 'addr1'), t.get(h, 'addr2'), t.get(h, 'addr3')],
              zip: t.get(h, 'zip'), city: t.get(h, 'city'), state: t.get(h, 'state'), country, phone: t.get(h, 'phone') || t.get(h, 'buyerPhone'),
            },
            t.label('country'),
          );
          const sales = t.get(h, 'salesChannel').toLowerCase();
          const tracking = t.get(h, 'tracking').replace(/\s+/g, '');
          const status = tracking ? 'shipped' : statusOf(t.get(h, 'status'));
          return {
            file: src.name,
            line: h.line,
            draft: draft({
              channel: 'amazon',
              marketplace: /^amazon\.[a-z.]+$/.test(sales) ? sales : `amazon.${shipTo.country === 'GB' ? 'co.uk' : shipTo.country.toLowerCase()}`,
              externalId,
              status,
              orderDate: date(t.get(h, 'purchaseDate'), t.label('purchaseDate'))!,
              paidAt: date(t.get(h, 'paymentsDate'), t.label('paymentsDate'), 'dmy', false),
              buyerName: t.get(h, 'buyerName') || shipTo.name,
              buyerEmail: t.get(h, 'buyerEmail'),
              buyerVatId: t.get(h, 'vatNumber'),
              shipTo,
              currency: (t.get(h, 'currency') || 'EUR').toUpperCase(),
              items,
              shippingCents: shipping,
              totalCents: goods + shipping - promo,
              trackingNumber: tracking,
              carrier: t.get(h, 'carrier'),
              shippedAt: status === 'shipped' ? date(t.get(h, 'shipDate'), t.label('shipDate'), 'dmy', false) : null,
            }),
          };
        });
      }
    }
    return result;
  },
};
