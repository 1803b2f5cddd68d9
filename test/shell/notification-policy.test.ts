import { afterEach, describe, expect, it } from 'vitest';
import { NotificationService, type Notice } from '../../main/services/shell/notification-service';
import type { NotificationSettings } from '../../shared/ipc/channels/shell';
import { FakeClock, MemoryLogger, RecordingNotifier } from '../fakes/ports';
import { createTestApp, type TestApp } from '../harness/test-app';
import type { JobView } from '../../shared/domain/job';

const all: NotificationSettings = { enabled: true, jobs: true, trial: true, sync: true, balance: true };

function setup(settings: Partial<NotificationSettings> = {}, supported = true) {
  const clock = new FakeClock();
  const notifier = new RecordingNotifier();
  if (!supported) notifier.isSupported = () => false;
  const service = new NotificationService({ notifier, clock, logger: new MemoryLogger(), settings: () => ({ ...all, ...settings }) });
  return { clock, notifier, service };
}

const balanceLow: Notice = { category: 'balance', key: 'balance-low', title: 'Portokasse fast leer', body: 'Noch 3,20 €', route: 'franking' };

describe('notification policy', () => {
  it('shows a notice with its route while the window is in the background', () => {
    const { service, notifier } = setup();
    expect(service.notify(balanceLow)).toEqual({ status: 'sent' });
    expect(notifier.shown).toEqual([{ title: 'Portokasse fast leer', body: 'Noch 3,20 €', route: 'franking' }]);
  });

  it('stays quiet while the seller looks at Portodesk, unless the notice must not be missed', () => {
    const { service, notifier } = setup();
    service.setWindowFocused(true);
    expect(service.notify(balanceLow)).toEqual({ status: 'not_sent', reason: 'window_focused' });
    expect(service.notify({ ...balanceLow, key: 'trial-ended', category: 'trial', evenIfFocused: true })).toEqual({ status: 'sent' });
    service.setWindowFocused(false);
    expect(service.notify(balanceLow)).toEqual({ status: 'sent' });
    expect(notifier.shown).toHaveLength(2);
  });

  it('suppresses the same notice within the dedupe window and shows it again after it', () => {
    const { service, notifier, clock } = setup();
    expect(service.notify(balanceLow).status).toBe('sent');
    clock.advance(5 * 3_600_000);
    expect(service.notify(balanceLow)).toEqual({ status: 'not_sent', reason: 'duplicate' });
    expect(service.notify({ ...balanceLow, key: 'sync-failed', category: 'sync' }).status).toBe('sent');
    clock.advance(3_600_000);
    expect(service.notify(balanceLow).status).toBe('sent');
    expect(service.notify({ ...balanceLow, key: 'x', dedupeMs: 0 }).status).toBe('sent');
    expect(notifier.shown).toHaveLength(4);
  });

  it('honours the switch for all notifications and per category', () => {
    expect(setup({ enabled: false }).service.notify(balanceLow)).toEqual({ status: 'not_sent', reason: 'disabled' });
    expect(setup({ balance: false }).service.notify(balanceLow)).toEqual({ status: 'not_sent', reason: 'category_off' });
    expect(setup({ balance: false }).service.notify({ ...balanceLow, category: 'sync' }).status).toBe('sent');
  });

  it('reports an OS without notifications instead of failing, and a failing notifier as not sent', () => {
    expect(setup({}, false).service.notify(balanceLow)).toEqual({ status: 'not_sent', reason: 'unsupported' });
    const { service, notifier } = setup();
    notifier.show = () => {
      throw new Error('DBus not reachable');
    };
    expect(service.notify(balanceLow)).toEqual({ status: 'not_sent', reason: 'failed' });
    // A failed attempt does not count for dedupe: the next try may show it.
    notifier.show = RecordingNotifier.prototype.show.bind(notifier);
    expect(service.notify(balanceLow).status).toBe('sent');
  });
});

describe('notifications in the composed app', () => {
  let app: TestApp;
  afterEach(async () => app?.cleanup());

  const job = (over: Partial<JobView>): JobView => ({
    id: 'job-1', kind: 'labels.print', label: '120 Etiketten drucken', state: 'running', total: 120, done: 60, failed: 0, skipped: 0,
    startedAt: '2026-11-23T09:00:00.000Z', updatedAt: '2026-11-23T09:00:30.000Z', etaSeconds: 30, summary: null, problems: [], ...over,
  });

  it('a long job that finishes in the background is announced once; a click opens the order list', () => {
    app = createTestApp();
    app.core.events.emit('job:progress', job({}));
    expect(app.ports.notifier.shown).toHaveLength(0);
    app.core.events.emit('job:progress', job({ state: 'done', done: 118, failed: 2, updatedAt: '2026-11-23T09:01:10.000Z' }));
    app.core.events.emit('job:progress', job({ state: 'done', done: 118, failed: 2, updatedAt: '2026-11-23T09:01:10.000Z' }));
    expect(app.ports.notifier.shown).toEqual([
      { title: 'Fertig, mit Problemen: 120 Etiketten drucken', body: '118 von 120 erledigt, 2 fehlgeschlagen, 0 übersprungen.', route: 'orders' },
    ]);
  });

  it('short jobs and jobs finished while the window is focused are not announced', () => {
    app = createTestApp();
    app.core.events.emit('job:progress', job({ id: 'short', state: 'done', updatedAt: '2026-11-23T09:00:05.000Z' }));
    app.features.shell.notifications.setWindowFocused(true);
    app.core.events.emit('job:progress', job({ id: 'seen', state: 'done', summary: '120 gedruckt', updatedAt: '2026-11-23T09:05:00.000Z' }));
    expect(app.ports.notifier.shown).toEqual([]);
  });

  it('the settings are stored in SQLite and switch notifications off through IPC', async () => {
    app = createTestApp();
    expect(await app.call('shell:notifications:get', {})).toEqual(all);
    expect(await app.call('shell:notifications:set', { jobs: false })).toEqual({ ...all, jobs: false });
    expect(app.core.settings.get('shell.notifications.jobs')).toBe(false);
    app.core.events.emit('job:progress', job({ state: 'done', summary: '120 gedruckt', updatedAt: '2026-11-23T09:05:00.000Z' }));
    expect(app.ports.notifier.shown).toEqual([]);
    await expect(app.call('shell:notifications:set', { jobs: 'ja' } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('other capabilities reach the service as features.shell.notifications', () => {
    app = createTestApp();
    expect(app.features.shell.notifications.notify({ category: 'trial', key: 'trial-7', title: 'Testzeitraum endet in 7 Tagen', body: 'Jetzt Bankverbindung hinterlegen', route: 'fees' })).toEqual({ status: 'sent' });
    expect(app.ports.notifier.shown[0]).toMatchObject({ route: 'fees' });
  });
});
