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
  const [fees, setFees] = useState<MonthFeesView | null>(null);
  const [history, setHistory] = useState<{ month: string; netCents: number; orders: number }[]>([]);
  const [invoices, setInvoices] = useState<FeeInvoiceView[]>([]);

  const load = useCallback(async () => {
    const [f, h, i] = await Promise.all([call('fees:month', {}), call('fees:history', { months: 12 }), call('fees:invoices', { refresh: false })]);
    setFees(f);
    setHistory(h);
    setInvoices(i.invoices);
  }, []);

  useEffect(() => {
    startBillingStore();
    void useBilling.getState().refresh();
    void load();
  }, [load]);

  return (
    <div className="fees-view">
      <h1>{t('billing.view.title')}</h1>
      {trial && (
        <p className={trial.inTrial ? 'muted' : trial.billingComplete ? 'ok' : 'error'} data-testid="fees-trial-line">
          {trial.inTrial ? t('billing.view.inTrial', { days: trial.daysLeft }) : trial.billingComplete ? t('billing.view.active') : t('billing.view.needDetails')}
        </p>
      )}
      <div className="fees-grid">
        {fees ? <FeeMeter fees={fees} /> : <p>{t('common.loading')}</p>}
        <FeeChart history={history} />
      </div>
      <InvoiceList invoices={invoices} />
      {trial && <BillingDetailsForm today={trial.now.slice(0, 10)} />}
      <SyncPanel onSynced={() => void load()} />
      <p className="muted fee-rules">{t('billing.view.rules')}</p>
    </div>
  );
}
