import { useEffect, useState } from 'react';
import { call, onEvent } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { useNav } from '../../stores/navigation';
import { BalanceBar } from './BalanceBar';
import { BuyPanel } from './BuyPanel';
import { StampsList } from './StampsList';
import { BalanceChart } from './BalanceChart';
import { errorText, useFranking } from './store';
import './franking.css';

/** Frankieren: Portokasse balance, orders → product → cost → buy, and the archive of bought stamps. */
export function FrankingView() {
  const t = useT();
  const go = useNav((s) => s.go);
  const status = useFranking((s) => s.status);
  const loadStatus = useFranking((s) => s.loadStatus);
  const setBalance = useFranking((s) => s.setBalance);
  const preselected = useFranking((s) => s.preselected);
  const preselect = useFranking((s) => s.preselect);
  const [reloadKey, setReloadKey] = useState(0);
  const [recoverMsg, setRecoverMsg] = useState('');

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);
  useEffect(() => onEvent('franking:balance', (b) => setBalance(b.balanceCents, b.at)), [setBalance]);

  const recover = async () => {
    try {
      const r = await call('franking:recover', {});
      setRecoverMsg('');
      await loadStatus();
      if (r.resolved.length) setReloadKey((k) => k + 1);
    } catch (e) {
      setRecoverMsg(errorText(e));
    }
  };

  if (!status) return <p>{t('common.loading')}</p>;
  return (
    <div className="franking">
      <header className="fr-head">
        <h1>{t('franking.title')}</h1>
        <BalanceBar />
      </header>
      {!status.configured && <p className="warn fr-note">{t('franking.notConfigured')}</p>}
      {!status.hasLogin && (
        <p className="warn fr-note">
          {t('franking.noLogin')}{' '}
          <button type="button" onClick={() => go('settings')}>
            {t('franking.toSettings')}
          </button>
        </p>
      )}
      {status.unresolvedPurchases > 0 && (
        <p className="warn fr-note" role="alert">
          {t('franking.unresolved', { count: status.unresolvedPurchases })}{' '}
          <button type="button" onClick={() => void recover()}>
            {t('franking.recover')}
          </button>{' '}
          {recoverMsg && <span className="error">{recoverMsg}</span>}
        </p>
      )}
      {preselected && (
        <p className="muted">
          {preselected.length} {t('franking.col.order')} ·{' '}
          <button type="button" onClick={() => preselect(null)}>
            {t('franking.selectAll')}
          </button>
        </p>
      )}
      <BuyPanel onBought={() => setReloadKey((k) => k + 1)} />
      <section className="fr-panel" aria-labelledby="fr-stamps-h">
        <h2 id="fr-stamps-h">{t('franking.stamps')}</h2>
        <StampsList reloadKey={reloadKey} />
      </section>
      <BalanceChart />
    </div>
  );
}
