import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { call } from '../../ipc/client';
import type { FeeInvoiceView, MonthFeesView } from '../../../shared/ipc/channels/billing';
import { FeeMeter } from './FeeMeter';
import { FeeChart } from './FeeChart';
import { InvoiceList } from './InvoiceList';
import { BillingDetailsForm } from './BillingDetailsForm';
import { SyncPanel } from './SyncPanel';
import { startBillingStore, useBilling } from './store';
import './billing.css';

/** Gebühren & Rechnungen: the fee meter, 12 months, fee invoices, billing details, sync state. */
export function FeesView() {
  const t = useT();
  const trial = useBilling((s) => s.trial);
  const lastSync = useBilling((s) => s.sync?.lastSuccessAt ?? null);
  const showRegistration = useBilling((s) => s.showRegistration);
  /** null: the current month; a bar in the chart picks another. */
  const [month, setMonth] = useState<string | null>(null);
  const [fees, setFees] = useState<MonthFeesView | null>(null);
  const [history, setHistory] = useState<{ month: string; netCents: number; orders: number }[]>([]);
  const [invoices, setInvoices] = useState<FeeInvoiceView[]>([]);

  const load = useCallback(async () => {
    const [f, h, i] = await Promise.all([call('fees:month', month ? { month } : {}), call('fees:history', { months: 12 }), call('fees:invoices', { refresh: false })]);
    setFees(f);
    setHistory(h);
    setInvoices(i.invoices);
  }, [month]);

  useEffect(() => {
    startBillingStore();
    void useBilling.getState().refresh();
  }, []);
  // Reload when the month changes and after every successful sync (new invoices, synced counts).
  useEffect(() => {
    void load();
  }, [load, lastSync]);

  return (
    <div className="fees-view">
      <h1>{t('billing.view.title')}</h1>
      {trial && (
        <p className={trial.inTrial ? 'muted' : trial.billingComplete ? 'ok' : 'error'} data-testid="fees-trial-line">
          {trial.inTrial ? t('billing.view.inTrial', { days: trial.daysLeft }) : trial.billingComplete ? t('billing.view.active') : t('billing.view.needDetails')}
        </p>
      )}
      {trial && !trial.registered && (
        <p className="warn">
          {t('billing.view.notRegistered')}{' '}
          <button type="button" onClick={showRegistration} data-testid="fees-register">
            {t('billing.register.submit')}
          </button>
        </p>
      )}
      <div className="fees-grid">
        {fees ? <FeeMeter fees={fees} /> : <p>{t('common.loading')}</p>}
        <FeeChart history={history} selected={fees?.month ?? null} onSelect={setMonth} />
      </div>
      <InvoiceList invoices={invoices} />
      {trial && <BillingDetailsForm today={trial.now.slice(0, 10)} />}
      <SyncPanel onSynced={() => void load()} />
      <p className="muted fee-rules">{t('billing.view.rules')}</p>
    </div>
  );
}
