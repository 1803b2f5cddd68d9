import type { Contributions } from '../../app/registries';
import { useNav } from '../../stores/navigation';
import { PortokasseSettings } from './PortokasseSettings';
import { StampsList } from './StampsList';
import { useFranking } from './store';
import { useT } from '../../app/i18n';

function OrderStamps({ orderId }: { orderId: number; refresh(): void }) {
  const t = useT();
  return (
    <section className="fr-detail" aria-label={t('franking.detail.title')}>
      <h3>{t('franking.detail.title')}</h3>
      <StampsList reloadKey={0} orderId={orderId} />
    </section>
  );
}

/** What the franking capability adds to the shell (toolbar actions, detail sections, settings, overlays). */
export const frankingContributions: Contributions = {
  orderActions: [
    {
      id: 'franking.frank',
      labelKey: 'franking.action',
      shortcut: 'Ctrl+M',
      order: 30,
      // The selection goes to the Frankieren view, where product, cost and balance after are shown before buying.
      run(ctx) {
        useFranking.getState().preselect(ctx.orderIds.length ? ctx.orderIds : null);
        useNav.getState().go('franking');
      },
    },
  ],
  orderDetailSections: [{ id: 'franking.stamps', order: 30, Component: OrderStamps }],
  settingsSections: [{ id: 'franking.portokasse', order: 40, titleKey: 'franking.settings.title', Component: PortokasseSettings }],
};
