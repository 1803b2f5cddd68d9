import { useEffect, useState } from 'react';
import { call, onEvent } from '../../ipc/client';
import { useT } from '../../app/i18n';
import type { JobView } from '../../../shared/domain/job';
import { base64ToBlobUrl, downloadBase64 } from '../../app/files';
import { Dialog } from '../../app/Dialog';

type Result = { combinedPath: string; printed: boolean; printer: string | null; reason: string | null } | null;

/**
 * 'Rechnung + Lieferschein' for the selection: a preview of the first order's invoice before
 * anything is issued, then the batch job with its progress, and at the end the combined PDF to open
 * or save (or the printer it went to).
 */
export function PrintDocumentsDialog({ orderIds, onClose, onDone }: { orderIds: number[]; onClose(): void; onDone?(): void }) {
  const t = useT();
  const [invoice, setInvoice] = useState(true);
  const [deliveryNote, setDeliveryNote] = useState(true);
  const [preview, setPreview] = useState<{ url: string; issued: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [combined, setCombined] = useState<{ url: string; base64: string; fileName: string } | null>(null);
  const first = orderIds[0]!;

  useEffect(() => {
    let url = '';
    setPreview(null);
    const kind = invoice || !deliveryNote ? 'invoice' : 'delivery_note';
    call('documents:preview', { orderId: first, kind })
      .then((p) => {
        url = base64ToBlobUrl(p.base64, 'application/pdf');
        setPreview({ url, issued: p.issued });
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [first, invoice, deliveryNote]);

  useEffect(() => {
    if (!job) return;
    return onEvent('job:progress', (j) => {
      if (j.id !== job.id) return;
      setJob(j);
      if (j.state === 'done' || j.state === 'cancelled' || j.state === 'failed') onDone?.();
    });
  }, [job?.id]);

  async function start() {
    setError(null);
    try {
      setJob(await call('documents:startBatch', { orderIds, invoice, deliveryNote, print: true }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function openCombined() {
    if (!job) return;
    const p = await call('documents:batchPdf', { jobId: job.id });
    setCombined({ url: base64ToBlobUrl(p.base64, 'application/pdf'), base64: p.base64, fileName: p.fileName });
  }

  const result = (job?.result ?? null) as Result;
  const finished = job && (job.state === 'done' || job.state === 'cancelled' || job.state === 'failed');
  return (
    <Dialog className="documents-dialog" titleId="documents-dialog-title" testId="documents-dialog" onClose={onClose}>
      <h2 id="documents-dialog-title">{t('documents.dialog.title')}</h2>
      <p className="muted">{t('documents.dialog.count', { count: orderIds.length })}</p>
      {!job && (
        <>
          <div className="documents-kinds">
            <label className="check">
              <input type="checkbox" checked={invoice} onChange={(e) => setInvoice(e.target.checked)} data-testid="documents-dialog-invoice" />
              {t('documents.dialog.invoice')}
            </label>
            <label className="check">
              <input type="checkbox" checked={deliveryNote} onChange={(e) => setDeliveryNote(e.target.checked)} data-testid="documents-dialog-deliverynote" />
              {t('documents.dialog.deliveryNote')}
            </label>
          </div>
          <h3>{t('documents.dialog.preview', { order: first })}</h3>
          {preview ? (
            <>
              <p className="muted" data-testid="documents-preview-state">{t(preview.issued ? 'documents.dialog.previewIssued' : 'documents.dialog.previewDraft')}</p>
              <iframe className="documents-preview" src={preview.url} title={t('documents.dialog.preview', { order: first })} data-testid="documents-preview" />
            </>
          ) : (
            !error && <p className="muted">{t('documents.dialog.previewLoading')}</p>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert" data-testid="documents-dialog-error">
          {error}
        </p>
      )}
      {job && (
        <div data-testid="documents-dialog-job" data-state={job.state}>
          <progress max={Math.max(job.total, 1)} value={job.done + job.skipped + job.failed} aria-label={job.label} />
          <p>{finished ? job.summary : t('documents.dialog.running', { done: job.done + job.skipped + job.failed, total: job.total })}</p>
          {job.problems.length > 0 && (
            <ul className="warn">
              {job.problems.map((p) => (
                <li key={p.ref}>
                  #{p.ref}: {p.reason}
                </li>
              ))}
            </ul>
          )}
          {finished && result && (
            <p data-testid="documents-dialog-outcome">
              {result.printed ? t('documents.dialog.printedOn', { printer: result.printer ?? '' }) : t('documents.dialog.savedTo', { path: result.combinedPath })}
            </p>
          )}
          {finished && result && (
            <div className="form-actions">
              <button type="button" onClick={() => void openCombined()} data-testid="documents-open-combined">
                {t('documents.dialog.openCombined')}
              </button>
              {combined && (
                <button type="button" onClick={() => downloadBase64(combined.fileName, 'application/pdf', combined.base64)}>
                  {t('documents.dialog.saveCombined')}
                </button>
              )}
            </div>
          )}
          {combined && <iframe className="documents-preview" src={combined.url} title={combined.fileName} data-testid="documents-combined" />}
        </div>
      )}
      <div className="form-actions">
        {!job && (
          <button type="button" className="primary" disabled={!invoice && !deliveryNote} onClick={() => void start()} data-testid="documents-dialog-print">
            {t('documents.dialog.print')}
          </button>
        )}
        {job && !finished && (
          <button type="button" onClick={() => void call('jobs:cancel', { jobId: job.id })}>
            {t('documents.dialog.cancel')}
          </button>
        )}
        <button type="button" onClick={onClose} data-testid="documents-dialog-close">
          {job ? t('documents.dialog.close') : t('documents.dialog.cancel')}
        </button>
      </div>
      {!invoice && !deliveryNote && <p className="warn">{t('documents.dialog.nothing')}</p>}
    </Dialog>
  );
}
