import type { Db } from '../types';

/** Refunds (retoure) of stamps and the Portokasse balance history. */

export type RefundRow = {
  id: number; shop_order_id: string; shop_retoure_id: string | null; retoure_transaction_id: string | null;
  state: 'requesting' | 'open' | 'done' | 'failed'; refunded_cents: number; last_error: string | null; created_at: string; updated_at: string;
};

/** Journals the refund and marks its stamps as requested, in one transaction, before the API is called. */
export function insertRefund(db: Db, shopOrderId: string, voucherIds: string[], nowIso: string): number {
  return db.transaction(() => {
    const id = Number(
      db.prepare(`INSERT INTO franking_refunds (shop_order_id, state, created_at, updated_at) VALUES (?, 'requesting', ?, ?)`).run(shopOrderId, nowIso, nowIso)
        .lastInsertRowid,
    );
    const upd = db.prepare(`UPDATE franking_stamps SET state = 'refund_requested', refund_id = ? WHERE voucher_id = ? AND state = 'valid'`);
    for (const v of voucherIds) upd.run(id, v);
    return id;
  })();
}

export function setRefundRequested(db: Db, id: number, shopRetoureId: string, transactionId: string, nowIso: string): void {
  db.prepare(`UPDATE franking_refunds SET shop_retoure_id = ?, retoure_transaction_id = ?, state = 'open', updated_at = ? WHERE id = ?`).run(
    shopRetoureId, transactionId, nowIso, id,
  );
}

/** The request was refused outright: the stamps are usable again. */
export function failRefund(db: Db, id: number, error: string, nowIso: string): void {
  db.transaction(() => {
    db.prepare(`UPDATE franking_refunds SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?`).run(error, nowIso, id);
    db.prepare(`UPDATE franking_stamps SET state = 'valid', refund_id = NULL WHERE refund_id = ? AND state = 'refund_requested'`).run(id);
  })();
}

export function finishRefund(db: Db, id: number, refunded: string[], refused: string[], refundedCents: number, nowIso: string): void {
  db.transaction(() => {
    const upd = db.prepare('UPDATE franking_stamps SET state = ? WHERE voucher_id = ? AND refund_id = ?');
    for (const v of refunded) upd.run('refunded', v, id);
    for (const v of refused) upd.run('refund_refused', v, id);
    db.prepare(`UPDATE franking_refunds SET state = 'done', refunded_cents = ?, updated_at = ? WHERE id = ?`).run(refundedCents, nowIso, id);
  })();
}

export function getRefund(db: Db, id: number): RefundRow | null {
  return (db.prepare('SELECT * FROM franking_refunds WHERE id = ?').get(id) as RefundRow | undefined) ?? null;
}

export function openRefunds(db: Db): RefundRow[] {
  return db.prepare(`SELECT * FROM franking_refunds WHERE state IN ('requesting', 'open') ORDER BY id`).all() as RefundRow[];
}

export function recordBalance(db: Db, balanceCents: number, source: string, nowIso: string): void {
  db.prepare('INSERT INTO franking_balance (at, balance_cents, source) VALUES (?, ?, ?)').run(nowIso, balanceCents, source);
}

export function lastBalance(db: Db): { at: string; balance_cents: number } | null {
  return (db.prepare('SELECT at, balance_cents FROM franking_balance ORDER BY id DESC LIMIT 1').get() as { at: string; balance_cents: number } | undefined) ?? null;
}

/** Balance history, oldest first, for the chart (the last `limit` observations). */
export function balanceHistory(db: Db, limit = 200): { at: string; balance_cents: number; source: string }[] {
  return (db.prepare('SELECT at, balance_cents, source FROM franking_balance ORDER BY id DESC LIMIT ?').all(limit) as { at: string; balance_cents: number; source: string }[]).reverse();
}
