import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/types';
import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import type { EventSink } from '../../ports/events';
import { AppError, isAppError } from '../../../shared/errors';
import type { JobView } from '../../../shared/domain/job';
import * as repo from '../../db/repos/jobs';

export type ItemOutcome = { state: 'done' } | { state: 'skipped'; reason: string };

export type JobContext = { jobId: string; signal: AbortSignal };

/**
 * A kind of long work (import, batch print, stamp purchase, …). Items are processed one by one and
 * each item's outcome is committed before the next starts, so a crash loses at most the item in
 * flight, and `runItem` must be idempotent for that item (re-running it after a crash must not
 * issue a second invoice or buy a second stamp).
 */
export interface JobKind<P = unknown> {
  kind: string;
  label(payload: P): string;
  runItem(ref: string, payload: P, ctx: JobContext): Promise<ItemOutcome> | ItemOutcome;
  /** Called once when all items are through (not when cancelled); its result is stored with the job. */
  finish?(payload: P, ctx: JobContext & { items: repo.JobItemRow[] }): Promise<{ summary?: string; result?: unknown }> | { summary?: string; result?: unknown };
}

export class JobService {
  private kinds = new Map<string, JobKind<any>>();
  private running = new Map<string, { ctrl: AbortController; done: Promise<JobView> }>();
  private lastEmit = new Map<string, number>();

  constructor(
    private db: Db,
    private clock: Clock,
    private events: EventSink,
    private logger: Logger,
  ) {}

  register<P>(kind: JobKind<P>): void {
    this.kinds.set(kind.kind, kind as JobKind<any>);
  }

  /** Starts a job in the background and returns at once. */
  start<P>(kind: string, payload: P, refs: string[]): JobView {
    const id = this.create(kind, payload, refs);
    void this.drive(id);
    return this.view(id);
  }

  /** Starts a job and waits for it (CLI, tests). */
  async run<P>(kind: string, payload: P, refs: string[]): Promise<JobView> {
    const id = this.create(kind, payload, refs);
    return this.drive(id);
  }

  wait(id: string): Promise<JobView> {
    return this.running.get(id)?.done ?? Promise.resolve(this.view(id));
  }

  cancel(id: string): JobView {
    const job = repo.getJob(this.db, id);
    if (!job) throw new AppError('NOT_FOUND', `Auftrag (Job) ${id} nicht gefunden`);
    const r = this.running.get(id);
    if (r) r.ctrl.abort();
    else if (job.state === 'queued' || job.state === 'paused') repo.setJobState(this.db, id, 'cancelled', this.nowIso());
    return this.view(id);
  }

  /** Continues a paused or interrupted job with the items that are still pending. */
  resume(id: string): JobView {
    const job = repo.getJob(this.db, id);
    if (!job) throw new AppError('NOT_FOUND', `Job ${id} nicht gefunden`);
    if (!this.running.has(id) && ['queued', 'running', 'paused'].includes(job.state)) void this.drive(id);
    return this.view(id);
  }

  /** At start-up: jobs left 'running' by a crash or 'paused' by a clean shutdown continue. */
  resumeInterrupted(): string[] {
    const ids = repo.listJobs(this.db, true, 1000).filter((j) => this.kinds.has(j.kind)).map((j) => j.id);
    ids.forEach((id) => void this.drive(id));
    return ids;
  }

  /** Clean shutdown: stop after the item in flight, keep the job resumable. */
  async pauseAll(): Promise<void> {
    for (const [id, r] of this.running) {
      (r.ctrl as AbortController & { pause?: boolean }).pause = true;
      r.ctrl.abort();
      await r.done.catch(() => undefined);
      this.logger.info('job.paused', { id });
    }
  }

  list(activeOnly = false): JobView[] {
    return repo.listJobs(this.db, activeOnly).map((j) => this.view(j.id));
  }

