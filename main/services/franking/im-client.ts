import { unzipSync } from 'fflate';
import { AppError } from '../../../shared/errors';
import { HttpNetworkError, type Http, type HttpResponse } from '../../ports/http';
import { isNotApproved, parseImError, type ImErrorBody } from './im-errors';
import type { ImAddress } from '../../../shared/postage/address';

/** Internetmarke REST API v1 (reference §1), spoken over the Http port. */

export const IM_PRODUCTION_URL = 'https://api-eu.dhl.com/post/de/shipping/im/v1';

export type ImCredentials = { clientId: string; clientSecret: string; username: string; password: string };
export type Voucher = { voucherId: string; trackId: string | null };
export type CheckoutResult = { shopOrderId: string; link: string; manifestLink: string | null; vouchers: Voucher[]; walletBalanceCents: number | null };
export type PageFormat = {
  id: number; name: string; isAddressPossible: boolean; isImagePossible: boolean; pageType: string;
  size: { x: number; y: number }; labelCount: { labelX: number; labelY: number };
};
export type PdfPosition = {
  positionType: 'AppShoppingCartPDFPosition'; productCode: number; voucherLayout: 'ADDRESS_ZONE' | 'FRANKING_ZONE';
  position: { labelX: number; labelY: number; page: number }; address?: { sender: ImAddress; receiver: ImAddress };
};
export type PngPosition = {
  positionType: 'AppShoppingCartPosition'; productCode: number; voucherLayout: 'ADDRESS_ZONE' | 'FRANKING_ZONE';
  address?: { sender: ImAddress; receiver: ImAddress };
};
export type CheckoutBody =
  | { type: 'AppShoppingCartPDFRequest'; shopOrderId: string; pageFormatId: number; total: number; createManifest: false; createShippingList: '0'; dpi: 'DPI300'; positions: PdfPosition[] }
  | { type: 'AppShoppingCartPNGRequest'; shopOrderId: string; total: number; createManifest: false; createShippingList: '0'; dpi: 'DPI300'; positions: PngPosition[] };
export type RetoureState = {
  shopRetoureId: string; retoureTransactionId: number | string | null; totalCount: number; countStillOpen: number; retourePrice: number;
  refundedVouchers: Voucher[]; notRefundedVouchers: Voucher[];
};

type Token = { accessToken: string; expiresAtMs: number };

/** No answer (timeout, dropped connection, unreachable). */
export class ImNetworkError extends AppError {
  constructor(what: string, cause: string) {
    super('IM_NETWORK', `${what}: keine Antwort von der Deutschen Post (${cause}). Bitte Internetverbindung prüfen.`);
    this.name = 'AppError';
  }
}

/** The checkout's answer was lost: whether money moved is unknown until the order is looked up. */
export class ImOutcomeUnknown extends AppError {
  constructor(cause: string) {
    super('IM_OUTCOME_UNKNOWN', `Internetmarken kaufen: keine Antwort von der Deutschen Post (${cause}). Ob der Kauf durchging, wird nachgefragt, bevor irgendetwas erneut gesendet wird.`);
    this.name = 'AppError';
  }
}

const asCents = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);

export class InternetmarkeClient {
  private token: Token | null = null;
  /** Balance from the last login, the only way to read it without buying (reference §1.2). */
  lastLoginBalanceCents: number | null = null;
  authenticatedUser: string | null = null;

  constructor(
    private http: Http,
    private opts: { baseUrl: string; credentials: () => Promise<ImCredentials>; now: () => Date; timeoutMs: number },
  ) {}

  get baseUrl(): string {
    return this.opts.baseUrl.replace(/\/+$/, '');
  }

