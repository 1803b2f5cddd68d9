import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, tempDir, type TestApp } from '../harness/test-app';
import { FakeClock } from '../fakes/ports';

const HOUR = 3_600_000;
const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.cleanup();
});
const open = (dataDir: string, clock: FakeClock) => {
  const a = createTestApp({ dataDir, ports: { clock } });
  apps.push(a);
  return a;
};

describe('trial', () => {
  it('registers name and e-mail at first start; 30 days from the first start; days left rounded up', async () => {
    const clock = new FakeClock('2026-11-23T09:00:00Z');
    const app = open(tempDir(), clock);
    let s = await app.call('billing:trial', {});
    expect(s.registered).toBe(false);
    expect(s.trialEndsAt).toBe('2026-12-23T09:00:00.000Z');
    expect(s.daysLeft).toBe(30);
    await expect(app.call('billing:register', { name: 'Erika', email: 'kein-at' })).rejects.toMatchObject({ code: 'VALIDATION', message: /email/ });
    s = await app.call('billing:register', { name: ' Erika Mustermann ', email: 'erika@example.de' });
    expect(s).toMatchObject({ registered: true, name: 'Erika Mustermann', daysLeft: 30, serverConfirmed: false });
    clock.advance(HOUR);
    expect((await app.call('billing:trial', {})).daysLeft).toBe(30); // 29 days 23 h → 30
  });

  it('notifies 7 days and 1 day before and at the end, each once, also across restarts', async () => {
    const dir = tempDir();
    const clock = new FakeClock('2026-11-23T09:00:00Z');
    let app = open(dir, clock);
    const shown = () => app.ports.notifier.shown.map((n) => n.title);
    await app.call('billing:trial', {});
    clock.advanceDays(22);
    await app.call('billing:trial', {});
    expect(shown()).toEqual([]);
    clock.advanceDays(1); // exactly 7 days left
    await app.call('billing:trial', {});
    await app.call('billing:trial', {});
    expect(shown()).toEqual(['Testphase endet in 7 Tagen']);
    expect(app.ports.notifier.shown[0]!.route).toBe('fees');

    await app.close();
    app = open(dir, clock); // restart: nothing repeated
    await app.call('billing:trial', {});
    expect(shown()).toEqual([]);
    clock.advanceDays(6);
    clock.advance(HOUR); // 23 h left
    await app.call('billing:trial', {});
    await app.call('billing:trial', {});
    expect(shown()).toEqual(['Testphase endet morgen']);
    clock.advance(23 * HOUR);
    await app.call('billing:trial', {});
    clock.advanceDays(3);
    await app.call('billing:trial', {});
    expect(shown()).toEqual(['Testphase endet morgen', 'Testphase beendet']);
    expect(app.ports.notifier.shown[1]!.body).toMatch(/Rechnungsadresse und SEPA-Mandat/);
  });

  it('shows only the latest stage when the app was not running at the earlier ones', async () => {
    const clock = new FakeClock('2026-11-23T09:00:00Z');
    const app = open(tempDir(), clock);
    await app.call('billing:trial', {});
    clock.advanceDays(40);
    await app.call('billing:trial', {});
    clock.advanceDays(1);
    await app.call('billing:trial', {});
    expect(app.ports.notifier.shown.map((n) => n.title)).toEqual(['Testphase beendet']);
  });

  it('turning the clock back does not bring back days or notifications', async () => {
    const dir = tempDir();
    const clock = new FakeClock('2026-11-23T09:00:00Z');
    const app = open(dir, clock);
    await app.call('billing:trial', {});
    clock.advanceDays(25);
    expect((await app.call('billing:trial', {})).daysLeft).toBe(5);
    clock.advanceDays(-20);
    const s = await app.call('billing:trial', {});
    expect(s.daysLeft).toBe(5);
    expect(s.now).toBe('2026-12-18T09:00:00.000Z');
    expect(app.ports.notifier.shown.map((n) => n.title)).toEqual(['Testphase endet in 7 Tagen']);
  });
});
