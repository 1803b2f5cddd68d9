import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import type { AppCore } from '../../app/core';
import type { InvoiceArchive, IssuedInvoiceRef } from '../documents/invoice-archive';
import type { ChargeGuard } from '../billing/charge-guard';
import type { InvoiceSnapshot } from '../../../shared/domain/invoice';
import type { Order } from '../../../shared/domain/order';
import { AppError } from '../../../shared/errors';
import { getOrder } from '../../db/repos/orders';
import { recordChargeableAction } from '../../db/repos/usage';
import { insertExportLog, orderIdsBetween } from '../../db/repos/exports';
import { getEInvoice } from '../../db/repos/einvoice';
import { buildCsv } from './csv';
import { INVOICE_COLUMNS, ORDER_COLUMNS, invoiceRow, orderRow } from './tables';
import { buildDatevFile } from './datev-export';
import { buildPdfZip, safeFileName } from './pdf-zip';
import { addDays, berlinDayStartUtc, parsePeriod, type Period } from './period';
import { readExportSettings } from './settings';

/** What to export: a period (Berlin calendar days, inclusive) or the selected orders. */
export type ExportScope = { from: string; to: string; orderIds?: undefined } | { orderIds: number[]; from?: undefined; to?: undefined };
export type ExportKind = 'csv-orders' | 'csv-invoices' | 'datev' | 'pdf-zip';
export type ExportResult = { kind: ExportKind; fileName: string; path: string; sha256: string; rows: number; orderCount: number; newlyCharged: number; from: string; to: string; bytes: Uint8Array };

/**
 * Data exports for the accountant. Every export is one unit of work: the charge guard is asked first, then
 * in one transaction the file is written (to a temporary name), each exported order's usage is recorded
 * once (PRODUCT.md §6) and the export is logged; only after the commit the file gets its real name.
 */
export class ExportService {
  constructor(
    private core: AppCore,
    private archive: () => InvoiceArchive,
    private guard: ChargeGuard,
  ) {}

