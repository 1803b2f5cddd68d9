import { z } from 'zod';
import { channel, type ChannelDef } from '../define';
import { RuleFailure, ValidationReport } from '../../einvoice/rules';
import { BOOKING_CASES, type BookingCase } from '../../datev/accounts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet');

/** A period (Berlin calendar days, inclusive) or a selection of orders. */
export const ExportScope = z.union([
  z.object({ from: Day, to: Day }).strict(),
  z.object({ orderIds: z.array(z.number().int().positive()).min(1) }).strict(),
]);
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportKind = z.enum(['csv-orders', 'csv-invoices', 'datev', 'pdf-zip']);
export type ExportKind = z.infer<typeof ExportKind>;

export const ExportResult = z.object({
  kind: ExportKind,
  fileName: z.string(),
  path: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  orderCount: z.number().int(),
  newlyCharged: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** The file itself, so the renderer can offer it as a download; empty for very large files (see `path`). */
  contentBase64: z.string(),
  mimeType: z.string(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ExportSettings = z.object({
  consultantNumber: z.number().int().min(0).max(9_999_999),
  clientNumber: z.number().int().min(0).max(99_999),
  chart: z.enum(['SKR03', 'SKR04']),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  collectiveDebtor: z.number().int().min(10000).max(69999),
  firstB2bDebtor: z.number().int().min(10000).max(69999),
  ossBuKey: z.string().regex(/^\d{0,4}$/),
  einvoiceEnabled: z.boolean(),
  /** Own revenue accounts per booking case; '' = the SKR default. */
  accounts: z.object(Object.fromEntries(BOOKING_CASES.map((c) => [c, z.string().regex(/^(\d{4})?$/, 'vierstelliges Sachkonto oder leer')])) as Record<BookingCase, z.ZodString>),
});
export type ExportSettings = z.infer<typeof ExportSettings>;

export const EInvoiceStatus = z.object({
  invoiceNumber: z.string(),
  kind: z.enum(['invoice', 'cancellation']),
  /** issued: stored and valid; rejected: last attempt failed validation; none: not created yet. */
  state: z.enum(['issued', 'rejected', 'none']),
  profile: z.enum(['en16931', 'xrechnung']).nullable(),
  createdAt: z.string().nullable(),
  xmlSha256: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  failures: z.array(RuleFailure),
  warnings: z.array(RuleFailure),
});
export type EInvoiceStatus = z.infer<typeof EInvoiceStatus>;

const Profile = z.enum(['en16931', 'xrechnung']);

/** Channels of the exports capability (data exports and e-invoices). */
export const exportsChannels = {
  'exports:settings:get': channel(z.object({}).strict(), ExportSettings),
  'exports:settings:save': channel(ExportSettings, ExportSettings),
  'exports:run': channel(z.object({ kind: ExportKind, scope: ExportScope }).strict(), ExportResult),
  'einvoice:forOrder': channel(z.object({ orderId: z.number().int().positive() }).strict(), z.array(EInvoiceStatus)),
  'einvoice:create': channel(z.object({ invoiceNumber: z.string().min(1), profile: Profile.optional() }).strict(), EInvoiceStatus),
  'einvoice:download': channel(
    z.object({ invoiceNumber: z.string().min(1), format: z.enum(['xml', 'pdf']) }).strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  ),
  'einvoice:validate': channel(
    z.object({ fileName: z.string().min(1), contentBase64: z.string().min(1) }).strict(),
    ValidationReport.extend({ embeddedFile: z.string().nullable() }),
  ),
} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the exports capability. */
export const exportsEvents = {
  /** An e-invoice was issued or rejected in the background (automatic mode). */
  'einvoice:changed': z.object({ orderId: z.number().int(), invoiceNumber: z.string(), state: z.enum(['issued', 'rejected']) }),
} satisfies Record<string, z.ZodType>;
