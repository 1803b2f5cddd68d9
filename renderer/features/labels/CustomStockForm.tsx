import { useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import type { LabelStock } from '../../../shared/labels/stock';

const slug = (s: string) =>
  s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'eigenes-format';

const num = (v: string) => Number(v.replace(',', '.'));

/** The seller's own label sizes: roll, endless tape or an A4 sheet with its grid; built-in ones stay. */
export function CustomStockForm({ stocks, onChanged }: { stocks: LabelStock[]; onChanged(): void }) {
  const t = useT();
  const [f, setF] = useState({ name: '', kind: 'roll' as LabelStock['kind'], width: '', height: '', landscape: false, columns: '3', rows: '8', left: '0', top: '0', gapX: '0', gapY: '0' });
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const own = stocks.filter((s) => s.source === 'custom');
  const set = (k: keyof typeof f) => (e: { target: { value: string; checked?: boolean; type?: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.type === 'checkbox' ? !!e.target.checked : e.target.value }));

  async function save() {
    try {
      const sheet = f.kind === 'sheet'
        ? { pageWidthMm: 210, pageHeightMm: 297, columns: num(f.columns), rows: num(f.rows), marginLeftMm: num(f.left), marginTopMm: num(f.top), gapXMm: num(f.gapX), gapYMm: num(f.gapY) }
        : null;
      const s = await call('labels:stock:save', { id: slug(f.name), name: f.name.trim(), kind: f.kind, widthMm: num(f.width), heightMm: num(f.height), orientation: f.landscape ? 'landscape' : 'portrait', sheet });
      setMsg({ kind: 'ok', text: t('labels.custom.saved', { name: s.name }) });
      onChanged();
    } catch (e) {
      setMsg({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <div className="labels-custom" data-testid="labels-custom">
      <h3>{t('labels.custom.title')}</h3>
      {own.length > 0 && (
        <ul>
          {own.map((s) => (
            <li key={s.id}>
              {s.name} <span className="muted">({s.id})</span>{' '}
              <button type="button" onClick={() => void call('labels:stock:delete', { id: s.id }).then(onChanged)} aria-label={t('labels.custom.delete', { name: s.name })}>
                {t('labels.custom.deleteShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="labels-custom-grid">
        <label className="field"><span>{t('labels.custom.name')}</span><input value={f.name} onChange={set('name')} data-testid="custom-name" /></label>
        <label className="field">
          <span>{t('labels.custom.kind')}</span>
          <select value={f.kind} onChange={set('kind')} data-testid="custom-kind">
            <option value="roll">{t('labels.custom.kind.roll')}</option>
            <option value="endless">{t('labels.custom.kind.endless')}</option>
            <option value="sheet">{t('labels.custom.kind.sheet')}</option>
          </select>
        </label>
        <label className="field"><span>{t('labels.custom.width')}</span><input inputMode="decimal" value={f.width} onChange={set('width')} data-testid="custom-width" /></label>
        <label className="field"><span>{t(f.kind === 'endless' ? 'labels.custom.minLength' : 'labels.custom.height')}</span><input inputMode="decimal" value={f.height} onChange={set('height')} data-testid="custom-height" /></label>
        {f.kind === 'roll' && <label className="check"><input type="checkbox" checked={f.landscape} onChange={set('landscape')} />{t('labels.custom.landscape')}</label>}
        {f.kind === 'sheet' && (
          <>
            <label className="field"><span>{t('labels.custom.columns')}</span><input inputMode="numeric" value={f.columns} onChange={set('columns')} /></label>
            <label className="field"><span>{t('labels.custom.rows')}</span><input inputMode="numeric" value={f.rows} onChange={set('rows')} /></label>
            <label className="field"><span>{t('labels.custom.left')}</span><input inputMode="decimal" value={f.left} onChange={set('left')} /></label>
            <label className="field"><span>{t('labels.custom.top')}</span><input inputMode="decimal" value={f.top} onChange={set('top')} /></label>
            <label className="field"><span>{t('labels.custom.gapX')}</span><input inputMode="decimal" value={f.gapX} onChange={set('gapX')} /></label>
            <label className="field"><span>{t('labels.custom.gapY')}</span><input inputMode="decimal" value={f.gapY} onChange={set('gapY')} /></label>
          </>
        )}
      </div>
      <div className="form-actions">
        <button type="button" onClick={() => void save()} disabled={!f.name.trim() || !f.width || !f.height} data-testid="custom-save">
          {t('labels.custom.add')}
        </button>
        {msg && <span className={msg.kind} role="status" data-testid="custom-status">{msg.text}</span>}
      </div>
    </div>
  );
}
