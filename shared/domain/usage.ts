import { z } from 'zod';

/** The actions that make an order chargeable (PRODUCT.md §6). The first one per order counts. */
export const ChargeableAction = z.enum(['invoice', 'delivery_note', 'label', 'export']);
export type ChargeableAction = z.infer<typeof ChargeableAction>;

export const UsageEvent = z.object({
  /** Idempotency key, unique per (installation, order): the billing service counts it once. */
  id: z.string(),
  orderId: z.number().int(),
  orderKey: z.string(),
  action: ChargeableAction,
  /** UTC ISO timestamp. */
  occurredAt: z.string(),
  /** Goods value in EUR cents (items incl. VAT, without shipping). */
  goodsValueCents: z.number().int().nonnegative(),
  syncedAt: z.string().nullable(),
});
export type UsageEvent = z.infer<typeof UsageEvent>;
