import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../harness/test-app';
import { runPortodesk } from '../harness/cli';
import { pdfText, setupSeller } from '../documents/helpers';
import { orderDraft } from '../fakes/orders';
import { getOrder } from '../../main/db/repos/orders';
import { updateOrderContent } from '../../main/db/repos/orders-write';
import { extractEmbeddedXml } from '../../main/services/einvoice/hybrid-pdf';
import { validateEInvoiceXml } from '../../main/services/einvoice/validate';
import { GUIDELINE_EN16931, GUIDELINE_XRECHNUNG } from '../../shared/einvoice/codes';

/**
 * Käuferreferenz / Leitweg-ID (BT-10) from the manual order form to the e-invoice: an order for a public
 * buyer carries its Leitweg-ID, the invoice freezes it, and `invoice xml` then issues an XRechnung.
 */
let app: TestApp;
afterEach(async () => app?.cleanup());

const LEITWEG = '05315000-4711-84';
const manualOrder = (buyerReference?: string) => ({
  orderDate: '2026-11-20T12:00:00.000Z',
  buyerName: 'Petra Amtmann',
  buyerEmail: 'beschaffung@stadt-koeln.example',
  ...(buyerReference === undefined ? {} : { buyerReference }),
  shipTo: { name: 'Petra Amtmann', company: 'Stadt Köln, Amt für Schulentwicklung', street: 'Willy-Brandt-Platz', houseNumber: '2', zip: '50679', city: 'Köln', country: 'DE' },
  items: [{ title: 'Ordner A4, blau', sku: 'ORD-A4', quantity: 20, unitPriceCents: 349 }],
  shippingCents: 590,
  totalCents: 20 * 349 + 590,
});

describe('Leitweg-ID on the order → XRechnung', () => {
  it('stored with the manual order (trimmed), kept on edit, not wiped by an import update; an old order reads as ""', async () => {
    app = createTestApp();
    const o = await app.call('orders:create', manualOrder(`  ${LEITWEG} `));
    expect(o.buyerReference).toBe(LEITWEG);
    expect(getOrder(app.db, o.id)!.buyerReference).toBe(LEITWEG);

    const edited = await app.call('orders:update', { id: o.id, draft: { ...manualOrder(LEITWEG), shippingCents: 0, totalCents: 20 * 349 } });
    expect(edited.buyerReference).toBe(LEITWEG);
    expect(edited.shippingCents).toBe(0);
    const cleared = await app.call('orders:update', { id: o.id, draft: manualOrder('') });
    expect(cleared.buyerReference).toBe('');
    await app.call('orders:update', { id: o.id, draft: manualOrder(LEITWEG) });

    // A re-import of the (unlocked) order rewrites its content from the file, which has no reference column.
    updateOrderContent(app.db, o.id, orderDraft({ externalId: o.externalId, channel: 'manual' }), [], '2026-11-21T10:00:00.000Z');
    expect(getOrder(app.db, o.id)!.buyerReference).toBe(LEITWEG);

    const plain = await app.call('orders:create', manualOrder());
    expect(plain.buyerReference).toBe('');
  });

  it('order with a Leitweg-ID → invoice (printed, frozen) → `invoice xml` gives XRechnung CII that validates; without one: EN 16931', async () => {
    app = createTestApp();
    setupSeller(app);
    const pub = await app.call('orders:create', manualOrder(LEITWEG));
    const shop = await app.call('orders:create', manualOrder(''));
    const { documents } = await app.call('documents:createInvoices', { orderIds: [pub.id, shop.id] });
    const pubNo = documents.find((d) => d.orderId === pub.id)!.number;
    const shopNo = documents.find((d) => d.orderId === shop.id)!.number;
    expect(app.features.documents.archive.snapshot(pubNo)!.buyer.buyerReference).toBe(LEITWEG);
    expect(app.features.documents.archive.snapshot(shopNo)!.buyer.buyerReference).toBe('');
    const printed = pdfText(Buffer.from((await app.call('documents:pdf', { number: pubNo })).base64, 'base64'));
    expect(printed).toMatch(new RegExp(`Leitweg-ID\\s+${LEITWEG}`));

    const dir = app.dataDir;
    await app.close();
    const xmlFile = join(dir, 'xrechnung.xml');
    const pdfFile = join(dir, 'xrechnung.pdf');
    const x = runPortodesk(['--data', dir, 'invoice', 'xml', pubNo, '--out', xmlFile, '--pdf', pdfFile]);
    expect(x.stderr).toBe('');
    expect(x.code).toBe(0);
    const xml = readFileSync(xmlFile, 'utf8');
    expect(xml).toContain(`<ram:ID>${GUIDELINE_XRECHNUNG}</ram:ID>`);
    expect(xml).toContain(`<ram:BuyerReference>${LEITWEG}</ram:BuyerReference>`);
    const report = await validateEInvoiceXml(xml);
    expect(report.failures).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.checks).toContain('xrechnung-br-de');

    const embedded = await extractEmbeddedXml(new Uint8Array(readFileSync(pdfFile)));
    expect(embedded).toMatchObject({ fileName: 'xrechnung.xml', relationship: 'Alternative', xml });
    const v = runPortodesk(['--data', dir, 'invoice', 'validate', xmlFile]);
    expect(v.code).toBe(0);

    const plainFile = join(dir, 'zugferd.xml');
    expect(runPortodesk(['--data', dir, 'invoice', 'xml', shopNo, '--out', plainFile]).code).toBe(0);
    const plain = readFileSync(plainFile, 'utf8');
    expect(plain).toContain(`<ram:ID>${GUIDELINE_EN16931}</ram:ID>`);
    expect(plain).not.toContain(GUIDELINE_XRECHNUNG);
  });
});
