import { useState } from 'react';
import { useT, useI18nStore } from '../../app/i18n';
import { call } from '../../ipc/client';
import { formatDateTime } from '../../../shared/format';
import { IpcError } from '../../../shared/ipc/envelope';
import { useBilling } from './store';

/** Where the usage sync stands: last sync, events waiting, the last problem, and "Jetzt abgleichen". */
export function SyncPanel({ onSynced }: { onSynced(): void }) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const sync = useBilling((s) => s.sync);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!sync) return null;
  const run = async () => {
    setBusy(true);
    try {
      useBilling.setState({ sync: await call('billing:sync', {}) });
      setError(null);
      onSynced();
    } catch (e) {
      setError(e instanceof IpcError ? e.message : String(e));
      void useBilling.getState().refresh();
    } finally {
      setBusy(false);
    }
  };
  const ok = sync.configured && sync.failures === 0 && sync.lastSuccessAt;
  return (
    <section aria-labelledby="billing-sync-title" data-testid="billing-sync">
      <h2 id="billing-sync-title">{t('billing.sync.title')}</h2>
      <dl className="billing-sync">
        <dt>{t('billing.sync.state')}</dt>
        <dd className={ok ? 'ok' : sync.failures > 0 ? 'warn' : 'muted'} data-testid="sync-state">
          {!sync.configured ? t('billing.sync.notConfigured') : ok ? t('billing.sync.ok') : sync.failures > 0 ? t('billing.sync.failing', { count: sync.failures }) : t('billing.sync.never')}
        </dd>
        <dt>{t('billing.sync.last')}</dt>
        <dd data-testid="sync-last">{sync.lastSuccessAt ? formatDateTime(sync.lastSuccessAt, locale) : t('billing.sync.neverShort')}</dd>
        <dt>{t('billing.sync.waiting')}</dt>
        <dd data-testid="sync-waiting">{sync.waiting}</dd>
        {sync.lastError && (
          <>
            <dt>{t('billing.sync.error')}</dt>
            <dd className="warn">{sync.lastError}</dd>
          </>
        )}
      </dl>
      <button type="button" onClick={() => void run()} disabled={busy || !sync.configured} data-testid="sync-now">
        {t('billing.sync.now')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
