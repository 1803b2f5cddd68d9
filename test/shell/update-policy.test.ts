import { describe, expect, it } from 'vitest';
import { UPDATE_POLICY, UpdateService } from '../../main/services/shell/update-service';
import type { UpdateStatus } from '../../shared/ipc/channels/shell';
import { FakeClock, MemoryLogger } from '../fakes/ports';
import { FakeTimers, FakeUpdater, flush, v } from './fakes';

const MIN = 60_000;
const HOUR = 60 * MIN;

function setup(opts: { updater?: FakeUpdater | null; random?: number; autoCheck?: () => boolean } = {}) {
  const clock = new FakeClock('2026-11-23T08:00:00Z');
  const timers = new FakeTimers(clock);
  const updater = opts.updater === undefined ? new FakeUpdater() : opts.updater;
  const emitted: UpdateStatus[] = [];
  const logger = new MemoryLogger();
  const service = new UpdateService({
    updater,
    clock,
    timers,
    logger,
    currentVersion: '1.0.0',
    random: () => opts.random ?? 0.5,
    autoCheckEnabled: opts.autoCheck ?? (() => true),
    emit: (s) => emitted.push(s),
  });
  return { clock, timers, updater: updater!, service, emitted, logger };
}

const checks = (u: FakeUpdater) => u.calls.filter((c) => c === 'check').length;

describe('update policy: where it does not apply, nothing is checked', () => {
  it('without an updater (CLI, tests) the state is "unsupported" and a manual check is refused with a reason', async () => {
    const { service, timers } = setup({ updater: null });
    expect(service.start().state).toBe('unsupported');
    expect(service.status().reason).toBe('no_updater');
    expect(timers.delays()).toEqual([]);
    await expect(service.checkNow()).rejects.toMatchObject({ code: 'UPDATE_UNSUPPORTED' });
  });

  it('an install that cannot update itself (deb package) never schedules a check and says why', async () => {
    const { service, timers, updater } = setup();
    const s = service.start({ supported: false, reason: 'linux_package' });
    expect(s).toMatchObject({ state: 'unsupported', reason: 'linux_package' });
    expect(s.message).toMatch(/Paketverwaltung/);
    await timers.advance(48 * HOUR);
    expect(updater.calls).toEqual([]);
  });
});

describe('update policy: schedule', () => {
  it('checks shortly after start, then every few hours with jitter', async () => {
    const { service, timers, updater } = setup({ random: 0.5 });
    service.start();
    const first = UPDATE_POLICY.startDelayMs + 0.5 * UPDATE_POLICY.startJitterMs;
    expect(timers.delays()).toEqual([first]);
    await timers.advance(first - 1);
    expect(checks(updater)).toBe(0);
    await timers.advance(1);
    expect(checks(updater)).toBe(1);
    expect(service.status().state).toBe('up-to-date');
    expect(timers.delays()).toEqual([UPDATE_POLICY.intervalMs + 0.5 * UPDATE_POLICY.jitterMs]);
    await timers.advance(24 * HOUR);
    // 24 h / (4 h + 15 min) → 5 more checks
    expect(checks(updater)).toBe(6);
  });

  it('spreads installations: the jitter moves the checks', () => {
    const early = setup({ random: 0 });
    const late = setup({ random: 0.99 });
    early.service.start();
    late.service.start();
    expect(early.timers.delays()[0]).toBe(UPDATE_POLICY.startDelayMs);
    expect(late.timers.delays()[0]).toBeGreaterThan(UPDATE_POLICY.startDelayMs + 0.9 * UPDATE_POLICY.startJitterMs);
  });

  it('backs off on errors (15 min, 30 min, 1 h … capped at 8 h) and returns to the normal rhythm after a success', async () => {
    const updater = new FakeUpdater().willAnswer(...Array.from({ length: 7 }, () => ({ kind: 'error' as const, message: 'ENOTFOUND updates.portodesk.de' })), { kind: 'none' });
    const { service, timers, logger } = setup({ updater, random: 0 });
    service.start();
    await timers.advance(UPDATE_POLICY.startDelayMs);
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) {
      expect(service.status().state).toBe('error');
      const d = timers.delays()[0]!;
      seen.push(d);
      await timers.advance(d);
    }
    expect(seen).toEqual([15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 8 * HOUR]);
    expect(service.status().state).toBe('up-to-date');
    expect(timers.delays()).toEqual([UPDATE_POLICY.intervalMs]);
    expect(service.status().message).toBeNull();
    expect(logger.lines.filter((l) => l.event === 'update.failed')).toHaveLength(7);
  });

  it('the error is shown in German and never thrown out of a scheduled check', async () => {
    const { service, timers } = setup({ updater: new FakeUpdater().willAnswer({ kind: 'error', message: '503 Service Unavailable' }) });
    service.start();
    await timers.advance(2 * MIN);
    expect(service.status().message).toMatch(/Die Suche nach Updates ist fehlgeschlagen: 503 Service Unavailable\. Portodesk versucht es später erneut\./);
  });

  it('with the setting off, scheduled checks are skipped but a manual check still works', async () => {
    const { service, timers, updater } = setup({ autoCheck: () => false });
    service.start();
    await timers.advance(24 * HOUR);
    expect(checks(updater)).toBe(0);
    await service.checkNow();
    expect(checks(updater)).toBe(1);
  });
});

