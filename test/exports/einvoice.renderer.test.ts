import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { orderDraft, seedOrders } from '../fakes/orders';
import { checkExtf } from '../../shared/datev/check';
import iconv from 'iconv-lite';

/**
 * The real order list in Chromium: the e-invoice detail section (created / rejected with the CEN rule id)
 * and the toolbar's Export producing a checked DATEV file of the month.
 */
let app: TestApp;
let ui: Harness;
beforeAll(async () => {
  app = createTestApp();
  // No USt-IdNr.: a domestic invoice is fine (Steuernummer), an export (category G) breaks BR-G-02.
  app.core.settings.saveCompany({
    companyName: 'Kiste & Karton e.K.', ownerName: 'Max Beispiel', street: 'Lindenallee 12', zip: '50667', city: 'Köln', country: 'DE',
    email: 'info@kiste-karton.de', phone: '0221 123456', taxNumber: '214/5678/9012', iban: 'DE89 3704 0044 0532 0130 00',
  });
  app.core.settings.set('exports.datev.consultantNumber', 29098);
  app.core.settings.set('exports.datev.clientNumber', 55003);
  const ids = seedOrders(app.db, [
    orderDraft({ buyerName: 'Erika Inland' }),
    orderDraft({ buyerName: 'Urs Meier', shipTo: { name: 'Urs Meier', street: 'Bahnhofstrasse', houseNumber: '1', zip: '8001', city: 'Zürich', country: 'CH' } }),
  ]);
  await app.call('documents:createInvoices', { orderIds: ids });
  ui = await openRenderer(app);
});
afterAll(async () => {
  await ui?.close();
  await app?.cleanup();
});

describe('e-invoice in the order detail and Export in the toolbar', () => {
  it('creates the e-invoice of a domestic invoice and shows the rule id when an export invoice breaks a CEN rule', async () => {
    const { page } = ui;
    const rows = page.getByTestId('orders-row');
    await rows.first().waitFor();

    await rows.filter({ hasText: 'Urs Meier' }).click();
    const detail = page.getByTestId('einvoice-detail');
    await detail.getByText('noch nicht erstellt').waitFor();
    await detail.getByTestId('einvoice-create').click();
    await detail.getByTestId('einvoice-failures').waitFor({ timeout: 60_000 });
    await expect(detail.getByTestId('einvoice-state').textContent()).resolves.toContain('abgelehnt');
    const failures = await detail.getByTestId('einvoice-failures').textContent();
    expect(failures).toContain('BR-G-02');
    expect(failures).toContain('Seller VAT Identifier (BT-31)');

    await rows.filter({ hasText: 'Erika Inland' }).click();
    await page.getByTestId('einvoice-detail').getByTestId('einvoice-create').click();
    await page.getByTestId('einvoice-detail').getByTestId('einvoice-state').getByText('✓ erstellt').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('einvoice-detail').textContent()).resolves.toContain('ZUGFeRD EN 16931');
    const download = page.waitForEvent('download');
    await page.getByTestId('einvoice-detail').getByTestId('einvoice-xml').click();
    const xml = readFileSync((await (await download).path())!, 'utf8');
    expect(xml).toContain('<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID>');
  });

  it('exports the month as DATEV from the toolbar; the file passes the checker', async () => {
    const { page } = ui;
    await page.getByTestId('action-exports.export').click();
    const dialog = page.getByTestId('exports-dialog');
    await dialog.getByTestId('exports-scope-month').check();
    await dialog.getByTestId('exports-month').fill('2026-11');
    await dialog.getByTestId('exports-kind-datev').check();
    const download = page.waitForEvent('download');
    await dialog.getByTestId('exports-run').click();
    await dialog.getByTestId('exports-result').waitFor({ timeout: 60_000 });
    await expect(dialog.getByTestId('exports-result').textContent()).resolves.toContain('Prüfung bestanden');
    const d = await download;
    expect(d.suggestedFilename()).toBe('EXTF_Buchungsstapel_20261101_20261130.csv');
    const text = iconv.decode(readFileSync((await d.path())!), 'win1252');
    expect(checkExtf(text)).toMatchObject({ ok: true, rows: 2 });
    await dialog.getByTestId('exports-close').click();
  });
});
