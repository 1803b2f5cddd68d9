import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { orderDraft, seedOrders } from '../fakes/orders';
import { setupSeller } from './helpers';

let app: TestApp;
let ui: Harness;
beforeAll(async () => {
  app = createTestApp();
  setupSeller(app);
  seedOrders(app.db, [orderDraft({ buyerName: 'Erika Mustermann' })]);
  ui = await openRenderer(app);
});
afterAll(async () => {
  await ui?.close();
  await app?.cleanup();
});

describe('Stornorechnung end to end in the app window (Chromium)', () => {
  it('order list → Ctrl+P → preview → print → detail pane → Stornieren → Stornorechnung', async () => {
    const { page } = ui;
    await page.getByTestId('orders-row').first().waitFor();
    await page.getByTestId('orders-table').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('orders-selected-count').getByText('1 ausgewählt').waitFor();
    await page.keyboard.press('Control+p');
    const dialog = page.getByTestId('documents-dialog');
    await dialog.getByTestId('documents-preview').waitFor();
    await dialog.getByTestId('documents-dialog-print').click();
    await page.locator('[data-testid="documents-dialog-job"][data-state="done"]').waitFor({ timeout: 60_000 });
    await dialog.getByTestId('documents-dialog-close').click();
    // The list shows the new status in words.
    await expect(page.getByTestId('orders-row').first().locator('.status-badge').textContent()).resolves.toBe('Rechnung erstellt');

    await page.getByTestId('orders-table').focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('documents-detail');
    await detail.getByTestId('document-RE-2026-00001').waitFor();
    await detail.getByTestId('document-cancel-RE-2026-00001').click();
    await detail.getByTestId('document-cancel-confirm').click();
    await detail.getByTestId('document-RE-2026-00002').waitFor();
    await expect(detail.getByTestId('document-RE-2026-00001').textContent()).resolves.toContain('storniert durch RE-2026-00002');
    const st = app.features.documents.archive.snapshot('RE-2026-00002')!;
    expect(st).toMatchObject({ kind: 'cancellation', cancelsNumber: 'RE-2026-00001' });
    expect(st.totals.grossCents).toBeLessThan(0);
  });
});
