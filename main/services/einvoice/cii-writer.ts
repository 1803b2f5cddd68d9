import type { InvoiceLine, InvoiceSnapshot, VatBreakdown } from '../../../shared/domain/invoice';
import type { Address } from '../../../shared/domain/address';
import {
  DEFAULT_EXEMPTION, EXEMPT_CATEGORIES, KLEINUNTERNEHMER_TEXT, PAYMENT_MEANS_SEPA_TRANSFER, PEPPOL_BILLING_PROCESS,
  PROFILE_META, TYPE_CODE, ciiAmount, ciiDate, ciiPercent, isLeitwegId, type EInvoiceProfile,
} from '../../../shared/einvoice/codes';
import { el, text } from './xml';

const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
};

/**
 * Which profile an invoice needs: XRechnung when the buyer gave a Leitweg-ID (public buyers, B2G) or the
 * caller asks for it; otherwise the ZUGFeRD/Factur-X EN 16931 profile.
 */
export function profileFor(s: InvoiceSnapshot, requested?: EInvoiceProfile): EInvoiceProfile {
  if (requested) return requested;
  return isLeitwegId(s.buyer.buyerReference) ? 'xrechnung' : 'en16931';
}

const date102 = (name: string, day: string) => el(name, text('udt:DateTimeString', ciiDate(day), { format: '102' }));

function addressLines(a: Address): { one: string; two: string } {
  const one = `${a.street} ${a.houseNumber}`.trim();
  const two = [a.careOf, a.addition, a.postNumber ? `PostNummer ${a.postNumber}` : ''].filter(Boolean).join(', ');
  return { one, two };
}

function postal(a: { zip: string; lineOne: string; lineTwo?: string; city: string; country: string; state?: string }): string {
  // TradeAddress order: PostcodeCode › LineOne › LineTwo › LineThree › CityName › CountryID › CountrySubDivisionName
  return el(
    'ram:PostalTradeAddress',
    text('ram:PostcodeCode', a.zip),
    text('ram:LineOne', a.lineOne),
    text('ram:LineTwo', a.lineTwo ?? ''),
    text('ram:CityName', a.city),
    text('ram:CountryID', a.country),
    text('ram:CountrySubDivisionName', a.state ?? ''),
  );
}

const usesCategory = (s: InvoiceSnapshot, c: string) => s.vatBreakdown.some((b) => b.vatCategory === c) || s.lines.some((l) => l.vatCategory === c);

function sellerParty(s: InvoiceSnapshot, profile: EInvoiceProfile): string {
  const c = s.seller;
  const name = c.companyName || c.ownerName;
  const exempt = usesCategory(s, 'E') || c.kleinunternehmer;
  // BR-CO-26: without a USt-IdNr. the seller needs an identifier (BT-29); the Steuernummer is the one
  // a Kleinunternehmer always has (reference §2.7, tested against the CEN rules).
  const sellerId = c.vatId ? '' : c.taxNumber;
  const contact =
    profile === 'xrechnung' || c.phone || c.email
      ? el(
          'ram:DefinedTradeContact',
          text('ram:PersonName', c.ownerName || name),
          el('ram:TelephoneUniversalCommunication', text('ram:CompleteNumber', c.phone)),
          el('ram:EmailURIUniversalCommunication', text('ram:URIID', c.email)),
        )
      : '';
  return el(
    'ram:SellerTradeParty',
    text('ram:ID', sellerId),
    text('ram:Name', name),
    text('ram:Description', exempt ? KLEINUNTERNEHMER_TEXT : ''),
    contact,
    postal({ zip: c.zip, lineOne: c.street, city: c.city, country: c.country }),
    el('ram:URIUniversalCommunication', text('ram:URIID', c.email, { schemeID: 'EM' })),
    el('ram:SpecifiedTaxRegistration', text('ram:ID', c.vatId, { schemeID: 'VA' })),
    el('ram:SpecifiedTaxRegistration', text('ram:ID', c.taxNumber, { schemeID: 'FC' })),
  );
}

