import type { Db } from '../types';

export type PrintedLabel = { id: number; orderId: number; stockId: string; printedAt: string; printLogId: number | null; appJobId: string; sheetPosition: number | null };
type Row = { id: number; order_id: number; stock_id: string; printed_at: string; print_log_id: number | null; app_job_id: string; sheet_position: number | null };
const toLabel = (r: Row): PrintedLabel => ({
  id: r.id, orderId: r.order_id, stockId: r.stock_id, printedAt: r.printed_at, printLogId: r.print_log_id, appJobId: r.app_job_id, sheetPosition: r.sheet_position,
});

/** Returns false when this app job already recorded the label (a resumed job must not count it twice). */
export function insertPrintedLabel(db: Db, l: Omit<PrintedLabel, 'id'>): boolean {
  const r = db
    .prepare(
      `INSERT OR IGNORE INTO labels_printed (order_id, stock_id, printed_at, print_log_id, app_job_id, sheet_position)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(l.orderId, l.stockId, l.printedAt, l.printLogId, l.appJobId, l.sheetPosition);
  return r.changes > 0;
}

export function labelsForOrder(db: Db, orderId: number): PrintedLabel[] {
  return (db.prepare('SELECT * FROM labels_printed WHERE order_id = ? ORDER BY id').all(orderId) as Row[]).map(toLabel);
}

export function listCustomStock(db: Db): unknown[] {
  return (db.prepare('SELECT data FROM label_stock_custom ORDER BY created_at, id').all() as { data: string }[]).map((r) => JSON.parse(r.data));
}

export function saveCustomStock(db: Db, id: string, data: unknown, nowIso: string): void {
  db.prepare(
    `INSERT INTO label_stock_custom (id, data, created_at) VALUES (?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET data = excluded.data`,
  ).run(id, JSON.stringify(data), nowIso);
}

export function deleteCustomStock(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM label_stock_custom WHERE id = ?').run(id).changes > 0;
}
