import type { Contributions, OrderAction, OrderDetailSection, Overlay, SettingsSection } from './registries';
import { ordersContributions } from '../features/orders/contributions';
import { documentsContributions } from '../features/documents/contributions';
import { labelsContributions } from '../features/labels/contributions';
import { frankingContributions } from '../features/franking/contributions';
import { billingContributions } from '../features/billing/contributions';
import { exportsContributions } from '../features/exports/contributions';
import { shellContributions } from '../features/shell/contributions';

const all: Contributions[] = [
  ordersContributions,
  documentsContributions,
  labelsContributions,
  frankingContributions,
  billingContributions,
  exportsContributions,
  shellContributions,
];
const byOrder = <T extends { order: number }>(xs: T[]) => [...xs].sort((a, b) => a.order - b.order);

export const orderActions: OrderAction[] = byOrder(all.flatMap((c) => c.orderActions ?? []));
export const orderDetailSections: OrderDetailSection[] = byOrder(all.flatMap((c) => c.orderDetailSections ?? []));
export const settingsSections: SettingsSection[] = byOrder(all.flatMap((c) => c.settingsSections ?? []));
export const overlays: Overlay[] = all.flatMap((c) => c.overlays ?? []);
