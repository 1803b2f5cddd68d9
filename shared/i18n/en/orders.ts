import type { orders as de } from '../de/orders';

export const orders: Record<keyof typeof de, string> = {};
