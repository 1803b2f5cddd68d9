/**
 * Country names as marketplaces write them (English, German, typos seen in exports) → ISO 3166-1
 * alpha-2. One table for all importers (order-formats.md §6.5: names, alpha-2, alpha-3, storefront codes).
 */
const names: Record<string, string> = {
  deutschland: 'DE', germany: 'DE', allemagne: 'DE', 'federal republic of germany': 'DE',
  österreich: 'AT', oesterreich: 'AT', austria: 'AT',
  schweiz: 'CH', switzerland: 'CH', suisse: 'CH',
  niederlande: 'NL', netherlands: 'NL', 'the netherlands': 'NL', holland: 'NL',
  belgien: 'BE', belgium: 'BE', luxemburg: 'LU', luxembourg: 'LU',
  frankreich: 'FR', france: 'FR', italien: 'IT', italy: 'IT', spanien: 'ES', spain: 'ES',
  portugal: 'PT', dänemark: 'DK', daenemark: 'DK', denmark: 'DK', schweden: 'SE', sweden: 'SE',
  norwegen: 'NO', norway: 'NO', finnland: 'FI', finland: 'FI', polen: 'PL', poland: 'PL',
  tschechien: 'CZ', 'tschechische republik': 'CZ', czechia: 'CZ', 'czech republic': 'CZ',
  slowakei: 'SK', slovakia: 'SK', ungarn: 'HU', hungary: 'HU', slowenien: 'SI', slovenia: 'SI',
  kroatien: 'HR', croatia: 'HR', rumänien: 'RO', romania: 'RO', bulgarien: 'BG', bulgaria: 'BG',
  griechenland: 'GR', greece: 'GR', irland: 'IE', ireland: 'IE', estland: 'EE', estonia: 'EE',
  lettland: 'LV', latvia: 'LV', litauen: 'LT', lithuania: 'LT', malta: 'MT', zypern: 'CY', cyprus: 'CY',
  liechtenstein: 'LI', island: 'IS', iceland: 'IS', monaco: 'MC',
  'vereinigtes königreich': 'GB', großbritannien: 'GB', grossbritannien: 'GB', 'united kingdom': 'GB', uk: 'GB',
  'great britain': 'GB', england: 'GB', schottland: 'GB', scotland: 'GB', wales: 'GB',
  'vereinigte staaten': 'US', 'vereinigte staaten von amerika': 'US', usa: 'US', 'united states': 'US',
  'united states of america': 'US', kanada: 'CA', canada: 'CA', canaada: 'CA', australien: 'AU', australia: 'AU',
  neuseeland: 'NZ', 'new zealand': 'NZ', japan: 'JP', china: 'CN', brasilien: 'BR', brazil: 'BR', mexiko: 'MX', mexico: 'MX',
  türkei: 'TR', turkey: 'TR', ukraine: 'UA', israel: 'IL', indien: 'IN', india: 'IN', südafrika: 'ZA', 'south africa': 'ZA',
};
const alpha3: Record<string, string> = {
  DEU: 'DE', AUT: 'AT', CHE: 'CH', NLD: 'NL', BEL: 'BE', LUX: 'LU', FRA: 'FR', ITA: 'IT', ESP: 'ES', PRT: 'PT',
  DNK: 'DK', SWE: 'SE', NOR: 'NO', FIN: 'FI', POL: 'PL', CZE: 'CZ', SVK: 'SK', HUN: 'HU', SVN: 'SI', HRV: 'HR',
  ROU: 'RO', BGR: 'BG', GRC: 'GR', IRL: 'IE', EST: 'EE', LVA: 'LV', LTU: 'LT', MLT: 'MT', CYP: 'CY', LIE: 'LI',
  ISL: 'IS', MCO: 'MC', GBR: 'GB', USA: 'US', CAN: 'CA', AUS: 'AU', NZL: 'NZ', JPN: 'JP', CHN: 'CN', BRA: 'BR',
  MEX: 'MX', TUR: 'TR', UKR: 'UA', ISR: 'IL', IND: 'IN', ZAF: 'ZA',
};
const known = new Set([...Object.values(names), ...Object.values(alpha3)]);

/** Alpha-2 for a name, alpha-2 or alpha-3 code; null when unknown (the importer then names the field). */
export function countryCode(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  const up = s.toUpperCase();
  if (/^[A-Z]{2}$/.test(up)) return up === 'UK' ? 'GB' : up;
  if (/^[A-Z]{3}$/.test(up) && alpha3[up]) return alpha3[up]!;
  return names[s.toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

export const isKnownCountry = (code: string) => known.has(code);

/** EU member states (for VAT and the "international" look of a label). */
export const EU = new Set(['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']);
