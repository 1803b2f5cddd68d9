import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import {
  AFRelationship, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream,
} from 'pdf-lib';
import { PROFILE_META, type EInvoiceProfile } from '../../../shared/einvoice/codes';
import { escapeXml } from './xml';

const require = createRequire(import.meta.url);
let iccCache: Uint8Array | null = null;
/** sRGB IEC61966-2.1 profile for the PDF/A OutputIntent; pdfkit (pdfmake's engine) ships it. */
function srgbIcc(): Uint8Array {
  iccCache ??= readFileSync(join(dirname(require.resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'));
  return iccCache;
}

const isoNoMs = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * XMP for PDF/A-3B + Factur-X: pdfaid, Dublin Core title, the fx: properties and the PDF/A extension
 * schema that declares them (without it PDF/A validators reject the custom fx: namespace; reference §2.4).
 */
function xmp(profile: EInvoiceProfile, title: string, author: string, subject: string, created: Date, now: Date): string {
  const m = PROFILE_META[profile];
  const fx = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';
  const prop = (name: string, desc: string) =>
    `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${desc}</pdfaProperty:description></rdf:li>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>application/pdf</dc:format><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(title)}</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>${escapeXml(author)}</rdf:li></rdf:Seq></dc:creator>${subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(subject)}</rdf:li></rdf:Alt></dc:description>` : ''}</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>Portodesk</xmp:CreatorTool><xmp:CreateDate>${isoNoMs(created)}</xmp:CreateDate><xmp:ModifyDate>${isoNoMs(now)}</xmp:ModifyDate><xmp:MetadataDate>${isoNoMs(now)}</xmp:MetadataDate></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>Portodesk (pdf-lib)</pdf:Producer></rdf:Description>
<rdf:Description rdf:about="" xmlns:fx="${fx}"><fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>${m.fileName}</fx:DocumentFileName><fx:Version>${m.version}</fx:Version><fx:ConformanceLevel>${m.conformanceLevel}</fx:ConformanceLevel></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema><pdfaSchema:namespaceURI>${fx}</pdfaSchema:namespaceURI><pdfaSchema:prefix>fx</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>${prop('DocumentFileName', 'name of the embedded XML invoice file')}${prop('DocumentType', 'INVOICE')}${prop('Version', 'The actual version of the Factur-X XML schema')}${prop('ConformanceLevel', 'The conformance level of the embedded Factur-X data')}</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

export type HybridOptions = { profile: EInvoiceProfile; title: string; author: string; now: Date };

/**
 * Turns the invoice PDF into a hybrid e-invoice (ZUGFeRD/Factur-X): the CII XML embedded as factur-x.xml
 * (xrechnung.xml for the XRechnung profile) with AFRelationship Alternative, listed in the catalog /AF,
 * Factur-X XMP with PDF/A-3B identification, an sRGB OutputIntent and a trailer /ID.
 * The visual content is the invoice PDF unchanged; the documents capability renders it as PDF/A-3b
 * (embedded Roboto, OutputIntent, pdfaid XMP). Its XMP is replaced in place by one merged packet (pdfaid +
 * the original creation date, title, author, subject + Factur-X), so the file has exactly one metadata
 * stream and one PDF/A identification. veraPDF is not available offline to certify conformance.
 */
export async function makeHybridPdf(pdf: Uint8Array, xml: string, o: HybridOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const meta = PROFILE_META[o.profile];
  const xmlBytes = new TextEncoder().encode(xml);
  await doc.attach(xmlBytes, meta.fileName, {
    mimeType: 'text/xml',
    description: o.profile === 'xrechnung' ? 'XRechnung' : 'Factur-X/ZUGFeRD invoice',
    creationDate: o.now,
    modificationDate: o.now,
    afRelationship: AFRelationship.Alternative,
  });
  // The invoice was created when it was issued; the e-invoice only modifies it (Info and XMP agree on both).
  const created = doc.getCreationDate() ?? o.now;
  const subject = doc.getSubject() ?? '';
  doc.setTitle(o.title, { showInWindowTitleBar: true });
  doc.setAuthor(o.author);
  doc.setProducer('Portodesk (pdf-lib)');
  doc.setCreator('Portodesk');
  doc.setCreationDate(created);
  doc.setModificationDate(o.now);

  const ctx = doc.context;
  const metadata = ctx.stream(new TextEncoder().encode(xmp(o.profile, o.title, o.author, subject, created, o.now)), { Type: 'Metadata', Subtype: 'XML' });
  // pdf-lib writes every object it parsed, referenced or not: overwrite the source's metadata object instead
  // of adding a second one (two XMP packets with their own pdfaid would be two PDF/A identifications).
  const oldMeta = doc.catalog.get(PDFName.of('Metadata'));
  if (oldMeta instanceof PDFRef) ctx.assign(oldMeta, metadata);
  else doc.catalog.set(PDFName.of('Metadata'), ctx.register(metadata));

  if (!doc.catalog.has(PDFName.of('OutputIntents'))) {
    const icc = ctx.flateStream(srgbIcc(), { N: 3 });
    const intent = ctx.obj({
      Type: 'OutputIntent', S: 'GTS_PDFA1', OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
      Info: PDFString.of('sRGB IEC61966-2.1'), DestOutputProfile: ctx.register(icc),
    });
    doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([intent]));
  }
  // Trailer /ID: the first element is the document's permanent id (kept from the invoice PDF), the second
  // changes with this modification (PDF 1.7, 14.4).
  const changed = PDFHexString.of(createHash('md5').update(xmlBytes).update(o.title).digest('hex'));
  const prevId = ctx.trailerInfo.ID;
  const permanent = prevId instanceof PDFArray && prevId.size() === 2 ? prevId.get(0) : changed;
  ctx.trailerInfo.ID = ctx.obj([permanent, changed]);
  // Object streams are PDF 1.5+ and fine for PDF/A-3, but plain xref tables are what older checkers expect.
  return doc.save({ useObjectStreams: false });
}

export type EmbeddedXml = { fileName: string; xml: string; relationship: string };

const FILE_NAMES = ['factur-x.xml', 'xrechnung.xml', 'zugferd-invoice.xml', 'ZUGFeRD-invoice.xml'];

/** Reads the embedded e-invoice XML back out of a hybrid PDF (ours or anyone's); null when there is none. */
export async function extractEmbeddedXml(pdf: Uint8Array): Promise<EmbeddedXml | null> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const ef = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!ef) return null;
  const specs: PDFDict[] = [];
  const walk = (node: PDFDict) => {
    const arr = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (arr) for (let i = 1; i < arr.size(); i += 2) specs.push(arr.lookup(i, PDFDict));
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i, PDFDict));
  };
  walk(ef);
  for (const spec of specs) {
    const nameObj = spec.lookup(PDFName.of('UF')) ?? spec.lookup(PDFName.of('F'));
    const fileName = nameObj instanceof PDFString || nameObj instanceof PDFHexString ? nameObj.decodeText() : '';
    if (!FILE_NAMES.includes(fileName) && !fileName.toLowerCase().endsWith('.xml')) continue;
    const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFStream)) continue;
    const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
    const rel = spec.lookup(PDFName.of('AFRelationship'));
    return { fileName, xml: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), relationship: rel instanceof PDFName ? rel.decodeText() : '' };
  }
  return null;
}
