import type { Db } from '../types';

export type PrintLogState = 'saved' | 'sent' | 'printing' | 'completed' | 'failed';
export type PrintLogEntry = {
  id: number; createdAt: string; updatedAt: string; jobType: string; title: string; printer: string;
  pageWidthMm: number; pageHeightMm: number; pages: number; state: PrintLogState; systemJobId: string;
  savedTo: string; message: string;
};
type Row = {
  id: number; created_at: string; updated_at: string; job_type: string; title: string; printer: string;
  page_width_mm: number; page_height_mm: number; pages: number; state: string; system_job_id: string;
  saved_to: string; message: string;
};
const toEntry = (r: Row): PrintLogEntry => ({
  id: r.id, createdAt: r.created_at, updatedAt: r.updated_at, jobType: r.job_type, title: r.title, printer: r.printer,
  pageWidthMm: r.page_width_mm, pageHeightMm: r.page_height_mm, pages: r.pages, state: r.state as PrintLogState,
  systemJobId: r.system_job_id, savedTo: r.saved_to, message: r.message,
});

export function insertPrintLog(
  db: Db,
  e: { jobType: string; title: string; printer: string; pageWidthMm: number; pageHeightMm: number; pages: number; state: PrintLogState; savedTo: string; message?: string },
  nowIso: string,
): number {
  const r = db
    .prepare(
      `INSERT INTO print_log (created_at, updated_at, job_type, title, printer, page_width_mm, page_height_mm, pages, state, saved_to, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(nowIso, nowIso, e.jobType, e.title, e.printer, e.pageWidthMm, e.pageHeightMm, e.pages, e.state, e.savedTo, e.message ?? '');
  return Number(r.lastInsertRowid);
}

export function updatePrintLog(db: Db, id: number, patch: { state: PrintLogState; systemJobId?: string; message?: string }, nowIso: string): void {
  db.prepare(
    `UPDATE print_log SET state = ?, system_job_id = COALESCE(?, system_job_id), message = COALESCE(?, message), updated_at = ? WHERE id = ?`,
  ).run(patch.state, patch.systemJobId ?? null, patch.message ?? null, nowIso, id);
}

export function getPrintLog(db: Db, id: number): PrintLogEntry | null {
  const r = db.prepare('SELECT * FROM print_log WHERE id = ?').get(id) as Row | undefined;
  return r ? toEntry(r) : null;
}

export function listPrintLog(db: Db, limit = 100): PrintLogEntry[] {
  return (db.prepare('SELECT * FROM print_log ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(toEntry);
}
