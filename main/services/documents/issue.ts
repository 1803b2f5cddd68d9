import type { AppCore } from '../../app/core';
import type { ChargeGuard } from '../billing/charge-guard';
import * as repo from '../../db/repos/documents';
import { addHistory, advanceOrderStatus, getOrder, lockOrder } from '../../db/repos/orders';
import { recordChargeableAction } from '../../db/repos/usage';
import { InvoiceSnapshot } from '../../../shared/domain/invoice';
import type { Order } from '../../../shared/domain/order';
import { AppError } from '../../../shared/errors';
import { berlinDay, formatCents } from '../../../shared/format';
import { KLEINUNTERNEHMER_LIMIT_CENTS } from '../../../shared/tax/tax-case';
import { commitNumber, peekNumber, stillNext, type Tentative } from './numbering';
import { readDocumentSettings } from './settings';
import { buildCancellationSnapshot, buildDeliveryNoteSnapshot, buildInvoiceSnapshot, decideFor } from './build-snapshot';
import { ensureArchiveFileAsync, sha256 } from './archive-files';
import type { Renderer, RenderJob } from './render';

export type Issued = { row: repo.DocumentRow; created: boolean };
/** deferArchiveFile: return once committed; the archive file is finished in the background (batch; see settleArchiveFiles). */
export type IssueOptions = { deferArchiveFile?: boolean };
export type IssuedListener = (snapshot: InvoiceSnapshot, pdf: Uint8Array) => void;

type Prepared = { tentative: Tentative; render: RenderJob; content: string; meta: Omit<repo.NewDocument, 'content' | 'pdf' | 'pdf_sha256' | 'pdf_bytes' | 'content_sha256' | 'number' | 'range_key' | 'seq'> };

/**
 * The issue pipeline. For each document: peek the next number → build the frozen content → render
 * the PDF → ONE transaction that checks the number is still next, stores row + content + PDF bytes +
 * SHA-256, consumes the number, records the usage event, locks the order and writes its history →
 * then the archive file. A crash before the commit leaves nothing (the number was never taken); a
 * crash after it leaves a complete record whose file `recoverArchive` writes at the next start.
 */
