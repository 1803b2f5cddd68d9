import type { EventHub } from '../../ports/events';
import type { JobView } from '../../../shared/domain/job';
import { translate } from '../../../shared/i18n';
import type { NotificationService } from './notification-service';

/** A job counts as long (worth a notification) once it ran this long; short ones finish in view. */
export const LONG_JOB_MS = 20_000;

/**
 * Long jobs (batch print, stamp purchase, import) that finish while the seller is in another program
 * get one notification; a click opens the order list where the job area shows the summary.
 */
export function watchFinishedJobs(events: EventHub, notifications: NotificationService): () => void {
  const decided = new Set<string>();
  return events.subscribe((event, payload) => {
    if (event !== 'job:progress') return;
    const job = payload as JobView;
    if ((job.state !== 'done' && job.state !== 'failed') || decided.has(job.id)) return;
    decided.add(job.id);
    const ranMs = Date.parse(job.updatedAt) - Date.parse(job.startedAt);
    if (!(ranMs >= LONG_JOB_MS)) return;
    const ok = job.state === 'done' && job.failed === 0;
    notifications.notify({
      category: 'jobs',
      key: `job:${job.id}`,
      title: translate('de', ok ? 'shell.notify.jobDone.title' : 'shell.notify.jobProblems.title', { label: job.label }),
      body:
        job.summary ??
        translate('de', 'shell.notify.job.body', { done: job.done, failed: job.failed, skipped: job.skipped, total: job.total }),
      route: 'orders',
    });
  });
}
