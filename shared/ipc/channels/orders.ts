import { z } from 'zod';
import { channel, type ChannelDef } from '../define';
import { Order, OrderDraft, OrderHistoryEntry, Channel, OrderStatus } from '../../domain/order';
import { Address, AddressWarning } from '../../domain/address';
import { JobView } from '../../domain/job';
import { OrderFilter, OrderListPage, OrderListQuery } from '../../orders/query';
import { ImportReport } from '../../orders/import-report';

/** A file the renderer read (it has no filesystem): name + bytes as base64. */
export const ImportFile = z.object({ name: z.string().min(1), dataBase64: z.string() });
export type ImportFile = z.infer<typeof ImportFile>;

export const ImportFormatInfo = z.object({ id: z.string(), label: z.string(), hint: z.string() });
/** Generic CSV: which header holds which order field. */
export const ColumnMapping = z.object({
  name: z.string().min(1).max(60),
  delimiter: z.enum([',', ';', '\t', 'auto']).default('auto'),
  dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
  columns: z.record(z.string(), z.string()),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** Manual order: the externalId is optional (M-000001, … is given). */
export const ManualOrderDraft = OrderDraft.extend({ externalId: z.string().default(''), channel: Channel.default('manual') });

export const ordersChannels = {
  'orders:list': channel(OrderListQuery, OrderListPage),
  /** Ids of every order matching the filter, in list order ("Ctrl+A selects all matching"). */
  'orders:ids': channel(OrderFilter.extend({ sort: OrderListQuery.shape.sort, dir: OrderListQuery.shape.dir }), z.object({ ids: z.array(z.number().int()) })),
  'orders:facets': channel(
    z.object({}).strict(),
    z.object({
      total: z.number().int(),
      channels: z.array(z.object({ channel: Channel, count: z.number().int() })),
      statuses: z.array(z.object({ status: OrderStatus, count: z.number().int() })),
    }),
  ),
  'orders:get': channel(z.object({ id: z.number().int() }).strict(), z.object({ order: Order, history: z.array(OrderHistoryEntry) })),
  'orders:create': channel(ManualOrderDraft, Order),
  'orders:update': channel(z.object({ id: z.number().int(), draft: ManualOrderDraft }).strict(), Order),
  'orders:ship': channel(
    z.object({ ids: z.array(z.number().int()).min(1), trackingNumber: z.string().default(''), carrier: z.string().default('') }).strict(),
    z.object({ shipped: z.array(z.number().int()), skipped: z.array(z.object({ id: z.number().int(), reason: z.string() })) }),
  ),
  'orders:address:check': channel(Address, z.object({ warnings: z.array(AddressWarning), lines: z.array(z.string()) })),
  'orders:address:split': channel(z.object({ line: z.string() }).strict(), z.object({ street: z.string(), houseNumber: z.string(), addition: z.string(), ok: z.boolean() })),
  'orders:formats': channel(z.object({}).strict(), z.array(ImportFormatInfo)),
  /** Starts the import as a job (progress via 'job:progress'; the job's result is the ImportReport). */
  'orders:import': channel(
    z.object({ files: z.array(ImportFile).min(1), format: z.string().optional(), allOrNothing: z.boolean().default(false), mapping: z.string().optional() }).strict(),
    JobView,
  ),
  'orders:import:report': channel(z.object({ jobId: z.string() }).strict(), ImportReport.nullable()),
  'orders:tracking:export': channel(
    z.object({ target: z.enum(['ebay', 'amazon']), ids: z.array(z.number().int()).optional() }).strict(),
    z.object({ fileName: z.string(), content: z.string(), count: z.number().int() }),
  ),
  'orders:mappings:list': channel(z.object({}).strict(), z.array(ColumnMapping)),
  'orders:mappings:save': channel(ColumnMapping, ColumnMapping),
  'orders:mappings:delete': channel(z.object({ name: z.string() }).strict(), z.object({ deleted: z.boolean() })),
} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the orders capability. */
export const ordersEvents = {
  /** Orders were added or changed (import, ship, edit): lists refresh. */
  'orders:changed': z.object({ ids: z.array(z.number().int()).optional(), reason: z.string() }),
} satisfies Record<string, z.ZodType>;
