import type { Db } from '../types';
import type { JobState } from '../../../shared/domain/job';

export type JobRow = {
  id: string; kind: string; label: string; state: JobState; payload: string; result: string | null;
  summary: string | null; started_at: string; updated_at: string;
};
export type JobItemState = 'pending' | 'done' | 'failed' | 'skipped';
export type JobItemRow = { job_id: string; seq: number; ref: string; state: JobItemState; reason: string | null };

export function insertJob(db: Db, row: Omit<JobRow, 'result' | 'summary'>, refs: string[]): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO jobs (id, kind, label, state, payload, started_at, updated_at)
       VALUES (@id, @kind, @label, @state, @payload, @started_at, @updated_at)`,
    ).run(row);
    const ins = db.prepare('INSERT INTO job_items (job_id, seq, ref) VALUES (?, ?, ?)');
    refs.forEach((ref, i) => ins.run(row.id, i, ref));
  })();
}

export const getJob = (db: Db, id: string) => db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;

export function listJobs(db: Db, activeOnly: boolean, limit = 50): JobRow[] {
  const where = activeOnly ? "WHERE state IN ('queued','running','paused')" : '';
  return db.prepare(`SELECT * FROM jobs ${where} ORDER BY started_at DESC LIMIT ?`).all(limit) as JobRow[];
}

export function setJobState(db: Db, id: string, state: JobState, nowIso: string, extra: { result?: unknown; summary?: string } = {}): void {
  db.prepare(
    `UPDATE jobs SET state = ?, updated_at = ?, result = COALESCE(?, result), summary = COALESCE(?, summary) WHERE id = ?`,
  ).run(state, nowIso, extra.result === undefined ? null : JSON.stringify(extra.result), extra.summary ?? null, id);
}

export const jobItems = (db: Db, id: string) =>
  db.prepare('SELECT * FROM job_items WHERE job_id = ? ORDER BY seq').all(id) as JobItemRow[];

export function setJobItem(db: Db, id: string, seq: number, state: JobItemState, reason: string | null): void {
  db.prepare('UPDATE job_items SET state = ?, reason = ? WHERE job_id = ? AND seq = ?').run(state, reason, id, seq);
}

export function jobCounts(db: Db, id: string): Record<JobItemState, number> & { total: number } {
  const rows = db.prepare('SELECT state, COUNT(*) n FROM job_items WHERE job_id = ? GROUP BY state').all(id) as { state: JobItemState; n: number }[];
  const c = { pending: 0, done: 0, failed: 0, skipped: 0, total: 0 };
  for (const r of rows) {
    c[r.state] = r.n;
    c.total += r.n;
  }
  return c;
}
