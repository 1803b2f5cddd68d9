/**
 * Money arithmetic in integer cents. Rates are carried as basis points (19 % → 1900, 5,5 % → 550)
 * so that no floating point enters a rounding decision. Rounding is commercial (half away from zero).
 */
export const rateToBp = (ratePercent: number): number => Math.round(ratePercent * 100);

/** round(a / b) half away from zero, for integers a and b > 0. */
export function divRound(a: number, b: number): number {
  const neg = a < 0;
  const abs = Math.abs(a);
  const q = Math.floor((abs * 2 + b) / (2 * b));
  return neg ? -q : q;
}

/** VAT on a net amount: round(net × rate). */
export const vatOfNet = (netCents: number, rateBp: number): number => divRound(netCents * rateBp, 10_000);

/**
 * Splits a gross amount into net + VAT so that net + VAT = gross exactly and, whenever such a net
 * exists, VAT = round(net × rate) exactly (EN 16931 BR-CO-17 without tolerance). For the few gross
 * amounts that no net reaches (the function net ↦ net + round(net × rate) skips values), the nearest
 * net is used and VAT is the remainder — a deviation of at most one cent, which BR-CO-17 allows.
 */
export function splitGross(grossCents: number, rateBp: number): { netCents: number; vatCents: number } {
  if (rateBp === 0) return { netCents: grossCents, vatCents: 0 };
  const sign = grossCents < 0 ? -1 : 1;
  const g = Math.abs(grossCents);
  const ideal = divRound(g * 10_000, 10_000 + rateBp);
  for (const n of [ideal, ideal - 1, ideal + 1, ideal - 2, ideal + 2]) {
    if (n >= 0 && n + vatOfNet(n, rateBp) === g) return { netCents: sign * n, vatCents: sign * (g - n) };
  }
  return { netCents: sign * ideal, vatCents: sign * (g - ideal) };
}

/**
 * Distributes `total` over parts in proportion to `weights` (largest remainder), so the parts add up
 * to `total` exactly. Used for shipping split across tax rates and for line nets within a rate.
 */
export function allocate(total: number, weights: number[]): number[] {
  const sumW = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (sumW === 0) {
    const out = weights.map(() => 0);
    out[0] = total;
    return out;
  }
  const raw = weights.map((w) => (total * w) / sumW);
  const out = raw.map((r) => Math.floor(r));
  let rest = total - out.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]!.i]! += 1;
  return out;
}
