import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { useUpdates, wireUpdates } from './update-store';
import './shell.css';

/**
 * Shown once an update is downloaded (or while it downloads): install only on the seller's click,
 * "Später" hides it for that version. Release notes fold out.
 */
export function UpdateBanner() {
  const t = useT();
  const { status, busy, error, run } = useUpdates();
  const [notes, setNotes] = useState(false);
  useEffect(() => wireUpdates(), []);
  if (!status || status.dismissed || (status.state !== 'downloaded' && status.state !== 'downloading')) return null;
  const version = status.version ?? '';
  if (status.state === 'downloading') {
    return (
      <div className="shell-update-banner" role="status" data-testid="update-banner" data-state="downloading">
        <span>{t('shell.update.state.downloading', { version, percent: status.percent ?? 0 })}</span>
        <progress max={100} value={status.percent ?? 0} aria-label={t('shell.update.state.downloading', { version, percent: status.percent ?? 0 })} />
      </div>
    );
  }
  return (
    <div className="shell-update-banner ready" role="status" data-testid="update-banner" data-state="downloaded">
      <div className="shell-update-row">
        <strong>{t('shell.update.banner.downloaded', { version })}</strong>
        <span className="muted">{t('shell.update.banner.consent')}</span>
        <span className="shell-update-actions">
          <button type="button" onClick={() => setNotes((n) => !n)} aria-expanded={notes} data-testid="update-notes-toggle">
            {notes ? t('shell.update.hideNotes') : t('shell.update.notes')}
          </button>
          <button type="button" onClick={() => void run('shell:update:dismiss')} disabled={busy} data-testid="update-later">
            {t('shell.update.later')}
          </button>
          <button type="button" className="primary" onClick={() => void run('shell:update:install')} disabled={busy} data-testid="update-install">
            {t('shell.update.install')}
          </button>
        </span>
      </div>
      {notes && (
        <pre className="shell-update-notes" data-testid="update-notes">
          {status.releaseNotes || t('shell.update.noNotes')}
        </pre>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
