import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { fixture, importPaths, orderByExt } from './helpers';
import { lockOrder } from '../../main/db/repos/orders';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(async () => app.cleanup());

const count = () => app.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const HEAD = 'Verkaufsprotokollnummer;Bestellnummer;Name des Empfängers;Adresse 1 des Empfängers;Ort des Empfängers;PLZ des Empfängers;Land des Empfängers;Artikelnummer;Angebotstitel;Anzahl;Verkauft für;Verpackung und Versand;Gesamtbetrag;Verkauft am;Verschickt am - Datum;Sendungsnummer';
const ROW = (o: { zip?: string; shipped?: string; tracking?: string; price?: string } = {}) =>
  `1;01-00001-00001;Erika Muster;Hauptstr. 5;Berlin;${o.zip ?? '10115'};Deutschland;111;Tasse;1;${o.price ?? '10,00'};4,95;${o.price === '12,00' ? '16,95' : '14,95'};18-Nov-26;${o.shipped ?? ''};${o.tracking ?? ''}`;

describe('importing again', () => {
  it('the same and an overlapping file never duplicate an order; nothing changes the second time', async () => {
    const first = await importPaths(app, [fixture('ebay-de-bestellungen.csv'), fixture('amazon-bestellbericht-cp1252.txt')]);
    expect(first.report).toMatchObject({ new: 11, updated: 0 });
    const before = app.db.prepare('SELECT id, updated_at, ship_to, total_cents FROM orders ORDER BY id').all();
    const again = await importPaths(app, [fixture('ebay-de-bestellungen.csv'), fixture('amazon-bestellbericht-cp1252.txt')]);
    expect(again.report).toMatchObject({ new: 0, updated: 0, unchanged: 11 });
    expect(count()).toBe(11);
    expect(app.db.prepare('SELECT id, updated_at, ship_to, total_cents FROM orders ORDER BY id').all()).toEqual(before);
  });

  it('a new tracking number / shipped date updates status and tracking, with a history entry', async () => {
    await app.features.orders.orders.importFiles([file('a.csv', `${HEAD}\n${ROW()}\n`)]);
    const { report } = await app.features.orders.orders.importFiles([file('b.csv', `${HEAD}\n${ROW({ shipped: '20-Nov-26', tracking: '00340434161234567891' })}\n`)]);
    expect(report).toMatchObject({ new: 0, updated: 1 });
    const o = orderByExt(app, 'ebay', '01-00001-00001');
    expect(o).toMatchObject({ status: 'shipped', trackingNumber: '00340434161234567891', shippedAt: '2026-11-19T23:00:00.000Z' });
    expect(app.features.orders.orders.history(o.id).map((h) => h.action)).toEqual(['import', 'import_update']);
  });

  it('an order with an issued document is never silently changed: the difference is reported, status/tracking still follow', async () => {
    await app.features.orders.orders.importFiles([file('a.csv', `${HEAD}\n${ROW()}\n`)]);
    const o = orderByExt(app, 'ebay', '01-00001-00001');
    lockOrder(app.db, o.id, app.core.nowIso());
    const { report } = await app.features.orders.orders.importFiles([file('b.csv', `${HEAD}\n${ROW({ zip: '10117', price: '12,00', tracking: 'JJD000390007001' })}\n`)]);
    expect(report.files[0]!.conflicts).toEqual([{ orderId: o.id, externalId: '01-00001-00001', fields: ['Lieferadresse', 'Artikel', 'Gesamtbetrag'] }]);
    const after = orderByExt(app, 'ebay', '01-00001-00001');
    expect(after).toMatchObject({ totalCents: 1495, shipTo: { zip: '10115' }, trackingNumber: 'JJD000390007001', status: 'shipped', locked: true });
    expect(app.features.orders.orders.history(o.id).some((h) => h.action === 'import_conflict' && /Lieferadresse/.test(h.detail))).toBe(true);
  });

  it('an unlocked order takes corrected address and amounts', async () => {
    await app.features.orders.orders.importFiles([file('a.csv', `${HEAD}\n${ROW()}\n`)]);
    const { report } = await app.features.orders.orders.importFiles([file('b.csv', `${HEAD}\n${ROW({ zip: '10117', price: '12,00' })}\n`)]);
    expect(report).toMatchObject({ updated: 1 });
    expect(orderByExt(app, 'ebay', '01-00001-00001')).toMatchObject({ totalCents: 1695, shipTo: { zip: '10117' }, items: [{ unitPriceCents: 1200 }] });
  });

  it("our own progress is never moved back by the marketplace ('Etikett gedruckt' stays)", async () => {
    await app.features.orders.orders.importFiles([file('a.csv', `${HEAD}\n${ROW()}\n`)]);
    const o = orderByExt(app, 'ebay', '01-00001-00001');
    app.features.orders.orders.advanceStatus(o.id, 'labelled');
    await app.features.orders.orders.importFiles([file('b.csv', `${HEAD}\n${ROW({ zip: '10117' })}\n`)]);
    expect(orderByExt(app, 'ebay', '01-00001-00001').status).toBe('labelled');
  });
});

