import { randomBytes } from 'node:crypto';
import type { AppCore } from '../../app/core';
import type { HttpResponse } from '../../ports/http';
import {
  countUnsyncedUsage, getBillingDetails, getBillingSync, markBillingDetailsSynced, recordNotice, recordSyncFailure, recordSyncSuccess, saveServerAccount,
} from '../../db/repos/billing';
import { saveFeeInvoices } from '../../db/repos/billing-invoices';
import { listUsageEvents, markUsageSynced } from '../../db/repos/usage';
import { AccountView, InvoicesResponse, MAX_USAGE_BATCH, UsageResponse, type RegisterRequest, type WireUsageEvent } from '../../../shared/fees/api';
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import type { SyncStateView } from '../../../shared/ipc/channels/billing';
import type { TrialService } from './trial';

export const TOKEN_KEY = 'billing.token';
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const OUTAGE_NOTICE_MS = 3 * 86_400_000;
const REFRESH_MS = 60 * 60_000;

/** Retry delay after `failures` failed attempts in a row: 30 s, 1 min, 2 min, … at most 1 h, ±20 %. */
export function backoffMs(failures: number, random = Math.random): number {
  const base = Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

class ServiceError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/**
 * The usage outbox: usage_events rows stay unsynced until the billing service confirmed them, are
 * sent in batches with their idempotency keys (the service counts each key and each order once) and
 * are marked synced only after the answer. A crash between the two resends the batch — harmless.
 */
export class BillingSync {
  private running: Promise<SyncStateView> | null = null;

  constructor(
    private core: AppCore,
    private trial: TrialService,
  ) {}

  state(): SyncStateView {
    const s = getBillingSync(this.core.db);
    const d = getBillingDetails(this.core.db);
    return {
      configured: !!this.core.config.billingUrl,
      registeredWithServer: this.trial.account().serverAccountId !== null,
      ...s,
      waiting: countUnsyncedUsage(this.core.db),
      detailsWaiting: !!d && d.syncedAt === null,
    };
  }

  /**
   * Is a background attempt due now? Only when something waits (usage, details, the registration) or
   * the last success is over an hour old (trial dates, new fee invoices) — and never before the backoff ends.
   */
  due(): boolean {
    if (!this.core.config.billingUrl || !this.trial.account().registeredAt) return false;
    const s = this.state();
    const now = this.core.clock.now();
    if (s.nextAttemptAt && now.toISOString() < s.nextAttemptAt) return false;
    const stale = !s.lastSuccessAt || now.getTime() - new Date(s.lastSuccessAt).getTime() > REFRESH_MS;
    return s.waiting > 0 || s.detailsWaiting || !s.registeredWithServer || stale;
  }

  /** One sync run; concurrent callers share it. `strict` turns a failure into an AppError (CLI). */
  sync(opts: { strict?: boolean } = {}): Promise<SyncStateView> {
    if (opts.strict && !this.core.config.billingUrl) {
      return Promise.reject(new AppError('NOT_CONFIGURED', 'Kein Abrechnungsdienst eingerichtet: --billing-url oder PORTODESK_BILLING_URL angeben.'));
    }
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
    }
    return this.running.then((st) => {
      if (opts.strict && st.lastError && st.failures > 0) throw new AppError('SYNC_FAILED', `Abgleich mit dem Abrechnungsdienst fehlgeschlagen: ${st.lastError}. Die Nutzungsdaten bleiben gespeichert und werden später gesendet.`);
      return st;
    });
  }

  /** Resolves when no sync run is in flight (before closing the database). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<SyncStateView> {
    const url = this.core.config.billingUrl;
    if (!url) return this.state();
    try {
      await this.exchange(url.replace(/\/+$/, ''));
      recordSyncSuccess(this.core.db, this.core.nowIso());
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const failures = getBillingSync(this.core.db).failures + 1;
      recordSyncFailure(this.core.db, this.core.nowIso(), msg, this.nextAttempt(failures));
      this.core.logger.warn('billing.sync_failed', { error: msg, failures });
      this.notifyLongOutage();
    }
    const st = this.state();
    this.core.events.emit('sync:state', st);
    this.core.events.emit('trial:status', this.trial.status());
    return st;
  }

  /**
   * One desktop notification per outage once the service has not been reached for 3 days while usage
   * is waiting (nothing is lost, but the seller should know). Keyed by the last success, so a new
   * outage after a successful sync notifies again.
   */
  private notifyLongOutage(): void {
    const s = this.state();
    if (s.waiting === 0) return;
    const since = s.lastSuccessAt ?? this.trial.account().registeredAt;
    if (!since || this.core.clock.now().getTime() - new Date(since).getTime() < OUTAGE_NOTICE_MS) return;
    if (!recordNotice(this.core.db, `sync:${since}`, this.core.nowIso())) return;
    if (this.core.notifier.isSupported()) {
      this.core.notifier.show({
        title: 'Abgleich mit dem Abrechnungsdienst gestört',
        body: `Seit ${formatDateTime(since)} konnte Portodesk den Abrechnungsdienst nicht erreichen. ${s.waiting} Nutzungsereignisse sind sicher gespeichert und werden automatisch gesendet, sobald die Verbindung wieder steht.`,
        route: 'fees',
      });
    }
  }

  private nextAttempt(failures: number): string {
    return new Date(this.core.clock.now().getTime() + backoffMs(failures)).toISOString();
  }

  /** The token is made here and kept in the keychain BEFORE registering, so a lost answer costs nothing. */
  private async token(): Promise<string> {
    const existing = await this.core.secrets.get(TOKEN_KEY);
    if (existing) return existing;
    const token = randomBytes(32).toString('base64url');
    try {
      await this.core.secrets.set(TOKEN_KEY, token);
    } catch {
      throw new AppError(
        'SECRET_STORE_UNAVAILABLE',
        'Der API-Schlüssel für den Abrechnungsdienst kann hier nicht sicher gespeichert werden. ' +
          'Setzen Sie die Umgebungsvariable PORTODESK_SECRET_BILLING_TOKEN auf einen zufälligen Wert (mindestens 32 Zeichen) und bewahren Sie ihn auf',
      );
    }
    return token;
  }

  private async call(base: string, token: string | null, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.core.http.request({ method, url: base + path, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: 20_000 });
    if (res.status >= 200 && res.status < 300) return res;
    let message = `HTTP ${res.status}`;
    try {
      message = (res.json() as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      /* not JSON: keep the status */
    }
    if (res.status === 401) message = 'Der Abrechnungsdienst kennt den API-Schlüssel nicht (401)';
    throw new ServiceError(message, res.status);
  }

  private async exchange(base: string): Promise<void> {
    const a = this.trial.account();
    if (!a.registeredAt) throw new Error('Noch nicht registriert: Bitte Name und E-Mail-Adresse eingeben');
    const token = await this.token();
    const reg: RegisterRequest = { installationId: this.core.installationId, name: a.name, email: a.email, claimedStartAt: a.firstStartAt, token };
    // Registration is idempotent (same installation + same token → same account), so it doubles as "read account".
    const acc = AccountView.parse((await this.call(base, null, 'POST', '/v1/accounts', reg)).json());
    this.trial.seeServerTime(acc.serverNow);
    saveServerAccount(this.core.db, { accountId: acc.accountId, trialStartedAt: acc.trialStartedAt, trialEndsAt: acc.trialEndsAt }, this.core.nowIso());

    const d = getBillingDetails(this.core.db);
    if (d && d.syncedAt === null) {
      const { updatedAt, syncedAt: _s, ...wire } = d;
      void _s;
      await this.call(base, token, 'PUT', '/v1/account/billing-details', wire);
      markBillingDetailsSynced(this.core.db, updatedAt, this.core.nowIso());
    }

    for (;;) {
      const batch = listUsageEvents(this.core.db, { unsyncedOnly: true, limit: MAX_USAGE_BATCH });
      if (batch.length === 0) break;
      const events: WireUsageEvent[] = batch.map((e) => ({ id: e.id, orderKey: e.orderKey, action: e.action, occurredAt: e.occurredAt, goodsValueCents: e.goodsValueCents }));
      const r = UsageResponse.parse((await this.call(base, token, 'POST', '/v1/usage', { events })).json());
      this.trial.seeServerTime(r.serverNow);
      markUsageSynced(this.core.db, batch.map((e) => e.id), this.core.nowIso());
      this.core.events.emit('sync:state', this.state());
    }

    const inv = InvoicesResponse.parse((await this.call(base, token, 'GET', '/v1/invoices')).json());
    saveFeeInvoices(this.core.db, inv.invoices, this.core.nowIso());
  }

  /** Downloads a fee invoice PDF (bytes). */
  async downloadInvoicePdf(number: string): Promise<Uint8Array> {
    const url = this.core.config.billingUrl;
    if (!url) throw new AppError('OFFLINE', 'Kein Abrechnungsdienst eingerichtet (billingUrl): die Rechnung kann nicht geladen werden.');
    const token = await this.core.secrets.get(TOKEN_KEY);
    if (!token) throw new AppError('NOT_REGISTERED', 'Diese Installation ist beim Abrechnungsdienst noch nicht angemeldet.');
    try {
      const res = await this.call(url.replace(/\/+$/, ''), token, 'GET', `/v1/invoices/${encodeURIComponent(number)}/pdf`);
      return res.body;
    } catch (e) {
      throw new AppError('OFFLINE', `Rechnung ${number} konnte nicht geladen werden: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
