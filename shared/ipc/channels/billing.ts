import { z } from 'zod';
import { channel, type ChannelDef } from '../define';
import { WireBillingDetails, WireInvoice, WireMonthFees } from '../../fees/api';
import { ChargeableAction } from '../../domain/usage';

export const TrialStatusView = z.object({
  registered: z.boolean(),
  name: z.string(),
  email: z.string(),
  trialStartedAt: z.string(),
  trialEndsAt: z.string(),
  daysLeft: z.number().int(),
  inTrial: z.boolean(),
  billingComplete: z.boolean(),
  chargingAllowed: z.boolean(),
  serverConfirmed: z.boolean(),
  now: z.string(),
});
export type TrialStatusView = z.infer<typeof TrialStatusView>;

export const SyncStateView = z.object({
  /** A billing service URL is configured. */
  configured: z.boolean(),
  registeredWithServer: z.boolean(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  failures: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** Usage events not yet confirmed by the billing service. */
  waiting: z.number().int(),
  detailsWaiting: z.boolean(),
});
export type SyncStateView = z.infer<typeof SyncStateView>;

export const BillingDetailsView = WireBillingDetails.extend({ updatedAt: z.string(), syncedAt: z.string().nullable() });
export type BillingDetailsView = z.infer<typeof BillingDetailsView>;

export const BillingDetailsRequest = z.object({
  company: z.string().default(''),
  holder: z.string(),
  iban: z.string(),
  bic: z.string().default(''),
  street: z.string(),
  zip: z.string(),
  city: z.string(),
  country: z.string().default('DE'),
  mandateReference: z.string(),
  mandateDate: z.string(),
}).strict();

export const MonthFeesView = WireMonthFees.omit({ serverNow: true }).extend({
  vatCents: z.number().int(),
  grossCents: z.number().int(),
  /** Events of this month not yet confirmed by the billing service. */
  unsynced: z.number().int(),
});
export type MonthFeesView = z.infer<typeof MonthFeesView>;

export const FeeInvoiceView = WireInvoice.extend({ downloaded: z.boolean() });
export type FeeInvoiceView = z.infer<typeof FeeInvoiceView>;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Monat im Format JJJJ-MM erwartet');

/** Channels of the billing capability. */
export const billingChannels = {
  'billing:trial': channel(z.object({}).strict(), TrialStatusView),
  'billing:register': channel(z.object({ name: z.string(), email: z.string() }).strict(), TrialStatusView),
  'billing:details:get': channel(z.object({}).strict(), z.object({ details: BillingDetailsView.nullable(), suggestedMandateReference: z.string() })),
  'billing:details:save': channel(BillingDetailsRequest, BillingDetailsView),
  'billing:sync': channel(z.object({}).strict(), SyncStateView),
  'billing:sync:state': channel(z.object({}).strict(), SyncStateView),
  'fees:month': channel(z.object({ month: Month.optional() }).strict(), MonthFeesView),
  'fees:history': channel(z.object({ months: z.number().int().min(1).max(36).default(12) }).strict(), z.array(z.object({ month: z.string(), netCents: z.number().int(), orders: z.number().int() }))),
  'fees:invoices': channel(z.object({ refresh: z.boolean().default(false) }).strict(), z.object({ invoices: z.array(FeeInvoiceView) })),
  'fees:invoice:pdf': channel(z.object({ number: z.string().min(1) }).strict(), z.object({ number: z.string(), path: z.string(), pdfBase64: z.string() })),
} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the billing capability. */
export const billingEvents = {
  'trial:status': TrialStatusView,
  'sync:state': SyncStateView,
  /** A chargeable action was refused after the trial (BILLING_REQUIRED). */
  'billing:required': z.object({ orderIds: z.array(z.number().int()), action: ChargeableAction }),
} satisfies Record<string, z.ZodType>;
