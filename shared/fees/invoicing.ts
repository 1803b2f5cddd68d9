import { INVOICE_THRESHOLD_CENTS, grossCents, sepaDueDay, vatCents } from './rules';

/** One month's fee (netCents by monthFees) and how much of it earlier fee invoices already billed. */
export type MonthBalance = { month: string; netCents: number; invoicedCents: number };

export type OpenFees = {
  /** Months (before `currentMonth`) with something not yet invoiced, ascending. */
  months: { month: string; openCents: number }[];
  openCents: number;
  /** True when the open fees exceed the threshold: a fee invoice is due now. */
  invoiceDue: boolean;
};

/**
 * The open fees once the months before `currentMonth` have ended. Amounts of a month that reached the
 * billing service late (an app offline over the month end) are picked up here too, because a month
 * is billed by its difference "what the rules say − what was invoiced". Fees of at most 4,20 € stay
 * open and are carried over; the next month's cap does not apply to them (they belong to their own month).
 */
export function openFees(balances: readonly MonthBalance[], currentMonth: string): OpenFees {
  const months = balances
    .filter((b) => b.month < currentMonth && b.netCents > b.invoicedCents)
    .map((b) => ({ month: b.month, openCents: b.netCents - b.invoicedCents }))
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  const openCents = months.reduce((s, m) => s + m.openCents, 0);
  return { months, openCents, invoiceDue: openCents > INVOICE_THRESHOLD_CENTS };
}

export type InvoiceAmounts = { netCents: number; vatCents: number; grossCents: number; invoiceDay: string; dueDay: string };

export function invoiceAmounts(netCents: number, invoiceDay: string): InvoiceAmounts {
  return { netCents, vatCents: vatCents(netCents), grossCents: grossCents(netCents), invoiceDay, dueDay: sepaDueDay(invoiceDay) };
}

export type MonthClose = { month: string; netCents: number; openCents: number; invoiced: boolean; carriedCents: number };

/**
 * The month-end decisions for a run of months without late events: open = carried + this month;
 * invoice when open > 4,20 €, else carry it into the next month. Used by the app to preview and by
 * the tests as the plain statement of the rule.
 */
export function closeMonths(monthNet: readonly { month: string; netCents: number }[], initialCarryCents = 0): MonthClose[] {
  let carry = initialCarryCents;
  return [...monthNet]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((m) => {
      const open = carry + m.netCents;
      const invoiced = open > INVOICE_THRESHOLD_CENTS;
      carry = invoiced ? 0 : open;
      return { month: m.month, netCents: m.netCents, openCents: open, invoiced, carriedCents: carry };
    });
}
