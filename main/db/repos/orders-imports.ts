import type { Db } from '../types';
import type { ImportFileReport } from '../../../shared/orders/import-report';
import type { ColumnMapping } from '../../../shared/ipc/channels/orders';

/** Import log, saved generic-CSV mappings and the tracking-export log. */

export function logImport(db: Db, jobId: string, r: ImportFileReport, sha256: string, nowIso: string): void {
  db.prepare('INSERT INTO order_imports (job_id, file_name, format, sha256, imported_at, report) VALUES (?, ?, ?, ?, ?, ?)').run(
    jobId, r.file, r.format, sha256, nowIso, JSON.stringify(r),
  );
}

export function importReportsOfJob(db: Db, jobId: string): ImportFileReport[] {
  return (db.prepare('SELECT report FROM order_imports WHERE job_id = ? ORDER BY id').pluck().all(jobId) as string[]).map((s) => JSON.parse(s));
}

export function listMappings(db: Db): ColumnMapping[] {
  return (db.prepare('SELECT mapping FROM order_import_mappings ORDER BY name').pluck().all() as string[]).map((s) => JSON.parse(s));
}

export function getMapping(db: Db, name: string): ColumnMapping | null {
  const s = db.prepare('SELECT mapping FROM order_import_mappings WHERE name = ?').pluck().get(name) as string | undefined;
  return s ? JSON.parse(s) : null;
}

export function saveMapping(db: Db, m: ColumnMapping, nowIso: string): void {
  db.prepare(
    'INSERT INTO order_import_mappings (name, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at',
  ).run(m.name, JSON.stringify(m), nowIso);
}

export function deleteMapping(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM order_import_mappings WHERE name = ?').run(name).changes > 0;
}

export type TrackingRow = {
  id: number; external_id: string; tracking_number: string; carrier: string; shipped_at: string | null; lines: string | null;
};

/** Shipped orders of a channel whose tracking number has not yet gone into an upload file (or the given ids). */
export function ordersForTrackingExport(db: Db, channel: string, target: string, ids?: number[]): TrackingRow[] {
  const base = `SELECT o.id, o.external_id, o.tracking_number, o.carrier, o.shipped_at,
      (SELECT json_group_array(json_object('lineId', i.external_line_id, 'qty', i.quantity, 'sku', i.sku)) FROM order_items i WHERE i.order_id = o.id) AS lines
    FROM orders o WHERE o.channel = ? AND o.status = 'shipped'`;
  if (ids && ids.length) {
    return db.prepare(`${base} AND o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id`).all(channel, JSON.stringify(ids)) as TrackingRow[];
  }
  return db
    .prepare(`${base} AND NOT EXISTS (SELECT 1 FROM order_tracking_exports e WHERE e.order_id = o.id AND e.target = ? AND e.tracking_number = o.tracking_number) ORDER BY o.id`)
    .all(channel, target) as TrackingRow[];
}

export function markTrackingExported(db: Db, rows: { id: number; tracking: string }[], target: string, nowIso: string): void {
  const stmt = db.prepare(
    'INSERT INTO order_tracking_exports (order_id, target, tracking_number, exported_at) VALUES (?, ?, ?, ?) ON CONFLICT(order_id, target) DO UPDATE SET tracking_number = excluded.tracking_number, exported_at = excluded.exported_at',
  );
  for (const r of rows) stmt.run(r.id, target, r.tracking, nowIso);
}
