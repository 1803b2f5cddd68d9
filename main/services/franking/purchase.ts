import type { AppCore } from '../../app/core';
import * as repo from '../../db/repos/franking';
import { addHistory, advanceOrderStatus } from '../../db/repos/orders';
import { AppError, isAppError } from '../../../shared/errors';
import { productByCode } from '../../../shared/postage/products';
import { labelPositions } from '../../../shared/postage/layout';
import type { CheckoutBody, CheckoutResult, InternetmarkeClient, PageFormat } from './im-client';
import { archiveStampFile } from './stamp-files';
import type { BalanceWatch } from './balance';
import type { PlannedLine } from './planning';

/**
 * Buying stamps without ever paying twice (reference §5 "Recommended pattern"):
 *  1. the purchase is journaled (state 'draft', items) before anything is sent;
 *  2. POST /app/shoppingcart → the shopOrderId and the exact checkout body are committed ('initialised');
 *  3. 'checkout_sent' is committed, then the checkout is sent ONCE;
 *  4. a lost answer, 5xx, 401 or a "duplicated" answer makes the purchase 'unknown', and the only next
 *     step is GET /app/shoppingcart/{shopOrderId}: 200 → the stamps are taken from there; 404 → not
 *     bought, the identical body with the same shopOrderId may go again (Deutsche Post refuses a
 *     second checkout of one shopOrderId anyway).
 * Every purchase that is not settled is resolved before a new one starts, also after a crash.
 */

const RETRYABLE = new Set(['IM_OUTCOME_UNKNOWN', 'IM_SERVER', 'IM_UNAUTHORIZED', 'IM_DUPLICATE_ORDER', 'IM_RATE_LIMIT', 'IM_NETWORK']);
const MAX_ROUNDS = 3;

export type Settled = { purchaseId: number; recovered: boolean };

export class PurchaseEngine {
  constructor(
    private core: AppCore,
    private client: () => InternetmarkeClient,
    private balance: BalanceWatch,
  ) {}

  /**
   * Journals the purchases (one per cart) with their items and the checkout body still without a
   * shopOrderId, in ONE IMMEDIATE write transaction that re-checks the orders, so a second process
   * (the CLI next to the app) cannot journal a purchase for the same order in between.
   */
  journal(
    carts: PlannedLine[][],
    sender: PlannedLine['receiver'],
    o: { format: 'pdf' | 'png'; pageFormat: PageFormat | null; start: number; allowSecondStamp: boolean },
  ): number[] {
    const { db } = this.core;
    return db
      .transaction(() => {
        const ids = carts.flat().map((l) => l.orderId);
        const busy = repo.ordersInOpenPurchase(db, ids);
        const live = o.allowSecondStamp ? new Map() : repo.ordersWithLiveStamp(db, ids);
        const clash = ids.filter((id) => busy.has(id) || live.has(id));
        if (clash.length) {
          throw new AppError('FRANKING_REFUSED', `Nichts gekauft: für Auftrag ${clash.join(', ')} läuft gerade ein Kauf oder es gibt schon eine Marke.`);
        }
        return carts.map((lines, i) => {
          // The start position applies to the first sheet; later carts start on a fresh one.
          const start = i === 0 ? o.start : 1;
          const template = this.checkoutBody('', lines, sender, { ...o, start });
          return repo.insertPurchase(
            db,
            {
              format: o.format, pageFormatId: o.pageFormat?.id ?? null, pageSizeMm: o.pageFormat ? { width: o.pageFormat.size.x, height: o.pageFormat.size.y } : null,
              startPosition: start, totalCents: template.total, requestTemplate: JSON.stringify(template),
            },
            lines.map((l) => ({ orderId: l.orderId, productCode: l.productCode, priceCents: l.priceCents })),
            this.core.nowIso(),
          );
        });
      })
      .immediate();
  }

  /** POST /app/shoppingcart for a journaled purchase; the shopOrderId is committed before anything else. */
  async startCart(purchaseId: number): Promise<void> {
    const { db } = this.core;
    const p = repo.getPurchase(db, purchaseId);
    if (!p || p.state !== 'draft') return;
    let shopOrderId: string;
    try {
      shopOrderId = await this.client().initCart();
    } catch (e) {
      // No cart, no checkout: nothing can have been paid.
      repo.setPurchaseState(db, purchaseId, 'failed', this.core.nowIso(), e instanceof Error ? e.message : String(e));
      throw e;
    }
    const body = { ...(JSON.parse(p.request_json!) as CheckoutBody), shopOrderId };
    db.transaction(() => repo.setShopOrderId(db, purchaseId, shopOrderId, JSON.stringify(body), this.core.nowIso()))();
  }

