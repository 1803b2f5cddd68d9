import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { FakeClock } from '../fakes/ports';
import { seedUsage } from './usage-seed';
import { monthFees } from '../../shared/fees';
import { listUsageEvents } from '../../main/db/repos/usage';

let app: TestApp;
afterEach(async () => app?.cleanup());

describe('the fee meter over the local ledger', () => {
  it('counts by the Berlin month at the edges and matches the shared rule over the whole ledger', async () => {
    app = createTestApp({ ports: { clock: new FakeClock('2026-06-01T08:00:00Z') } }); // trial ends 1 July
    app.ports.clock.set('2026-12-10T08:00:00Z');
    seedUsage(app, [
      { value: 1000, at: '2026-06-30T21:59:59Z' }, // 30.06. 23:59:59 Berlin (summer time): June, in the trial
      { value: 1000, at: '2026-06-30T22:00:00Z' }, // 01.07. 00:00 Berlin: July, still in the trial (ends 08:00 UTC)
      { value: 1000, at: '2026-07-01T08:00:00Z' }, // July, first paid order
      { value: 500, at: '2026-10-31T22:59:59Z' }, // 31.10. 23:59:59 Berlin (winter time): October
      { value: 500, at: '2026-10-31T23:00:00Z' }, // 01.11. 00:00 Berlin: November
      { value: 1000, at: '2026-11-30T23:30:00Z' }, // 01.12. 00:30 Berlin: December
    ]);
    const all = listUsageEvents(app.db);
    const trialEndsAt = (await app.call('billing:trial', {})).trialEndsAt;
    expect(trialEndsAt).toBe('2026-07-01T08:00:00.000Z');
    const history = await app.call('fees:history', { months: 12 });
    expect(history.map((h) => h.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    for (const h of history) {
      const rule = monthFees(h.month, all, { trialEndsAt });
      expect([h.month, h.netCents, h.orders]).toEqual([h.month, rule.netCents, rule.orders]);
    }
    expect(history.filter((h) => h.orders > 0).map((h) => [h.month, h.orders, h.netCents])).toEqual([
      ['2026-06', 1, 0],
      ['2026-07', 2, 8],
      ['2026-10', 1, 4],
      ['2026-11', 1, 4],
      ['2026-12', 1, 8],
    ]);
    expect(await app.call('fees:month', {})).toMatchObject({ month: '2026-12', netCents: 8, vatCents: 2, grossCents: 10, unsynced: 1 });
    expect(await app.call('fees:month', { month: '2026-07' })).toMatchObject({ orders: 2, trialOrders: 1, netCents: 8 });
    await expect(app.call('fees:month', { month: '2026-7' })).rejects.toMatchObject({ code: 'VALIDATION', message: /month: Monat im Format JJJJ-MM/ });
  });
});
