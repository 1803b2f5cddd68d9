import type { OrderItemInput, OrderStatus } from '../../../../shared/domain/order';
import { detectByHeader, openTable, type Table } from './table';
import { address, cents, collect, date, draft, emptyResult, quantity } from './build';
import { RowError, type ImportFormat, type SourceFile } from './types';
import type { CsvRecord } from './csv';

/**
 * Etsy "SoldOrders" (one row per order) and "SoldOrderItems" (one row per transaction) CSVs
 * (order-formats.md §3.1). Either file alone makes orders; both together are joined by Order ID:
 * the orders file gives totals, buyer and status, the items file the articles. Headers differ by
 * account locale ("Ship City" vs "Delivery City", "Date Shipped" vs "Date Posted"). Dates are MM/DD/YY.
 */
const ORDERS = {
  saleDate: ['Sale Date'],
  orderId: ['Order ID'],
  buyerUser: ['Buyer User ID', 'Buyer'],
  fullName: ['Full Name', 'Name'],
  items: ['Number of Items'],
  datePosted: ['Date Shipped', 'Date Posted'],
  street1: ['Street 1', 'Ship Address1'],
  street2: ['Street 2', 'Ship Address2'],
  city: ['Ship City', 'Delivery City'],
  state: ['Ship State', 'Delivery State'],
  zip: ['Ship Zipcode', 'Delivery Zipcode'],
  country: ['Ship Country', 'Delivery Country'],
  currency: ['Currency'],
  orderValue: ['Order Value'],
  discount: ['Discount Amount'],
  shippingDiscount: ['Shipping Discount', 'Delivery Discount'],
  shipping: ['Shipping', 'Delivery'],
  tax: ['Sales Tax', 'Sales tax'],
  total: ['Order Total', 'Order total'],
  status: ['Status'],
  sku: ['SKU'],
};
const ITEMS = {
  saleDate: ['Sale Date'],
  title: ['Item Name'],
  buyer: ['Buyer'],
  qty: ['Quantity'],
  price: ['Price'],
  discount: ['Discount Amount'],
  shippingDiscount: ['Shipping Discount', 'Delivery Discount'],
  shipping: ['Order Shipping', 'Order Delivery'],
  tax: ['Order Sales Tax'],
  itemTotal: ['Item Total'],
  currency: ['Currency'],
  transaction: ['Transaction ID'],
  listing: ['Listing ID'],
  datePaid: ['Date Paid'],
  dateShipped: ['Date Shipped', 'Date Posted'],
  name: ['Ship Name', 'Delivery Name'],
  addr1: ['Ship Address1', 'Delivery Address1'],
  addr2: ['Ship Address2', 'Delivery Address2'],
  city: ['Ship City', 'Delivery City'],
  state: ['Ship State', 'Delivery State'],
  zip: ['Ship Zipcode', 'Delivery Zipcode'],
  country: ['Ship Country', 'Delivery Country'],
  orderId: ['Order ID'],
  variations: ['Variations'],
  sku: ['SKU'],
  vat: ['VAT Paid by Buyer'],
};
const REQ_ORDERS = [ORDERS.orderId, ORDERS.items, ORDERS.total];
const REQ_ITEMS = [ITEMS.orderId, ITEMS.transaction, ITEMS.title];

type OT = Table<keyof typeof ORDERS>;
type IT = Table<keyof typeof ITEMS>;
/** "Erika Muster (erikam)" → name and username. */
const splitBuyer = (s: string) => {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(s);
  return m ? { name: m[1]!, user: m[2]! } : { name: s, user: '' };
};

function itemsOf(t: IT, rows: CsvRecord[]): OrderItemInput[] {
  return rows.map((r) => {
    const qty = quantity(t.get(r, 'qty'), t.label('qty'));
    const variation = t.get(r, 'variations');
    return {
      sku: t.get(r, 'sku'),
      title: t.need(r, 'title') + (variation ? ` (${variation})` : ''),
      quantity: qty,
      unitPriceCents: cents(t.get(r, 'price'), t.label('price'), { required: true }),
      externalLineId: t.get(r, 'transaction'),
    };
  });
}

const group = (rows: CsvRecord[], key: (r: CsvRecord) => string) => {
  const m = new Map<string, CsvRecord[]>();
  for (const r of rows) {
    const k = key(r);
    if (!k) continue;
    const g = m.get(k);
    if (g) g.push(r);
    else m.set(k, [r]);
  }
  return m;
};

