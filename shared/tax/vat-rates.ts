/**
 * Dated VAT rate table for Germany and every EU member state (OSS destination rates).
 * Source: invoicing-de.md §1.6 (ibericode/vat-rates 2025-08 with `effective_from` periods, EU TEDB
 * snapshot 2026-04-28). Only the normal standard and reduced rates are listed; regional regimes
 * (Corsica, overseas departments, Madeira/Azores, Greek islands) are left out on purpose.
 * Rows are valid from `from` (inclusive) until the next row of the same country. Append a row when a
 * rate changes; never edit a row that has applied to an issued invoice.
 */
export type VatRateRow = {
  country: string;
  /** YYYY-MM-DD, first day the rates apply. */
  from: string;
  standard: number;
  /** Reduced rates, ascending (super-reduced included). */
  reduced: number[];
};

export const VAT_RATE_TABLE: readonly VatRateRow[] = [
  { country: 'AT', from: '2016-01-01', standard: 20, reduced: [10, 13] },
  { country: 'BE', from: '2000-01-01', standard: 21, reduced: [6, 12] },
  { country: 'BG', from: '2000-01-01', standard: 20, reduced: [9] },
  { country: 'CY', from: '2000-01-01', standard: 19, reduced: [5, 9] },
  { country: 'CZ', from: '2015-01-01', standard: 21, reduced: [10, 15] },
  { country: 'CZ', from: '2024-01-01', standard: 21, reduced: [12] },
  { country: 'DE', from: '2007-01-01', standard: 19, reduced: [7] },
  { country: 'DE', from: '2020-07-01', standard: 16, reduced: [5] },
  { country: 'DE', from: '2021-01-01', standard: 19, reduced: [7] },
  { country: 'DK', from: '2000-01-01', standard: 25, reduced: [] },
  { country: 'EE', from: '2024-01-01', standard: 22, reduced: [9] },
  { country: 'EE', from: '2025-07-01', standard: 24, reduced: [9, 13] },
  { country: 'ES', from: '2012-09-01', standard: 21, reduced: [4, 10] },
  { country: 'FI', from: '2013-01-01', standard: 24, reduced: [10, 14] },
  { country: 'FI', from: '2024-09-01', standard: 25.5, reduced: [10, 14] },
  { country: 'FR', from: '2014-01-01', standard: 20, reduced: [2.1, 5.5, 10] },
  { country: 'GR', from: '2016-06-01', standard: 24, reduced: [6, 13] },
  { country: 'HR', from: '2013-01-01', standard: 25, reduced: [5, 13] },
  { country: 'HU', from: '2012-01-01', standard: 27, reduced: [5, 18] },
  { country: 'IE', from: '2021-03-01', standard: 23, reduced: [4.8, 9, 13.5] },
  { country: 'IT', from: '2013-10-01', standard: 22, reduced: [4, 5, 10] },
  { country: 'LT', from: '2009-09-01', standard: 21, reduced: [5, 9] },
  { country: 'LU', from: '2023-01-01', standard: 16, reduced: [3, 7] },
  { country: 'LU', from: '2024-01-01', standard: 17, reduced: [3, 8] },
  { country: 'LV', from: '2011-01-01', standard: 21, reduced: [5, 12] },
  { country: 'MT', from: '2000-01-01', standard: 18, reduced: [5, 7] },
  { country: 'NL', from: '2019-01-01', standard: 21, reduced: [9] },
  { country: 'PL', from: '2011-01-01', standard: 23, reduced: [5, 8] },
  { country: 'PT', from: '2011-01-01', standard: 23, reduced: [6, 13] },
  { country: 'RO', from: '2017-01-01', standard: 19, reduced: [5, 9] },
  { country: 'RO', from: '2025-08-01', standard: 21, reduced: [11] },
  { country: 'SE', from: '2000-01-01', standard: 25, reduced: [6, 12] },
  { country: 'SI', from: '2013-07-01', standard: 22, reduced: [5, 9.5] },
  { country: 'SK', from: '2011-01-01', standard: 20, reduced: [10] },
  { country: 'SK', from: '2025-01-01', standard: 23, reduced: [5, 19] },
];

/** The EU member states (ISO 3166-1; Greece is GR here, EL only in VAT ids). */
export const EU_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

export const isEuCountry = (cc: string): boolean => EU_COUNTRIES.has(cc.toUpperCase());

/** The rates of `country` valid on `day` (YYYY-MM-DD), or null when the table has none. */
export function vatRatesOn(country: string, day: string): VatRateRow | null {
  let best: VatRateRow | null = null;
  for (const r of VAT_RATE_TABLE) {
    if (r.country !== country || r.from > day) continue;
    if (!best || r.from > best.from) best = r;
  }
  return best;
}
