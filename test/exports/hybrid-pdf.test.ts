import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import pdfmake from 'pdfmake';
import { PDFDocument, PDFName, PDFArray, PDFDict, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';
import { renderInThread } from '../../main/services/documents/render';
import { buildCiiXml } from '../../main/services/einvoice/cii-writer';
import { extractEmbeddedXml, makeHybridPdf } from '../../main/services/einvoice/hybrid-pdf';
import { validateEInvoiceXml } from '../../main/services/einvoice/validate';
import { cancellationOf, taxCaseSnapshots } from './snapshots';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
const pm = pdfmake as typeof pdfmake & { setUrlAccessPolicy(cb: (u: string) => boolean): void; setLocalAccessPolicy(cb: (p: string) => boolean): void };
pm.setFonts({ Roboto: { normal: join(FONT_DIR, 'Roboto-Regular.ttf'), bold: join(FONT_DIR, 'Roboto-Medium.ttf'), italics: join(FONT_DIR, 'Roboto-Italic.ttf'), bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf') } });
pm.setUrlAccessPolicy(() => false);
pm.setLocalAccessPolicy((p) => p.startsWith(FONT_DIR));

/** An invoice PDF as pdfmake renders it: PDF/A-3b, PDF 1.7, embedded TTF fonts. */
async function invoicePdf(title: string): Promise<Uint8Array> {
  const buf = await pm.createPdf({ version: '1.7', subset: 'PDF/A-3b', info: { title }, content: [{ text: title, fontSize: 16 }, 'Kaffeetasse Steingut, blau — 2 × 10,92 €'] } as never).getBuffer();
  return new Uint8Array(buf as Buffer);
}

describe('hybrid PDF/A-3 (ZUGFeRD/Factur-X)', () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('embeds factur-x.xml (Alternative), writes Factur-X XMP and PDF/A-3B identification; the extracted XML validates', async () => {
    const s = taxCaseSnapshots().standard!;
    const { xml, profile } = buildCiiXml(s);
    const pdf = await makeHybridPdf(await invoicePdf('Rechnung RE-2026-0001'), xml, { profile, title: 'Rechnung RE-2026-0001', author: 'Kiste & Karton e.K.', now });

    const back = await extractEmbeddedXml(pdf);
    expect(back).toMatchObject({ fileName: 'factur-x.xml', relationship: 'Alternative' });
    expect(back!.xml).toBe(xml);
    expect((await validateEInvoiceXml(back!.xml)).valid).toBe(true);

    const doc = await PDFDocument.load(pdf);
    expect(new TextDecoder().decode(pdf.slice(0, 8))).toBe('%PDF-1.7');
    const af = doc.catalog.lookup(PDFName.of('AF'), PDFArray);
    expect(af.size()).toBe(1);
    expect(af.lookup(0, PDFDict).get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'));
    const ef = af.lookup(0, PDFDict).lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'));
    expect((ef as PDFRawStream).dict.get(PDFName.of('Subtype'))?.toString()).toBe('/text#2Fxml');
    const meta = doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
    const xmp = new TextDecoder().decode(meta.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(meta).decode() : meta.getContents());
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    expect(xmp).toContain('<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>');
    expect(doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).size()).toBeGreaterThan(0);
  });

  it('uses xrechnung.xml for the XRechnung profile and keeps a cancellation valid through the round trip', async () => {
    const s = cancellationOf(taxCaseSnapshots().xrechnung!);
    const { xml, profile } = buildCiiXml(s);
    expect(profile).toBe('xrechnung');
    const pdf = await makeHybridPdf(await invoicePdf('Stornorechnung'), xml, { profile, title: 'Stornorechnung RE-2026-0002', author: 'K', now });
    const back = await extractEmbeddedXml(pdf);
    expect(back?.fileName).toBe('xrechnung.xml');
    const r = await validateEInvoiceXml(back!.xml);
    expect(r.failures).toEqual([]);
    expect(r.checks).toContain('xrechnung-br-de');
  });

  it('on the real invoice PDF (documents renderer, PDF/A-3b): exactly one XMP with pdfaid 3/B and the Factur-X fields, one OutputIntent, AF Alternative; the XML validates', async () => {
    const s = taxCaseSnapshots().standard!;
    const issuedAt = '2026-11-20T09:30:00.000Z';
    const invoice = await renderInThread({ kind: 'invoice', snapshot: s, form: 'B', issuedAt });
    const { xml, profile } = buildCiiXml(s);
    const pdf = await makeHybridPdf(invoice, xml, { profile, title: `Rechnung ${s.number}`, author: s.seller.companyName, now });

    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    // Every metadata stream in the file, referenced or not: the invoice's own XMP must not survive as a second packet.
    const xmps = doc.context
      .enumerateIndirectObjects()
      .filter(([, o]) => o instanceof PDFStream && o.dict.get(PDFName.of('Type')) === PDFName.of('Metadata'))
      .map(([, o]) => o as PDFRawStream)
      .map((m) => new TextDecoder().decode(m.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(m).decode() : m.getContents()));
    expect(xmps).toHaveLength(1);
    const xmp = xmps[0]!;
    expect(xmp.match(/<pdfaid:part>/g)).toHaveLength(1);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>');
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(xmp).toContain('<fx:Version>1.0</fx:Version>');
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    expect(xmp).toContain('<pdfaSchema:prefix>fx</pdfaSchema:prefix>');
    expect(xmp).toContain('Kiste &amp; Karton e.K.');
    // Merged, not replaced blindly: the invoice's creation date and subject stay, the e-invoice is a modification.
    expect(xmp).toContain('<xmp:CreateDate>2026-11-20T09:30:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2026-11-20T10:00:00Z</xmp:ModifyDate>');
    expect(xmp).toContain(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Rechnung ${s.number}</rdf:li></rdf:Alt></dc:description>`);
    expect(doc.getCreationDate()?.toISOString()).toBe(issuedAt);
    expect(doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).size()).toBe(1);
    expect(doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    // The permanent half of the trailer /ID is the invoice's.
    const before = await PDFDocument.load(invoice, { updateMetadata: false });
    expect((doc.context.trailerInfo.ID as PDFArray).get(0).toString()).toBe((before.context.trailerInfo.ID as PDFArray).get(0).toString());

    const af = doc.catalog.lookup(PDFName.of('AF'), PDFArray);
    expect(af.size()).toBe(1);
    expect(af.lookup(0, PDFDict).get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'));
    const back = await extractEmbeddedXml(pdf);
    expect(back).toMatchObject({ fileName: 'factur-x.xml', relationship: 'Alternative', xml });
    const r = await validateEInvoiceXml(back!.xml);
    expect(r.failures).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('a PDF without attachment yields null', async () => {
    expect(await extractEmbeddedXml(await invoicePdf('Nur PDF'))).toBeNull();
  });

  it.skipIf(!existsSync('/usr/bin/pdfdetach'))('poppler sees the attachment and extracts the same bytes', async () => {
    const { xml, profile } = buildCiiXml(taxCaseSnapshots().oss!);
    const pdf = await makeHybridPdf(await invoicePdf('Rechnung'), xml, { profile, title: 'Rechnung', author: 'K', now });
    const dir = mkdtempSync(join(tmpdir(), 'pd-hybrid-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), pdf);
      expect(spawnSync('pdfdetach', ['-list', join(dir, 'r.pdf')], { encoding: 'utf8' }).stdout).toContain('factur-x.xml');
      spawnSync('pdfdetach', ['-save', '1', '-o', join(dir, 'x.xml'), join(dir, 'r.pdf')]);
      expect(readFileSync(join(dir, 'x.xml'), 'utf8')).toBe(xml);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
