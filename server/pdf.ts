import { pdfmakeOffline } from '../main/pdf/pdfmake-offline';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { friendlyFormatIBAN } from 'ibantools';
import type { StoredInvoice } from './storage/types';
import { formatCents } from '../shared/format';
import { VAT_PERCENT } from '../shared/fees/rules';

const pm = pdfmakeOffline;

/** Who issues the fee invoices (§14 UStG): configured per deployment (server/config.ts). */
export type Issuer = { name: string; address: string[]; vatId: string; creditorId: string; email: string };

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
export const germanMonth = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
export const germanDay = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
const TIER_TEXT = { free: 'Warenwert bis 3,00 €', middle: 'Warenwert über 3,00 € bis 7,00 €', high: 'Warenwert über 7,00 €' } as const;
const eur = (c: number) => formatCents(c);

/** The fee invoice as PDF: number, period, orders per fee tier, net, 19 % VAT, gross, SEPA due date. */
export async function renderFeeInvoicePdf(inv: StoredInvoice, issuer: Issuer): Promise<Uint8Array> {
  const d = inv.recipient.details;
  const period = inv.periodFrom === inv.periodTo ? germanMonth(inv.periodFrom) : `${germanMonth(inv.periodFrom)} bis ${germanMonth(inv.periodTo)}`;
  const rows: Content[][] = [[{ text: 'Monat', bold: true }, { text: 'Gebührenstufe', bold: true }, { text: 'Aufträge', bold: true, alignment: 'right' }, { text: 'je Auftrag', bold: true, alignment: 'right' }, { text: 'Betrag netto', bold: true, alignment: 'right' }]];
  for (const l of inv.lines) {
    for (const t of l.tiers.filter((x) => x.count > 0)) {
      rows.push([germanMonth(l.month), TIER_TEXT[t.tier], { text: String(t.count), alignment: 'right' }, { text: eur(t.feeCents), alignment: 'right' }, { text: eur(t.amountCents), alignment: 'right' }]);
    }
    if (l.trialOrders > 0) rows.push([germanMonth(l.month), 'in der Testphase (kostenlos)', { text: String(l.trialOrders), alignment: 'right' }, { text: eur(0), alignment: 'right' }, { text: eur(0), alignment: 'right' }]);
    if (l.capReductionCents > 0) rows.push([germanMonth(l.month), 'Monatsdeckel 34,00 € (Abzug)', '', '', { text: `−${eur(l.capReductionCents)}`, alignment: 'right' }]);
  }
  const payment = d
    ? `Der Gesamtbetrag von ${eur(inv.grossCents)} wird am ${germanDay(inv.dueDay)} per SEPA-Lastschrift von Ihrem Konto ${friendlyFormatIBAN(d.iban) ?? d.iban} ` +
      `(Kontoinhaber ${d.holder}) eingezogen. Mandatsreferenz: ${d.mandateReference}, erteilt am ${germanDay(d.mandateDate)}. Gläubiger-ID: ${issuer.creditorId}.`
    : `Bitte überweisen Sie den Gesamtbetrag von ${eur(inv.grossCents)} bis zum ${germanDay(inv.dueDay)}. Für die SEPA-Lastschrift hinterlegen Sie bitte Ihr Mandat in Portodesk.`;
  const recipientLines = d ? [d.company, d.holder === d.company ? '' : inv.recipient.name, d.street, `${d.zip} ${d.city}`, d.country === 'DE' ? '' : d.country] : [inv.recipient.name, inv.recipient.email];
  const def: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [70, 60, 50, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    info: { title: `Gebührenrechnung ${inv.number}`, author: issuer.name },
    content: [
      { text: [issuer.name, ...issuer.address].join(' · '), fontSize: 7, margin: [0, 40, 0, 4] },
      { text: recipientLines.filter(Boolean).join('\n'), margin: [0, 0, 0, 30] },
      { text: 'Gebührenrechnung', fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      {
        table: {
          widths: [130, '*'],
          body: [
            ['Rechnungsnummer', inv.number],
            ['Rechnungsdatum', germanDay(inv.invoiceDay)],
            ['Leistungszeitraum', period],
            ['Kundenkonto', inv.accountId],
          ],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 14],
      },
      { text: 'Nutzungsgebühren für Portodesk: je Auftrag einmal beim ersten Beleg, Etikett oder Export, höchstens 34,00 € netto je Kalendermonat.', margin: [0, 0, 0, 8] },
      { table: { headerRows: 1, widths: [80, '*', 50, 55, 70], body: rows }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 10] },
      {
        table: {
          widths: ['*', 100],
          body: [
            ['Summe netto', { text: eur(inv.netCents), alignment: 'right' }],
            [`Umsatzsteuer ${VAT_PERCENT} %`, { text: eur(inv.vatCents), alignment: 'right' }],
            [{ text: 'Gesamtbetrag brutto', bold: true }, { text: eur(inv.grossCents), alignment: 'right', bold: true }],
          ],
        },
        layout: 'noBorders',
        margin: [200, 0, 0, 16],
      },
      { text: `Fälligkeit (SEPA-Lastschrift): ${germanDay(inv.dueDay)}`, bold: true, margin: [0, 0, 0, 6] },
      { text: payment, margin: [0, 0, 0, 20] },
      { text: `${issuer.name} · ${issuer.address.join(', ')} · USt-IdNr. ${issuer.vatId} · ${issuer.email}`, fontSize: 7, color: '#555' },
    ],
  };
  const buf = (await pm.createPdf(def).getBuffer()) as Buffer;
  return new Uint8Array(buf);
}
