import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../harness/test-app';
import { fixture, importPaths, orderByExt, sample } from './helpers';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(async () => app.cleanup());

describe('eBay Seller Hub orders report', () => {
  it('German file: ";", decimal commas, "10-Dez-25", summary + item rows, Packstation, c/o, bad row reported by line and field', async () => {
    const { report } = await importPaths(app, [fixture('ebay-de-bestellungen.csv')]);
    expect(report.files[0]).toMatchObject({ format: 'ebay', new: 7, rejected: 1, rolledBack: false, error: null });
    expect(report.files[0]!.rejections).toEqual([{ file: 'ebay-de-bestellungen.csv', line: 10, field: 'Verkauft für', message: '„zwölf Euro“ ist kein Betrag' }]);

    const single = orderByExt(app, 'ebay', '05-13874-66021');
    expect(single).toMatchObject({
      marketplace: 'ebay.de', status: 'new', orderDate: '2026-11-17T23:00:00.000Z', paidAt: '2026-11-17T23:00:00.000Z', buyerName: 'Erika Musterfrau',
      buyerEmail: 'erika.musterfrau@example.de', buyerUsername: 'erika_m', currency: 'EUR', shippingCents: 495, totalCents: 3093, warnings: [],
      shipTo: { name: 'Erika Musterfrau', street: 'Hauptstr.', houseNumber: '5a', zip: '10115', city: 'Berlin', country: 'DE' },
      items: [{ sku: 'TASSE-BL-2', title: 'Kaffeetasse Steingut, blau (2er-Set)', quantity: 2, unitPriceCents: 1299, vatRate: 19, externalLineId: '2900011223344' }],
    });
    const multi = orderByExt(app, 'ebay', '06-13875-11402');
    expect(multi.items.map((i) => [i.title, i.quantity, i.unitPriceCents])).toEqual([
      ['Espressomaschine "Barista" Edelstahl; 15 bar (Farbe: Silber)', 1, 119900],
      ['Entkalker 500 ml', 2, 1500],
    ]);
    expect(multi).toMatchObject({ totalCents: 123450, shippingCents: 550, note: 'Bitte nicht klingeln, Baby schläft', shipTo: { street: 'Straße des 17. Juni', houseNumber: '114' } });
    expect(orderByExt(app, 'ebay', '07-13876-90817')).toMatchObject({
      status: 'shipped', trackingNumber: '00340434161234567890', carrier: 'DHL Paket', shippedAt: '2026-03-13T23:00:00.000Z',
      shipTo: { kind: 'packstation', houseNumber: '114', postNumber: '98765432', city: 'München' }, items: [{ vatRate: 7 }],
    });
    expect(orderByExt(app, 'ebay', '08-13877-55310').shipTo).toMatchObject({ careOf: 'c/o Holzwerk Sommer GmbH', street: 'Am Markt', houseNumber: '1-3', zip: '04109' });
    expect(orderByExt(app, 'ebay', '09-13878-20044')).toMatchObject({ shipTo: { country: 'AT', zip: '1060', street: 'Mariahilfer Straße', houseNumber: '12/3' }, totalCents: 3875 });
    expect(orderByExt(app, 'ebay', '11-13880-30303').shipTo).toMatchObject({ kind: 'postfiliale', houseNumber: '502', postNumber: '12345678' });
    expect(orderByExt(app, 'ebay', '12-13881-40404').warnings.map((w) => w.code)).toEqual(['zip_country_mismatch']);
    expect(orderByExt(app, 'ebay', '12-13881-40404').orderDate).toBe('2025-12-19T23:00:00.000Z');
  });

  it('English file: BOM, comma line, padding row, "$", "Sep-25-23", trailer, eIS hub flagged', async () => {
    const { report } = await importPaths(app, [fixture('ebay-en-orders.csv')]);
    expect(report.files[0]).toMatchObject({ format: 'ebay', new: 3, rejected: 0 });
    expect(orderByExt(app, 'ebay', '21-13901-44120')).toMatchObject({
      marketplace: 'ebay.com', currency: 'USD', totalCents: 4230, shippingCents: 630, orderDate: '2026-09-24T22:00:00.000Z',
      shipTo: { street: 'Main Street', houseNumber: '5', zip: '62701-1805', state: 'IL', country: 'US' },
    });
    const eis = orderByExt(app, 'ebay', '22-13902-55011');
    expect(eis.shipTo).toMatchObject({ name: 'eIS C/O Hans Mustermann', city: 'Erlanger', addition: 'evtn:EV2611400778', country: 'US' });
    expect(eis.billTo).toBeNull();
    expect(eis.warnings.map((w) => w.code)).toContain('international_hub');
    const multi = orderByExt(app, 'ebay', '23-13903-66022');
    expect(multi).toMatchObject({ status: 'shipped', trackingNumber: '9400100000000000000000', totalCents: 5850 });
    expect(multi.items.map((i) => [i.title, i.quantity, i.unitPriceCents])).toEqual([
      ['Linen Tea Towel, natural ([Color:Natural])', 3, 950],
      ['Beeswax Wraps (Set of 3)', 1, 2200],
    ]);
  });
});

