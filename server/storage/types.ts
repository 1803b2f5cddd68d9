import type { WireBillingDetails, WireInvoice, WireUsageEvent } from '../../shared/fees/api';

/** A registered seller. The token itself is never stored, only its SHA-256 hash. */
export type Account = {
  id: string;
  installationId: string;
  name: string;
  email: string;
  trialStartedAt: string;
  trialEndsAt: string;
  createdAt: string;
  details: WireBillingDetails | null;
};

export type StoredEvent = WireUsageEvent & { receivedAt: string; invoiceNumber: string | null };

export type InvoiceLine = {
  month: string;
  /** Orders of this month billed with this invoice, per fee tier. */
  tiers: { tier: 'free' | 'middle' | 'high'; count: number; feeCents: number; amountCents: number }[];
  trialOrders: number;
  uncappedCents: number;
  capReductionCents: number;
  netCents: number;
};

/** What the app sees of an invoice (WireInvoice), plus what only the service keeps. */
export type StoredInvoice = WireInvoice & {
  accountId: string;
  lines: InvoiceLine[];
  /** Name, e-mail and billing details as they were at issue: the invoice never changes afterwards. */
  recipient: { name: string; email: string; details: WireBillingDetails | null };
  issuedAt: string;
};

/**
 * Where the billing service keeps its data. SQLite is the embedded default (sqlite.ts); another
 * database implements the same interface. Every method that reads or writes a seller's data takes
 * the account id, so one account can never reach another's rows.
 */
export interface BillingStorage {
  /** Runs fn atomically (all or nothing). */
  transaction<T>(fn: () => T): T;
  findAccountByInstallation(installationId: string): (Account & { tokenHash: string }) | null;
  findAccountByTokenHash(tokenHash: string): Account | null;
  createAccount(a: Omit<Account, 'details'> & { tokenHash: string }): void;
  updateAccountContact(accountId: string, name: string, email: string): void;
  setBillingDetails(accountId: string, details: WireBillingDetails, nowIso: string): void;
  listAccountIds(): string[];
  getAccount(accountId: string): Account | null;
  /** Inserts the events not seen before (by key, or by order) and says how many were new. */
  ingestUsage(accountId: string, events: WireUsageEvent[], nowIso: string): { accepted: number; duplicates: number };
  listEvents(accountId: string): StoredEvent[];
  /** Net amount already invoiced per month. */
  invoicedByMonth(accountId: string): Map<string, number>;
  /** Stores the invoice and assigns the given events to it. */
  insertInvoice(inv: StoredInvoice, eventIds: string[]): void;
  nextInvoiceNumber(year: string): string;
  listInvoices(accountId: string): StoredInvoice[];
  getInvoice(accountId: string, number: string): StoredInvoice | null;
  getInvoicePdf(accountId: string, number: string): Uint8Array | null;
  saveInvoicePdf(accountId: string, number: string, pdf: Uint8Array): void;
  queueMail(accountId: string, to: string, subject: string, invoiceNumber: string, nowIso: string): void;
  close(): void;
}
