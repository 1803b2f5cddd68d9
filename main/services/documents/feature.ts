import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { documentsChannels } from '../../../shared/ipc/channels/documents';
import type { OrdersFeature } from '../orders/feature';
import type { BillingFeature } from '../billing/feature';

/** Builds the documents capability: its services and its IPC handlers. */
export function createDocumentsFeature(core: AppCore, deps: { orders: OrdersFeature; billing: BillingFeature }) {
  void core;
  void deps;
  const handlers: FeatureHandlers<typeof documentsChannels> = {};
  return { handlers };
}
export type DocumentsFeature = ReturnType<typeof createDocumentsFeature>;
