import { useEffect, useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { formatCents, formatDate } from '../../../shared/format';
import type { Res } from '../../../shared/ipc/contract';
import { errorText, useFranking } from './store';

type Stamp = Res<'franking:stamps'>[number];

/** Bought stamps: refund deadline, validity (3 years), refund of the selected ones, reprint from the archive. */
export function StampsList({ reloadKey, orderId }: { reloadKey: number; orderId?: number }) {
  const t = useT();
  const loadStatus = useFranking((s) => s.loadStatus);
  const [stamps, setStamps] = useState<Stamp[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const load = () => call('franking:stamps', orderId === undefined ? {} : { orderId }).then(setStamps);
  useEffect(() => {
    void load();
  }, [reloadKey, orderId]);

  const refund = async () => {
    setBusy(true);
    setMsg(null);
    try {
      const r = await call('franking:refund', { voucherIds: [...selected] });
      const parts = [
        r.refunded.length ? t('franking.refund.done', { count: r.refunded.length, amount: formatCents(r.refundedCents) }) : '',
        r.pending.length ? t('franking.refund.pending', { count: r.pending.length }) : '',
        r.refused.length ? t('franking.refund.refused', { count: r.refused.length }) : '',
      ];
      setMsg({ kind: r.refused.length ? 'error' : 'ok', text: parts.filter(Boolean).join(' ') });
      setSelected(new Set());
      await Promise.all([load(), loadStatus()]);
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const reprint = async (purchaseId: number) => {
    try {
      const r = await call('franking:reprint', { purchaseId });
      setMsg({ kind: 'ok', text: r.printed ? t('franking.printed', { printer: r.printer ?? '' }) : t('franking.saved', { path: r.savedTo }) });
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    }
  };

  if (!stamps) return <p>{t('common.loading')}</p>;
  if (stamps.length === 0) return <p className="muted">{orderId === undefined ? t('franking.stamps.empty') : t('franking.detail.none')}</p>;
  const compact = orderId !== undefined;
  return (
    <div>
      <table className="fr-table" data-testid={compact ? 'franking-order-stamps' : 'franking-stamps'}>
        <thead>
          <tr>
            {!compact && <th />}
            <th>{t('franking.col.voucher')}</th>
            {!compact && <th>{t('franking.col.order')}</th>}
            <th>{t('franking.col.product')}</th>
            <th className="num">{t('franking.col.price')}</th>
            <th>{t('franking.col.bought')}</th>
            <th>{t('franking.col.refundUntil')}</th>
            <th>{t('franking.col.validUntil')}</th>
            <th>{t('franking.col.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {stamps.map((s) => (
            <tr key={s.voucherId} data-testid={`franking-stamp-${s.voucherId}`}>
              {!compact && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={s.voucherId}
                    disabled={!s.refundable}
                    checked={selected.has(s.voucherId)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(s.voucherId);
                      else next.delete(s.voucherId);
                      setSelected(next);
                    }}
                  />
                </td>
              )}
              <td className="mono">
                {s.voucherId}
                {s.trackId ? <div className="muted">{s.trackId}</div> : null}
              </td>
              {!compact && <td>{s.externalId}</td>}
              <td>{s.productName}</td>
              <td className="num">{formatCents(s.priceCents)}</td>
              <td>{formatDate(s.boughtAt)}</td>
              <td>{s.refundable ? formatDate(s.refundDeadline) : <span className="muted">{t('franking.refundClosed')}</span>}</td>
              <td>{formatDate(s.validUntil)}</td>
              <td className={`fr-state fr-state-${s.status}`}>{t(`franking.status.${s.status}`)}</td>
              <td>
                <button type="button" onClick={() => void reprint(s.purchaseId)} disabled={s.status === 'refunded'}>
                  {t('franking.reprint')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!compact && (
        <button type="button" disabled={busy || selected.size === 0} onClick={() => void refund()} data-testid="franking-refund">
          {t('franking.refund')}
        </button>
      )}
      {msg && (
        <p role="status" className={msg.kind === 'ok' ? 'ok' : 'error'} data-testid="franking-stamps-message">
          {msg.text}
        </p>
      )}
    </div>
  );
}