export class DocumentIssuer {
  private listeners = new Set<IssuedListener>();
  /** Renders started ahead of time for a batch, keyed by kind:orderId; used only if the content is still identical. */
  /** How many documents used a prefetched render (diagnostics for the benchmark). */
  reused = 0;
  /**
   * Archive files written (and fsynced) but not yet noted in doc_archive_files. They are noted in the
   * next issuing transaction or after a second — one commit less per document in a batch. Should the
   * process die first, start-up recovery finds the identical file and notes it.
   */
  private pendingFiles: { id: number; path: string }[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** Archive files still being written (deferred by a batch). */
  private fileWrites = new Set<Promise<void>>();
  private prefetched = new Map<string, { content: string; form: string; issuedAt: string; pdf: Promise<Uint8Array | null> }>();

  constructor(
    private core: AppCore,
    private chargeGuard: () => ChargeGuard,
    public render: Renderer,
    /** Renderer for prefetched documents (the worker pool when there is one). */
    public prefetchRender: Renderer = render,
  ) {}

  onIssued(l: IssuedListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private order(orderId: number): Order {
    const o = getOrder(this.core.db, orderId);
    if (!o) throw new AppError('NOT_FOUND', `Auftrag ${orderId} nicht gefunden.`);
    return o;
  }

  private today(): string {
    return berlinDay(this.core.clock.now());
  }

  async issueInvoice(orderId: number, opts: IssueOptions = {}): Promise<Issued> {
    const existing = repo.openInvoiceOf(this.core.db, orderId);
    if (existing) return { row: existing, created: false };
    const o = this.order(orderId);
    if (o.status === 'cancelled') throw new AppError('ORDER_CANCELLED', `Auftrag ${o.externalId} ist storniert; dafür wird keine Rechnung erstellt.`);
    this.chargeGuard().assertMayCharge([orderId], 'invoice');
    return this.issueLoop(orderId, 'invoice', () => this.prepareInvoice(o), undefined, opts);
  }

  /**
   * Batch speed-up: prepares and starts rendering the next documents of a batch (on the worker pool)
   * with the numbers they will get if everything before them goes through. Nothing is stored here;
   * issueLoop uses a prefetched PDF only when the freshly prepared content (number included) is
   * byte-identical, so a skipped order or a changed setting just means rendering again.
   */
  prefetch(orderIds: number[], kind: 'invoice' | 'delivery_note', firstOffset = 1): void {
    let offset = firstOffset;
    for (const id of orderIds) {
      const key = `${kind}:${id}`;
      const issued = kind === 'invoice' ? repo.openInvoiceOf(this.core.db, id) : repo.deliveryNoteOf(this.core.db, id);
      if (issued) continue;
      if (!this.prefetched.has(key)) {
        const o = getOrder(this.core.db, id);
        if (!o || o.status === 'cancelled') continue;
        let p: Prepared;
        try {
          p = kind === 'invoice' ? this.prepareInvoice(o, offset) : this.prepareDeliveryNote(o, offset);
        } catch {
          continue; // the real attempt reports the problem
        }
        if (this.prefetched.size > 64) this.prefetched.clear();
        this.prefetched.set(key, { content: p.content, form: p.render.form, issuedAt: p.render.issuedAt, pdf: this.prefetchRender(p.render).catch(() => null) });
      }
      offset++;
    }
  }

  async issueDeliveryNote(orderId: number, opts: IssueOptions = {}): Promise<Issued> {
    const existing = repo.deliveryNoteOf(this.core.db, orderId);
    if (existing) return { row: existing, created: false };
    const o = this.order(orderId);
    if (o.status === 'cancelled') throw new AppError('ORDER_CANCELLED', `Auftrag ${o.externalId} ist storniert; dafür wird kein Lieferschein erstellt.`);
    this.chargeGuard().assertMayCharge([orderId], 'delivery_note');
    return this.issueLoop(orderId, 'delivery_note', () => this.prepareDeliveryNote(o), undefined, opts);
  }

  async cancelInvoice(number: string): Promise<Issued> {
    const inv = repo.getDocumentByNumber(this.core.db, number);
    if (!inv) throw new AppError('NOT_FOUND', `Rechnung ${number} nicht gefunden.`);
    if (inv.kind !== 'invoice') throw new AppError('NOT_AN_INVOICE', `${number} ist keine Rechnung und kann nicht storniert werden.`);
    if (inv.cancelled_by_id) {
      const by = repo.getDocumentById(this.core.db, inv.cancelled_by_id)!;
      throw new AppError('ALREADY_CANCELLED', `Rechnung ${number} wurde bereits mit ${by.number} storniert.`);
    }
    return this.issueLoop(inv.order_id, 'cancellation', () => this.prepareCancellation(inv), inv);
  }

  private prepareInvoice(o: Order, offset = 0): Prepared {
    const st = readDocumentSettings(this.core);
    const seller = this.core.settings.company();
    const day = this.today();
    const t = peekNumber(this.core.db, st.numberPattern, day, offset);
    const year = Number(day.slice(0, 4));
    const sales = () => ({ previousYearCents: repo.distanceSalesCents(this.core.db, String(year - 1)), currentYearCents: repo.distanceSalesCents(this.core.db, String(year)) });
    if (seller.kleinunternehmer && offset === 0) this.assertKleinunternehmerLimit(o, day);
    const decision = decideFor(o, seller, st, day, sales);
    const snap = buildInvoiceSnapshot(o, { number: t.number, day, seller, settings: st, decision });
    return this.preparedInvoice(t, snap, o.fxRateToEur, decision.distanceSale, st.letterForm, null);
  }

  /**
   * §19 UStG: the invoice that takes this year's net turnover over 100,000 € is already taxable.
   * Refuse to issue it without VAT and say what to do, instead of producing a wrong invoice.
   */
  private assertKleinunternehmerLimit(o: Order, day: string): void {
    const year = day.slice(0, 4);
    const before = repo.invoicedNetCents(this.core.db, year);
    const thisNet = Math.round((o.items.reduce((s, i) => s + i.unitPriceCents * i.quantity, 0) + o.shippingCents) * o.fxRateToEur);
    if (before + thisNet > KLEINUNTERNEHMER_LIMIT_CENTS) {
      const eur = (c: number) => formatCents(c);
      throw new AppError(
        'KLEINUNTERNEHMER_LIMIT',
        `Mit dieser Rechnung (${eur(thisNet)}) stiege der Umsatz ${year} auf ${eur(before + thisNet)} und damit über ${eur(KLEINUNTERNEHMER_LIMIT_CENTS)} (§ 19 UStG). ` +
          'Ab diesem Umsatz ist Umsatzsteuer auszuweisen: bitte in den Firmendaten „Kleinunternehmer“ ausschalten (mit dem Steuerberater klären) und die Rechnung dann erstellen.',
      );
    }
  }

  private prepareCancellation(inv: repo.DocumentRow): Prepared {
    const st = readDocumentSettings(this.core);
    const orig = InvoiceSnapshot.parse(JSON.parse(repo.documentContent(this.core.db, inv.number)!));
    const day = this.today();
    const t = peekNumber(this.core.db, st.numberPattern, day);
    const snap = buildCancellationSnapshot(orig, { number: t.number, day, seller: this.core.settings.company() });
    const fx = inv.net_cents === 0 ? 1 : inv.net_eur_cents / inv.net_cents;
    return this.preparedInvoice(t, snap, fx, inv.distance_sale === 1, st.letterForm, inv.id);
  }

  private preparedInvoice(t: Tentative, snap: InvoiceSnapshot, fx: number, distanceSale: boolean, form: 'A' | 'B', cancelsId: number | null): Prepared {
    const issuedAt = this.core.nowIso();
    return {
      tentative: t,
      render: { kind: 'invoice', snapshot: snap, form, issuedAt },
      content: JSON.stringify(snap),
      meta: {
        kind: snap.kind, order_id: snap.orderId, issue_date: snap.issueDate, issued_at: issuedAt, cancels_id: cancelsId, tax_case: snap.taxCase,
        tax_case_reason: snap.taxCaseReason, destination_country: snap.destinationCountry, distance_sale: distanceSale ? 1 : 0, currency: snap.currency,
        net_cents: snap.totals.netCents, vat_cents: snap.totals.vatCents, gross_cents: snap.totals.grossCents, net_eur_cents: Math.round(snap.totals.netCents * fx),
      },
    };
  }

  private prepareDeliveryNote(o: Order, offset = 0): Prepared {
    const st = readDocumentSettings(this.core);
    const day = this.today();
    const t = peekNumber(this.core.db, st.deliveryNotePattern, day, offset);
    const snap = buildDeliveryNoteSnapshot(o, { number: t.number, day, seller: this.core.settings.company(), showPrices: st.deliveryNotePrices });
    const issuedAt = this.core.nowIso();
    return {
      tentative: t,
      render: { kind: 'delivery_note', snapshot: snap, form: st.letterForm, issuedAt },
      content: JSON.stringify(snap),
      meta: {
        kind: 'delivery_note', order_id: o.id, issue_date: day, issued_at: issuedAt, cancels_id: null, tax_case: null, tax_case_reason: null,
        destination_country: o.shipTo.country, distance_sale: 0, currency: o.currency, net_cents: 0, vat_cents: 0, gross_cents: snap.totalGrossCents, net_eur_cents: 0,
      },
    };
  }

  private async issueLoop(orderId: number, kind: repo.DocKind, prepare: () => Prepared, cancels?: repo.DocumentRow, opts: IssueOptions = {}): Promise<Issued> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const p = prepare();
      const pdf = await this.renderOrReuse(`${kind}:${orderId}`, p);
      const out = this.commit(orderId, kind, p, pdf, cancels);
      if (out === 'retry') continue;
      if (out.created) {
        const file = this.writeArchiveFile(out.row, pdf);
        if (!opts.deferArchiveFile) await file;
        else file.catch(() => undefined); // logged by writeArchiveFile
        this.notifyIssued(out.row, p, pdf);
      }
      return out;
    }
    throw new AppError('NUMBER_BUSY', 'Die Belegnummer wurde mehrfach gleichzeitig vergeben; bitte erneut versuchen.');
  }

