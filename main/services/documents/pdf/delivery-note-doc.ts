import type { TableCell } from 'pdfmake/interfaces';
import { money as fmtMoney } from './money';
import type { DeliveryNoteSnapshot } from '../delivery-note';
import { carryTexts, letter, type LetterForm } from './letter';
import type { PagedDocument } from './engine';

const day = (iso: string) => iso.split('-').reverse().join('.');

/** pdfmake definition of a delivery note: quantities and descriptions; prices only when the seller wants them. */
export function deliveryNoteDocument(s: DeliveryNoteSnapshot, opts: { form: LetterForm; issuedAt: string }): PagedDocument {
  const money = (c: number) => fmtMoney(c, s.currency);
  const headTexts = ['Pos.', 'Menge', 'Bezeichnung', 'Art.-Nr.', ...(s.showPrices ? ['Einzelpreis', 'Gesamt'] : [])];
  const head: TableCell[] = headTexts.map((t, i) => ({ text: t, bold: true, fillColor: '#eeeeee', alignment: i === 1 || i >= 4 ? 'right' : 'left' }));
  const rows: TableCell[][] = s.lines.map((l, i) => [
    { text: String(l.position) },
    { text: String(l.quantity), alignment: 'right' },
    { id: `row:${i}`, text: l.description } as TableCell,
    { text: l.sku },
    ...(s.showPrices ? ([{ text: money(l.unitGrossCents), alignment: 'right' }, { text: money(l.grossCents), alignment: 'right' }] as TableCell[]) : []),
  ]);
  const widths = s.showPrices ? [22, 34, '*', 70, 60, 60] : [22, 34, '*', 90];
  return (rowPages) =>
    letter({
      form: opts.form,
      seller: s.seller,
      recipient: s.shipTo,
      info: [
        ['Lieferschein Nr.', s.number],
        ['Datum', day(s.issueDate)],
        ['Bestellnummer', s.externalOrderId],
        ['Bestelldatum', day(s.orderDate)],
      ],
      title: `Lieferschein ${s.number}`,
      runningTitle: `Lieferschein ${s.number}`,
      subject: `Lieferschein ${s.number}`,
      createdAt: new Date(opts.issuedAt),
      carry: s.showPrices ? carryTexts(rowPages, s.lines.map((l) => l.grossCents), money) : undefined,
      body: [
        { text: 'Mit dieser Sendung erhalten Sie:', margin: [0, 0, 0, 8] },
        { table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...rows] }, layout: 'lightHorizontalLines' },
        ...(s.showPrices ? [{ text: `Gesamtbetrag: ${money(s.totalGrossCents)}`, bold: true, alignment: 'right' as const, margin: [0, 8, 0, 0] as [number, number, number, number] }] : []),
        { text: `Anzahl Artikel: ${s.lines.reduce((n, l) => n + l.quantity, 0)}`, margin: [0, 8, 0, 0] },
      ],
    });
}
