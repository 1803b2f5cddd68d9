import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { labelsChannels } from '../../../shared/ipc/channels/labels';
import type { OrdersFeature } from '../orders/feature';
import type { BillingFeature } from '../billing/feature';
import { createPrintingService, registerPrintingSettings } from '../printing/printing-service';
import type { PrintService } from '../printing/print-service';

/** Builds the labels capability: its services and its IPC handlers. */
export function createLabelsFeature(core: AppCore, deps: { orders: OrdersFeature; billing: BillingFeature }) {
  void deps;
  registerPrintingSettings(core);
  const printingService = createPrintingService(core);
  /** Other capabilities (documents, franking) print through this. */
  const printing: PrintService = printingService;
  const handlers: FeatureHandlers<typeof labelsChannels> = {};
  return { handlers, printing, printingService };
}
export type LabelsFeature = ReturnType<typeof createLabelsFeature>;
