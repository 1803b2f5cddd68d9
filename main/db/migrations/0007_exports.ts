import type { Migration } from './types';

/** Schema of the exports capability: issued e-invoices, rejected attempts, DATEV debtors, export log. */
export const m0007: Migration = {
  version: 7,
  name: 'exports',
  up(db) {
    db.exec(`
      -- One e-invoice per issued invoice/cancellation invoice; written once, never changed (GoBD).
      CREATE TABLE einvoices (
        invoice_number TEXT PRIMARY KEY,
        order_id INTEGER NOT NULL,
        kind TEXT NOT NULL,               -- invoice | cancellation
        profile TEXT NOT NULL,            -- en16931 | xrechnung
        xml TEXT NOT NULL,
        xml_sha256 TEXT NOT NULL,
        pdf BLOB NOT NULL,                -- hybrid PDF/A-3 with the XML embedded
        pdf_sha256 TEXT NOT NULL,
        checks TEXT NOT NULL,             -- JSON: checks that passed, warnings
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX einvoices_order ON einvoices(order_id);

      -- The last failed validation per invoice, so the seller sees rule id and text until it is fixed.
      CREATE TABLE einvoice_rejections (
        invoice_number TEXT PRIMARY KEY,
        order_id INTEGER NOT NULL,
        profile TEXT NOT NULL,
        report TEXT NOT NULL,             -- JSON ValidationReport
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX einvoice_rejections_order ON einvoice_rejections(order_id);

      -- DATEV debtor accounts of business buyers (by VAT id), assigned once and kept.
      CREATE TABLE datev_debtors (
        buyer_key TEXT PRIMARY KEY,
        account INTEGER NOT NULL UNIQUE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Every data export handed out, with the hash of the file.
      CREATE TABLE export_log (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,               -- csv-orders | csv-invoices | datev | pdf-zip
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        file_name TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        rows INTEGER NOT NULL,
        order_count INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
