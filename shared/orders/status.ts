import type { OrderStatus } from '../domain/order';

/** Status words (German first) live in i18n as `order.status.<value>`; colours pair with words, never alone. */
export const statusKey = (s: OrderStatus) => `order.status.${s}`;
export const statusTone: Record<OrderStatus, 'neutral' | 'info' | 'accent' | 'violet' | 'ok' | 'muted'> = {
  new: 'info', invoiced: 'accent', labelled: 'violet', franked: 'violet', shipped: 'ok', cancelled: 'muted',
};
