import type { Db } from '../types';

export type DocKind = 'invoice' | 'cancellation' | 'delivery_note';
export type DocFamily = 'invoice' | 'delivery_note';

/** A document row without its PDF bytes (lists stay light). */
export type DocumentRow = {
  id: number; number: string; kind: DocKind; order_id: number; range_key: string; seq: number; issue_date: string;
  issued_at: string; cancels_id: number | null; cancelled_by_id: number | null; tax_case: string | null;
  tax_case_reason: string | null; destination_country: string; distance_sale: number; currency: string; net_cents: number;
  vat_cents: number; gross_cents: number; net_eur_cents: number; content_sha256: string; pdf_sha256: string; pdf_bytes: number;
};
export type NewDocument = Omit<DocumentRow, 'id' | 'cancelled_by_id'> & { content: string; pdf: Uint8Array };

const COLS = `id, number, kind, order_id, range_key, seq, issue_date, issued_at, cancels_id, cancelled_by_id, tax_case,
  tax_case_reason, destination_country, distance_sale, currency, net_cents, vat_cents, gross_cents, net_eur_cents,
  content_sha256, pdf_sha256, pdf_bytes`;

export function insertDocument(db: Db, d: NewDocument): number {
  const r = db
    .prepare(
      `INSERT INTO documents (number, kind, order_id, range_key, seq, issue_date, issued_at, cancels_id, tax_case, tax_case_reason,
        destination_country, distance_sale, currency, net_cents, vat_cents, gross_cents, net_eur_cents, content, content_sha256,
        pdf, pdf_sha256, pdf_bytes)
       VALUES (@number, @kind, @order_id, @range_key, @seq, @issue_date, @issued_at, @cancels_id, @tax_case, @tax_case_reason,
        @destination_country, @distance_sale, @currency, @net_cents, @vat_cents, @gross_cents, @net_eur_cents, @content,
        @content_sha256, @pdf, @pdf_sha256, @pdf_bytes)`,
    )
    .run({ ...d, pdf: Buffer.from(d.pdf.buffer, d.pdf.byteOffset, d.pdf.byteLength) });
  return Number(r.lastInsertRowid);
}

export const getDocumentByNumber = (db: Db, number: string) =>
  db.prepare(`SELECT ${COLS} FROM documents WHERE number = ?`).get(number) as DocumentRow | undefined;

export const getDocumentById = (db: Db, id: number) => db.prepare(`SELECT ${COLS} FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined;

export const openInvoiceOf = (db: Db, orderId: number) =>
  db.prepare(`SELECT ${COLS} FROM documents WHERE order_id = ? AND kind = 'invoice' AND cancelled_by_id IS NULL`).get(orderId) as
    | DocumentRow
    | undefined;

export const deliveryNoteOf = (db: Db, orderId: number) =>
  db.prepare(`SELECT ${COLS} FROM documents WHERE order_id = ? AND kind = 'delivery_note'`).get(orderId) as DocumentRow | undefined;

export function documentContent(db: Db, number: string): string | null {
  const r = db.prepare('SELECT content FROM documents WHERE number = ?').get(number) as { content: string } | undefined;
  return r?.content ?? null;
}

export function documentPdf(db: Db, number: string): { pdf: Buffer; sha256: string } | null {
  const r = db.prepare('SELECT pdf, pdf_sha256 FROM documents WHERE number = ?').get(number) as { pdf: Buffer; pdf_sha256: string } | undefined;
  return r ? { pdf: r.pdf, sha256: r.pdf_sha256 } : null;
}

export function markCancelled(db: Db, invoiceId: number, cancellationId: number): void {
  db.prepare('UPDATE documents SET cancelled_by_id = ? WHERE id = ?').run(cancellationId, invoiceId);
}

export type DocumentFilter = { kinds?: DocKind[]; orderIds?: number[]; fromDay?: string; toDay?: string; limit?: number };

export function listDocuments(db: Db, f: DocumentFilter = {}): DocumentRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.kinds?.length) {
    where.push(`kind IN (${f.kinds.map(() => '?').join(',')})`);
    args.push(...f.kinds);
  }
  if (f.orderIds) {
    if (f.orderIds.length === 0) return [];
    where.push(`order_id IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(f.orderIds));
  }
  if (f.fromDay) {
    where.push('issue_date >= ?');
    args.push(f.fromDay);
  }
  if (f.toDay) {
    where.push('issue_date <= ?');
    args.push(f.toDay);
  }
  const sql = `SELECT ${COLS} FROM documents ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id LIMIT ?`;
  return db.prepare(sql).all(...args, f.limit ?? 1_000_000) as DocumentRow[];
}

