import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import type { UpdateInfo, UpdaterEvent, UpdaterPort } from '../../ports/updater';
import type { UpdateStatus } from '../../../shared/ipc/channels/shell';
import { AppError } from '../../../shared/errors';
import type { Timers } from './timers';

/** Whether this install can update itself; decided at the Electron edge (packaged, AppImage, store, …). */
export type UpdateSupport = { supported: true } | { supported: false; reason: string };

export const UPDATE_POLICY = {
  /** First check shortly after start, so it never competes with opening the window and the database. */
  startDelayMs: 30_000,
  startJitterMs: 60_000,
  /** Then every few hours, spread so that not every installation asks the feed at the same minute. */
  intervalMs: 4 * 3_600_000,
  jitterMs: 30 * 60_000,
  /** After an error: 15 min, 30 min, 1 h, … up to 8 h. */
  backoffBaseMs: 15 * 60_000,
  backoffMaxMs: 8 * 3_600_000,
} as const;

const UNSUPPORTED_TEXT: Record<string, string> = {
  not_packaged: 'Portodesk läuft aus dem Quelltext (npm start); Updates kommen dort über git pull.',
  test: 'Im Testbetrieb sucht Portodesk nicht nach Updates.',
  linux_package: 'Diese Installation (deb-Paket) wird über die Paketverwaltung aktualisiert.',
  store: 'Diese Installation wird über den App-Store aktualisiert.',
  no_feed: 'Für diese Installation ist keine Update-Adresse hinterlegt.',
  no_updater: 'Updates gibt es nur in der Desktop-App.',
};

export type UpdateServiceDeps = {
  updater: UpdaterPort | null;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  currentVersion: string;
  /** 0 ≤ r < 1; injected so tests know where the jitter lands. */
  random: () => number;
  /** The seller's switch "automatisch nach Updates suchen". Manual checks work either way. */
  autoCheckEnabled: () => boolean;
  emit: (status: UpdateStatus) => void;
};

/**
 * The update policy: check at start and every few hours with jitter, back off on errors, download in
 * the background, and install only when the seller agrees. Errors are logged and shown, never thrown
 * out of a scheduled check: a broken feed must not take the app down.
 */
