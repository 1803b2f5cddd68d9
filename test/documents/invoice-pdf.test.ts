import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { pdfPages, pdfText, setupSeller } from './helpers';
import type { OrderDraftInput } from '../../shared/domain/order';

let app: TestApp;
afterEach(async () => app?.cleanup());

async function issue(over: Partial<OrderDraftInput>, seller: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) {
  app = createTestApp();
  setupSeller(app, seller);
  if (Object.keys(settings).length) await app.call('documents:saveSettings', settings);
  const [id] = seedOrders(app.db, [orderDraft(over)]);
  const r = await app.call('documents:createInvoices', { orderIds: [id!] });
  const doc = r.documents[0]!;
  const pdf = Buffer.from((await app.call('documents:pdf', { number: doc.number })).base64, 'base64');
  return { id: id!, doc, text: pdfText(pdf), pdf, snapshot: app.features.documents.archive.snapshot(doc.number)! };
}

/** §14 Abs. 4 Nr. 1–5 UStG: present on every invoice. */
function expectCommonFields(text: string, number: string) {
  // Nr. 1: seller and buyer, full name and address
  expect(text).toContain('Kiste & Karton e.K.');
  expect(text).toContain('Lindenallee 12');
  expect(text).toContain('50667 Köln');
  // Nr. 3: issue date; Nr. 4: unique number
  expect(text).toMatch(/Rechnungsdatum\s+23\.11\.2026/);
  expect(text).toMatch(new RegExp(`Rechnungsnummer\\s+${number}`));
  // Nr. 6: time of supply
  expect(text).toMatch(/Liefer-\/\s+23\.11\.2026/);
}

