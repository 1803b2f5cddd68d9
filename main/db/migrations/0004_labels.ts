import type { Migration } from './types';

/** Schema of the labels capability: printed labels, the seller's own label stock, the print log. */
export const m0004: Migration = {
  version: 4,
  name: 'labels',
  up(db) {
    db.exec(`
      -- Every print job the app hands to the OS (or saves because no printer is set), with its state.
      CREATE TABLE print_log (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        job_type TEXT NOT NULL,            -- invoice | delivery_note | label | stamp
        title TEXT NOT NULL,
        printer TEXT NOT NULL DEFAULT '',  -- OS queue name, '' when saved only
        page_width_mm REAL NOT NULL,
        page_height_mm REAL NOT NULL,
        pages INTEGER NOT NULL DEFAULT 1,
        state TEXT NOT NULL,               -- saved | sent | printing | completed | failed
        system_job_id TEXT NOT NULL DEFAULT '',
        saved_to TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX print_log_created ON print_log(created_at);

      -- Label stock the seller defined (custom sizes, own sheets); the catalogue itself is code.
      CREATE TABLE label_stock_custom (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL,                -- JSON LabelStock
        created_at TEXT NOT NULL
      ) STRICT;

      -- One row per label printed for an order (reprints included).
      CREATE TABLE labels_printed (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        stock_id TEXT NOT NULL,
        printed_at TEXT NOT NULL,
        print_log_id INTEGER REFERENCES print_log(id),
        app_job_id TEXT NOT NULL DEFAULT '',
        sheet_position INTEGER              -- 1-based cell on a sheet, NULL on roll stock
      ) STRICT;
      CREATE INDEX labels_printed_order ON labels_printed(order_id, printed_at);
      CREATE UNIQUE INDEX labels_printed_job ON labels_printed(app_job_id, order_id) WHERE app_job_id <> '';
    `);
  },
};
