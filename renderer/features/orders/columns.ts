import type { OrderSort } from '../../../shared/orders/query';

export type Column = { id: string; labelKey: string; sort?: OrderSort; width: number; min: number; align?: 'right' };

/** The list's columns (UI.md: status, channel, order number, date, buyer, country, items, total, warnings). */
export const COLUMNS: Column[] = [
  { id: 'status', labelKey: 'orders.col.status', sort: 'status', width: 160, min: 90 },
  { id: 'channel', labelKey: 'orders.col.channel', sort: 'channel', width: 110, min: 70 },
  { id: 'externalId', labelKey: 'orders.col.externalId', sort: 'externalId', width: 170, min: 90 },
  { id: 'orderDate', labelKey: 'orders.col.orderDate', sort: 'orderDate', width: 110, min: 80 },
  { id: 'buyerName', labelKey: 'orders.col.buyerName', sort: 'buyerName', width: 200, min: 100 },
  { id: 'country', labelKey: 'orders.col.country', sort: 'country', width: 60, min: 45 },
  { id: 'itemCount', labelKey: 'orders.col.itemCount', sort: 'itemCount', width: 260, min: 90 },
  { id: 'totalCents', labelKey: 'orders.col.totalCents', sort: 'totalCents', width: 110, min: 80, align: 'right' },
  { id: 'warnings', labelKey: 'orders.col.warnings', width: 180, min: 60 },
];
