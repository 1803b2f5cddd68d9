import type { Db } from '../types';

/** SQL of the billing capability: account/trial, notices, billing details, sync state. */

export type BillingAccountRow = {
  name: string;
  email: string;
  firstStartAt: string;
  registeredAt: string | null;
  trialStartedAt: string;
  trialEndsAt: string;
  serverAccountId: string | null;
  serverConfirmedAt: string | null;
  latestSeenAt: string;
};

type AccountSql = {
  name: string; email: string; first_start_at: string; registered_at: string | null; trial_started_at: string;
  trial_ends_at: string; server_account_id: string | null; server_confirmed_at: string | null; latest_seen_at: string;
};
const toAccount = (r: AccountSql): BillingAccountRow => ({
  name: r.name, email: r.email, firstStartAt: r.first_start_at, registeredAt: r.registered_at, trialStartedAt: r.trial_started_at,
  trialEndsAt: r.trial_ends_at, serverAccountId: r.server_account_id, serverConfirmedAt: r.server_confirmed_at, latestSeenAt: r.latest_seen_at,
});

export function getBillingAccount(db: Db): BillingAccountRow | null {
  const r = db.prepare('SELECT * FROM billing_account WHERE id = 1').get() as AccountSql | undefined;
  return r ? toAccount(r) : null;
}

/** Creates the account row at first start (idempotent): the trial clock starts now. */
export function ensureBillingAccount(db: Db, nowIso: string, trialEndsAt: string): BillingAccountRow {
  db.prepare(
    `INSERT INTO billing_account (id, first_start_at, trial_started_at, trial_ends_at, latest_seen_at, updated_at)
     VALUES (1, @now, @now, @end, @now, @now) ON CONFLICT(id) DO NOTHING`,
  ).run({ now: nowIso, end: trialEndsAt });
  return getBillingAccount(db)!;
}

export function saveRegistration(db: Db, name: string, email: string, nowIso: string): void {
  db.prepare(
    `UPDATE billing_account SET name = ?, email = ?, registered_at = COALESCE(registered_at, ?), updated_at = ? WHERE id = 1`,
  ).run(name, email, nowIso, nowIso);
}

/** The billing service confirmed the account: its trial dates win. */
export function saveServerAccount(db: Db, a: { accountId: string; trialStartedAt: string; trialEndsAt: string }, nowIso: string): void {
  db.prepare(
    `UPDATE billing_account SET server_account_id = ?, trial_started_at = ?, trial_ends_at = ?,
       server_confirmed_at = COALESCE(server_confirmed_at, ?), updated_at = ? WHERE id = 1`,
  ).run(a.accountId, a.trialStartedAt, a.trialEndsAt, nowIso, nowIso);
}

/** Moves the "latest time seen" forward only (turning the clock back does not move it back). */
export function advanceLatestSeen(db: Db, iso: string): void {
  db.prepare('UPDATE billing_account SET latest_seen_at = ? WHERE id = 1 AND latest_seen_at < ?').run(iso, iso);
}

export function noticeShown(db: Db, kind: string): boolean {
  return !!db.prepare('SELECT 1 FROM billing_notices WHERE kind = ?').get(kind);
}

/** Returns false when the notice was already recorded (so it is shown once, even with two windows). */
export function recordNotice(db: Db, kind: string, nowIso: string): boolean {
  return db.prepare('INSERT INTO billing_notices (kind, shown_at) VALUES (?, ?) ON CONFLICT(kind) DO NOTHING').run(kind, nowIso).changes === 1;
}

export type BillingDetailsRow = {
  company: string;
  holder: string;
  iban: string;
  bic: string;
  street: string;
  zip: string;
  city: string;
  country: string;
  mandateReference: string;
  mandateDate: string;
  updatedAt: string;
  syncedAt: string | null;
};
type DetailsSql = {
  company: string; holder: string; iban: string; bic: string; street: string; zip: string; city: string; country: string;
  mandate_reference: string; mandate_date: string; updated_at: string; synced_at: string | null;
};

