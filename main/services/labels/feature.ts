import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { labelsChannels } from '../../../shared/ipc/channels/labels';
import type { OrdersFeature } from '../orders/feature';
import type { BillingFeature } from '../billing/feature';
import { createPrintingService, registerPrintingSettings } from '../printing/printing-service';
import { printJobTypes, type PrintJobType, type PrintService } from '../printing/print-service';
import { createLabelsService, registerLabelSettings } from './labels-service';

/** Builds the labels capability: label stock, label printing, and the PrintService every capability prints through. */
export function createLabelsFeature(core: AppCore, deps: { orders: OrdersFeature; billing: BillingFeature }) {
  registerPrintingSettings(core);
  registerLabelSettings(core);
  const printingService = createPrintingService(core);
  /** Other capabilities (documents, franking) print through this. */
  const printing: PrintService = printingService;
  const labels = createLabelsService(core, { printing: printingService, chargeGuard: deps.billing.chargeGuard });
  const choices = () => Object.fromEntries(printJobTypes.map((t) => [t, printingService.choiceFor(t)])) as Record<PrintJobType, { printer: string; stockId: string }>;

  const handlers: FeatureHandlers<typeof labelsChannels> = {
    'labels:stock:list': () => labels.stocks.all(),
    'labels:stock:save': (req) => labels.stocks.save(req),
    'labels:stock:delete': (req) => ({ deleted: labels.stocks.delete(req.id) }),
    'labels:preview': (req) => labels.preview(req),
    'labels:print': (req) => labels.startPrint(req),
    'labels:history': (req) => labels.history(req.orderId),
    'printing:printers': () => printingService.printers(),
    'printing:choices:get': () => choices(),
    'printing:choices:save': (req) => {
      if (req.choice.stockId && req.choice.stockId !== 'a4') labels.stocks.resolve(req.choice.stockId);
      printingService.setChoice(req.jobType, req.choice);
      return choices();
    },
    'printing:test': (req) => labels.testPrint(req.jobType, req.printer),
    'printing:log': (req) => printingService.log(req.limit),
  };
  return { handlers, printing, printingService, labels };
}
export type LabelsFeature = ReturnType<typeof createLabelsFeature>;
