import { useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { formatCents, formatDateTime } from '../../../shared/format';
import { errorText, useFranking } from './store';

/** The Portokasse balance, refreshable, with a top-up field. */
export function BalanceBar() {
  const t = useT();
  const status = useFranking((s) => s.status);
  const setBalance = useFranking((s) => s.setBalance);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [amount, setAmount] = useState('');
  if (!status) return null;
  const low = status.balanceCents !== null && status.balanceCents < status.lowBalanceThresholdCents;

  const refresh = async () => {
    setBusy(true);
    setMsg(null);
    try {
      const b = await call('franking:balance', { refresh: true });
      setBalance(b.balanceCents, b.at);
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const topUp = async () => {
    const cents = Math.round(Number(amount.replace(',', '.')) * 100);
    if (!Number.isFinite(cents) || cents < 1000) return setMsg({ kind: 'error', text: t('franking.topup.min') });
    setBusy(true);
    try {
      const r = await call('franking:topup', { amountCents: cents });
      setBalance(r.balanceCents, new Date().toISOString());
      setAmount('');
      setMsg({ kind: 'ok', text: t('franking.topup.done') });
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fr-balance" data-testid="franking-balance">
      <span className="fr-balance-label">{t('franking.balance')}</span>
      <strong className={low ? 'fr-balance-value warn' : 'fr-balance-value'} data-testid="franking-balance-value">
        {status.balanceCents === null ? t('franking.balance.unknown') : formatCents(status.balanceCents)}
        {low ? ` (${t('franking.balance.low')})` : ''}
      </strong>
      {status.balanceAt && <span className="muted">{t('franking.balance.at', { time: formatDateTime(status.balanceAt) })}</span>}
      <button type="button" onClick={() => void refresh()} disabled={busy || !status.hasLogin} data-testid="franking-refresh">
        {t('franking.balance.refresh')}
      </button>
      <label className="fr-inline">
        <span>{t('franking.topup.amount')}</span>
        <input inputMode="decimal" size={6} value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="franking-topup-amount" />
      </label>
      <button type="button" onClick={() => void topUp()} disabled={busy || !status.hasLogin || !amount}>
        {t('franking.topup')}
      </button>
      {msg && (
        <span role="status" className={msg.kind === 'ok' ? 'ok' : 'error'}>
          {msg.text}
        </span>
      )}
    </div>
  );
}
