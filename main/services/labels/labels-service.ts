import { z } from 'zod';
import type { AppCore } from '../../app/core';
import { getOrder } from '../../db/repos/orders';
import { labelsForOrder } from '../../db/repos/labels';
import { getPrintLog } from '../../db/repos/printing';
import { AppError } from '../../../shared/errors';
import type { Sender } from '../../../shared/labels/address-lines';
import { cellsPerSheet, type LabelStock } from '../../../shared/labels/stock';
import { placeLabels } from '../../../shared/labels/placement';
import type { LabelPreview, OrderNotices } from '../../../shared/ipc/channels/labels';
import type { JobView } from '../../../shared/domain/job';
import type { ChargeGuard } from '../billing/charge-guard';
import type { PrintingService } from '../printing/printing-service';
import type { PrintJobType } from '../printing/print-service';
import { prepareLabel, type LabelOptions, type PreparedLabel } from './label-content';
import { helveticaMetrics } from './render-pdf';
import { createStockStore } from './stock-store';
import { LABEL_JOB, registerLabelJob, type LabelJobPayload } from './print-job';
import { testPagePdf } from './test-print';
import type { BarcodeKind } from './barcode';

export function registerLabelSettings(core: AppCore): void {
  core.settings.register('labels.showSender', z.boolean(), true, 'Absenderzeile über der Empfängeranschrift drucken');
  core.settings.register('labels.showOrderNumber', z.boolean(), true, 'Auftragsnummer auf das Etikett drucken');
  core.settings.register('labels.barcode', z.enum(['none', 'code128', 'datamatrix']), 'code128', 'Code der Auftragsnummer: none, code128 oder datamatrix');
  core.settings.register('labels.offsetXMm', z.number().min(-10).max(10), 0, 'Druckversatz nach rechts in mm (Kalibrierung, z. B. für Bogen-Einzug)');
  core.settings.register('labels.offsetYMm', z.number().min(-10).max(10), 0, 'Druckversatz nach unten in mm (Kalibrierung)');
}

export type PrintLabelsRequest = { orderIds: number[]; stockId?: string; printer?: string; startPosition?: number; confirmWarnings: boolean };

