/**
 * Splits a free-text street line into street name, house number and the rest (Adresszusatz).
 * Marketplaces (except Kaufland/Otto) give one free-text line; DHL's `addressHouse` and some carriers
 * need the number separately (order-formats.md §6.4). Cases follow pickware/address-splitter's list:
 * "Hauptstr. 5a", "Straße des 17. Juni 114", "Am Markt 1-3", "5 Main Street", "Neuhof 13/15",
 * "D 6, 2" (Mannheim), "Apenrader Str. 16 / Whg. 3", "Kirchengasse 7, 1. Stock",
 * "Wiesentcenter, Bayreuther Str. 108, 2. Stock", "Am Stein VIII", "Frauenplatz 14 A", "Heinestr.13".
 */
export type StreetSplit = { street: string; houseNumber: string; addition: string; ok: boolean };

const NUM = /^\d{1,5}[a-zA-Z]?(?:[-/]\d{1,5}[a-zA-Z]?)?$/;
const ROMAN = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;
const LETTER = /\p{L}/u;

function normalise(line: string): string {
  return line
    .replace(/\s+/g, ' ')
    .trim()
    // "Heinestr.13" → "Heinestr. 13"; "Hauptstrasse5" → "Hauptstrasse 5"
    .replace(/(\p{L}\.)(\d)/gu, '$1 $2')
    .replace(/(\p{L}{3,})(\d{1,5}[a-zA-Z]?)$/u, '$1 $2');
}

/** Number at the end (German order), with an optional "a", "-3", "/15" or " A" and anything after it. */
function splitNumberAfter(seg: string): StreetSplit | null {
  const toks = seg.split(' ');
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (!NUM.test(t)) continue;
    const street = toks.slice(0, i).join(' ');
    if (!LETTER.test(street)) continue;
    let num = t;
    let j = i + 1;
    // "14 A", "1 - 3", "13 / 15"
    if (j < toks.length && /^[a-zA-Z]$/.test(toks[j]!) && (j + 1 === toks.length || !LETTER.test(toks[j + 1]!.charAt(0)) || toks[j + 1]!.length > 1)) {
      num += ' ' + toks[j];
      j++;
    } else if (j + 1 < toks.length && /^[-/]$/.test(toks[j]!) && NUM.test(toks[j + 1]!)) {
      num += toks[j]! + toks[j + 1]!;
      j += 2;
    }
    const addition = toks.slice(j).join(' ').replace(/^[\s,/;-]+/, '').trim();
    return { street, houseNumber: num, addition, ok: true };
  }
  return null;
}

function splitSegment(seg: string): StreetSplit | null {
  const after = splitNumberAfter(seg);
  if (after) return after;
  // "5 Main Street", "1000 Business Park Dr" (number first: US, GB, FR, …)
  const first = /^(\d{1,5}[a-zA-Z]?(?:[-/]\d{1,5}[a-zA-Z]?)?),? (\p{L}.*)$/u.exec(seg);
  if (first) return { street: first[2]!, houseNumber: first[1]!, addition: '', ok: true };
  // "Am Stein VIII"
  const toks = seg.split(' ');
  const last = toks[toks.length - 1]!;
  if (toks.length > 1 && ROMAN.test(last)) return { street: toks.slice(0, -1).join(' '), houseNumber: last, addition: '', ok: true };
  return null;
}

export function splitStreet(line: string): StreetSplit {
  const s = normalise(line);
  if (!s) return { street: '', houseNumber: '', addition: '', ok: false };
  // Mannheim's grid squares: "D 6, 2" / "Q7 12"
  const grid = /^([A-UZ]) ?(\d{1,2}),? (\d{1,3}[a-zA-Z]?)$/.exec(s);
  if (grid) return { street: `${grid[1]} ${grid[2]}`, houseNumber: grid[3]!, addition: '', ok: true };
  const segs = s.split(/\s*,\s*/).filter(Boolean);
  for (let i = 0; i < segs.length; i++) {
    const r = splitSegment(segs[i]!);
    if (r) {
      const extra = [...segs.slice(0, i), r.addition, ...segs.slice(i + 1)].filter(Boolean).join(', ');
      return { ...r, addition: extra };
    }
  }
  return { street: s, houseNumber: '', addition: '', ok: false };
}
