import type { Notifier } from '../ports/notifier';
import type { Logger } from '../ports/logger';

/** Outside Electron (CLI) a notification becomes a log line and a line on stderr. */
export function createLogNotifier(logger: Logger, echo: boolean): Notifier {
  return {
    isSupported: () => false,
    show(n) {
      logger.info('notification', { title: n.title, body: n.body });
      if (echo) process.stderr.write(`Hinweis: ${n.title} — ${n.body}\n`);
    },
  };
}