describe('bad input', () => {
  it("'all or nothing': one bad row and nothing of that file goes in; other files are not affected", async () => {
    const { report } = await importPaths(app, [fixture('ebay-de-bestellungen.csv'), fixture('woocommerce-orders.json')], { allOrNothing: true });
    expect(report.files.find((f) => f.file === 'ebay-de-bestellungen.csv')).toMatchObject({ rolledBack: true, new: 0, rejected: 1 });
    expect(report.files.find((f) => f.file === 'woocommerce-orders.json')).toMatchObject({ rolledBack: false, new: 1 });
    expect(count()).toBe(1);
  });

  it("'skip bad rows': the good rows of the file go in together", async () => {
    const { report, job } = await importPaths(app, [fixture('ebay-de-bestellungen.csv')]);
    expect(report.files[0]).toMatchObject({ new: 7, rejected: 1 });
    expect(job.summary).toBe('7 neu, 0 aktualisiert, 0 unverändert, 1 abgelehnt');
  });

  it('a file of the wrong kind gets a clear message, not a crash', async () => {
    const { report, job } = await app.features.orders.orders.importFiles([
      file('urlaub.jpg', '\u00ff\u00d8\u00ff\u00e0 JFIF binary'),
      file('kontoauszug.csv', 'Buchungstag;Verwendungszweck;Betrag\n01.11.2026;Miete;-800,00\n'),
    ]);
    expect(report.files.map((f) => f.error)).toEqual([expect.stringMatching(/urlaub\.jpg ist keine bekannte Bestelldatei/), expect.stringMatching(/kontoauszug\.csv ist keine bekannte Bestelldatei/)]);
    expect(job.state).toBe('done');
    expect(count()).toBe(0);
  });

  it('a forced format that does not fit names the file and what is missing', async () => {
    const { report } = await importPaths(app, [fixture('woocommerce-orders.csv')], { format: 'amazon' });
    expect(report.files[0]!.error).toMatch(/woocommerce-orders\.csv ist keine gültige Datei „Amazon Bestellbericht.*Kopfzeile/);
  });

  it('broken JSON is reported with the parser message', async () => {
    const { report } = await app.features.orders.orders.importFiles([file('order.json', '{"order": {"line_items": [')], { format: 'shopify-json' });
    expect(report.files[0]!.error).toMatch(/kein gültiges JSON/);
  });

  it('rows with missing required values name line and field', async () => {
    const text = `${HEAD}\n${ROW()}\n2;01-00001-00002;Max;Weg 1;Kassel;34117;Narnia;112;Vase;1;5,00;0;5,00;18-Nov-26;;\n3;01-00001-00003;Max;Weg 1;Kassel;34117;DE;113;Vase;x;5,00;0;5,00;18-Nov-26;;\n4;01-00001-00004;Max;Weg 1;Kassel;34117;DE;114;Vase;1;5,00;0;5,00;31-Feb-26;;\n`;
    const { report } = await app.features.orders.orders.importFiles([file('x.csv', text)]);
    expect(report.files[0]!.rejections).toEqual([
      { file: 'x.csv', line: 3, field: 'Land des Empfängers', message: 'Unbekanntes Land „Narnia“' },
      { file: 'x.csv', line: 4, field: 'Anzahl', message: '„x“ ist keine Stückzahl (ganze Zahl ab 1)' },
      { file: 'x.csv', line: 5, field: 'Verkauft am', message: '„31-Feb-26“ ist kein lesbares Datum' },
    ]);
    expect(report.new).toBe(1);
  });
});

describe('generic CSV with a saved column mapping', () => {
  it('maps columns, groups rows by order number, reports a missing mapped column', async () => {
    await app.call('orders:mappings:save', {
      name: 'Marktstand', delimiter: ';', dateOrder: 'dmy',
      columns: { externalId: 'Bestellung', orderDate: 'Datum', shipName: 'Kunde', shipStreet: 'Strasse', shipZip: 'PLZ', shipCity: 'Ort', shipCountry: 'Land', itemTitle: 'Artikel', itemQuantity: 'Menge', itemPrice: 'Preis', shipping: 'Porto' },
    });
    const { report } = await importPaths(app, [fixture('markt-export.csv')], { mapping: 'Marktstand' });
    expect(report.files[0]).toMatchObject({ format: 'generic', new: 2 });
    expect(orderByExt(app, 'generic', 'MK-0001')).toMatchObject({
      marketplace: 'Marktstand', totalCents: 2 * 1490 + 1900 + 495, orderDate: '2026-11-20T23:00:00.000Z',
      items: [{ title: 'Wollsocken Gr. 42', quantity: 2 }, { title: 'Mütze grau', quantity: 1 }], shipTo: { street: 'Dorfstraße', houseNumber: '3' },
    });
    await app.call('orders:mappings:save', { name: 'Falsch', columns: { externalId: 'Auftrag', orderDate: 'Datum', shipName: 'Kunde', shipStreet: 'Strasse', shipZip: 'PLZ', shipCity: 'Ort', shipCountry: 'Land', itemTitle: 'Artikel', itemPrice: 'Preis' } });
    const bad = await importPaths(app, [fixture('markt-export.csv')], { mapping: 'Falsch' });
    expect(bad.report.files[0]!.error).toMatch(/Spalte „Auftrag“ der Zuordnung „Falsch“ fehlt/);
  });
});