describe('update policy: background download and consent', () => {
  it('downloads in the background, reports progress, and offers the release notes', async () => {
    const updater = new FakeUpdater().willAnswer(v('1.1.0', '- Etiketten für Warenpost\n- schnellere Suche'));
    const { service, emitted } = setup({ updater });
    service.start();
    const s = await service.checkNow();
    expect(s).toMatchObject({ state: 'downloading', version: '1.1.0', percent: 0 });
    expect(updater.calls).toEqual(['check', 'download']);
    updater.progress(42.4);
    expect(service.status().percent).toBe(42);
    updater.finishDownload({ version: '1.1.0', releaseNotes: '- Etiketten für Warenpost\n- schnellere Suche', releaseDate: '2026-11-20T10:00:00Z' });
    await flush();
    expect(service.status()).toMatchObject({ state: 'downloaded', version: '1.1.0', percent: 100, releaseNotes: '- Etiketten für Warenpost\n- schnellere Suche' });
    expect(emitted.map((e) => e.state)).toEqual(expect.arrayContaining(['checking', 'available', 'downloading', 'downloaded']));
  });

  it('never installs without consent: a downloaded update waits for days, and no further checks run meanwhile', async () => {
    const updater = new FakeUpdater().willAnswer(v('1.1.0'));
    const { service, timers } = setup({ updater });
    service.start();
    await timers.advance(2 * MIN);
    updater.finishDownload({ version: '1.1.0', releaseNotes: '', releaseDate: '' });
    await flush();
    await timers.advance(72 * HOUR);
    expect(updater.calls).toEqual(['check', 'download']);
    expect(service.status().state).toBe('downloaded');
    service.install();
    expect(updater.calls).toEqual(['check', 'download', 'quitAndInstall']);
  });

  it('refuses to install what is not downloaded yet', async () => {
    const updater = new FakeUpdater().willAnswer(v('1.1.0'));
    const { service } = setup({ updater });
    service.start();
    expect(() => service.install()).toThrow(/kein heruntergeladenes Update/);
    await service.checkNow();
    expect(() => service.install()).toThrow(expect.objectContaining({ code: 'UPDATE_NOT_READY' }));
    expect(updater.calls).not.toContain('quitAndInstall');
  });

  it('"Später" hides the banner for that version until the seller checks by hand', async () => {
    const updater = new FakeUpdater().willAnswer(v('1.1.0'));
    const { service } = setup({ updater });
    service.start();
    await service.checkNow();
    updater.finishDownload({ version: '1.1.0', releaseNotes: '', releaseDate: '' });
    await flush();
    expect(service.dismiss().dismissed).toBe(true);
    expect((await service.checkNow()).dismissed).toBe(false);
  });

  it('a failed download becomes an error with backoff and is retried by the next check', async () => {
    const updater = new FakeUpdater().willAnswer(v('1.1.0'));
    const { service, timers } = setup({ updater, random: 0 });
    service.start();
    await timers.advance(UPDATE_POLICY.startDelayMs);
    updater.failDownload('sha512 checksum mismatch');
    await flush();
    expect(service.status()).toMatchObject({ state: 'error', version: '1.1.0' });
    expect(service.status().message).toMatch(/Herunterladen des Updates ist fehlgeschlagen: sha512 checksum mismatch/);
    expect(timers.delays()[0]).toBe(15 * MIN);
    await timers.advance(15 * MIN);
    expect(updater.calls).toEqual(['check', 'download', 'check', 'download']);
  });

  it('the same version as installed counts as up to date', async () => {
    const { service } = setup({ updater: new FakeUpdater().willAnswer(v('1.0.0')) });
    service.start();
    expect((await service.checkNow()).state).toBe('up-to-date');
  });
});
