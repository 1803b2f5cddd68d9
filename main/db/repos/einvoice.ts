import type { Db } from '../types';

export type EInvoiceRow = {
  invoice_number: string; order_id: number; kind: string; profile: string; xml: string; xml_sha256: string;
  pdf: Buffer; pdf_sha256: string; checks: string; created_at: string;
};
export type EInvoiceMeta = Omit<EInvoiceRow, 'xml' | 'pdf'>;
export type RejectionRow = { invoice_number: string; order_id: number; profile: string; report: string; at: string };

/** Stores an issued e-invoice once; a second call for the same number keeps the first (returns false). */
export function insertEInvoice(db: Db, r: EInvoiceRow): boolean {
  const res = db
    .prepare(
      `INSERT OR IGNORE INTO einvoices (invoice_number, order_id, kind, profile, xml, xml_sha256, pdf, pdf_sha256, checks, created_at)
       VALUES (@invoice_number, @order_id, @kind, @profile, @xml, @xml_sha256, @pdf, @pdf_sha256, @checks, @created_at)`,
    )
    .run(r);
  if (res.changes) db.prepare('DELETE FROM einvoice_rejections WHERE invoice_number = ?').run(r.invoice_number);
  return res.changes > 0;
}

export function getEInvoice(db: Db, number: string): EInvoiceRow | null {
  return (db.prepare('SELECT * FROM einvoices WHERE invoice_number = ?').get(number) as EInvoiceRow | undefined) ?? null;
}

const META = 'invoice_number, order_id, kind, profile, xml_sha256, pdf_sha256, checks, created_at';

export function listEInvoicesForOrder(db: Db, orderId: number): EInvoiceMeta[] {
  return db.prepare(`SELECT ${META} FROM einvoices WHERE order_id = ? ORDER BY created_at, invoice_number`).all(orderId) as EInvoiceMeta[];
}

export function upsertRejection(db: Db, r: RejectionRow): void {
  db.prepare(
    `INSERT INTO einvoice_rejections (invoice_number, order_id, profile, report, at) VALUES (@invoice_number, @order_id, @profile, @report, @at)
     ON CONFLICT(invoice_number) DO UPDATE SET profile = excluded.profile, report = excluded.report, at = excluded.at`,
  ).run(r);
}

export function listRejectionsForOrder(db: Db, orderId: number): RejectionRow[] {
  return db.prepare('SELECT * FROM einvoice_rejections WHERE order_id = ? ORDER BY invoice_number').all(orderId) as RejectionRow[];
}

export function getRejection(db: Db, number: string): RejectionRow | null {
  return (db.prepare('SELECT * FROM einvoice_rejections WHERE invoice_number = ?').get(number) as RejectionRow | undefined) ?? null;
}
