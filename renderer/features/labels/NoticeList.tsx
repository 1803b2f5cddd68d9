import type { OrderNotices } from '../../../shared/ipc/channels/labels';
import { useT } from '../../app/i18n';

/** Per order: what is wrong with the address or the label, amber and in words. */
export function NoticeList({ notices }: { notices: OrderNotices[] }) {
  const t = useT();
  return (
    <ul className="labels-notices">
      {notices.slice(0, 50).map((o) => (
        <li key={o.orderId} data-testid={`labels-notice-${o.orderId}`}>
          <strong>{o.externalId}</strong> {o.recipientName}:{' '}
          {o.notices.map((n, i) => (
            <span key={i} className={n.blocking ? 'warn' : 'muted'}>
              {i > 0 ? ' · ' : ''}
              {t(`labels.warning.${n.code}`, { detail: n.detail })}
            </span>
          ))}
        </li>
      ))}
      {notices.length > 50 && <li className="muted">… +{notices.length - 50}</li>}
    </ul>
  );
}
