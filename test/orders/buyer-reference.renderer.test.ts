import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { seedDemoOrders } from '../../main/services/orders/demo-data';
import { setupSeller } from '../documents/helpers';

/** The Käuferreferenz / Leitweg-ID field of the manual order form, in Chromium against the real app. */
let app: TestApp;
let ui: Harness;

beforeAll(async () => {
  app = createTestApp();
  setupSeller(app);
  seedDemoOrders(app.core, 5);
  ui = await openRenderer(app);
}, 300_000);
afterAll(async () => {
  await ui?.close();
  await app?.cleanup();
});

describe('manual order form: Käuferreferenz / Leitweg-ID', () => {
  it('says whether the reference is a Leitweg-ID, stores it, shows it in the detail pane; the invoice freezes it', async () => {
    const { page } = ui;
    await page.getByTestId('orders-row').first().waitFor();
    await page.getByTestId('orders-new').click();
    const form = page.getByTestId('order-form');
    await form.getByTestId('form-name').fill('Petra Amtmann');
    await form.getByTestId('form-company').fill('Stadt Köln, Amt für Schulentwicklung');
    await form.getByTestId('form-street').fill('Willy-Brandt-Platz');
    await form.getByTestId('form-houseNumber').fill('2');
    await form.getByTestId('form-zip').fill('50679');
    await form.getByTestId('form-city').fill('Köln');
    await form.getByTestId('form-item-title-0').fill('Ordner A4, blau');
    await form.getByTestId('form-item-price-0').fill('3,49');

    const ref = form.getByTestId('form-buyerReference');
    const hint = form.getByTestId('form-buyerReference-hint');
    await ref.fill('Bestellung 4711');
    await expect(hint.textContent()).resolves.toContain('Keine Leitweg-ID');
    await ref.fill(' 05315000-4711-84 ');
    await expect(hint.textContent()).resolves.toContain('Leitweg-ID erkannt: die E-Rechnung wird eine XRechnung.');
    await form.getByTestId('form-save').click();

    await page.getByTestId('orders-detail-buyerReference').getByText('05315000-4711-84').waitFor();
    const row = app.features.orders.orders.list({ search: 'Amtmann' }).rows[0]!;
    const { documents } = await app.call('documents:createInvoices', { orderIds: [row.id] });
    expect(app.features.documents.archive.snapshot(documents[0]!.number)!.buyer.buyerReference).toBe('05315000-4711-84');
  });
});
