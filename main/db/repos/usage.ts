import type { Db } from '../types';
import type { ChargeableAction, UsageEvent } from '../../../shared/domain/usage';
import { goodsValueEurCents } from '../../../shared/domain/order';
import { getOrder } from './orders';

type UsageRow = {
  id: string; order_id: number; order_key: string; action: string; occurred_at: string; goods_value_cents: number; synced_at: string | null;
};
const toEvent = (r: UsageRow): UsageEvent => ({
  id: r.id, orderId: r.order_id, orderKey: r.order_key, action: r.action as ChargeableAction,
  occurredAt: r.occurred_at, goodsValueCents: r.goods_value_cents, syncedAt: r.synced_at,
});

/**
 * Records the order's first chargeable action. Call it inside the same transaction that issues
 * the document / prints the label / writes the export, so the fee and the action stand or fall together.
 * Returns the new event, or null when the order was already charged.
 */
export function recordChargeableAction(
  db: Db,
  orderId: number,
  action: ChargeableAction,
  nowIso: string,
  installationId: string,
): UsageEvent | null {
  const existing = db.prepare('SELECT 1 FROM usage_events WHERE order_id = ?').get(orderId);
  if (existing) return null;
  const order = getOrder(db, orderId);
  if (!order) throw new Error(`Auftrag ${orderId} nicht gefunden`);
  const orderKey = `${order.channel}:${order.externalId}`;
  const row: UsageRow = {
    id: `${installationId}:${orderKey}`,
    order_id: orderId,
    order_key: orderKey,
    action,
    occurred_at: nowIso,
    goods_value_cents: goodsValueEurCents(order),
    synced_at: null,
  };
  db.prepare(
    `INSERT INTO usage_events (id, order_id, order_key, action, occurred_at, goods_value_cents, synced_at)
     VALUES (@id, @order_id, @order_key, @action, @occurred_at, @goods_value_cents, @synced_at)`,
  ).run(row);
  return toEvent(row);
}

export function getUsageEvent(db: Db, orderId: number): UsageEvent | null {
  const r = db.prepare('SELECT * FROM usage_events WHERE order_id = ?').get(orderId) as UsageRow | undefined;
  return r ? toEvent(r) : null;
}

export function listUsageEvents(db: Db, opts: { unsyncedOnly?: boolean; limit?: number } = {}): UsageEvent[] {
  const where = opts.unsyncedOnly ? 'WHERE synced_at IS NULL' : '';
  const rows = db
    .prepare(`SELECT * FROM usage_events ${where} ORDER BY occurred_at, id LIMIT ?`)
    .all(opts.limit ?? 1_000_000) as UsageRow[];
  return rows.map(toEvent);
}

export function markUsageSynced(db: Db, ids: string[], nowIso: string): void {
  const upd = db.prepare('UPDATE usage_events SET synced_at = ? WHERE id = ? AND synced_at IS NULL');
  db.transaction(() => ids.forEach((id) => upd.run(nowIso, id)))();
}
