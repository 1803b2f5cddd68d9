import { useEffect } from 'react';
import { useT } from '../../app/i18n';
import { useNav } from '../../stores/navigation';
import { startBillingStore, useBilling } from './store';

/** The days left of the trial, always top right; after it, whether billing is set up. Click → Gebühren. */
export function TrialBadge() {
  const t = useT();
  const trial = useBilling((s) => s.trial);
  const go = useNav((s) => s.go);
  useEffect(() => startBillingStore(), []);
  if (!trial) return null;
  let text: string;
  let tone: string;
  if (trial.inTrial) {
    text = trial.daysLeft === 1 ? t('billing.badge.oneDay') : t('billing.badge.days', { days: trial.daysLeft });
    tone = trial.daysLeft <= 7 ? 'warn' : '';
  } else if (trial.billingComplete) {
    text = t('billing.badge.active');
    tone = 'ok';
  } else {
    text = t('billing.badge.ended');
    tone = 'error';
  }
  return (
    <button type="button" className={`badge trial-badge ${tone}`} data-testid="trial-badge" title={t('billing.badge.title')} onClick={() => go('fees')}>
      {text}
    </button>
  );
}
