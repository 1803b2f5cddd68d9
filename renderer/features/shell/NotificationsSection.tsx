import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { call } from '../../ipc/client';
import type { NotificationSettings } from '../../../shared/ipc/channels/shell';

const categories = ['jobs', 'trial', 'sync', 'balance'] as const;

/** Einstellungen → "Benachrichtigungen": one switch for all, one per kind; saved at once. */
export function NotificationsSection() {
  const t = useT();
  const [s, setS] = useState<NotificationSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('shell:notifications:get', {}).then(setS, (e: Error) => setError(e.message));
  }, []);
  if (!s) return error ? <div className="error">{error}</div> : null;

  const change = async (patch: Partial<NotificationSettings>) => {
    const before = s;
    // The box follows the click at once; main's answer (or the old state on an error) settles it.
    setS({ ...s, ...patch });
    setSaved(false);
    setError(null);
    try {
      setS(await call('shell:notifications:set', patch));
      setSaved(true);
    } catch (e) {
      setS(before);
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="shell-notifications" data-testid="shell-notifications">
      <p className="muted">{t('shell.notifications.hint')}</p>
      <label className="check">
        <input type="checkbox" checked={s.enabled} onChange={(e) => void change({ enabled: e.target.checked })} data-testid="notify-enabled" />
        {t('shell.notifications.enabled')}
      </label>
      <div className="shell-notify-categories">
        {categories.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={s[c]} disabled={!s.enabled} onChange={(e) => void change({ [c]: e.target.checked })} data-testid={`notify-${c}`} />
            {t(`shell.notifications.${c}`)}
          </label>
        ))}
      </div>
      <div role="status" className="ok" data-testid="notify-status">
        {saved ? t('shell.saved') : ''}
      </div>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