  private async renderOrReuse(key: string, p: Prepared): Promise<Uint8Array> {
    const pre = this.prefetched.get(key);
    this.prefetched.delete(key);
    if (pre && pre.content === p.content && pre.form === p.render.form) {
      const pdf = await pre.pdf;
      if (pdf) {
        this.reused++;
        // The PDF carries the prepared time as its creation date; the record keeps the same time.
        p.render.issuedAt = pre.issuedAt;
        p.meta.issued_at = pre.issuedAt;
        return pdf;
      }
    }
    return this.render(p.render);
  }

  /** The one transaction that makes a document exist. */
  private commit(orderId: number, kind: repo.DocKind, p: Prepared, pdf: Uint8Array, cancels?: repo.DocumentRow): Issued | 'retry' {
    const db = this.core.db;
    const now = this.core.nowIso();
    return db.transaction((): Issued | 'retry' => {
      this.notePendingFiles(now);
      if (kind === 'invoice') {
        const ex = repo.openInvoiceOf(db, orderId);
        if (ex) return { row: ex, created: false };
      } else if (kind === 'delivery_note') {
        const ex = repo.deliveryNoteOf(db, orderId);
        if (ex) return { row: ex, created: false };
      } else if (cancels && repo.getDocumentById(db, cancels.id)!.cancelled_by_id) {
        throw new AppError('ALREADY_CANCELLED', `Rechnung ${cancels.number} wurde bereits storniert.`);
      }
      if (!stillNext(db, p.tentative)) return 'retry';
      const id = repo.insertDocument(db, {
        ...p.meta,
        number: p.tentative.number,
        range_key: p.tentative.rangeKey,
        seq: p.tentative.seq,
        content: p.content,
        content_sha256: sha256(p.content),
        pdf,
        pdf_sha256: sha256(pdf),
        pdf_bytes: pdf.byteLength,
      });
      commitNumber(db, p.tentative, kind === 'delivery_note' ? 'delivery_note' : 'invoice', now);
      if (kind === 'cancellation') {
        repo.markCancelled(db, cancels!.id, id);
        addHistory(db, orderId, 'invoice_cancelled', `Rechnung ${cancels!.number} storniert durch Stornorechnung ${p.tentative.number}`, now);
      } else {
        recordChargeableAction(db, orderId, kind === 'invoice' ? 'invoice' : 'delivery_note', now, this.core.installationId);
        lockOrder(db, orderId, now);
        if (kind === 'invoice') {
          advanceOrderStatus(db, orderId, 'invoiced', now);
          addHistory(db, orderId, 'invoice_issued', `Rechnung ${p.tentative.number} erstellt (${p.meta.tax_case})`, now);
        } else addHistory(db, orderId, 'delivery_note_issued', `Lieferschein ${p.tentative.number} erstellt`, now);
      }
      return { row: repo.getDocumentById(db, id)!, created: true };
    }).immediate();
  }

