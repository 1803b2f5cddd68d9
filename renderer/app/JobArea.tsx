import { useJobs } from '../stores/jobs';
import { call } from '../ipc/client';
import { useT } from './i18n';

/** Long work shows here: a progress bar with count and time left, cancel, and the summary at the end. */
export function JobArea() {
  const t = useT();
  const jobMap = useJobs((s) => s.jobs);
  const jobs = Object.values(jobMap);
  const dismiss = useJobs((s) => s.dismiss);
  if (jobs.length === 0) return null;
  return (
    <section className="job-area" aria-label={t('jobs.title')} aria-live="polite">
      {jobs.map((j) => {
        const processed = j.done + j.failed + j.skipped;
        const active = j.state === 'running' || j.state === 'queued';
        return (
          <div key={j.id} className="job" data-testid="job" data-state={j.state}>
            <div className="job-head">
              <strong>{j.label}</strong>
              <span className="muted">
                {t('jobs.progress', { done: processed, total: j.total })} · {t(`jobs.state.${j.state}`)}
                {active && j.etaSeconds !== null ? ` · ${t('jobs.eta', { seconds: j.etaSeconds })}` : ''}
              </span>
            </div>
            <progress max={Math.max(j.total, 1)} value={processed} aria-label={j.label} />
            {j.summary && <div className="job-summary">{j.summary}</div>}
            <div className="job-actions">
              {active && (
                <button type="button" onClick={() => void call('jobs:cancel', { jobId: j.id })}>
                  {t('jobs.cancel')}
                </button>
              )}
              {j.state === 'paused' && (
                <button type="button" onClick={() => void call('jobs:resume', { jobId: j.id })}>
                  {t('jobs.resume')}
                </button>
              )}
              {!active && (
                <button type="button" onClick={() => dismiss(j.id)}>
                  {t('common.close')}
                </button>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}