function buyerParty(s: InvoiceSnapshot): string {
  const a = s.buyer.address;
  const { one, two } = addressLines(a);
  const email = s.buyer.email || a.email;
  return el(
    'ram:BuyerTradeParty',
    text('ram:Name', a.company || a.name),
    a.company && a.name ? el('ram:DefinedTradeContact', text('ram:PersonName', a.name)) : '',
    postal({ zip: a.zip, lineOne: one, lineTwo: two, city: a.city, country: a.country, state: a.state }),
    el('ram:URIUniversalCommunication', text('ram:URIID', email, { schemeID: 'EM' })),
    el('ram:SpecifiedTaxRegistration', text('ram:ID', s.buyer.vatId, { schemeID: 'VA' })),
  );
}

function shipToParty(s: InvoiceSnapshot): string {
  const a = s.shipTo;
  const { one, two } = addressLines(a);
  return el(
    'ram:ShipToTradeParty',
    text('ram:Name', a.company || a.name),
    postal({ zip: a.zip, lineOne: one, lineTwo: two, city: a.city, country: a.country, state: a.state }),
  );
}

function lineItem(l: InvoiceLine): string {
  return el(
    'ram:IncludedSupplyChainTradeLineItem',
    el('ram:AssociatedDocumentLineDocument', text('ram:LineID', l.position)),
    el('ram:SpecifiedTradeProduct', text('ram:SellerAssignedID', l.sku), text('ram:Name', l.description || (l.isShipping ? 'Versand' : 'Artikel'))),
    el('ram:SpecifiedLineTradeAgreement', el('ram:NetPriceProductTradePrice', text('ram:ChargeAmount', ciiAmount(l.unitNetCents)))),
    el('ram:SpecifiedLineTradeDelivery', text('ram:BilledQuantity', l.quantity, { unitCode: l.unitCode || 'H87' })),
    el(
      'ram:SpecifiedLineTradeSettlement',
      el('ram:ApplicableTradeTax', text('ram:TypeCode', 'VAT'), text('ram:CategoryCode', l.vatCategory), text('ram:RateApplicablePercent', ciiPercent(l.vatRate))),
      el('ram:SpecifiedTradeSettlementLineMonetarySummation', text('ram:LineTotalAmount', ciiAmount(l.netCents))),
    ),
  );
}

function tradeTax(b: VatBreakdown): string {
  const def = DEFAULT_EXEMPTION[b.vatCategory];
  const exempt = EXEMPT_CATEGORIES.includes(b.vatCategory);
  const reason = exempt ? b.exemptionReason || def?.text || '' : '';
  const code = exempt ? b.exemptionReasonCode || def?.code || '' : '';
  // TradeTax order: CalculatedAmount › TypeCode › ExemptionReason › BasisAmount › CategoryCode › ExemptionReasonCode › RateApplicablePercent
  return el(
    'ram:ApplicableTradeTax',
    text('ram:CalculatedAmount', ciiAmount(b.vatCents)),
    text('ram:TypeCode', 'VAT'),
    text('ram:ExemptionReason', reason),
    text('ram:BasisAmount', ciiAmount(b.netCents)),
    text('ram:CategoryCode', b.vatCategory),
    text('ram:ExemptionReasonCode', code),
    text('ram:RateApplicablePercent', ciiPercent(b.vatRate)),
  );
}

/**
 * The CII XML (UN/CEFACT D16B) of an issued invoice or cancellation invoice per EN 16931, built from the
 * frozen snapshot only — the PDF is rendered from the same snapshot, so both say the same (§14c UStG).
 */
