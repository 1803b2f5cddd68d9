import { berlinMonth } from '../format';
import { FEE_TIERS, MONTHLY_CAP_CENTS, TIER_FEE_CENTS, feeTier, type FeeTier } from './rules';

/** What the fee rules need of a usage event (the app's UsageEvent and the server's rows both fit). */
export type FeeEvent = {
  /** Idempotency key. */
  id: string;
  /** channel:external_id — an order is charged once, whatever installation reports it. */
  orderKey: string;
  /** UTC ISO timestamp of the order's first chargeable action. */
  occurredAt: string;
  goodsValueCents: number;
};

export type TierCount = { tier: FeeTier; count: number; feeCents: number; amountCents: number };

export type MonthFees = {
  /** YYYY-MM, Europe/Berlin. */
  month: string;
  /** Charged orders (first chargeable action) in the month, after removing repeats. */
  orders: number;
  /** Orders whose first action fell into the trial: free, not counted in the tiers. */
  trialOrders: number;
  tiers: TierCount[];
  /** Sum of the tier fees before the cap. */
  uncappedCents: number;
  /** What the month costs: min(uncapped, cap). */
  netCents: number;
  /** How much the cap took off. */
  capReductionCents: number;
  capCents: number;
  capReached: boolean;
};

export type FeeOptions = {
  /** Actions before this instant are free (the trial). null: no trial known. */
  trialEndsAt?: string | null;
};

/**
 * Keeps the first event per order (by time, then id) — an order is charged once, no matter how often
 * or from where its actions were reported — and orders the result by time.
 */
export function firstPerOrder<E extends FeeEvent>(events: readonly E[]): E[] {
  // Times are compared as instants, not as text ("…00Z" and "…00.000Z" are the same moment).
  const t = new Map<E, number>(events.map((e) => [e, Date.parse(e.occurredAt)]));
  const sorted = [...events].sort((a, b) => t.get(a)! - t.get(b)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  const out: E[] = [];
  for (const e of sorted) {
    if (seen.has(e.orderKey)) continue;
    seen.add(e.orderKey);
    out.push(e);
  }
  return out;
}

const inTrial = (e: FeeEvent, o: FeeOptions) => !!o.trialEndsAt && Date.parse(e.occurredAt) < Date.parse(o.trialEndsAt);

/**
 * The fees of one Berlin calendar month. `events` may contain events of other months (ignored) and
 * repeats (counted once). The total does not depend on the order of the events: it is
 * min(Σ tier fees, cap). Which order "crossed" the cap is reported by chargeEvents.
 */
export function monthFees(month: string, events: readonly FeeEvent[], opts: FeeOptions = {}): MonthFees {
  const counts: Record<FeeTier, number> = { free: 0, middle: 0, high: 0 };
  let orders = 0;
  let trialOrders = 0;
  for (const e of firstPerOrder(events)) {
    if (berlinMonth(e.occurredAt) !== month) continue;
    orders += 1;
    if (inTrial(e, opts)) trialOrders += 1;
    else counts[feeTier(e.goodsValueCents)] += 1;
  }
  const tiers = FEE_TIERS.map((tier) => ({ tier, count: counts[tier], feeCents: TIER_FEE_CENTS[tier], amountCents: counts[tier] * TIER_FEE_CENTS[tier] }));
  const uncappedCents = tiers.reduce((s, t) => s + t.amountCents, 0);
  const netCents = Math.min(uncappedCents, MONTHLY_CAP_CENTS);
  return {
    month,
    orders,
    trialOrders,
    tiers,
    uncappedCents,
    netCents,
    capReductionCents: uncappedCents - netCents,
    capCents: MONTHLY_CAP_CENTS,
    capReached: uncappedCents >= MONTHLY_CAP_CENTS,
  };
}

export type ChargedEvent<E> = { event: E; tier: FeeTier | 'trial'; chargeCents: number };

/**
 * What each order of a month pays, in the order the actions happened: the order that crosses the
 * cap pays only the rest, everything after it is free until the 1st.
 */
export function chargeEvents<E extends FeeEvent>(month: string, events: readonly E[], opts: FeeOptions = {}): ChargedEvent<E>[] {
  let sum = 0;
  const out: ChargedEvent<E>[] = [];
  for (const e of firstPerOrder(events)) {
    if (berlinMonth(e.occurredAt) !== month) continue;
    if (inTrial(e, opts)) {
      out.push({ event: e, tier: 'trial', chargeCents: 0 });
      continue;
    }
    const tier = feeTier(e.goodsValueCents);
    const charge = Math.min(TIER_FEE_CENTS[tier], MONTHLY_CAP_CENTS - sum);
    sum += charge;
    out.push({ event: e, tier, chargeCents: charge });
  }
  return out;
}

/** The Berlin months that have events, ascending. */
export function monthsOf(events: readonly FeeEvent[]): string[] {
  return [...new Set(events.map((e) => berlinMonth(e.occurredAt)))].sort();
}
