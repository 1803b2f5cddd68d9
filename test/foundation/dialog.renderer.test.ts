import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';

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

describe('dialogs (renderer/app/Dialog.tsx)', () => {
  it('are named modal dialogs and Escape closes them without saving', async () => {
    const { page } = ui;
    await page.getByTestId('orders-new').click();
    const dialog = page.getByRole('dialog', { name: 'Neuer Auftrag' });
    await dialog.waitFor();
    await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
    await expect(dialog.getAttribute('aria-labelledby')).resolves.toBe('order-form-title');
    await page.getByTestId('order-form').locator('input').first().focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await app.call('orders:list', {})).total).toBe(0);
  });
});
