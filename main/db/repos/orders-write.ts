import type { Db } from '../types';
import type { Order, OrderDraft, OrderItem } from '../../../shared/domain/order';
import type { AddressWarning } from '../../../shared/domain/address';
import { orderRowParams, replaceItems } from './orders';

const goodsCents = (items: OrderItem[]) => items.reduce((s, i) => s + i.unitPriceCents * i.quantity, 0);

/** Writes beyond the foundation's insertOrder: full update (unlocked orders), shipping, manual numbers. */

/** Replaces an order's content with a draft (import of a changed unlocked order, manual edit). */
export function updateOrderContent(db: Db, id: number, d: OrderDraft, warnings: AddressWarning[], nowIso: string): void {
  db.prepare(
    `UPDATE orders SET marketplace = @marketplace, status = @status, order_date = @orderDate, paid_at = @paidAt,
       buyer_name = @buyerName, buyer_email = @buyerEmail, buyer_username = @buyerUsername, buyer_vat_id = @buyerVatId,
       ship_to = @shipTo, bill_to = @billTo, ship_country = @shipCountry, currency = @currency, fx_rate_to_eur = @fxRateToEur,
       shipping_cents = @shippingCents, total_cents = @totalCents, goods_cents = @goodsCents, item_count = @itemCount,
       weight_grams = @weightGrams, tracking_number = @trackingNumber, carrier = @carrier, shipped_at = @shippedAt,
       note = @note, warnings = @warnings, updated_at = @now
     WHERE id = @id AND locked = 0`,
  ).run({ ...orderRowParams(d, warnings, nowIso), id });
  replaceItems(db, id, d.items);
}

/**
 * The Käuferreferenz / Leitweg-ID (BT-10) of an unlocked order. Kept out of updateOrderContent on purpose:
 * imports carry no reference and must not wipe one the seller entered by hand.
 */
export function setBuyerReference(db: Db, id: number, buyerReference: string, nowIso: string): void {
  db.prepare('UPDATE orders SET buyer_reference = ?, updated_at = ? WHERE id = ? AND locked = 0').run(buyerReference, nowIso, id);
}

/** Status and tracking only: what an import may change on a locked order (the documents stay true). */
export function updateStatusTracking(
  db: Db, id: number, v: { status: string; trackingNumber: string; carrier: string; shippedAt: string | null }, nowIso: string,
): void {
  db.prepare('UPDATE orders SET status = ?, tracking_number = ?, carrier = ?, shipped_at = ?, updated_at = ? WHERE id = ?').run(
    v.status, v.trackingNumber, v.carrier, v.shippedAt, nowIso, id,
  );
}

export function orderLockAndStatus(db: Db, id: number): { locked: boolean; status: string; channel: string } | null {
  const r = db.prepare('SELECT locked, status, channel FROM orders WHERE id = ?').get(id) as { locked: number; status: string; channel: string } | undefined;
  return r ? { locked: r.locked === 1, status: r.status, channel: r.channel } : null;
}

/** Next free number for a manual order: M-000001, M-000002, … */
export function nextManualNumber(db: Db): string {
  const max = db
    .prepare("SELECT max(CAST(substr(external_id, 3) AS INTEGER)) FROM orders WHERE channel = 'manual' AND external_id GLOB 'M-[0-9]*'")
    .pluck()
    .get() as number | null;
  return `M-${String((max ?? 0) + 1).padStart(6, '0')}`;
}

/** Existing orders of a channel by marketplace id, for the dedupe step of an import (one query per file). */
export function existingIds(db: Db, channel: string, externalIds: string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (externalIds.length > 2000) {
    // A big file: one pass over the channel's orders beats 100,000 point lookups.
    const wanted = new Set(externalIds);
    for (const r of db.prepare('SELECT external_id, id FROM orders WHERE channel = ?').raw().iterate(channel) as Iterable<[string, number]>) {
      if (wanted.has(r[0])) out.set(r[0], r[1]);
    }
    return out;
  }
  const stmt = db.prepare('SELECT id FROM orders WHERE channel = ? AND external_id = ?').pluck();
  for (const e of externalIds) {
    const id = stmt.get(channel, e) as number | undefined;
    if (id !== undefined) out.set(e, id);
  }
  return out;
}

/**
 * Bulk insert for imports: the same columns as insertOrder, statements prepared once per batch and no
 * item delete for a brand-new order (a 100,000-order file must stay close to raw INSERT speed).
 */
