import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, tempDir, type TestApp } from '../harness/test-app';
import { FakeClock } from '../fakes/ports';
import { startInProcessServer } from './server-harness';
import { seedUsage } from './usage-seed';
import { backoffMs } from '../../main/services/billing/sync';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('sync in the app (fake clock, real service in process)', () => {
  it('registers offline first, syncs later; the service time wins; backoff grows while offline', async () => {
    const srv = await startInProcessServer(tempDir(), '2026-12-30T10:00:00Z');
    cleanups.push(() => srv.close());
    const clock = new FakeClock('2026-11-23T09:00:00Z');
    let url = 'http://127.0.0.1:9'; // nothing listens here: offline
    const app: TestApp = createTestApp({ ports: { clock }, config: { get billingUrl() { return url; } } as { billingUrl: string } });
    cleanups.push(() => app.cleanup());
    const events: string[] = [];
    app.core.events.subscribe((e) => events.push(e));

    await app.call('billing:register', { name: 'Erika Mustermann', email: 'erika@example.de' });
    seedUsage(app, [{ value: 1000, at: '2026-11-23T09:30:00Z' }, { value: 500, at: '2026-11-23T09:31:00Z' }]);
    await expect(app.call('billing:sync', {})).rejects.toMatchObject({ code: 'SYNC_FAILED' });
    let st = await app.call('billing:sync:state', {});
    expect(st).toMatchObject({ failures: 1, waiting: 2, registeredWithServer: false }); // joined the attempt register started
    expect(app.features.billing.sync.due()).toBe(false); // backing off
    clock.advance(10 * 60_000);
    expect(app.features.billing.sync.due()).toBe(true);
    expect(events).toContain('sync:state');
    expect(app.ports.secrets.data.get('billing.token')).toMatch(/^[\w-]{40,}$/);

    // Offline for days: one notification per outage, nothing lost.
    await expect(app.call('billing:sync', {})).rejects.toMatchObject({ code: 'SYNC_FAILED' });
    expect(app.ports.notifier.shown).toEqual([]);
    clock.advanceDays(3);
    await expect(app.call('billing:sync', {})).rejects.toMatchObject({ code: 'SYNC_FAILED' });
    await expect(app.call('billing:sync', {})).rejects.toMatchObject({ code: 'SYNC_FAILED' });
    expect(app.ports.notifier.shown.map((n) => n.title)).toEqual(['Abgleich mit dem Abrechnungsdienst gestört']);
    expect(app.ports.notifier.shown[0]!.body).toMatch(/2 Nutzungsereignisse sind sicher gespeichert/);
    expect((await app.call('billing:sync:state', {})).waiting).toBe(2);

    url = srv.url;
    st = await app.call('billing:sync', {});
    expect(st).toMatchObject({ failures: 0, waiting: 0, registeredWithServer: true, lastError: null });
    // The service's clock says 30 December: the trial (from 23 November) is over, whatever the local clock says.
    const t = await app.call('billing:trial', {});
    expect(t.serverConfirmed).toBe(true);
    expect(t.trialEndsAt).toBe('2026-12-23T09:00:00.000Z');
    expect(t.inTrial).toBe(false);
    expect(t.now).toBe('2026-12-30T10:00:00.000Z');
    // and nothing leaked the token into SQLite or the log
    const token = app.ports.secrets.data.get('billing.token')!;
    const dump = JSON.stringify(app.db.prepare("SELECT * FROM settings").all()) + JSON.stringify(app.db.prepare('SELECT * FROM billing_account').all());
    expect(dump).not.toContain(token);
    expect(JSON.stringify(app.ports.logger.lines)).not.toContain(token);
  });

  it('the background loop (Electron) syncs waiting usage and shows due trial notices', async () => {
    const srv = await startInProcessServer(tempDir(), '2026-11-23T09:00:00Z');
    cleanups.push(() => srv.close());
    const clock = new FakeClock('2026-11-23T09:00:00Z');
    const app = createTestApp({ ports: { clock }, config: { billingUrl: srv.url } });
    cleanups.push(() => app.cleanup());
    await app.call('billing:register', { name: 'Erika Mustermann', email: 'erika@example.de' });
    await app.features.billing.sync.sync();
    expect(app.features.billing.sync.due()).toBe(false); // nothing waiting, just synced
    seedUsage(app, [{ value: 1000, at: '2026-11-24T09:00:00Z' }]);
    clock.advanceDays(24);
    srv.setNow(clock.now().toISOString());
    expect(app.features.billing.sync.due()).toBe(true);
    const stop = app.features.billing.startBackground(20);
    cleanups.push(async () => stop());
    for (let i = 0; i < 200 && (await app.call('billing:sync:state', {})).waiting > 0; i++) await new Promise((r) => setTimeout(r, 25));
    stop();
    await app.features.billing.sync.idle();
    expect((await app.call('billing:sync:state', {})).waiting).toBe(0);
    expect(app.ports.notifier.shown.map((n) => n.title)).toEqual(['Testphase endet in 7 Tagen']);
  });

  it('backs off exponentially up to an hour', () => {
    const mid = () => 0.5;
    expect(backoffMs(1, mid)).toBe(30_000);
    expect(backoffMs(2, mid)).toBe(60_000);
    expect(backoffMs(5, mid)).toBe(480_000);
    expect(backoffMs(50, mid)).toBe(3_600_000);
  });
});
