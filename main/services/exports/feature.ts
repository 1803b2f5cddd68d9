import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { exportsChannels, EInvoiceStatus, ExportResult as ExportResultDto } from '../../../shared/ipc/channels/exports';
import type { OrdersFeature } from '../orders/feature';
import type { DocumentsFeature } from '../documents/feature';
import type { BillingFeature } from '../billing/feature';
import type { InvoiceArchive } from '../documents/invoice-archive';
import { AppError, isAppError } from '../../../shared/errors';
import { ValidationReport } from '../../../shared/einvoice/rules';
import { PROFILE_META, type EInvoiceProfile } from '../../../shared/einvoice/codes';
import { EInvoiceService } from '../einvoice/einvoice-service';
import * as einvoiceRepo from '../../db/repos/einvoice';
import { ExportService, type ExportResult } from './export-service';
import { readExportSettings, registerExportSettings, saveExportSettings } from './settings';

const MIME: Record<ExportResult['kind'], string> = {
  'csv-orders': 'text/csv', 'csv-invoices': 'text/csv', datev: 'text/csv', 'pdf-zip': 'application/zip',
};
/** Larger files are not sent through IPC as base64; the renderer shows where they were saved. */
const MAX_INLINE_BYTES = 40 * 1024 * 1024;
export const toDto = (r: ExportResult): ExportResultDto => ({
  kind: r.kind, fileName: r.fileName, path: r.path, sha256: r.sha256, rows: r.rows, orderCount: r.orderCount,
  newlyCharged: r.newlyCharged, from: r.from, to: r.to, contentBase64: r.bytes.length <= MAX_INLINE_BYTES ? Buffer.from(r.bytes).toString('base64') : '', mimeType: MIME[r.kind],
});

