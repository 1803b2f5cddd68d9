import type { Db } from '../types';

/** The purchase journal and the stamps bought (see migration 0005). */

export type PurchaseState = 'draft' | 'initialised' | 'checkout_sent' | 'unknown' | 'completed' | 'failed';
export type PurchaseRow = {
  id: number; shop_order_id: string | null; state: PurchaseState; format: 'pdf' | 'png'; page_format_id: number | null;
  page_width_mm: number | null; page_height_mm: number | null; start_position: number; total_cents: number;
  request_json: string | null; checkout_attempts: number; last_error: string | null; wallet_after_cents: number | null;
  link: string | null; file_path: string | null; file_sha256: string | null; created_at: string; updated_at: string;
  completed_at: string | null;
};
export type PurchaseItemRow = { purchase_id: number; seq: number; order_id: number; product_code: number; price_cents: number };
export type StampRow = {
  voucher_id: string; track_id: string | null; purchase_id: number; seq: number; order_id: number; product_code: number;
  price_cents: number; bought_at: string; state: 'valid' | 'refund_requested' | 'refunded' | 'refund_refused';
  refund_id: number | null; printed_count: number;
};

export function insertPurchase(
  db: Db,
  p: { format: 'pdf' | 'png'; pageFormatId: number | null; pageSizeMm: { width: number; height: number } | null; startPosition: number; totalCents: number; requestTemplate: string },
  items: { orderId: number; productCode: number; priceCents: number }[],
  nowIso: string,
): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO franking_purchases (state, format, page_format_id, page_width_mm, page_height_mm, start_position, total_cents, request_json, created_at, updated_at)
         VALUES ('draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.format, p.pageFormatId, p.pageSizeMm?.width ?? null, p.pageSizeMm?.height ?? null, p.startPosition, p.totalCents, p.requestTemplate, nowIso, nowIso).lastInsertRowid,
  );
  const ins = db.prepare('INSERT INTO franking_purchase_items (purchase_id, seq, order_id, product_code, price_cents) VALUES (?, ?, ?, ?, ?)');
  items.forEach((it, i) => ins.run(id, i + 1, it.orderId, it.productCode, it.priceCents));
  return id;
}

export function getPurchase(db: Db, id: number): PurchaseRow | null {
  return (db.prepare('SELECT * FROM franking_purchases WHERE id = ?').get(id) as PurchaseRow | undefined) ?? null;
}

export function getPurchaseByShopOrderId(db: Db, shopOrderId: string): PurchaseRow | null {
  return (db.prepare('SELECT * FROM franking_purchases WHERE shop_order_id = ?').get(shopOrderId) as PurchaseRow | undefined) ?? null;
}

export function purchaseItems(db: Db, purchaseId: number): PurchaseItemRow[] {
  return db.prepare('SELECT * FROM franking_purchase_items WHERE purchase_id = ? ORDER BY seq').all(purchaseId) as PurchaseItemRow[];
}

/** Purchases whose outcome is not settled: they are resolved before anything new is bought. */
export function openPurchases(db: Db): PurchaseRow[] {
  return db.prepare("SELECT * FROM franking_purchases WHERE state NOT IN ('completed', 'failed') ORDER BY id").all() as PurchaseRow[];
}

export function listPurchases(db: Db, limit = 200): PurchaseRow[] {
  return db.prepare('SELECT * FROM franking_purchases ORDER BY id DESC LIMIT ?').all(limit) as PurchaseRow[];
}

export function setShopOrderId(db: Db, id: number, shopOrderId: string, requestJson: string, nowIso: string): void {
  db.prepare(`UPDATE franking_purchases SET shop_order_id = ?, request_json = ?, state = 'initialised', updated_at = ? WHERE id = ? AND state = 'draft'`).run(
    shopOrderId, requestJson, nowIso, id,
  );
}

export function setPurchaseState(db: Db, id: number, state: PurchaseState, nowIso: string, lastError: string | null = null): void {
  db.prepare('UPDATE franking_purchases SET state = ?, last_error = ?, updated_at = ? WHERE id = ?').run(state, lastError, nowIso, id);
}

export function markCheckoutSent(db: Db, id: number, nowIso: string): void {
  db.prepare(`UPDATE franking_purchases SET state = 'checkout_sent', checkout_attempts = checkout_attempts + 1, updated_at = ? WHERE id = ?`).run(nowIso, id);
}

