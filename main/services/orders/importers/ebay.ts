import type { OrderItemInput } from '../../../../shared/domain/order';
import { currencyOf } from '../../../../shared/orders/money';
import { detectByHeader, openTable } from './table';
import { address, cents, collect, date, draft, emptyResult, quantity } from './build';
import { RowError, type ImportFormat } from './types';
import type { CsvRecord } from './csv';

/**
 * eBay Seller Hub "Orders" report (order-formats.md §1.1–1.3), English and German: BOM, a leading line
 * of commas, an order summary row followed by one row per item for multi-item orders, trailer lines
 * ("record(s) downloaded", "Seller ID"), eIS hub addresses. German: ';', decimal commas, "10-Dez-25".
 */
const C = {
  record: ['Sales Record Number', 'Verkaufsprotokollnummer'],
  order: ['Order Number', 'Bestellnummer'],
  username: ['Buyer Username', 'Nutzername des Käufers', 'Mitgliedsname', 'Käufername'],
  buyerName: ['Buyer Name', 'Name des Käufers', 'Vollständiger Name des Käufers'],
  buyerEmail: ['Buyer Email', 'E-Mail des Käufers', 'E-Mail-Adresse des Käufers'],
  buyerNote: ['Buyer Note', 'Notiz des Käufers', 'Hinweis des Käufers'],
  buyerAddr1: ['Buyer Address 1', 'Käuferadresse 1', 'Adresse 1 des Käufers'],
  buyerAddr2: ['Buyer Address 2', 'Käuferadresse 2', 'Adresse 2 des Käufers'],
  buyerCity: ['Buyer City', 'Ort des Käufers'],
  buyerState: ['Buyer State', 'Staat des Käufers', 'Bundesland des Käufers'],
  buyerZip: ['Buyer Zip', 'Postleitzahl des Käufers', 'PLZ des Käufers'],
  buyerCountry: ['Buyer Country', 'Land des Käufers'],
  buyerTaxId: ['Buyer Tax Identifier Value', 'Steuernummer des Käufers', 'Wert der Steuer-ID des Käufers'],
  shipName: ['Ship To Name', 'Name des Empfängers', 'Empfängername', 'Versand an Name'],
  shipPhone: ['Ship To Phone', 'Telefonnummer des Empfängers', 'Telefon des Empfängers', 'Versand an Telefon'],
  shipAddr1: ['Ship To Address 1', 'Adresse 1 des Empfängers', 'Empfängeradresse 1', 'Versand an Adresse 1', 'Lieferadresse 1'],
  shipAddr2: ['Ship To Address 2', 'Adresse 2 des Empfängers', 'Empfängeradresse 2', 'Versand an Adresse 2', 'Lieferadresse 2'],
  shipCity: ['Ship To City', 'Ort des Empfängers', 'Versand an Ort'],
  shipState: ['Ship To State', 'Staat des Empfängers', 'Bundesland des Empfängers', 'Versand an Bundesland'],
  shipZip: ['Ship To Zip', 'PLZ des Empfängers', 'Postleitzahl des Empfängers', 'Versand an PLZ'],
  shipCountry: ['Ship To Country', 'Land des Empfängers', 'Versand an Land'],
  itemNumber: ['Item Number', 'Artikelnummer'],
  title: ['Item Title', 'Angebotstitel', 'Artikelbezeichnung'],
  sku: ['Custom Label', 'Bestandseinheit', 'Individuelle Bezeichnung'],
  qty: ['Quantity', 'Anzahl', 'Stückzahl'],
  soldFor: ['Sold For', 'Verkauft für', 'Verkaufspreis'],
  shipping: ['Shipping And Handling', 'Verpackung und Versand'],
  vatRate: ['Inklusive MwSt.-Satz', 'Inklusive Mehrwertsteuersatz', 'VAT Rate'],
  total: ['Total Price', 'Gesamtbetrag', 'Gesamtpreis'],
  saleDate: ['Sale Date', 'Verkauft am', 'Verkaufsdatum'],
  paidDate: ['Paid On Date', 'Bezahlt am', 'Bezahldatum'],
  shippedDate: ['Shipped On Date', 'Verschickt am - Datum', 'Versanddatum', 'Verschickt am'],
  shippingService: ['Shipping Service', 'Versandservice'],
  tracking: ['Tracking Number', 'Sendungsnummer', 'Sendungsverfolgungsnummer'],
  transaction: ['Transaction ID', 'Transaktions-ID', 'Transaktionsnummer'],
  variation: ['Variation Details', 'Variantendetails', 'Angaben zur Variante'],
  eis: ['eBay International Shipping', 'Internationaler eBay-Versand', 'eBay-Versand International'],
  gsp: ['Global Shipping Program', 'Programm zum weltweiten Versand'],
};
type F = keyof typeof C;
const REQUIRED = [C.record, C.order];

const isTrailer = (t: { get(r: CsvRecord, f: F): string }, r: CsvRecord) =>
  r.cells.some((c) => /record\(s\) downloaded|datensätze|datensatz|heruntergeladen/i.test(c)) ||
  /^(seller id|verkäufer-?id|verkäufername)\s*:/i.test((r.cells[0] ?? '').trim()) ||
  (!t.get(r, 'order') && !t.get(r, 'record') && !t.get(r, 'itemNumber') && !t.get(r, 'title'));

