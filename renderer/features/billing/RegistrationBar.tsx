import { useState, type FormEvent } from 'react';
import { useT } from '../../app/i18n';
import { call } from '../../ipc/client';
import { IpcError } from '../../../shared/ipc/envelope';
import { useBilling } from './store';

/**
 * First start: name and e-mail start the 30-day trial. Not modal — it sits at the bottom of the window
 * so the seller can look around first; "Später" hides it for this session.
 */
export function RegistrationBar() {
  const t = useT();
  const trial = useBilling((s) => s.trial);
  const dismissed = useBilling((s) => s.registrationDismissed);
  const dismiss = useBilling((s) => s.dismissRegistration);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!trial || trial.registered || dismissed) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const s = await call('billing:register', { name, email });
      useBilling.setState({ trial: s });
      setError(null);
    } catch (err) {
      setError(err instanceof IpcError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="billing-register" role="dialog" aria-modal="false" aria-labelledby="billing-register-title" data-testid="registration-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <div>
          <strong id="billing-register-title">{t('billing.register.title')}</strong>
          <div className="muted">{t('billing.register.text', { days: trial.daysLeft })}</div>
        </div>
        <label className="field">
          {t('billing.register.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" data-testid="register-name" required />
        </label>
        <label className="field">
          {t('billing.register.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" data-testid="register-email" required />
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="register-submit">
          {t('billing.register.submit')}
        </button>
        <button type="button" onClick={dismiss}>
          {t('billing.register.later')}
        </button>
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
      </form>
    </section>
  );
}
