import type { Migration } from './types';

export const m0001: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,            -- JSON
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        external_id TEXT NOT NULL,
        marketplace TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new',
        order_date TEXT NOT NULL,       -- UTC ISO
        paid_at TEXT,
        buyer_name TEXT NOT NULL DEFAULT '',
        buyer_email TEXT NOT NULL DEFAULT '',
        buyer_username TEXT NOT NULL DEFAULT '',
        buyer_vat_id TEXT NOT NULL DEFAULT '',
        ship_to TEXT NOT NULL,          -- JSON Address
        bill_to TEXT,                   -- JSON Address or NULL (= ship_to)
        ship_country TEXT NOT NULL,
        currency TEXT NOT NULL DEFAULT 'EUR',
        fx_rate_to_eur REAL NOT NULL DEFAULT 1,
        shipping_cents INTEGER NOT NULL DEFAULT 0,
        total_cents INTEGER NOT NULL,
        goods_cents INTEGER NOT NULL,   -- items gross, order currency
        item_count INTEGER NOT NULL,
        weight_grams INTEGER,
        tracking_number TEXT NOT NULL DEFAULT '',
        carrier TEXT NOT NULL DEFAULT '',
        shipped_at TEXT,
        note TEXT NOT NULL DEFAULT '',
        warnings TEXT NOT NULL DEFAULT '[]', -- JSON AddressWarning[]
        locked INTEGER NOT NULL DEFAULT 0,   -- 1 once a document was issued
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (channel, external_id)
      ) STRICT;
      CREATE INDEX orders_status ON orders(status, order_date);
      CREATE INDEX orders_date ON orders(order_date);
      CREATE INDEX orders_channel ON orders(channel, order_date);

      CREATE TABLE order_items (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        sku TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price_cents INTEGER NOT NULL,
        vat_rate REAL,
        external_line_id TEXT NOT NULL DEFAULT '',
        weight_grams INTEGER,
        UNIQUE (order_id, position)
      ) STRICT;

      CREATE TABLE order_history (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX order_history_order ON order_history(order_id, at);

      -- One row per order at most: the first chargeable action (PRODUCT.md §6).
      CREATE TABLE usage_events (
        id TEXT PRIMARY KEY,            -- idempotency key sent to the billing service
        order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
        order_key TEXT NOT NULL,        -- channel:external_id, stable across reinstalls
        action TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        goods_value_cents INTEGER NOT NULL,
        synced_at TEXT
      ) STRICT;
      CREATE INDEX usage_events_unsynced ON usage_events(synced_at) WHERE synced_at IS NULL;

      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        state TEXT NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}',
        result TEXT,
        summary TEXT,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE job_items (
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        ref TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending', -- pending | done | failed | skipped
        reason TEXT,
        PRIMARY KEY (job_id, seq)
      ) STRICT;
    `);
  },
};
