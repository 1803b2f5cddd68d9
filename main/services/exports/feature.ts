import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { exportsChannels } from '../../../shared/ipc/channels/exports';
import type { OrdersFeature } from '../orders/feature';
import type { DocumentsFeature } from '../documents/feature';
import type { BillingFeature } from '../billing/feature';

/** Builds the exports capability: its services and its IPC handlers. */
export function createExportsFeature(core: AppCore, deps: { orders: OrdersFeature; documents: DocumentsFeature; billing: BillingFeature }) {
  void core;
  void deps;
  const handlers: FeatureHandlers<typeof exportsChannels> = {};
  return { handlers };
}
export type ExportsFeature = ReturnType<typeof createExportsFeature>;
