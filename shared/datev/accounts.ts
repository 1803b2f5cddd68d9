/**
 * Revenue accounts and tax keys per booking case, SKR03 and SKR04 (reference §3.4–3.6). These are the
 * usual defaults; the seller's accountant confirms them. Revenue accounts with the automatic VAT function
 * (AM) get no BU key — DATEV rejects "BU-Schlüssel auf Automatikkonten".
 */
export type Chart = 'SKR03' | 'SKR04';

export const BOOKING_CASES = ['domestic19', 'domestic7', 'kleinunternehmer', 'oss', 'intraEu', 'export', 'reverseCharge'] as const;
export type BookingCase = (typeof BOOKING_CASES)[number];

export const REVENUE_ACCOUNTS: Record<Chart, Record<BookingCase, string>> = {
  SKR03: { domestic19: '8400', domestic7: '8300', kleinunternehmer: '8195', oss: '8320', intraEu: '8125', export: '8120', reverseCharge: '8336' },
  SKR04: { domestic19: '4400', domestic7: '4300', kleinunternehmer: '4185', oss: '4320', intraEu: '4125', export: '4120', reverseCharge: '4336' },
};

/** Sachkonten of revenue (Erlöse): class 8 in SKR03, class 4 in SKR04. The checker refuses anything else. */
export const REVENUE_RANGE: Record<Chart, [number, number]> = { SKR03: [8000, 8999], SKR04: [4000, 4999] };

/** Personenkonten with Sachkontenlänge 4: debtors 10000–69999. */
export const DEBTOR_RANGE: [number, number] = [10000, 69999];

/** OSS distance sales: DATEV key 240 (OSS-Fernverkauf), with destination country and rate in fields 40/41. */
export const DEFAULT_OSS_BU_KEY = '240';

export const CHART_CODE: Record<Chart, string> = { SKR03: '03', SKR04: '04' };