export const etsyCsv: ImportFormat = {
  id: 'etsy',
  label: 'Etsy Bestellungen / Bestellte Artikel (CSV)',
  hint: 'Shop-Manager → Einstellungen → Optionen → Daten herunterladen: „Bestellungen“ und/oder „Bestellte Artikel“',
  joinFiles: true,
  detect: (src) => Math.max(detectByHeader(src.text, REQ_ORDERS), detectByHeader(src.text, REQ_ITEMS)),
  parse(files: SourceFile[]) {
    const result = emptyResult();
    const orderFiles: { src: SourceFile; t: OT }[] = [];
    const itemFiles: { src: SourceFile; t: IT }[] = [];
    for (const src of files) {
      const ot = openTable(src.text, REQ_ORDERS, ORDERS);
      if (ot) orderFiles.push({ src, t: ot });
      else {
        const it = openTable(src.text, REQ_ITEMS, ITEMS);
        if (!it) throw new RowError('Kopfzeile', `${src.name}: keine Etsy-Kopfzeile gefunden`);
        itemFiles.push({ src, t: it });
      }
    }
    // Items by order id across all item files
    const itemsByOrder = new Map<string, { t: IT; rows: CsvRecord[]; file: string }>();
    for (const { src, t } of itemFiles) for (const [id, rows] of group(t.rows, (r) => t.get(r, 'orderId'))) itemsByOrder.set(id, { t, rows, file: src.name });
    const used = new Set<string>();

    for (const { src, t } of orderFiles) {
      for (const r of t.rows) {
        const id = t.get(r, 'orderId');
        if (!id) continue;
        collect(src.name, result, r.line, () => {
          used.add(id);
          const joined = itemsByOrder.get(id);
          const n = quantity(t.get(r, 'items'), t.label('items'));
          const orderValue = cents(t.get(r, 'orderValue'), t.label('orderValue'));
          const items: OrderItemInput[] = joined
            ? itemsOf(joined.t, joined.rows)
            : [{ title: `Etsy-Bestellung ${id} (${n} Artikel, Einzelheiten in „Bestellte Artikel“)`, quantity: 1, unitPriceCents: orderValue, sku: t.get(r, 'sku') }];
          const posted = date(t.get(r, 'datePosted'), t.label('datePosted'), 'mdy', false);
          const status: OrderStatus = /cancel|storn/i.test(t.get(r, 'status')) ? 'cancelled' : posted ? 'shipped' : 'new';
          const { name: buyerName, user } = splitBuyer(t.get(r, 'fullName'));
          const shipTo = address(
            {
              name: joined ? joined.t.get(joined.rows[0]!, 'name') || buyerName : buyerName,
              lines: [t.get(r, 'street1'), t.get(r, 'street2')],
              zip: t.get(r, 'zip'), city: t.get(r, 'city'), state: t.get(r, 'state'), country: t.get(r, 'country'),
            },
            t.label('country'),
          );
          return {
            file: src.name,
            line: r.line,
            draft: draft({
              channel: 'etsy', marketplace: 'etsy.com', externalId: id, status,
              orderDate: date(t.get(r, 'saleDate'), t.label('saleDate'), 'mdy')!,
              buyerName, buyerUsername: user || t.get(r, 'buyerUser'), shipTo,
              currency: (t.get(r, 'currency') || 'EUR').toUpperCase(), items,
              shippingCents: cents(t.get(r, 'shipping'), t.label('shipping')),
              totalCents: cents(t.get(r, 'total'), t.label('total'), { required: true }),
              shippedAt: posted,
            }),
          };
        });
      }
    }
    // Orders that appear only in an items file
    for (const [id, { t, rows, file }] of itemsByOrder) {
      if (used.has(id)) continue;
      const h = rows[0]!;
      collect(file, result, h.line, () => {
        const items = itemsOf(t, rows);
        // Order-level amounts stand on the first row ("0.00"), later rows have "0": never add them up.
        const shipping = cents(t.get(h, 'shipping'), t.label('shipping'));
        const tax = cents(t.get(h, 'tax'), t.label('tax'));
        const discount = rows.reduce((s, r) => s + Math.abs(cents(t.get(r, 'discount'), t.label('discount'))), 0);
        const shipDiscount = Math.abs(cents(t.get(h, 'shippingDiscount'), t.label('shippingDiscount')));
        const goods = items.reduce((s, i) => s + i.unitPriceCents * i.quantity!, 0);
        const shipped = date(t.get(h, 'dateShipped'), t.label('dateShipped'), 'mdy', false);
        const { name, user } = splitBuyer(t.get(h, 'buyer'));
        const shipTo = address(
          {
            name: t.get(h, 'name') || name, lines: [t.get(h, 'addr1'), t.get(h, 'addr2')],
            zip: t.get(h, 'zip'), city: t.get(h, 'city'), state: t.get(h, 'state'), country: t.get(h, 'country'),
          },
          t.label('country'),
        );
        return {
          file,
          line: h.line,
          draft: draft({
            channel: 'etsy', marketplace: 'etsy.com', externalId: id, status: shipped ? 'shipped' : 'new',
            orderDate: date(t.get(h, 'saleDate'), t.label('saleDate'), 'mdy')!,
            paidAt: date(t.get(h, 'datePaid'), t.label('datePaid'), 'mdy', false),
            buyerName: name, buyerUsername: user, shipTo, currency: (t.get(h, 'currency') || 'EUR').toUpperCase(), items,
            shippingCents: shipping, totalCents: goods - discount + shipping - shipDiscount + tax, shippedAt: shipped,
          }),
        };
      });
    }
    return result;
  },
};