  /** POST /user. The token is cached and renewed 60 s before it expires. */
  async login(force = false): Promise<{ walletBalanceCents: number | null; user: string | null }> {
    if (!force && this.token && this.opts.now().getTime() < this.token.expiresAtMs - 60_000) {
      return { walletBalanceCents: this.lastLoginBalanceCents, user: this.authenticatedUser };
    }
    const c = await this.opts.credentials();
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: c.password });
    const res = await this.send('Anmeldung bei der Portokasse', { method: 'POST', path: '/user', form: form.toString(), auth: false });
    if (res.status !== 200) throw parseImError(res, 'Anmeldung bei der Portokasse');
    const body = res.json<{ access_token?: string; userToken?: string; expires_in?: number; walletBalance?: number; authenticated_user?: string }>();
    const accessToken = body.access_token ?? body.userToken;
    if (!accessToken) throw new AppError('IM_PROTOCOL', 'Anmeldung bei der Portokasse: Antwort ohne access_token');
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3000;
    this.token = { accessToken, expiresAtMs: this.opts.now().getTime() + lifetime * 1000 };
    this.lastLoginBalanceCents = asCents(body.walletBalance);
    this.authenticatedUser = body.authenticated_user ?? c.username;
    return { walletBalanceCents: this.lastLoginBalanceCents, user: this.authenticatedUser };
  }

  forgetToken(): void {
    this.token = null;
  }

  async profile(): Promise<Record<string, unknown>> {
    return (await this.idempotent('Portokasse-Profil', 'GET', '/user/profile')).json();
  }

  /** Page formats from the catalog; `types` goes as repeated query parameters. */
  async pageFormats(): Promise<PageFormat[]> {
    const res = await this.idempotent('Seitenformate', 'GET', '/app/catalog?types=PAGE_FORMATS');
    const body = res.json<{ pageFormats?: { id: number; name: string; isAddressPossible: boolean; isImagePossible: boolean; pageType: string; pageLayout: { size: { x: number; y: number }; labelCount: { labelX: number; labelY: number } } }[] }>();
    return (body.pageFormats ?? []).map((f) => ({
      id: f.id, name: f.name, isAddressPossible: f.isAddressPossible, isImagePossible: f.isImagePossible, pageType: f.pageType,
      size: f.pageLayout.size, labelCount: f.pageLayout.labelCount,
    }));
  }

  /** POST /app/shoppingcart: a new shopOrderId. No money moves, so one retry after a renewed login is safe. */
  async initCart(): Promise<string> {
    const res = await this.bearer('Warenkorb anlegen', 'POST', '/app/shoppingcart', undefined, true);
    if (res.status !== 200) throw parseImError(res, 'Warenkorb anlegen');
    const id = res.json<{ shopOrderId?: string | number }>().shopOrderId;
    if (id === undefined || id === null || String(id) === '') throw new AppError('IM_PROTOCOL', 'Warenkorb anlegen: Antwort ohne shopOrderId');
    return String(id);
  }

  /**
   * The checkout — the call that spends money. Exactly one attempt: no retry on 401, 5xx or a
   * lost answer. A lost answer throws ImOutcomeUnknown; the caller must look the order up.
   */
  async checkout(body: CheckoutBody): Promise<CheckoutResult> {
    const path = body.type === 'AppShoppingCartPDFRequest' ? '/app/shoppingcart/pdf?directCheckout=true' : '/app/shoppingcart/png?directCheckout=true';
    let res: HttpResponse;
    try {
      res = await this.bearer('Internetmarken kaufen', 'POST', path, JSON.stringify(body), false);
    } catch (e) {
      if (e instanceof ImNetworkError) throw new ImOutcomeUnknown(e.message);
      throw e;
    }
    if (res.status !== 200) throw parseImError(res, 'Internetmarken kaufen');
    return this.readCheckout(res, body.shopOrderId);
  }

  /** GET /app/shoppingcart/{id}: the finished order again, or null when it was never checked out (404). */
  async retrieveOrder(shopOrderId: string): Promise<CheckoutResult | null> {
    const res = await this.idempotent('Bestellung abfragen', 'GET', `/app/shoppingcart/${encodeURIComponent(shopOrderId)}`, [404]);
    if (res.status === 404) return null;
    return this.readCheckout(res, shopOrderId);
  }

  /** The document link needs no Bearer token (reference §1.5). */
  async download(link: string): Promise<Uint8Array> {
    const res = await this.http.request({ method: 'GET', url: link, timeoutMs: this.opts.timeoutMs });
    if (res.status !== 200) throw new AppError('IM_DOWNLOAD', `Marken-Dokument konnte nicht geladen werden (${res.status}).`);
    return res.body;
  }

  async retoure(shopOrderId: string, vouchers: Voucher[]): Promise<{ shopRetoureId: string; retoureTransactionId: string }> {
    const body = JSON.stringify({ shoppingCart: { shopOrderId, voucherList: vouchers.map((v) => ({ voucherId: v.voucherId, ...(v.trackId ? { trackId: v.trackId } : {}) })) } });
    const res = await this.bearer('Erstattung beantragen', 'POST', '/app/retoure', body, true);
    if (res.status !== 200) throw parseImError(res, 'Erstattung beantragen');
    const r = res.json<{ shopRetoureId: string | number; retoureTransactionId: string | number }>();
    return { shopRetoureId: String(r.shopRetoureId), retoureTransactionId: String(r.retoureTransactionId) };
  }

  async retoureState(shopRetoureId: string): Promise<RetoureState[]> {
    return this.retoureStates(`shopRetoureId=${encodeURIComponent(shopRetoureId)}`);
  }

  /** All retoures created in a time window (spec format yyyy-MM-dd'T'HH:mm:ss.SSSXXX). */
  async retoureStatesBetween(from: Date, to: Date): Promise<RetoureState[]> {
    const f = (d: Date) => encodeURIComponent(d.toISOString().replace('Z', '+00:00'));
    return this.retoureStates(`startDate=${f(from)}&endDate=${f(to)}`);
  }

  private async retoureStates(query: string): Promise<RetoureState[]> {
    const res = await this.idempotent('Erstattungsstatus', 'GET', `/app/retoure?${query}`);
    const body = res.json<{ RetrieveRetoureStateResponse?: Partial<RetoureState>[] }>();
    return (body.RetrieveRetoureStateResponse ?? []).map((s) => ({
      shopRetoureId: String(s.shopRetoureId ?? ''),
      retoureTransactionId: s.retoureTransactionId ?? null,
      totalCount: s.totalCount ?? 0,
      countStillOpen: s.countStillOpen ?? 0,
      retourePrice: s.retourePrice ?? 0,
      refundedVouchers: (s.refundedVouchers ?? []).map(normVoucher),
      notRefundedVouchers: (s.notRefundedVouchers ?? []).map(normVoucher),
    }));
  }

  /** PUT /app/wallet?amount=… (cents, query string, no body). */
  async topUp(amountCents: number): Promise<number | null> {
    const res = await this.bearer('Portokasse aufladen', 'PUT', `/app/wallet?amount=${amountCents}`, undefined, false);
    if (res.status !== 200) throw parseImError(res, 'Portokasse aufladen');
    return asCents(res.json<{ walletBalance?: number; walletBallance?: number }>().walletBalance ?? res.json<{ walletBallance?: number }>().walletBallance);
  }

  private readCheckout(res: HttpResponse, shopOrderId: string): CheckoutResult {
    const b = res.json<{
      link?: string; manifestLink?: string | null; walletBallance?: number | null; walletBalance?: number | null;
      shoppingCart?: { shopOrderId?: string | number; voucherList?: { voucherId: string; trackId?: string | null }[] };
    }>();
    if (!b.link) throw new AppError('IM_PROTOCOL', 'Internetmarken: Antwort ohne Link zum Dokument');
    return {
      shopOrderId: String(b.shoppingCart?.shopOrderId ?? shopOrderId),
      link: b.link,
      manifestLink: b.manifestLink || null,
      vouchers: (b.shoppingCart?.voucherList ?? []).map(normVoucher),
      // The typo walletBallance is real in checkout and order responses; read both spellings.
      walletBalanceCents: asCents(b.walletBallance ?? b.walletBalance),
    };
  }

  /** GET with a login renewal on 401 and one retry on 5xx/network: reading twice costs nothing. */
  private async idempotent(what: string, method: 'GET', path: string, okStatuses: number[] = []): Promise<HttpResponse> {
    let lastErr: unknown;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const res = await this.bearer(what, method, path, undefined, true);
        if (res.status === 200 || okStatuses.includes(res.status)) return res;
        const err = parseImError(res, what);
        if (res.status < 500) throw err;
        lastErr = err;
      } catch (e) {
        if (e instanceof ImNetworkError) lastErr = e;
        else throw e;
      }
    }
    throw lastErr;
  }

  private async bearer(what: string, method: 'GET' | 'POST' | 'PUT', path: string, json: string | undefined, renewOn401: boolean): Promise<HttpResponse> {
    await this.login();
    let res = await this.send(what, { method, path, json, auth: true });
    if (res.status === 401 && renewOn401 && !notApprovedBody(res)) {
      await this.login(true);
      res = await this.send(what, { method, path, json, auth: true });
    }
    if (res.status === 401) this.token = null;
    return res;
  }

  private async send(what: string, r: { method: 'GET' | 'POST' | 'PUT'; path: string; json?: string; form?: string; auth: boolean }): Promise<HttpResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (r.form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
    if (r.json !== undefined) headers['Content-Type'] = 'application/json';
    if (r.auth && this.token) headers.Authorization = `Bearer ${this.token.accessToken}`;
    try {
      return await this.http.request({ method: r.method, url: this.baseUrl + r.path, headers, body: r.form ?? r.json, timeoutMs: this.opts.timeoutMs });
    } catch (e) {
      if (e instanceof HttpNetworkError) throw new ImNetworkError(what, e.kind === 'timeout' ? 'Zeitüberschreitung' : e.message);
      throw e;
    }
  }
}

function notApprovedBody(res: HttpResponse): boolean {
  try {
    const b = res.json<ImErrorBody>();
    return isNotApproved(b.title ?? '', b.detail ?? b.description ?? '');
  } catch {
    return false;
  }
}

const normVoucher = (v: { voucherId?: string; trackId?: string | null }): Voucher => ({ voucherId: String(v.voucherId ?? ''), trackId: v.trackId ? String(v.trackId) : null });

/** The PNG link is a ZIP with one PNG per voucher, in voucher order (reference §1.5). */
export function unzipPngs(zip: Uint8Array): Uint8Array[] {
  const files = unzipSync(zip);
  return Object.keys(files)
    .filter((n) => n.toLowerCase().endsWith('.png'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((n) => files[n]!);
}
