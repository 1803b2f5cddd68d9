import { useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { berlinMonth } from '../../../shared/format';
import type { ExportKind, ExportResult } from '../../../shared/ipc/channels/exports';
import { downloadBase64 } from '../../app/files';
import './exports.css';

const KINDS: ExportKind[] = ['datev', 'csv-invoices', 'csv-orders', 'pdf-zip'];

/** Month-end routine: in the first half of a month the seller exports the month before. */
function defaultMonth(now = new Date()): string {
  const day = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', day: '2-digit' }).format(now));
  if (day > 15) return berlinMonth(now);
  const [y, m] = berlinMonth(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The toolbar's Export: the selected orders or a whole month, as DATEV, CSV or a PDF ZIP. */
export function ExportDialog({ orderIds, onClose }: { orderIds: number[]; onClose(): void }) {
  const t = useT();
  const [scope, setScope] = useState<'selection' | 'month'>(orderIds.length ? 'selection' : 'month');
  const [month, setMonth] = useState(defaultMonth);
  const [kind, setKind] = useState<ExportKind>('datev');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState<ExportResult | null>(null);

  async function run() {
    setBusy(true);
    setError('');
    setResult(null);
    try {
      const r = await call('exports:run', { kind, scope: scope === 'selection' ? { orderIds } : monthRange(month) });
      setResult(r);
      if (r.contentBase64) downloadBase64(r.fileName, r.mimeType, r.contentBase64);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="exports-dialog" role="dialog" aria-modal="true" aria-labelledby="exports-dialog-title" data-testid="exports-dialog"
      onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <h2 id="exports-dialog-title">{t('exports.dialog.title')}</h2>
      <fieldset>
        <legend>{t('exports.dialog.period')}</legend>
        <label className="check">
          <input type="radio" name="exports-scope" checked={scope === 'selection'} disabled={!orderIds.length} onChange={() => setScope('selection')} data-testid="exports-scope-selection" />
          {t('exports.dialog.selection', { count: orderIds.length })}
        </label>
        <label className="check">
          <input type="radio" name="exports-scope" checked={scope === 'month'} onChange={() => setScope('month')} data-testid="exports-scope-month" />
          {t('exports.dialog.month')}
          <input type="month" aria-label={t('exports.month.label')} value={month} onChange={(e) => { setMonth(e.target.value); setScope('month'); }} data-testid="exports-month" />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('exports.dialog.kind')}</legend>
        {KINDS.map((k) => (
          <label key={k} className="check">
            <input type="radio" name="exports-kind" checked={kind === k} onChange={() => setKind(k)} data-testid={`exports-kind-${k}`} />
            {t(`exports.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <p className="muted">{t('exports.dialog.fee')}</p>
      {error && <p className="error" role="alert" data-testid="exports-error">{error}</p>}
      {result && (
        <div className="ok" role="status" data-testid="exports-result">
          <p>{t('exports.result.done', { file: result.fileName, rows: result.rows, orders: result.orderCount, path: result.path })}</p>
          {result.kind === 'datev' && <p>✓ {t('exports.result.datevChecked')}</p>}
          {result.contentBase64 && <button type="button" onClick={() => downloadBase64(result.fileName, result.mimeType, result.contentBase64)}>{t('exports.result.download')}</button>}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void run()} data-testid="exports-run">
          {busy ? t('exports.dialog.running') : t('exports.dialog.run')}
        </button>
        <button type="button" onClick={onClose} data-testid="exports-close">{result ? t('exports.dialog.close') : t('exports.dialog.cancel')}</button>
      </div>
    </div>
  );
}
