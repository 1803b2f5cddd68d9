import { useEffect, useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import type { ExportSettings } from '../../../shared/ipc/channels/exports';
import type { ValidationReport } from '../../../shared/einvoice/rules';
import { BOOKING_CASES, REVENUE_ACCOUNTS } from '../../../shared/datev/accounts';
import { fileToBase64 } from '../../app/files';
import { RuleList } from './RuleList';
import './exports.css';

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** Einstellungen → Export & E-Rechnung: DATEV numbers, chart of accounts, fiscal year, e-invoice switch, and a file check. */
export function ExportSettingsSection() {
  const t = useT();
  const [v, setV] = useState<ExportSettings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [check, setCheck] = useState<{ file: string; report: ValidationReport & { embeddedFile: string | null } } | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => void call('exports:settings:get', {}).then(setV), []);
  if (!v) return null;
  const num = (k: keyof ExportSettings) => (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.target.value === '' ? 0 : Number(e.target.value) });
  const acc = REVENUE_ACCOUNTS[v.chart];

  async function save() {
    try {
      setV(await call('exports:settings:save', v!));
      setStatus({ ok: true, text: t('exports.settings.saved') });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  }
  async function validate(file: File) {
    setChecking(true);
    try {
      const report = await call('einvoice:validate', { fileName: file.name, contentBase64: await fileToBase64(file) });
      setCheck({ file: file.name, report });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="exports-settings" data-testid="exports-settings">
      <h3>{t('exports.settings.datev')}</h3>
      <div className="form-grid">
        <label className="field">{t('exports.settings.consultant')}
          <input inputMode="numeric" value={v.consultantNumber || ''} onChange={num('consultantNumber')} data-testid="exports-consultant" />
        </label>
        <label className="field">{t('exports.settings.client')}
          <input inputMode="numeric" value={v.clientNumber || ''} onChange={num('clientNumber')} data-testid="exports-client" />
        </label>
        <label className="field">{t('exports.settings.chart')}
          <select value={v.chart} onChange={(e) => setV({ ...v, chart: e.target.value as ExportSettings['chart'] })} data-testid="exports-chart">
            <option value="SKR03">SKR03</option>
            <option value="SKR04">SKR04</option>
          </select>
        </label>
        <label className="field">{t('exports.settings.fiscalYearStart')}
          <select value={v.fiscalYearStartMonth} onChange={(e) => setV({ ...v, fiscalYearStartMonth: Number(e.target.value) })} data-testid="exports-fy">
            {MONTHS.map((m, i) => <option key={m} value={i + 1}>{m}</option>)}
          </select>
        </label>
        <label className="field">{t('exports.settings.collectiveDebtor')}
          <input inputMode="numeric" value={v.collectiveDebtor} onChange={num('collectiveDebtor')} />
        </label>
        <label className="field">{t('exports.settings.firstB2bDebtor')}
          <input inputMode="numeric" value={v.firstB2bDebtor} onChange={num('firstB2bDebtor')} />
        </label>
        <label className="field">{t('exports.settings.ossBuKey')}
          <input inputMode="numeric" value={v.ossBuKey} onChange={(e) => setV({ ...v, ossBuKey: e.target.value })} />
        </label>
      </div>
      <p className="muted">{t('exports.settings.accountsHint', { chart: v.chart, a19: acc.domestic19, a7: acc.domestic7, ku: acc.kleinunternehmer, oss: acc.oss, ic: acc.intraEu, ex: acc.export, rc: acc.reverseCharge })}</p>
      <fieldset className="exports-accounts">
        <legend>{t('exports.settings.ownAccounts')}</legend>
        <div className="form-grid">
          {BOOKING_CASES.map((c) => (
            <label key={c} className="field">{t(`exports.case.${c}`)}
              <input inputMode="numeric" maxLength={4} placeholder={acc[c]} value={v.accounts[c]}
                onChange={(e) => setV({ ...v, accounts: { ...v.accounts, [c]: e.target.value.trim() } })} data-testid={`exports-account-${c}`} />
            </label>
          ))}
        </div>
      </fieldset>
      <h3>{t('exports.settings.einvoice')}</h3>
      <label className="check">
        <input type="checkbox" checked={v.einvoiceEnabled} onChange={(e) => setV({ ...v, einvoiceEnabled: e.target.checked })} data-testid="exports-einvoice-enabled" />
        {t('exports.settings.einvoiceEnabled')}
      </label>
      <p className="muted">{t('exports.settings.einvoiceHint')}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void save()} data-testid="exports-settings-save">{t('exports.settings.save')}</button>
        {status && <span className={status.ok ? 'ok' : 'error'} role="status" data-testid="exports-settings-status">{status.text}</span>}
      </div>
      <h3>{t('exports.validate.title')}</h3>
      <label className="field">{t('exports.validate.pick')}
        <input type="file" accept=".xml,.pdf,application/xml,text/xml,application/pdf" disabled={checking}
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void validate(f); }} data-testid="exports-validate-file" />
      </label>
      {check && (
        <div role="status" data-testid="exports-validate-result">
          <p className={check.report.valid ? 'ok' : 'error'}>
            {check.report.valid ? `✓ ${t('exports.validate.valid', { file: check.file })}` : `✗ ${t('exports.validate.invalid', { file: check.file, count: check.report.failures.length })}`}
            {check.report.embeddedFile && ` (${t('exports.validate.embedded', { file: check.report.embeddedFile })})`}
          </p>
          <RuleList failures={[...check.report.failures, ...check.report.warnings]} />
        </div>
      )}
    </div>
  );
}
