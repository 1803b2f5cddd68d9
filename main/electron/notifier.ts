import { Notification } from 'electron';
import type { Notifier } from '../ports/notifier';
import type { Logger } from '../ports/logger';

/**
 * Electron's Notification behind the Notifier port. The policy (setting, focus, dedupe) lives in
 * NotificationService; this only shows and routes the click back.
 */
export function createElectronNotifier(opts: { logger: Logger; onClick(route: string | undefined): void; icon?: string }): Notifier {
  // Notifications still on screen; holding them keeps their click handler from being collected.
  const live = new Set<Notification>();
  return {
    isSupported: () => Notification.isSupported(),
    show(n) {
      const note = new Notification({ title: n.title, body: n.body, silent: n.silent ?? false, ...(opts.icon ? { icon: opts.icon } : {}) });
      live.add(note);
      note.on('click', () => {
        live.delete(note);
        opts.onClick(n.route);
      });
      note.on('close', () => live.delete(note));
      note.on('failed', (_e, error) => {
        live.delete(note);
        opts.logger.warn('notification.os_failed', { error });
      });
      note.show();
    },
  };
}
