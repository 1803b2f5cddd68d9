/**
 * The fee rules of PRODUCT.md §6 — the product's income, so they live here once, pure, and are used
 * by the app (fee meter, guard) and by the billing service (invoices) alike. All money is integer
 * euro cents, net unless a name says otherwise.
 */

/** Up to and including this goods value an order is free. */
export const FREE_UP_TO_CENTS = 300;
/** Over FREE_UP_TO_CENTS up to and including this value the middle fee applies. */
export const MIDDLE_UP_TO_CENTS = 700;
export const MIDDLE_FEE_CENTS = 4;
export const HIGH_FEE_CENTS = 8;
/** Cap of the fees of one calendar month (Europe/Berlin), net. */
export const MONTHLY_CAP_CENTS = 3400;
/** A fee invoice is issued only when the open fees EXCEED this amount; otherwise they carry over. */
export const INVOICE_THRESHOLD_CENTS = 420;
export const VAT_PERCENT = 19;
/** SEPA direct debit is collected this many days after the invoice date. */
export const SEPA_DUE_DAYS = 14;
export const TRIAL_DAYS = 30;

export type FeeTier = 'free' | 'middle' | 'high';
export const FEE_TIERS: readonly FeeTier[] = ['free', 'middle', 'high'];
export const TIER_FEE_CENTS: Record<FeeTier, number> = { free: 0, middle: MIDDLE_FEE_CENTS, high: HIGH_FEE_CENTS };

/**
 * The tier of an order by its goods value in EUR cents (item prices incl. VAT, no shipping; orders
 * in other currencies are converted with the rate stored with the order, see goodsValueEurCents).
 * The limits belong to the lower tier: exactly 3,00 € is free, exactly 7,00 € costs 4 ct.
 */
export function feeTier(goodsValueEurCents: number): FeeTier {
  if (!Number.isInteger(goodsValueEurCents) || goodsValueEurCents < 0) {
    throw new RangeError(`Warenwert muss ganze, nicht negative Cent sein, nicht ${goodsValueEurCents}`);
  }
  if (goodsValueEurCents <= FREE_UP_TO_CENTS) return 'free';
  if (goodsValueEurCents <= MIDDLE_UP_TO_CENTS) return 'middle';
  return 'high';
}

export function feeForGoodsValue(goodsValueEurCents: number): number {
  return TIER_FEE_CENTS[feeTier(goodsValueEurCents)];
}

/** 19 % VAT on a net amount, rounded half up to whole cents (net amounts are never negative). */
export function vatCents(netCents: number): number {
  return Math.round((netCents * VAT_PERCENT) / 100);
}

export function grossCents(netCents: number): number {
  return netCents + vatCents(netCents);
}

/** Calendar day arithmetic on YYYY-MM-DD strings (no time zone involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The SEPA due date of a fee invoice issued on `invoiceDay` (YYYY-MM-DD). */
export function sepaDueDay(invoiceDay: string): string {
  return addDays(invoiceDay, SEPA_DUE_DAYS);
}

/** YYYY-MM → the month after. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