// ---- number ranges ----

export function rangeNextSeq(db: Db, rangeKey: string): number | null {
  const r = db.prepare('SELECT next_seq FROM doc_number_ranges WHERE range_key = ?').get(rangeKey) as { next_seq: number } | undefined;
  return r?.next_seq ?? null;
}

/** Consumes `seq` of the range (creating the range at `seq` if new). Must run inside the issuing transaction. */
export function consumeSeq(db: Db, rangeKey: string, family: DocFamily, seq: number, nowIso: string): void {
  db.prepare(
    `INSERT INTO doc_number_ranges (range_key, doc_family, next_seq, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(range_key) DO UPDATE SET next_seq = excluded.next_seq, updated_at = excluded.updated_at`,
  ).run(rangeKey, family, seq + 1, nowIso);
}

export function setRangeStart(db: Db, rangeKey: string, family: DocFamily, nextSeq: number, cause: string, nowIso: string): void {
  const cur = rangeNextSeq(db, rangeKey) ?? 1;
  db.prepare(
    `INSERT INTO doc_number_ranges (range_key, doc_family, next_seq, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(range_key) DO UPDATE SET next_seq = excluded.next_seq, updated_at = excluded.updated_at`,
  ).run(rangeKey, family, nextSeq, nowIso);
  db.prepare('INSERT INTO doc_number_events (range_key, at, from_seq, to_seq, cause) VALUES (?, ?, ?, ?, ?)').run(rangeKey, nowIso, cur, nextSeq, cause);
}

export type RangeRow = { range_key: string; doc_family: DocFamily; next_seq: number };
export const listRanges = (db: Db) => db.prepare('SELECT range_key, doc_family, next_seq FROM doc_number_ranges ORDER BY range_key').all() as RangeRow[];

export const rangeSeqs = (db: Db, rangeKey: string) =>
  (db.prepare('SELECT seq FROM documents WHERE range_key = ? ORDER BY seq').all(rangeKey) as { seq: number }[]).map((r) => r.seq);

export type NumberEvent = { range_key: string; at: string; from_seq: number; to_seq: number; cause: string };
export const rangeEvents = (db: Db, rangeKey: string) =>
  db.prepare('SELECT range_key, at, from_seq, to_seq, cause FROM doc_number_events WHERE range_key = ? ORDER BY id').all(rangeKey) as NumberEvent[];

// ---- OSS threshold ----

/** Net EUR cents of EU B2C distance sales invoiced in a calendar year (cancellations count negative). */
export function distanceSalesCents(db: Db, year: string): number {
  const r = db
    .prepare(`SELECT COALESCE(SUM(net_eur_cents), 0) s FROM documents WHERE issue_date BETWEEN ? AND ? AND distance_sale = 1 AND kind IN ('invoice','cancellation')`)
    .get(`${year}-01-01`, `${year}-12-31`) as { s: number };
  return r.s;
}

/** Net EUR cents of all invoices (minus cancellations) issued in a calendar year (Kleinunternehmer limit). */
export function invoicedNetCents(db: Db, year: string): number {
  const r = db
    .prepare(`SELECT COALESCE(SUM(net_eur_cents), 0) s FROM documents WHERE issue_date BETWEEN ? AND ? AND kind IN ('invoice','cancellation')`)
    .get(`${year}-01-01`, `${year}-12-31`) as { s: number };
  return r.s;
}

// ---- archive files ----

export function documentsWithoutFile(db: Db): { id: number; number: string; issue_date: string; kind: DocKind; pdf_sha256: string }[] {
  return db
    .prepare(
      `SELECT d.id, d.number, d.issue_date, d.kind, d.pdf_sha256 FROM documents d
       LEFT JOIN doc_archive_files f ON f.document_id = d.id WHERE f.document_id IS NULL ORDER BY d.id`,
    )
    .all() as { id: number; number: string; issue_date: string; kind: DocKind; pdf_sha256: string }[];
}

export function recordArchiveFile(db: Db, documentId: number, path: string, nowIso: string): void {
  db.prepare('INSERT OR REPLACE INTO doc_archive_files (document_id, path, written_at) VALUES (?, ?, ?)').run(documentId, path, nowIso);
}

export function archiveFiles(db: Db): { document_id: number; path: string; number: string; pdf_sha256: string }[] {
  return db
    .prepare('SELECT f.document_id, f.path, d.number, d.pdf_sha256 FROM doc_archive_files f JOIN documents d ON d.id = f.document_id ORDER BY d.id')
    .all() as { document_id: number; path: string; number: string; pdf_sha256: string }[];
}
