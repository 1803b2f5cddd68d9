import { createRequire } from 'node:module';
import type { RuleFailure } from '../../../shared/einvoice/rules';

type Saxon = {
  getResource(o: { text: string; type: 'xml' }): Promise<unknown>;
  XPath: { evaluate(expr: string, ctx: unknown, opts: { namespaceContext: Record<string, string> }): unknown };
};
const require = createRequire(import.meta.url);

const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
};
const A = '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement';
const S = '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement';
const SELLER = `${A}/ram:SellerTradeParty`;
const BUYER = `${A}/ram:BuyerTradeParty`;

/**
 * The BR-DE rules of XRechnung 3.0 (CII) that a file can break, as XPath conditions that must hold.
 * KoSIT ships these only as Schematron needing a SchXslt build (not available offline, reference §2.8),
 * so they are restated here from the XRechnung CII Schematron's rule texts.
 */
const RULES: { id: string; test: string; text: string }[] = [
  { id: 'BR-DE-1', test: `exists(${S}/ram:SpecifiedTradeSettlementPaymentMeans)`, text: 'Eine Rechnung muss Zahlungsanweisungen (BG-16) enthalten.' },
  { id: 'BR-DE-2', test: `exists(${SELLER}/ram:DefinedTradeContact)`, text: 'Die Gruppe SELLER CONTACT (BG-6) muss übermittelt werden.' },
  { id: 'BR-DE-3', test: `normalize-space(${SELLER}/ram:PostalTradeAddress/ram:CityName) != ''`, text: 'Seller city (BT-37) muss übermittelt werden.' },
  { id: 'BR-DE-4', test: `normalize-space(${SELLER}/ram:PostalTradeAddress/ram:PostcodeCode) != ''`, text: 'Seller post code (BT-38) muss übermittelt werden.' },
  { id: 'BR-DE-5', test: `normalize-space((${SELLER}/ram:DefinedTradeContact/ram:PersonName)[1]) != ''`, text: 'Seller contact point (BT-41) muss übermittelt werden.' },
  { id: 'BR-DE-6', test: `normalize-space((${SELLER}/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber)[1]) != ''`, text: 'Seller contact telephone number (BT-42) muss übermittelt werden.' },
  { id: 'BR-DE-7', test: `normalize-space((${SELLER}/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID)[1]) != ''`, text: 'Seller contact email address (BT-43) muss übermittelt werden.' },
  { id: 'BR-DE-8', test: `normalize-space(${BUYER}/ram:PostalTradeAddress/ram:CityName) != ''`, text: 'Buyer city (BT-52) muss übermittelt werden.' },
  { id: 'BR-DE-9', test: `normalize-space(${BUYER}/ram:PostalTradeAddress/ram:PostcodeCode) != ''`, text: 'Buyer post code (BT-53) muss übermittelt werden.' },
  { id: 'BR-DE-14', test: `every $t in ${S}/ram:ApplicableTradeTax satisfies exists($t/ram:RateApplicablePercent)`, text: 'VAT category rate (BT-119) muss übermittelt werden.' },
  { id: 'BR-DE-15', test: `normalize-space(${A}/ram:BuyerReference) != ''`, text: 'Buyer reference (BT-10) / Leitweg-ID muss übermittelt werden.' },
  {
    id: 'BR-DE-16',
    test: `not(${S}/ram:ApplicableTradeTax/ram:CategoryCode = ('S','Z','E','AE','K','G','L','M')) or exists(${SELLER}/ram:SpecifiedTaxRegistration/ram:ID[@schemeID = ('VA','FC')]) or exists(${A}/ram:SellerTaxRepresentativeTradeParty)`,
    text: 'Seller VAT identifier (BT-31), Seller tax registration identifier (BT-32) oder Tax representative (BG-11) muss übermittelt werden.',
  },
  { id: 'BR-DE-17', test: `/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode = ('326','380','384','389','381','875','876','877')`, text: 'Invoice type code (BT-3) nicht zulässig in XRechnung.' },
  { id: 'BR-DE-26', test: `not(/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode = '384') or exists(${S}/ram:InvoiceReferencedDocument)`, text: 'Bei einer Rechnungskorrektur (384) muss PRECEDING INVOICE REFERENCE (BG-3) übermittelt werden.' },
  { id: 'BR-DE-BT-34', test: `normalize-space(${SELLER}/ram:URIUniversalCommunication/ram:URIID) != ''`, text: 'Seller electronic address (BT-34) muss übermittelt werden.' },
  { id: 'BR-DE-BT-49', test: `normalize-space(${BUYER}/ram:URIUniversalCommunication/ram:URIID) != ''`, text: 'Buyer electronic address (BT-49) muss übermittelt werden.' },
  { id: 'BR-DE-BT-23', test: `normalize-space(/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID) != ''`, text: 'Business process type (BT-23) muss übermittelt werden.' },
];

export function isXRechnungXml(xml: string): boolean {
  return /xrechnung_3\.0/.test(/<ram:GuidelineSpecifiedDocumentContextParameter>[\s\S]*?<\/ram:GuidelineSpecifiedDocumentContextParameter>/.exec(xml)?.[0] ?? '');
}

/** Checks the BR-DE rules on an XRechnung 3.0 CII file. */
export async function validateXRechnungRules(xml: string): Promise<RuleFailure[]> {
  const saxon = require('saxon-js') as Saxon;
  const doc = await saxon.getResource({ text: xml, type: 'xml' });
  const out: RuleFailure[] = [];
  for (const r of RULES) {
    const ok = saxon.XPath.evaluate(`boolean(${r.test})`, doc, { namespaceContext: NS });
    if (ok !== true) out.push({ id: r.id, flag: 'fatal', text: r.text, location: '' });
  }
  return out;
}
