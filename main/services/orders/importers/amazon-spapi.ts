import type { OrderItemInput, OrderStatus } from '../../../../shared/domain/order';
import type { Address } from '../../../../shared/domain/address';
import { address, cents, collect, date, draft, emptyResult, quantity, rejection, unitFromTotal } from './build';
import { lineOf, obj, parseJson, sniffJson, str } from './json-util';
import { RowError, type ImportFormat, type SourceFile } from './types';

/**
 * Amazon SP-API Orders v0 responses (order-formats.md §2.3; samples/amazon-spapi-*.json): getOrder(s),
 * getOrderAddress and getOrderItems, each wrapped in `payload`. The parts of one order are joined by
 * AmazonOrderId across the files of one import. An address or items part whose order is neither in
 * the import nor already stored is reported as a mismatch (the samples' ids differ on purpose).
 */
const MARKETPLACES: Record<string, { country: string; site: string }> = {
  A1PA6795UKMFR9: { country: 'DE', site: 'amazon.de' }, A1F83G8C2ARO7P: { country: 'GB', site: 'amazon.co.uk' },
  A13V1IB3VIYZZH: { country: 'FR', site: 'amazon.fr' }, APJ6JRA9NG5V4: { country: 'IT', site: 'amazon.it' },
  A1RKKUPIHCS9HS: { country: 'ES', site: 'amazon.es' }, A1805IZSGTT6HS: { country: 'NL', site: 'amazon.nl' },
  A2NODRKZP88ZB9: { country: 'SE', site: 'amazon.se' }, A1C3SOZRARQ6R3: { country: 'PL', site: 'amazon.pl' },
  AMEN7PMS3EDWL: { country: 'BE', site: 'amazon.com.be' }, ATVPDKIKX0DER: { country: 'US', site: 'amazon.com' },
  A2EUQ1WTGCTBG2: { country: 'CA', site: 'amazon.ca' }, A2Q3Y263D00KWC: { country: 'BR', site: 'amazon.com.br' },
};

type Part = { file: string; text: string; kind: 'order' | 'address' | 'items'; id: string; data: Record<string, any> };

function partsOf(src: SourceFile, v: unknown): Part[] | null {
  const root = obj(v);
  const p = obj(root?.payload) ?? root;
  if (!p) return null;
  const out: Part[] = [];
  const orders: unknown[] = Array.isArray(p.Orders) ? p.Orders : p.AmazonOrderId && (p.PurchaseDate || p.OrderStatus) ? [p] : [];
  for (const o of orders) if (obj(o) && str((o as any).AmazonOrderId)) out.push({ file: src.name, text: src.text, kind: 'order', id: str((o as any).AmazonOrderId), data: o as any });
  if (p.AmazonOrderId && obj(p.ShippingAddress) && !(p.PurchaseDate || p.OrderStatus)) out.push({ file: src.name, text: src.text, kind: 'address', id: str(p.AmazonOrderId), data: p });
  if (p.AmazonOrderId && Array.isArray(p.OrderItems)) out.push({ file: src.name, text: src.text, kind: 'items', id: str(p.AmazonOrderId), data: p });
  return out.length ? out : null;
}

const money = (m: unknown, field: string) => cents(str(obj(m)?.Amount), field);

function itemsOf(part: Part): OrderItemInput[] {
  return (part.data.OrderItems as Record<string, any>[]).map((it, i) => {
    const qty = quantity(str(it.QuantityOrdered), `OrderItems[${i}].QuantityOrdered`);
    // ItemPrice is the price for the whole quantity (ordersV0.json)
    const line = money(it.ItemPrice, `OrderItems[${i}].ItemPrice`) - Math.abs(money(it.PromotionDiscount, `OrderItems[${i}].PromotionDiscount`));
    return { sku: str(it.SellerSKU), title: str(it.Title) || str(it.ASIN), quantity: qty, unitPriceCents: unitFromTotal(line, qty), externalLineId: str(it.OrderItemId) };
  });
}

function addressOf(a: Record<string, any>, field: string): Address {
  return address(
    {
      name: str(a.Name), company: str(a.CompanyName), lines: [str(a.AddressLine1), str(a.AddressLine2), str(a.AddressLine3)],
      zip: str(a.PostalCode), city: str(a.City), state: str(a.StateOrRegion), country: str(a.CountryCode), phone: str(a.Phone),
    },
    field,
  );
}

