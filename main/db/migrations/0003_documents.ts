import type { Migration } from './types';

/**
 * Schema of the documents capability: issued invoices, cancellation invoices and delivery notes.
 * A document row is written in ONE transaction together with its number, its frozen content, its PDF
 * bytes and their SHA-256 — so there is never a number without a document, a record without its PDF
 * or a PDF without its record. Triggers make issued content immutable (GoBD); the only later change
 * allowed is linking an invoice to the cancellation invoice that cancelled it (once).
 */
export const m0003: Migration = {
  version: 3,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE doc_number_ranges (
        range_key TEXT PRIMARY KEY,       -- pattern with the date parts filled in, e.g. RE-2026-{NNNNN}
        doc_family TEXT NOT NULL,         -- invoice | delivery_note
        next_seq INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Every deliberate change of a counter (start value) so that the gap report can name a cause.
      CREATE TABLE doc_number_events (
        id INTEGER PRIMARY KEY,
        range_key TEXT NOT NULL,
        at TEXT NOT NULL,
        from_seq INTEGER NOT NULL,
        to_seq INTEGER NOT NULL,
        cause TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('invoice', 'cancellation', 'delivery_note')),
        order_id INTEGER NOT NULL REFERENCES orders(id),
        range_key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        issue_date TEXT NOT NULL,         -- YYYY-MM-DD (Europe/Berlin)
        issued_at TEXT NOT NULL,          -- UTC ISO
        cancels_id INTEGER UNIQUE REFERENCES documents(id),
        cancelled_by_id INTEGER REFERENCES documents(id),
        tax_case TEXT,
        tax_case_reason TEXT,
        destination_country TEXT NOT NULL,
        distance_sale INTEGER NOT NULL DEFAULT 0,
        currency TEXT NOT NULL,
        net_cents INTEGER NOT NULL,
        vat_cents INTEGER NOT NULL,
        gross_cents INTEGER NOT NULL,
        net_eur_cents INTEGER NOT NULL,   -- for the OSS threshold
        content TEXT NOT NULL,            -- JSON InvoiceSnapshot / DeliveryNoteSnapshot
        content_sha256 TEXT NOT NULL,
        pdf BLOB NOT NULL,
        pdf_sha256 TEXT NOT NULL,
        pdf_bytes INTEGER NOT NULL,
        UNIQUE (range_key, seq)
      ) STRICT;
      CREATE INDEX documents_order ON documents(order_id, kind);
      CREATE INDEX documents_issue_date ON documents(issue_date);
      -- One valid invoice per order; one delivery note per order (reprints give the same file).
      CREATE UNIQUE INDEX documents_one_open_invoice ON documents(order_id) WHERE kind = 'invoice' AND cancelled_by_id IS NULL;
      CREATE UNIQUE INDEX documents_one_delivery_note ON documents(order_id) WHERE kind = 'delivery_note';

      CREATE TRIGGER documents_immutable BEFORE UPDATE OF
        number, kind, order_id, range_key, seq, issue_date, issued_at, cancels_id, tax_case, tax_case_reason,
        destination_country, distance_sale, currency, net_cents, vat_cents, gross_cents, net_eur_cents, content,
        content_sha256, pdf, pdf_sha256, pdf_bytes ON documents
      BEGIN
        SELECT RAISE(ABORT, 'GoBD: ausgestellte Belege sind unveränderlich');
      END;
      CREATE TRIGGER documents_cancel_once BEFORE UPDATE OF cancelled_by_id ON documents
        WHEN OLD.cancelled_by_id IS NOT NULL OR OLD.kind <> 'invoice'
      BEGIN
        SELECT RAISE(ABORT, 'GoBD: diese Rechnung ist bereits storniert');
      END;
      CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
      BEGIN
        SELECT RAISE(ABORT, 'GoBD: ausgestellte Belege dürfen nicht gelöscht werden');
      END;

      -- Files in <data>/archive written (fsynced) after the commit; missing rows are rewritten at start-up.
      CREATE TABLE doc_archive_files (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id),
        path TEXT NOT NULL,
        written_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
