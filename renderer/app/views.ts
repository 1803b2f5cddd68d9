import type { ComponentType } from 'react';
import type { ViewId } from '../stores/navigation';
import { OrdersView } from '../features/orders/OrdersView';
import { FrankingView } from '../features/franking/FrankingView';
import { FeesView } from '../features/billing/FeesView';
import { SettingsView } from '../features/settings/SettingsView';

export const views: Record<ViewId, ComponentType> = {
  orders: OrdersView,
  franking: FrankingView,
  fees: FeesView,
  settings: SettingsView,
};
