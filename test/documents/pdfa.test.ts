import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { pdfText, setupSeller } from './helpers';
import { renderInThread } from '../../main/services/documents/render';

let app: TestApp;
afterEach(async () => app?.cleanup());

const streamText = (s: PDFStream) =>
  new TextDecoder().decode(s instanceof PDFRawStream && s.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(s).decode() : (s as PDFRawStream).getContents());

/** Every XMP metadata stream in the file (also ones no longer referenced: a PDF/A checker sees those too). */
function metadataStreams(doc: PDFDocument): string[] {
  return doc.context
    .enumerateIndirectObjects()
    .filter(([, o]) => o instanceof PDFStream && o.dict.get(PDFName.of('Type')) === PDFName.of('Metadata'))
    .map(([, o]) => streamText(o as PDFStream));
}

/** The XMP packet must be well-formed XML (checked with the same parser family poppler/veraPDF use: libxml2 via xmllint). */
function wellFormed(xml: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'pd-xmp-'));
  try {
    writeFileSync(join(dir, 'x.xml'), xml.replace(/^\s+/, ''));
    execFileSync('xmllint', ['--noout', join(dir, 'x.xml')], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdffonts(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pd-fonts-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    return execFileSync('pdffonts', [join(dir, 'd.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What we can check offline of PDF/A-3b (no veraPDF): version, identification, OutputIntent, fonts, /ID. */
async function expectPdfA3b(pdf: Uint8Array, title: string) {
  expect(new TextDecoder().decode(pdf.slice(0, 8))).toBe('%PDF-1.7');
  // Binary comment on the second line (ISO 19005-2 6.1.2).
  expect([...pdf.slice(9, 14)].slice(1).every((b) => b > 127)).toBe(true);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const xmps = metadataStreams(doc);
  expect(xmps).toHaveLength(1);
  const xmp = xmps[0]!;
  expect(wellFormed(xmp)).toBe(true);
  expect(xmp.match(/<pdfaid:part>3<\/pdfaid:part>/g)).toHaveLength(1);
  expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
  expect(xmp).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
  // The seller's "&" is escaped in XMP, plain in the info dictionary.
  expect(xmp).toContain('Kiste &amp; Karton e.K.');
  expect(doc.getAuthor()).toBe('Kiste & Karton e.K.');
  expect(xmp).toContain(`<xmp:CreateDate>${doc.getCreationDate()!.toISOString().replace(/\.\d{3}Z$/, 'Z')}</xmp:CreateDate>`);

  const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
  expect(intents.size()).toBe(1);
  const intent = intents.lookup(0, PDFDict);
  expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
  const icc = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream);
  expect(icc.dict.get(PDFName.of('N'))?.toString()).toBe('3');
  const profile = icc instanceof PDFRawStream && icc.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(icc).decode() : (icc as PDFRawStream).getContents();
  expect(new TextDecoder().decode(profile.slice(36, 40))).toBe('acsp'); // ICC signature
  expect(new TextDecoder().decode(profile.slice(16, 20))).toBe('RGB ');

  const fonts = pdffonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  expect(doc.catalog.has(PDFName.of('Encrypt'))).toBe(false);
  expect(doc.context.trailerInfo.ID).toBeInstanceOf(PDFArray);
}

describe('invoice and cancellation PDFs are PDF/A-3b (as far as checkable offline)', () => {
  it('invoice and Stornorechnung: PDF 1.7, one XMP with pdfaid 3/B, sRGB OutputIntent, embedded fonts; re-rendering gives the same bytes', async () => {
    app = createTestApp();
    setupSeller(app);
    const [id] = seedOrders(app.db, [orderDraft()]);
    const inv = (await app.call('documents:createInvoices', { orderIds: [id!] })).documents[0]!;
    const pdf = Buffer.from((await app.call('documents:pdf', { number: inv.number })).base64, 'base64');
    await expectPdfA3b(pdf, `Rechnung ${inv.number}`);

    const snap = app.features.documents.archive.snapshot(inv.number)!;
    const again = await renderInThread({ kind: 'invoice', snapshot: snap, form: 'B', issuedAt: inv.issuedAt });
    expect(Buffer.from(again).equals(pdf)).toBe(true);

    app.ports.clock.advanceDays(1);
    const st = await app.call('documents:cancel', { number: inv.number });
    const stPdf = Buffer.from((await app.call('documents:pdf', { number: st.number })).base64, 'base64');
    await expectPdfA3b(stPdf, `Stornorechnung ${st.number}`);
  });

  it('characters Roboto cannot draw (emoji, ★, CJK) print as "?" instead of the .notdef glyph PDF/A forbids; the snapshot keeps them', async () => {
    app = createTestApp();
    setupSeller(app);
    const title = 'Geschenkbox 🎁 rot ★★★ 中国茶 — Größe L';
    const [id] = seedOrders(app.db, [orderDraft({ items: [{ title, quantity: 1, unitPriceCents: 1999, vatRate: 19 }], totalCents: 1999 + 495 })]);
    const inv = (await app.call('documents:createInvoices', { orderIds: [id!] })).documents[0]!;
    expect(app.features.documents.archive.snapshot(inv.number)!.lines[0]!.description).toBe(title);
    const pdf = Buffer.from((await app.call('documents:pdf', { number: inv.number })).base64, 'base64');
    const text = pdfText(pdf);
    expect(text).toContain('Geschenkbox ? rot ? ? — Größe L');
    expect(text).not.toMatch(/[🎁★中]/u);
    await expectPdfA3b(pdf, `Rechnung ${inv.number}`);
  });

  it('a multi-page invoice (carried totals, second layout pass) is PDF/A-3b too', async () => {
    app = createTestApp();
    setupSeller(app);
    const items = Array.from({ length: 45 }, (_, i) => ({ sku: `A-${i}`, title: `Artikel ${i + 1} <Sonderedition> & mehr`, quantity: 1, unitPriceCents: 500 + i, vatRate: 19 }));
    const [id] = seedOrders(app.db, [orderDraft({ items, totalCents: items.reduce((s, i) => s + i.unitPriceCents, 0) })]);
    const inv = (await app.call('documents:createInvoices', { orderIds: [id!] })).documents[0]!;
    const pdf = Buffer.from((await app.call('documents:pdf', { number: inv.number })).base64, 'base64');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
    await expectPdfA3b(pdf, `Rechnung ${inv.number}`);
  });
});
