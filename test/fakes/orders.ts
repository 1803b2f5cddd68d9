import { OrderDraft, type OrderDraftInput } from '../../shared/domain/order';
import { insertOrder } from '../../main/db/repos/orders';
import type { Db } from '../../main/db/types';

let seq = 0;
/** A realistic German eBay order; override what the test cares about. */
export function orderDraft(over: Partial<OrderDraftInput> = {}): OrderDraft {
  seq += 1;
  return OrderDraft.parse({
    channel: 'ebay',
    marketplace: 'ebay.de',
    externalId: `10-${String(10000 + seq).padStart(5, '0')}-${String(seq * 7919).padStart(5, '0')}`,
    orderDate: '2026-11-20T10:15:00Z',
    buyerName: 'Erika Mustermann',
    buyerEmail: 'erika@example.de',
    shipTo: { name: 'Erika Mustermann', street: 'Hauptstraße', houseNumber: '5a', zip: '10115', city: 'Berlin', country: 'DE' },
    items: [{ sku: 'TASSE-01', title: 'Kaffeetasse Steingut, blau', quantity: 2, unitPriceCents: 1299, vatRate: 19 }],
    shippingCents: 495,
    totalCents: 2 * 1299 + 495,
    ...over,
  });
}

/** Inserts orders straight through the repository (no import), returns their ids. */
export function seedOrders(db: Db, drafts: OrderDraft[], nowIso = '2026-11-20T10:20:00Z'): number[] {
  return db.transaction(() => drafts.map((d) => insertOrder(db, d, [], nowIso)))();
}

/** Realistic varied demo orders (the same generator as `npm run screenshots` and the benches). */
export { seedDemoOrders, demoOrderDrafts } from '../../main/services/orders/demo-data';
