import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { ChargeGuard } from './charge-guard';
import type { billingChannels } from '../../../shared/ipc/channels/billing';

/** Builds the billing capability: its services and its IPC handlers. */
export function createBillingFeature(core: AppCore) {
  void core;
  const handlers: FeatureHandlers<typeof billingChannels> = {};
  // Replaced by the trial/billing rules of the billing capability.
  const chargeGuard: ChargeGuard = { assertMayCharge: () => undefined };
  return { handlers, chargeGuard };
}
export type BillingFeature = ReturnType<typeof createBillingFeature>;
