import type { Migration } from './types';

/**
 * Schema of the franking capability. franking_purchases is the purchase JOURNAL: a row exists
 * before money can move, the shopOrderId is written in its own transaction right after the cart
 * is created, and `state` says how far the checkout got, so a crash or timeout is resolved by
 * asking Deutsche Post (GET /app/shoppingcart/{id}) instead of buying again.
 */
export const m0005: Migration = {
  version: 5,
  name: 'franking',
  up(db) {
    db.exec(`
      CREATE TABLE franking_purchases (
        id INTEGER PRIMARY KEY,
        shop_order_id TEXT UNIQUE,           -- from POST /app/shoppingcart; NULL only while 'draft'
        -- draft → initialised → checkout_sent → completed | failed; 'unknown' when the answer was lost
        state TEXT NOT NULL,
        format TEXT NOT NULL,                -- pdf | png
        page_format_id INTEGER,
        page_width_mm REAL,
        page_height_mm REAL,
        start_position INTEGER NOT NULL DEFAULT 1,
        total_cents INTEGER NOT NULL,
        request_json TEXT,                   -- the exact checkout body: a retry sends the identical cart
        checkout_attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        wallet_after_cents INTEGER,
        link TEXT,
        file_path TEXT,                      -- stamp PDF (or PNG ZIP) in <data>/stamps, never rewritten
        file_sha256 TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT
      ) STRICT;
      CREATE INDEX franking_purchases_open ON franking_purchases(state) WHERE state NOT IN ('completed', 'failed');

      CREATE TABLE franking_purchase_items (
        purchase_id INTEGER NOT NULL REFERENCES franking_purchases(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,                -- position in the cart = position in voucherList
        order_id INTEGER NOT NULL REFERENCES orders(id),
        product_code INTEGER NOT NULL,
        price_cents INTEGER NOT NULL,
        PRIMARY KEY (purchase_id, seq)
      ) STRICT;
      CREATE INDEX franking_purchase_items_order ON franking_purchase_items(order_id);

      CREATE TABLE franking_refunds (
        id INTEGER PRIMARY KEY,
        shop_order_id TEXT NOT NULL,
        shop_retoure_id TEXT,
        retoure_transaction_id TEXT,
        state TEXT NOT NULL,                 -- requesting | open | done | failed
        refunded_cents INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE franking_stamps (
        voucher_id TEXT PRIMARY KEY,
        track_id TEXT,
        purchase_id INTEGER NOT NULL REFERENCES franking_purchases(id),
        seq INTEGER NOT NULL,
        order_id INTEGER NOT NULL REFERENCES orders(id),
        product_code INTEGER NOT NULL,
        price_cents INTEGER NOT NULL,
        bought_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'valid', -- valid | refund_requested | refunded | refund_refused
        refund_id INTEGER REFERENCES franking_refunds(id),
        printed_count INTEGER NOT NULL DEFAULT 0,
        UNIQUE (purchase_id, seq)
      ) STRICT;
      CREATE INDEX franking_stamps_order ON franking_stamps(order_id);

      CREATE TABLE franking_balance (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        balance_cents INTEGER NOT NULL,
        source TEXT NOT NULL                 -- login | checkout | topup | refund
      ) STRICT;
    `);
  },
};
