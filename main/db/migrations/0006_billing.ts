import type { Migration } from './types';

/** Schema of the billing capability: trial, billing details, sync state, fee invoices (docs/billing.md). */
export const m0006: Migration = {
  version: 6,
  name: 'billing',
  up(db) {
    db.exec(`
      -- One row: who registered, and the trial. The API token is NOT here (SecretStore).
      CREATE TABLE billing_account (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        first_start_at TEXT NOT NULL,      -- UTC ISO; the trial starts here locally
        registered_at TEXT,                -- when name + e-mail were entered
        trial_started_at TEXT NOT NULL,    -- the billing service's value wins once known
        trial_ends_at TEXT NOT NULL,
        server_account_id TEXT,            -- set once the billing service confirmed the registration
        server_confirmed_at TEXT,
        latest_seen_at TEXT NOT NULL,      -- monotonic: the latest time this installation has seen
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Trial notifications already shown ('7d', '1d', 'end'): each once.
      CREATE TABLE billing_notices (
        kind TEXT PRIMARY KEY,
        shown_at TEXT NOT NULL
      ) STRICT;

      -- Billing address and SEPA mandate (needed after the trial).
      CREATE TABLE billing_details (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        company TEXT NOT NULL DEFAULT '',
        holder TEXT NOT NULL,
        iban TEXT NOT NULL,                -- electronic format, no spaces
        bic TEXT NOT NULL DEFAULT '',
        street TEXT NOT NULL,
        zip TEXT NOT NULL,
        city TEXT NOT NULL,
        country TEXT NOT NULL DEFAULT 'DE',
        mandate_reference TEXT NOT NULL,
        mandate_date TEXT NOT NULL,        -- YYYY-MM-DD
        updated_at TEXT NOT NULL,
        synced_at TEXT                     -- NULL: not yet sent to the billing service
      ) STRICT;

      -- One row: the outbox sync's state, so backoff survives restarts.
      CREATE TABLE billing_sync (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_attempt_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT
      ) STRICT;
      INSERT INTO billing_sync (id, failures) VALUES (1, 0);

      -- Fee invoices as last read from the billing service (shown offline; PDFs fetched on demand).
      CREATE TABLE fee_invoices (
        number TEXT PRIMARY KEY,
        invoice_day TEXT NOT NULL,
        due_day TEXT NOT NULL,
        period_from TEXT NOT NULL,         -- YYYY-MM
        period_to TEXT NOT NULL,
        net_cents INTEGER NOT NULL,
        vat_cents INTEGER NOT NULL,
        gross_cents INTEGER NOT NULL,
        orders INTEGER NOT NULL,
        pdf_path TEXT,
        fetched_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