export function buildCiiXml(s: InvoiceSnapshot, requested?: EInvoiceProfile): { xml: string; profile: EInvoiceProfile } {
  const profile = profileFor(s, requested);
  const meta = PROFILE_META[profile];
  const cur = s.currency;
  const lineTotal = s.lines.reduce((sum, l) => sum + l.netCents, 0);
  const notes = [
    s.kind === 'cancellation' && s.cancelsNumber ? `Stornorechnung zu Rechnung Nr. ${s.cancelsNumber}` : '',
    s.taxNote,
    ...s.notes,
  ].filter((n) => n.trim() !== '');
  const paymentTerms = s.paymentNote || (s.totals.grossCents > 0 ? 'Zahlbar sofort ohne Abzug.' : 'Der Betrag wird erstattet.');
  const c = s.seller;

  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rsm:CrossIndustryInvoice xmlns:rsm="${NS.rsm}" xmlns:ram="${NS.ram}" xmlns:udt="${NS.udt}" xmlns:qdt="${NS.qdt}">`,
    el(
      'rsm:ExchangedDocumentContext',
      profile === 'xrechnung' ? el('ram:BusinessProcessSpecifiedDocumentContextParameter', text('ram:ID', PEPPOL_BILLING_PROCESS)) : '',
      el('ram:GuidelineSpecifiedDocumentContextParameter', text('ram:ID', meta.guideline)),
    ),
    el(
      'rsm:ExchangedDocument',
      text('ram:ID', s.number),
      text('ram:TypeCode', TYPE_CODE[s.kind]),
      date102('ram:IssueDateTime', s.issueDate),
      notes.map((n) => el('ram:IncludedNote', text('ram:Content', n))),
    ),
    el(
      'rsm:SupplyChainTradeTransaction',
      s.lines.map(lineItem),
      el(
        'ram:ApplicableHeaderTradeAgreement',
        text('ram:BuyerReference', s.buyer.buyerReference),
        sellerParty(s, profile),
        buyerParty(s),
        el('ram:BuyerOrderReferencedDocument', text('ram:IssuerAssignedID', s.externalOrderId)),
      ),
      // HeaderTradeDelivery is required even when empty; the ship-to country is BT-80 (BR-IC-12).
      el('ram:ApplicableHeaderTradeDelivery', shipToParty(s), el('ram:ActualDeliverySupplyChainEvent', date102('ram:OccurrenceDateTime', s.deliveryDate))) ||
        '<ram:ApplicableHeaderTradeDelivery/>',
      el(
        'ram:ApplicableHeaderTradeSettlement',
        text('ram:PaymentReference', s.number),
        text('ram:InvoiceCurrencyCode', cur),
        c.iban
          ? el(
              'ram:SpecifiedTradeSettlementPaymentMeans',
              text('ram:TypeCode', PAYMENT_MEANS_SEPA_TRANSFER),
              el('ram:PayeePartyCreditorFinancialAccount', text('ram:IBANID', c.iban), text('ram:AccountName', c.bankAccountHolder)),
              el('ram:PayeeSpecifiedCreditorFinancialInstitution', text('ram:BICID', c.bic)),
            )
          : '',
        s.vatBreakdown.map(tradeTax),
        el('ram:SpecifiedTradePaymentTerms', text('ram:Description', paymentTerms)),
        el(
          'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
          text('ram:LineTotalAmount', ciiAmount(lineTotal)),
          text('ram:TaxBasisTotalAmount', ciiAmount(s.totals.netCents)),
          text('ram:TaxTotalAmount', ciiAmount(s.totals.vatCents), { currencyID: cur }),
          text('ram:GrandTotalAmount', ciiAmount(s.totals.grossCents)),
          text('ram:DuePayableAmount', ciiAmount(s.totals.grossCents)),
        ),
        s.cancelsNumber
          ? el(
              'ram:InvoiceReferencedDocument',
              text('ram:IssuerAssignedID', s.cancelsNumber),
              s.cancelsIssueDate ? el('ram:FormattedIssueDateTime', text('qdt:DateTimeString', ciiDate(s.cancelsIssueDate), { format: '102' })) : '',
            )
          : '',
      ),
    ),
    '</rsm:CrossIndustryInvoice>',
  ].join('\n');
  return { xml: xml + '\n', profile };
}
