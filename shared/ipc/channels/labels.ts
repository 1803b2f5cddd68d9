import { z } from 'zod';
import { channel, type ChannelDef } from '../define';
import { JobView } from '../../domain/job';
import { LabelStock } from '../../labels/stock';

const JobType = z.enum(['invoice', 'delivery_note', 'label', 'stamp']);
const OrderIds = z.array(z.number().int().positive()).min(1, 'Mindestens einen Auftrag wählen').max(5000);

const BarcodeModules = z.object({
  kind: z.enum(['code128', 'datamatrix']),
  cols: z.number().int(),
  rows: z.number().int(),
  rects: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])),
});
export const LabelLayoutSchema = z.object({
  widthMm: z.number(),
  heightMm: z.number(),
  texts: z.array(z.object({ text: z.string(), xMm: z.number(), yMm: z.number(), sizePt: z.number(), role: z.enum(['sender', 'recipient', 'order']) })),
  barcode: z.object({ xMm: z.number(), yMm: z.number(), widthMm: z.number(), heightMm: z.number(), modules: BarcodeModules }).nullable(),
  recipientPt: z.number(),
  barcodeOmitted: z.boolean(),
});
export const LabelNoticeSchema = z.object({ code: z.string(), detail: z.string(), blocking: z.boolean() });
export type LabelNoticeView = z.infer<typeof LabelNoticeSchema>;
export const OrderNotices = z.object({ orderId: z.number().int(), externalId: z.string(), recipientName: z.string(), notices: z.array(LabelNoticeSchema) });
export type OrderNotices = z.infer<typeof OrderNotices>;
const PlacedPage = z.object({
  widthMm: z.number(),
  heightMm: z.number(),
  cells: z.array(z.object({ xMm: z.number(), yMm: z.number(), widthMm: z.number(), heightMm: z.number(), rotated: z.boolean(), position: z.number().int().nullable() })),
});

export const LabelPreview = z.object({
  stock: LabelStock,
  total: z.number().int(),
  /** The first page(s) only, drawn at true proportions by the renderer. */
  pages: z.array(PlacedPage),
  layouts: z.array(LabelLayoutSchema),
  /** Orders with something to say; `blocking` ones must be confirmed before printing. */
  notices: z.array(OrderNotices),
  blockingOrders: z.number().int(),
  printer: z.string(),
  sheets: z.number().int(),
});
export type LabelPreview = z.infer<typeof LabelPreview>;

export const PrinterView = z.object({ name: z.string(), description: z.string(), isDefault: z.boolean(), media: z.array(z.string()) });
export const PrintChoice = z.object({ printer: z.string().max(200), stockId: z.string().max(100) });
export const PrintLogView = z.object({
  id: z.number().int(), createdAt: z.string(), updatedAt: z.string(), jobType: z.string(), title: z.string(), printer: z.string(),
  pageWidthMm: z.number(), pageHeightMm: z.number(), pages: z.number().int(), state: z.enum(['saved', 'sent', 'printing', 'completed', 'failed']),
  systemJobId: z.string(), savedTo: z.string(), message: z.string(),
});
export type PrintLogView = z.infer<typeof PrintLogView>;
export const PrintOutcomeView = z.object({ printed: z.boolean(), printer: z.string(), jobId: z.string(), savedTo: z.string(), reason: z.string() });

const StockRef = z.string().max(100).optional();
const Start = z.number().int().min(1).max(200).optional();

/** Channels of the labels capability (labels, label stock, printers, print log). */
export const labelsChannels = {
  'labels:stock:list': channel(z.object({}).strict(), z.array(LabelStock)),
  'labels:stock:save': channel(LabelStock.omit({ source: true }), LabelStock),
  'labels:stock:delete': channel(z.object({ id: z.string() }).strict(), z.object({ deleted: z.boolean() })),
  'labels:preview': channel(z.object({ orderIds: OrderIds, stockId: StockRef, startPosition: Start }).strict(), LabelPreview),
  'labels:print': channel(
    z.object({
      orderIds: OrderIds,
      stockId: StockRef,
      /** A CUPS queue / Windows printer; omitted: the one chosen for labels; '': save the PDF only. */
      printer: z.string().max(200).optional(),
      startPosition: Start,
      /** The seller saw the address warnings and wants the labels anyway. */
      confirmWarnings: z.boolean().default(false),
    }).strict(),
    JobView,
  ),
  'labels:history': channel(
    z.object({ orderId: z.number().int() }).strict(),
    z.array(z.object({ printedAt: z.string(), stockId: z.string(), stockName: z.string(), printer: z.string(), state: z.string(), savedTo: z.string(), sheetPosition: z.number().int().nullable() })),
  ),
  'printing:printers': channel(z.object({}).strict(), z.object({ available: z.boolean(), printers: z.array(PrinterView) })),
  'printing:choices:get': channel(z.object({}).strict(), z.record(JobType, PrintChoice)),
  'printing:choices:save': channel(z.object({ jobType: JobType, choice: PrintChoice }).strict(), z.record(JobType, PrintChoice)),
  'printing:test': channel(z.object({ jobType: JobType, printer: z.string().max(200).optional() }).strict(), PrintOutcomeView),
  'printing:log': channel(z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(), z.array(PrintLogView)),
} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the labels capability (progress comes through 'job:progress'). */
export const labelsEvents = {} satisfies Record<string, z.ZodType>;
