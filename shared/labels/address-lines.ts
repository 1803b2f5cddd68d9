import type { Address } from '../domain/address';

/**
 * The recipient block and sender line by Deutsche Post's rules ("Richtig adressieren"): a closed,
 * left-aligned block without blank lines; name, c/o, street and number — or PostNummer and
 * Packstation/Postfiliale —, postcode and town; abroad the town in capitals and the country as the
 * last line in capitals. The sender is one small line directly above.
 */
export type LabelWarningCode =
  | 'missing_name'
  | 'missing_street'
  | 'missing_house_number'
  | 'missing_zip'
  | 'missing_city'
  | 'packstation_without_postnummer'
  | 'too_many_lines'
  | 'text_shrunk'
  | 'characters_replaced'
  | 'imported';
export type LabelWarning = { code: LabelWarningCode; detail: string };

export type Sender = { name: string; street: string; zip: string; city: string; country: string };

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const upper = (s: string) => s.toLocaleUpperCase('de-DE');

/** German country name in capitals (Deutsche Post accepts German, French or English). */
export function countryLine(code: string): string {
  let name = code;
  try {
    name = new Intl.DisplayNames(['de'], { type: 'region' }).of(code) ?? code;
  } catch {
    name = code;
  }
  return upper(name);
}

/** Countries whose post writes the town before the postcode, or town, state and ZIP on one line. */
const townThenPostcodeLine = new Set(['GB', 'IE', 'IM', 'JE', 'GG']);
const townStateZip = new Set(['US', 'CA', 'AU']);

export function recipientLines(a: Address, senderCountry: string): { lines: string[]; warnings: LabelWarning[]; /** lines that may wrap: company, name, c/o, Adresszusatz */ wrappable: string[] } {
  const warnings: LabelWarning[] = [];
  const lines: string[] = [];
  const international = a.country !== senderCountry;
  const company = clean(a.company);
  const name = clean(a.name);
  if (company) lines.push(company);
  if (name && name.toLowerCase() !== company.toLowerCase()) lines.push(name);
  if (!name && !company) warnings.push({ code: 'missing_name', detail: '' });
  const careOf = clean(a.careOf);
  if (careOf) lines.push(/^c\s*\/\s*o\b/i.test(careOf) ? careOf : `c/o ${careOf}`);
  const wrappable = [...lines];

  if (a.kind === 'packstation' || a.kind === 'postfiliale') {
    const word = a.kind === 'packstation' ? 'Packstation' : 'Postfiliale';
    const postNumber = clean(a.postNumber);
    if (postNumber) lines.push(postNumber);
    else warnings.push({ code: 'packstation_without_postnummer', detail: word });
    const number = clean(a.houseNumber) || clean(a.street).replace(/^(packstation|postfiliale)\s*/i, '');
    lines.push(`${word} ${number}`.trim());
    if (!number) warnings.push({ code: 'missing_house_number', detail: word });
  } else {
    const addition = clean(a.addition);
    if (addition) {
      lines.push(addition);
      wrappable.push(addition);
    }
    const street = clean(a.street);
    const nr = clean(a.houseNumber);
    if (!street) warnings.push({ code: 'missing_street', detail: '' });
    else if (!nr && !/\d/.test(street) && !international) warnings.push({ code: 'missing_house_number', detail: street });
    if (street || nr) lines.push(`${street} ${nr}`.trim());
  }

  const zip = clean(a.zip);
  const city = clean(a.city);
  if (!zip && a.country !== 'IE' && a.country !== 'HK') warnings.push({ code: 'missing_zip', detail: '' });
  if (!city) warnings.push({ code: 'missing_city', detail: '' });
  const town = international ? upper(city) : city;
  if (international && townStateZip.has(a.country)) {
    lines.push(clean(`${town} ${upper(clean(a.state))} ${zip}`));
  } else if (international && townThenPostcodeLine.has(a.country)) {
    if (town) lines.push(town);
    if (zip) lines.push(upper(zip));
  } else {
    lines.push(clean(`${zip} ${town}`));
  }
  if (international) lines.push(countryLine(a.country));
  const out = lines.filter((l) => l !== '');
  if (out.length > 6) warnings.push({ code: 'too_many_lines', detail: String(out.length) });
  return { lines: out, warnings, wrappable };
}

/** "Muster GmbH · Weg 1 · 12345 Ort" — one line, the country added for mail going abroad. */
export function senderLine(s: Sender, recipientCountry: string): string {
  const parts = [clean(s.name), clean(s.street), clean(`${s.zip} ${s.city}`)].filter(Boolean);
  if (parts.length < 2) return '';
  if (recipientCountry !== s.country) parts.push(countryLine(s.country));
  return parts.join(' · ');
}
