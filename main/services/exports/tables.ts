import type { Order } from '../../../shared/domain/order';
import type { InvoiceSnapshot } from '../../../shared/domain/invoice';
import { cents, int, txt, type Cell } from './csv';

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dt = (iso: string | null) => (iso ? berlin.format(new Date(iso)).replace(',', '') : '');
const day = (d: string | null) => (d ? `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}` : '');

const STATUS_DE: Record<string, string> = {
  new: 'neu', invoiced: 'Rechnung erstellt', labelled: 'Etikett gedruckt', franked: 'frankiert', shipped: 'versendet', cancelled: 'storniert',
};
const TAX_CASE_DE: Record<string, string> = {
  standard: 'Inland', kleinunternehmer: 'Kleinunternehmer (§ 19 UStG)', oss: 'OSS-Fernverkauf', intra_eu_b2b: 'innergemeinschaftliche Lieferung', export: 'Ausfuhr',
};

export const ORDER_COLUMNS = [
  'Auftrag', 'Kanal', 'Marktplatz', 'Bestellnummer', 'Status', 'Bestelldatum', 'Bezahlt am', 'Käufer', 'E-Mail', 'USt-IdNr.',
  'Name', 'Firma', 'Straße', 'Hausnummer', 'Zusatz', 'PLZ', 'Ort', 'Land', 'Artikel', 'Warenwert brutto', 'Versand brutto',
  'Gesamt brutto', 'Währung', 'Gewicht (g)', 'Sendungsnummer', 'Versanddienst', 'Versendet am', 'Rechnungen',
];

export function orderRow(o: Order, invoiceNumbers: string[]): Cell[] {
  const a = o.shipTo;
  return [
    int(o.id), txt(o.channel), txt(o.marketplace), txt(o.externalId), txt(STATUS_DE[o.status] ?? o.status), txt(dt(o.orderDate)), txt(dt(o.paidAt)),
    txt(o.buyerName), txt(o.buyerEmail), txt(o.buyerVatId), txt(a.name), txt(a.company), txt(a.street), txt(a.houseNumber), txt(a.addition),
    txt(a.zip), txt(a.city), txt(a.country), int(o.items.reduce((s, i) => s + i.quantity, 0)),
    cents(o.items.reduce((s, i) => s + i.unitPriceCents * i.quantity, 0)), cents(o.shippingCents), cents(o.totalCents), txt(o.currency),
    int(o.weightGrams), txt(o.trackingNumber), txt(o.carrier), txt(dt(o.shippedAt)), txt(invoiceNumbers.join(', ')),
  ];
}

export const INVOICE_COLUMNS = [
  'Rechnungsnummer', 'Art', 'Storno zu', 'Rechnungsdatum', 'Leistungsdatum', 'Auftrag', 'Kanal', 'Bestellnummer', 'Käufer', 'Firma',
  'Land', 'USt-IdNr. Käufer', 'Steuerfall', 'Steuersätze', 'Netto', 'USt', 'Brutto', 'Währung',
];

export function invoiceRow(s: InvoiceSnapshot): Cell[] {
  const rates = s.vatBreakdown.map((b) => `${b.vatCategory} ${String(b.vatRate).replace('.', ',')} %`).join(', ');
  return [
    txt(s.number), txt(s.kind === 'cancellation' ? 'Stornorechnung' : 'Rechnung'), txt(s.cancelsNumber ?? ''), txt(day(s.issueDate)),
    txt(day(s.deliveryDate)), int(s.orderId), txt(s.channel), txt(s.externalOrderId), txt(s.buyer.address.name), txt(s.buyer.address.company),
    txt(s.buyer.address.country), txt(s.buyer.vatId), txt(TAX_CASE_DE[s.taxCase] ?? s.taxCase), txt(rates), cents(s.totals.netCents),
    cents(s.totals.vatCents), cents(s.totals.grossCents), txt(s.currency),
  ];
}
