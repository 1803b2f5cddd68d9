import { InvoiceSnapshot } from '../../../shared/domain/invoice';
import type { Order } from '../../../shared/domain/order';
import type { CompanySettings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import { berlinDay, formatDate } from '../../../shared/format';
import { calculateInvoice } from '../../../shared/tax/calculate';
import { splitGross, rateToBp } from '../../../shared/tax/rounding';
import { decideTaxCase, type TaxDecision } from '../../../shared/tax/tax-case';
import { isEuCountry } from '../../../shared/tax/vat-rates';
import type { DocumentSettings } from './settings';
import type { DeliveryNoteSnapshot } from './delivery-note';

/** §14 Abs. 4 Nr. 1 and 2 UStG: the seller's full name, address and a tax id must be known before issuing. */
export function assertSellerComplete(s: CompanySettings): void {
  const missing: string[] = [];
  if (!s.companyName && !s.ownerName) missing.push('Firmenname');
  if (!s.street) missing.push('Straße');
  if (!s.zip) missing.push('PLZ');
  if (!s.city) missing.push('Ort');
  if (!s.taxNumber && !s.vatId) missing.push('Steuernummer oder USt-IdNr.');
  if (missing.length) {
    throw new AppError('COMPANY_INCOMPLETE', `Firmendaten unvollständig (§ 14 UStG): ${missing.join(', ')} fehlt. Bitte unter Einstellungen → Firmendaten ergänzen.`);
  }
}

function assertBuyerComplete(o: Order): void {
  const a = o.billTo ?? o.shipTo;
  const missing: string[] = [];
  if (!a.name && !a.company) missing.push('Name');
  if (!a.city) missing.push('Ort');
  if (!a.zip && a.country === 'DE') missing.push('PLZ');
  if (missing.length) throw new AppError('BUYER_INCOMPLETE', `Auftrag ${o.externalId}: Rechnungsanschrift unvollständig (${missing.join(', ')} fehlt).`);
}

export type OssSales = { previousYearCents: number; currentYearCents: number };

/** Decides the tax case for an order (the net value for the threshold is estimated at German rates). */
export function decideFor(o: Order, seller: CompanySettings, st: DocumentSettings, day: string, salesOf: () => OssSales): TaxDecision {
  // The year's sums are only needed for EU distance sales (keeps domestic batches from summing the archive).
  const needsSales = !seller.kleinunternehmer && o.shipTo.country !== 'DE' && isEuCountry(o.shipTo.country);
  const sales = needsSales ? salesOf() : { previousYearCents: 0, currentYearCents: 0 };
  const gross = o.items.reduce((s, i) => s + i.unitPriceCents * i.quantity, 0) + o.shippingCents;
  const net = splitGross(gross, rateToBp(st.defaultVatRate)).netCents;
  return decideTaxCase({
    kleinunternehmer: seller.kleinunternehmer,
    sellerVatId: seller.vatId,
    buyerVatId: o.buyerVatId,
    destinationCountry: o.shipTo.country,
    day,
    ossMode: st.ossMode,
    ossSales: { previousYearCents: sales.previousYearCents, currentYearCents: sales.currentYearCents + st.ossExternalSalesCents },
    thisSaleNetEurCents: Math.round(net * o.fxRateToEur),
  });
}

/** The frozen content of a new invoice for an order. Pure apart from its inputs. */
export function buildInvoiceSnapshot(
  o: Order,
  p: { number: string; day: string; seller: CompanySettings; settings: DocumentSettings; decision: TaxDecision },
): InvoiceSnapshot {
  assertSellerComplete(p.seller);
  assertBuyerComplete(o);
  const calc = calculateInvoice({
    items: o.items.map((i) => ({ description: i.title, sku: i.sku, quantity: i.quantity, unitGrossCents: i.unitPriceCents, vatRate: i.vatRate })),
    shippingGrossCents: o.shippingCents,
    decision: p.decision,
    day: p.day,
    defaultRate: p.settings.defaultVatRate,
    ossReducedRates: p.settings.ossReducedRates,
  });
  const paid = o.paidAt ? `Der Betrag wurde am ${formatDate(o.paidAt)} bereits bezahlt${o.marketplace ? ` (${o.marketplace})` : ''}.` : '';
  const transfer =
    !o.paidAt && p.seller.iban ? `Bitte überweisen Sie den Betrag unter Angabe der Rechnungsnummer ${p.number} auf das unten genannte Konto.` : '';
  return InvoiceSnapshot.parse({
    number: p.number,
    kind: 'invoice',
    issueDate: p.day,
    deliveryDate: o.shippedAt ? berlinDay(o.shippedAt) : p.day,
    orderId: o.id,
    channel: o.channel,
    externalOrderId: o.externalId,
    currency: o.currency,
    seller: p.seller,
    // BT-10: with a Leitweg-ID the e-invoice service issues an XRechnung.
    buyer: { address: o.billTo ?? o.shipTo, vatId: o.buyerVatId, email: o.buyerEmail, buyerReference: o.buyerReference },
    shipTo: o.shipTo,
    taxCase: p.decision.taxCase,
    taxCaseReason: p.decision.reason,
    taxNote: p.decision.note,
    destinationCountry: o.shipTo.country,
    lines: calc.lines,
    vatBreakdown: calc.vatBreakdown,
    totals: calc.totals,
    paymentNote: paid || transfer,
    notes: o.shippedAt ? [] : ['Das Liefer-/Leistungsdatum entspricht dem Rechnungsdatum.'],
  });
}

/** A Stornorechnung: the original's lines and totals with reversed sign, referring to its number and date. */
export function buildCancellationSnapshot(orig: InvoiceSnapshot, p: { number: string; day: string; seller: CompanySettings }): InvoiceSnapshot {
  return InvoiceSnapshot.parse({
    ...orig,
    number: p.number,
    kind: 'cancellation',
    cancelsNumber: orig.number,
    cancelsIssueDate: orig.issueDate,
    issueDate: p.day,
    seller: p.seller,
    lines: orig.lines.map((l) => ({ ...l, quantity: -l.quantity, netCents: -l.netCents, grossCents: -l.grossCents })),
    vatBreakdown: orig.vatBreakdown.map((b) => ({ ...b, netCents: -b.netCents, vatCents: -b.vatCents })),
    totals: { netCents: -orig.totals.netCents, vatCents: -orig.totals.vatCents, grossCents: -orig.totals.grossCents },
    paymentNote: '',
    notes: [`Storno der Rechnung ${orig.number} vom ${orig.issueDate.split('-').reverse().join('.')}.`],
  });
}

export function buildDeliveryNoteSnapshot(o: Order, p: { number: string; day: string; seller: CompanySettings; showPrices: boolean }): DeliveryNoteSnapshot {
  assertSellerComplete(p.seller);
  return {
    number: p.number,
    issueDate: p.day,
    orderId: o.id,
    channel: o.channel,
    externalOrderId: o.externalId,
    orderDate: berlinDay(o.orderDate),
    currency: o.currency,
    seller: p.seller,
    shipTo: o.shipTo,
    showPrices: p.showPrices,
    lines: o.items.map((i, k) => ({
      position: k + 1, description: i.title, sku: i.sku, quantity: i.quantity, unitGrossCents: i.unitPriceCents, grossCents: i.unitPriceCents * i.quantity,
    })),
    totalGrossCents: o.items.reduce((s, i) => s + i.unitPriceCents * i.quantity, 0) + o.shippingCents,
  };
}
