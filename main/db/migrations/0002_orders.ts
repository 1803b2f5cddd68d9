import type { Migration } from './types';

/**
 * The search document of one order: order number, tracking, buyer, ship-to address and item titles/SKUs.
 * Kept in FTS5 by triggers, so every writer of orders/order_items (import, manual edit, other
 * capabilities, test fakes) keeps the index right without knowing about it.
 */
// One json_extract with many paths parses the JSON once (returns a JSON array; the tokenizer skips the punctuation).
const ADDR = (col: string) =>
  `coalesce(json_extract(o.${col}, ${["name", "company", "careOf", "street", "houseNumber", "addition", "postNumber", "zip", "city", "country"].map((k) => `'$.${k}'`).join(', ')}), '')`;
const rebuild = (idExpr: string) => `
    DELETE FROM orders_fts WHERE rowid = ${idExpr};
    INSERT INTO orders_fts (rowid, ref, buyer, address, items)
      SELECT o.id, o.external_id || ' ' || o.tracking_number || ' ' || o.marketplace,
             o.buyer_name || ' ' || o.buyer_username || ' ' || o.buyer_email,
             ${ADDR('ship_to')} || ' ' || ${ADDR('bill_to')},
             coalesce((SELECT group_concat(i.title || ' ' || i.sku, ' ') FROM order_items i WHERE i.order_id = o.id), '')
      FROM orders o WHERE o.id = ${idExpr};`;

/** Schema of the orders capability. */
export const m0002: Migration = {
  version: 2,
  name: 'orders',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE orders_fts USING fts5(ref, buyer, address, items, tokenize = 'unicode61 remove_diacritics 2');

      CREATE TRIGGER orders_fts_item_insert AFTER INSERT ON order_items BEGIN ${rebuild('new.order_id')} END;
      CREATE TRIGGER orders_fts_item_delete AFTER DELETE ON order_items BEGIN ${rebuild('old.order_id')} END;
      CREATE TRIGGER orders_fts_order_update AFTER UPDATE OF external_id, tracking_number, marketplace, buyer_name, buyer_username, buyer_email, ship_to, bill_to ON orders BEGIN ${rebuild('new.id')} END;
      CREATE TRIGGER orders_fts_order_delete AFTER DELETE ON orders BEGIN DELETE FROM orders_fts WHERE rowid = old.id; END;

      -- Sorting the list by any column at 100,000 orders without a full sort.
      CREATE INDEX orders_buyer ON orders(buyer_name COLLATE NOCASE, id);
      CREATE INDEX orders_total ON orders(total_cents, id);
      CREATE INDEX orders_items ON orders(item_count, id);
      CREATE INDEX orders_country ON orders(ship_country, id);
      CREATE INDEX orders_extid ON orders(external_id, id);
      CREATE INDEX orders_date_id ON orders(order_date, id);
      CREATE INDEX orders_warned ON orders(order_date) WHERE warnings <> '[]';
      -- Counts of status + channel filters (the chips) straight from the index, without reading rows.
      CREATE INDEX orders_status_channel ON orders(status, channel, order_date);

      -- Every import of a file, with its report (what went in, what was rejected and why).
      CREATE TABLE order_imports (
        id INTEGER PRIMARY KEY,
        job_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        format TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        report TEXT NOT NULL            -- JSON ImportFileReport
      ) STRICT;
      CREATE INDEX order_imports_job ON order_imports(job_id);

      -- Saved column mappings for the generic CSV import.
      CREATE TABLE order_import_mappings (
        name TEXT PRIMARY KEY,
        mapping TEXT NOT NULL,          -- JSON ColumnMapping
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Which shipped orders already went into a marketplace tracking-upload file.
      CREATE TABLE order_tracking_exports (
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        target TEXT NOT NULL,           -- ebay | amazon
        tracking_number TEXT NOT NULL,
        exported_at TEXT NOT NULL,
        PRIMARY KEY (order_id, target)
      ) STRICT;
    `);
  },
};
