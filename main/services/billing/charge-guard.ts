import type { ChargeableAction } from '../../../shared/domain/usage';

/**
 * Asked before any chargeable action (invoice, delivery note, label, export). After the trial it
 * refuses orders that are not yet charged until billing details are entered (AppError
 * 'BILLING_REQUIRED'). Orders already charged stay free, so reprints always work.
 */
export interface ChargeGuard {
  assertMayCharge(orderIds: number[], action: ChargeableAction): void;
}
