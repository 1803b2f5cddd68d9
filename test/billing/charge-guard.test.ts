import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { recordChargeableAction } from '../../main/db/repos/usage';
import { isAppError } from '../../shared/errors';

const DAY = 86_400_000;
let app: TestApp;
afterEach(async () => app?.cleanup());

const validDetails = {
  holder: 'Erika Mustermann', iban: 'DE89 3704 0044 0532 0130 00', street: 'Hauptstraße 5a', zip: '10115', city: 'Berlin',
  mandateReference: 'PD-2026-0001', mandateDate: '2026-12-20',
};

function guardError(fn: () => void) {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  return null;
}

describe('ChargeGuard', () => {
  it('allows everything during the trial and refuses new orders after it until billing details exist', async () => {
    app = createTestApp();
    const guard = app.features.billing.chargeGuard;
    const [a, b, c] = seedOrders(app.db, [orderDraft(), orderDraft(), orderDraft()]);
    guard.assertMayCharge([a!, b!], 'invoice');
    recordChargeableAction(app.db, a!, 'invoice', app.core.nowIso(), app.core.installationId);

    app.ports.clock.advanceDays(29);
    expect((await app.call('billing:trial', {})).daysLeft).toBe(1);
    guard.assertMayCharge([b!], 'label');

    app.ports.clock.advanceDays(1);
    const s = await app.call('billing:trial', {});
    expect(s.inTrial).toBe(false);
    expect(s.daysLeft).toBe(0);
    const events: [string, unknown][] = [];
    app.core.events.subscribe((e, p) => events.push([e, p]));
    const err = guardError(() => guard.assertMayCharge([a!, b!, c!], 'label'));
    expect(events).toContainEqual(['billing:required', { orderIds: [b, c], action: 'label' }]);
    expect(err?.code).toBe('BILLING_REQUIRED');
    expect(err?.message).toMatch(/Testphase.*abgelaufen.*2 neue Aufträge.*SEPA/);
    expect((err?.details as { orderIds: number[] }).orderIds).toEqual([b, c]);
    // Already charged orders stay free (reprints).
    guard.assertMayCharge([a!], 'invoice');

    await expect(app.call('billing:details:save', { ...validDetails, iban: 'DE89 3704 0044 0532 0130 01' })).rejects.toMatchObject({ code: 'VALIDATION', message: /iban/ });
    expect(guardError(() => guard.assertMayCharge([b!], 'export'))?.code).toBe('BILLING_REQUIRED');
    const saved = await app.call('billing:details:save', validDetails);
    expect(saved.iban).toBe('DE89370400440532013000');
    guard.assertMayCharge([b!, c!], 'export');
    expect((await app.call('billing:trial', {})).chargingAllowed).toBe(true);
  });

  it('turning the clock back does not extend the trial', async () => {
    app = createTestApp();
    const [a] = seedOrders(app.db, [orderDraft()]);
    app.ports.clock.advanceDays(31);
    expect((await app.call('billing:trial', {})).inTrial).toBe(false);
    app.ports.clock.advance(-20 * DAY);
    const s = await app.call('billing:trial', {});
    expect(s.inTrial).toBe(false);
    expect(s.daysLeft).toBe(0);
    expect(guardError(() => app.features.billing.chargeGuard.assertMayCharge([a!], 'invoice'))?.code).toBe('BILLING_REQUIRED');
  });
});
