import { useEffect, useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { errorText, useFranking } from './store';
import './franking.css';

/** Einstellungen → Portokasse: login (kept in the keychain only) and the low-balance threshold. */
export function PortokasseSettings() {
  const t = useT();
  const status = useFranking((s) => s.status);
  const loadStatus = useFranking((s) => s.loadStatus);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [threshold, setThreshold] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void loadStatus().then((s) => {
      setUser(s.user ?? '');
      setThreshold((s.lowBalanceThresholdCents / 100).toFixed(2).replace('.', ','));
    });
  }, [loadStatus]);

  const login = async () => {
    setBusy(true);
    setMsg(null);
    try {
      const r = await call('franking:login', { user, password });
      setPassword('');
      setMsg({ kind: 'ok', text: t('franking.settings.loggedIn', { user: r.user }) });
      await loadStatus();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const logout = async () => {
    await call('franking:logout', {});
    setMsg(null);
    await loadStatus();
  };
  const saveThreshold = async () => {
    try {
      const cents = Math.round(Number(threshold.replace(',', '.')) * 100);
      await call('settings:set', { key: 'franking.lowBalanceCents', value: cents });
      setMsg({ kind: 'ok', text: t('franking.settings.thresholdSaved') });
      await loadStatus();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <div className="fr-settings" data-testid="franking-settings">
      <p className="muted">{t('franking.settings.hint')}</p>
      {status?.hasLogin && <p className="ok">{t('franking.settings.loggedIn', { user: status.user ?? '' })}</p>}
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void login();
        }}
      >
        <label className="field">
          <span>{t('franking.settings.user')}</span>
          <input type="email" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} data-testid="franking-user" />
        </label>
        <label className="field">
          <span>{t('franking.settings.password')}</span>
          <input type="password" autoComplete="current-password" maxLength={22} value={password} onChange={(e) => setPassword(e.target.value)} data-testid="franking-password" />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || !user || !password} data-testid="franking-login">
            {t('franking.settings.login')}
          </button>
          {status?.hasLogin && (
            <button type="button" onClick={() => void logout()}>
              {t('franking.settings.logout')}
            </button>
          )}
        </div>
      </form>
      <div className="form-actions fr-threshold">
        <label className="field">
          <span>{t('franking.settings.threshold')}</span>
          <input inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} data-testid="franking-threshold" />
        </label>
        <button type="button" onClick={() => void saveThreshold()}>
          {t('common.save')}
        </button>
      </div>
      {msg && (
        <p role="status" className={msg.kind === 'ok' ? 'ok' : 'error'} data-testid="franking-settings-message">
          {msg.text}
        </p>
      )}
    </div>
  );
}
