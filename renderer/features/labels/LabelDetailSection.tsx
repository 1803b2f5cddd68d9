import { useCallback, useEffect, useState } from 'react';
import { call, onEvent } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { formatDateTime } from '../../../shared/format';
import { PrintLabelsDialog } from './PrintLabelsDialog';

type Printed = { printedAt: string; stockName: string; printer: string; state: string; savedTo: string; sheetPosition: number | null };

/** Order detail: the labels printed for this order, and printing (or reprinting) one. */
export function LabelDetailSection({ orderId, refresh }: { orderId: number; refresh(): void }) {
  const t = useT();
  const [items, setItems] = useState<Printed[]>([]);
  const [open, setOpen] = useState(false);
  const load = useCallback(() => void call('labels:history', { orderId }).then(setItems).catch(() => setItems([])), [orderId]);
  useEffect(load, [load]);
  return (
    <section className="labels-detail" aria-label={t('labels.detail.title')} data-testid="labels-detail">
      <h3>{t('labels.detail.title')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('labels.detail.none')}</p>
      ) : (
        <ul>
          {items.map((l, i) => (
            <li key={i}>
              {t('labels.detail.printed', { date: formatDateTime(l.printedAt), stock: l.stockName })}
              {l.printer ? ` · ${l.printer}` : ''} · {t(`labels.log.state.${l.state}`)}
              {l.state === 'saved' && l.savedTo && <div className="muted">{t('labels.detail.savedTo', { path: l.savedTo })}</div>}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <PrintLabelsDialog
          orderIds={[orderId]}
          onClose={() => setOpen(false)}
          onStarted={(job) => {
            setOpen(false);
            const off = onEvent('job:progress', (j) => {
              if (j.id !== job.id || j.state === 'running' || j.state === 'queued') return;
              off();
              load();
              refresh();
            });
          }}
        />
      ) : (
        <button type="button" onClick={() => setOpen(true)} data-testid="labels-detail-print">
          {t('labels.detail.print')}
        </button>
      )}
    </section>
  );
}
