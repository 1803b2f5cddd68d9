import { z } from 'zod';
import { Channel, OrderStatus } from '../domain/order';

/** Columns the order list sorts by. */
export const OrderSort = z.enum(['orderDate', 'status', 'channel', 'externalId', 'buyerName', 'country', 'itemCount', 'totalCents']);
export type OrderSort = z.infer<typeof OrderSort>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum als JJJJ-MM-TT erwartet');

/** The filter of the order list (also "select all matching"). Days are Europe/Berlin calendar days. */
export const OrderFilter = z.object({
  search: z.string().max(200).default(''),
  statuses: z.array(OrderStatus).default([]),
  channels: z.array(Channel).default([]),
  dateFrom: Day.nullable().default(null),
  dateTo: Day.nullable().default(null),
  onlyWarnings: z.boolean().default(false),
});
export type OrderFilter = z.infer<typeof OrderFilter>;
export type OrderFilterInput = z.input<typeof OrderFilter>;

export const OrderListQuery = OrderFilter.extend({
  sort: OrderSort.default('orderDate'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;
export type OrderListQueryInput = z.input<typeof OrderListQuery>;

/** One line of the order list: what the table shows, nothing more (100,000 rows must stay cheap). */
export const OrderListRow = z.object({
  id: z.number().int(),
  channel: Channel,
  marketplace: z.string(),
  externalId: z.string(),
  status: OrderStatus,
  orderDate: z.string(),
  buyerName: z.string(),
  shipName: z.string(),
  country: z.string(),
  itemCount: z.number().int(),
  firstItem: z.string(),
  totalCents: z.number().int(),
  currency: z.string(),
  warningCount: z.number().int(),
  trackingNumber: z.string(),
  locked: z.boolean(),
});
export type OrderListRow = z.infer<typeof OrderListRow>;

export const OrderListPage = z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(OrderListRow) });
export type OrderListPage = z.infer<typeof OrderListPage>;
