import { BrowserWindow, type WebContents } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrinterPort } from '../ports/printer';
import type { Logger } from '../ports/logger';

/**
 * Last resort only: printing through Chromium (webContents.print) when no OS print path exists
 * (the labels capability drives CUPS/IPP and the Windows spooler directly). Chromium renders the PDF
 * in its viewer, so page size is requested but exact 100 % scale is not guaranteed.
 */
export function createWebContentsPrinter(opts: { logger: Logger; listFrom: () => WebContents | null }): PrinterPort {
  return {
    async list() {
      const wc = opts.listFrom();
      if (!wc) return [];
      const printers = await wc.getPrintersAsync();
      return printers.map((p) => ({
        name: p.name,
        description: p.displayName || p.description || p.name,
        isDefault: (p.options as Record<string, string> | undefined)?.['printer-is-default'] === 'true',
        media: [],
      }));
    },
    async print(req) {
      const dir = mkdtempSync(join(tmpdir(), 'portodesk-print-'));
      const file = join(dir, 'druck.pdf');
      writeFileSync(file, req.pdf);
      const win = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, partition: 'portodesk-print' },
      });
      try {
        await win.loadURL(pathToFileURL(file).href);
        await new Promise<void>((resolve, reject) =>
          win.webContents.print(
            {
              silent: true,
              deviceName: req.printer,
              copies: req.copies ?? 1,
              margins: { marginType: 'none' },
              pageSize: { width: Math.round(req.pageSizeMm.width * 1000), height: Math.round(req.pageSizeMm.height * 1000) },
            },
            (ok, reason) => (ok ? resolve() : reject(new Error(`Drucken auf „${req.printer}“ fehlgeschlagen: ${reason}`))),
          ),
        );
        opts.logger.info('print.webcontents', { printer: req.printer, title: req.title });
        return { jobId: `chromium-${Date.now()}` };
      } finally {
        win.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
