import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppCore } from '../../app/core';

export type PrintJobType = 'invoice' | 'delivery_note' | 'label' | 'stamp';
export const printJobTypes: readonly PrintJobType[] = ['invoice', 'delivery_note', 'label', 'stamp'];

export type PrintOutcome =
  | { printed: true; printer: string; jobId: string; savedTo: string; logId?: number }
  | { printed: false; savedTo: string; reason: string; logId?: number };

export type PrintPdfOptions = {
  title: string;
  pageSizeMm: { width: number; height: number };
  /** Overrides the printer chosen for the job type (CLI --printer). '' forces "save only". */
  printer?: string;
  /** Number of pages, for the print log. */
  pages?: number;
  copies?: number;
};

/**
 * The one way documents, labels and stamps reach paper. Picks the printer the seller chose for the
 * job type; without one (or without a print system) the PDF is saved and the outcome says where.
 * A job the OS refuses throws AppError 'PRINT_FAILED' (the PDF is still saved, the message says where).
 */
export interface PrintService {
  printPdf(jobType: PrintJobType, pdf: Uint8Array, opts: PrintPdfOptions): Promise<PrintOutcome>;
  /** Printer and stock the seller chose for a job type ('' = none chosen). */
  choiceFor(jobType: PrintJobType): { printer: string; stockId: string };
}

/** The no-printer path every implementation shares: keep the PDF in <data>/prints/. */
export function savePrintFile(core: Pick<AppCore, 'dataDir' | 'nowIso'>, jobType: PrintJobType, title: string, pdf: Uint8Array): string {
  const dir = join(core.dataDir, 'prints');
  mkdirSync(dir, { recursive: true });
  const safe = title.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);
  const base = `${core.nowIso().replace(/[:.]/g, '-')}_${jobType}_${safe}`;
  // Same second, same title (a reprint, a pinned clock): never overwrite an earlier file.
  let file = join(dir, `${base}.pdf`);
  for (let n = 2; existsSync(file); n += 1) file = join(dir, `${base}_${n}.pdf`);
  writeFileSync(file, pdf, { flag: 'wx' });
  return file;
}
