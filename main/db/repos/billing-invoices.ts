import type { Db } from '../types';
import type { WireInvoice } from '../../../shared/fees/api';

/** Fee invoices as read from the billing service (a local copy, so the list shows offline). */
export type FeeInvoiceRow = WireInvoice & { pdfPath: string | null };
type Sql = {
  number: string; invoice_day: string; due_day: string; period_from: string; period_to: string; net_cents: number; vat_cents: number;
  gross_cents: number; orders: number; pdf_path: string | null;
};
const toRow = (r: Sql): FeeInvoiceRow => ({
  number: r.number, invoiceDay: r.invoice_day, dueDay: r.due_day, periodFrom: r.period_from, periodTo: r.period_to,
  netCents: r.net_cents, vatCents: r.vat_cents, grossCents: r.gross_cents, orders: r.orders, pdfPath: r.pdf_path,
});

export function listFeeInvoices(db: Db): FeeInvoiceRow[] {
  return (db.prepare('SELECT * FROM fee_invoices ORDER BY invoice_day DESC, number DESC').all() as Sql[]).map(toRow);
}

export function getFeeInvoice(db: Db, number: string): FeeInvoiceRow | null {
  const r = db.prepare('SELECT * FROM fee_invoices WHERE number = ?').get(number) as Sql | undefined;
  return r ? toRow(r) : null;
}

/** Upserts the service's list in one transaction; a PDF already downloaded keeps its path. */
export function saveFeeInvoices(db: Db, rows: Omit<FeeInvoiceRow, 'pdfPath'>[], nowIso: string): void {
  const up = db.prepare(
    `INSERT INTO fee_invoices (number, invoice_day, due_day, period_from, period_to, net_cents, vat_cents, gross_cents, orders, fetched_at)
     VALUES (@number, @invoiceDay, @dueDay, @periodFrom, @periodTo, @netCents, @vatCents, @grossCents, @orders, @now)
     ON CONFLICT(number) DO UPDATE SET invoice_day = excluded.invoice_day, due_day = excluded.due_day, period_from = excluded.period_from,
       period_to = excluded.period_to, net_cents = excluded.net_cents, vat_cents = excluded.vat_cents, gross_cents = excluded.gross_cents,
       orders = excluded.orders, fetched_at = excluded.fetched_at`,
  );
  db.transaction(() => rows.forEach((r) => up.run({ ...r, now: nowIso })))();
}

export function setFeeInvoicePdf(db: Db, number: string, path: string): void {
  db.prepare('UPDATE fee_invoices SET pdf_path = ? WHERE number = ?').run(path, number);
}
