import { useCallback, useEffect, useState } from 'react';
import { call, onEvent } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { formatDateTime } from '../../../shared/format';
import type { EInvoiceStatus } from '../../../shared/ipc/channels/exports';
import { downloadBase64 } from '../../app/files';
import { RuleList } from './RuleList';
import './exports.css';

const STATE_CLASS = { issued: 'ok', rejected: 'error', none: 'muted' } as const;

/** Order detail: the e-invoice of each of the order's invoices — state in colour and words, failed rules, downloads. */
export function EInvoiceDetailSection({ orderId }: { orderId: number; refresh(): void }) {
  const t = useT();
  const [items, setItems] = useState<EInvoiceStatus[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => void call('einvoice:forOrder', { orderId }).then(setItems).catch(() => setItems([])), [orderId]);
  useEffect(load, [load]);
  useEffect(() => onEvent('einvoice:changed', (e) => { if (e.orderId === orderId) load(); }), [orderId, load]);

  async function create(number: string) {
    setBusy(number);
    setError('');
    try {
      const s = await call('einvoice:create', { invoiceNumber: number });
      setItems((prev) => prev.map((i) => (i.invoiceNumber === number ? s : i)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }
  async function download(number: string, format: 'xml' | 'pdf') {
    try {
      const f = await call('einvoice:download', { invoiceNumber: number, format });
      downloadBase64(f.fileName, f.mimeType, f.contentBase64);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="exports-einvoice" aria-label={t('exports.einvoice.title')} data-testid="einvoice-detail">
      <h3>{t('exports.einvoice.title')}</h3>
      {items.length === 0 && <p className="muted">{t('exports.einvoice.none')}</p>}
      <ul>
        {items.map((s) => (
          <li key={s.invoiceNumber} data-testid={`einvoice-${s.invoiceNumber}`}>
            <div className="exports-einvoice-head">
              <span>{t(`exports.einvoice.kind.${s.kind}`)} {s.invoiceNumber}</span>
              <span className={`badge ${STATE_CLASS[s.state]}`} data-testid="einvoice-state">
                {s.state === 'issued' ? '✓ ' : s.state === 'rejected' ? '✗ ' : ''}{t(`exports.einvoice.state.${s.state}`)}
              </span>
              {s.profile && <span className="muted">{t(`exports.einvoice.profile.${s.profile}`)}</span>}
              {s.createdAt && <span className="muted">{formatDateTime(s.createdAt)}</span>}
            </div>
            {s.state === 'rejected' && (
              <>
                <p className="error">{t('exports.einvoice.failures')}</p>
                <RuleList failures={s.failures} testId="einvoice-failures" />
                <p className="muted">{t('exports.einvoice.rejectedHint')}</p>
              </>
            )}
            {s.warnings.length > 0 && (
              <details>
                <summary>{t('exports.einvoice.warnings')} ({s.warnings.length})</summary>
                <RuleList failures={s.warnings} />
              </details>
            )}
            <div className="form-actions">
              {s.state === 'issued' ? (
                <>
                  <button type="button" onClick={() => void download(s.invoiceNumber, 'xml')} data-testid="einvoice-xml">{t('exports.einvoice.xml')}</button>
                  <button type="button" onClick={() => void download(s.invoiceNumber, 'pdf')} data-testid="einvoice-pdf">{t('exports.einvoice.pdf')}</button>
                </>
              ) : (
                <button type="button" disabled={busy !== null} onClick={() => void create(s.invoiceNumber)} data-testid="einvoice-create">
                  {busy === s.invoiceNumber ? t('exports.einvoice.busy') : s.state === 'rejected' ? t('exports.einvoice.retry') : t('exports.einvoice.create')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
