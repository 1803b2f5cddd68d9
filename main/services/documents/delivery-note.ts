import { z } from 'zod';
import { Address } from '../../../shared/domain/address';
import { CompanySettings } from '../../../shared/domain/settings';

/** The frozen content of an issued delivery note (Lieferschein). */
export const DeliveryNoteSnapshot = z.object({
  number: z.string(),
  issueDate: z.string(),
  orderId: z.number().int(),
  channel: z.string(),
  externalOrderId: z.string(),
  orderDate: z.string(),
  currency: z.string(),
  seller: CompanySettings,
  shipTo: Address,
  showPrices: z.boolean(),
  lines: z.array(
    z.object({ position: z.number().int(), description: z.string(), sku: z.string(), quantity: z.number().int(), unitGrossCents: z.number().int(), grossCents: z.number().int() }),
  ),
  totalGrossCents: z.number().int(),
});
export type DeliveryNoteSnapshot = z.infer<typeof DeliveryNoteSnapshot>;