describe('Amazon order report (Windows-1252, tab-separated)', () => {
  it('decodes umlauts, joins item rows, amounts are totals for the quantity, promotions reduce the total', async () => {
    const { report } = await importPaths(app, [fixture('amazon-bestellbericht-cp1252.txt')]);
    expect(report.files[0]).toMatchObject({ format: 'amazon', new: 4, rejected: 0 });
    const o = orderByExt(app, 'amazon', '302-4417215-8862731');
    expect(o).toMatchObject({ marketplace: 'amazon.de', buyerName: 'Jürgen Weiß', totalCents: 3943, shippingCents: 495, orderDate: '2026-11-19T08:14:02.000Z' });
    expect(o.items).toMatchObject([
      { title: 'Kaffeetasse „Nordsee“ Steingut – blau, 300 ml', quantity: 2, unitPriceCents: 1299, externalLineId: '61840172035411' },
      { title: 'Untersetzer Kork (6 Stück) – Ø 10 cm', quantity: 1, unitPriceCents: 850 },
    ]);
    expect(orderByExt(app, 'amazon', '028-7731902-5521344').shipTo).toMatchObject({ kind: 'packstation', houseNumber: '105', postNumber: '12345678', name: 'Björn Größer' });
    expect(orderByExt(app, 'amazon', '303-1190452-7740019')).toMatchObject({
      totalCents: 9870, shipTo: { company: 'Müller & Söhne GmbH', street: 'Industriestr.', houseNumber: '9', addition: 'Wareneingang Tor 2' },
    });
    expect(orderByExt(app, 'amazon', '171-5520981-3302917').shipTo).toMatchObject({ country: 'AT', zip: '8010', street: 'Herrengasse', houseNumber: '3' });
  });
});

describe('Etsy', () => {
  it('orders + items files are joined by Order ID; "Delivery…" headers; MM/DD/YY', async () => {
    const { report } = await importPaths(app, [fixture('EtsySoldOrders2026.csv'), fixture('EtsySoldOrderItems2026.csv')]);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ format: 'etsy', new: 3, rejected: 0 });
    const o = orderByExt(app, 'etsy', '3312004551');
    expect(o).toMatchObject({ status: 'shipped', totalCents: 3955, shippingCents: 490, buyerName: 'Lena Sommer', buyerUsername: 'lenasommer', orderDate: '2026-11-17T23:00:00.000Z' });
    expect(o.items.map((i) => [i.title, i.quantity, i.unitPriceCents, i.sku])).toEqual([
      ['Handgetöpferte Müslischale, salbeigrün (Farbe:Salbeigrün)', 2, 1250, 'SCHALE-SG'],
      ['Eierbecher Steingut', 1, 1350, 'EIER-ST'],
    ]);
    expect(orderByExt(app, 'etsy', '3312009874').shipTo).toMatchObject({ street: 'Rosenstraße', houseNumber: '4', addition: 'Hinterhaus, 2. OG' });
    expect(orderByExt(app, 'etsy', '3312011200').shipTo).toMatchObject({ country: 'CH', zip: '8001' });
  });
  it('the items file alone makes orders with order-level amounts taken once', async () => {
    await importPaths(app, [fixture('EtsySoldOrderItems2026.csv')]);
    // 2×12.50 + 13.50 − discounts 2.50 + 1.35 + shipping 4.90 (first row only)
    expect(orderByExt(app, 'etsy', '3312004551')).toMatchObject({ totalCents: 3955, shippingCents: 490, items: [{ quantity: 2 }, { quantity: 1 }] });
  });
});

