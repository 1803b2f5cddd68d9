import { useT } from '../../app/i18n';

/** Home: the order list. */
export function OrdersView() {
  const t = useT();
  return (
    <section className="empty-state">
      <h1>{t('empty.orders.title')}</h1>
    </section>
  );
}
