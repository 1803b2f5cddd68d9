import type { Db } from '../../db/types';
import { listUsageEvents } from '../../db/repos/usage';
import { monthFees, type FeeEvent } from '../../../shared/fees/month';
import { grossCents, previousMonth, vatCents } from '../../../shared/fees/rules';
import { berlinMonth } from '../../../shared/format';
import type { MonthFeesView } from '../../../shared/ipc/channels/billing';

/**
 * The fee meter on the app's side: the same shared rules over the local usage ledger, so it works
 * offline and includes events not yet synced. The billing service computes the same from what it got.
 */
export function localMonthFees(db: Db, month: string, trialEndsAt: string): MonthFeesView {
  const events = listUsageEvents(db);
  const m = monthFees(month, events as FeeEvent[], { trialEndsAt });
  const unsynced = events.filter((e) => e.syncedAt === null && berlinMonth(e.occurredAt) === month).length;
  return { ...m, vatCents: vatCents(m.netCents), grossCents: grossCents(m.netCents), unsynced };
}

/** The last `n` Berlin months up to and including `currentMonth`, oldest first. */
export function localFeeHistory(db: Db, currentMonth: string, n: number, trialEndsAt: string): { month: string; netCents: number; orders: number }[] {
  const events = listUsageEvents(db) as FeeEvent[];
  const months: string[] = [];
  let m = currentMonth;
  for (let i = 0; i < n; i++) {
    months.unshift(m);
    m = previousMonth(m);
  }
  return months.map((month) => {
    const f = monthFees(month, events, { trialEndsAt });
    return { month, netCents: f.netCents, orders: f.orders };
  });
}
