import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateEInvoiceXml } from '../../main/services/einvoice/validate';
import { buildCiiXml } from '../../main/services/einvoice/cii-writer';
import { repoRoot } from '../harness/cli';
import { snapshot, taxCaseSnapshots } from './snapshots';

const fixture = (f: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'en16931', f), 'utf8');
const ids = async (xml: string) => (await validateEInvoiceXml(xml)).failures.map((f) => f.id);

describe('official CEN examples pass the app validator', () => {
  for (const f of ['CII_example1.xml', 'CII_example2.xml', 'CII_business_example_Z.xml', 'XRechnung-O.xml']) {
    it(f, async () => {
      const r = await validateEInvoiceXml(fixture(f));
      expect(r.failures).toEqual([]);
      expect(r.valid).toBe(true);
    });
  }
});

describe('broken variants fail with the right rule id', () => {
  const ex1 = fixture('CII_example1.xml');

  it('seller name removed → BR-06', async () => {
    expect(await ids(ex1.replace(/(<ram:SellerTradeParty>[\s\S]*?)<ram:Name>[^<]*<\/ram:Name>/, '$1'))).toContain('BR-06');
  });

  it('grand total changed → BR-CO-15', async () => {
    expect(await ids(ex1.replace(/<ram:GrandTotalAmount>[^<]*</, '<ram:GrandTotalAmount>1.00<'))).toContain('BR-CO-15');
  });

  it('invoice number removed → BR-02', async () => {
    expect(await ids(ex1.replace(/(<rsm:ExchangedDocument>\s*)<ram:ID>[^<]*<\/ram:ID>/, '$1'))).toContain('BR-02');
  });

  it('unknown element → XSD', async () => {
    const r = await validateEInvoiceXml(ex1.replace('<ram:TypeCode>380</ram:TypeCode>', '<ram:Foo>1</ram:Foo><ram:TypeCode>380</ram:TypeCode>'));
    expect(r.valid).toBe(false);
    expect(r.failures[0]!.id).toBe('XSD');
    expect(r.failures[0]!.text).toMatch(/Foo/);
  });

  it('not XML at all → XSD parser error, no crash', async () => {
    const r = await validateEInvoiceXml('Rechnung als Text');
    expect(r.valid).toBe(false);
    expect(r.failures[0]!.id).toBe('XSD');
  });

  const all = taxCaseSnapshots();
  it('Kleinunternehmer without exemption reason → BR-E-10', async () => {
    const xml = buildCiiXml(all.kleinunternehmer!).xml.replace(/<ram:ExemptionReason>[^<]*<\/ram:ExemptionReason>/, '');
    expect(await ids(xml)).toContain('BR-E-10');
  });

  it('Kleinunternehmer with only a Steuernummer and no seller identifier → BR-CO-26', async () => {
    const xml = buildCiiXml(all.kleinunternehmer!).xml.replace(/<ram:SellerTradeParty><ram:ID>[^<]*<\/ram:ID>/, '<ram:SellerTradeParty>');
    expect(await ids(xml)).toContain('BR-CO-26');
  });

  it('intra-EU supply without the buyer VAT id → BR-IC-02', async () => {
    const s = snapshot({ taxCase: 'intra_eu_b2b', buyerCountry: 'AT', lines: [{ description: 'Tasse', quantity: 1, unitNetCents: 1000, category: 'K', rate: 0 }] });
    expect(await ids(buildCiiXml(s).xml)).toContain('BR-IC-02');
  });

  it('export by a seller without VAT id → BR-G-02', async () => {
    const s = snapshot({ taxCase: 'export', buyerCountry: 'CH', sellerOver: { vatId: '' }, lines: [{ description: 'Tasse', quantity: 1, unitNetCents: 1000, category: 'G', rate: 0 }] });
    expect(await ids(buildCiiXml(s).xml)).toContain('BR-G-02');
  });

  it('XRechnung without buyer reference → BR-DE-15; without seller phone → BR-DE-6', async () => {
    const xml = buildCiiXml(all.xrechnung!).xml;
    expect(await ids(xml.replace(/<ram:BuyerReference>[^<]*<\/ram:BuyerReference>/, ''))).toContain('BR-DE-15');
    expect(await ids(xml.replace(/<ram:TelephoneUniversalCommunication>.*?<\/ram:TelephoneUniversalCommunication>/, ''))).toContain('BR-DE-6');
  });
});
