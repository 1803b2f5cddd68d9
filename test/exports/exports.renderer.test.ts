import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { repoRoot } from '../harness/cli';

let app: TestApp;
let ui: Harness;
beforeAll(async () => {
  app = createTestApp();
  ui = await openRenderer(app);
});
afterAll(async () => {
  await ui?.close();
  await app?.cleanup();
});

describe('Einstellungen → Export & E-Rechnung in Chromium', () => {
  it('saves DATEV numbers, SKR04, fiscal year start and the e-invoice switch', async () => {
    const { page } = ui;
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('exports-settings');
    await section.waitFor();
    await page.getByTestId('exports-consultant').fill('29098');
    await page.getByTestId('exports-client').fill('55003');
    await page.getByTestId('exports-chart').selectOption('SKR04');
    await page.getByTestId('exports-fy').selectOption('7');
    await page.getByTestId('exports-einvoice-enabled').check();
    await expect(section.textContent()).resolves.toContain('19 % 4400');
    await page.getByTestId('exports-settings-save').click();
    await page.getByTestId('exports-settings-status').getByText('Export-Einstellungen gespeichert.').waitFor();
    expect(await app.call('exports:settings:get', {})).toMatchObject({ consultantNumber: 29098, clientNumber: 55003, chart: 'SKR04', fiscalYearStartMonth: 7, einvoiceEnabled: true });

    // Own revenue account: outside the SKR04 revenue class it is refused in words, inside it is kept.
    await page.getByTestId('exports-account-domestic19').fill('1400');
    await page.getByTestId('exports-settings-save').click();
    await page.getByTestId('exports-settings-status').getByText(/Erlöskonto 1400 .* liegt nicht im Erlösbereich 4000–4999/).waitFor();
    await page.getByTestId('exports-account-domestic19').fill('4401');
    await page.getByTestId('exports-settings-save').click();
    await page.getByTestId('exports-settings-status').getByText('Export-Einstellungen gespeichert.').waitFor();
    expect((await app.call('exports:settings:get', {})).accounts.domestic19).toBe('4401');
  });

  it('checks an e-invoice file and shows the failed rule id and text', async () => {
    const { page } = ui;
    const good = join(repoRoot, 'test', 'fixtures', 'en16931', 'CII_example2.xml');
    await page.getByTestId('exports-validate-file').setInputFiles(good);
    const result = page.getByTestId('exports-validate-result');
    await result.getByText('CII_example2.xml: gültig').waitFor({ timeout: 60_000 });

    const broken = readFileSync(good, 'utf8').replace(/(<ram:SellerTradeParty>[\s\S]*?)<ram:Name>[^<]*<\/ram:Name>/, '$1');
    await page.getByTestId('exports-validate-file').setInputFiles({ name: 'kaputt.xml', mimeType: 'application/xml', buffer: Buffer.from(broken) });
    await result.getByText(/kaputt\.xml: ungültig/).waitFor({ timeout: 60_000 });
    const text = await result.textContent();
    expect(text).toContain('BR-06');
    expect(text).toContain('Seller name (BT-27)');
  });
});
