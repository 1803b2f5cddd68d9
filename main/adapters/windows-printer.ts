import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../ports/logger';
import type { PrinterInfo, PrinterPort, PrintRequest } from '../ports/printer';
import { AppError } from '../../shared/errors';

type PdfToPrinter = typeof import('pdf-to-printer');

/**
 * Picks the driver's paper name for a page size, e.g. "62 x 100 mm" or "99014 Shipping" for
 * 54 × 101 mm. Windows drivers only take paper sizes by name; without a match the driver's
 * default paper is used, so the seller should set it once in the printer's preferences.
 */
export function matchPaperSize(paperSizes: string[], size: { width: number; height: number }): string | undefined {
  const near = (a: number, b: number) => Math.abs(a - b) <= 1.2;
  for (const p of paperSizes) {
    const nums = [...p.matchAll(/(\d+(?:[.,]\d+)?)\s*(mm|in|")?/gi)].map((m) => ({ v: Number(m[1]!.replace(',', '.')), unit: (m[2] ?? '').toLowerCase() }));
    for (let i = 0; i + 1 < nums.length; i += 1) {
      const f = nums[i + 1]!.unit === 'in' || nums[i + 1]!.unit === '"' ? 25.4 : 1;
      const a = nums[i]!.v * f;
      const b = nums[i + 1]!.v * f;
      if ((near(a, size.width) && near(b, size.height)) || (near(a, size.height) && near(b, size.width))) return p;
    }
  }
  if (Math.abs(size.width - 210) < 0.5 && Math.abs(size.height - 297) < 0.5) return paperSizes.find((p) => /^a4\b/i.test(p));
  return undefined;
}

/** PrinterPort over the Windows spooler through pdf-to-printer (SumatraPDF, "noscale"). */
/** pdf-to-printer is a CommonJS bundle: from ESM its functions sit on `default`. */
async function loadPdfToPrinter(): Promise<PdfToPrinter> {
  const mod = (await import('pdf-to-printer')) as PdfToPrinter & { default?: PdfToPrinter };
  return mod.default ?? mod;
}

export function createWindowsPrinter(logger: Logger, load: () => Promise<PdfToPrinter> = loadPdfToPrinter): PrinterPort {
  let counter = 0;
  return {
    async list(): Promise<PrinterInfo[]> {
      const lib = await load();
      const [printers, def] = await Promise.all([lib.getPrinters(), lib.getDefaultPrinter().catch(() => null)]);
      return printers.map((p) => ({ name: p.name, description: p.name, isDefault: p.name === def?.name, media: p.paperSizes }));
    },
    async print(req: PrintRequest) {
      const lib = await load();
      const printers = await lib.getPrinters();
      const target = printers.find((p) => p.name === req.printer);
      if (!target) throw new AppError('PRINT_FAILED', `Drucker „${req.printer}“ ist in Windows nicht eingerichtet.`);
      const paperSize = matchPaperSize(target.paperSizes, req.pageSizeMm);
      const dir = mkdtempSync(join(tmpdir(), 'portodesk-print-'));
      const file = join(dir, 'job.pdf');
      try {
        writeFileSync(file, req.pdf);
        await lib.print(file, { printer: req.printer, scale: 'noscale', silent: true, copies: req.copies ?? 1, ...(paperSize ? { paperSize } : {}) });
      } catch (e) {
        throw new AppError('PRINT_FAILED', `Drucken auf „${req.printer}“ fehlgeschlagen: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      counter += 1;
      logger.info('printer.sent', { printer: req.printer, paperSize: paperSize ?? '(Treiber-Standard)' });
      // The spooler gives no job id through SumatraPDF; the log keeps a local one.
      return { jobId: `win-${Date.now()}-${counter}` };
    },
  };
}
