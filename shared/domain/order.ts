import { z } from 'zod';
import { Address, AddressWarning } from './address';

export const Channel = z.enum(['ebay', 'amazon', 'etsy', 'shopify', 'woocommerce', 'kaufland', 'manual', 'generic']);
export type Channel = z.infer<typeof Channel>;

/**
 * Order status as the seller sees it, in the order things happen. German words live in i18n
 * (`order.status.<value>`): neu, Rechnung erstellt, Etikett gedruckt, frankiert, versendet, storniert.
 */
export const OrderStatus = z.enum(['new', 'invoiced', 'labelled', 'franked', 'shipped', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderItem = z.object({
  sku: z.string().default(''),
  title: z.string(),
  quantity: z.number().int().positive(),
  /** Gross unit price (incl. VAT) in the order's currency, integer cents. */
  unitPriceCents: z.number().int(),
  /** VAT rate in percent if the marketplace said it (e.g. 7 for books); null: the seller's default applies. */
  vatRate: z.number().nullable().default(null),
  /** Marketplace's own line id (order-item-id, transaction id, …) when there is one. */
  externalLineId: z.string().default(''),
  weightGrams: z.number().int().nonnegative().nullable().default(null),
});
export type OrderItem = z.infer<typeof OrderItem>;
export type OrderItemInput = z.input<typeof OrderItem>;

/** What an importer or the manual-order form hands to the orders repository. */
export const OrderDraft = z.object({
  channel: Channel,
  /** eBay.de, amazon.de, own shop name, … */
  marketplace: z.string().default(''),
  externalId: z.string().min(1),
  status: OrderStatus.default('new'),
  /** UTC ISO-8601 timestamp. */
  orderDate: z.string(),
  paidAt: z.string().nullable().default(null),
  buyerName: z.string().default(''),
  buyerEmail: z.string().default(''),
  buyerUsername: z.string().default(''),
  /** Buyer's VAT id for B2B invoices (intra-EU reverse charge). */
  buyerVatId: z.string().default(''),
  /**
   * Käuferreferenz (EN 16931 BT-10); for public buyers the Leitweg-ID, which makes the e-invoice an XRechnung.
   * Only from the manual order form: imports never set it and never overwrite it.
   */
  buyerReference: z.string().trim().default(''),
  shipTo: Address,
  /** null: same as shipTo. */
  billTo: Address.nullable().default(null),
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  /** EUR per 1 unit of `currency`, as stored at import (1 for EUR). Fees and exports convert with it. */
  fxRateToEur: z.number().positive().default(1),
  items: z.array(OrderItem).min(1),
  /** Gross shipping charged to the buyer, integer cents. */
  shippingCents: z.number().int().default(0),
  /** Gross order total as the marketplace says it (items + shipping − discounts), integer cents. */
  totalCents: z.number().int(),
  weightGrams: z.number().int().nonnegative().nullable().default(null),
  trackingNumber: z.string().default(''),
  carrier: z.string().default(''),
  shippedAt: z.string().nullable().default(null),
  note: z.string().default(''),
});
export type OrderDraft = z.infer<typeof OrderDraft>;
export type OrderDraftInput = z.input<typeof OrderDraft>;

export const Order = OrderDraft.extend({
  id: z.number().int(),
  warnings: z.array(AddressWarning),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** True once an invoice or delivery note was issued: the order can no longer be edited. */
  locked: z.boolean(),
});
export type Order = z.infer<typeof Order>;

export const OrderHistoryEntry = z.object({
  at: z.string(),
  action: z.string(),
  detail: z.string(),
});
export type OrderHistoryEntry = z.infer<typeof OrderHistoryEntry>;

/** Goods value for the fee rule: item prices incl. VAT, without shipping, in EUR cents. */
export function goodsValueEurCents(o: Pick<OrderDraft, 'items' | 'fxRateToEur'>): number {
  const sum = o.items.reduce((s, it) => s + it.unitPriceCents * it.quantity, 0);
  return Math.round(sum * o.fxRateToEur);
}

const statusRank: Record<OrderStatus, number> = { new: 0, invoiced: 1, labelled: 2, franked: 3, shipped: 4, cancelled: 5 };
/** Status only moves forward (an invoice printed after the label does not undo "Etikett gedruckt"). */
export function advancedStatus(current: OrderStatus, next: OrderStatus): OrderStatus {
  if (current === 'cancelled') return current;
  return statusRank[next] > statusRank[current] ? next : current;
}
