/**
 * Marketplace date text → UTC ISO string. Formats: "Sep-25-23" (eBay EN), "10-Dez-25" (eBay DE),
 * "10.12.2025" / "10.12.25 14:03", "12/10/25" (Etsy MM/DD/YY), "2018-01-04 15:51:23 -0800" (Shopify),
 * ISO 8601 with or without offset, epoch seconds. Dates without a time or zone are taken as midnight
 * Europe/Berlin (the seller's day), so the Berlin calendar day stays the one the marketplace showed.
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, mär: 3, mrz: 3, apr: 4, may: 5, mai: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9,
  oct: 10, okt: 10, nov: 11, dec: 12, dez: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');
const year4 = (y: number) => (y < 100 ? 2000 + y : y);

const berlinParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
/** Offsets change only at DST switches (full hours): cache per calendar hour — imports see thousands of equal days. */
const offsetCache = new Map<number, number>();

/** Offset of Europe/Berlin from UTC in minutes at that wall-clock time. */
function berlinOffsetMinutes(y: number, m: number, d: number, h: number, mi: number): number {
  const hourKey = Date.UTC(y, m - 1, d, h);
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  const guess = Date.UTC(y, m - 1, d, h, mi);
  const parts = berlinParts.formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const off = (asUtc - guess) / 60000;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(hourKey, off);
  return off;
}

function valid(y: number, m: number, d: number, h = 0, mi = 0, s = 0): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || y < 1990 || y > 2200) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCDate() === d;
}

function berlin(y: number, m: number, d: number, h = 0, mi = 0, s = 0): string | null {
  if (!valid(y, m, d, h, mi, s)) return null;
  const off = berlinOffsetMinutes(y, m, d, h, mi);
  return new Date(Date.UTC(y, m - 1, d, h, mi, s) - off * 60000).toISOString();
}

function withOffset(y: number, m: number, d: number, h: number, mi: number, s: number, off: string): string | null {
  if (!valid(y, m, d, h, mi, s)) return null;
  let minutes = 0;
  if (off !== 'Z' && off !== 'z' && off !== 'UTC' && off !== 'GMT') {
    const o = /^([+-])(\d{2}):?(\d{2})?$/.exec(off);
    if (!o) return null;
    minutes = (Number(o[2]) * 60 + Number(o[3] ?? 0)) * (o[1] === '-' ? -1 : 1);
  }
  return new Date(Date.UTC(y, m - 1, d, h, mi, s) - minutes * 60000).toISOString();
}

export type DateOrder = 'dmy' | 'mdy';

/** `order` decides "01/02/25": Etsy and US files are month first, German files day first. */
export function parseDateUtc(raw: string | number | null | undefined, order: DateOrder = 'dmy'): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) && raw > 0 && raw < 1e11 ? new Date(raw * 1000).toISOString() : null;
  const s = raw.trim();
  if (!s) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as number[];
    return m[7] ? withOffset(y!, mo!, d!, h!, mi!, se!, m[7]) : berlin(y!, mo!, d!, h!, mi!, se!);
  }
  // "Sep-25-23" (eBay EN: MMM-DD-YY) and "10-Dez-25" (eBay DE: DD-MMM-YY), optionally with a time
  m = /^([A-Za-zäÄ]{3,4})\.?[- ](\d{1,2}),?[- ](\d{2,4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(\w{3,4}))?$/.exec(s);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    if (!mo) return null;
    return berlin(year4(Number(m[3])), mo, Number(m[2]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  m = /^(\d{1,2})[- .]([A-Za-zäÄ]{3,4})\.?[- .](\d{2,4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(\w{3,4}))?$/.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (!mo) return null;
    return berlin(year4(Number(m[3])), mo, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  // "10.12.2025 14:03", "12/10/25"
  m = /^(\d{1,2})([./])(\d{1,2})\2(\d{2}|\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const dayFirst = m[2] === '.' || order === 'dmy';
    const [d, mo] = dayFirst ? [a, b] : [b, a];
    return berlin(year4(Number(m[4])), mo, d, Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0));
  }
  if (/^\d{9,10}$/.test(s)) return new Date(Number(s) * 1000).toISOString();
  return null;
}

export const isoDay = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
