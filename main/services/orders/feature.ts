import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { ordersChannels } from '../../../shared/ipc/channels/orders';

/** Builds the orders capability: its services and its IPC handlers. */
export function createOrdersFeature(core: AppCore) {
  void core;
  const handlers: FeatureHandlers<typeof ordersChannels> = {};
  return { handlers };
}
export type OrdersFeature = ReturnType<typeof createOrdersFeature>;
