import { createHash, randomUUID } from 'node:crypto';
import type { BillingStorage, InvoiceLine, StoredInvoice } from './storage/types';
import type { AccountView, RegisterRequest } from '../shared/fees/api';
import { monthFees, monthsOf } from '../shared/fees/month';
import { openFees, invoiceAmounts } from '../shared/fees/invoicing';
import { FEE_TIERS, TIER_FEE_CENTS, TRIAL_DAYS, feeTier } from '../shared/fees/rules';
import { berlinDay, berlinMonth } from '../shared/format';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export class ConflictError extends Error {}

/**
 * The billing service's rules over its storage: registration and trial, fees by the shared rules,
 * the month-end invoices with carry-over. Pure decisions come from shared/fees; this file only
 * gathers the data and writes the outcome atomically.
 */
export class Ledger {
  constructor(
    readonly storage: BillingStorage,
    private now: () => Date,
  ) {}

  /**
   * Idempotent: the same installation with the same token gets the same account back. The trial
   * starts at min(claimed start, now): an app cannot claim a later start than the service's clock.
   */
  register(req: RegisterRequest): { account: AccountView; created: boolean } {
    const now = this.now();
    const tokenHash = hashToken(req.token);
    return this.storage.transaction(() => {
      const existing = this.storage.findAccountByInstallation(req.installationId);
      if (existing) {
        if (existing.tokenHash !== tokenHash) throw new ConflictError('Diese Installation ist bereits mit einem anderen API-Schlüssel registriert.');
        if (existing.name !== req.name || existing.email !== req.email) this.storage.updateAccountContact(existing.id, req.name, req.email);
        return { account: this.view(existing.id), created: false };
      }
      if (this.storage.findAccountByTokenHash(tokenHash)) throw new ConflictError('Dieser API-Schlüssel ist bereits vergeben.');
      const claimed = new Date(req.claimedStartAt);
      const start = claimed < now ? claimed : now;
      const id = randomUUID();
      this.storage.createAccount({
        id, installationId: req.installationId, tokenHash, name: req.name, email: req.email, trialStartedAt: start.toISOString(),
        trialEndsAt: new Date(start.getTime() + TRIAL_DAYS * 86_400_000).toISOString(), createdAt: now.toISOString(),
      });
      return { account: this.view(id), created: true };
    });
  }

  authenticate(token: string): string | null {
    return this.storage.findAccountByTokenHash(hashToken(token))?.id ?? null;
  }

  view(accountId: string): AccountView {
    const a = this.storage.getAccount(accountId)!;
    return {
      accountId: a.id, name: a.name, email: a.email, trialStartedAt: a.trialStartedAt, trialEndsAt: a.trialEndsAt,
      billingComplete: a.details !== null, serverNow: this.now().toISOString(),
    };
  }

  monthFees(accountId: string, month: string) {
    const a = this.storage.getAccount(accountId)!;
    return monthFees(month, this.storage.listEvents(accountId), { trialEndsAt: a.trialEndsAt });
  }

  /** Open (not yet invoiced) fees of the ended months. */
  open(accountId: string) {
    const a = this.storage.getAccount(accountId)!;
    const events = this.storage.listEvents(accountId);
    const invoiced = this.storage.invoicedByMonth(accountId);
    const current = berlinMonth(this.now());
    const balances = monthsOf(events).map((month) => ({
      month, netCents: monthFees(month, events, { trialEndsAt: a.trialEndsAt }).netCents, invoicedCents: invoiced.get(month) ?? 0,
    }));
    return { events, current, trialEndsAt: a.trialEndsAt, ...openFees(balances, current) };
  }

  /**
   * Month end: when the open fees of the ended months exceed 4,20 € net, one fee invoice over them
   * (each month billed by "its fee by the rules − what was invoiced for it before"); otherwise they
   * stay open and are carried over. Idempotent: running it twice issues nothing new.
   */
  closeMonths(accountId: string): StoredInvoice | null {
    const issued = this.storage.transaction(() => {
      const o = this.open(accountId);
      if (!o.invoiceDue) return null;
      const openByMonth = new Map(o.months.map((m) => [m.month, m.openCents]));
      const ended = monthsOf(o.events).filter((m) => m < o.current);
      const lines: InvoiceLine[] = [];
      const eventIds: string[] = [];
      for (const month of ended) {
        const fresh = o.events.filter((e) => e.invoiceNumber === null && berlinMonth(e.occurredAt) === month);
        const net = openByMonth.get(month) ?? 0;
        if (fresh.length === 0 && net === 0) continue;
        const counts = { free: 0, middle: 0, high: 0 };
        let trialOrders = 0;
        for (const e of fresh) {
          if (Date.parse(e.occurredAt) < Date.parse(o.trialEndsAt)) trialOrders += 1;
          else counts[feeTier(e.goodsValueCents)] += 1;
        }
        const tiers = FEE_TIERS.map((tier) => ({ tier, count: counts[tier], feeCents: TIER_FEE_CENTS[tier], amountCents: counts[tier] * TIER_FEE_CENTS[tier] }));
        const uncapped = tiers.reduce((s, t) => s + t.amountCents, 0);
        lines.push({ month, tiers, trialOrders, uncappedCents: uncapped, capReductionCents: Math.max(0, uncapped - net), netCents: net });
        eventIds.push(...fresh.map((e) => e.id));
      }
      const net = lines.reduce((s, l) => s + l.netCents, 0);
      const now = this.now();
      const day = berlinDay(now);
      const amounts = invoiceAmounts(net, day);
      const a = this.storage.getAccount(accountId)!;
      const inv: StoredInvoice = {
        number: this.storage.nextInvoiceNumber(day.slice(0, 4)),
        accountId,
        invoiceDay: amounts.invoiceDay,
        dueDay: amounts.dueDay,
        periodFrom: lines[0]!.month,
        periodTo: lines.at(-1)!.month,
        netCents: amounts.netCents,
        vatCents: amounts.vatCents,
        grossCents: amounts.grossCents,
        orders: eventIds.length,
        lines,
        recipient: { name: a.name, email: a.email, details: a.details },
        issuedAt: now.toISOString(),
      };
      this.storage.insertInvoice(inv, eventIds);
      // Sending needs an SMTP relay (not part of this service yet): the mail waits in the outbox.
      this.storage.queueMail(accountId, a.email, `Portodesk Gebührenrechnung ${inv.number}`, inv.number, now.toISOString());
      return inv;
    });
    return issued;
  }

  closeAllAccounts(): StoredInvoice[] {
    return this.storage.listAccountIds().map((id) => this.closeMonths(id)).filter((x): x is StoredInvoice => x !== null);
  }
}
