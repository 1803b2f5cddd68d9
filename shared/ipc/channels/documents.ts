import { z } from 'zod';
import { channel, type ChannelDef } from '../define';
import { JobView } from '../../domain/job';

export const DocKind = z.enum(['invoice', 'cancellation', 'delivery_note']);

/** An issued document as lists show it (the content and PDF are fetched separately). */
export const DocumentRef = z.object({
  number: z.string(),
  kind: DocKind,
  orderId: z.number().int(),
  issueDate: z.string(),
  issuedAt: z.string(),
  grossCents: z.number().int(),
  currency: z.string(),
  taxCase: z.string().nullable(),
  taxCaseReason: z.string().nullable(),
  /** Number of the Stornorechnung that cancelled this invoice. */
  cancelledBy: z.string().nullable(),
  /** For a Stornorechnung: the number it cancels. */
  cancels: z.string().nullable(),
  pdfSha256: z.string(),
  archivePath: z.string().nullable(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

const OrderIds = z.object({ orderIds: z.array(z.number().int().positive()).min(1, 'Mindestens einen Auftrag auswählen') });
const PdfFile = z.object({ number: z.string(), fileName: z.string(), base64: z.string(), sha256: z.string() });

export const PrintResult = z.object({
  printed: z.boolean(),
  savedTo: z.string(),
  printer: z.string().nullable(),
  reason: z.string().nullable(),
});

export const NumberGap = z.object({
  range: z.string(),
  family: z.enum(['invoice', 'delivery_note']),
  from: z.string(),
  to: z.string(),
  count: z.number().int(),
  cause: z.string(),
});

export const DocumentSettingsView = z.object({
  numberPattern: z.string(),
  deliveryNotePattern: z.string(),
  letterForm: z.enum(['A', 'B']),
  deliveryNotePrices: z.boolean(),
  ossMode: z.enum(['auto', 'always', 'off']),
  ossExternalSalesCents: z.number().int(),
  ossReducedRates: z.string(),
  defaultVatRate: z.number(),
  /** Example of the next numbers with today's date. */
  nextInvoiceNumber: z.string(),
  nextDeliveryNoteNumber: z.string(),
  /** Kleinunternehmer: this year's invoiced net turnover against the 100,000 € limit (only when §19 is on). */
  kleinunternehmer: z.object({ currentYearCents: z.number().int(), limitCents: z.number().int() }).nullable(),
  oss: z.object({
    previousYearCents: z.number().int(),
    currentYearCents: z.number().int(),
    thresholdCents: z.number().int(),
    exceeded: z.boolean(),
  }),
});

/** Channels of the documents capability. */
export const documentsChannels = {
  'documents:list': channel(
    z.object({ orderId: z.number().int().optional(), kinds: z.array(DocKind).optional(), fromDay: z.string().optional(), toDay: z.string().optional(), limit: z.number().int().positive().optional() }),
    z.array(DocumentRef),
  ),
  'documents:createInvoices': channel(OrderIds, z.object({ documents: z.array(DocumentRef), created: z.number().int() })),
  'documents:createDeliveryNotes': channel(OrderIds, z.object({ documents: z.array(DocumentRef), created: z.number().int() })),
  'documents:cancel': channel(z.object({ number: z.string().min(1) }), DocumentRef),
  'documents:pdf': channel(z.object({ number: z.string().min(1) }), PdfFile),
  'documents:print': channel(z.object({ numbers: z.array(z.string()).min(1) }), PrintResult),
  'documents:preview': channel(z.object({ orderId: z.number().int(), kind: z.enum(['invoice', 'delivery_note']) }), z.object({ fileName: z.string(), base64: z.string(), issued: z.boolean() })),
  'documents:startBatch': channel(
    OrderIds.extend({ invoice: z.boolean().default(true), deliveryNote: z.boolean().default(true), print: z.boolean().default(true) }),
    JobView,
  ),
  'documents:batchPdf': channel(z.object({ jobId: z.string() }), z.object({ fileName: z.string(), base64: z.string(), savedTo: z.string() })),
  'documents:gaps': channel(z.object({}), z.array(NumberGap)),
  /** Continue an existing number range (e.g. when switching to Portodesk mid-year). Only forward; logged with the reason. */
  'documents:setNextNumber': channel(
    z.object({ family: z.enum(['invoice', 'delivery_note']), next: z.number().int().positive(), reason: z.string().trim().min(3, 'Bitte einen Grund angeben') }),
    z.object({ range: z.string(), nextNumber: z.string() }),
  ),
  'documents:settings': channel(z.object({}), DocumentSettingsView),
  'documents:saveSettings': channel(
    z.object({
      numberPattern: z.string().optional(),
      deliveryNotePattern: z.string().optional(),
      letterForm: z.enum(['A', 'B']).optional(),
      deliveryNotePrices: z.boolean().optional(),
      ossMode: z.enum(['auto', 'always', 'off']).optional(),
      ossExternalSalesCents: z.number().int().nonnegative().optional(),
      ossReducedRates: z.string().optional(),
      defaultVatRate: z.number().optional(),
    }),
    DocumentSettingsView,
  ),
} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the documents capability. */
export const documentsEvents = {} satisfies Record<string, z.ZodType>;
