import type { Content, TableCell } from 'pdfmake/interfaces';
import type { InvoiceSnapshot } from '../../../../shared/domain/invoice';
import { money as fmtMoney } from './money';
import { fmtRate } from '../../../../shared/tax/calculate';
import { isLeitwegId } from '../../../../shared/einvoice/codes';
import { addressLines, carryTexts, letter, type LetterForm } from './letter';
import { PDFA_3B, type PagedDocument } from './engine';
import { withDrawableText } from './glyphs';

const day = (iso: string) => iso.split('-').reverse().join('.');

/** The seller's tax id line required by §14 Abs. 4 Nr. 2 UStG (and both ids for intra-EU supplies). */
function sellerTaxIds(s: InvoiceSnapshot): [string, string][] {
  const out: [string, string][] = [];
  if (s.seller.vatId) out.push(['USt-IdNr.', s.seller.vatId]);
  if (s.seller.taxNumber && (!s.seller.vatId || s.taxCase === 'kleinunternehmer')) out.push(['Steuernummer', s.seller.taxNumber]);
  return out;
}

/**
 * pdfmake definition of an invoice or cancellation invoice (Stornorechnung) from its frozen
 * snapshot: every §14 Abs. 4 UStG field, DIN 5008 layout, carried totals across pages.
 */
