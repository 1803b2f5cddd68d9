import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { seedDemoOrders } from '../fakes/orders';

let app: TestApp;
beforeAll(() => {
  app = createTestApp();
  seedDemoOrders(app.core, 9000);
}, 120_000);
afterAll(async () => app.cleanup());

type R = { id: number; status: string; channel: string; total_cents: number; buyer_name: string; order_date: string };

describe('list pages on many matches (the sort-index path)', () => {
  it('filter + sort by total / buyer gives exactly the rows a full sort gives, page after page', () => {
    const all = app.db.prepare('SELECT id, status, channel, total_cents, buyer_name, order_date FROM orders').all() as R[];
    const expected = all
      .filter((r) => ['new', 'shipped'].includes(r.status) && r.channel === 'ebay')
      .sort((a, b) => b.total_cents - a.total_cents || b.id - a.id)
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(2000);
    const q = { statuses: ['new', 'shipped'] as const, channels: ['ebay'] as const, sort: 'totalCents' as const, dir: 'desc' as const, limit: 500 };
    for (const offset of [0, 500, expected.length - 300]) {
      const page = app.features.orders.orders.list({ ...q, statuses: [...q.statuses], channels: [...q.channels], offset });
      expect(page.total).toBe(expected.length);
      expect(page.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + 500));
    }
    expect(app.features.orders.orders.ids({ statuses: ['new', 'shipped'], channels: ['ebay'], sort: 'totalCents', dir: 'desc' })).toEqual(expected);
  });

  it('date range + sort by country agrees with a full sort', () => {
    const page = app.features.orders.orders.list({ dateFrom: '2026-01-01', dateTo: '2026-06-30', sort: 'country', dir: 'asc', limit: 1000 });
    const rows = page.rows;
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      expect(a.country < b.country || (a.country === b.country && a.id < b.id)).toBe(true);
    }
    expect(rows.every((r) => r.orderDate >= '2025-12-31T23:00:00.000Z' && r.orderDate < '2026-06-30T22:00:00.000Z')).toBe(true);
  });
});
