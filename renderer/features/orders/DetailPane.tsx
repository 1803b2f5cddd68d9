import { useEffect, useState } from 'react';
import { useT, useI18nStore } from '../../app/i18n';
import { call, onEvent } from '../../ipc/client';
import { formatCents, formatDate, formatDateTime } from '../../../shared/format';
import { orderDetailSections } from '../../app/contributions';
import type { Order, OrderHistoryEntry } from '../../../shared/domain/order';
import { StatusBadge } from './StatusBadge';
import { AddressBlock } from './AddressBlock';
import { useOrders } from './store';

/** Right-hand pane: items, both addresses, warnings (before anything is printed), history, and other capabilities' sections. */
export function DetailPane({ id, onEdit }: { id: number; onEdit(o: Order): void }) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { openDetail, bump, version } = useOrders();
  const [data, setData] = useState<{ order: Order; history: OrderHistoryEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    call('orders:get', { id })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, [id, version]);
  useEffect(() => onEvent('orders:changed', (p) => (!p.ids || p.ids.includes(id)) && void load()));

  if (error) return <aside className="detail-pane error">{error}</aside>;
  if (!data) return <aside className="detail-pane">{t('common.loading')}</aside>;
  const o = data.order;
  const refresh = () => {
    void load();
    bump();
  };
  return (
    <aside className="detail-pane" aria-label={t('orders.detail.title', { externalId: o.externalId })} data-testid="orders-detail">
      <header className="detail-head">
        <h2>{t('orders.detail.title', { externalId: o.externalId })}</h2>
        <button type="button" onClick={() => openDetail(null)} aria-label={t('orders.detail.close')} title={t('orders.detail.close')}>
          ✕
        </button>
      </header>
      <div className="detail-meta">
        <StatusBadge status={o.status} /> <span>{t(`orders.channel.${o.channel}`)}</span> <span>{o.marketplace}</span>{' '}
        <span>{formatDate(o.orderDate, locale)}</span>
        {o.locked ? <span className="badge">🔒 {t('orders.detail.locked')}</span> : (
          <button type="button" onClick={() => onEdit(o)} data-testid="orders-edit">
            {t('orders.detail.edit')}
          </button>
        )}
      </div>
      <section aria-label={t('orders.detail.warnings')}>
        {o.warnings.length ? (
          <ul className="warning-list" data-testid="orders-warnings">
            {o.warnings.map((w, i) => (
              <li key={i} className="warn">
                ⚠ {t(`address.warning.${w.code}`)}
                {w.detail ? ` (${w.detail})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ok">✓ {t('orders.detail.noWarnings')}</p>
        )}
      </section>
      <section>
        <h3>{t('orders.detail.items')}</h3>
        <table className="items">
          <tbody>
            {o.items.map((it, i) => (
              <tr key={i}>
                <td className="right">{it.quantity} ×</td>
                <td>
                  {it.title}
                  {it.sku ? <span className="muted"> · {it.sku}</span> : null}
                </td>
                <td className="right">{formatCents(it.unitPriceCents * it.quantity, o.currency, locale)}</td>
              </tr>
            ))}
            <tr>
              <td />
              <td>{t('orders.detail.shipping')}</td>
              <td className="right">{formatCents(o.shippingCents, o.currency, locale)}</td>
            </tr>
            <tr className="total">
              <td />
              <td>{t('orders.detail.total')}</td>
              <td className="right">{formatCents(o.totalCents, o.currency, locale)}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <div className="address-pair">
        <section>
          <h3>{t('orders.detail.shipTo')}</h3>
          <AddressBlock address={o.shipTo} />
        </section>
        <section>
          <h3>{t('orders.detail.billTo')}</h3>
          {o.billTo ? <AddressBlock address={o.billTo} /> : <p className="muted">{t('orders.detail.billSame')}</p>}
        </section>
      </div>
      <p>
        <strong>{t('orders.detail.buyer')}:</strong> {o.buyerName} {o.buyerUsername ? `(${o.buyerUsername})` : ''} {o.buyerEmail}
      </p>
      {o.buyerReference && (
        <p data-testid="orders-detail-buyerReference">
          <strong>{t('orders.detail.buyerReference')}:</strong> <span className="mono">{o.buyerReference}</span>
        </p>
      )}
      {o.trackingNumber && (
        <p>
          <strong>{t('orders.detail.tracking')}:</strong> <span className="mono">{o.trackingNumber}</span> {o.carrier}
        </p>
      )}
      {o.note && (
        <p>
          <strong>{t('orders.detail.note')}:</strong> {o.note}
        </p>
      )}
      {orderDetailSections.map(({ id: sid, Component }) => (
        <Component key={sid} orderId={o.id} refresh={refresh} />
      ))}
      <section>
        <h3>{t('orders.detail.history')}</h3>
        <ol className="history" data-testid="orders-history">
          {data.history.map((h, i) => (
            <li key={i}>
              <span className="muted">{formatDateTime(h.at, locale)}</span> {h.detail || h.action}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