export function invoiceDocument(snapshot: InvoiceSnapshot, opts: { form: LetterForm; issuedAt: string }): PagedDocument {
  // PDF/A: no character may fall back to the .notdef glyph (see glyphs.ts).
  const s = withDrawableText(snapshot);
  const money = (c: number) => fmtMoney(c, s.currency);
  const storno = s.kind === 'cancellation';
  const exempt = s.taxCase !== 'standard' && s.taxCase !== 'oss';
  const title = storno ? 'Stornorechnung' : 'Rechnung';
  const info: [string, string][] = [
    [storno ? 'Stornorechnung Nr.' : 'Rechnungsnummer', s.number],
    [storno ? 'Datum' : 'Rechnungsdatum', day(s.issueDate)],
    ['Liefer-/Leistungsdatum', day(s.deliveryDate)],
    ...(storno && s.cancelsNumber ? ([['Zu Rechnung', `${s.cancelsNumber} vom ${day(s.cancelsIssueDate ?? '')}`]] as [string, string][]) : []),
    ['Bestellnummer', s.externalOrderId],
    ...sellerTaxIds(s),
    ...(s.buyer.vatId ? ([['USt-IdNr. Kunde', s.buyer.vatId]] as [string, string][]) : []),
    // Public buyers match the invoice to their order by the Leitweg-ID (BT-10), on paper too.
    ...(s.buyer.buyerReference ? ([[isLeitwegId(s.buyer.buyerReference) ? 'Leitweg-ID' : 'Ihre Referenz', s.buyer.buyerReference]] as [string, string][]) : []),
  ];
  const intro = storno
    ? `Hiermit stornieren wir die Rechnung ${s.cancelsNumber} vom ${day(s.cancelsIssueDate ?? '')} vollständig. Die Beträge werden mit umgekehrtem Vorzeichen ausgewiesen.`
    : 'Vielen Dank für Ihre Bestellung. Wir berechnen Ihnen folgende Lieferung:';
  const head: TableCell[] = ['Pos.', 'Menge', 'Bezeichnung', exempt ? '' : 'USt', exempt ? 'Einzelpreis' : 'Einzelpreis brutto', exempt ? 'Gesamt' : 'Gesamt brutto'].map(
    (t, i) => ({ text: t, bold: true, alignment: i >= 3 ? 'right' : i === 1 ? 'right' : 'left', fillColor: '#eeeeee' }),
  );
  const rows: TableCell[][] = s.lines.map((l, i) => [
    { text: String(l.position) },
    { text: `${l.quantity}`, alignment: 'right' },
    { stack: [{ id: `row:${i}`, text: l.description }, ...(l.sku ? [{ text: `Art.-Nr. ${l.sku}`, fontSize: 7.5, color: '#555555' }] : [])] } as TableCell,
    { text: exempt ? '' : `${fmtRate(l.vatRate)} %`, alignment: 'right' },
    { text: money(l.quantity === 0 ? 0 : Math.round(l.grossCents / l.quantity)), alignment: 'right' },
    { text: money(l.grossCents), alignment: 'right' },
  ]);
  const totals: TableCell[][] = [];
  const sumRow = (label: string, value: string, bold = false): TableCell[] => [
    { text: label, bold },
    { text: value, alignment: 'right', bold },
  ];
  if (s.taxCase === 'kleinunternehmer') {
    totals.push(sumRow('Gesamtbetrag', money(s.totals.grossCents), true));
  } else if (exempt) {
    totals.push(sumRow('Nettobetrag (steuerfrei)', money(s.totals.netCents)));
    totals.push(sumRow('Umsatzsteuer 0 %', money(0)));
    totals.push(sumRow('Gesamtbetrag', money(s.totals.grossCents), true));
  } else {
    for (const b of s.vatBreakdown) totals.push(sumRow(`Nettobetrag ${fmtRate(b.vatRate)} %`, money(b.netCents)));
    for (const b of s.vatBreakdown) totals.push(sumRow(`zzgl. ${fmtRate(b.vatRate)} % USt auf ${money(b.netCents)}`, money(b.vatCents)));
    totals.push(sumRow('Summe Umsatzsteuer', money(s.totals.vatCents)));
    totals.push(sumRow('Gesamtbetrag brutto', money(s.totals.grossCents), true));
  }
  const shipTo = JSON.stringify(s.shipTo) !== JSON.stringify(s.buyer.address) ? addressLines(s.shipTo) : null;
  const tail: Content[] = [
    { table: { widths: ['*', 80], body: totals }, layout: 'noBorders', margin: [220, 8, 0, 0], unbreakable: true },
    ...(s.taxNote ? [{ text: s.taxNote, bold: true, margin: [0, 10, 0, 0] } as Content] : []),
    ...(s.taxCase === 'oss' ? [{ text: `Umsatzsteuer des Bestimmungslands ${s.destinationCountry} (One-Stop-Shop, § 3c UStG).`, margin: [0, 6, 0, 0] } as Content] : []),
    ...(s.taxCase === 'intra_eu_b2b'
      ? [{ text: `USt-IdNr. Lieferer: ${s.seller.vatId} · USt-IdNr. Empfänger: ${s.buyer.vatId}`, margin: [0, 4, 0, 0] } as Content]
      : []),
    ...(shipTo ? [{ text: `Lieferanschrift: ${shipTo.join(', ')}`, margin: [0, 8, 0, 0], fontSize: 8.5 } as Content] : []),
    ...(s.paymentNote ? [{ text: s.paymentNote, margin: [0, 8, 0, 0] } as Content] : []),
    ...s.notes.map((n) => ({ text: n, margin: [0, 4, 0, 0] }) as Content),
  ];
  return (rowPages) => ({
    ...letter({
      form: opts.form,
      seller: s.seller,
      recipient: s.buyer.address,
      info,
      title: `${title} ${s.number}`,
      runningTitle: `${title} ${s.number}`,
      subject: `${title} ${s.number}`,
      createdAt: new Date(opts.issuedAt),
      carry: carryTexts(rowPages, s.lines.map((l) => l.grossCents), money),
      body: [
        { text: intro, margin: [0, 0, 0, 8] },
        {
          table: { headerRows: 1, dontBreakRows: true, widths: [22, 34, '*', 34, 66, 66], body: [head, ...rows] },
          layout: 'lightHorizontalLines',
        },
        ...tail,
      ],
    }),
    ...PDFA_3B,
  });
}
