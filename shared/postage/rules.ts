import { z } from 'zod';
import { PRODUCTS, fitsWeight, productByCode, type Destination } from './products';

/**
 * The rule table that picks a product per order: the first rule whose conditions hold wins. A rule
 * can test the weight (when known), the number of items, and domestic vs. international. The seller
 * may replace the table (setting `franking.rules`) and may override the pick per order.
 */
export const PostageRule = z.object({
  destination: z.enum(['national', 'international']),
  maxWeightG: z.number().int().positive().optional(),
  maxItems: z.number().int().positive().optional(),
  productCode: z.number().int().positive(),
});
export type PostageRule = z.infer<typeof PostageRule>;
export const PostageRules = z.array(PostageRule).min(1);

export const DEFAULT_RULES: PostageRule[] = [
  { destination: 'national', maxWeightG: 20, productCode: 1 },
  { destination: 'national', maxWeightG: 50, productCode: 11 },
  { destination: 'national', maxWeightG: 500, productCode: 21 },
  { destination: 'national', maxWeightG: 1000, productCode: 31 },
  // Without a weight: one small item usually fits a Großbrief, more need a Maxibrief.
  { destination: 'national', maxItems: 1, productCode: 21 },
  { destination: 'national', productCode: 31 },
  { destination: 'international', maxWeightG: 20, productCode: 10001 },
  { destination: 'international', maxWeightG: 50, productCode: 10011 },
  { destination: 'international', maxWeightG: 500, productCode: 10051 },
  { destination: 'international', maxWeightG: 1000, productCode: 10071 },
  { destination: 'international', maxItems: 1, productCode: 10051 },
  { destination: 'international', productCode: 10071 },
];

export type ParcelFacts = { country: string; weightG: number | null; itemCount: number };
export type Pick = { productCode: number; reason: 'rule' | 'override'; ruleIndex: number | null } | { productCode: null; reason: 'no_rule' | 'too_heavy' };

export const destinationOf = (countryAlpha2: string): Destination => (countryAlpha2 === 'DE' ? 'national' : 'international');

export function pickProduct(facts: ParcelFacts, rules: readonly PostageRule[] = DEFAULT_RULES, override?: number | null): Pick {
  if (override) return { productCode: override, reason: 'override', ruleIndex: null };
  const dest = destinationOf(facts.country);
  const heaviest = Math.max(...PRODUCTS.filter((p) => p.destination === dest).map((p) => p.maxWeightG ?? 0));
  if (facts.weightG !== null && facts.weightG > heaviest) return { productCode: null, reason: 'too_heavy' };
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.destination !== dest) continue;
    if (r.maxWeightG !== undefined && (facts.weightG === null || facts.weightG > r.maxWeightG)) continue;
    if (r.maxItems !== undefined && facts.itemCount > r.maxItems) continue;
    const product = productByCode(r.productCode);
    if (product && !fitsWeight(product, facts.weightG)) continue;
    return { productCode: r.productCode, reason: 'rule', ruleIndex: i };
  }
  return { productCode: null, reason: 'no_rule' };
}

/** Weight of an order: its own weight, else the sum of its items' weights when every item has one. */
export function orderWeightG(order: { weightGrams: number | null; items: { weightGrams: number | null; quantity: number }[] }): number | null {
  if (order.weightGrams !== null) return order.weightGrams;
  if (order.items.length === 0 || order.items.some((i) => i.weightGrams === null)) return null;
  return order.items.reduce((s, i) => s + (i.weightGrams ?? 0) * i.quantity, 0);
}
