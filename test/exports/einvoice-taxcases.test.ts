import { describe, expect, it } from 'vitest';
import { buildCiiXml } from '../../main/services/einvoice/cii-writer';
import { validateEInvoiceXml } from '../../main/services/einvoice/validate';
import { validateSchematron } from '../../main/services/einvoice/schematron';
import { validateXsd } from '../../main/services/einvoice/xsd';
import { cancellationOf, taxCaseSnapshots } from './snapshots';

const cases = Object.entries(taxCaseSnapshots());

describe('CII XML for every tax case passes the XSD and the CEN Schematron', () => {
  for (const [name, snap] of cases) {
    for (const s of [snap, cancellationOf(snap)]) {
      it(`${name} — ${s.kind}`, async () => {
        const { xml, profile } = buildCiiXml(s);
        expect(profile).toBe(name === 'xrechnung' ? 'xrechnung' : 'en16931');
        expect(await validateXsd(xml)).toEqual([]);
        // Zero failed asserts of the official rules — not just zero fatal ones.
        expect(validateSchematron(xml).map((f) => `${f.id} ${f.text}`)).toEqual([]);
        const report = await validateEInvoiceXml(xml);
        expect(report.valid).toBe(true);
        expect(report.checks).toContain('schematron-en16931');
      });
    }
  }
});

describe('tax case coding', () => {
  const all = taxCaseSnapshots();
  const xmlOf = (k: string) => buildCiiXml(all[k]!).xml;

  it('standard: S with 19 and 7 per line and one breakdown per rate', () => {
    const xml = xmlOf('standard');
    expect(xml.match(/<ram:ApplicableTradeTax><ram:CalculatedAmount>/g)).toHaveLength(2);
    expect(xml).toContain('<ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>7</ram:RateApplicablePercent>');
    expect(xml).toContain('<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID>');
    expect(xml).toContain('<ram:TypeCode>380</ram:TypeCode>');
  });

  it('Kleinunternehmer: E, exemption text, seller identifier (BR-CO-26) without a VAT id', () => {
    const xml = xmlOf('kleinunternehmer');
    expect(xml).toContain('<ram:ExemptionReason>Kein Ausweis von Umsatzsteuer, da Kleinunternehmer gemäß § 19 UStG</ram:ExemptionReason>');
    expect(xml).toContain('<ram:CategoryCode>E</ram:CategoryCode>');
    expect(xml).toMatch(/<ram:SellerTradeParty><ram:ID>232\/123\/45678<\/ram:ID>/);
    expect(xml).not.toContain('schemeID="VA"');
  });

  it('intra-EU: K with VATEX-EU-IC and both VAT ids; reverse charge: AE with VATEX-EU-AE; export: G', () => {
    expect(xmlOf('intra_eu_b2b')).toContain('<ram:ExemptionReasonCode>VATEX-EU-IC</ram:ExemptionReasonCode>');
    expect(xmlOf('intra_eu_b2b')).toContain('<ram:ID schemeID="VA">ATU12345678</ram:ID>');
    expect(xmlOf('reverse_charge')).toContain('<ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>');
    expect(xmlOf('export')).toContain('<ram:ExemptionReasonCode>VATEX-EU-G</ram:ExemptionReasonCode>');
  });

  it('OSS: destination rate under S, ship-to country AT', () => {
    const xml = xmlOf('oss');
    expect(xml).toContain('<ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent>');
    expect(xml).toMatch(/<ram:ShipToTradeParty>.*<ram:CountryID>AT<\/ram:CountryID>/);
  });

  it('XRechnung: Leitweg-ID as BT-10, XRechnung guideline, BT-23, seller contact and electronic addresses', () => {
    const xml = xmlOf('xrechnung');
    expect(xml).toContain('<ram:BuyerReference>04011000-1234512345-06</ram:BuyerReference>');
    expect(xml).toContain('urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0');
    expect(xml).toContain('<ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</ram:ID>');
    expect(xml).toContain('<ram:URIID schemeID="EM">rechnung@kiste-karton.de</ram:URIID>');
  });

  it('cancellation: 384, negative quantities, positive prices, negative totals, BG-3 reference', () => {
    const xml = buildCiiXml(cancellationOf(all.standard!)).xml;
    expect(xml).toContain('<ram:TypeCode>384</ram:TypeCode>');
    expect(xml).toContain('<ram:BilledQuantity unitCode="H87">-2</ram:BilledQuantity>');
    expect(xml).toContain('<ram:ChargeAmount>10.92</ram:ChargeAmount>');
    expect(xml).toMatch(/<ram:GrandTotalAmount>-\d+\.\d\d<\/ram:GrandTotalAmount>/);
    expect(xml).toContain('<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>RE-2026-0001</ram:IssuerAssignedID><ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261120</qdt:DateTimeString>');
  });

  it('escapes XML special characters in names', () => {
    const s = { ...all.standard!, buyer: { ...all.standard!.buyer, address: { ...all.standard!.buyer.address, name: 'A <B> & "C"' } } };
    expect(buildCiiXml(s).xml).toContain('<ram:Name>A &lt;B&gt; &amp; &quot;C&quot;</ram:Name>');
  });
});
