import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { AppCore } from '../../app/core';
import { savePrintFile, type PrintService } from '../printing/print-service';
import { AppError } from '../../../shared/errors';
import { unzipPngs } from './im-client';

/**
 * The stamp archive: each purchase's document (PDF, or the ZIP of PNGs) is kept once under
 * <data>/stamps/ with its SHA-256 and never rewritten; reprints read it from there.
 */

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function archiveStampFile(core: AppCore, shopOrderId: string, format: 'pdf' | 'png', bytes: Uint8Array): { path: string; sha256: string } {
  const dir = join(core.dataDir, 'stamps');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `internetmarke-${shopOrderId.replace(/[^0-9A-Za-z_-]/g, '_')}.${format === 'pdf' ? 'pdf' : 'zip'}`);
  const hash = sha256(bytes);
  if (existsSync(path)) {
    // Never rewritten: the same purchase fetched again must be the same document.
    if (sha256(readFileSync(path)) !== hash) core.logger.warn('franking.archive_differs', { path });
    return { path, sha256: sha256(readFileSync(path)) };
  }
  writeFileSync(path, bytes, { flag: 'wx' });
  return { path, sha256: hash };
}

export function readArchived(path: string, expectedSha: string | null): Uint8Array {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `Markendatei fehlt: ${path}`);
  const bytes = new Uint8Array(readFileSync(path));
  if (expectedSha && sha256(bytes) !== expectedSha) {
    throw new AppError('ARCHIVE_CORRUPT', `Die Markendatei ${path} wurde verändert (SHA-256 stimmt nicht). Sie wird nicht gedruckt.`);
  }
  return bytes;
}

/** PNG stamps become one PDF page each, at their true size (300 dpi). */
export async function pngZipToPdf(zip: Uint8Array): Promise<{ pdf: Uint8Array; pageSizeMm: { width: number; height: number } }> {
  const doc = await PDFDocument.create();
  let size = { width: 85, height: 43 };
  for (const png of unzipPngs(zip)) {
    const img = await doc.embedPng(png);
    const w = (img.width / 300) * 72;
    const h = (img.height / 300) * 72;
    size = { width: Math.round((img.width / 300) * 254) / 10, height: Math.round((img.height / 300) * 254) / 10 };
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  return { pdf: await doc.save(), pageSizeMm: size };
}

const countPages = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length || 1;

export type PrintResultView = { printed: boolean; printer: string | null; savedTo: string; reason: string | null };

export async function printStamps(core: AppCore, printing: PrintService | null, title: string, pdf: Uint8Array, pageSizeMm: { width: number; height: number }): Promise<PrintResultView> {
  if (!printing) {
    const savedTo = savePrintFile(core, 'stamp', title, pdf);
    return { printed: false, printer: null, savedTo, reason: 'Kein Drucker eingerichtet: die Marken wurden als PDF gespeichert.' };
  }
  const out = await printing.printPdf('stamp', pdf, { title, pageSizeMm, pages: countPages(pdf) });
  return out.printed ? { printed: true, printer: out.printer, savedTo: out.savedTo, reason: null } : { printed: false, printer: null, savedTo: out.savedTo, reason: out.reason };
}
