/**
 * Time rules for bought Internetmarken (reference §5): unused stamps can be refunded within 14 days
 * of the order; stamps are valid for 3 years from purchase, then neither usable nor refundable.
 */

export const REFUND_WINDOW_DAYS = 14;
export const VALIDITY_YEARS = 3;

const DAY_MS = 86_400_000;

export function refundDeadline(boughtAtIso: string): string {
  return new Date(Date.parse(boughtAtIso) + REFUND_WINDOW_DAYS * DAY_MS).toISOString();
}

/** Same calendar instant three years later (29 Feb → 1 Mar, as Date does). */
export function validUntil(boughtAtIso: string): string {
  const d = new Date(boughtAtIso);
  d.setUTCFullYear(d.getUTCFullYear() + VALIDITY_YEARS);
  return d.toISOString();
}

export type StampRecordState = 'valid' | 'refund_requested' | 'refunded' | 'refund_refused';
/** What the seller sees: the stored state plus what time has done to it. */
export type StampStatus = 'valid' | 'expired' | 'refund_requested' | 'refunded' | 'refund_refused';

export function stampStatus(state: StampRecordState, boughtAtIso: string, nowIso: string): StampStatus {
  if (state !== 'valid') return state;
  return nowIso >= validUntil(boughtAtIso) ? 'expired' : 'valid';
}

export function isRefundable(state: StampRecordState, boughtAtIso: string, nowIso: string): boolean {
  return state === 'valid' && nowIso < refundDeadline(boughtAtIso);
}
