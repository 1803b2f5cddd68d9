import type { TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { recordChargeableAction } from '../../main/db/repos/usage';
import type { ChargeableAction } from '../../shared/domain/usage';

/** Seeds orders with the given goods values and records their first chargeable action at `at`. */
export function seedUsage(app: TestApp, specs: { value: number; at: string; action?: ChargeableAction }[]): number[] {
  const ids = seedOrders(
    app.db,
    specs.map((s) => orderDraft({ items: [{ title: 'Artikel', quantity: 1, unitPriceCents: s.value }], shippingCents: 0, totalCents: s.value })),
  );
  app.db.transaction(() => {
    specs.forEach((s, i) => recordChargeableAction(app.db, ids[i]!, s.action ?? 'invoice', s.at, app.core.installationId));
  })();
  return ids;
}

/** n events spread over [from, to) with the value chosen by index. */
export function spread(n: number, from: string, to: string, value: (i: number) => number) {
  const a = Date.parse(from);
  const span = Date.parse(to) - a;
  return Array.from({ length: n }, (_, i) => ({ value: value(i), at: new Date(a + Math.floor((span * i) / n)).toISOString() }));
}
