import type { AppCore } from '../../app/core';
import * as stamps from '../../db/repos/franking';
import * as refunds from '../../db/repos/franking-refunds';
import { addHistory } from '../../db/repos/orders';
import { AppError, isAppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { isRefundable, refundDeadline, stampStatus } from '../../../shared/postage/validity';
import type { InternetmarkeClient } from './im-client';
import type { BalanceWatch } from './balance';

/**
 * Refunds of unused stamps through POST /app/retoure (reference §1.5): only within 14 days and
 * only for valid stamps; the request is journaled first, then its state is polled until
 * Deutsche Post has processed every stamp.
 */
export class RefundService {
  constructor(
    private core: AppCore,
    private client: () => InternetmarkeClient,
    private balance: BalanceWatch,
  ) {}

  async refund(voucherIds: string[]): Promise<{ refunded: string[]; refused: string[]; pending: string[]; refundedCents: number; balanceCents: number | null }> {
    const now = this.core.nowIso();
    const problems: string[] = [];
    const groups = new Map<string, stamps.StampRow[]>();
    for (const id of [...new Set(voucherIds)]) {
      const s = stamps.getStamp(this.core.db, id);
      if (!s) {
        problems.push(`${id}: keine Marke mit dieser Nummer`);
        continue;
      }
      if (!isRefundable(s.state, s.bought_at, now)) {
        const st = stampStatus(s.state, s.bought_at, now);
        problems.push(
          st === 'valid'
            ? `${id}: Erstattungsfrist abgelaufen am ${formatDate(refundDeadline(s.bought_at))} (14 Tage nach dem Kauf)`
            : `${id}: nicht erstattbar (${st === 'expired' ? 'abgelaufen' : st === 'refunded' ? 'bereits erstattet' : st === 'refund_requested' ? 'Erstattung läuft bereits' : 'Erstattung abgelehnt'})`,
        );
        continue;
      }
      const p = stamps.getPurchase(this.core.db, s.purchase_id)!;
      const list = groups.get(p.shop_order_id!) ?? [];
      list.push(s);
      groups.set(p.shop_order_id!, list);
    }
    if (problems.length) throw new AppError('REFUND_REFUSED', `Nichts erstattet. ${problems.join(' | ')}`, { problems });

    const ids: number[] = [];
    for (const [shopOrderId, list] of groups) {
      const refundId = refunds.insertRefund(this.core.db, shopOrderId, list.map((s) => s.voucher_id), this.core.nowIso());
      try {
        const r = await this.client().retoure(shopOrderId, list.map((s) => ({ voucherId: s.voucher_id, trackId: s.track_id })));
        refunds.setRefundRequested(this.core.db, refundId, r.shopRetoureId, r.retoureTransactionId, this.core.nowIso());
        ids.push(refundId);
      } catch (e) {
        if (isAppError(e) && e.code === 'IM_NETWORK') {
          // The answer was lost: Deutsche Post may have the request. It stays journaled and is looked up later.
          throw new AppError(
            'IM_OUTCOME_UNKNOWN',
            `Erstattung beantragen: keine Antwort von der Deutschen Post. Ob der Antrag ankam, wird beim nächsten „Marken abgleichen“ nachgefragt; die Marken bleiben solange gesperrt.`,
          );
        }
        refunds.failRefund(this.core.db, refundId, e instanceof Error ? e.message : String(e), this.core.nowIso());
        throw isAppError(e) ? e : new AppError('IM_REJECTED', `Erstattung beantragen: ${String(e)}`);
      }
    }
    const out = { refunded: [] as string[], refused: [] as string[], pending: [] as string[], refundedCents: 0, balanceCents: null as number | null };
    for (const id of ids) {
      const r = await this.follow(id);
      out.refunded.push(...r.refunded);
      out.refused.push(...r.refused);
      out.pending.push(...r.pending);
      out.refundedCents += r.refundedCents;
    }
    if (out.refunded.length) out.balanceCents = await this.refreshBalance();
    return out;
  }

  /** Polls one refund until Deutsche Post reports no stamp still open (or the poll budget is used up). */
  async follow(refundId: number): Promise<{ refunded: string[]; refused: string[]; pending: string[]; refundedCents: number }> {
    const pollMs = this.core.settings.get('franking.retourePollMs') as number;
    const max = this.core.settings.get('franking.retourePollMax') as number;
    const r = refunds.getRefund(this.core.db, refundId)!;
    const mine = this.core.db.prepare('SELECT voucher_id, order_id FROM franking_stamps WHERE refund_id = ?').all(refundId) as { voucher_id: string; order_id: number }[];
    for (let i = 0; i < max; i++) {
      const states = await this.client().retoureState(r.shop_retoure_id!);
      const st = states.find((s) => s.shopRetoureId === r.shop_retoure_id) ?? states[0];
      if (st && st.countStillOpen === 0) {
        const refunded = st.refundedVouchers.map((v) => v.voucherId);
        const refused = st.notRefundedVouchers.map((v) => v.voucherId);
        const now = this.core.nowIso();
        this.core.db.transaction(() => {
          refunds.finishRefund(this.core.db, refundId, refunded, refused, st.retourePrice, now);
          for (const m of mine) {
            if (refunded.includes(m.voucher_id)) addHistory(this.core.db, m.order_id, 'stamp_refunded', `Internetmarke ${m.voucher_id} erstattet`, now);
            else if (refused.includes(m.voucher_id)) addHistory(this.core.db, m.order_id, 'stamp_refund_refused', `Erstattung der Internetmarke ${m.voucher_id} abgelehnt`, now);
          }
        })();
        return { refunded, refused, pending: [], refundedCents: st.retourePrice };
      }
      if (i < max - 1 && pollMs > 0) await new Promise((res) => setTimeout(res, pollMs));
    }
    return { refunded: [], refused: [], pending: mine.map((m) => m.voucher_id), refundedCents: 0 };
  }

  async followOpen(): Promise<void> {
    for (const r of refunds.openRefunds(this.core.db)) {
      if (r.state === 'requesting') await this.lookUpLost(r);
      if (refunds.getRefund(this.core.db, r.id)!.state === 'open') await this.follow(r.id);
    }
  }

  /**
   * A refund request whose answer was lost: look at the retoures created since it was journaled.
   * One that names our stamps is ours; if every retoure of that window is processed and none names
   * them, the request never arrived and the stamps are usable again. Otherwise wait.
   */
  private async lookUpLost(r: refunds.RefundRow): Promise<void> {
    const mine = new Set((this.core.db.prepare('SELECT voucher_id FROM franking_stamps WHERE refund_id = ?').all(r.id) as { voucher_id: string }[]).map((x) => x.voucher_id));
    // A wide window: the local clock and Deutsche Post's may disagree; only our voucher ids decide.
    const from = new Date(Date.parse(r.created_at) - 86_400_000);
    const states = await this.client().retoureStatesBetween(from, new Date(this.core.clock.now().getTime() + 86_400_000));
    const ours = states.find((s) => [...s.refundedVouchers, ...s.notRefundedVouchers].some((v) => mine.has(v.voucherId)));
    if (ours) {
      refunds.setRefundRequested(this.core.db, r.id, ours.shopRetoureId, String(ours.retoureTransactionId ?? ''), this.core.nowIso());
      return;
    }
    if (states.every((s) => s.countStillOpen === 0)) {
      refunds.failRefund(this.core.db, r.id, 'Antrag kam bei der Deutschen Post nicht an (nachgefragt).', this.core.nowIso());
    }
  }

  private async refreshBalance(): Promise<number | null> {
    const b = await this.client().login(true);
    this.balance.observe(b.walletBalanceCents, 'refund');
    return b.walletBalanceCents;
  }
}
