import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestApp, tempDir, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { FakeClock } from '../fakes/ports';
import { startInProcessServer } from './server-harness';
import { seedUsage, spread } from './usage-seed';
import { orderDraft, seedOrders } from '../fakes/orders';

let app: TestApp;
let ui: Harness;
let srv: Awaited<ReturnType<typeof startInProcessServer>>;
const clock = new FakeClock('2026-09-01T08:00:00Z');
/** The app's and the service's clocks move together (the service's time wins in the app when it is later). */
const setNow = (iso: string) => {
  clock.set(iso);
  srv.setNow(iso);
};
/** Text of an element with NBSP (Intl money format) as plain space. */
const text = async (l: { textContent(): Promise<string | null> }) => ((await l.textContent()) ?? '').replace(/\u00a0/g, ' ');
const attr = async (l: { getAttribute(n: string): Promise<string | null> }, n: string) => ((await l.getAttribute(n)) ?? '').replace(/\u00a0/g, ' ');

beforeAll(async () => {
  srv = await startInProcessServer(tempDir(), '2026-09-01T08:00:00Z');
  app = createTestApp({ ports: { clock }, config: { billingUrl: srv.url } });
  ui = await openRenderer(app);
}, 180_000);
afterAll(async () => {
  await ui?.close();
  await app?.cleanup();
  await srv?.close();
});