const statusOf = (s: string): OrderStatus => (/^shipped$/i.test(s) ? 'shipped' : /^canceled$/i.test(s) ? 'cancelled' : 'new');

export const amazonSpApi: ImportFormat = {
  id: 'amazon-spapi',
  label: 'Amazon SP-API Bestellung (JSON: getOrder, getOrderAddress, getOrderItems)',
  hint: 'Antworten der Amazon Selling Partner API (Orders v0)',
  joinFiles: true,
  detect: (src) => (partsOf(src, sniffJson(src.text)) ? 1 : 0),
  parse(files) {
    const result = emptyResult();
    const parts: Part[] = [];
    for (const src of files) {
      const p = partsOf(src, parseJson(src.text));
      if (!p) throw new RowError('payload', `${src.name}: keine Amazon-SP-API-Antwort (payload.AmazonOrderId) gefunden`);
      parts.push(...p);
    }
    const ids = [...new Set(parts.map((p) => p.id))];
    for (const id of ids) {
      const mine = parts.filter((p) => p.id === id);
      const order = mine.find((p) => p.kind === 'order');
      const addr = mine.find((p) => p.kind === 'address');
      const items = mine.find((p) => p.kind === 'items');
      const lineIn = (p: Part) => lineOf(p.text, `"${id}"`);
      if (!order) {
        // Only address/items: they patch an order imported earlier; the import step checks it exists.
        for (const p of [addr, items]) {
          if (!p) continue;
          try {
            result.patches.push({
              file: p.file, line: lineIn(p), channel: 'amazon', externalId: id,
              shipTo: p.kind === 'address' ? addressOf(p.data.ShippingAddress, 'ShippingAddress.CountryCode') : undefined,
              items: p.kind === 'items' ? itemsOf(p).map((i) => ({ vatRate: null, weightGrams: null, sku: '', externalLineId: '', ...i, quantity: i.quantity! })) : undefined,
            });
          } catch (e) {
            result.rejections.push(rejection(p.file, lineIn(p), e));
          }
        }
        continue;
      }
      const o = order.data;
      collect(order.file, result, lineIn(order), () => {
        const mp = MARKETPLACES[str(o.MarketplaceId)];
        const a = obj(addr?.data.ShippingAddress) ?? obj(o.ShippingAddress);
        const shipTo = a
          ? addressOf(a, 'ShippingAddress.CountryCode')
          : address({ name: str(obj(o.BuyerInfo)?.BuyerName), lines: [], zip: '', city: '', country: mp?.country ?? '' }, 'MarketplaceId');
        const total = money(o.OrderTotal, 'OrderTotal.Amount');
        const count = Number(o.NumberOfItemsShipped ?? 0) + Number(o.NumberOfItemsUnshipped ?? 0);
        let lines: OrderItemInput[];
        let shipping = 0;
        if (items) {
          lines = itemsOf(items);
          shipping = (items.data.OrderItems as any[]).reduce((s, it, i) => s + money(it.ShippingPrice, `OrderItems[${i}].ShippingPrice`) - Math.abs(money(it.ShippingDiscount, `OrderItems[${i}].ShippingDiscount`)), 0);
        } else {
          // getOrder alone names no articles; one line with the order total keeps amounts right until the items are imported.
          lines = [{ title: `Amazon-Bestellung ${id} (${Math.max(count, 1)} Artikel, Einzelheiten über getOrderItems)`, quantity: 1, unitPriceCents: total }];
        }
        const buyer = obj(o.BuyerInfo);
        const site = str(o.SalesChannel).toLowerCase();
        return {
          file: order.file,
          line: lineIn(order),
          draft: draft({
            channel: 'amazon', marketplace: /^amazon\./.test(site) ? site : (mp?.site ?? 'amazon'), externalId: id, status: statusOf(str(o.OrderStatus)),
            orderDate: date(str(o.PurchaseDate), 'PurchaseDate')!, buyerName: str(buyer?.BuyerName) || shipTo.name, buyerEmail: str(buyer?.BuyerEmail),
            shipTo, currency: str(obj(o.OrderTotal)?.CurrencyCode).toUpperCase() || 'EUR', items: lines, shippingCents: shipping, totalCents: total,
            note: o.IsBusinessOrder === true ? 'Geschäftskunde (Amazon Business)' : '',
          }),
        };
      });
    }
    return result;
  },
};
