import type { ChargeableAction } from '../../../shared/domain/usage';
import type { Db } from '../../db/types';
import { unchargedOrderIds } from '../../db/repos/billing';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import type { TrialService } from './trial';

/**
 * Asked before any chargeable action (invoice, delivery note, label, export). After the trial it
 * refuses orders that are not yet charged until billing details are entered (AppError
 * 'BILLING_REQUIRED'). Orders already charged stay free, so reprints always work.
 */
export interface ChargeGuard {
  assertMayCharge(orderIds: number[], action: ChargeableAction): void;
}

const actionWords: Record<ChargeableAction, string> = {
  invoice: 'Rechnungen',
  delivery_note: 'Lieferscheine',
  label: 'Etiketten',
  export: 'Exporte',
};

/** The real guard: trial → allowed; after it → allowed only for charged orders or with billing details. */
export function createChargeGuard(db: Db, trial: TrialService, onRefused: (orderIds: number[], action: ChargeableAction) => void = () => undefined): ChargeGuard {
  return {
    assertMayCharge(orderIds, action) {
      const uncharged = unchargedOrderIds(db, orderIds);
      if (uncharged.length === 0) return;
      const s = trial.status();
      if (s.chargingAllowed) return;
      const n = uncharged.length;
      onRefused(uncharged, action);
      throw new AppError(
        'BILLING_REQUIRED',
        `Ihre kostenlose Testphase ist am ${formatDate(s.trialEndsAt)} abgelaufen. ${actionWords[action]} für ` +
          `${n === 1 ? 'einen neuen Auftrag' : `${n} neue Aufträge`} sind erst möglich, wenn Sie unter „Gebühren & Rechnungen“ ` +
          'eine Rechnungsadresse und ein SEPA-Lastschriftmandat (Kontoinhaber, IBAN) hinterlegen. ' +
          'Aufträge, die schon abgerechnet sind, und alle anderen Funktionen bleiben frei.',
        { orderIds: uncharged, action },
      );
    },
  };
}
