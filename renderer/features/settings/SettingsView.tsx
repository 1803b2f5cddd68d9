import { useEffect, useState, type ChangeEvent } from 'react';
import { friendlyFormatIBAN } from 'ibantools';
import { CompanySettings, type CompanySettings as Company } from '../../../shared/domain/settings';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { IpcError } from '../../../shared/ipc/envelope';
import { settingsSections } from '../../app/contributions';

type FieldErrors = Partial<Record<keyof Company, string>>;
type TextField = Exclude<keyof Company, 'kleinunternehmer' | 'logoDataUrl'>;

const groups: { titleKey: string; fields: TextField[] }[] = [
  { titleKey: 'settings.company', fields: ['companyName', 'ownerName', 'street', 'zip', 'city', 'country', 'email', 'phone'] },
  { titleKey: 'settings.tax', fields: ['vatId', 'taxNumber'] },
  { titleKey: 'settings.bank', fields: ['bankAccountHolder', 'iban', 'bic', 'bankName'] },
];

/** The seller's company data, checked as typed with the same rules main applies. */
export function SettingsView() {
  const t = useT();
  const [form, setForm] = useState<Company | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    // IBAN shown in groups of four, as printed on a bank card; saved without spaces.
    void call('settings:company:get', {}).then((c) => setForm({ ...c, iban: friendlyFormatIBAN(c.iban) ?? c.iban }));
  }, []);
  if (!form) return <p>{t('common.loading')}</p>;

  const set = <K extends keyof Company>(key: K, value: Company[K]) => {
    setForm({ ...form, [key]: value });
    setStatus(null);
    if (errors[key]) setErrors({ ...errors, [key]: undefined });
  };

  const onLogo = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => set('logoDataUrl', String(reader.result));
    reader.readAsDataURL(file);
  };

  const save = async () => {
    const check = CompanySettings.safeParse(form);
    if (!check.success) {
      const errs: FieldErrors = {};
      for (const i of check.error.issues) errs[i.path[0] as keyof Company] = t(i.message);
      setErrors(errs);
      setStatus({ kind: 'error', text: t('settings.invalid') });
      return;
    }
    try {
      const saved = await call('settings:company:save', check.data);
      setForm({ ...saved, iban: friendlyFormatIBAN(saved.iban) ?? saved.iban });
      setErrors({});
      setStatus({ kind: 'ok', text: t('settings.saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof IpcError ? e.message : String(e) });
    }
  };

  return (
    <div className="settings">
    <form
      className="settings-company"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h1>{t('settings.title')}</h1>
      <p className="muted">{t('settings.company.hint')}</p>
      {groups.map((g) => (
        <fieldset key={g.titleKey}>
          <legend>{t(g.titleKey)}</legend>
          <div className="form-grid">
            {g.fields.map((f) => (
              <label key={f} className={errors[f] ? 'field invalid' : 'field'}>
                <span>{t(`settings.${f}`)}</span>
                <input
                  name={f}
                  data-testid={`settings-${f}`}
                  value={String(form[f] ?? '')}
                  aria-invalid={errors[f] ? true : undefined}
                  aria-describedby={errors[f] ? `${f}-error` : undefined}
                  onChange={(e) => set(f, e.target.value as Company[typeof f])}
                />
                {errors[f] && (
                  <small id={`${f}-error`} className="error">
                    {errors[f]}
                  </small>
                )}
              </label>
            ))}
          </div>
          {g.titleKey === 'settings.tax' && (
            <label className="check">
              <input
                type="checkbox"
                data-testid="settings-kleinunternehmer"
                checked={form.kleinunternehmer}
                onChange={(e) => set('kleinunternehmer', e.target.checked)}
              />
              {t('settings.kleinunternehmer')}
            </label>
          )}
        </fieldset>
      ))}
      <fieldset>
        <legend>{t('settings.logo')}</legend>
        {form.logoDataUrl && <img className="logo-preview" src={form.logoDataUrl} alt={t('settings.logo')} />}
        <label className="field">
          <span>{t('settings.logo.choose')}</span>
          <input type="file" accept="image/png,image/jpeg" onChange={onLogo} data-testid="settings-logo" />
        </label>
        {errors.logoDataUrl && <small className="error">{errors.logoDataUrl}</small>}
        {form.logoDataUrl && (
          <button type="button" onClick={() => set('logoDataUrl', '')}>
            {t('settings.logo.remove')}
          </button>
        )}
      </fieldset>
      <label className="field wide">
        <span>{t('settings.invoiceFooter')}</span>
        <textarea value={form.invoiceFooter} onChange={(e) => set('invoiceFooter', e.target.value)} rows={2} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="settings-save">
          {t('common.save')}
        </button>
        {status && (
          <span role="status" className={status.kind === 'ok' ? 'ok' : 'error'} data-testid="settings-status">
            {status.text}
          </span>
        )}
      </div>
    </form>
      {settingsSections.map(({ id, titleKey, Component }) => (
        <section key={id} className="settings-section" aria-label={t(titleKey)}>
          <h2>{t(titleKey)}</h2>
          <Component />
        </section>
      ))}
    </div>
  );
}
