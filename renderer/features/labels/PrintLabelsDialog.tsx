import { useEffect, useRef, useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import type { LabelPreview } from '../../../shared/ipc/channels/labels';
import type { LabelStock } from '../../../shared/labels/stock';
import type { JobView } from '../../../shared/domain/job';
import { LabelPreviewSvg } from './LabelPreviewSvg';
import { StartPositionPicker } from './StartPositionPicker';
import { NoticeList } from './NoticeList';
import { printerSupportsSize } from '../../../shared/labels/media';
import './labels.css';

type Printer = { name: string; description: string; isDefault: boolean; media: string[] };

/**
 * 'Etiketten drucken' for a selection: stock, start position on sheets, printer, a true-to-scale
 * preview, and the address warnings that must be confirmed. Printing itself is a background job.
 */
export function PrintLabelsDialog({ orderIds, onClose, onStarted }: { orderIds: number[]; onClose(): void; onStarted(job: JobView): void }) {
  const t = useT();
  const [stocks, setStocks] = useState<LabelStock[]>([]);
  const [printers, setPrinters] = useState<Printer[]>([]);
  const [stockId, setStockId] = useState('');
  const [printer, setPrinter] = useState<string | null>(null);
  const [start, setStart] = useState(1);
  const [preview, setPreview] = useState<LabelPreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    void (async () => {
      try {
        const [s, choices, p] = await Promise.all([call('labels:stock:list', {}), call('printing:choices:get', {}), call('printing:printers', {})]);
        setStocks(s);
        setPrinters(p.printers);
        setStockId(choices.label?.stockId || s[0]?.id || '');
        setPrinter(choices.label?.printer ?? '');
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    })();
    first.current?.focus();
  }, []);

  const stock = stocks.find((s) => s.id === stockId);
  useEffect(() => {
    if (!stockId) return;
    let stale = false;
    call('labels:preview', { orderIds, stockId, startPosition: stock?.sheet ? start : undefined })
      .then((p) => !stale && (setPreview(p), setError('')))
      .catch((e: unknown) => !stale && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      stale = true;
    };
  }, [orderIds, stockId, start, stock?.sheet]);

  const blocking = preview?.blockingOrders ?? 0;
  const page0 = preview?.pages[0];
  const chosen = printers.find((p) => p.name === printer);
  const mediaOk = chosen && page0 ? printerSupportsSize(chosen.media, { width: page0.widthMm, height: page0.heightMm }) : null;
  const canPrint = !!preview && !busy && (blocking === 0 || confirmed);

  async function print() {
    if (!canPrint) return;
    setBusy(true);
    setError('');
    try {
      const job = await call('labels:print', {
        orderIds, stockId, startPosition: stock?.sheet ? start : undefined, printer: printer ?? undefined, confirmWarnings: confirmed,
      });
      onStarted(job);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <div className="labels-backdrop" role="presentation">
    <div
      className="labels-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="labels-dialog-title"
      data-testid="labels-dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h2 id="labels-dialog-title">
        {t('labels.dialog.title')} <span className="muted">· {t('labels.dialog.count', { count: orderIds.length })}{preview?.sheets ? ` · ${t('labels.dialog.sheets', { sheets: preview.sheets })}` : ''}</span>
      </h2>
      <div className="labels-dialog-body">
        <div className="labels-dialog-form">
          <label className="field">
            <span>{t('labels.stock')}</span>
            <select ref={first} value={stockId} onChange={(e) => (setStockId(e.target.value), setStart(1))} data-testid="labels-stock">
              {stocks.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          {stock?.sheet && <StartPositionPicker stock={stock} value={start} onChange={setStart} />}
          <label className="field">
            <span>{t('labels.printer')}</span>
            <select value={printer ?? ''} onChange={(e) => setPrinter(e.target.value)} data-testid="labels-printer">
              <option value="">{t('labels.printer.none')}</option>
              {printer && !printers.some((p) => p.name === printer) && <option value={printer}>{printer}</option>}
              {printers.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.description && p.description !== p.name ? `${p.name} – ${p.description}` : p.name}
                </option>
              ))}
            </select>
          </label>
          {mediaOk === false && page0 && (
            <p className="warn" role="note" data-testid="labels-media-warning">
              ⚠ {t('labels.media.unknown', { printer: printer ?? '', size: `${page0.widthMm.toLocaleString('de-DE')} × ${page0.heightMm.toLocaleString('de-DE')} mm` })}
            </p>
          )}
          {preview && preview.notices.length > 0 && (
            <section className="labels-warnings" aria-label={t('labels.warnings.title', { count: blocking })} data-testid="labels-warnings">
              {blocking > 0 && (
                <>
                  <h3 className="warn">⚠ {t('labels.warnings.title', { count: blocking })}</h3>
                  <p>{t('labels.warnings.hint')}</p>
                </>
              )}
              {blocking === 0 && <h3>{t('labels.warnings.notes')}</h3>}
              <NoticeList notices={preview.notices} />
              {blocking > 0 && (
                <label className="check">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="labels-confirm" />
                  {t('labels.warnings.confirm')}
                </label>
              )}
            </section>
          )}
          {error && (
            <p className="error" role="alert" data-testid="labels-error">
              {error}
            </p>
          )}
        </div>
        <div className="labels-dialog-preview">
          <h3>{t('labels.preview')}</h3>
          {!preview && !error && <p className="muted" aria-live="polite">{t('common.loading')}</p>}
          {preview && <LabelPreviewSvg preview={preview} maxWidthPx={preview.stock.sheet ? 460 : 520} maxHeightPx={preview.stock.sheet ? 650 : 380} />}
          {preview && preview.layouts.length < preview.total && <p className="muted">{t('labels.preview.more')}</p>}
        </div>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!canPrint} onClick={() => void print()} data-testid="labels-print">
          {busy ? t('labels.printing') : t('labels.print')}
        </button>
      </div>
    </div>
    </div>
  );
}
