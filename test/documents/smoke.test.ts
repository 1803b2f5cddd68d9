import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { pdfText, setupSeller } from './helpers';

let app: TestApp;
afterEach(async () => app?.cleanup());

describe('smoke', () => {
  it('issues an invoice', async () => {
    app = createTestApp();
    setupSeller(app);
    const [id] = seedOrders(app.db, [orderDraft()]);
    const r = await app.call('documents:createInvoices', { orderIds: [id!] });
    const pdf = await app.call('documents:pdf', { number: r.documents[0]!.number });
    const text = pdfText(Buffer.from(pdf.base64, 'base64'));
    console.log(text);
    expect(text).toContain('RE-2026-00001');
  });
});
