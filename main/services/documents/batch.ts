import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { AppCore } from '../../app/core';
import * as repo from '../../db/repos/documents';
import { jobItems } from '../../db/repos/jobs';
import { isAppError } from '../../../shared/errors';
import { savePrintFile, type PrintService } from '../printing/print-service';
import type { DocumentIssuer } from './issue';

export const BATCH_KIND = 'documents.print';
/** How many orders ahead the batch renders (on the worker pool when there is one). */
const PREFETCH = 6;
/** combine=false: only issue and archive (no combined PDF, nothing printed) — for automation. */
export type BatchPayload = { invoice: boolean; deliveryNote: boolean; print: boolean; combine?: boolean };
export type BatchResult = {
  combinedPath: string;
  printed: boolean;
  printer: string | null;
  reason: string | null;
  documents: { orderId: number; number: string; kind: repo.DocKind }[];
};

/** The documents of the orders a batch went through, in print order (per order: invoice, then delivery note). */
export function batchDocuments(db: AppCore['db'], orderIds: number[], p: BatchPayload): repo.DocumentRow[] {
  const out: repo.DocumentRow[] = [];
  for (const id of orderIds) {
    if (p.invoice) {
      const inv = repo.openInvoiceOf(db, id);
      if (inv) out.push(inv);
    }
    if (p.deliveryNote) {
      const dn = repo.deliveryNoteOf(db, id);
      if (dn) out.push(dn);
    }
  }
  return out;
}

/** One PDF for the printer from the stored, unchanged document PDFs. */
export async function combinePdfs(db: AppCore['db'], docs: repo.DocumentRow[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  for (const d of docs) {
    // pdf-lib yields to the event loop every 100 parsed / 50 written objects by default, which made
    // combining a 1,000-invoice batch take seconds; the bytes are the same without the pauses.
    const src = await PDFDocument.load(repo.documentPdf(db, d.number)!.pdf, { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false });
    const pages = await out.copyPages(src, src.getPageIndices());
    pages.forEach((pg) => out.addPage(pg));
  }
  out.setCreator('Portodesk');
  return out.save({ objectsPerTick: Infinity });
}

/**
 * Batch 'Rechnungen + Lieferscheine drucken': one job item per order. Each item issues what is
 * missing (idempotent: an order that already has its documents keeps them), so a crashed or
 * cancelled batch resumes without a second invoice. At the end: one combined PDF for the printer.
 */
export function registerBatchJob(core: AppCore, issuer: DocumentIssuer, printing: () => PrintService | null): void {
  const upcoming = new Map<string, string[]>();
  core.jobs.register<BatchPayload>({
    kind: BATCH_KIND,
    label: (p) => (p.invoice && p.deliveryNote ? 'Rechnungen + Lieferscheine drucken' : p.invoice ? 'Rechnungen drucken' : 'Lieferscheine drucken'),
    async runItem(ref, p, ctx) {
      const orderId = Number(ref);
      // Keep the render workers busy with the next orders while this one is committed.
      let refs = upcoming.get(ctx.jobId);
      if (!refs) upcoming.set(ctx.jobId, (refs = jobItems(core.db, ctx.jobId).map((i) => i.ref)));
      const at = refs.indexOf(ref);
      const next = refs.slice(at + 1, at + 1 + PREFETCH).map(Number);
      if (p.invoice) issuer.prefetch(next, 'invoice', repo.openInvoiceOf(core.db, orderId) ? 0 : 1);
      if (p.deliveryNote) issuer.prefetch(next, 'delivery_note', repo.deliveryNoteOf(core.db, orderId) ? 0 : 1);
      try {
        // The archive files are finished in the background while the next order is committed (finish waits for them).
        if (p.invoice) await issuer.issueInvoice(orderId, { deferArchiveFile: true });
        if (p.deliveryNote) await issuer.issueDeliveryNote(orderId, { deferArchiveFile: true });
        return { state: 'done' };
      } catch (e) {
        // Bad data of one order (address, tax rate) skips it with the reason; the batch goes on.
        if (isAppError(e) && e.code !== 'BILLING_REQUIRED') return { state: 'skipped', reason: e.message };
        throw e;
      }
    },
    async finish(p, ctx) {
      upcoming.delete(ctx.jobId);
      await issuer.settleArchiveFiles();
      issuer.flushArchiveFiles();
      const ids = ctx.items.filter((i) => i.state === 'done').map((i) => Number(i.ref));
      const docs = batchDocuments(core.db, ids, p);
      if (docs.length === 0) return { summary: 'Keine Belege erstellt.', result: null };
      if (p.combine === false) return { summary: `${docs.length} Belege für ${ids.length} Aufträge im Archiv.`, result: null };
      const combined = await combinePdfs(core.db, docs);
      const title = `Belege_${ctx.jobId.slice(0, 8)}`;
      const ps = printing();
      let result: BatchResult;
      const documents = docs.map((d) => ({ orderId: d.order_id, number: d.number, kind: d.kind }));
      if (p.print && ps) {
        const out = await ps.printPdf(docs[0]!.kind === 'delivery_note' ? 'delivery_note' : 'invoice', combined, { title, pageSizeMm: { width: 210, height: 297 } });
        result = out.printed
          ? { combinedPath: out.savedTo, printed: true, printer: out.printer, reason: null, documents }
          : { combinedPath: out.savedTo, printed: false, printer: null, reason: out.reason, documents };
      } else {
        const path = savePrintFile(core, 'invoice', title, combined);
        result = { combinedPath: path, printed: false, printer: null, reason: p.print ? 'Kein Drucker eingerichtet' : null, documents };
      }
      const skipped = ctx.items.filter((i) => i.state !== 'done').length;
      const where = result.printed ? `gedruckt auf ${result.printer}` : `gespeichert unter ${result.combinedPath}`;
      return { summary: `${docs.length} Belege für ${ids.length} Aufträge ${where}${skipped ? `, ${skipped} übersprungen` : ''}.`, result };
    },
  });
}
