import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { shellChannels, SecretsStatus } from '../../../shared/ipc/channels/shell';
import type { SecretStore } from '../../ports/secret-store';
import { AppError } from '../../../shared/errors';
import { NotificationService } from './notification-service';
import { UpdateService } from './update-service';
import { realTimers, type Timers } from './timers';
import { watchFinishedJobs } from './job-notices';
import { readNotificationSettings, registerShellSettings, saveNotificationSettings, SHELL_KEYS } from './settings';

/** What only the desktop app can do; the Electron edge attaches it after composing the app. */
export type DesktopHooks = {
  /** Electron's shell.openPath: resolves to '' on success, to an error text otherwise. */
  openPath(path: string): Promise<string>;
  versions: { electron: string; chrome: string };
};

/** A SecretStore may describe itself (the safeStorage store does); the CLI's env store does not. */
type DescribedSecretStore = SecretStore & { status?(): SecretsStatus };

export function logsDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

/**
 * Builds the shell capability: update policy, notification policy (exposed as `notifications` for
 * trial, sync, Portokasse balance and other capabilities), About/logs, and its IPC handlers.
 */
export function createShellFeature(core: AppCore, opts: { timers?: Timers; random?: () => number } = {}) {
  registerShellSettings(core.settings);
  let desktop: DesktopHooks | null = null;

  const notifications = new NotificationService({
    notifier: core.notifier,
    clock: core.clock,
    logger: core.logger,
    settings: () => readNotificationSettings(core.settings),
  });
  watchFinishedJobs(core.events, notifications);

  const updates = new UpdateService({
    updater: core.updater,
    clock: core.clock,
    timers: opts.timers ?? realTimers,
    logger: core.logger,
    currentVersion: core.appVersion,
    random: opts.random ?? Math.random,
    autoCheckEnabled: () => core.settings.get(SHELL_KEYS.autoUpdateCheck) === true,
    emit: (status) => core.events.emit('update:status', status),
  });

  const secretsStatus = (): SecretsStatus => {
    const s = core.secrets as DescribedSecretStore;
    if (typeof s.status === 'function') return s.status();
    return s.isAvailable()
      ? { available: true, backend: 'unknown', message: null }
      : {
          available: false,
          backend: 'env',
          message:
            'Ohne die Desktop-App speichert Portodesk keine Geheimnisse. Übergeben Sie sie als Umgebungsvariable PORTODESK_SECRET_<NAME> oder speichern Sie sie in der App.',
        };
  };

  const handlers: FeatureHandlers<typeof shellChannels> = {
    'shell:about': () => ({
      appVersion: core.appVersion,
      electronVersion: desktop?.versions.electron ?? null,
      chromeVersion: desktop?.versions.chrome ?? null,
      nodeVersion: process.versions.node,
      platform: core.platform,
      dataDir: core.dataDir,
      logsDir: logsDir(core.dataDir),
    }),
    'shell:logs:open': async () => {
      const path = logsDir(core.dataDir);
      mkdirSync(path, { recursive: true });
      if (!desktop) return { path, opened: false };
      const err = await desktop.openPath(path);
      if (err) throw new AppError('OPEN_FAILED', `Der Ordner ${path} ließ sich nicht öffnen: ${err}`);
      return { path, opened: true };
    },
    'shell:update:status': () => updates.status(),
    'shell:update:check': () => updates.checkNow(),
    'shell:update:install': () => updates.install(),
    'shell:update:dismiss': () => updates.dismiss(),
    'shell:notifications:get': () => readNotificationSettings(core.settings),
    'shell:notifications:set': (req) => saveNotificationSettings(core.settings, req),
    'shell:secrets:status': () => secretsStatus(),
  };

  return {
    handlers,
    notifications,
    updates,
    secretsStatus,
    /** Called once by main/electron after the window exists. */
    attachDesktop(hooks: DesktopHooks): void {
      desktop = hooks;
    },
  };
}
export type ShellFeature = ReturnType<typeof createShellFeature>;