  view(id: string): JobView {
    const job = repo.getJob(this.db, id);
    if (!job) throw new AppError('NOT_FOUND', `Job ${id} nicht gefunden`);
    const c = repo.jobCounts(this.db, id);
    const processed = c.done + c.failed + c.skipped;
    const elapsed = (Date.parse(job.updated_at) - Date.parse(job.started_at)) / 1000;
    const eta = job.state === 'running' && processed > 0 ? Math.round((elapsed / processed) * (c.total - processed)) : null;
    const problems = repo
      .jobItems(this.db, id)
      .filter((i) => i.state === 'failed' || i.state === 'skipped')
      .slice(0, 500)
      .map((i) => ({ ref: i.ref, reason: i.reason ?? '' }));
    return {
      id: job.id, kind: job.kind, label: job.label, state: job.state, total: c.total, done: c.done, failed: c.failed,
      skipped: c.skipped, startedAt: job.started_at, updatedAt: job.updated_at, etaSeconds: eta, summary: job.summary,
      problems, result: job.result ? JSON.parse(job.result) : undefined,
    };
  }

  private create<P>(kind: string, payload: P, refs: string[]): string {
    const k = this.kinds.get(kind);
    if (!k) throw new AppError('UNKNOWN_JOB', `Unbekannte Job-Art: ${kind}`);
    const id = randomUUID();
    const now = this.nowIso();
    repo.insertJob(this.db, { id, kind, label: k.label(payload), state: 'queued', payload: JSON.stringify(payload), started_at: now, updated_at: now }, refs);
    return id;
  }

  private drive(id: string): Promise<JobView> {
    const existing = this.running.get(id);
    if (existing) return existing.done;
    const ctrl = new AbortController();
    const done = this.loop(id, ctrl).finally(() => this.running.delete(id));
    this.running.set(id, { ctrl, done });
    return done;
  }

  private async loop(id: string, ctrl: AbortController): Promise<JobView> {
    const job = repo.getJob(this.db, id)!;
    const kind = this.kinds.get(job.kind)!;
    const payload = JSON.parse(job.payload);
    const ctx: JobContext = { jobId: id, signal: ctrl.signal };
    repo.setJobState(this.db, id, 'running', this.nowIso());
    this.emit(id, true);
    for (const item of repo.jobItems(this.db, id)) {
      if (item.state !== 'pending') continue;
      if (ctrl.signal.aborted) break;
      try {
        const out = await kind.runItem(item.ref, payload, ctx);
        repo.setJobItem(this.db, id, item.seq, out.state, out.state === 'skipped' ? out.reason : null);
      } catch (e) {
        if (ctrl.signal.aborted && !isAppError(e)) break;
        const reason = e instanceof Error ? e.message : String(e);
        if (!isAppError(e)) this.logger.error('job.item_failed', { id, ref: item.ref, error: e instanceof Error ? e.stack : reason });
        repo.setJobItem(this.db, id, item.seq, 'failed', reason);
      }
      this.db.prepare('UPDATE jobs SET updated_at = ? WHERE id = ?').run(this.nowIso(), id);
      this.emit(id, false);
    }
    if (ctrl.signal.aborted) {
      const paused = (ctrl as AbortController & { pause?: boolean }).pause === true;
      repo.setJobState(this.db, id, paused ? 'paused' : 'cancelled', this.nowIso(), { summary: paused ? undefined : this.defaultSummary(id, true) });
    } else {
      try {
        const fin = kind.finish ? await kind.finish(payload, { ...ctx, items: repo.jobItems(this.db, id) }) : {};
        repo.setJobState(this.db, id, 'done', this.nowIso(), { result: fin.result, summary: fin.summary ?? this.defaultSummary(id, false) });
      } catch (e) {
        this.logger.error('job.finish_failed', { id, error: e instanceof Error ? e.stack : String(e) });
        repo.setJobState(this.db, id, 'failed', this.nowIso(), { summary: e instanceof Error ? e.message : String(e) });
      }
    }
    this.emit(id, true);
    return this.view(id);
  }

  private defaultSummary(id: string, cancelled: boolean): string {
    const c = repo.jobCounts(this.db, id);
    const parts = [`${c.done} erledigt`];
    if (c.skipped) parts.push(`${c.skipped} übersprungen`);
    if (c.failed) parts.push(`${c.failed} fehlgeschlagen`);
    if (cancelled) parts.push(`${c.pending} abgebrochen`);
    return parts.join(', ');
  }

  /** Progress events at most every 100 ms per job (a 2,000-item batch must not flood the renderer). */
  private emit(id: string, force: boolean): void {
    const t = Date.now();
    if (!force && t - (this.lastEmit.get(id) ?? 0) < 100) return;
    this.lastEmit.set(id, t);
    this.events.emit('job:progress', this.view(id));
  }

  private nowIso(): string {
    return this.clock.now().toISOString();
  }
}
