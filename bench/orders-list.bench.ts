// One page of the order list at 100,000 orders — search + filter + sort + total count, as the Aufträge view
// asks for it — against the bare SQL of the same page measured in the same run (one prepared SELECT of
// ids with LIMIT, no count, no columns). Goal: list page median < 20 ms; the ratio shows our overhead.
import { createTestApp } from '../test/harness/test-app';
import { seedDemoOrders } from '../main/services/orders/demo-data';
import type { OrderListQueryInput } from '../shared/orders/query';

const N = Number(process.env.ORDERS_BENCH_N ?? 100_000);
const app = createTestApp();
let t = performance.now();
seedDemoOrders(app.core, N);
const seedMs = performance.now() - t;
const orders = app.features.orders.orders;

const median = (fn: () => unknown, runs = 41) => {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    xs.push(performance.now() - s);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
};

const cases: { name: string; q: OrderListQueryInput; sql: string; params: unknown[] }[] = [
  {
    name: 'search+status+date-sort',
    q: { search: 'müller', statuses: ['new', 'invoiced'], sort: 'orderDate', dir: 'desc', limit: 100 },
    sql: `SELECT o.id FROM orders_fts JOIN orders o ON o.id = orders_fts.rowid WHERE orders_fts MATCH '"müller"*' AND o.status IN ('new','invoiced') ORDER BY o.order_date DESC, o.id DESC LIMIT 100`,
    params: [],
  },
  {
    name: 'channel+status+total-sort',
    q: { channels: ['ebay'], statuses: ['new'], sort: 'totalCents', dir: 'desc', limit: 100 },
    sql: `SELECT o.id FROM orders o WHERE o.status IN ('new') AND o.channel IN ('ebay') ORDER BY o.total_cents DESC, o.id DESC LIMIT 100`,
    params: [],
  },
  {
    name: 'all-by-date-deep-page',
    q: { sort: 'orderDate', dir: 'desc', offset: Math.max(0, N - 200), limit: 100 },
    sql: `SELECT o.id FROM orders o ORDER BY o.order_date DESC, o.id DESC LIMIT 100 OFFSET ${Math.max(0, N - 200)}`,
    params: [],
  },
];

for (const c of cases) {
  const stmt = app.db.prepare(c.sql).pluck();
  const base = median(() => stmt.all(...c.params));
  const ours = median(() => orders.list(c.q));
  console.log(`orders-list-${N} ${c.name}: page ${ours.toFixed(2)} ms median (total ${orders.list(c.q).total}), bare SQL ${base.toFixed(2)} ms, ratio ${(ours / base).toFixed(2)}× (goal: page < 20 ms)`);
}
t = performance.now();
const ids = orders.ids({ statuses: ['new'] });
console.log(`orders-list-${N} select-all-matching: ${ids.length} ids in ${(performance.now() - t).toFixed(1)} ms; seeding ${N} demo orders took ${(seedMs / 1000).toFixed(1)} s`);
await app.cleanup();
