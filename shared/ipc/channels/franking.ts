import { z } from 'zod';
import { channel, type ChannelDef } from '../define';

/** Channels of the franking capability (Deutsche Post Internetmarke). */

const Cents = z.number().int();
const Empty = z.object({}).strict();

export const FrankingStatus = z.object({
  apiUrl: z.string(),
  /** The app vendor's client id/secret are configured (env or settings). */
  configured: z.boolean(),
  /** A Portokasse login is stored (SecretStore) or given through the environment. */
  hasLogin: z.boolean(),
  user: z.string().nullable(),
  balanceCents: Cents.nullable(),
  balanceAt: z.string().nullable(),
  lowBalanceThresholdCents: Cents,
  /** Purchases whose outcome is not yet known (answer lost); they are cleared up before the next purchase. */
  unresolvedPurchases: z.number().int(),
});

export const ProductView = z.object({
  code: z.number().int(),
  name: z.string(),
  destination: z.enum(['national', 'international']),
  priceCents: Cents.nullable(),
  maxWeightG: z.number().int().nullable(),
  tracked: z.boolean(),
  size: z.object({ minLengthMm: z.number(), maxLengthMm: z.number(), minWidthMm: z.number(), maxWidthMm: z.number(), maxThicknessMm: z.number() }).nullable(),
});

export const PageFormatView = z.object({
  id: z.number().int(),
  name: z.string(),
  pageType: z.string(),
  isAddressPossible: z.boolean(),
  widthMm: z.number(),
  heightMm: z.number(),
  labelsX: z.number().int(),
  labelsY: z.number().int(),
});

export const Candidate = z.object({
  orderId: z.number().int(),
  externalId: z.string(),
  buyerName: z.string(),
  country: z.string(),
  status: z.string(),
  weightG: z.number().int().nullable(),
  itemCount: z.number().int(),
  productCode: z.number().int().nullable(),
  priceCents: Cents.nullable(),
  /** Why no product or no purchase is possible, in German; empty when fine. */
  problem: z.string(),
  /** A live stamp exists already: buying another needs the explicit override. */
  hasStamp: z.boolean(),
});

const OrderPick = z.object({ orderId: z.number().int().positive(), productCode: z.number().int().positive().optional() });

export const Quote = z.object({
  lines: z.array(z.object({ orderId: z.number().int(), productCode: z.number().int(), productName: z.string(), priceCents: Cents })),
  totalCents: Cents,
  balanceCents: Cents.nullable(),
  balanceAfterCents: Cents.nullable(),
});

export const BuyRequest = z
  .object({
    orders: z.array(OrderPick).min(1),
    /** Product for every order without its own pick (CLI --product); otherwise the rule table decides. */
    productCode: z.number().int().positive().optional(),
    format: z.enum(['pdf', 'png']).default('pdf'),
    pageFormatId: z.number().int().positive().optional(),
    startPosition: z.number().int().positive().default(1),
    /** Explicitly allow a second stamp for orders that already have a valid one. */
    allowSecondStamp: z.boolean().default(false),
    print: z.boolean().default(true),
  })
  .strict();

export const PrintResult = z.object({ printed: z.boolean(), printer: z.string().nullable(), savedTo: z.string(), reason: z.string().nullable() });

export const PurchaseView = z.object({
  purchaseId: z.number().int(),
  shopOrderId: z.string().nullable(),
  state: z.string(),
  totalCents: Cents,
  stamps: z.number().int(),
  file: z.string().nullable(),
  sha256: z.string().nullable(),
  recovered: z.boolean(),
});

export const BuyResult = z.object({
  purchases: z.array(PurchaseView),
  totalCents: Cents,
  balanceCents: Cents.nullable(),
  stamps: z.array(z.object({ orderId: z.number().int(), voucherId: z.string(), trackId: z.string().nullable() })),
  print: PrintResult.nullable(),
  /** Carts that did not go through (several carts only), in German. */
  problems: z.array(z.string()),
});

export const StampView = z.object({
  voucherId: z.string(),
  trackId: z.string().nullable(),
  orderId: z.number().int(),
  externalId: z.string(),
  buyerName: z.string(),
  shopOrderId: z.string(),
  purchaseId: z.number().int(),
  productCode: z.number().int(),
  productName: z.string(),
  priceCents: Cents,
  boughtAt: z.string(),
  refundDeadline: z.string(),
  validUntil: z.string(),
  status: z.enum(['valid', 'expired', 'refund_requested', 'refunded', 'refund_refused']),
  refundable: z.boolean(),
});

export const RefundResult = z.object({
  refunded: z.array(z.string()),
  refused: z.array(z.string()),
  pending: z.array(z.string()),
  refundedCents: Cents,
  balanceCents: Cents.nullable(),
});

export const frankingChannels = {
  'franking:status': channel(Empty, FrankingStatus),
  'franking:login': channel(z.object({ user: z.string().trim().email('email.invalid'), password: z.string().min(1).max(22) }).strict(), z.object({ user: z.string(), balanceCents: Cents.nullable() })),
  'franking:logout': channel(Empty, z.object({ ok: z.literal(true) })),
  'franking:balance': channel(z.object({ refresh: z.boolean().default(true) }).strict(), z.object({ balanceCents: Cents.nullable(), at: z.string().nullable() })),
  'franking:balanceHistory': channel(Empty, z.array(z.object({ at: z.string(), balanceCents: Cents, source: z.string() }))),
  'franking:topup': channel(z.object({ amountCents: z.number().int().min(1000, 'franking.topup.min') }).strict(), z.object({ balanceCents: Cents.nullable() })),
  'franking:products': channel(Empty, z.array(ProductView)),
  'franking:pageFormats': channel(Empty, z.array(PageFormatView)),
  'franking:candidates': channel(z.object({ orderIds: z.array(z.number().int()).optional() }).strict(), z.array(Candidate)),
  'franking:quote': channel(z.object({ orders: z.array(OrderPick).min(1), productCode: z.number().int().positive().optional() }).strict(), Quote),
  'franking:buy': channel(BuyRequest, BuyResult),
  'franking:recover': channel(Empty, z.object({ resolved: z.array(PurchaseView), stillOpen: z.number().int() })),
  'franking:stamps': channel(z.object({ orderId: z.number().int().optional() }).strict(), z.array(StampView)),
  'franking:reprint': channel(z.object({ purchaseId: z.number().int() }).strict(), PrintResult),
  'franking:refund': channel(z.object({ voucherIds: z.array(z.string().min(1)).min(1) }).strict(), RefundResult),
} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the franking capability. */
export const frankingEvents = {
  'franking:balance': z.object({ balanceCents: Cents, at: z.string() }),
} satisfies Record<string, z.ZodType>;
