/** 1.234,56 € — like shared/format's formatCents, with the Intl formatter built once per currency (hot path of every PDF). */
const cache = new Map<string, Intl.NumberFormat>();
export function money(cents: number, currency: string): string {
  let f = cache.get(currency);
  if (!f) cache.set(currency, (f = new Intl.NumberFormat('de-DE', { style: 'currency', currency })));
  return f.format(cents / 100);
}
