/**
 * Postcode shapes per country. A postcode that does not fit the country is a typical import mistake
 * (the wrong country chosen, a German PLZ with a lost leading zero) and must be seen before postage is bought.
 */
const patterns: Record<string, RegExp> = {
  DE: /^\d{5}$/, AT: /^\d{4}$/, CH: /^\d{4}$/, LI: /^\d{4}$/, BE: /^\d{4}$/, LU: /^(L-)?\d{4}$/i, DK: /^\d{4}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i, FR: /^\d{5}$/, IT: /^\d{5}$/, ES: /^\d{5}$/, PT: /^\d{4}-\d{3}$/, PL: /^\d{2}-\d{3}$/,
  CZ: /^\d{3} ?\d{2}$/, SK: /^\d{3} ?\d{2}$/, SE: /^\d{3} ?\d{2}$/, NO: /^\d{4}$/, FI: /^\d{5}$/, HU: /^\d{4}$/,
  SI: /^\d{4}$/, HR: /^\d{5}$/, RO: /^\d{6}$/, BG: /^\d{4}$/, GR: /^\d{3} ?\d{2}$/, EE: /^\d{5}$/, LT: /^(LT-)?\d{5}$/i,
  LV: /^(LV-)?\d{4}$/i, MT: /^[A-Z]{3} ?\d{4}$/i, CY: /^\d{4}$/, IS: /^\d{3}$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, US: /^\d{5}(-\d{4})?$/, CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
  AU: /^\d{4}$/, JP: /^\d{3}-?\d{4}$/, BR: /^\d{5}-?\d{3}$/,
};

/** Countries without postcodes (e.g. Ireland before Eircode is common, Hong Kong) are not checked. */
export function postcodeFitsCountry(zip: string, country: string): boolean {
  const p = patterns[country];
  if (!p) return true;
  return p.test(zip.trim());
}
