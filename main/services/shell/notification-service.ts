import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import type { Notifier } from '../../ports/notifier';
import type { NavTarget, NotificationCategory, NotificationSettings } from '../../../shared/ipc/channels/shell';

export type Notice = {
  category: NotificationCategory;
  /** Same key within `dedupeMs` is shown once (e.g. "balance-low", "job:<id>"). */
  key: string;
  title: string;
  body: string;
  /** The view a click opens. */
  route?: NavTarget;
  /** Default 6 h: a low balance or a sync problem is worth one reminder per half working day. */
  dedupeMs?: number;
  /** Show even while Portodesk is in front (the seller would otherwise miss it, e.g. trial ended). */
  evenIfFocused?: boolean;
};

/** What happened to a notice; callers and tests read this instead of catching errors (Mattermost style). */
export type NoticeResult =
  | { status: 'sent' }
  | { status: 'not_sent'; reason: 'disabled' | 'category_off' | 'window_focused' | 'duplicate' | 'unsupported' | 'failed' };

export const DEFAULT_DEDUPE_MS = 6 * 3_600_000;

/**
 * The notification policy: a user setting per category, no OS notification while the seller is
 * looking at Portodesk (the app shows it in place), duplicates within a window suppressed, and a click
 * routed to the right view. The Notifier port does the showing.
 */
export class NotificationService {
  private focused = false;
  private lastShown = new Map<string, number>();

  constructor(
    private deps: {
      notifier: Notifier;
      clock: Clock;
      logger: Logger;
      settings: () => NotificationSettings;
    },
  ) {}

  /** The Electron edge reports window focus; without a window (CLI, tests) Portodesk counts as not focused. */
  setWindowFocused(focused: boolean): void {
    this.focused = focused;
  }

  isWindowFocused(): boolean {
    return this.focused;
  }

  notify(n: Notice): NoticeResult {
    const result = this.decide(n);
    this.deps.logger.info('notification', { category: n.category, key: n.key, status: result.status, reason: 'reason' in result ? result.reason : undefined });
    return result;
  }

  private decide(n: Notice): NoticeResult {
    const s = this.deps.settings();
    if (!s.enabled) return { status: 'not_sent', reason: 'disabled' };
    if (!s[n.category]) return { status: 'not_sent', reason: 'category_off' };
    if (this.focused && !n.evenIfFocused) return { status: 'not_sent', reason: 'window_focused' };
    const now = this.deps.clock.now().getTime();
    const last = this.lastShown.get(n.key);
    if (last !== undefined && now - last < (n.dedupeMs ?? DEFAULT_DEDUPE_MS)) return { status: 'not_sent', reason: 'duplicate' };
    if (!this.deps.notifier.isSupported()) return { status: 'not_sent', reason: 'unsupported' };
    try {
      this.deps.notifier.show({ title: n.title, body: n.body, route: n.route });
    } catch (e) {
      this.deps.logger.warn('notification.failed', { key: n.key, error: e instanceof Error ? e.message : String(e) });
      return { status: 'not_sent', reason: 'failed' };
    }
    this.lastShown.set(n.key, now);
    return { status: 'sent' };
  }
}
