import { BUCHUNGSSTAPEL_COLUMNS, COL } from './columns';
import { CHART_CODE, type Chart } from './accounts';

/** One DATEV posting: the debtor (Konto) against a revenue account (Gegenkonto), gross amount. */
export type Booking = {
  /** Always positive, integer cents; the direction is `sollHaben`. */
  amountCents: number;
  /** 'S' = debit the debtor (invoice), 'H' = credit the debtor (cancellation). */
  sollHaben: 'S' | 'H';
  konto: string;
  gegenkonto: string;
  /** Empty for automatic accounts. */
  bu: string;
  /** YYYY-MM-DD, the invoice's issue date. */
  belegdatum: string;
  belegfeld1: string;
  belegfeld2: string;
  text: string;
  /** Field 40: EU country + VAT id, or the destination country code for OSS B2C. */
  euLand: string;
  /** Field 41: destination rate for OSS, percent. */
  euRate: number | null;
  /** YYYY-MM-DD. */
  leistungsdatum: string;
  auftragsnummer: string;
};

export type ExtfHeader = {
  consultantNumber: number;
  clientNumber: number;
  /** YYYY-MM-DD, first day of the fiscal year the postings belong to. */
  fiscalYearStart: string;
  /** YYYY-MM-DD. */
  from: string;
  to: string;
  chart: Chart;
  /** UTC instant of the export. */
  createdAt: Date;
  label: string;
};

/** 12345 → "123,45" (DATEV: decimal comma, no thousands separator). */
export const datevAmount = (cents: number): string => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

/** Percent with two decimals and a comma: 20 → "20,00", 5.5 → "5,50". */
export const datevPercent = (rate: number): string => {
  const c = Math.round(rate * 100);
  return datevAmount(c);
};

const ymd = (day: string) => day.replace(/-/g, '');
/** YYYY-MM-DD → TTMM (Belegdatum; the year comes from the fiscal year in the header). */
export const ttmm = (day: string) => `${day.slice(8, 10)}${day.slice(5, 7)}`;
/** YYYY-MM-DD → TTMMJJJJ (Leistungsdatum). */
export const ttmmjjjj = (day: string) => `${day.slice(8, 10)}${day.slice(5, 7)}${day.slice(0, 4)}`;

/** Belegfeld 1 allows only a-z A-Z 0-9 $ & % * + - / and 36 characters (DATEV; OPOS matching key). */
export function belegfeld(v: string, max = 36): string {
  return v.replace(/[^A-Za-z0-9$&%*+\-/]/g, '-').slice(0, max);
}

/** Text field: quoted, quotes doubled, no line breaks or control characters, cut to `max`. */
export function quoted(v: string, max?: number): string {
  let s = v.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001F]/g, '').trim();
  if (max !== undefined) s = s.slice(0, max);
  return `"${s.replace(/"/g, '""')}"`;
}

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}${p(d.getUTCMilliseconds(), 3)}`;
}

/** The 31 header fields (reference §3.2, DATEV's own example as the model for quoting). */
export function headerLine(h: ExtfHeader): string {
  const f: string[] = [
    '"EXTF"', '700', '21', '"Buchungsstapel"', '13', stamp(h.createdAt), '', '"RE"', quoted('Portodesk', 25), '""',
    String(h.consultantNumber), String(h.clientNumber), ymd(h.fiscalYearStart), '4', ymd(h.from), ymd(h.to),
    quoted(h.label, 30), '""', '1', '0', '0', '"EUR"', '', '""', '', '', `"${CHART_CODE[h.chart]}"`, '', '', '""', '""',
  ];
  return f.join(';');
}

export function columnsLine(): string {
  return BUCHUNGSSTAPEL_COLUMNS.join(';');
}

export function bookingLine(b: Booking): string {
  // Unused fields stay empty (no quotes), like DATEV's own example.
  const f: string[] = BUCHUNGSSTAPEL_COLUMNS.map(() => '');
  const set = (col: number, v: string) => {
    f[col - 1] = v;
  };
  set(COL.umsatz, datevAmount(b.amountCents));
  set(COL.sollHaben, `"${b.sollHaben}"`);
  set(COL.wkz, '"EUR"');
  set(COL.konto, b.konto);
  set(COL.gegenkonto, b.gegenkonto);
  set(COL.bu, quoted(b.bu));
  set(COL.belegdatum, ttmm(b.belegdatum));
  set(COL.belegfeld1, quoted(belegfeld(b.belegfeld1)));
  set(COL.belegfeld2, quoted(belegfeld(b.belegfeld2, 12)));
  set(COL.buchungstext, quoted(b.text, 60));
  set(COL.euLand, quoted(b.euLand, 15));
  set(COL.euSteuersatz, b.euRate === null ? '' : datevPercent(b.euRate));
  set(COL.auftragsnummer, quoted(b.auftragsnummer, 30));
  set(COL.festschreibung, '0');
  set(COL.leistungsdatum, b.leistungsdatum ? ttmmjjjj(b.leistungsdatum) : '');
  return f.join(';');
}

/** The whole file as text; lines end with CR LF. Encode it as Windows-1252 before writing. */
export function buildExtf(h: ExtfHeader, bookings: Booking[]): string {
  return [headerLine(h), columnsLine(), ...bookings.map(bookingLine)].map((l) => l + '\r\n').join('');
}

/** First day of the fiscal year containing `day`, for a fiscal year starting in month `startMonth` (1–12). */
export function fiscalYearStartFor(day: string, startMonth: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const year = m >= startMonth ? y : y - 1;
  return `${year}-${String(startMonth).padStart(2, '0')}-01`;
}

/** Suggested file name: EXTF_Buchungsstapel_<from>_<to>.csv */
export const extfFileName = (from: string, to: string) => `EXTF_Buchungsstapel_${ymd(from)}_${ymd(to)}.csv`;
