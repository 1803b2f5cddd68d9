import type { Db } from '../types';

export type ExportLogRow = {
  id: number; kind: string; period_from: string; period_to: string; file_name: string; path: string; sha256: string;
  rows: number; order_count: number; created_at: string;
};

export function insertExportLog(db: Db, r: Omit<ExportLogRow, 'id'>): number {
  const res = db
    .prepare(
      `INSERT INTO export_log (kind, period_from, period_to, file_name, path, sha256, rows, order_count, created_at)
       VALUES (@kind, @period_from, @period_to, @file_name, @path, @sha256, @rows, @order_count, @created_at)`,
    )
    .run(r);
  return Number(res.lastInsertRowid);
}

export function listExportLog(db: Db, limit = 50): ExportLogRow[] {
  return db.prepare('SELECT * FROM export_log ORDER BY id DESC LIMIT ?').all(limit) as ExportLogRow[];
}

/**
 * The DATEV debtor account of a business buyer: the stored one, or the next free number from `first`
 * (kept forever so the accountant's open items stay on one account).
 */
export function debtorAccountFor(db: Db, buyerKey: string, name: string, first: number, nowIso: string): number {
  const row = db.prepare('SELECT account FROM datev_debtors WHERE buyer_key = ?').get(buyerKey) as { account: number } | undefined;
  if (row) return row.account;
  const max = db.prepare('SELECT MAX(account) AS m FROM datev_debtors').get() as { m: number | null };
  const account = Math.max(first, (max.m ?? first - 1) + 1);
  db.prepare('INSERT INTO datev_debtors (buyer_key, account, name, created_at) VALUES (?, ?, ?, ?)').run(buyerKey, account, name, nowIso);
  return account;
}

/** Orders whose order date (UTC ISO) lies in [fromIso, toIso). */
export function orderIdsBetween(db: Db, fromIso: string, toIso: string): number[] {
  return (db.prepare('SELECT id FROM orders WHERE order_date >= ? AND order_date < ? ORDER BY order_date, id').all(fromIso, toIso) as { id: number }[]).map((r) => r.id);
}
