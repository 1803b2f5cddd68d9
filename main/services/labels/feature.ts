import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { labelsChannels } from '../../../shared/ipc/channels/labels';
import type { OrdersFeature } from '../orders/feature';
import type { BillingFeature } from '../billing/feature';

/** Builds the labels capability: its services and its IPC handlers. */
export function createLabelsFeature(core: AppCore, deps: { orders: OrdersFeature; billing: BillingFeature }) {
  void core;
  void deps;
  const handlers: FeatureHandlers<typeof labelsChannels> = {};
  return { handlers };
}
export type LabelsFeature = ReturnType<typeof createLabelsFeature>;
