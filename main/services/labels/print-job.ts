import type { AppCore } from '../../app/core';
import { addHistory, advanceOrderStatus, getOrder } from '../../db/repos/orders';
import { recordChargeableAction } from '../../db/repos/usage';
import { insertPrintedLabel } from '../../db/repos/labels';
import type { JobKind } from '../jobs/job-service';
import type { ChargeGuard } from '../billing/charge-guard';
import type { LabelStock } from '../../../shared/labels/stock';
import type { PrintService } from '../printing/print-service';
import type { PreparedLabel } from './label-content';
import { renderLabelsPdf } from './render-pdf';

export const LABEL_JOB = 'labels.print';

export type LabelJobPayload = {
  /** The stock as it was when the job started, so a resumed job prints the same size. */
  stock: LabelStock;
  startPosition: number;
  printer: string | null;
  confirmWarnings: boolean;
  offsetMm: { x: number; y: number };
};

export type LabelJobResult = { printed: boolean; printer: string; jobId: string; savedTo: string; reason: string; labels: number; pages: number };

/**
 * 'Etiketten drucken': each item lays out one order's label (the progress bar moves per order);
 * the finish step puts all labels into ONE PDF and ONE print job (a sheet start position spans
 * orders), then — in one transaction — records for every order the label, the status
 * "Etikett gedruckt", the fee event (once per order) and the history. A print the OS refuses
 * changes nothing.
 */
export function registerLabelJob(
  core: AppCore,
  deps: { printing: PrintService; chargeGuard: ChargeGuard; prepare(orderId: number, stock: LabelStock): Promise<PreparedLabel> },
): void {
  const prepared = new Map<string, Map<number, PreparedLabel>>();
  const kind: JobKind<LabelJobPayload> = {
    kind: LABEL_JOB,
    label: (p) => `Etiketten drucken – ${p.stock.name}`,
    async runItem(ref, p, ctx) {
      const id = Number(ref);
      const order = getOrder(core.db, id);
      if (!order) return { state: 'skipped', reason: `Auftrag ${ref} nicht gefunden` };
      if (order.status === 'cancelled') return { state: 'skipped', reason: `Auftrag ${order.externalId} ist storniert` };
      const label = await deps.prepare(id, p.stock);
      const blocking = label.notices.filter((n) => n.blocking);
      if (blocking.length && !p.confirmWarnings) return { state: 'skipped', reason: `Adresse von ${order.externalId} prüfen (${blocking.map((n) => n.code).join(', ')})` };
      let m = prepared.get(ctx.jobId);
      if (!m) prepared.set(ctx.jobId, (m = new Map()));
      m.set(id, label);
      return { state: 'done' };
    },
    async finish(p, ctx) {
      const mem = prepared.get(ctx.jobId) ?? new Map<number, PreparedLabel>();
      prepared.delete(ctx.jobId);
      const ids = ctx.items.filter((i) => i.state === 'done').map((i) => Number(i.ref));
      if (!ids.length) return { summary: 'Keine Etiketten gedruckt', result: { printed: false, printer: '', jobId: '', savedTo: '', reason: 'nichts zu drucken', labels: 0, pages: 0 } satisfies LabelJobResult };
      deps.chargeGuard.assertMayCharge(ids, 'label');
      // After a restart the layouts are gone from memory; they are rebuilt from the same orders.
      const labels: PreparedLabel[] = [];
      for (const id of ids) labels.push(mem.get(id) ?? (await deps.prepare(id, p.stock)));
      const title = `Etiketten ${p.stock.name} (${labels.length})`;
      const r = await renderLabelsPdf(labels, p.stock, { startPosition: p.startPosition, offsetMm: p.offsetMm, title });
      const outcome = await deps.printing.printPdf('label', r.pdf, {
        title,
        pageSizeMm: r.pageSizeMm,
        pages: r.pages.length,
        ...(p.printer !== null ? { printer: p.printer } : {}),
      });
      const positions = r.pages.flatMap((pg) => pg.cells.map((c) => c.position));
      const where = outcome.printed ? `gedruckt auf ${outcome.printer} (Auftrag ${outcome.jobId})` : `als PDF gespeichert: ${outcome.savedTo}`;
      const now = core.nowIso();
      core.db.transaction(() => {
        labels.forEach((l, i) => {
          const fresh = insertPrintedLabel(core.db, {
            orderId: l.orderId, stockId: p.stock.id, printedAt: now, printLogId: outcome.logId ?? null, appJobId: ctx.jobId, sheetPosition: positions[i] ?? null,
          });
          if (!fresh) return;
          advanceOrderStatus(core.db, l.orderId, 'labelled', now);
          recordChargeableAction(core.db, l.orderId, 'label', now, core.installationId);
          addHistory(core.db, l.orderId, 'label_printed', `Etikett ${p.stock.name} ${where}`, now);
        });
      })();
      const result: LabelJobResult = {
        printed: outcome.printed, printer: outcome.printed ? outcome.printer : '', jobId: outcome.printed ? outcome.jobId : '',
        savedTo: outcome.savedTo, reason: outcome.printed ? '' : outcome.reason, labels: labels.length, pages: r.pages.length,
      };
      const summary = outcome.printed
        ? `${labels.length} Etiketten auf ${outcome.printer} gedruckt (${r.pages.length} ${r.pages.length === 1 ? 'Seite' : 'Seiten'})`
        : `${labels.length} Etiketten als PDF gespeichert: ${outcome.savedTo}`;
      return { summary, result };
    },
  };
  core.jobs.register(kind);
}
