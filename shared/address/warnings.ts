import type { Address, AddressWarning } from '../domain/address';
import { postcodeFitsCountry } from './postcode';

/** Longest line a label or an Internetmarke stamp prints without cutting (DHL name1/street, Internetmarke name/addressLine1). */
export const LABEL_LINE_MAX = 50;
/** Internetmarke and DHL allow 40 characters for the city. */
export const CITY_MAX = 40;

/** Countries where a street address without a house number is almost always a mistake. */
const NUMBERED = new Set(['DE', 'AT', 'CH', 'LI', 'NL', 'BE', 'LU', 'DK', 'PL', 'CZ', 'SK', 'IT', 'ES', 'FR', 'PT', 'SE', 'NO', 'FI', 'HU', 'SI', 'HR', 'US', 'CA']);

/** The lines a label prints, in order, as DIN 5008 and Deutsche Post want them (empty lines left out). */
/** Countries that write the house number before the street ("5 Main Street", "12 rue de la Paix"). */
export const NUMBER_FIRST = new Set(['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'FR', 'MC']);

/** The street line as the destination country writes it. */
export function streetLine(a: Pick<Address, 'street' | 'houseNumber' | 'country'>): string {
  const parts = NUMBER_FIRST.has(a.country) ? [a.houseNumber, a.street] : [a.street, a.houseNumber];
  return parts.filter(Boolean).join(' ');
}

export function labelLines(a: Address): string[] {
  const line = a.kind === 'street' ? streetLine(a) : `${a.kind === 'packstation' ? 'Packstation' : 'Postfiliale'} ${a.houseNumber}`;
  return [
    a.company,
    a.name,
    a.careOf,
    a.kind === 'street' ? '' : a.postNumber,
    line,
    a.kind === 'street' ? a.addition : '',
    [a.zip, a.city].filter(Boolean).join(' '),
  ].filter((l) => l.trim() !== '');
}

/**
 * What must be checked before anything is printed or bought for this address. `hub`: the
 * marketplace ships through its own hub (eBay International Shipping) — the label goes to the hub.
 */
export function addressWarnings(a: Address, opts: { hub?: boolean } = {}): AddressWarning[] {
  const w: AddressWarning[] = [];
  const add = (code: AddressWarning['code'], field: string, detail = '') => w.push({ code, field, detail });
  if (!a.name.trim() && !a.company.trim()) add('missing_name', 'name');
  if (a.kind === 'street') {
    if (!a.street.trim()) add('missing_street', 'street');
    else if (!a.houseNumber.trim() && NUMBERED.has(a.country)) add('missing_house_number', 'houseNumber', a.street);
  } else if (!a.postNumber) {
    add('packstation_without_postnummer', 'postNumber', `${a.street} ${a.houseNumber}`);
  }
  if (!a.zip.trim()) add('missing_zip', 'zip');
  else if (!postcodeFitsCountry(a.zip, a.country)) add('zip_country_mismatch', 'zip', `${a.zip} / ${a.country}`);
  if (!a.city.trim()) add('missing_city', 'city');
  const checks: [string, string, number][] = [
    ['name', a.name, LABEL_LINE_MAX],
    ['company', a.company, LABEL_LINE_MAX],
    ['careOf', a.careOf, LABEL_LINE_MAX],
    ['street', [a.street, a.houseNumber].filter(Boolean).join(' '), LABEL_LINE_MAX],
    ['addition', a.addition, LABEL_LINE_MAX],
    ['city', a.city, CITY_MAX],
  ];
  for (const [field, text, max] of checks) if (text.length > max) add('line_too_long', field, `${text.length}/${max}`);
  // eBay International Shipping: "eIS C/O <buyer>" with an "evtn:" reference — the parcel goes to eBay's hub.
  if (opts.hub || /^eis\s+c\/o\b/i.test(a.name) || /\bevtn:/i.test(a.addition)) add('international_hub', 'name', a.name);
  return w;
}
