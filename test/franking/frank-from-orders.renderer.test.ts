import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { frankingWorld, type FrankingWorld } from './setup';

let w: FrankingWorld;
let ui: Harness;
beforeAll(async () => {
  w = await frankingWorld({ orders: 4, orderOver: (i) => ({ externalId: `AB-${i + 1}`, weightGrams: 18 }) });
  ui = await openRenderer(w.app);
}, 240_000);
afterAll(async () => {
  await ui?.close();
  await w?.close();
});

describe('Aufträge → Frankieren (Ctrl+M) in Chromium', () => {
  it('the selection goes to the Frankieren view; after buying, the order’s detail pane lists its stamp', async () => {
    const { page } = ui;
    await page.getByTestId('orders-row').first().waitFor();
    await page.getByRole('checkbox', { name: 'AB-2', exact: false }).check();
    await page.getByRole('checkbox', { name: 'AB-3', exact: false }).check();
    await page.getByTestId('orders-selected-count').getByText('2', { exact: false }).waitFor();
    await page.getByTestId('orders-table').focus();
    await page.keyboard.press('Control+m');

    const table = page.getByTestId('franking-candidates');
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(2);
    await expect(table.textContent()).resolves.toContain('AB-2');
    await expect(table.textContent()).resolves.not.toContain('AB-1');
    await page.getByTestId('franking-refresh').click();
    await page.getByTestId('franking-balance-value').getByText('100,00').waitFor();
    await expect(page.getByTestId('franking-cost').textContent()).resolves.toMatch(/1,90/);
    await page.getByTestId('franking-buy').click();
    await page.getByTestId('franking-message').getByText('2 Marken gekauft').waitFor({ timeout: 30_000 });
    // The purchase ran as a job with its summary in the job area.
    await page.locator('[data-testid="job"][data-state="done"]').getByText('2 von 2 Marken gekauft', { exact: false }).waitFor();
    expect(w.im.charges()).toHaveLength(1);

    await page.getByTestId('nav-orders').click();
    await page.locator('[data-testid="orders-row"] [data-status="franked"]').first().waitFor();
    await page.getByTestId('orders-row').filter({ hasText: 'AB-2' }).click();
    const stamps = page.getByTestId('orders-detail').getByTestId('franking-order-stamps');
    await stamps.waitFor();
    await expect(stamps.textContent()).resolves.toContain(w.im.charges()[0]!.voucherIds[0]!);
  }, 120_000);
});
