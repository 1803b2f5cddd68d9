import type { Db } from '../../db/types';
import { listUsageEventsBetween } from '../../db/repos/billing';
import { monthFees } from '../../../shared/fees/month';
import { grossCents, nextMonth, previousMonth, vatCents } from '../../../shared/fees/rules';
import { berlinMonth } from '../../../shared/format';
import type { MonthFeesView } from '../../../shared/ipc/channels/billing';

/** UTC range that surely covers the Berlin months first..last (a day of margin on each side). */
function range(first: string, last: string): [string, string] {
  const from = new Date(`${first}-01T00:00:00Z`).getTime() - 86_400_000;
  const to = new Date(`${nextMonth(last)}-01T00:00:00Z`).getTime() + 86_400_000;
  return [new Date(from).toISOString(), new Date(to).toISOString()];
}

/**
 * The fee meter on the app's side: the same shared rules over the local usage ledger, so it works
 * offline and includes events not yet synced. The billing service computes the same from what it got.
 * (Locally an order has at most one event, so reading only the month's time range is exact.)
 */
export function localMonthFees(db: Db, month: string, trialEndsAt: string): MonthFeesView {
  const events = listUsageEventsBetween(db, ...range(month, month));
  const m = monthFees(month, events, { trialEndsAt });
  const unsynced = events.filter((e) => e.syncedAt === null && berlinMonth(e.occurredAt) === month).length;
  return { ...m, vatCents: vatCents(m.netCents), grossCents: grossCents(m.netCents), unsynced };
}

/** The last `n` Berlin months up to and including `currentMonth`, oldest first. */
export function localFeeHistory(db: Db, currentMonth: string, n: number, trialEndsAt: string): { month: string; netCents: number; orders: number }[] {
  const months: string[] = [];
  let m = currentMonth;
  for (let i = 0; i < n; i++) {
    months.unshift(m);
    m = previousMonth(m);
  }
  const events = listUsageEventsBetween(db, ...range(months[0]!, currentMonth));
  return months.map((month) => {
    const f = monthFees(month, events, { trialEndsAt });
    return { month, netCents: f.netCents, orders: f.orders };
  });
}
