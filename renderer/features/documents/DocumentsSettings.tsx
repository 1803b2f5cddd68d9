import { useEffect, useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { formatCents } from '../../../shared/format';
import type { Res } from '../../../shared/ipc/contract';

type View = Res<'documents:settings'>;
type Gaps = Res<'documents:gaps'>;

/** Einstellungen → Rechnungen und Lieferscheine: numbering, layout, OSS with its threshold status, gap report. */
export function DocumentsSettings() {
  const t = useT();
  const [v, setV] = useState<View | null>(null);
  const [gaps, setGaps] = useState<Gaps>([]);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    void call('documents:settings', {}).then(setV);
    void call('documents:gaps', {}).then(setGaps);
  }, []);
  if (!v) return null;
  const set = <K extends keyof View>(k: K, val: View[K]) => setV({ ...v, [k]: val });

  async function save() {
    if (!v) return;
    try {
      const saved = await call('documents:saveSettings', {
        numberPattern: v.numberPattern, deliveryNotePattern: v.deliveryNotePattern, letterForm: v.letterForm, deliveryNotePrices: v.deliveryNotePrices,
        ossMode: v.ossMode, ossExternalSalesCents: v.ossExternalSalesCents, ossReducedRates: v.ossReducedRates, defaultVatRate: v.defaultVatRate,
      });
      setV(saved);
      setStatus({ text: t('documents.settings.saved'), error: false });
    } catch (e) {
      setStatus({ text: (e as Error).message, error: true });
    }
  }

  const o = v.oss;
  const ossClass = o.exceeded ? (v.ossMode === 'off' ? 'warn' : 'ok') : 'muted';
  const ossText = o.exceeded ? t(v.ossMode === 'off' ? 'documents.settings.ossExceededOff' : 'documents.settings.ossExceeded') : t('documents.settings.ossBelow');
  return (
    <div className="documents-settings" data-testid="documents-settings">
      <div className="form-grid">
        <label className="field">
          {t('documents.settings.numberPattern')}
          <input value={v.numberPattern} onChange={(e) => set('numberPattern', e.target.value)} data-testid="documents-settings-pattern" />
          <small className="muted">{t('documents.settings.patternHelp', { next: v.nextInvoiceNumber })}</small>
        </label>
        <label className="field">
          {t('documents.settings.deliveryNotePattern')}
          <input value={v.deliveryNotePattern} onChange={(e) => set('deliveryNotePattern', e.target.value)} />
          <small className="muted">{t('documents.settings.patternHelp', { next: v.nextDeliveryNoteNumber })}</small>
        </label>
        <label className="field">
          {t('documents.settings.letterForm')}
          <select value={v.letterForm} onChange={(e) => set('letterForm', e.target.value as 'A' | 'B')}>
            <option value="B">{t('documents.settings.formB')}</option>
            <option value="A">{t('documents.settings.formA')}</option>
          </select>
        </label>
        <label className="field">
          {t('documents.settings.defaultVatRate')}
          <select value={v.defaultVatRate} onChange={(e) => set('defaultVatRate', Number(e.target.value))}>
            <option value={19}>19 %</option>
            <option value={7}>7 %</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={v.deliveryNotePrices} onChange={(e) => set('deliveryNotePrices', e.target.checked)} />
          {t('documents.settings.deliveryNotePrices')}
        </label>
        <label className="field">
          {t('documents.settings.ossMode')}
          <select value={v.ossMode} onChange={(e) => set('ossMode', e.target.value as View['ossMode'])} data-testid="documents-settings-oss">
            <option value="auto">{t('documents.settings.oss.auto')}</option>
            <option value="always">{t('documents.settings.oss.always')}</option>
            <option value="off">{t('documents.settings.oss.off')}</option>
          </select>
        </label>
        <label className="field">
          {t('documents.settings.ossExternal')}
          <input
            type="number"
            min={0}
            step="0.01"
            value={v.ossExternalSalesCents / 100}
            onChange={(e) => set('ossExternalSalesCents', Math.round(Number(e.target.value) * 100))}
          />
        </label>
        <label className="field">
          {t('documents.settings.ossReducedRates')}
          <input value={v.ossReducedRates} onChange={(e) => set('ossReducedRates', e.target.value)} />
        </label>
      </div>
      <div className="documents-oss" data-testid="documents-oss-status">
        <meter min={0} max={o.thresholdCents} value={Math.min(o.currentYearCents, o.thresholdCents)} aria-label={t('documents.settings.ossMode')} />
        <span>{t('documents.settings.ossStatus', { prev: formatCents(o.previousYearCents), cur: formatCents(o.currentYearCents), limit: formatCents(o.thresholdCents) })}</span>
        <span className={ossClass}>{ossText}</span>
      </div>
      {v.kleinunternehmer && (
        <div className="documents-oss" data-testid="documents-ku-status">
          <meter min={0} max={v.kleinunternehmer.limitCents} high={v.kleinunternehmer.limitCents * 0.9} value={v.kleinunternehmer.currentYearCents} aria-label={t('documents.settings.kuStatus', { cur: '', limit: '' })} />
          <span className={v.kleinunternehmer.currentYearCents > v.kleinunternehmer.limitCents * 0.9 ? 'warn' : 'muted'}>
            {t('documents.settings.kuStatus', { cur: formatCents(v.kleinunternehmer.currentYearCents), limit: formatCents(v.kleinunternehmer.limitCents) })}
          </span>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void save()} data-testid="documents-settings-save">
          {t('documents.settings.save')}
        </button>
        {status && (
          <span className={status.error ? 'error' : 'ok'} role="status">
            {status.text}
          </span>
        )}
      </div>
      <h4>{t('documents.settings.gaps')}</h4>
      {gaps.length === 0 ? (
        <p className="muted">{t('documents.settings.noGaps')}</p>
      ) : (
        <ul className="warn" data-testid="documents-gaps">
          {gaps.map((g) => (
            <li key={g.from}>{t('documents.settings.gap', { from: g.from, to: g.to, count: g.count, cause: g.cause })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
