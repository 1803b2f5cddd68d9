import { useCallback, useEffect, useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { formatCents, formatDate } from '../../../shared/format';
import type { DocumentRef } from '../../../shared/ipc/channels/documents';
import { base64ToBlobUrl, downloadBase64 } from '../../app/files';

/** Order detail: the order's invoices, cancellation invoices and delivery notes — open, save, print, cancel. */
export function DocumentsDetailSection({ orderId, refresh }: { orderId: number; refresh(): void }) {
  const t = useT();
  const [docs, setDocs] = useState<DocumentRef[]>([]);
  const [open, setOpen] = useState<{ number: string; url: string } | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => void call('documents:list', { orderId }).then(setDocs).catch(() => setDocs([])), [orderId]);
  useEffect(load, [load]);
  useEffect(() => () => (open ? URL.revokeObjectURL(open.url) : undefined), [open]);

  async function run(fn: () => Promise<string | void>) {
    setBusy(true);
    setMessage(null);
    try {
      const text = await fn();
      if (text) setMessage({ text, error: false });
      load();
      refresh();
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  }

  const toggleOpen = (number: string) =>
    run(async () => {
      if (open?.number === number) return setOpen(null);
      const p = await call('documents:pdf', { number });
      setOpen({ number, url: base64ToBlobUrl(p.base64, 'application/pdf') });
    });
  const save = (number: string) => run(async () => {
    const p = await call('documents:pdf', { number });
    downloadBase64(p.fileName, 'application/pdf', p.base64);
  });
  const print = (number: string) =>
    run(async () => {
      const r = await call('documents:print', { numbers: [number] });
      return r.printed ? t('documents.print.printed', { printer: r.printer ?? '' }) : t('documents.print.saved', { path: r.savedTo });
    });
  const cancel = (number: string) =>
    run(async () => {
      const st = await call('documents:cancel', { number });
      setConfirm(null);
      return `${t('documents.kind.cancellation')} ${st.number}`;
    });

  const hasInvoice = docs.some((d) => d.kind === 'invoice' && !d.cancelledBy);
  const hasNote = docs.some((d) => d.kind === 'delivery_note');
  return (
    <section className="documents-detail" aria-label={t('documents.detail.title')} data-testid="documents-detail">
      <h3>{t('documents.detail.title')}</h3>
      {docs.length === 0 && <p className="muted">{t('documents.detail.none')}</p>}
      <ul className="documents-list">
        {docs.map((d) => (
          <li key={d.number} data-testid={`document-${d.number}`} data-kind={d.kind}>
            <div className="documents-row">
              <strong>{t(`documents.kind.${d.kind}`)} {d.number}</strong>
              <span>{formatDate(`${d.issueDate}T12:00:00Z`)}</span>
              {d.kind !== 'delivery_note' && <span className="num">{formatCents(d.grossCents, d.currency)}</span>}
              {d.kind === 'invoice' && (
                <span className={`badge ${d.cancelledBy ? 'doc-cancelled' : 'doc-valid'}`}>
                  {d.cancelledBy ? t('documents.detail.cancelled', { number: d.cancelledBy }) : t('documents.detail.valid')}
                </span>
              )}
              {d.kind === 'cancellation' && d.cancels && <span className="badge doc-cancelled">{t('documents.detail.cancels', { number: d.cancels })}</span>}
            </div>
            {d.taxCase && <div className="muted" title={d.taxCaseReason ?? ''}>{t('documents.detail.taxCase', { case: t(`documents.taxCase.${d.taxCase}`) })}</div>}
            <div className="documents-actions">
              <button type="button" disabled={busy} onClick={() => void toggleOpen(d.number)} data-testid={`document-open-${d.number}`}>
                {open?.number === d.number ? t('documents.detail.hide') : t('documents.detail.open')}
              </button>
              <button type="button" disabled={busy} onClick={() => void save(d.number)}>
                {t('documents.detail.save')}
              </button>
              <button type="button" disabled={busy} onClick={() => void print(d.number)} data-testid={`document-print-${d.number}`}>
                {t('documents.detail.print')}
              </button>
              {d.kind === 'invoice' && !d.cancelledBy && (
                <button type="button" disabled={busy} onClick={() => setConfirm(d.number)} data-testid={`document-cancel-${d.number}`}>
                  {t('documents.detail.cancel')}
                </button>
              )}
            </div>
            {confirm === d.number && (
              <div className="documents-confirm warn" role="alertdialog" aria-label={t('documents.detail.cancel')}>
                <p>{t('documents.detail.cancelConfirm', { number: d.number })}</p>
                <button type="button" className="primary" disabled={busy} onClick={() => void cancel(d.number)} data-testid="document-cancel-confirm">
                  {t('documents.detail.cancelDo')}
                </button>
                <button type="button" onClick={() => setConfirm(null)}>
                  {t('documents.dialog.cancel')}
                </button>
              </div>
            )}
            {open?.number === d.number && <iframe className="documents-preview" src={open.url} title={`${d.number}`} data-testid={`document-view-${d.number}`} />}
          </li>
        ))}
      </ul>
      {message && (
        <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} data-testid="documents-detail-message">
          {message.text}
        </p>
      )}
      <div className="form-actions">
        {!hasInvoice && (
          <button type="button" disabled={busy} onClick={() => void run(async () => void (await call('documents:createInvoices', { orderIds: [orderId] })))} data-testid="documents-create-invoice">
            {t('documents.detail.createInvoice')}
          </button>
        )}
        {!hasNote && (
          <button type="button" disabled={busy} onClick={() => void run(async () => void (await call('documents:createDeliveryNotes', { orderIds: [orderId] })))}>
            {t('documents.detail.createDeliveryNote')}
          </button>
        )}
      </div>
    </section>
  );
}