/** Builds the exports capability: data exports (CSV, DATEV, PDF ZIP) and e-invoices. */
export function createExportsFeature(core: AppCore, deps: { orders: OrdersFeature; documents: DocumentsFeature; billing: BillingFeature }) {
  registerExportSettings(core.settings);
  // The documents capability hands out its archive (main/services/documents/invoice-archive.ts).
  const maybeArchive = (): InvoiceArchive | null => deps.documents.archive ?? null;
  const archive = (): InvoiceArchive => {
    const a = maybeArchive();
    if (!a) throw new AppError('NOT_AVAILABLE', 'Das Rechnungsarchiv ist nicht verfügbar.');
    return a;
  };
  const einvoices = new EInvoiceService(core, archive);
  const exportsService = new ExportService(core, archive, deps.billing.chargeGuard);

  // Automatic e-invoices: every issued invoice/cancellation gets one when the seller switched it on. The work
  // runs as a job (validation takes a few hundred ms per invoice), one job at a time: numbers issued while a
  // job runs wait and go into the next one, so a batch of 200 invoices does not start 200 parallel jobs.
  let pending: string[] = [];
  let activeJob: string | null = null;
  core.jobs.register<{ count: number }>({
    kind: 'einvoice.issue',
    label: (p) => `E-Rechnungen erzeugen (${p.count})`,
    async runItem(number) {
      try {
        const row = await einvoices.create(number);
        core.events.emit('einvoice:changed', { orderId: row.order_id, invoiceNumber: number, state: 'issued' });
        return { state: 'done' };
      } catch (e) {
        if (isAppError(e) && e.code === 'EINVOICE_INVALID') {
          const s = archive().snapshot(number);
          if (s) core.events.emit('einvoice:changed', { orderId: s.orderId, invoiceNumber: number, state: 'rejected' });
          return { state: 'skipped', reason: e.message };
        }
        throw e;
      }
    },
  });
  const flush = () => {
    // After close the database is gone; numbers still pending then get their e-invoice on demand.
    if (activeJob || !pending.length || !core.db.open) return;
    const refs = pending;
    pending = [];
    const job = core.jobs.start('einvoice.issue', { count: refs.length }, refs);
    activeJob = job.id;
    void core.jobs.wait(job.id).finally(() => {
      activeJob = null;
      flush();
    });
  };
  const a = maybeArchive();
  const unsubscribe = a
    ? a.onIssued((snapshot) => {
        if (!readExportSettings(core.settings).einvoiceEnabled) return;
        pending.push(snapshot.number);
        flush();
      })
    : () => undefined;

  const status = (number: string, kind: 'invoice' | 'cancellation'): EInvoiceStatus => {
    const row = einvoiceRepo.getEInvoice(core.db, number);
    if (row) {
      const checks = JSON.parse(row.checks) as { warnings: EInvoiceStatus['warnings'] };
      return {
        invoiceNumber: number, kind, state: 'issued', profile: row.profile as EInvoiceProfile, createdAt: row.created_at,
        xmlSha256: row.xml_sha256, pdfSha256: row.pdf_sha256, failures: [], warnings: checks.warnings ?? [],
      };
    }
    const rej = einvoiceRepo.getRejection(core.db, number);
    if (rej) {
      const report = ValidationReport.parse(JSON.parse(rej.report));
      return {
        invoiceNumber: number, kind, state: 'rejected', profile: rej.profile as EInvoiceProfile, createdAt: rej.at,
        xmlSha256: null, pdfSha256: null, failures: report.failures, warnings: report.warnings,
      };
    }
    return { invoiceNumber: number, kind, state: 'none', profile: null, createdAt: null, xmlSha256: null, pdfSha256: null, failures: [], warnings: [] };
  };

  const handlers: FeatureHandlers<typeof exportsChannels> = {
    'exports:settings:get': () => readExportSettings(core.settings),
    'exports:settings:save': (req) => core.db.transaction(() => saveExportSettings(core.settings, req))(),
    'exports:run': (req) => {
      const run = { 'csv-orders': 'ordersCsv', 'csv-invoices': 'invoicesCsv', datev: 'datev', 'pdf-zip': 'pdfZip' } as const;
      return toDto(exportsService[run[req.kind]](req.scope));
    },
    'einvoice:forOrder': (req) => archive().list({ orderIds: [req.orderId] }).map((r) => status(r.number, r.kind)),
    'einvoice:create': async (req) => {
      const snap = archive().snapshot(req.invoiceNumber);
      if (!snap) throw new AppError('NOT_FOUND', `Rechnung ${req.invoiceNumber} nicht gefunden.`);
      const kind = snap.kind;
      try {
        await einvoices.create(req.invoiceNumber, req.profile);
      } catch (e) {
        // A rejection is an answer, not an error: the status carries rule ids and texts for the UI.
        if (!(isAppError(e) && e.code === 'EINVOICE_INVALID')) throw e;
      }
      return status(req.invoiceNumber, kind);
    },
    'einvoice:download': (req) => {
      const row = einvoiceRepo.getEInvoice(core.db, req.invoiceNumber);
      if (!row) throw new AppError('NOT_FOUND', `Zur Rechnung ${req.invoiceNumber} gibt es noch keine E-Rechnung.`);
      const base = req.invoiceNumber.replace(/[\\/:*?"<>|]/g, '_');
      if (req.format === 'xml') {
        const suffix = PROFILE_META[row.profile as EInvoiceProfile].fileName.replace('.xml', '');
        return { fileName: `${base}_${suffix}.xml`, mimeType: 'application/xml', contentBase64: Buffer.from(row.xml, 'utf8').toString('base64') };
      }
      return { fileName: `${base}.pdf`, mimeType: 'application/pdf', contentBase64: Buffer.from(row.pdf).toString('base64') };
    },
    'einvoice:validate': (req) => einvoices.validateFile(new Uint8Array(Buffer.from(req.contentBase64, 'base64')), req.fileName),
  };
  return { handlers, einvoices, exports: exportsService, archive, stopAutoEInvoice: unsubscribe };
}
export type ExportsFeature = ReturnType<typeof createExportsFeature>;