export const ebayCsv: ImportFormat = {
  id: 'ebay',
  label: 'eBay Verkaufsübersicht (Bestellungen-Bericht, DE/EN)',
  hint: 'Seller Hub → Berichte → Downloads → Bestellungen (CSV)',
  detect: (src) => detectByHeader(src.text, REQUIRED),
  parse(files) {
    const result = emptyResult();
    for (const src of files) {
      const t = openTable(src.text, REQUIRED, C);
      if (!t) throw new RowError('Kopfzeile', 'Keine eBay-Kopfzeile (Verkaufsprotokollnummer / Sales Record Number) gefunden');
      const german = t.header.some((h) => /^Verkaufsprotokollnummer$/i.test(h));
      // Group rows into orders: a row with buyer data starts an order; item rows without buyer data
      // (same order number or record number, or none) belong to the order above them.
      type Group = { head: CsvRecord; items: CsvRecord[] };
      const groups: Group[] = [];
      let cur: Group | null = null;
      const hasItem = (r: CsvRecord) => !!(t.get(r, 'itemNumber') || t.get(r, 'title'));
      for (const r of t.rows) {
        if (isTrailer(t, r)) continue;
        const orderNo = t.get(r, 'order');
        if (cur && hasItem(r) && !hasItem(cur.head) && (!orderNo || orderNo === t.get(cur.head, 'order'))) {
          cur.items.push(r);
          continue;
        }
        if (cur && hasItem(r) && !orderNo && !t.get(r, 'record')) {
          cur.items.push(r);
          continue;
        }
        cur = { head: r, items: [] };
        groups.push(cur);
      }
      for (const g of groups) {
        collect(src.name, result, g.head.line, () => {
          const h = g.head;
          const itemRows = g.items.length ? g.items : [h];
          const externalId = t.get(h, 'order') || t.need(h, 'record');
          const priceText = t.get(h, 'total') || t.get(itemRows[0]!, 'soldFor');
          const currency = currencyOf(priceText) ?? (german ? 'EUR' : 'EUR');
          const items: OrderItemInput[] = itemRows.map((r) => {
            const qty = quantity(t.get(r, 'qty'), t.label('qty'));
            const variation = t.get(r, 'variation');
            const vat = t.get(r, 'vatRate').replace('%', '').replace(',', '.').trim();
            return {
              sku: t.get(r, 'sku'),
              title: (t.need(r, 'title') + (variation ? ` (${variation})` : '')).slice(0, 500),
              quantity: qty,
              unitPriceCents: cents(t.get(r, 'soldFor'), t.label('soldFor'), { required: true }),
              vatRate: vat && Number.isFinite(Number(vat)) ? Number(vat) : null,
              externalLineId: t.get(r, 'transaction') || t.get(r, 'itemNumber'),
            };
          });
          const shippingCents = t.get(h, 'shipping')
            ? cents(t.get(h, 'shipping'), t.label('shipping'))
            : itemRows.reduce((s, r) => s + cents(t.get(r, 'shipping'), t.label('shipping')), 0);
          const goods = items.reduce((s, i) => s + i.unitPriceCents * i.quantity!, 0);
          const totalCents = t.get(h, 'total') ? cents(t.get(h, 'total'), t.label('total')) : goods + shippingCents;
          const hub = /^(yes|ja)$/i.test(t.get(h, 'eis')) || /^(yes|ja)$/i.test(t.get(h, 'gsp'));
          const shipTo = address(
            {
              name: t.get(h, 'shipName') || t.get(h, 'buyerName'),
              lines: [t.get(h, 'shipAddr1'), t.get(h, 'shipAddr2')],
              zip: t.get(h, 'shipZip'), city: t.get(h, 'shipCity'), state: t.get(h, 'shipState'),
              country: t.get(h, 'shipCountry') || (german ? 'DE' : ''), phone: t.get(h, 'shipPhone'),
            },
            t.label('shipCountry'),
          );
          const billLine = t.get(h, 'buyerAddr1');
          const billTo =
            billLine && !hub && (billLine !== t.get(h, 'shipAddr1') || t.get(h, 'buyerZip') !== t.get(h, 'shipZip'))
              ? address(
                  {
                    name: t.get(h, 'buyerName'), lines: [billLine, t.get(h, 'buyerAddr2')], zip: t.get(h, 'buyerZip'),
                    city: t.get(h, 'buyerCity'), state: t.get(h, 'buyerState'), country: t.get(h, 'buyerCountry') || shipTo.country,
                  },
                  t.label('buyerCountry'),
                )
              : null;
          const shippedAt = date(t.get(h, 'shippedDate') || t.get(itemRows[0]!, 'shippedDate'), t.label('shippedDate'), 'dmy', false);
          const tracking = (t.get(h, 'tracking') || itemRows.map((r) => t.get(r, 'tracking')).find(Boolean) || '').replace(/\s+/g, '');
          const usd = currency === 'USD';
          return {
            file: src.name,
            line: h.line,
            hub,
            draft: draft({
              channel: 'ebay',
              marketplace: german ? 'ebay.de' : currency === 'GBP' ? 'ebay.co.uk' : usd ? 'ebay.com' : 'ebay.de',
              externalId,
              status: shippedAt || tracking ? 'shipped' : 'new',
              orderDate: date(t.get(h, 'saleDate') || t.get(itemRows[0]!, 'saleDate'), t.label('saleDate'))!,
              paidAt: date(t.get(h, 'paidDate'), t.label('paidDate'), 'dmy', false),
              buyerName: t.get(h, 'buyerName') || shipTo.name,
              buyerEmail: t.get(h, 'buyerEmail'),
              buyerUsername: t.get(h, 'username'),
              buyerVatId: t.get(h, 'buyerTaxId'),
              shipTo,
              billTo,
              currency,
              items,
              shippingCents,
              totalCents,
              trackingNumber: tracking,
              carrier: t.get(h, 'shippingService'),
              shippedAt,
              note: t.get(h, 'buyerNote'),
            }),
          };
        });
      }
    }
    return result;
  },
};