describe('§14 UStG fields in the PDF text (pdftotext)', () => {
  it('standard: 19 % and 7 % items, shipping split, net per rate, rate and VAT per rate, gross total', async () => {
    const { text, doc, snapshot } = await issue({
      shipTo: { name: 'Erika Mustermann', street: 'Hauptstraße', houseNumber: '5a', zip: '10115', city: 'Berlin', country: 'DE' },
      items: [
        { sku: 'TASSE-01', title: 'Kaffeetasse Steingut, blau', quantity: 2, unitPriceCents: 1299, vatRate: 19 },
        { sku: 'BUCH-7', title: 'Kochbuch Heimatküche', quantity: 1, unitPriceCents: 2490, vatRate: 7 },
      ],
      shippingCents: 495,
      totalCents: 2 * 1299 + 2490 + 495,
    });
    expect(doc.number).toBe('RE-2026-00001');
    expectCommonFields(text, doc.number);
    expect(text).toContain('Erika Mustermann');
    expect(text).toContain('Hauptstraße 5a');
    expect(text).toContain('10115 Berlin');
    // Nr. 2: tax id of the seller
    expect(text).toContain('DE123456789');
    // Nr. 5: quantity and description
    expect(text).toMatch(/1\s+2\s+Kaffeetasse Steingut, blau/);
    expect(text).toMatch(/2\s+1\s+Kochbuch Heimatküche/);
    // Nr. 7/8: net per rate, rate and tax amount; gross total — and they add up
    const s = snapshot;
    expect(s.taxCase).toBe('standard');
    expect(s.vatBreakdown.map((b) => b.vatRate)).toEqual([19, 7]);
    const eur = (c: number) => (c / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 }) + ' €';
    for (const b of s.vatBreakdown) {
      expect(text).toMatch(new RegExp(`Nettobetrag ${b.vatRate} %\\s+${eur(b.netCents).replace('.', '\\.')}`));
      expect(text).toContain(`zzgl. ${b.vatRate} % USt auf ${eur(b.netCents)}`);
      expect(text).toContain(eur(b.vatCents));
    }
    expect(text).toMatch(/Gesamtbetrag brutto\s+55,83 €/);
    expect(s.totals.netCents + s.totals.vatCents).toBe(5583);
    expect(s.lines.filter((l) => l.isShipping).reduce((a, l) => a + l.grossCents, 0)).toBe(495);
    // Window envelope: recipient inside the DIN 5008 address field is checked by position in the layout test.
  });

  it('Kleinunternehmer: no VAT shown, the §19 note, Steuernummer', async () => {
    const { text, doc, snapshot } = await issue({}, { kleinunternehmer: true, vatId: '' });
    expectCommonFields(text, doc.number);
    expect(text).toContain('Kein Ausweis von Umsatzsteuer, da Kleinunternehmer gemäß § 19 UStG.');
    expect(text).toContain('214/5678/9012');
    expect(text).not.toMatch(/USt auf|Umsatzsteuer \d|19 %/);
    expect(text).toMatch(/Gesamtbetrag\s+30,93 €/);
    expect(snapshot.taxCase).toBe('kleinunternehmer');
    expect(snapshot.vatBreakdown).toMatchObject([{ vatCategory: 'E', vatRate: 0, vatCents: 0, netCents: 3093 }]);
  });

  it('OSS: B2C to Austria above the threshold at the Austrian rate, with the reason stored', async () => {
    const { text, doc, snapshot } = await issue(
      {
        shipTo: { name: 'Franz Huber', street: 'Mariahilfer Straße', houseNumber: '10', zip: '1060', city: 'Wien', country: 'AT' },
        items: [{ sku: 'T', title: 'Teekanne Porzellan', quantity: 1, unitPriceCents: 2400, vatRate: 19 }],
        shippingCents: 0,
        totalCents: 2400,
      },
      {},
      { ossExternalSalesCents: 1_000_000 },
    );
    expectCommonFields(text, doc.number);
    expect(text).toContain('Franz Huber');
    expect(text).toContain('1060 Wien');
    expect(text).toContain('ÖSTERREICH');
    expect(text).toMatch(/Nettobetrag 20 %\s+20,00 €/);
    expect(text).toContain('zzgl. 20 % USt auf 20,00 €');
    expect(text).toMatch(/Gesamtbetrag brutto\s+24,00 €/);
    expect(text).toContain('Bestimmungslands AT');
    expect(snapshot.taxCase).toBe('oss');
    expect(snapshot.taxCaseReason).toContain('Lieferschwelle überschritten');
    expect(doc.taxCaseReason).toContain('OSS');
  });

  it('intra-EU B2B: tax-free with the note and both VAT ids', async () => {
    const { text, doc, snapshot } = await issue({
      buyerVatId: 'FR40303265045',
      shipTo: { name: 'Jean Dupont', company: 'Dupont SARL', street: 'Rue de Rivoli', houseNumber: '12', zip: '75001', city: 'Paris', country: 'FR' },
      items: [{ sku: 'K', title: 'Karton 40x30x20, 50 Stück', quantity: 3, unitPriceCents: 4500, vatRate: 19 }],
      shippingCents: 1500,
      totalCents: 15000,
    });
    expectCommonFields(text, doc.number);
    expect(text).toContain('Dupont SARL');
    expect(text).toContain('Steuerfreie innergemeinschaftliche Lieferung gemäß § 4 Nr. 1b i. V. m. § 6a UStG.');
    expect(text).toContain('USt-IdNr. Lieferer: DE123456789');
    expect(text).toContain('USt-IdNr. Empfänger: FR40303265045');
    expect(text).toMatch(/Nettobetrag \(steuerfrei\)\s+150,00 €/);
    expect(text).toMatch(/Gesamtbetrag\s+150,00 €/);
    expect(snapshot.vatBreakdown).toMatchObject([{ vatCategory: 'K', exemptionReasonCode: 'VATEX-EU-IC', vatCents: 0 }]);
  });

  it('export outside the EU: tax-free Ausfuhrlieferung note', async () => {
    const { text, doc, snapshot } = await issue({
      shipTo: { name: 'Heidi Meier', street: 'Bahnhofstrasse', houseNumber: '1', zip: '8001', city: 'Zürich', country: 'CH' },
    });
    expectCommonFields(text, doc.number);
    expect(text).toContain('SCHWEIZ');
    expect(text).toContain('Steuerfreie Ausfuhrlieferung gemäß § 4 Nr. 1a i. V. m. § 6 UStG.');
    expect(text).toMatch(/Gesamtbetrag\s+30,93 €/);
    expect(snapshot.vatBreakdown).toMatchObject([{ vatCategory: 'G', exemptionReasonCode: 'VATEX-EU-G' }]);
  });

  it('a long order breaks across pages with carried totals (Übertrag) and the same totals', async () => {
    const items = Array.from({ length: 70 }, (_, i) => ({ sku: `ART-${i}`, title: `Artikel Nummer ${i + 1} mit etwas längerer Beschreibung`, quantity: 1, unitPriceCents: 100 + i, vatRate: 19 }));
    const { text, pdf, snapshot } = await issue({ items, shippingCents: 0, totalCents: items.reduce((s, i) => s + i.unitPriceCents, 0) });
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const carries = [...text.matchAll(/Übertrag: ([\d.,]+) €/g)].map((m) => m[1]);
    expect(carries.length).toBe(pages - 1);
    expect(text).toMatch(/Übertrag von Seite 1: [\d.,]+ €/);
    expect(text).toContain(`Seite 1 von ${pages}`);
    // The carried amount equals the sum of the rows on the pages before.
    const firstPage = text.split('\f')[0]!;
    const rowsOnFirst = [...firstPage.matchAll(/^\s+(\d+)\s+1\s+Artikel Nummer/gm)].length;
    const expected = snapshot.lines.slice(0, rowsOnFirst).reduce((s, l) => s + l.grossCents, 0);
    expect(carries[0]).toBe((expected / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 }));
  });

  it('Kleinunternehmer: the invoice that would cross 100,000 € this year is refused with what to do', async () => {
    app = createTestApp();
    setupSeller(app, { kleinunternehmer: true });
    const ids = seedOrders(app.db, [
      orderDraft({ items: [{ title: 'Maschine', quantity: 1, unitPriceCents: 9_000_000, vatRate: 19 }], shippingCents: 0, totalCents: 9_000_000 }),
      orderDraft({ items: [{ title: 'Zubehör', quantity: 1, unitPriceCents: 1_000_001, vatRate: 19 }], shippingCents: 0, totalCents: 1_000_001 }),
    ]);
    await app.call('documents:createInvoices', { orderIds: [ids[0]!] });
    expect((await app.call('documents:settings', {})).kleinunternehmer).toEqual({ currentYearCents: 9_000_000, limitCents: 10_000_000 });
    await expect(app.call('documents:createInvoices', { orderIds: [ids[1]!] })).rejects.toMatchObject({
      code: 'KLEINUNTERNEHMER_LIMIT',
      message: expect.stringContaining('„Kleinunternehmer“ ausschalten'),
    });
    app.core.settings.saveCompany({ ...app.core.settings.company(), kleinunternehmer: false });
    const r = await app.call('documents:createInvoices', { orderIds: [ids[1]!] });
    expect(r.documents[0]!.taxCase).toBe('standard');
  });

  it('refuses to issue when the seller data lacks a §14 field', async () => {
    app = createTestApp();
    setupSeller(app, { taxNumber: '', vatId: '' });
    const [id] = seedOrders(app.db, [orderDraft()]);
    await expect(app.call('documents:createInvoices', { orderIds: [id!] })).rejects.toMatchObject({ code: 'COMPANY_INCOMPLETE', message: expect.stringContaining('Steuernummer oder USt-IdNr.') });
    expect(app.features.documents.archive.list()).toEqual([]);
  });
});
