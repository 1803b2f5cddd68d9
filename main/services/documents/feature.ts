import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename } from 'node:path';
import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { documentsChannels, DocumentRef } from '../../../shared/ipc/channels/documents';
import type { OrdersFeature } from '../orders/feature';
import type { BillingFeature } from '../billing/feature';
import { savePrintFile, type PrintService } from '../printing/print-service';
import * as repo from '../../db/repos/documents';
import { getJob } from '../../db/repos/jobs';
import { AppError } from '../../../shared/errors';
import { berlinDay } from '../../../shared/format';
import { KLEINUNTERNEHMER_LIMIT_CENTS, OSS_THRESHOLD_CENTS } from '../../../shared/tax/tax-case';
import { DocumentIssuer } from './issue';
import { createInvoiceArchive } from './archive';
import { archivePath, recoverArchive } from './archive-files';
import { findGaps } from './gaps';
import { BATCH_KIND, registerBatchJob, combinePdfs, type BatchResult } from './batch';
import { readDocumentSettings, registerDocumentSettings, SETTING_KEYS } from './settings';
import { peekNumber } from './numbering';
import { renderInThread, type Renderer } from './render';
import { createRenderPool } from './render-pool';
import { previewPdf } from './preview';
import type { InvoiceArchive } from './invoice-archive';

/**
 * Batches render ahead on worker threads. The pool starts with the first prefetch and stops after
 * a few idle seconds, so single documents and short-lived CLI runs never pay for it. Without the
 * TypeScript worker source on disk (bundled app) rendering stays in-thread.
 */
function workerRenderer(core: AppCore): Renderer {
  const workerSource = fileURLToPath(new URL('./render-worker.ts', import.meta.url));
  if (process.env.PORTODESK_RENDER_WORKERS === '0' || !existsSync(workerSource)) return renderInThread;
  let pool: ReturnType<typeof createRenderPool> | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  return (job) => {
    pool ??= createRenderPool(core.logger);
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      void pool?.close();
      pool = null;
    }, 5000);
    idle.unref();
    return pool.render(job);
  };
}

export type DocumentsDeps = { orders: OrdersFeature; billing: BillingFeature; printing?: PrintService | null };

