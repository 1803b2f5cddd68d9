/**
 * The order address in Internetmarke's shape (reference §1.5 "Address fields"): alpha-3 country,
 * field lengths as the v1.30 spec says. Problems come back as German messages naming the field,
 * so nothing is bought for an address the stamp cannot carry.
 */
export type ImAddress = {
  name: string;
  additionalName?: string;
  addressLine1: string;
  addressLine2?: string;
  postalCode: string;
  city: string;
  country: string;
};

/** ISO 3166-1 alpha-2 → alpha-3 for the countries German sellers ship to by letter. */
const ALPHA3: Record<string, string> = {
  DE: 'DEU', AT: 'AUT', CH: 'CHE', LI: 'LIE', LU: 'LUX', BE: 'BEL', NL: 'NLD', FR: 'FRA', IT: 'ITA', ES: 'ESP', PT: 'PRT',
  DK: 'DNK', SE: 'SWE', NO: 'NOR', FI: 'FIN', IS: 'ISL', IE: 'IRL', GB: 'GBR', PL: 'POL', CZ: 'CZE', SK: 'SVK', HU: 'HUN',
  SI: 'SVN', HR: 'HRV', RO: 'ROU', BG: 'BGR', GR: 'GRC', CY: 'CYP', MT: 'MLT', EE: 'EST', LV: 'LVA', LT: 'LTU', US: 'USA',
  CA: 'CAN', AU: 'AUS', NZ: 'NZL', JP: 'JPN', CN: 'CHN', TR: 'TUR', UA: 'UKR', RS: 'SRB', BA: 'BIH', MC: 'MCO', SM: 'SMR',
  VA: 'VAT', AD: 'AND', IL: 'ISR', ZA: 'ZAF', BR: 'BRA', MX: 'MEX', IN: 'IND', SG: 'SGP', KR: 'KOR',
};
export const alpha3 = (alpha2: string): string | null => ALPHA3[alpha2.toUpperCase()] ?? null;

export type SourceAddress = {
  name: string;
  company: string;
  careOf: string;
  kind: 'street' | 'packstation' | 'postfiliale';
  street: string;
  houseNumber: string;
  addition: string;
  postNumber: string;
  zip: string;
  city: string;
  country: string;
};

const cut = (s: string, n: number) => s.trim().slice(0, n);

/** Builds the Internetmarke address; returns the problems instead when it cannot be printed correctly. */
export function toImAddress(a: SourceAddress, label: string): { ok: true; address: ImAddress } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const country = alpha3(a.country);
  if (!country) problems.push(`${label}: Land „${a.country}“ wird für die Internetmarke nicht unterstützt`);
  const name = a.name.trim() || a.company.trim();
  if (!name) problems.push(`${label}: Name fehlt`);
  let line1: string;
  let line2 = [a.careOf ? (/^c\/o/i.test(a.careOf) ? a.careOf : `c/o ${a.careOf}`) : '', a.addition].filter(Boolean).join(', ');
  if (a.kind === 'packstation' || a.kind === 'postfiliale') {
    if (!a.postNumber.trim()) problems.push(`${label}: PostNummer für ${a.kind === 'packstation' ? 'Packstation' : 'Postfiliale'} fehlt`);
    line1 = `${a.kind === 'packstation' ? 'Packstation' : 'Postfiliale'} ${a.houseNumber}`.trim();
    line2 = [a.postNumber.trim(), line2].filter(Boolean).join(', ');
  } else {
    line1 = [a.street, a.houseNumber].map((s) => s.trim()).filter(Boolean).join(' ');
  }
  if (!line1) problems.push(`${label}: Straße und Hausnummer fehlen`);
  if (line1.length > 50) problems.push(`${label}: Straße „${line1}“ ist länger als 50 Zeichen`);
  const zip = a.zip.trim();
  if (country === 'DEU' && !/^\d{5}$/.test(zip)) problems.push(`${label}: PLZ „${zip}“ muss fünfstellig sein`);
  else if (!/^[0-9A-Za-z]+([ -]?[0-9A-Za-z]+)*$/.test(zip)) problems.push(`${label}: PLZ „${zip}“ fehlt oder ist ungültig`);
  if (!a.city.trim()) problems.push(`${label}: Ort fehlt`);
  if (problems.length) return { ok: false, problems };
  const additional = a.name.trim() && a.company.trim() ? cut(a.company, 40) : undefined;
  return {
    ok: true,
    address: {
      name: cut(name, 50),
      ...(additional ? { additionalName: additional } : {}),
      addressLine1: cut(line1, 50),
      ...(line2 ? { addressLine2: cut(line2, 60) } : {}),
      postalCode: zip,
      city: cut(a.city, 40),
      country: country!,
    },
  };
}