  private invoices(scope: ExportScope): { refs: IssuedInvoiceRef[]; snapshots: InvoiceSnapshot[]; period: Period } {
    const archive = this.archive();
    let refs: IssuedInvoiceRef[];
    let period: Period;
    if (scope.orderIds) {
      if (!scope.orderIds.length) throw new AppError('VALIDATION', 'Keine Aufträge ausgewählt.');
      refs = archive.list({ orderIds: scope.orderIds });
      if (!refs.length) throw new AppError('EMPTY', 'Zu den ausgewählten Aufträgen gibt es noch keine Rechnungen.');
      const days = refs.map((r) => r.issueDate).sort();
      period = { from: days[0]!, to: days[days.length - 1]! };
    } else {
      period = parsePeriod(scope.from, scope.to);
      refs = archive.list({ fromDay: period.from, toDay: period.to });
      if (!refs.length) throw new AppError('EMPTY', `Keine Rechnungen vom ${period.from} bis ${period.to}.`);
    }
    const snapshots = refs.map((r) => {
      const s = archive.snapshot(r.number);
      if (!s) throw new AppError('NOT_FOUND', `Rechnung ${r.number} ist im Archiv nicht lesbar.`);
      return s;
    });
    snapshots.sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number));
    return { refs, snapshots, period };
  }

  private orders(scope: ExportScope): { orders: Order[]; period: Period } {
    const db = this.core.db;
    if (scope.orderIds) {
      if (!scope.orderIds.length) throw new AppError('VALIDATION', 'Keine Aufträge ausgewählt.');
      const orders = scope.orderIds.map((id) => {
        const o = getOrder(db, id);
        if (!o) throw new AppError('NOT_FOUND', `Auftrag ${id} nicht gefunden.`);
        return o;
      });
      const days = orders.map((o) => o.orderDate.slice(0, 10)).sort();
      return { orders, period: { from: days[0]!, to: days[days.length - 1]! } };
    }
    const period = parsePeriod(scope.from, scope.to);
    const ids = orderIdsBetween(db, berlinDayStartUtc(period.from), berlinDayStartUtc(addDays(period.to, 1)));
    if (!ids.length) throw new AppError('EMPTY', `Keine Aufträge vom ${period.from} bis ${period.to}.`);
    return { orders: ids.map((id) => getOrder(db, id)!), period };
  }

  ordersCsv(scope: ExportScope, out?: string): ExportResult {
    const { orders, period } = this.orders(scope);
    const byOrder = new Map<number, string[]>();
    for (const r of this.archiveOrNull()?.list({ orderIds: orders.map((o) => o.id) }) ?? []) {
      byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), r.number]);
    }
    return this.deliver('csv-orders', period, orders.map((o) => o.id), out, () => {
      const bytes = buildCsv(ORDER_COLUMNS, orders.map((o) => orderRow(o, byOrder.get(o.id) ?? [])));
      return { bytes, rows: orders.length, fileName: `Auftraege_${period.from}_${period.to}.csv` };
    });
  }

  invoicesCsv(scope: ExportScope, out?: string): ExportResult {
    const { snapshots, period } = this.invoices(scope);
    return this.deliver('csv-invoices', period, snapshots.map((s) => s.orderId), out, () => ({
      bytes: buildCsv(INVOICE_COLUMNS, snapshots.map(invoiceRow)),
      rows: snapshots.length,
      fileName: `Rechnungen_${period.from}_${period.to}.csv`,
    }));
  }

  datev(scope: ExportScope, out?: string): ExportResult {
    const { snapshots, period } = this.invoices(scope);
    const settings = readExportSettings(this.core.settings);
    const createdAt = new Date(this.core.nowIso());
    return this.deliver('datev', period, snapshots.map((s) => s.orderId), out, () => {
      const f = buildDatevFile(this.core.db, snapshots, settings, period, createdAt);
      return { bytes: f.bytes, rows: f.bookings.length, fileName: f.fileName };
    });
  }

  pdfZip(scope: ExportScope, out?: string): ExportResult {
    const { refs, period } = this.invoices(scope);
    const archive = this.archive();
    const files = refs.map((r) => {
      // The hybrid e-invoice PDF when there is one: same invoice, plus the XML the accountant's software reads.
      const e = getEInvoice(this.core.db, r.number);
      const bytes = e ? new Uint8Array(e.pdf) : archive.pdf(r.number);
      if (!bytes) throw new AppError('NOT_FOUND', `PDF der Rechnung ${r.number} fehlt im Archiv.`);
      return { name: `${r.number}.pdf`, bytes };
    });
    const mtime = new Date(this.core.nowIso());
    return this.deliver('pdf-zip', period, refs.map((r) => r.orderId), out, () => ({
      bytes: buildPdfZip(files, mtime), rows: files.length, fileName: `Rechnungen_PDF_${period.from}_${period.to}.zip`,
    }));
  }

  private archiveOrNull(): InvoiceArchive | null {
    try {
      return this.archive();
    } catch {
      return null;
    }
  }

  private deliver(
    kind: ExportKind, period: Period, orderIdsRaw: number[], out: string | undefined,
    build: () => { bytes: Uint8Array; rows: number; fileName: string },
  ): ExportResult {
    const orderIds = [...new Set(orderIdsRaw)];
    this.guard.assertMayCharge(orderIds, 'export');
    const db = this.core.db;
    const now = this.core.nowIso();
    let tmp = '';
    let path = '';
    try {
      const result = db.transaction(() => {
        const { bytes, rows, fileName } = build();
        path = resolve(out ?? join(this.core.dataDir, 'exports', safeFileName(fileName)));
        mkdirSync(dirname(path), { recursive: true });
        tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes);
        let newlyCharged = 0;
        for (const id of orderIds) if (recordChargeableAction(db, id, 'export', now, this.core.installationId)) newlyCharged++;
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        insertExportLog(db, { kind, period_from: period.from, period_to: period.to, file_name: fileName, path, sha256, rows, order_count: orderIds.length, created_at: now });
        return { kind, fileName, path, sha256, rows, orderCount: orderIds.length, newlyCharged, from: period.from, to: period.to, bytes };
      })();
      renameSync(tmp, path);
      this.core.logger.info('exports.done', { kind, rows: result.rows, path });
      return result;
    } catch (e) {
      if (tmp) rmSync(tmp, { force: true });
      throw e;
    }
  }
}
