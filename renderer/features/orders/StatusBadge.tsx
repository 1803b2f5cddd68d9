import type { OrderStatus } from '../../../shared/domain/order';
import { statusTone } from '../../../shared/orders/status';
import { useT } from '../../app/i18n';

/** Status in colour AND words (UI.md): the word is always there, the colour only helps. */
export function StatusBadge({ status }: { status: OrderStatus }) {
  const t = useT();
  return (
    <span className={`status-badge tone-${statusTone[status]}`} data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      {t(`order.status.${status}`)}
    </span>
  );
}
