import { z } from 'zod';
import type { SettingsService } from '../settings/settings-service';
import type { NotificationSettings } from '../../../shared/ipc/channels/shell';

/** The shell's own settings keys (all in SQLite through SettingsService, readable with `portodesk settings get`). */
export const SHELL_KEYS = {
  notifications: {
    enabled: 'shell.notifications.enabled',
    jobs: 'shell.notifications.jobs',
    trial: 'shell.notifications.trial',
    sync: 'shell.notifications.sync',
    balance: 'shell.notifications.balance',
  },
  autoUpdateCheck: 'shell.updates.autoCheck',
} as const;

export function registerShellSettings(settings: SettingsService): void {
  const b = z.boolean();
  const n = SHELL_KEYS.notifications;
  settings.register(n.enabled, b, true, 'Desktop-Benachrichtigungen anzeigen (nur wenn Portodesk nicht im Vordergrund ist)');
  settings.register(n.jobs, b, true, 'Benachrichtigen, wenn eine lange Aufgabe fertig ist');
  settings.register(n.trial, b, true, 'Benachrichtigen, wenn der Testzeitraum bald endet');
  settings.register(n.sync, b, true, 'Benachrichtigen bei Problemen mit dem Abgleich (Gebühren, Portokasse)');
  settings.register(n.balance, b, true, 'Benachrichtigen, wenn das Portokasse-Guthaben knapp wird');
  settings.register(SHELL_KEYS.autoUpdateCheck, b, true, 'Automatisch nach Updates suchen');
}

export function readNotificationSettings(settings: SettingsService): NotificationSettings {
  const n = SHELL_KEYS.notifications;
  return {
    enabled: settings.get(n.enabled) === true,
    jobs: settings.get(n.jobs) === true,
    trial: settings.get(n.trial) === true,
    sync: settings.get(n.sync) === true,
    balance: settings.get(n.balance) === true,
  };
}

export function saveNotificationSettings(settings: SettingsService, patch: Partial<NotificationSettings>): NotificationSettings {
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) settings.set(SHELL_KEYS.notifications[k as keyof NotificationSettings], v);
  }
  return readNotificationSettings(settings);
}
