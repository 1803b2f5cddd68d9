import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppCore } from '../../app/core';

export type PrintJobType = 'invoice' | 'delivery_note' | 'label' | 'stamp';

export type PrintOutcome =
  | { printed: true; printer: string; jobId: string; savedTo: string }
  | { printed: false; savedTo: string; reason: string };

/**
 * The one way documents, labels and stamps reach paper. Picks the printer the seller chose for the
 * job type; without one (or without a print system) the PDF is saved and the outcome says where.
 */
export interface PrintService {
  printPdf(jobType: PrintJobType, pdf: Uint8Array, opts: { title: string; pageSizeMm: { width: number; height: number } }): Promise<PrintOutcome>;
}

/** The no-printer path every implementation shares: keep the PDF in <data>/prints/. */
export function savePrintFile(core: Pick<AppCore, 'dataDir' | 'nowIso'>, jobType: PrintJobType, title: string, pdf: Uint8Array): string {
  const dir = join(core.dataDir, 'prints');
  mkdirSync(dir, { recursive: true });
  const safe = title.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);
  const file = join(dir, `${core.nowIso().replace(/[:.]/g, '-')}_${jobType}_${safe}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
