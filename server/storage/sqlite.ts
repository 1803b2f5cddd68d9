import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Account, BillingStorage, InvoiceLine, StoredEvent, StoredInvoice } from './types';
import type { WireBillingDetails } from '../../shared/fees/api';
import { berlinMonth } from '../../shared/format';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  installation_id TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,        -- sha256(token), hex
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  trial_started_at TEXT NOT NULL,
  trial_ends_at TEXT NOT NULL,
  details TEXT,                           -- JSON billing address + SEPA mandate
  details_updated_at TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS usage_events (
  account_id TEXT NOT NULL REFERENCES accounts(id),
  event_id TEXT NOT NULL,
  order_key TEXT NOT NULL,
  action TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  month TEXT NOT NULL,                    -- Europe/Berlin YYYY-MM of occurred_at
  goods_value_cents INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  invoice_number TEXT,
  PRIMARY KEY (account_id, event_id),
  UNIQUE (account_id, order_key)
) STRICT;
CREATE TABLE IF NOT EXISTS invoices (
  number TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  invoice_day TEXT NOT NULL,
  due_day TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  net_cents INTEGER NOT NULL,
  vat_cents INTEGER NOT NULL,
  gross_cents INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  lines TEXT NOT NULL,                    -- JSON InvoiceLine[]
  recipient TEXT NOT NULL,                -- JSON snapshot
  issued_at TEXT NOT NULL,
  pdf BLOB
) STRICT;
CREATE INDEX IF NOT EXISTS invoices_account ON invoices(account_id, invoice_day);
CREATE TABLE IF NOT EXISTS invoice_months (
  invoice_number TEXT NOT NULL REFERENCES invoices(number),
  account_id TEXT NOT NULL,
  month TEXT NOT NULL,
  net_cents INTEGER NOT NULL,
  PRIMARY KEY (invoice_number, month)
) STRICT;
CREATE TABLE IF NOT EXISTS mail_outbox (
  id INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL,
  to_email TEXT NOT NULL,
  subject TEXT NOT NULL,
  invoice_number TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
) STRICT;
`;

type AccountSql = {
  id: string; installation_id: string; token_hash: string; name: string; email: string; trial_started_at: string; trial_ends_at: string;
  details: string | null; created_at: string;
};
const toAccount = (r: AccountSql): Account & { tokenHash: string } => ({
  id: r.id, installationId: r.installation_id, tokenHash: r.token_hash, name: r.name, email: r.email, trialStartedAt: r.trial_started_at,
  trialEndsAt: r.trial_ends_at, createdAt: r.created_at, details: r.details ? (JSON.parse(r.details) as WireBillingDetails) : null,
});
const publicAccount = (a: Account & { tokenHash: string }): Account => {
  const { tokenHash: _t, ...rest } = a;
  void _t;
  return rest;
};

type InvoiceSql = {
  number: string; account_id: string; invoice_day: string; due_day: string; period_from: string; period_to: string; net_cents: number;
  vat_cents: number; gross_cents: number; orders: number; lines: string; recipient: string; issued_at: string;
};
const toInvoice = (r: InvoiceSql): StoredInvoice => ({
  number: r.number, accountId: r.account_id, invoiceDay: r.invoice_day, dueDay: r.due_day, periodFrom: r.period_from, periodTo: r.period_to,
  netCents: r.net_cents, vatCents: r.vat_cents, grossCents: r.gross_cents, orders: r.orders, lines: JSON.parse(r.lines) as InvoiceLine[],
  recipient: JSON.parse(r.recipient) as StoredInvoice['recipient'], issuedAt: r.issued_at,
});

/** The embedded default storage: one SQLite file (WAL) in the service's data folder. */
export function openSqliteStorage(file: string): BillingStorage {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // an acknowledged usage batch must survive a power cut
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const insertEvent = db.prepare(
    `INSERT INTO usage_events (account_id, event_id, order_key, action, occurred_at, month, goods_value_cents, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );

  const storage: BillingStorage = {
    transaction: (fn) => db.transaction(fn)(),
    findAccountByInstallation(installationId) {
      const r = db.prepare('SELECT * FROM accounts WHERE installation_id = ?').get(installationId) as AccountSql | undefined;
      return r ? toAccount(r) : null;
    },
    findAccountByTokenHash(tokenHash) {
      const r = db.prepare('SELECT * FROM accounts WHERE token_hash = ?').get(tokenHash) as AccountSql | undefined;
      return r ? publicAccount(toAccount(r)) : null;
    },
    createAccount(a) {
      db.prepare(
        `INSERT INTO accounts (id, installation_id, token_hash, name, email, trial_started_at, trial_ends_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(a.id, a.installationId, a.tokenHash, a.name, a.email, a.trialStartedAt, a.trialEndsAt, a.createdAt);
    },
    updateAccountContact(accountId, name, email) {
      db.prepare('UPDATE accounts SET name = ?, email = ? WHERE id = ?').run(name, email, accountId);
    },
    setBillingDetails(accountId, details, nowIso) {
      db.prepare('UPDATE accounts SET details = ?, details_updated_at = ? WHERE id = ?').run(JSON.stringify(details), nowIso, accountId);
    },
    listAccountIds() {
      return (db.prepare('SELECT id FROM accounts ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    },
    getAccount(accountId) {
      const r = db.prepare('SELECT * FROM accounts WHERE id = ?').get(accountId) as AccountSql | undefined;
      return r ? publicAccount(toAccount(r)) : null;
    },
    ingestUsage(accountId, events, nowIso) {
      return db.transaction(() => {
        let accepted = 0;
        for (const e of events) {
          // Stored as UTC ISO with milliseconds, so ordering by the column is ordering by time.
          const at = new Date(e.occurredAt).toISOString();
          accepted += insertEvent.run(accountId, e.id, e.orderKey, e.action, at, berlinMonth(at), e.goodsValueCents, nowIso).changes;
        }
        return { accepted, duplicates: events.length - accepted };
      })();
    },
    listEvents(accountId) {
      const rows = db.prepare('SELECT * FROM usage_events WHERE account_id = ? ORDER BY occurred_at, event_id').all(accountId) as {
        event_id: string; order_key: string; action: string; occurred_at: string; goods_value_cents: number; received_at: string; invoice_number: string | null;
      }[];
      return rows.map(
        (r): StoredEvent => ({
          id: r.event_id, orderKey: r.order_key, action: r.action as StoredEvent['action'], occurredAt: r.occurred_at,
          goodsValueCents: r.goods_value_cents, receivedAt: r.received_at, invoiceNumber: r.invoice_number,
        }),
      );
    },
    invoicedByMonth(accountId) {
      const rows = db.prepare('SELECT month, SUM(net_cents) AS c FROM invoice_months WHERE account_id = ? GROUP BY month').all(accountId) as { month: string; c: number }[];
      return new Map(rows.map((r) => [r.month, r.c]));
    },
    insertInvoice(inv, eventIds) {
      db.prepare(
        `INSERT INTO invoices (number, account_id, invoice_day, due_day, period_from, period_to, net_cents, vat_cents, gross_cents, orders, lines, recipient, issued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(inv.number, inv.accountId, inv.invoiceDay, inv.dueDay, inv.periodFrom, inv.periodTo, inv.netCents, inv.vatCents, inv.grossCents, inv.orders,
        JSON.stringify(inv.lines), JSON.stringify(inv.recipient), inv.issuedAt);
      const m = db.prepare('INSERT INTO invoice_months (invoice_number, account_id, month, net_cents) VALUES (?, ?, ?, ?)');
      for (const l of inv.lines) m.run(inv.number, inv.accountId, l.month, l.netCents);
      const assign = db.prepare('UPDATE usage_events SET invoice_number = ? WHERE account_id = ? AND event_id = ? AND invoice_number IS NULL');
      for (const id of eventIds) assign.run(inv.number, inv.accountId, id);
    },
    nextInvoiceNumber(year) {
      const prefix = `PDG-${year}-`;
      const r = db.prepare('SELECT MAX(CAST(substr(number, ?) AS INTEGER)) AS n FROM invoices WHERE number LIKE ?').get(prefix.length + 1, `${prefix}%`) as { n: number | null };
      return `${prefix}${String((r.n ?? 0) + 1).padStart(5, '0')}`;
    },
    listInvoices(accountId) {
      return (db.prepare('SELECT * FROM invoices WHERE account_id = ? ORDER BY invoice_day DESC, number DESC').all(accountId) as InvoiceSql[]).map(toInvoice);
    },
    getInvoice(accountId, number) {
      const r = db.prepare('SELECT * FROM invoices WHERE account_id = ? AND number = ?').get(accountId, number) as InvoiceSql | undefined;
      return r ? toInvoice(r) : null;
    },
    getInvoicePdf(accountId, number) {
      const r = db.prepare('SELECT pdf FROM invoices WHERE account_id = ? AND number = ?').get(accountId, number) as { pdf: Buffer | null } | undefined;
      return r?.pdf ? new Uint8Array(r.pdf) : null;
    },
    saveInvoicePdf(accountId, number, pdf) {
      db.prepare('UPDATE invoices SET pdf = ? WHERE account_id = ? AND number = ? AND pdf IS NULL').run(Buffer.from(pdf), accountId, number);
    },
    queueMail(accountId, to, subject, invoiceNumber, nowIso) {
      db.prepare('INSERT INTO mail_outbox (account_id, to_email, subject, invoice_number, created_at) VALUES (?, ?, ?, ?, ?)').run(accountId, to, subject, invoiceNumber, nowIso);
    },
    close: () => db.close(),
  };
  return storage;
}