export function createLabelsService(core: AppCore, deps: { printing: PrintingService; chargeGuard: ChargeGuard }) {
  const stocks = createStockStore(core);

  const options = (): LabelOptions => ({
    showSender: core.settings.get('labels.showSender') === true,
    showOrderNumber: core.settings.get('labels.showOrderNumber') === true,
    barcode: String(core.settings.get('labels.barcode')) as BarcodeKind,
  });
  const offset = () => ({ x: Number(core.settings.get('labels.offsetXMm')) || 0, y: Number(core.settings.get('labels.offsetYMm')) || 0 });
  const sender = (): Sender | null => {
    const c = core.settings.company();
    const name = c.companyName || c.ownerName;
    return name ? { name, street: c.street, zip: c.zip, city: c.city, country: c.country } : null;
  };
  const stockFor = (stockId?: string): LabelStock => stocks.resolve(stockId || deps.printing.choiceFor('label').stockId);

  // Preview, start and the job each need the same layouts; an edited order, other stock or other
  // settings give another key, so a cached layout is never stale.
  const cache = new Map<string, PreparedLabel>();
  async function prepare(orderId: number, stock: LabelStock): Promise<PreparedLabel> {
    const order = getOrder(core.db, orderId);
    if (!order) throw new AppError('NOT_FOUND', `Auftrag ${orderId} nicht gefunden`);
    const snd = sender();
    const opts = options();
    const key = JSON.stringify([orderId, order.updatedAt, order.warnings, stock, snd, opts]);
    const hit = cache.get(key);
    if (hit) return hit;
    const label = prepareLabel(order, snd, opts, stock, await helveticaMetrics());
    if (cache.size >= 5000) cache.delete(cache.keys().next().value!);
    cache.set(key, label);
    return label;
  }

  async function prepareAll(orderIds: number[], stock: LabelStock): Promise<PreparedLabel[]> {
    const missing = orderIds.filter((id) => !getOrder(core.db, id));
    if (missing.length) throw new AppError('NOT_FOUND', `Auftrag nicht gefunden: ${missing.join(', ')}`);
    const out: PreparedLabel[] = [];
    for (const id of orderIds) out.push(await prepare(id, stock));
    return out;
  }

  const noticesOf = (labels: PreparedLabel[]): OrderNotices[] =>
    labels.filter((l) => l.notices.length).map((l) => ({ orderId: l.orderId, externalId: l.externalId, recipientName: l.recipientName, notices: l.notices }));

  registerLabelJob(core, { printing: deps.printing, chargeGuard: deps.chargeGuard, prepare });

  return {
    stocks,
    prepare,
    async preview(req: { orderIds: number[]; stockId?: string; startPosition?: number }): Promise<LabelPreview> {
      const stock = stockFor(req.stockId);
      const labels = await prepareAll(req.orderIds, stock);
      const pages = placeLabels(stock, labels.length, { startPosition: req.startPosition, offsetMm: offset(), endlessLengthsMm: labels.map(() => Math.max(...labels.map((l) => l.layout.heightMm))) });
      // The preview shows the first sheet, or the first four roll labels.
      const shownPages = stock.sheet ? pages.slice(0, 1) : pages.slice(0, 4);
      const shown = shownPages.reduce((n, p) => n + p.cells.length, 0);
      const notices = noticesOf(labels);
      return {
        stock, total: labels.length, pages: shownPages, layouts: labels.slice(0, shown).map((l) => l.layout), notices,
        blockingOrders: notices.filter((n) => n.notices.some((x) => x.blocking)).length,
        printer: deps.printing.choiceFor('label').printer, sheets: stock.sheet ? pages.length : 0,
      };
    },

    /** Checks stock, orders, warnings and billing, then starts the batch job (background) and returns it. */
    async startPrint(req: PrintLabelsRequest): Promise<JobView> {
      const stock = stockFor(req.stockId);
      const ids = [...new Set(req.orderIds)];
      if (req.startPosition && req.startPosition > 1 && !stock.sheet) {
        throw new AppError('VALIDATION', `startPosition: Eine Startposition gibt es nur bei A4-Bögen, nicht bei ${stock.name}`);
      }
      if (req.startPosition && stock.sheet && req.startPosition > cellsPerSheet(stock)) {
        throw new AppError('VALIDATION', `startPosition: ${stock.name} hat nur ${cellsPerSheet(stock)} Etiketten je Bogen`);
      }
      const labels = await prepareAll(ids, stock);
      const blocking = noticesOf(labels).filter((n) => n.notices.some((x) => x.blocking));
      if (blocking.length && !req.confirmWarnings) {
        const list = blocking.slice(0, 10).map((b) => `${b.externalId} (${b.notices.filter((x) => x.blocking).map((x) => x.code).join(', ')})`).join('; ');
        throw new AppError('ADDRESS_WARNINGS', `${blocking.length} Adresse(n) bitte prüfen, bevor Etiketten gedruckt werden: ${list}${blocking.length > 10 ? ' …' : ''}. Zum Drucken trotzdem bestätigen.`, blocking);
      }
      deps.chargeGuard.assertMayCharge(ids, 'label');
      const payload: LabelJobPayload = {
        stock, startPosition: req.startPosition ?? 1, printer: req.printer ?? null, confirmWarnings: req.confirmWarnings, offsetMm: offset(),
      };
      return core.jobs.start(LABEL_JOB, payload, ids.map(String));
    },

    history(orderId: number) {
      return labelsForOrder(core.db, orderId).map((l) => {
        const log = l.printLogId ? getPrintLog(core.db, l.printLogId) : null;
        let stockName = l.stockId;
        try {
          stockName = stocks.resolve(l.stockId).name;
        } catch {
          stockName = l.stockId;
        }
        return { printedAt: l.printedAt, stockId: l.stockId, stockName, printer: log?.printer ?? '', state: log?.state ?? 'saved', savedTo: log?.savedTo ?? '', sheetPosition: l.sheetPosition };
      });
    },

    /** A test page at the chosen stock's size through the chosen (or given) printer. */
    async testPrint(jobType: PrintJobType, printer?: string) {
      const choice = deps.printing.choiceFor(jobType);
      const paper = jobType === 'invoice' || jobType === 'delivery_note' || choice.stockId === 'a4';
      const stock = paper ? null : stocks.resolve(choice.stockId);
      const what = stock ? stock.name : 'A4';
      const t = await testPagePdf(stock, what);
      const out = await deps.printing.printPdf(jobType, t.pdf, { title: `Testdruck ${what}`, pageSizeMm: t.pageSizeMm, ...(printer !== undefined ? { printer } : {}) });
      return out.printed
        ? { printed: true, printer: out.printer, jobId: out.jobId, savedTo: out.savedTo, reason: '' }
        : { printed: false, printer: '', jobId: '', savedTo: out.savedTo, reason: out.reason };
    },
  };
}
export type LabelsService = ReturnType<typeof createLabelsService>;
