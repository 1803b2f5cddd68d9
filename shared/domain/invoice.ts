import { z } from 'zod';
import { Address } from './address';
import { CompanySettings } from './settings';

/**
 * Which VAT treatment applied. Stored with every issued invoice together with the reason in words.
 *  standard          domestic (or below the OSS threshold): German rates 19 % / 7 %
 *  kleinunternehmer  §19 UStG: no VAT
 *  oss               EU B2C distance sale above the threshold: destination country's rate
 *  intra_eu_b2b      tax-free intra-community supply to a buyer with a VAT id (§4 Nr. 1b / §6a UStG)
 *  export            delivery outside the EU (§4 Nr. 1a / §6 UStG)
 */
export const TaxCase = z.enum(['standard', 'kleinunternehmer', 'oss', 'intra_eu_b2b', 'export']);
export type TaxCase = z.infer<typeof TaxCase>;

/** EN 16931 VAT category codes (UNTDID 5305) used by our tax cases. */
export const VatCategory = z.enum(['S', 'E', 'K', 'G', 'AE', 'Z']);
export type VatCategory = z.infer<typeof VatCategory>;

export const InvoiceLine = z.object({
  position: z.number().int().positive(),
  description: z.string(),
  sku: z.string().default(''),
  /** Negative on a cancellation invoice. */
  quantity: z.number().int(),
  unitCode: z.string().default('H87'),
  /** Net unit price, integer cents, never negative (BR-27). */
  unitNetCents: z.number().int().nonnegative(),
  /** Net line amount = the line's share after gross→net conversion, integer cents. */
  netCents: z.number().int(),
  vatCategory: VatCategory,
  /** Percent, e.g. 19, 7, 0, 20, 5.5 */
  vatRate: z.number().nonnegative(),
  grossCents: z.number().int(),
  /** true for the shipping line (taxed like the goods it ships). */
  isShipping: z.boolean().default(false),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const VatBreakdown = z.object({
  vatCategory: VatCategory,
  vatRate: z.number().nonnegative(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  /** Exemption reason text (BT-120) for E, K, G, AE. */
  exemptionReason: z.string().default(''),
  exemptionReasonCode: z.string().default(''),
});
export type VatBreakdown = z.infer<typeof VatBreakdown>;

/**
 * The frozen content of an issued invoice or cancellation invoice. Everything the PDF, the e-invoice
 * and the DATEV export need is here, so an issued document never depends on later settings.
 */
export const InvoiceSnapshot = z.object({
  number: z.string(),
  kind: z.enum(['invoice', 'cancellation']),
  /** For a cancellation: the original invoice's number and issue date. */
  cancelsNumber: z.string().nullable().default(null),
  cancelsIssueDate: z.string().nullable().default(null),
  /** YYYY-MM-DD, Europe/Berlin calendar day. */
  issueDate: z.string(),
  /** Leistungsdatum, YYYY-MM-DD. */
  deliveryDate: z.string(),
  orderId: z.number().int(),
  channel: z.string(),
  externalOrderId: z.string(),
  currency: z.string(),
  seller: CompanySettings,
  buyer: z.object({
    address: Address,
    vatId: z.string().default(''),
    email: z.string().default(''),
    /** BT-10; XRechnung needs the Leitweg-ID here. */
    buyerReference: z.string().default(''),
  }),
  shipTo: Address,
  taxCase: TaxCase,
  /** Why this tax case applied, in words (stored for the audit). */
  taxCaseReason: z.string(),
  /** The note printed for exemptions (§19, intra-EU, export). */
  taxNote: z.string().default(''),
  destinationCountry: z.string(),
  lines: z.array(InvoiceLine).min(1),
  vatBreakdown: z.array(VatBreakdown).min(1),
  totals: z.object({ netCents: z.number().int(), vatCents: z.number().int(), grossCents: z.number().int() }),
  paymentNote: z.string().default(''),
  /** Free notes printed under the totals. */
  notes: z.array(z.string()).default([]),
});
export type InvoiceSnapshot = z.infer<typeof InvoiceSnapshot>;
