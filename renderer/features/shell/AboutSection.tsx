import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { call } from '../../ipc/client';
import { formatDateTime } from '../../../shared/format';
import type { AboutInfo, SecretsStatus } from '../../../shared/ipc/channels/shell';
import { useUpdates, wireUpdates } from './update-store';
import './shell.css';

/** Einstellungen → "Updates und Version": version, folders, logs, update state and the keyring status. */
export function AboutSection() {
  const t = useT();
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [secrets, setSecrets] = useState<SecretsStatus | null>(null);
  const [autoCheck, setAutoCheck] = useState<boolean | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { status, busy, error, run } = useUpdates();

  useEffect(() => {
    wireUpdates();
    void call('shell:about', {}).then(setAbout, () => undefined);
    void call('shell:secrets:status', {}).then(setSecrets, () => undefined);
    void call('settings:get', { key: 'shell.updates.autoCheck' }).then((r) => setAutoCheck(r.value === true), () => undefined);
  }, []);

  const openLogs = async () => {
    setNote(null);
    try {
      const r = await call('shell:logs:open', {});
      if (!r.opened) setNote(t('shell.about.logsPathOnly', { path: r.path }));
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    }
  };
  const toggleAuto = async (value: boolean) => {
    setAutoCheck(value);
    try {
      await call('settings:set', { key: 'shell.updates.autoCheck', value });
    } catch (e) {
      setAutoCheck(!value);
      setNote(e instanceof Error ? e.message : String(e));
    }
  };

  const state = status?.state ?? 'idle';
  const stateText = t(`shell.update.state.${state}`, { version: status?.version ?? '', percent: status?.percent ?? 0 });
  const stateClass = state === 'error' ? 'error' : state === 'downloaded' || state === 'up-to-date' ? 'ok' : state === 'unsupported' ? 'muted' : '';

  return (
    <div className="shell-about" data-testid="shell-about">
      <dl className="shell-facts">
        <dt>{t('shell.about.version')}</dt>
        <dd data-testid="about-version">Portodesk {about?.appVersion ?? '…'}</dd>
        <dt>{t('shell.about.runtime')}</dt>
        <dd>{about ? (about.electronVersion ? `Electron ${about.electronVersion} · Chromium ${about.chromeVersion} · Node ${about.nodeVersion}` : t('shell.about.browserOnly')) : '…'}</dd>
        <dt>{t('shell.about.dataDir')}</dt>
        <dd className="shell-path">{about?.dataDir ?? '…'}</dd>
        <dt>{t('shell.about.logsDir')}</dt>
        <dd>
          <span className="shell-path">{about?.logsDir ?? '…'}</span>{' '}
          <button type="button" onClick={() => void openLogs()} data-testid="open-logs">
            {t('shell.about.openLogs')}
          </button>
          {note && <div className="muted" data-testid="logs-note">{note}</div>}
        </dd>
        <dt>{t('shell.update.dialogTitle')}</dt>
        <dd>
          <span className={`shell-update-state ${stateClass}`} data-testid="update-state" data-state={state}>
            {stateText}
          </span>
          {status?.message && <div className={state === 'error' ? 'error' : 'muted'}>{status.message}</div>}
          {status?.lastCheckedAt && <div className="muted">{t('shell.update.lastChecked', { when: formatDateTime(status.lastCheckedAt) })}</div>}
          {state !== 'unsupported' && (
            <div className="shell-update-actions">
              <button type="button" onClick={() => void run('shell:update:check')} disabled={busy || state === 'checking'} data-testid="update-check">
                {t('shell.update.check')}
              </button>
              {state === 'downloaded' && (
                <button type="button" className="primary" onClick={() => void run('shell:update:install')} disabled={busy}>
                  {t('shell.update.install')}
                </button>
              )}
            </div>
          )}
          {error && (
            <div className="error" role="alert">
              {error}
            </div>
          )}
          {autoCheck !== null && (
            <label className="check">
              <input type="checkbox" checked={autoCheck} onChange={(e) => void toggleAuto(e.target.checked)} data-testid="update-autocheck" />
              {t('shell.update.autoCheck')}
            </label>
          )}
        </dd>
        <dt>{t('shell.secrets.title')}</dt>
        <dd data-testid="secrets-status" className={secrets && !secrets.available ? 'warn' : ''}>
          {secrets ? (secrets.available ? t('shell.secrets.ok', { backend: secrets.backend }) : secrets.message) : '…'}
        </dd>
      </dl>
    </div>
  );
}