  private notePendingFiles(nowIso: string): void {
    for (const f of this.pendingFiles.splice(0)) repo.recordArchiveFile(this.core.db, f.id, f.path, nowIso);
  }

  /** Notes written archive files now (batch end, tests, shutdown). */
  flushArchiveFiles(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pendingFiles.length === 0) return;
    try {
      this.core.db.transaction(() => this.notePendingFiles(this.core.nowIso()))();
    } catch (e) {
      // A closed database (app shutting down): recovery notes them at the next start.
      this.core.logger.warn('documents.archive_note_failed', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  /**
   * Writes the archive file after the commit (never before: no file without its record). It is noted
   * in doc_archive_files only once it is on disk; should the process die first, start-up recovery
   * writes or notes it.
   */
  private writeArchiveFile(row: repo.DocumentRow, pdf: Uint8Array): Promise<void> {
    const write = ensureArchiveFileAsync(this.core.dataDir, row, pdf, row.pdf_sha256).then((path) => {
      this.pendingFiles.push({ id: row.id, path });
      if (!this.flushTimer) {
        this.flushTimer = setTimeout(() => this.flushArchiveFiles(), 1000);
        this.flushTimer.unref();
      }
    });
    const tracked = write.then(
      () => undefined,
      (e: unknown) => this.core.logger.error('documents.archive_write_failed', { number: row.number, error: e instanceof Error ? e.message : String(e) }),
    );
    this.fileWrites.add(tracked);
    void tracked.finally(() => this.fileWrites.delete(tracked));
    return write;
  }

  /** Waits for the archive files still being written (batch end). A failed one is logged; recovery rewrites it at the next start. */
  async settleArchiveFiles(): Promise<void> {
    while (this.fileWrites.size) await Promise.all([...this.fileWrites]);
  }

  private notifyIssued(row: repo.DocumentRow, p: Prepared, pdf: Uint8Array): void {
    if (p.render.kind !== 'invoice') return;
    for (const l of this.listeners) {
      try {
        l(p.render.snapshot, pdf);
      } catch (e) {
        this.core.logger.error('documents.onIssued_listener_failed', { number: row.number, error: e instanceof Error ? e.stack : String(e) });
      }
    }
  }

}
