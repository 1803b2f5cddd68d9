import type { AppCore } from '../../app/core';
import * as repo from '../../db/repos/documents';
import { getOrder } from '../../db/repos/orders';
import { AppError } from '../../../shared/errors';
import { berlinDay } from '../../../shared/format';
import { buildDeliveryNoteSnapshot, buildInvoiceSnapshot, decideFor } from './build-snapshot';
import { readDocumentSettings } from './settings';
import { renderPaged } from './pdf/engine';
import { invoiceDocument } from './pdf/invoice-doc';
import { deliveryNoteDocument } from './pdf/delivery-note-doc';

/**
 * "Look before you print": the document as it would be issued now, marked VORSCHAU and without a
 * number. Nothing is stored and no number is used.
 */
export async function previewPdf(core: AppCore, orderId: number, kind: 'invoice' | 'delivery_note'): Promise<Uint8Array> {
  const o = getOrder(core.db, orderId);
  if (!o) throw new AppError('NOT_FOUND', `Auftrag ${orderId} nicht gefunden.`);
  const st = readDocumentSettings(core);
  const seller = core.settings.company();
  const day = berlinDay(core.clock.now());
  const number = 'ENTWURF';
  const watermark = { text: 'VORSCHAU', opacity: 0.08, bold: true };
  const opts = { form: st.letterForm, issuedAt: core.nowIso() };
  if (kind === 'invoice') {
    const year = Number(day.slice(0, 4));
    const sales = () => ({ previousYearCents: repo.distanceSalesCents(core.db, String(year - 1)), currentYearCents: repo.distanceSalesCents(core.db, String(year)) });
    const snap = buildInvoiceSnapshot(o, { number, day, seller, settings: st, decision: decideFor(o, seller, st, day, sales) });
    const doc = invoiceDocument(snap, opts);
    return renderPaged((rp) => ({ ...doc(rp), watermark }));
  }
  const snap = buildDeliveryNoteSnapshot(o, { number, day, seller, showPrices: st.deliveryNotePrices });
  const doc = deliveryNoteDocument(snap, opts);
  return renderPaged((rp) => ({ ...doc(rp), watermark }));
}
