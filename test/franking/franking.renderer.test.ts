import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { frankingWorld, type FrankingWorld } from './setup';

let w: FrankingWorld;
let ui: Harness;
beforeAll(async () => {
  w = await frankingWorld({
    orders: 3,
    im: { balanceCents: 20_00 },
    orderOver: (i) => ({ externalId: `FR-${i + 1}`, weightGrams: [15, 45, 300][i]! }),
  });
  ui = await openRenderer(w.app);
}, 240_000);
afterAll(async () => {
  await ui?.close();
  await w?.close();
});

describe('Frankieren in Chromium against the fake Internetmarke server', () => {
  it('balance → orders with a product each → cost and balance after → buy → stamps listed → refund', async () => {
    const { page } = ui;
    await page.getByTestId('nav-franking').click();
    await page.getByTestId('franking-refresh').click();
    await page.getByTestId('franking-balance-value').getByText('20,00').waitFor();

    // The rule table picked Standardbrief, Kompaktbrief and Großbrief by weight.
    const table = page.getByTestId('franking-candidates');
    await table.waitFor();
    // Opened on its own, the view buys nothing by default: the seller picks the orders.
    await expect(page.getByTestId('franking-buy').isDisabled()).resolves.toBe(true);
    await page.getByTestId('franking-select-all').check();
    const ids = w.orderIds;
    await expect(page.getByTestId(`franking-product-${ids[0]}`).inputValue()).resolves.toBe('1');
    await expect(page.getByTestId(`franking-product-${ids[1]}`).inputValue()).resolves.toBe('11');
    await expect(page.getByTestId(`franking-product-${ids[2]}`).inputValue()).resolves.toBe('21');
    await expect(page.getByTestId('franking-cost').textContent()).resolves.toMatch(/3,85/);
    // Per-order override: Einschreiben Einwurf for the first order.
    await page.getByTestId(`franking-product-${ids[0]}`).selectOption('1002');
    await expect(page.getByTestId('franking-cost').textContent()).resolves.toMatch(/6,20/);
    await expect(page.getByTestId('franking-balance-after').textContent()).resolves.toMatch(/13,80/);

    await page.getByTestId('franking-page-format').selectOption('1');
    await page.getByTestId('franking-start').fill('2');
    // The first sheet as it will come out: slot 1 already used, stamps in slots 2–4.
    await expect(page.getByTestId('franking-slot-1').getAttribute('data-state')).resolves.toBe('used');
    for (const slot of [2, 3, 4]) await expect(page.getByTestId(`franking-slot-${slot}`).getAttribute('data-state')).resolves.toBe('stamp');
    await expect(page.getByTestId('franking-slot-5').getAttribute('data-state')).resolves.toBe('free');
    await page.getByTestId('franking-buy').click();
    await page.getByTestId('franking-message').getByText('3 Marken gekauft').waitFor({ timeout: 30_000 });

    expect(w.im.charges()).toHaveLength(1);
    expect(w.im.charges()[0]!.amountCents).toBe(620);
    await page.getByTestId('franking-balance-value').getByText('13,80').waitFor();
    const stamps = page.getByTestId('franking-stamps');
    await expect(stamps.locator('tbody tr').count()).resolves.toBe(3);
    await expect(stamps.textContent()).resolves.toContain('07.12.2026'); // refund deadline shown
    await expect(stamps.textContent()).resolves.toContain('Standardbrief + Einschreiben Einwurf');
    await expect(page.getByTestId('franking-candidates').count()).resolves.toBe(0);
    // The balance over time: 20,00 € → 13,80 €.
    await page.getByTestId('franking-balance-chart').waitFor();
    await expect(page.getByTestId('franking-balance-chart').locator('[role="img"]').getAttribute('aria-label')).resolves.toMatch(/20,00.*13,80/);

    // Refund the Kompaktbrief.
    const voucher = w.im.charges()[0]!.voucherIds[1]!;
    await page.getByRole('checkbox', { name: voucher }).check();
    await page.getByTestId('franking-refund').click();
    await page.getByTestId('franking-stamps-message').getByText('1 Marke(n) erstattet').waitFor({ timeout: 30_000 });
    await page.getByTestId(`franking-stamp-${voucher}`).getByText('erstattet').waitFor();
    expect(w.im.ledger.filter((l) => l.kind === 'refund')).toHaveLength(1);
  }, 120_000);

  it('Portokasse login in the settings: a missing approval shows where to approve the app', async () => {
    const { page } = ui;
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('franking-settings');
    await section.waitFor();
    w.im.approved = false;
    await page.getByTestId('franking-user').fill(w.im.username);
    await page.getByTestId('franking-password').fill(w.im.password);
    await page.getByTestId('franking-login').click();
    await page.getByTestId('franking-settings-message').getByText('Geschäftsanwendungen', { exact: false }).waitFor();
    w.im.approved = true;
    await page.getByTestId('franking-login').click();
    await page.getByTestId('franking-settings-message').getByText(`Angemeldet als ${w.im.username}`).waitFor();
    expect(await w.app.ports.secrets.get('im.password')).toBe(w.im.password);
  }, 60_000);
});