export function completePurchase(db: Db, id: number, r: { link: string; walletAfterCents: number | null }, nowIso: string): void {
  db.prepare(
    `UPDATE franking_purchases SET state = 'completed', link = ?, wallet_after_cents = COALESCE(?, wallet_after_cents), last_error = NULL,
       updated_at = ?, completed_at = COALESCE(completed_at, ?) WHERE id = ?`,
  ).run(r.link, r.walletAfterCents, nowIso, nowIso, id);
}

export function setPurchaseFile(db: Db, id: number, filePath: string, sha256: string, nowIso: string): void {
  db.prepare('UPDATE franking_purchases SET file_path = ?, file_sha256 = ?, updated_at = ? WHERE id = ? AND file_path IS NULL').run(filePath, sha256, nowIso, id);
}

export function insertStamp(db: Db, s: Omit<StampRow, 'state' | 'refund_id' | 'printed_count'>): void {
  db.prepare(
    `INSERT INTO franking_stamps (voucher_id, track_id, purchase_id, seq, order_id, product_code, price_cents, bought_at)
     VALUES (@voucher_id, @track_id, @purchase_id, @seq, @order_id, @product_code, @price_cents, @bought_at)
     ON CONFLICT (voucher_id) DO NOTHING`,
  ).run(s);
}

export function getStamp(db: Db, voucherId: string): StampRow | null {
  return (db.prepare('SELECT * FROM franking_stamps WHERE voucher_id = ?').get(voucherId) as StampRow | undefined) ?? null;
}

export function stampsOfPurchase(db: Db, purchaseId: number): StampRow[] {
  return db.prepare('SELECT * FROM franking_stamps WHERE purchase_id = ? ORDER BY seq').all(purchaseId) as StampRow[];
}

export function stampsOfOrder(db: Db, orderId: number): StampRow[] {
  return db.prepare('SELECT * FROM franking_stamps WHERE order_id = ? ORDER BY bought_at, seq').all(orderId) as StampRow[];
}

export function listStamps(db: Db, limit = 1000): (StampRow & { shop_order_id: string; external_id: string; buyer_name: string })[] {
  return db
    .prepare(
      `SELECT s.*, p.shop_order_id, o.external_id, o.buyer_name FROM franking_stamps s
       JOIN franking_purchases p ON p.id = s.purchase_id JOIN orders o ON o.id = s.order_id
       ORDER BY s.bought_at DESC, s.seq LIMIT ?`,
    )
    .all(limit) as (StampRow & { shop_order_id: string; external_id: string; buyer_name: string })[];
}

/** Orders among `orderIds` that hold a stamp which is neither refunded nor on its way back. */
export function ordersWithLiveStamp(db: Db, orderIds: number[]): Map<number, StampRow> {
  const out = new Map<number, StampRow>();
  const q = db.prepare("SELECT * FROM franking_stamps WHERE order_id = ? AND state IN ('valid', 'refund_requested', 'refund_refused') ORDER BY bought_at DESC");
  for (const id of orderIds) {
    const row = q.get(id) as StampRow | undefined;
    if (row) out.set(id, row);
  }
  return out;
}

/** Orders that sit in a purchase whose outcome is still open. */
export function ordersInOpenPurchase(db: Db, orderIds: number[]): Set<number> {
  const q = db.prepare(
    `SELECT 1 FROM franking_purchase_items i JOIN franking_purchases p ON p.id = i.purchase_id
     WHERE i.order_id = ? AND p.state NOT IN ('completed', 'failed') LIMIT 1`,
  );
  return new Set(orderIds.filter((id) => q.get(id)));
}

export function markPrinted(db: Db, purchaseId: number): void {
  db.prepare('UPDATE franking_stamps SET printed_count = printed_count + 1 WHERE purchase_id = ?').run(purchaseId);
}

/**
 * Orders waiting for a stamp: not shipped or cancelled and without a live stamp, oldest first
 * ('franked' stays in: an order whose stamp was refunded keeps that status and needs a new stamp).
 */
export function orderIdsToFrank(db: Db, limit = 500): number[] {
  return (
    db
      .prepare(
        `SELECT o.id FROM orders o WHERE o.status IN ('new', 'invoiced', 'labelled', 'franked')
         AND NOT EXISTS (SELECT 1 FROM franking_stamps s WHERE s.order_id = o.id AND s.state IN ('valid', 'refund_requested', 'refund_refused'))
         ORDER BY o.order_date, o.id LIMIT ?`,
      )
      .all(limit) as { id: number }[]
  ).map((r) => r.id);
}
