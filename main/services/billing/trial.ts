import type { AppCore } from '../../app/core';
import {
  advanceLatestSeen, ensureBillingAccount, getBillingAccount, getBillingDetails, recordNotice, saveRegistration, type BillingAccountRow,
} from '../../db/repos/billing';
import { TRIAL_DAYS } from '../../../shared/fees/rules';
import { formatDate } from '../../../shared/format';
import { AppError } from '../../../shared/errors';
import { detailsComplete } from './details';

const DAY_MS = 86_400_000;

export type TrialStatus = {
  registered: boolean;
  name: string;
  email: string;
  trialStartedAt: string;
  trialEndsAt: string;
  /** Whole days left, rounded up (0 once ended). */
  daysLeft: number;
  inTrial: boolean;
  /** Billing address + SEPA mandate entered. */
  billingComplete: boolean;
  /** May new orders be charged (in trial, or billing details entered)? */
  chargingAllowed: boolean;
  /** The billing service confirmed the registration (its trial dates are used). */
  serverConfirmed: boolean;
  /** The time the trial is judged by (never earlier than any time seen before). */
  now: string;
};

export const trialEndFrom = (startIso: string) => new Date(new Date(startIso).getTime() + TRIAL_DAYS * DAY_MS).toISOString();

/**
 * The 30-day trial. It starts at the first start of the app (the registration dialog shows then),
 * the billing service's dates win once it confirmed the account, and the time it is judged by is
 * max(clock, latest time seen) — so turning the system clock back does not extend it.
 */
export class TrialService {
  constructor(private core: AppCore) {
    const now = core.nowIso();
    ensureBillingAccount(core.db, now, trialEndFrom(now));
  }

  account(): BillingAccountRow {
    return getBillingAccount(this.core.db)!;
  }

  /** max(clock, latest seen); remembers the clock when it is later. */
  effectiveNow(): Date {
    const clock = this.core.clock.now();
    const latest = new Date(this.account().latestSeenAt);
    if (clock > latest) {
      advanceLatestSeen(this.core.db, clock.toISOString());
      return clock;
    }
    return latest;
  }

  /** A time reported by the billing service: it moves "latest seen" forward, never back. */
  seeServerTime(iso: string): void {
    if (!Number.isNaN(Date.parse(iso))) advanceLatestSeen(this.core.db, new Date(iso).toISOString());
  }

  status(): TrialStatus {
    const now = this.effectiveNow();
    const a = this.account();
    const end = new Date(a.trialEndsAt);
    const msLeft = end.getTime() - now.getTime();
    const inTrial = msLeft > 0;
    const billingComplete = detailsComplete(getBillingDetails(this.core.db));
    return {
      registered: a.registeredAt !== null,
      name: a.name,
      email: a.email,
      trialStartedAt: a.trialStartedAt,
      trialEndsAt: a.trialEndsAt,
      daysLeft: inTrial ? Math.ceil(msLeft / DAY_MS) : 0,
      inTrial,
      billingComplete,
      chargingAllowed: inTrial || billingComplete,
      serverConfirmed: a.serverAccountId !== null,
      now: now.toISOString(),
    };
  }

  register(name: string, email: string): TrialStatus {
    const n = name.trim();
    const e = email.trim();
    if (!n) throw new AppError('VALIDATION', 'name: Bitte geben Sie Ihren Namen ein.');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) throw new AppError('VALIDATION', `email: „${e}“ ist keine gültige E-Mail-Adresse.`);
    saveRegistration(this.core.db, n, e, this.core.nowIso());
    return this.status();
  }

  /**
   * Shows the trial notifications 7 days and 1 day before the end and at the end, each once. When the
   * app was not running at an earlier stage, only the latest one reached is shown (the skipped ones are
   * recorded, so they do not appear late).
   */
  checkNotifications(): string | null {
    const s = this.status();
    const msLeft = new Date(s.trialEndsAt).getTime() - new Date(s.now).getTime();
    const stages: { kind: '7d' | '1d' | 'end'; reached: boolean }[] = [
      { kind: '7d', reached: msLeft <= 7 * DAY_MS },
      { kind: '1d', reached: msLeft <= DAY_MS },
      { kind: 'end', reached: msLeft <= 0 },
    ];
    const reached = stages.filter((x) => x.reached);
    const latest = reached.at(-1);
    if (!latest) return null;
    const now = s.now;
    const db = this.core.db;
    const shownNow = db.transaction(() => {
      for (const st of reached.slice(0, -1)) recordNotice(db, st.kind, now);
      return recordNotice(db, latest.kind, now);
    })();
    if (!shownNow) return null;
    const endDay = formatDate(s.trialEndsAt);
    const texts = {
      '7d': { title: 'Testphase endet in 7 Tagen', body: `Ihre kostenlose Testphase endet am ${endDay}. Hinterlegen Sie unter „Gebühren & Rechnungen“ Rechnungsadresse und SEPA-Mandat, damit Rechnungen, Etiketten und Exporte danach weiter funktionieren.` },
      '1d': { title: 'Testphase endet morgen', body: `Ihre kostenlose Testphase endet am ${endDay}. Ohne Rechnungsadresse und SEPA-Mandat sind Rechnungen, Etiketten und Exporte für neue Aufträge danach gesperrt.` },
      end: { title: 'Testphase beendet', body: s.billingComplete ? 'Ihre Testphase ist beendet. Die Gebühren werden monatlich per SEPA-Lastschrift eingezogen.' : 'Ihre Testphase ist beendet. Für Rechnungen, Etiketten und Exporte neuer Aufträge hinterlegen Sie bitte Rechnungsadresse und SEPA-Mandat.' },
    }[latest.kind];
    if (this.core.notifier.isSupported()) this.core.notifier.show({ ...texts, route: 'fees' });
    this.core.logger.info('billing.trial_notice', { kind: latest.kind });
    return latest.kind;
  }
}