describe('Shopify and WooCommerce', () => {
  it('Shopify export CSV: multi-row order, AT shipping vs billing', async () => {
    await importPaths(app, [fixture('shopify-orders-export.csv')]);
    expect(orderByExt(app, 'shopify', '#1042')).toMatchObject({
      status: 'shipped', totalCents: 5270, shippingCents: 490, orderDate: '2026-11-20T18:01:40.000Z', billTo: null,
      items: [{ title: 'Bienenwachstücher (3er-Set)', quantity: 2, unitPriceCents: 1650 }, { title: 'Notizbuch A5 dotted, Leinen', quantity: 1, unitPriceCents: 1480 }],
      shipTo: { street: 'Mühlenweg', houseNumber: '8', addition: 'Wohnung 3' },
    });
    expect(orderByExt(app, 'shopify', '#1043')).toMatchObject({ shipTo: { name: 'Maria Gruber', city: 'Salzburg', country: 'AT' }, billTo: { name: 'Franz Gruber', city: 'Wien' } });
  });
  it('Shopify Transporter sample: 2 orders in 4 rows, shipping-only row, ISO code over the misspelt country, cancelled order without address', async () => {
    const { report } = await importPaths(app, [sample('shopify-transporter-orders.csv')]);
    expect(report.files[0]).toMatchObject({ format: 'shopify-transporter', new: 2, rejected: 0 });
    const o = orderByExt(app, 'shopify', '#MA-1097');
    expect(o.items.map((i) => [i.title, i.quantity, i.unitPriceCents])).toEqual([['Garden Trowel - Composite / Small', 2, 1000], ['Mini Handle Shovel', 3, 2000]]);
    // 20 + 60 items + 10.40 tax − 10 discount
    expect(o).toMatchObject({ totalCents: 8040, currency: 'USD', orderDate: '2018-01-04T23:51:23.000Z', note: 'Review verified, discount code e-mailed', carrier: 'United Parcel Service - 2nd Day Air' });
    expect(o.shipTo).toMatchObject({ name: 'Receiver Joe', company: 'Acme Warehouse', street: 'Erb St W', houseNumber: '57', zip: 'N2L 6C2', country: 'CA' });
    expect(o.billTo).toMatchObject({ name: 'Ami Shaperi', country: 'CA', addition: 'Unit 56' });
    const c = orderByExt(app, 'shopify', '#MA-1098');
    expect(c).toMatchObject({ status: 'cancelled', totalCents: 3000 });
    expect(c.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['missing_street', 'missing_zip', 'missing_city']));
  });
  it('Shopify REST JSON sample: money strings, failed fulfillment is no tracking, "Chestnut Street 92"', async () => {
    await importPaths(app, [sample('shopify-rest-order.json')]);
    const o = orderByExt(app, 'shopify', '#1001');
    expect(o).toMatchObject({ status: 'new', trackingNumber: '', totalCents: 40994, currency: 'USD', orderDate: '2008-01-10T16:00:00.000Z', buyerEmail: 'bob.norman@hostmail.com' });
    expect(o.items).toHaveLength(3);
    expect(o.items[0]).toMatchObject({ title: 'IPod Nano - 8gb - green', sku: 'IPOD2008GREEN', unitPriceCents: 19900, weightGrams: 200 });
    expect(o.shipTo).toMatchObject({ street: 'Chestnut Street', houseNumber: '92', zip: '40202', country: 'US' });
  });
  it('WooCommerce CSV (one row per item, Packstation in shipping) and REST JSON (date_created_gmt)', async () => {
    await importPaths(app, [fixture('woocommerce-orders.csv'), fixture('woocommerce-orders.json')]);
    expect(orderByExt(app, 'woocommerce', '5120')).toMatchObject({ totalCents: 4290, shippingCents: 490, items: [{ quantity: 4, unitPriceCents: 450 }, { quantity: 2, unitPriceCents: 1000 }] });
    expect(orderByExt(app, 'woocommerce', '5121')).toMatchObject({ status: 'shipped', shipTo: { kind: 'packstation', houseNumber: '201', postNumber: '87654321' }, billTo: { street: 'Schulstraße' } });
    expect(orderByExt(app, 'woocommerce', '727')).toMatchObject({
      orderDate: '2026-11-22T09:15:00.000Z', totalCents: 3475, shippingCents: 495, note: 'Bitte beim Nachbarn abgeben', items: [{ quantity: 2, unitPriceCents: 1490 }],
      shipTo: { street: 'Goethestraße', houseNumber: '45a' },
    });
  });
});