export class UpdateService {
  private st: UpdateStatus;
  private timer: unknown = null;
  private started = false;
  private failures = 0;
  private inFlight: Promise<UpdateStatus> | null = null;
  private dismissedVersion: string | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private deps: UpdateServiceDeps) {
    // Progress and "downloaded" arrive as updater events, also for a manual check before start().
    this.unsubscribe = deps.updater?.on((e) => this.onUpdaterEvent(e)) ?? null;
    this.st = {
      state: deps.updater ? 'idle' : 'unsupported',
      currentVersion: deps.currentVersion,
      version: null,
      releaseNotes: null,
      releaseDate: null,
      percent: null,
      message: deps.updater ? null : UNSUPPORTED_TEXT.no_updater!,
      reason: deps.updater ? null : 'no_updater',
      lastCheckedAt: null,
      nextCheckAt: null,
      dismissed: false,
    };
  }

  status(): UpdateStatus {
    return { ...this.st };
  }

  /** Starts the schedule. Does nothing where updates do not apply (and says why). */
  start(support: UpdateSupport = { supported: true }): UpdateStatus {
    if (this.started) return this.status();
    if (!support.supported || !this.deps.updater) {
      const reason = support.supported ? 'no_updater' : support.reason;
      this.set({ state: 'unsupported', reason, message: UNSUPPORTED_TEXT[reason] ?? reason });
      this.deps.logger.info('update.unsupported', { reason });
      return this.status();
    }
    this.started = true;
    this.schedule(UPDATE_POLICY.startDelayMs + Math.floor(this.deps.random() * UPDATE_POLICY.startJitterMs));
    return this.status();
  }

  /** Stops the schedule and the updater subscription (shutdown). */
  stop(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
    this.started = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** "Jetzt nach Updates suchen": also clears a "Später" for the version on offer. */
  async checkNow(): Promise<UpdateStatus> {
    if (!this.deps.updater || this.st.state === 'unsupported') {
      throw new AppError('UPDATE_UNSUPPORTED', this.st.message ?? UNSUPPORTED_TEXT.no_updater!);
    }
    this.dismissedVersion = null;
    if (this.st.dismissed) this.set({ dismissed: false });
    return this.check(true);
  }

  /** The seller's consent: quits, installs and restarts. Only a downloaded update can be installed. */
  install(): UpdateStatus {
    if (this.st.state !== 'downloaded' || !this.deps.updater) {
      throw new AppError('UPDATE_NOT_READY', 'Es ist kein heruntergeladenes Update bereit.');
    }
    this.deps.logger.info('update.install_consented', { version: this.st.version });
    this.deps.updater.quitAndInstall();
    return this.status();
  }

  /** "Später": no banner for this version; the download stays and is offered again at the next check. */
  dismiss(): UpdateStatus {
    this.dismissedVersion = this.st.version;
    this.set({ dismissed: true });
    return this.status();
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.set({ nextCheckAt: new Date(this.deps.clock.now().getTime() + ms).toISOString() });
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      void this.scheduledCheck();
    }, ms);
  }

  private regularDelay(): number {
    return UPDATE_POLICY.intervalMs + Math.floor(this.deps.random() * UPDATE_POLICY.jitterMs);
  }

  private backoffDelay(): number {
    return Math.min(UPDATE_POLICY.backoffBaseMs * 2 ** Math.max(0, this.failures - 1), UPDATE_POLICY.backoffMaxMs);
  }

  private async scheduledCheck(): Promise<void> {
    if (!this.started) return;
    // A downloaded update waits for the seller; checking again would only download it twice.
    if (this.st.state === 'downloaded' || this.st.state === 'downloading') return this.schedule(this.regularDelay());
    if (!this.deps.autoCheckEnabled()) {
      this.deps.logger.info('update.auto_check_disabled');
      return this.schedule(this.regularDelay());
    }
    await this.check(false);
    if (this.started && this.timer === null) this.schedule(this.st.state === 'error' ? this.backoffDelay() : this.regularDelay());
  }

  private check(manual: boolean): Promise<UpdateStatus> {
    if (this.inFlight) return this.inFlight;
    if (this.st.state === 'downloading' || this.st.state === 'downloaded') return Promise.resolve(this.status());
    const updater = this.deps.updater!;
    this.inFlight = (async () => {
      this.set({ state: 'checking', message: null });
      try {
        const info = await updater.check();
        this.failures = 0;
        this.set({ lastCheckedAt: this.deps.clock.now().toISOString() });
        if (!info || info.version === this.deps.currentVersion) {
          this.set({ state: 'up-to-date', version: null, releaseNotes: null, releaseDate: null, percent: null, dismissed: false });
        } else {
          this.offer(info);
          this.set({ state: 'downloading', percent: 0 });
          // Background download: the check returns now, progress arrives as events.
          void updater.download().then(
            () => this.downloaded(info),
            (e: unknown) => this.fail('download', e),
          );
        }
      } catch (e) {
        this.fail('check', e);
      } finally {
        this.inFlight = null;
      }
      this.deps.logger.info('update.checked', { manual, state: this.st.state, version: this.st.version });
      return this.status();
    })();
    return this.inFlight;
  }

  private offer(info: UpdateInfo): void {
    this.set({
      state: 'available',
      version: info.version,
      releaseNotes: info.releaseNotes || null,
      releaseDate: info.releaseDate || null,
      dismissed: this.dismissedVersion === info.version,
    });
  }

  private downloaded(info: UpdateInfo): void {
    if (this.st.state === 'downloaded') return;
    this.offer(info);
    this.set({ state: 'downloaded', percent: 100 });
    this.deps.logger.info('update.downloaded', { version: info.version });
  }

  private fail(stage: 'check' | 'download', e: unknown): void {
    this.failures++;
    const detail = e instanceof Error ? e.message : String(e);
    this.deps.logger.warn('update.failed', { stage, error: detail, failures: this.failures });
    const what = stage === 'check' ? 'Die Suche nach Updates' : 'Das Herunterladen des Updates';
    this.set({ state: 'error', percent: null, message: `${what} ist fehlgeschlagen: ${detail}. Portodesk versucht es später erneut.` });
    if (stage === 'download' && this.started) this.schedule(this.backoffDelay());
  }

  private onUpdaterEvent(e: UpdaterEvent): void {
    if (e.type === 'progress' && this.st.state === 'downloading') this.set({ percent: Math.max(0, Math.min(100, Math.round(e.percent))) });
    else if (e.type === 'downloaded') this.downloaded(e.info);
    else if (e.type === 'error') this.deps.logger.warn('update.updater_error', { error: e.message });
  }

  private set(patch: Partial<UpdateStatus>): void {
    this.st = { ...this.st, ...patch };
    this.deps.emit(this.status());
  }
}