export function createOrderInserter(db: Db) {
  const ins = db.prepare(
    `INSERT INTO orders (channel, external_id, marketplace, status, order_date, paid_at, buyer_name, buyer_email,
      buyer_username, buyer_vat_id, ship_to, bill_to, ship_country, currency, fx_rate_to_eur, shipping_cents,
      total_cents, goods_cents, item_count, weight_grams, tracking_number, carrier, shipped_at, note, warnings,
      created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const item = db.prepare(
    `INSERT INTO order_items (order_id, position, sku, title, quantity, unit_price_cents, vat_rate, external_line_id, weight_grams)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hist = db.prepare('INSERT INTO order_history (order_id, at, action, detail) VALUES (?, ?, ?, ?)');
  return (d: OrderDraft, warnings: AddressWarning[], nowIso: string, history?: { action: string; detail: string }): number => {
    const id = Number(
      ins.run(
        d.channel, d.externalId, d.marketplace, d.status, d.orderDate, d.paidAt, d.buyerName, d.buyerEmail, d.buyerUsername, d.buyerVatId,
        JSON.stringify(d.shipTo), d.billTo ? JSON.stringify(d.billTo) : null, d.shipTo.country, d.currency, d.fxRateToEur, d.shippingCents,
        d.totalCents, goodsCents(d.items), d.items.reduce((s, i) => s + i.quantity, 0), d.weightGrams, d.trackingNumber, d.carrier, d.shippedAt,
        d.note, JSON.stringify(warnings), nowIso, nowIso,
      ).lastInsertRowid,
    );
    d.items.forEach((it, i) => item.run(id, i + 1, it.sku, it.title, it.quantity, it.unitPriceCents, it.vatRate, it.externalLineId, it.weightGrams));
    if (history) hist.run(id, nowIso, history.action, history.detail);
    return id;
  };
}

type FullRow = {
  id: number; channel: string; external_id: string; marketplace: string; status: string; order_date: string; paid_at: string | null;
  buyer_name: string; buyer_email: string; buyer_username: string; buyer_vat_id: string; buyer_reference: string; ship_to: string; bill_to: string | null;
  currency: string; fx_rate_to_eur: number; shipping_cents: number; total_cents: number; weight_grams: number | null;
  tracking_number: string; carrier: string; shipped_at: string | null; note: string; warnings: string; locked: number; created_at: string; updated_at: string;
};

/**
 * Reads orders for the re-import comparison with statements prepared once and without schema parsing
 * (the rows were validated when written); same shape as getOrder.
 */
export function createOrderReader(db: Db): (id: number) => Order | null {
  const one = db.prepare('SELECT * FROM orders WHERE id = ?');
  const items = db.prepare('SELECT sku, title, quantity, unit_price_cents, vat_rate, external_line_id, weight_grams FROM order_items WHERE order_id = ? ORDER BY position');
  return (id) => {
    const r = one.get(id) as FullRow | undefined;
    if (!r) return null;
    const its = items.all(id) as { sku: string; title: string; quantity: number; unit_price_cents: number; vat_rate: number | null; external_line_id: string; weight_grams: number | null }[];
    return {
      id: r.id, channel: r.channel as Order['channel'], marketplace: r.marketplace, externalId: r.external_id, status: r.status as Order['status'],
      orderDate: r.order_date, paidAt: r.paid_at, buyerName: r.buyer_name, buyerEmail: r.buyer_email, buyerUsername: r.buyer_username,
      buyerVatId: r.buyer_vat_id, buyerReference: r.buyer_reference, shipTo: JSON.parse(r.ship_to), billTo: r.bill_to ? JSON.parse(r.bill_to) : null, currency: r.currency,
      fxRateToEur: r.fx_rate_to_eur,
      items: its.map((i) => ({ sku: i.sku, title: i.title, quantity: i.quantity, unitPriceCents: i.unit_price_cents, vatRate: i.vat_rate, externalLineId: i.external_line_id, weightGrams: i.weight_grams })),
      shippingCents: r.shipping_cents, totalCents: r.total_cents, weightGrams: r.weight_grams, trackingNumber: r.tracking_number, carrier: r.carrier,
      shippedAt: r.shipped_at, note: r.note, warnings: JSON.parse(r.warnings), createdAt: r.created_at, updatedAt: r.updated_at, locked: r.locked === 1,
    };
  };
}
