import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { runPortodesk } from '../harness/cli';

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

describe('Einstellungen in Chromium', () => {
  it('shows the German navigation', async () => {
    await expect(ui.page.getByRole('navigation', { name: 'Hauptnavigation' }).textContent()).resolves.toContain('Aufträge');
  });

  it('rejects a wrong IBAN in the form, saves a right one, and the CLI reads it back from the same data folder', async () => {
    const { page } = ui;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-companyName').fill('Kiste & Karton e.K.');
    await page.getByTestId('settings-iban').fill('DE89 3704 0044 0532 0130 01');
    await page.getByTestId('settings-save').click();
    await expect(page.getByText('Diese IBAN ist ungültig').first().isVisible()).resolves.toBe(true);

    await page.getByTestId('settings-iban').fill('DE89 3704 0044 0532 0130 00');
    await page.getByTestId('settings-kleinunternehmer').check();
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-status').getByText('Einstellungen gespeichert.').waitFor();

    await app.close();
    const name = runPortodesk(['--data', app.dataDir, 'settings', 'get', 'company.companyName', '--json']).json();
    expect(name.value).toBe('Kiste & Karton e.K.');
    const klein = runPortodesk(['--data', app.dataDir, 'settings', 'get', 'company.kleinunternehmer', '--json']).json();
    expect(klein.value).toBe(true);
    const iban = runPortodesk(['--data', app.dataDir, 'settings', 'get', 'company.iban', '--json']).json();
    expect(iban.value).toBe('DE89370400440532013000');
  });
});
