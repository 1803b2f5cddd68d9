import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { frankingChannels } from '../../../shared/ipc/channels/franking';
import type { OrdersFeature } from '../orders/feature';
import type { LabelsFeature } from '../labels/feature';

/** Builds the franking capability: its services and its IPC handlers. */
export function createFrankingFeature(core: AppCore, deps: { orders: OrdersFeature; labels: LabelsFeature }) {
  void core;
  void deps;
  const handlers: FeatureHandlers<typeof frankingChannels> = {};
  return { handlers };
}
export type FrankingFeature = ReturnType<typeof createFrankingFeature>;
