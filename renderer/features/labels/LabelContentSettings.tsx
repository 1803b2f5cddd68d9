import { useEffect, useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';

type Values = { showSender: boolean; showOrderNumber: boolean; barcode: string; offsetXMm: number; offsetYMm: number };
const keys: Record<keyof Values, string> = {
  showSender: 'labels.showSender', showOrderNumber: 'labels.showOrderNumber', barcode: 'labels.barcode', offsetXMm: 'labels.offsetXMm', offsetYMm: 'labels.offsetYMm',
};

/** What goes on a label besides the address, and the calibration offset for printers that shift. */
export function LabelContentSettings() {
  const t = useT();
  const [v, setV] = useState<Values | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void Promise.all((Object.keys(keys) as (keyof Values)[]).map((k) => call('settings:get', { key: keys[k] }).then((r) => [k, r.value] as const))).then((pairs) =>
      setV(Object.fromEntries(pairs) as unknown as Values),
    );
  }, []);
  if (!v) return null;
  const save = async (k: keyof Values, value: string | number | boolean) => {
    try {
      const r = await call('settings:set', { key: keys[k], value });
      setV({ ...v, [k]: r.value } as Values);
      setMsg({ kind: 'ok', text: t('labels.settings.saved') });
    } catch (e) {
      setMsg({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="labels-content-settings" data-testid="labels-content-settings">
      <h3>{t('labels.content.title')}</h3>
      <label className="check">
        <input type="checkbox" checked={v.showSender} onChange={(e) => void save('showSender', e.target.checked)} data-testid="labels-showSender" />
        {t('labels.content.sender')}
      </label>
      <label className="check">
        <input type="checkbox" checked={v.showOrderNumber} onChange={(e) => void save('showOrderNumber', e.target.checked)} data-testid="labels-showOrderNumber" />
        {t('labels.content.orderNumber')}
      </label>
      <div className="labels-custom-grid">
        <label className="field">
          <span>{t('labels.content.barcode')}</span>
          <select value={v.barcode} disabled={!v.showOrderNumber} onChange={(e) => void save('barcode', e.target.value)} data-testid="labels-barcode">
            <option value="none">{t('labels.content.barcode.none')}</option>
            <option value="code128">Code 128</option>
            <option value="datamatrix">DataMatrix</option>
          </select>
        </label>
        <label className="field">
          <span>{t('labels.content.offsetX')}</span>
          <input inputMode="decimal" defaultValue={String(v.offsetXMm).replace('.', ',')} onBlur={(e) => void save('offsetXMm', e.target.value)} data-testid="labels-offsetX" />
        </label>
        <label className="field">
          <span>{t('labels.content.offsetY')}</span>
          <input inputMode="decimal" defaultValue={String(v.offsetYMm).replace('.', ',')} onBlur={(e) => void save('offsetYMm', e.target.value)} data-testid="labels-offsetY" />
        </label>
      </div>
      {msg && <p className={msg.kind} role="status">{msg.text}</p>}
    </div>
  );
}
