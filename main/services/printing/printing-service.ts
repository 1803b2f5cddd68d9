import { z } from 'zod';
import type { AppCore } from '../../app/core';
import type { PrinterInfo } from '../../ports/printer';
import { insertPrintLog, listPrintLog, updatePrintLog, type PrintLogEntry } from '../../db/repos/printing';
import { AppError, isAppError } from '../../../shared/errors';
import { printJobTypes, savePrintFile, type PrintJobType, type PrintOutcome, type PrintPdfOptions, type PrintService } from './print-service';

const defaultStock: Record<PrintJobType, string> = { invoice: 'a4', delivery_note: 'a4', label: 'dymo-99014', stamp: 'dymo-99014' };
const typeWords: Record<PrintJobType, string> = { invoice: 'Rechnungen', delivery_note: 'Lieferscheine', label: 'Etiketten', stamp: 'Briefmarken' };

export const printerKey = (t: PrintJobType) => `printing.${t}.printer`;
export const stockKey = (t: PrintJobType) => `printing.${t}.stock`;

/** Registers the per-job-type printer and stock settings (seller picks them once). */
export function registerPrintingSettings(core: AppCore): void {
  for (const t of printJobTypes) {
    core.settings.register(printerKey(t), z.string().max(200), '', `Drucker (CUPS-Warteschlange bzw. Windows-Druckername) für ${typeWords[t]}; leer = PDF speichern`);
    core.settings.register(stockKey(t), z.string().max(100), defaultStock[t], `Papier bzw. Etikettenformat für ${typeWords[t]} (siehe „labels stock“)`);
  }
}

export type PrintingService = PrintService & {
  printers(): Promise<{ available: boolean; printers: PrinterInfo[] }>;
  log(limit?: number): Promise<PrintLogEntry[]>;
  setChoice(jobType: PrintJobType, choice: { printer: string; stockId: string }): void;
};

/** Implements PrintService over core.printer (null = no print system) with a print log. */
export function createPrintingService(core: AppCore): PrintingService {
  const choiceFor = (jobType: PrintJobType) => ({
    printer: String(core.settings.get(printerKey(jobType)) ?? ''),
    stockId: String(core.settings.get(stockKey(jobType)) || defaultStock[jobType]),
  });

  async function printPdf(jobType: PrintJobType, pdf: Uint8Array, opts: PrintPdfOptions): Promise<PrintOutcome> {
    const savedTo = savePrintFile(core, jobType, opts.title, pdf);
    const printer = (opts.printer ?? choiceFor(jobType).printer).trim();
    const base = { jobType, title: opts.title, pageWidthMm: opts.pageSizeMm.width, pageHeightMm: opts.pageSizeMm.height, pages: opts.pages ?? 1, savedTo };
    if (!printer || !core.printer) {
      const reason = !core.printer
        ? `Kein Drucksystem gefunden (CUPS bzw. Windows-Druckdienst). Das PDF liegt unter ${savedTo}.`
        : `Für ${typeWords[jobType]} ist kein Drucker gewählt (Einstellungen → Drucker). Das PDF liegt unter ${savedTo}.`;
      const logId = insertPrintLog(core.db, { ...base, printer: '', state: 'saved', message: reason }, core.nowIso());
      return { printed: false, savedTo, reason, logId };
    }
    const logId = insertPrintLog(core.db, { ...base, printer, state: 'sent' }, core.nowIso());
    try {
      const r = await core.printer.print({ printer, pdf, title: opts.title, pageSizeMm: opts.pageSizeMm, copies: opts.copies });
      updatePrintLog(core.db, logId, { state: 'sent', systemJobId: r.jobId }, core.nowIso());
      return { printed: true, printer, jobId: r.jobId, savedTo, logId };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      updatePrintLog(core.db, logId, { state: 'failed', message: msg }, core.nowIso());
      core.logger.error('printing.failed', { printer, jobType, error: msg });
      if (isAppError(e)) throw new AppError(e.code, `${e.message} Das PDF liegt unter ${savedTo}.`);
      throw new AppError('PRINT_FAILED', `Drucken auf „${printer}“ fehlgeschlagen: ${msg}. Das PDF liegt unter ${savedTo}.`);
    }
  }

  return {
    printPdf,
    choiceFor,
    setChoice(jobType, choice) {
      core.settings.set(printerKey(jobType), choice.printer);
      core.settings.set(stockKey(jobType), choice.stockId);
    },
    async printers() {
      if (!core.printer) return { available: false, printers: [] };
      return { available: true, printers: await core.printer.list() };
    },
    /** The newest entries; jobs still open at the OS are asked for their state first. */
    async log(limit = 100) {
      const entries = listPrintLog(core.db, limit);
      const port = core.printer;
      if (port?.jobState) {
        for (const e of entries) {
          if ((e.state !== 'sent' && e.state !== 'printing') || !e.systemJobId) continue;
          const s = await port.jobState(e.printer, e.systemJobId).catch(() => 'unknown' as const);
          const next = s === 'completed' ? 'completed' : s === 'processing' ? 'printing' : null;
          if (next && next !== e.state) {
            updatePrintLog(core.db, e.id, { state: next }, core.nowIso());
            e.state = next;
          }
        }
      }
      return entries;
    },
  };
}
