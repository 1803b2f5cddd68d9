import type { AppUpdater, UpdateInfo as EuUpdateInfo } from 'electron-updater';
import type { UpdateInfo, UpdaterEvent, UpdaterPort } from '../ports/updater';
import type { Logger } from '../ports/logger';

function notesText(info: EuUpdateInfo): string {
  const n = info.releaseNotes;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return n.map((r) => `${r.version}: ${r.note ?? ''}`).join('\n\n');
}

const toInfo = (i: EuUpdateInfo): UpdateInfo => ({ version: i.version, releaseNotes: notesText(i), releaseDate: i.releaseDate ?? '' });

/**
 * electron-updater behind the UpdaterPort. The module is imported lazily on first use: reading
 * `autoUpdater` touches Electron, and the policy (when to check, consent to install) lives in
 * UpdateService, not here. Nothing downloads or installs on its own.
 */
export function createElectronUpdater(opts: {
  logger: Logger;
  feedUrl?: string;
  forceDevConfig?: boolean;
  /** Runs before the installer takes over: pause jobs and close the database first. */
  beforeInstall?: () => Promise<void>;
}): UpdaterPort {
  const listeners = new Set<(e: UpdaterEvent) => void>();
  const emit = (e: UpdaterEvent) => listeners.forEach((l) => l(e));
  let loading: Promise<AppUpdater> | null = null;

  const load = (): Promise<AppUpdater> =>
    (loading ??= import('electron-updater').then((mod) => {
      // CJS/ESM interop: the named export or the default's property, whichever the bundler produced.
      const au: AppUpdater = (mod as { autoUpdater?: AppUpdater }).autoUpdater ?? (mod as unknown as { default: { autoUpdater: AppUpdater } }).default.autoUpdater;
      au.autoDownload = false;
      au.autoInstallOnAppQuit = false; // install only with the seller's consent
      au.allowDowngrade = false;
      au.forceDevUpdateConfig = opts.forceDevConfig === true;
      au.logger = {
        info: (m?: unknown) => opts.logger.info('updater', { message: String(m) }),
        warn: (m?: unknown) => opts.logger.warn('updater', { message: String(m) }),
        error: (m?: unknown) => opts.logger.error('updater', { message: String(m) }),
        debug: (m: string) => opts.logger.debug('updater', { message: m }),
      };
      if (opts.feedUrl) au.setFeedURL({ provider: 'generic', url: opts.feedUrl });
      au.on('update-available', (i) => emit({ type: 'available', info: toInfo(i) }));
      au.on('update-not-available', () => emit({ type: 'not-available' }));
      au.on('download-progress', (p) => emit({ type: 'progress', percent: p.percent }));
      au.on('update-downloaded', (i) => emit({ type: 'downloaded', info: toInfo(i) }));
      au.on('error', (e) => emit({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
      return au;
    }));

  return {
    async check() {
      const au = await load();
      const r = await au.checkForUpdates();
      if (!r || !r.isUpdateAvailable) return null;
      return toInfo(r.updateInfo);
    },
    async download() {
      const au = await load();
      await au.downloadUpdate();
    },
    quitAndInstall() {
      if (!loading) return;
      void (async () => {
        const au = await loading!;
        await opts.beforeInstall?.();
        au.quitAndInstall(false, true);
      })();
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