  private checkoutBody(shopOrderId: string, lines: PlannedLine[], sender: PlannedLine['receiver'], o: { format: 'pdf' | 'png'; pageFormat: PageFormat | null; start: number }): CheckoutBody {
    const total = lines.reduce((s, l) => s + l.priceCents, 0);
    if (o.format === 'png') {
      return {
        type: 'AppShoppingCartPNGRequest', shopOrderId, total, createManifest: false, createShippingList: '0', dpi: 'DPI300',
        positions: lines.map((l) => ({ positionType: 'AppShoppingCartPosition', productCode: l.productCode, voucherLayout: 'ADDRESS_ZONE', address: { sender, receiver: l.receiver } })),
      };
    }
    const pf = o.pageFormat!;
    const pos = labelPositions(pf.labelCount, lines.length, o.start);
    return {
      type: 'AppShoppingCartPDFRequest', shopOrderId, pageFormatId: pf.id, total, createManifest: false, createShippingList: '0', dpi: 'DPI300',
      positions: lines.map((l, i) => ({
        positionType: 'AppShoppingCartPDFPosition', productCode: l.productCode, voucherLayout: 'ADDRESS_ZONE', position: pos[i]!, address: { sender, receiver: l.receiver },
      })),
    };
  }

  /** Drives one purchase to 'completed' or 'failed'; throws when the outcome stays unknown. */
  async settle(purchaseId: number): Promise<Settled> {
    const { db } = this.core;
    let recovered = false;
    let lastError: unknown = null;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const p = repo.getPurchase(db, purchaseId);
      if (!p) throw new AppError('NOT_FOUND', `Kauf ${purchaseId} nicht gefunden`);
      if (p.state === 'completed' || p.state === 'failed') return { purchaseId, recovered };
      if (p.state === 'draft') {
        // Crashed (or left) before the cart existed: no shopOrderId, so no checkout can have happened.
        // Only the purchase job starts carts; everything else closes such a purchase as not bought.
        repo.setPurchaseState(db, purchaseId, 'failed', this.core.nowIso(), 'Abgebrochen, bevor ein Warenkorb angelegt war (nichts bezahlt).');
        return { purchaseId, recovered };
      }
      if (p.state === 'checkout_sent' || p.state === 'unknown') {
        // The answer of an earlier checkout is missing: ask Deutsche Post before anything else.
        let found: CheckoutResult | null;
        try {
          found = await this.client().retrieveOrder(p.shop_order_id!);
        } catch (e) {
          repo.setPurchaseState(db, purchaseId, 'unknown', this.core.nowIso(), e instanceof Error ? e.message : String(e));
          throw new AppError(
            'IM_OUTCOME_UNKNOWN',
            `Der Kauf ${p.shop_order_id} ist noch ungeklärt (${e instanceof Error ? e.message : String(e)}). ` +
              'Er wird beim nächsten Aufruf bei der Deutschen Post nachgefragt; es wird nichts doppelt gekauft.',
          );
        }
        if (found) {
          this.complete(purchaseId, found);
          recovered = true;
          continue;
        }
        this.core.logger.info('franking.lookup_not_bought', { shopOrderId: p.shop_order_id });
        repo.setPurchaseState(db, purchaseId, 'initialised', this.core.nowIso(), 'Nachgefragt: nicht gekauft');
        continue;
      }
      // 'initialised': commit the intent to send, then send exactly once.
      repo.markCheckoutSent(db, purchaseId, this.core.nowIso());
      try {
        const result = await this.client().checkout(JSON.parse(p.request_json!) as CheckoutBody);
        this.complete(purchaseId, result);
        return { purchaseId, recovered };
      } catch (e) {
        lastError = e;
        const code = isAppError(e) ? e.code : 'IM_OUTCOME_UNKNOWN';
        if (!isAppError(e) || RETRYABLE.has(code)) {
          repo.setPurchaseState(db, purchaseId, 'unknown', this.core.nowIso(), e instanceof Error ? e.message : String(e));
          this.core.logger.warn('franking.checkout_unclear', { shopOrderId: p.shop_order_id, code });
          continue;
        }
        // A definite refusal (balance, price, address, product): nothing was charged.
        repo.setPurchaseState(db, purchaseId, 'failed', this.core.nowIso(), e.message);
        if (code === 'IM_BALANCE_TOO_LOW') {
          this.balance.notify({ category: 'balance', key: 'franking.balance-short', title: 'Portokasse: Guthaben reicht nicht', body: e.message, route: 'franking' });
        }
        throw e;
      }
    }
    const p = repo.getPurchase(db, purchaseId)!;
    if (p.state === 'completed' || p.state === 'failed') return { purchaseId, recovered };
    throw new AppError(
      'IM_OUTCOME_UNKNOWN',
      `Der Kauf ${p.shop_order_id} konnte nicht abgeschlossen werden (${lastError instanceof Error ? lastError.message : String(lastError)}). ` +
        'Er bleibt vorgemerkt und wird vor dem nächsten Kauf bei der Deutschen Post nachgefragt.',
    );
  }

  /** Stamps, purchase state, order status and history in ONE transaction: money moved, so nothing may be lost. */
  private complete(purchaseId: number, r: CheckoutResult): void {
    const { db } = this.core;
    const now = this.core.nowIso();
    const p = repo.getPurchase(db, purchaseId)!;
    const items = repo.purchaseItems(db, purchaseId);
    if (r.vouchers.length !== items.length) {
      this.core.logger.error('franking.voucher_count_mismatch', { shopOrderId: p.shop_order_id, items: items.length, vouchers: r.vouchers.length });
    }
    db.transaction(() => {
      items.forEach((it, i) => {
        const v = r.vouchers[i];
        if (!v) return;
        repo.insertStamp(db, {
          voucher_id: v.voucherId, track_id: v.trackId, purchase_id: purchaseId, seq: it.seq, order_id: it.order_id,
          product_code: it.product_code, price_cents: it.price_cents, bought_at: p.completed_at ?? now,
        });
        advanceOrderStatus(db, it.order_id, 'franked', now);
        const name = productByCode(it.product_code)?.name ?? String(it.product_code);
        addHistory(db, it.order_id, 'franked', `Internetmarke ${name} (${(it.price_cents / 100).toFixed(2).replace('.', ',')} €), Marke ${v.voucherId}${v.trackId ? `, Sendungsnummer ${v.trackId}` : ''}, Warenkorb ${p.shop_order_id}`, now);
      });
      repo.completePurchase(db, purchaseId, { link: r.link, walletAfterCents: r.walletBalanceCents }, now);
    })();
    this.balance.observe(r.walletBalanceCents, 'checkout');
  }

  /** Fetches and archives the document once (a later lookup gives a fresh link when the old one expired). */
  async fetchDocument(purchaseId: number): Promise<{ path: string; sha256: string }> {
    const p = repo.getPurchase(this.core.db, purchaseId)!;
    if (p.file_path && p.file_sha256) return { path: p.file_path, sha256: p.file_sha256 };
    let bytes: Uint8Array;
    try {
      bytes = await this.client().download(p.link!);
    } catch {
      const again = await this.client().retrieveOrder(p.shop_order_id!);
      if (!again) throw new AppError('NOT_FOUND', `Kauf ${p.shop_order_id} ist bei der Deutschen Post nicht mehr abrufbar.`);
      bytes = await this.client().download(again.link);
    }
    const saved = archiveStampFile(this.core, p.shop_order_id!, p.format, bytes);
    repo.setPurchaseFile(this.core.db, purchaseId, saved.path, saved.sha256, this.core.nowIso());
    return saved;
  }

  /** Resolves every purchase left open by a crash or a lost answer. */
  async recoverAll(): Promise<{ resolved: Settled[]; stillOpen: number }> {
    const resolved: Settled[] = [];
    let failure: unknown = null;
    for (const p of repo.openPurchases(this.core.db)) {
      try {
        const s = await this.settle(p.id);
        resolved.push(s);
        if (repo.getPurchase(this.core.db, p.id)!.state === 'completed') await this.fetchDocument(p.id).catch((e) => this.core.logger.warn('franking.fetch_failed', { error: String(e) }));
      } catch (e) {
        failure = e;
        this.core.logger.warn('franking.recover_failed', { purchaseId: p.id, error: e instanceof Error ? e.message : String(e) });
      }
    }
    const stillOpen = repo.openPurchases(this.core.db).length;
    if (stillOpen > 0 && failure && !isAppError(failure)) throw failure;
    return { resolved, stillOpen };
  }
}