export function getBillingDetails(db: Db): BillingDetailsRow | null {
  const r = db.prepare('SELECT * FROM billing_details WHERE id = 1').get() as DetailsSql | undefined;
  if (!r) return null;
  return {
    company: r.company, holder: r.holder, iban: r.iban, bic: r.bic, street: r.street, zip: r.zip, city: r.city, country: r.country,
    mandateReference: r.mandate_reference, mandateDate: r.mandate_date, updatedAt: r.updated_at, syncedAt: r.synced_at,
  };
}

export function saveBillingDetails(db: Db, d: Omit<BillingDetailsRow, 'updatedAt' | 'syncedAt'>, nowIso: string): void {
  db.prepare(
    `INSERT INTO billing_details (id, company, holder, iban, bic, street, zip, city, country, mandate_reference, mandate_date, updated_at, synced_at)
     VALUES (1, @company, @holder, @iban, @bic, @street, @zip, @city, @country, @mandateReference, @mandateDate, @now, NULL)
     ON CONFLICT(id) DO UPDATE SET company = excluded.company, holder = excluded.holder, iban = excluded.iban, bic = excluded.bic,
       street = excluded.street, zip = excluded.zip, city = excluded.city, country = excluded.country,
       mandate_reference = excluded.mandate_reference, mandate_date = excluded.mandate_date, updated_at = excluded.updated_at, synced_at = NULL`,
  ).run({ ...d, now: nowIso });
}

/** Marks the details as sent, unless they were changed meanwhile (then they are sent again). */
export function markBillingDetailsSynced(db: Db, updatedAt: string, nowIso: string): void {
  db.prepare('UPDATE billing_details SET synced_at = ? WHERE id = 1 AND updated_at = ?').run(nowIso, updatedAt);
}

export type BillingSyncRow = {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  nextAttemptAt: string | null;
};

export function getBillingSync(db: Db): BillingSyncRow {
  const r = db.prepare('SELECT * FROM billing_sync WHERE id = 1').get() as {
    last_attempt_at: string | null; last_success_at: string | null; last_error: string | null; failures: number; next_attempt_at: string | null;
  };
  return { lastAttemptAt: r.last_attempt_at, lastSuccessAt: r.last_success_at, lastError: r.last_error, failures: r.failures, nextAttemptAt: r.next_attempt_at };
}

export function recordSyncSuccess(db: Db, nowIso: string): void {
  db.prepare('UPDATE billing_sync SET last_attempt_at = ?, last_success_at = ?, last_error = NULL, failures = 0, next_attempt_at = NULL WHERE id = 1').run(nowIso, nowIso);
}

export function recordSyncFailure(db: Db, nowIso: string, error: string, nextAttemptAt: string): number {
  db.prepare('UPDATE billing_sync SET last_attempt_at = ?, last_error = ?, failures = failures + 1, next_attempt_at = ? WHERE id = 1').run(nowIso, error, nextAttemptAt);
  return getBillingSync(db).failures;
}

export function countUnsyncedUsage(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM usage_events WHERE synced_at IS NULL').get() as { n: number }).n;
}

/** Which of these orders have no usage event yet (they would be charged now). */
export function unchargedOrderIds(db: Db, orderIds: readonly number[]): number[] {
  const has = db.prepare('SELECT 1 FROM usage_events WHERE order_id = ?');
  return [...new Set(orderIds)].filter((id) => !has.get(id));
}

/**
 * Usage events with an action time in [fromIso, toIso) — what the fee meter needs of the ledger.
 * Callers pass a margin of a day around the Berlin months they count; monthFees filters exactly.
 */
export function listUsageEventsBetween(db: Db, fromIso: string, toIso: string): { id: string; orderKey: string; occurredAt: string; goodsValueCents: number; syncedAt: string | null }[] {
  return db
    .prepare(
      `SELECT id, order_key AS orderKey, occurred_at AS occurredAt, goods_value_cents AS goodsValueCents, synced_at AS syncedAt
       FROM usage_events WHERE occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, id`,
    )
    .all(fromIso, toIso) as { id: string; orderKey: string; occurredAt: string; goodsValueCents: number; syncedAt: string | null }[];
}
