import type { Address } from '../domain/address';
import { countryCode } from './countries';
import { splitStreet } from './street';

/** What an importer has: free-text lines as the marketplace gave them. */
export type RawAddress = {
  name: string;
  company?: string;
  lines: string[];
  zip: string;
  city: string;
  state?: string;
  /** Name, alpha-2 or alpha-3; resolved to alpha-2. */
  country: string;
  phone?: string;
  email?: string;
};

const CARE_OF = /^(c\/o|c\/o\.|co\/|z\.? ?hd\.?|zu händen|bei|o\. ?v\. ?i\. ?a\.|p\. ?adr\.)\s*/i;
const PACKSTATION = /\b(?:dhl[- ]?)?pack ?station\s*(?:nr\.?\s*)?(\d{3})\b/i;
const POSTFILIALE = /\b(?:(?:dhl|deutsche post)[- ]?filiale|post[- ]?filiale|^filiale)\s*(?:nr\.?\s*)?(\d{1,6})\b/i;
const POSTNUMMER = /(?<!\d)(\d{6,10})(?!\d)/;
const COMPANY = /\b(gmbh|ag|ug|kg|ohg|e\.\s?k\.|e\.\s?v\.|gbr|ltd\.?|inc\.?|llc|s\.a\.|b\.v\.|sarl|srl)\b/i;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export class UnknownCountryError extends Error {
  constructor(readonly raw: string) {
    super(`Unbekanntes Land „${raw}“`);
  }
}

/**
 * Free-text lines → structured Address: c/o and Adresszusatz kept, Packstation/Postfiliale with
 * PostNummer recognised wherever the buyer typed them (street, line 2/3 or the name line),
 * street and house number split. Throws UnknownCountryError when the country cannot be resolved.
 */
export function parseAddress(raw: RawAddress): Address {
  const country = countryCode(raw.country);
  if (!country) throw new UnknownCountryError(raw.country);
  let name = clean(raw.name);
  let company = clean(raw.company);
  let careOf = '';
  const lines = raw.lines.map(clean).filter(Boolean);

  // "Erika Muster c/o Firma X" in the name line (but eBay's "eIS C/O buyer" hub names stay whole)
  const coInName = /^(.*?\S)\s+(c\/o\s.+)$/i.exec(name);
  if (coInName && !/^eis\b/i.test(name)) {
    name = coInName[1]!;
    careOf = coInName[2]!;
  }
  const rest: string[] = [];
  for (const l of lines) {
    if (!careOf && CARE_OF.test(l) && !/^bei\s*$/i.test(l)) careOf = l;
    else rest.push(l);
  }

  const base = {
    name, company, careOf, zip: clean(raw.zip), city: clean(raw.city), state: clean(raw.state), country,
    phone: clean(raw.phone), email: clean(raw.email), postNumber: '', addition: '',
  };

  for (const [kind, re, label] of [['packstation', PACKSTATION, 'Packstation'], ['postfiliale', POSTFILIALE, 'Postfiliale']] as const) {
    const idx = rest.findIndex((l) => re.test(l));
    if (idx < 0) continue;
    const m = re.exec(rest[idx]!)!;
    const remainder = clean(rest[idx]!.replace(m[0], ' '));
    let postNumber = POSTNUMMER.exec(remainder)?.[1] ?? '';
    const others = rest.filter((_, i) => i !== idx);
    if (!postNumber) {
      for (const l of others) {
        const pm = POSTNUMMER.exec(l);
        if (pm) {
          postNumber = pm[1]!;
          break;
        }
      }
    }
    if (!postNumber) {
      const nm = POSTNUMMER.exec(name);
      if (nm) {
        postNumber = nm[1]!;
        name = clean(name.replace(nm[1]!, ''));
      }
    }
    const addition = others.filter((l) => !(postNumber && clean(l.replace(postNumber, '')).replace(/^(postnummer|postnr\.?|kundennummer)[:\s]*/i, '') === '' && l.includes(postNumber)))
      .join(', ');
    return { ...base, name, kind, street: label, houseNumber: m[1]!, postNumber, addition };
  }

  // The street line is the first line that splits into street + number; other lines are Adresszusatz
  // (or the company, when they look like one and no company was given).
  let streetIdx = rest.findIndex((l) => splitStreet(l).ok);
  if (streetIdx < 0) streetIdx = rest.findIndex((l) => /\p{L}/u.test(l));
  const split = streetIdx >= 0 ? splitStreet(rest[streetIdx]!) : { street: '', houseNumber: '', addition: '' };
  const additions: string[] = [];
  rest.forEach((l, i) => {
    if (i === streetIdx) return;
    if (!company && i < streetIdx && COMPANY.test(l)) company = l;
    else additions.push(l);
  });
  if (split.addition) additions.unshift(split.addition);
  return { ...base, company, kind: 'street', street: split.street, houseNumber: split.houseNumber, addition: additions.join(', ') };
}