/** Builds the documents capability: its services and its IPC handlers. */
export function createDocumentsFeature(core: AppCore, deps: DocumentsDeps) {
  registerDocumentSettings(core);
  let printing: PrintService | null = deps.printing ?? null;
  const issuer = new DocumentIssuer(core, () => deps.billing.chargeGuard, renderInThread, workerRenderer(core));
  const archive: InvoiceArchive = createInvoiceArchive(core.db, issuer);
  registerBatchJob(core, issuer, () => printing);
  // Finish archive files of documents committed just before a crash.
  const recovered = recoverArchive(core.db, core.dataDir, core.nowIso());
  if (recovered) core.logger.info('documents.archive_recovered', { files: recovered });

  const refOf = (r: repo.DocumentRow): DocumentRef => ({
    number: r.number,
    kind: r.kind,
    orderId: r.order_id,
    issueDate: r.issue_date,
    issuedAt: r.issued_at,
    grossCents: r.gross_cents,
    currency: r.currency,
    taxCase: r.tax_case,
    taxCaseReason: r.tax_case_reason,
    cancelledBy: r.cancelled_by_id ? (repo.getDocumentById(core.db, r.cancelled_by_id)?.number ?? null) : null,
    cancels: r.cancels_id ? (repo.getDocumentById(core.db, r.cancels_id)?.number ?? null) : null,
    pdfSha256: r.pdf_sha256,
    archivePath: archivePath(core.dataDir, r.kind, r.issue_date, r.number),
  });
  const mustGet = (number: string) => {
    const r = repo.getDocumentByNumber(core.db, number.trim());
    if (!r) throw new AppError('NOT_FOUND', `Beleg ${number} nicht gefunden.`);
    return r;
  };
  const fileName = (r: repo.DocumentRow) => `${r.kind === 'delivery_note' ? 'Lieferschein' : r.kind === 'cancellation' ? 'Stornorechnung' : 'Rechnung'}_${r.number}.pdf`;

  async function print(numbers: string[]) {
    const rows = numbers.map(mustGet);
    const pdf = rows.length === 1 ? new Uint8Array(repo.documentPdf(core.db, rows[0]!.number)!.pdf) : await combinePdfs(core.db, rows);
    const title = rows.length === 1 ? fileName(rows[0]!).replace(/\.pdf$/, '') : `Belege_${rows.length}`;
    const jobType = rows[0]!.kind === 'delivery_note' ? 'delivery_note' : 'invoice';
    if (printing) {
      const out = await printing.printPdf(jobType, pdf, { title, pageSizeMm: { width: 210, height: 297 } });
      return out.printed
        ? { printed: true, savedTo: out.savedTo, printer: out.printer, reason: null }
        : { printed: false, savedTo: out.savedTo, printer: null, reason: out.reason };
    }
    return { printed: false, savedTo: savePrintFile(core, jobType, title, pdf), printer: null, reason: 'Kein Drucker eingerichtet: PDF gespeichert.' };
  }

  function settingsView() {
    const st = readDocumentSettings(core);
    const day = berlinDay(core.clock.now());
    const year = Number(day.slice(0, 4));
    const prev = repo.distanceSalesCents(core.db, String(year - 1));
    const cur = repo.distanceSalesCents(core.db, String(year)) + st.ossExternalSalesCents;
    return {
      ...st,
      ossReducedRates: String(core.settings.get(SETTING_KEYS.ossReducedRates)),
      nextInvoiceNumber: peekNumber(core.db, st.numberPattern, day).number,
      nextDeliveryNoteNumber: peekNumber(core.db, st.deliveryNotePattern, day).number,
      kleinunternehmer: core.settings.company().kleinunternehmer
        ? { currentYearCents: repo.invoicedNetCents(core.db, String(year)), limitCents: KLEINUNTERNEHMER_LIMIT_CENTS }
        : null,
      oss: { previousYearCents: prev, currentYearCents: cur, thresholdCents: OSS_THRESHOLD_CENTS, exceeded: prev > OSS_THRESHOLD_CENTS || cur > OSS_THRESHOLD_CENTS },
    };
  }

  async function createMany(orderIds: number[], kind: 'invoice' | 'delivery_note') {
    deps.billing.chargeGuard.assertMayCharge(
      orderIds.filter((id) => !(kind === 'invoice' ? repo.openInvoiceOf(core.db, id) : repo.deliveryNoteOf(core.db, id))),
      kind,
    );
    const documents: DocumentRef[] = [];
    let created = 0;
    for (const id of orderIds) {
      const r = kind === 'invoice' ? await issuer.issueInvoice(id) : await issuer.issueDeliveryNote(id);
      if (r.created) created++;
      documents.push(refOf(r.row));
    }
    return { documents, created };
  }

  const handlers: FeatureHandlers<typeof documentsChannels> = {
    'documents:list': (req) => repo.listDocuments(core.db, { kinds: req.kinds, orderIds: req.orderId ? [req.orderId] : undefined, fromDay: req.fromDay, toDay: req.toDay, limit: req.limit }).map(refOf),
    'documents:createInvoices': (req) => createMany(req.orderIds, 'invoice'),
    'documents:createDeliveryNotes': (req) => createMany(req.orderIds, 'delivery_note'),
    'documents:cancel': async (req) => refOf((await issuer.cancelInvoice(req.number.trim())).row),
    'documents:pdf': (req) => {
      const r = mustGet(req.number);
      const p = repo.documentPdf(core.db, r.number)!;
      return { number: r.number, fileName: fileName(r), base64: p.pdf.toString('base64'), sha256: p.sha256 };
    },
    'documents:print': (req) => print(req.numbers),
    'documents:preview': async (req) => {
      const existing = req.kind === 'invoice' ? repo.openInvoiceOf(core.db, req.orderId) : repo.deliveryNoteOf(core.db, req.orderId);
      if (existing) return { fileName: fileName(existing), base64: repo.documentPdf(core.db, existing.number)!.pdf.toString('base64'), issued: true };
      const pdf = await previewPdf(core, req.orderId, req.kind);
      return { fileName: `Vorschau_${req.kind === 'invoice' ? 'Rechnung' : 'Lieferschein'}_${req.orderId}.pdf`, base64: Buffer.from(pdf).toString('base64'), issued: false };
    },
    'documents:startBatch': (req) => {
      deps.billing.chargeGuard.assertMayCharge(
        req.orderIds.filter((id) => !repo.openInvoiceOf(core.db, id) && !repo.deliveryNoteOf(core.db, id)),
        req.invoice ? 'invoice' : 'delivery_note',
      );
      return core.jobs.start(BATCH_KIND, { invoice: req.invoice, deliveryNote: req.deliveryNote, print: req.print }, req.orderIds.map(String));
    },
    'documents:batchPdf': (req) => {
      const job = getJob(core.db, req.jobId);
      const result = job?.result ? (JSON.parse(job.result) as BatchResult | null) : null;
      if (!job || job.kind !== BATCH_KIND || !result) throw new AppError('NOT_FOUND', 'Für diesen Job gibt es kein Sammel-PDF.');
      return { fileName: basename(result.combinedPath), base64: readFileSync(result.combinedPath).toString('base64'), savedTo: result.combinedPath };
    },
    'documents:gaps': () => findGaps(core.db),
    'documents:setNextNumber': (req) => {
      const st = readDocumentSettings(core);
      const day = berlinDay(core.clock.now());
      const cur = peekNumber(core.db, req.family === 'invoice' ? st.numberPattern : st.deliveryNotePattern, day);
      if (req.next < cur.seq) {
        throw new AppError('NUMBER_BACKWARDS', `Nummern werden nie wiederverwendet: der Zähler steht bei ${cur.number} und kann nur vorwärts gestellt werden.`);
      }
      core.db.transaction(() => repo.setRangeStart(core.db, cur.rangeKey, req.family, req.next, req.reason, core.nowIso()))();
      return { range: cur.rangeKey, nextNumber: peekNumber(core.db, req.family === 'invoice' ? st.numberPattern : st.deliveryNotePattern, day).number };
    },
    'documents:settings': () => settingsView(),
    'documents:saveSettings': (req) => {
      core.db.transaction(() => {
        for (const [k, v] of Object.entries(req)) {
          if (v === undefined) continue;
          core.settings.set(SETTING_KEYS[k as keyof typeof SETTING_KEYS], v as string | number | boolean);
        }
      })();
      return settingsView();
    },
  };
  return {
    handlers,
    archive,
    issuer,
    /** The labels capability's PrintService, when it is composed after this one. */
    setPrintService(ps: PrintService | null) {
      printing = ps;
    },
  };
}
export type DocumentsFeature = ReturnType<typeof createDocumentsFeature>;
