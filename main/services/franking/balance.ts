import type { AppCore } from '../../app/core';
import { getSetting, setSetting } from '../../db/repos/settings';
import { lastBalance, recordBalance } from '../../db/repos/franking-refunds';
import { formatCents } from '../../../shared/format';

/**
 * Every balance the API reports is recorded (history for the view) and checked: below the seller's
 * threshold or below the cost of the orders waiting for stamps → one desktop notification per dip.
 */
export type BalanceNotice = { category: 'balance'; key: string; title: string; body: string; route: 'franking' };

export class BalanceWatch {
  /** The shell's notification policy (per-category switch, focus, dedupe) once it exists; until then the Notifier port. */
  notify: (n: BalanceNotice) => void;

  constructor(
    private core: AppCore,
    private nextBatchCost: () => number,
  ) {
    this.notify = (n) => {
      if (core.notifier.isSupported()) core.notifier.show({ title: n.title, body: n.body, route: n.route });
    };
  }

  observe(balanceCents: number | null, source: 'login' | 'checkout' | 'topup' | 'refund'): void {
    if (balanceCents === null) return;
    const at = this.core.nowIso();
    recordBalance(this.core.db, balanceCents, source, at);
    this.core.events.emit('franking:balance', { balanceCents, at });
    const threshold = this.core.settings.get('franking.lowBalanceCents') as number;
    let next = 0;
    try {
      next = this.nextBatchCost();
    } catch (e) {
      this.core.logger.warn('franking.next_batch_cost_failed', { error: String(e) });
    }
    const low = balanceCents < threshold || balanceCents < next;
    const wasLow = getSetting<boolean>(this.core.db, 'franking.state.lowNotified') === true;
    if (low && !wasLow) {
      const why =
        balanceCents < next
          ? `Die wartenden Aufträge kosten ${formatCents(next)} Porto.`
          : `Ihre Warnschwelle liegt bei ${formatCents(threshold)}.`;
      this.notify({ category: 'balance', key: 'franking.balance-low', title: 'Portokasse: Guthaben niedrig', body: `Guthaben ${formatCents(balanceCents)}. ${why} Bitte aufladen.`, route: 'franking' });
    }
    if (low !== wasLow) setSetting(this.core.db, 'franking.state.lowNotified', low, at);
  }

  last(): { balanceCents: number; at: string } | null {
    const b = lastBalance(this.core.db);
    return b ? { balanceCents: b.balance_cents, at: b.at } : null;
  }
}
