import { useEffect, useState } from 'react';
import { electronicFormatIBAN, friendlyFormatIBAN, isValidIBAN } from 'ibantools';
import { useT } from '../../app/i18n';
import { call } from '../../ipc/client';
import { IpcError } from '../../../shared/ipc/envelope';
import { useBilling } from './store';

type Form = {
  company: string; holder: string; iban: string; bic: string; street: string; zip: string; city: string; country: string;
  mandateReference: string; mandateDate: string;
};
type Field = keyof Form;
const FIELDS: { key: Field; required: boolean; type?: string }[] = [
  { key: 'company', required: false },
  { key: 'holder', required: true },
  { key: 'iban', required: true },
  { key: 'bic', required: false },
  { key: 'street', required: true },
  { key: 'zip', required: true },
  { key: 'city', required: true },
  { key: 'country', required: true },
  { key: 'mandateReference', required: true },
  { key: 'mandateDate', required: true, type: 'date' },
];

/** Billing address and SEPA direct debit mandate; the IBAN is checked as typed (ibantools), main checks again. */
export function BillingDetailsForm({ today }: { today: string }) {
  const t = useT();
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void call('billing:details:get', {}).then(({ details: d, suggestedMandateReference }) =>
      setForm(
        d
          ? { ...d, iban: friendlyFormatIBAN(d.iban) ?? d.iban }
          : { company: '', holder: '', iban: '', bic: '', street: '', zip: '', city: '', country: 'DE', mandateReference: suggestedMandateReference, mandateDate: today },
      ),
    );
  }, [today]);
  if (!form) return <p>{t('common.loading')}</p>;

  const set = (k: Field, v: string) => {
    setForm({ ...form, [k]: v });
    setStatus(null);
    if (errors[k]) setErrors({ ...errors, [k]: undefined });
  };

  const save = async () => {
    const errs: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) if (f.required && !form[f.key].trim()) errs[f.key] = t('billing.details.required');
    if (form.iban.trim() && !isValidIBAN(electronicFormatIBAN(form.iban) ?? '')) errs.iban = t('billing.details.ibanInvalid');
    if (Object.keys(errs).length) {
      setErrors(errs);
      setStatus({ kind: 'error', text: t('billing.details.invalid') });
      return;
    }
    try {
      await call('billing:details:save', form);
      setErrors({});
      setStatus({ kind: 'ok', text: t('billing.details.saved') });
      await useBilling.getState().refresh();
    } catch (e) {
      const field = e instanceof IpcError ? (e.details as { field?: Field } | undefined)?.field : undefined;
      if (field) setErrors({ [field]: e instanceof Error ? e.message : String(e) });
      setStatus({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-labelledby="billing-details-title" data-testid="billing-details">
      <h2 id="billing-details-title">{t('billing.details.title')}</h2>
      <p className="muted">{t('billing.details.hint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="form-grid">
          {FIELDS.map((f) => (
            <label key={f.key} className={`field${errors[f.key] ? ' invalid' : ''}`}>
              {t(`billing.details.${f.key}`)}
              {f.required ? ' *' : ''}
              <input
                type={f.type ?? 'text'}
                value={form[f.key]}
                onChange={(e) => set(f.key, e.target.value)}
                aria-invalid={!!errors[f.key]}
                data-testid={`billing-${f.key}`}
              />
              {errors[f.key] && <span className="error">{errors[f.key]}</span>}
            </label>
          ))}
        </div>
        <p className="muted">{t('billing.details.mandateText')}</p>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="billing-save">
            {t('billing.details.save')}
          </button>
          {status && (
            <span className={status.kind} role="status" data-testid="billing-status">
              {status.text}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
