import type { InvoiceSnapshot, VatBreakdown } from '../domain/invoice';
import { REVENUE_ACCOUNTS, type BookingCase, type Chart } from './accounts';
import type { Booking } from './extf';

export type BookingOptions = {
  chart: Chart;
  /** Debtor account of this invoice's buyer (collective debtor for consumers, own number for businesses). */
  debtor: string;
  ossBuKey: string;
  /** The accountant's own revenue accounts per case; empty or missing → the SKR default. */
  accounts?: Partial<Record<BookingCase, string>>;
};

export class BookingError extends Error {}

/** Which revenue account a VAT breakdown entry goes to. */
export function bookingCase(s: InvoiceSnapshot, b: VatBreakdown): BookingCase {
  switch (b.vatCategory) {
    case 'E':
      return 'kleinunternehmer';
    case 'K':
      return 'intraEu';
    case 'G':
      return 'export';
    case 'AE':
      return 'reverseCharge';
    case 'S':
      if (s.taxCase === 'oss') return 'oss';
      if (b.vatRate === 19) return 'domestic19';
      if (b.vatRate === 7) return 'domestic7';
      throw new BookingError(`Rechnung ${s.number}: Steuersatz ${b.vatRate} % im Inland hat kein DATEV-Erlöskonto (nur 19 % und 7 %).`);
    case 'Z':
      throw new BookingError(`Rechnung ${s.number}: Steuerkategorie Z (0 %) ist im DATEV-Export nicht vorgesehen.`);
  }
}

/**
 * The postings of one invoice or cancellation invoice: one line per VAT breakdown entry (mixed rates →
 * several lines with the same Belegfeld 1), gross amount on the debtor, positive with S/H for the direction.
 */
export function bookingsFor(s: InvoiceSnapshot, o: BookingOptions): Booking[] {
  if (s.currency !== 'EUR') {
    throw new BookingError(`Rechnung ${s.number} ist in ${s.currency} ausgestellt; der DATEV-Export unterstützt nur EUR-Rechnungen.`);
  }
  return s.vatBreakdown.map((b): Booking => {
    const gross = b.netCents + b.vatCents;
    const c = bookingCase(s, b);
    const cancel = s.kind === 'cancellation';
    const euLand =
      c === 'oss' ? s.destinationCountry : c === 'intraEu' || c === 'reverseCharge' ? s.buyer.vatId.replace(/\s+/g, '').toUpperCase().replace(/^GR/, 'EL') : '';
    const who = s.buyer.address.company || s.buyer.address.name;
    const text = cancel ? `Storno zu ${s.cancelsNumber ?? ''} ${who}` : `Rechnung ${s.number} ${who}`;
    return {
      // A cancellation with negative amounts credits the debtor; a (rare) negative line on an invoice likewise.
      amountCents: Math.abs(gross),
      sollHaben: gross >= 0 ? 'S' : 'H',
      konto: o.debtor,
      gegenkonto: o.accounts?.[c] || REVENUE_ACCOUNTS[o.chart][c],
      bu: c === 'oss' ? o.ossBuKey : '',
      belegdatum: s.issueDate,
      belegfeld1: s.number,
      belegfeld2: cancel ? (s.cancelsNumber ?? '') : '',
      text: text.trim(),
      euLand,
      euRate: c === 'oss' ? b.vatRate : null,
      leistungsdatum: s.deliveryDate,
      auftragsnummer: s.externalOrderId,
    } satisfies Booking;
  }).filter((b) => b.amountCents > 0);
}