describe('trial badge, registration, expiry dialog and the Gebühren view in Chromium (fake clock)', () => {
  it('first start: the badge shows 30 days and the registration starts the trial', async () => {
    const { page } = ui;
    await expect(text(page.getByTestId('trial-badge'))).resolves.toBe('Testphase: noch 30 Tage');
    const dialog = page.getByTestId('registration-dialog');
    await dialog.waitFor();
    await page.getByTestId('register-name').fill('Erika Mustermann');
    await page.getByTestId('register-email').fill('erika@example.de');
    await page.getByTestId('register-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const s = await app.call('billing:trial', {});
    expect(s).toMatchObject({ registered: true, name: 'Erika Mustermann' });
    clock.advanceDays(24);
    await page.reload();
    await expect(text(page.getByTestId('trial-badge'))).resolves.toBe('Testphase: noch 6 Tage');
    expect(await page.getByTestId('trial-ended-dialog').count()).toBe(0);
  });

  it('after the trial: the dialog explains, leads to the Gebühren view, which shows this month’s fees', async () => {
    const { page } = ui;
    setNow('2026-11-23T10:00:00Z');
    // November after the trial: 10 orders of middle value (0,40 €) + 50 of high value (4,00 €), and 40 free ones.
    seedUsage(app, [
      ...spread(10, '2026-11-02T08:00:00Z', '2026-11-10T08:00:00Z', () => 550),
      ...spread(50, '2026-11-10T08:00:00Z', '2026-11-20T08:00:00Z', () => 1990),
      ...spread(40, '2026-11-03T08:00:00Z', '2026-11-21T08:00:00Z', () => 299),
    ]);
    await page.reload();
    const dialog = page.getByTestId('trial-ended-dialog');
    await dialog.waitFor();
    await expect(text(dialog)).resolves.toMatch(/am 01\.10\.2026 abgelaufen.*Rechnungsadresse und ein SEPA-Lastschriftmandat/);
    await expect(text(page.getByTestId('trial-badge'))).resolves.toBe('Testphase beendet');
    // "Später" hides it; a refused chargeable action brings it back.
    await page.getByTestId('trial-ended-later').click();
    await dialog.waitFor({ state: 'detached' });
    const [fresh] = seedOrders(app.db, [orderDraft()]);
    const refused = await app.dispatch('documents:createInvoices', { orderIds: [fresh!] }, { origin: 'test' });
    expect(refused.ok ? null : refused.error.code).toBe('BILLING_REQUIRED');
    await dialog.waitFor();
    await page.getByTestId('trial-ended-enter').click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('fee-meter').getByText('Gebühren im Monat November 2026').waitFor();
    await expect(text(page.getByTestId('fee-net'))).resolves.toBe('4,40 €');
    await expect(attr(page.getByTestId('fee-bar'), 'aria-valuenow')).resolves.toBe('440');
    await expect(attr(page.getByTestId('fee-bar'), 'aria-valuetext')).resolves.toBe('4,40 € von 34,00 €');
    await expect(text(page.getByTestId('fee-cap-text'))).resolves.toBe('Noch 29,60 € bis zum Monatsdeckel von 34,00 €');
    await expect(text(page.getByTestId('fee-tier-middle'))).resolves.toMatch(/über 3,00 € bis 7,00 €\s*10\s*0,04 €\s*0,40 €/);
    await expect(text(page.getByTestId('fee-tier-high'))).resolves.toMatch(/über 7,00 €\s*50\s*0,08 €\s*4,00 €/);
    await expect(text(page.getByTestId('fee-tier-free'))).resolves.toMatch(/bis 3,00 €\s*40/);
    await expect(attr(page.getByTestId('fee-chart').locator('[role=img]'), 'aria-label')).resolves.toMatch(/Nov\.? 26: 4,40 €/);
    expect(await page.getByTestId('fee-chart').locator('svg.recharts-surface').count()).toBe(1);
    await expect(text(page.getByTestId('sync-waiting'))).resolves.toBe('100');
    // another month from the 12-month strip
    await page.getByTestId('fee-month-2026-10').click();
    await page.getByTestId('fee-meter').getByText('Gebühren im Monat Oktober 2026').waitFor();
    await expect(text(page.getByTestId('fee-net'))).resolves.toBe('0,00 €');
    await page.getByTestId('fee-month-2026-11').click();
    await page.getByTestId('fee-meter').getByText('Gebühren im Monat November 2026').waitFor();
  });

  it('billing details: a wrong IBAN is refused, a right one unlocks chargeable actions; sync and invoice download', async () => {
    const { page } = ui;
    await page.getByTestId('billing-holder').fill('Erika Mustermann');
    await page.getByTestId('billing-iban').fill('DE89 3704 0044 0532 0130 01');
    await page.getByTestId('billing-street').fill('Hauptstraße 5a');
    await page.getByTestId('billing-zip').fill('10115');
    await page.getByTestId('billing-city').fill('Berlin');
    await page.getByTestId('billing-save').click();
    await page.getByText('Diese IBAN ist ungültig (Prüfziffer oder Länge).').waitFor();
    expect((await app.call('billing:trial', {})).billingComplete).toBe(false);

    await page.getByTestId('billing-iban').fill('DE89 3704 0044 0532 0130 00');
    await page.getByTestId('billing-save').click();
    await page.getByTestId('billing-status').getByText('Abrechnungsdaten gespeichert.').waitFor();
    await page.getByTestId('trial-badge').getByText('Abrechnung aktiv').waitFor();
    expect((await app.call('billing:trial', {})).chargingAllowed).toBe(true);

    // December: November (4,40 € > 4,20 €) is invoiced by the service.
    setNow('2026-12-02T09:00:00Z');
    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-state').getByText('abgeglichen').waitFor();
    await expect(text(page.getByTestId('sync-waiting'))).resolves.toBe('0');
    const row = page.getByTestId('fee-invoice-row');
    await row.waitFor();
    await expect(text(row)).resolves.toMatch(/PDG-2026-00001.*02\.12\.2026.*November 2026.*4,40 €.*5,24 €.*16\.12\.2026/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fee-invoice-download-PDG-2026-00001').click()]);
    expect(download.suggestedFilename()).toBe('PDG-2026-00001.pdf');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

        await page.reload();
    await page.getByTestId('trial-badge').getByText('Abrechnung aktiv').waitFor();
    expect(await page.getByTestId('trial-ended-dialog').count()).toBe(0);
  });
});
