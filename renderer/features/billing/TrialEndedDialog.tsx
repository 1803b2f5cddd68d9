import { useEffect, useRef } from 'react';
import { useT } from '../../app/i18n';
import { useNav } from '../../stores/navigation';
import { formatDate } from '../../../shared/format';
import { useI18nStore } from '../../app/i18n';
import { useBilling } from './store';

/**
 * After the trial, without billing details: explains once per session that invoices, labels and
 * exports for new orders need a billing address and a SEPA mandate — a decision, so modal.
 */
export function TrialEndedDialog() {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const trial = useBilling((s) => s.trial);
  const dismissed = useBilling((s) => s.expiryDismissed);
  const dismiss = useBilling((s) => s.dismissExpiry);
  const go = useNav((s) => s.go);
  const primary = useRef<HTMLButtonElement>(null);
  const open = !!trial && !trial.inTrial && !trial.billingComplete && !dismissed;

  useEffect(() => {
    if (!open) return;
    primary.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') dismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, dismiss]);
  if (!open || !trial) return null;

  return (
    <div className="billing-backdrop">
      <div className="billing-dialog" role="dialog" aria-modal="true" aria-labelledby="trial-ended-title" data-testid="trial-ended-dialog">
        <h2 id="trial-ended-title">{t('billing.ended.title')}</h2>
        <p>{t('billing.ended.text', { date: formatDate(trial.trialEndsAt, locale) })}</p>
        <p>{t('billing.ended.free')}</p>
        <div className="form-actions">
          <button
            ref={primary}
            type="button"
            className="primary"
            data-testid="trial-ended-enter"
            onClick={() => {
              dismiss();
              go('fees');
            }}
          >
            {t('billing.ended.enter')}
          </button>
          <button type="button" onClick={dismiss} data-testid="trial-ended-later">
            {t('billing.ended.later')}
          </button>
        </div>
      </div>
    </div>
  );
}