describe('Amazon SP-API JSON samples', () => {
  it('getOrder + getOrderAddress join; getOrderItems of another order is reported as a mismatch', async () => {
    const { report } = await importPaths(app, ['amazon-spapi-getOrder.json', 'amazon-spapi-getOrderAddress.json', 'amazon-spapi-getOrderItems.json'].map(sample));
    expect(report.files[0]).toMatchObject({ format: 'amazon-spapi', new: 1, rejected: 1 });
    expect(report.files[0]!.rejections[0]).toMatchObject({ file: 'amazon-spapi-getOrderItems.json', field: 'AmazonOrderId' });
    expect(report.files[0]!.rejections[0]!.message).toMatch(/701-3922379-8329033/);
    expect(orderByExt(app, 'amazon', '123-4567890-1234567')).toMatchObject({
      marketplace: 'amazon.com', currency: 'USD', totalCents: 14999, orderDate: '2025-10-15T14:22:33.000Z', note: 'Geschäftskunde (Amazon Business)',
      shipTo: { name: 'Receiving Department', street: 'Business Park Dr', houseNumber: '1000', addition: 'Suite 200', city: 'Chicago', zip: '60601', country: 'US' },
    });
  });
  it('getOrder alone: no address yet (warnings), items come later; getOrderItems for a known order fills them', async () => {
    await importPaths(app, [sample('amazon-spapi-getOrder.json')]);
    const o = orderByExt(app, 'amazon', '123-4567890-1234567');
    expect(o.shipTo.country).toBe('US');
    expect(o.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['missing_street', 'missing_zip']));
    const { report } = await importPaths(app, [sample('amazon-spapi-getOrderAddress.json')]);
    expect(report.files[0]).toMatchObject({ updated: 1 });
    expect(orderByExt(app, 'amazon', '123-4567890-1234567').warnings).toEqual([]);
  });
  it('the samples are unchanged copies of ../shared/samples', () => {
    const sums: Record<string, string> = {
      'shopify-transporter-orders.csv': '195872bfe7448e1a1665de391a9dc31bdfd0317926b265695d7c6bb43e9ceb55',
      'shopify-rest-order.json': 'a5177a37ed98a4f9a63531c1601ab6d42b1f7b0e77e8f3ca86f256700cd30513',
      'amazon-spapi-getOrder.json': 'c64544b54d792d94f98718e7be5918ef0e72fb3ec982f4857152804d842f6b55',
      'amazon-spapi-getOrderAddress.json': '8d0c8d44e591c1778b23ca513d5c6986dd49cb24f8b4c699c693d86b50671dd2',
      'amazon-spapi-getOrderItems.json': '214d97df4af7cef9b059649f68e3d282abffef3b886e7578c1904036f88e717a',
    };
    for (const [f, sum] of Object.entries(sums)) expect(createHash('sha256').update(readFileSync(sample(f))).digest('hex')).toBe(sum);
  });
});
