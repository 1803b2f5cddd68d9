import type { Db } from '../types';
import {
  Order,
  OrderHistoryEntry,
  advancedStatus,
  type OrderDraft,
  type OrderItem,
  type OrderStatus,
} from '../../../shared/domain/order';
import type { AddressWarning } from '../../../shared/domain/address';

type OrderRow = {
  id: number; channel: string; external_id: string; marketplace: string; status: string; order_date: string;
  paid_at: string | null; buyer_name: string; buyer_email: string; buyer_username: string; buyer_vat_id: string; buyer_reference: string;
  ship_to: string; bill_to: string | null; currency: string; fx_rate_to_eur: number; shipping_cents: number;
  total_cents: number; weight_grams: number | null; tracking_number: string; carrier: string; shipped_at: string | null;
  note: string; warnings: string; locked: number; created_at: string; updated_at: string;
};
type ItemRow = {
  sku: string; title: string; quantity: number; unit_price_cents: number; vat_rate: number | null;
  external_line_id: string; weight_grams: number | null;
};

function rowToOrder(r: OrderRow, items: ItemRow[]): Order {
  return Order.parse({
    id: r.id,
    channel: r.channel,
    marketplace: r.marketplace,
    externalId: r.external_id,
    status: r.status,
    orderDate: r.order_date,
    paidAt: r.paid_at,
    buyerName: r.buyer_name,
    buyerEmail: r.buyer_email,
    buyerUsername: r.buyer_username,
    buyerVatId: r.buyer_vat_id,
    buyerReference: r.buyer_reference,
    shipTo: JSON.parse(r.ship_to),
    billTo: r.bill_to ? JSON.parse(r.bill_to) : null,
    currency: r.currency,
    fxRateToEur: r.fx_rate_to_eur,
    items: items.map((i) => ({
      sku: i.sku, title: i.title, quantity: i.quantity, unitPriceCents: i.unit_price_cents, vatRate: i.vat_rate,
      externalLineId: i.external_line_id, weightGrams: i.weight_grams,
    })),
    shippingCents: r.shipping_cents,
    totalCents: r.total_cents,
    weightGrams: r.weight_grams,
    trackingNumber: r.tracking_number,
    carrier: r.carrier,
    shippedAt: r.shipped_at,
    note: r.note,
    warnings: JSON.parse(r.warnings),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    locked: r.locked === 1,
  });
}

const goodsCents = (items: OrderItem[]) => items.reduce((s, i) => s + i.unitPriceCents * i.quantity, 0);

/** The named SQL parameters of an order row, derived from a draft (insert and content update share them). */
export function orderRowParams(d: OrderDraft, warnings: AddressWarning[], nowIso: string) {
  return {
    ...d,
    // Drafts built without the schema (older callers) have no reference: store ''.
    buyerReference: d.buyerReference ?? '',
    shipTo: JSON.stringify(d.shipTo),
    billTo: d.billTo ? JSON.stringify(d.billTo) : null,
    shipCountry: d.shipTo.country,
    goodsCents: goodsCents(d.items),
    itemCount: d.items.reduce((s, i) => s + i.quantity, 0),
    warnings: JSON.stringify(warnings),
    now: nowIso,
  };
}

export function insertOrder(db: Db, d: OrderDraft, warnings: AddressWarning[], nowIso: string): number {
  const res = db
    .prepare(
      `INSERT INTO orders (channel, external_id, marketplace, status, order_date, paid_at, buyer_name, buyer_email,
        buyer_username, buyer_vat_id, ship_to, bill_to, ship_country, currency, fx_rate_to_eur, shipping_cents,
        total_cents, goods_cents, item_count, weight_grams, tracking_number, carrier, shipped_at, note, warnings,
        created_at, updated_at, buyer_reference)
       VALUES (@channel, @externalId, @marketplace, @status, @orderDate, @paidAt, @buyerName, @buyerEmail,
        @buyerUsername, @buyerVatId, @shipTo, @billTo, @shipCountry, @currency, @fxRateToEur, @shippingCents,
        @totalCents, @goodsCents, @itemCount, @weightGrams, @trackingNumber, @carrier, @shippedAt, @note, @warnings,
        @now, @now, @buyerReference)`,
    )
    .run(orderRowParams(d, warnings, nowIso));
  const id = Number(res.lastInsertRowid);
  replaceItems(db, id, d.items);
  return id;
}

export function replaceItems(db: Db, orderId: number, items: OrderItem[]): void {
  db.prepare('DELETE FROM order_items WHERE order_id = ?').run(orderId);
  const ins = db.prepare(
    `INSERT INTO order_items (order_id, position, sku, title, quantity, unit_price_cents, vat_rate, external_line_id, weight_grams)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  items.forEach((it, i) =>
    ins.run(orderId, i + 1, it.sku, it.title, it.quantity, it.unitPriceCents, it.vatRate, it.externalLineId, it.weightGrams),
  );
}

export function getOrder(db: Db, id: number): Order | null {
  const row = db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
  if (!row) return null;
  const items = db
    .prepare('SELECT sku, title, quantity, unit_price_cents, vat_rate, external_line_id, weight_grams FROM order_items WHERE order_id = ? ORDER BY position')
    .all(id) as ItemRow[];
  return rowToOrder(row, items);
}

export function findOrderId(db: Db, channel: string, externalId: string): number | null {
  const row = db.prepare('SELECT id FROM orders WHERE channel = ? AND external_id = ?').get(channel, externalId) as { id: number } | undefined;
  return row?.id ?? null;
}

export function addHistory(db: Db, orderId: number, action: string, detail: string, nowIso: string): void {
  db.prepare('INSERT INTO order_history (order_id, at, action, detail) VALUES (?, ?, ?, ?)').run(orderId, nowIso, action, detail);
}

export function getHistory(db: Db, orderId: number): OrderHistoryEntry[] {
  return db.prepare('SELECT at, action, detail FROM order_history WHERE order_id = ? ORDER BY id').all(orderId) as OrderHistoryEntry[];
}

/** Moves the status forward only (see advancedStatus); returns the status now stored. */
export function advanceOrderStatus(db: Db, orderId: number, next: OrderStatus, nowIso: string): OrderStatus {
  const row = db.prepare('SELECT status FROM orders WHERE id = ?').get(orderId) as { status: OrderStatus } | undefined;
  if (!row) throw new Error(`Auftrag ${orderId} nicht gefunden`);
  const status = advancedStatus(row.status, next);
  if (status !== row.status) db.prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso, orderId);
  return status;
}

/** After the first issued document an order is frozen (GoBD): imports report differences instead of changing it. */
export function lockOrder(db: Db, orderId: number, nowIso: string): void {
  db.prepare('UPDATE orders SET locked = 1, updated_at = ? WHERE id = ? AND locked = 0').run(nowIso, orderId);
}
