import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { seedDemoOrders } from '../../main/services/orders/demo-data';
import { readFileSync } from 'node:fs';
import { fixture } from './helpers';

let app: TestApp;
let ui: Harness;
const N = 10_000;
const fmt = (n: number) => new Intl.NumberFormat('de-DE').format(n);

beforeAll(async () => {
  app = createTestApp();
  seedDemoOrders(app.core, N);
  ui = await openRenderer(app);
}, 300_000);
afterAll(async () => {
  await ui?.close();
  await app?.cleanup();
});

const countText = () => ui.page.getByTestId('orders-count').textContent();
const selectedText = () => ui.page.getByTestId('orders-selected-count').textContent();
const total = (q: object) => app.features.orders.orders.list(q).total;

describe('Aufträge in Chromium with 10,000 orders', () => {
  it('shows all orders but keeps only the visible rows in the DOM', async () => {
    const { page } = ui;
    await page.getByTestId('orders-row').first().waitFor();
    expect(await countText()).toBe(`${fmt(N)} von ${fmt(N)} Aufträgen`);
    const rows = await page.getByTestId('orders-row').count();
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(120);
    // status in colour AND words
    await expect(page.getByTestId('orders-row').first().locator('.status-badge').textContent()).resolves.toMatch(/neu|Rechnung erstellt|Etikett gedruckt|frankiert|versendet|storniert/);
  });

  it("searches ('/' focuses the box), filters by status chip, and the counts match the database", async () => {
    const { page } = ui;
    await page.getByTestId('orders-table').focus();
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('orders-search');
    await page.keyboard.type('Müller');
    const expected = total({ search: 'Müller' });
    expect(expected).toBeGreaterThan(50);
    await page.getByTestId('orders-count').getByText(`${fmt(expected)} von ${fmt(expected)} Aufträgen`).waitFor();
    const buyers = await page.locator('[data-testid=orders-row] >> nth=0').textContent();
    expect(buyers).toContain('Müller');

    await page.getByTestId('chip-status-shipped').click();
    const shipped = total({ search: 'Müller', statuses: ['shipped'] });
    await page.getByTestId('orders-count').getByText(`${fmt(shipped)} von ${fmt(shipped)} Aufträgen`).waitFor();
    const statuses = await page.locator('[data-testid=orders-row] .status-badge').allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['versendet']));
    await page.getByTestId('chip-channel-amazon').click();
    const amazon = total({ search: 'Müller', statuses: ['shipped'], channels: ['amazon'] });
    await page.getByTestId('orders-count').getByText(`${fmt(amazon)} von ${fmt(amazon)} Aufträgen`).waitFor();
  });

  it('multi-selects with Space, Shift+↓ and Ctrl+A (all matches, not only the rendered rows); Enter opens the detail', async () => {
    const { page } = ui;
    await page.getByTestId('filter-reset').click();
    await page.getByTestId('orders-count').getByText(`${fmt(N)} von ${fmt(N)} Aufträgen`).waitFor();
    await page.getByTestId('chip-status-new').click();
    const news = total({ statuses: ['new'] });
    await page.getByTestId('orders-count').getByText(`${fmt(news)} von`).waitFor();
    await page.getByTestId('orders-table').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Space');
    expect(await selectedText()).toBe('1 ausgewählt');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.getByTestId('orders-selected-count').getByText('3 ausgewählt').waitFor();
    await page.keyboard.press('Control+a');
    await page.getByTestId('orders-selected-count').getByText(`${news} ausgewählt`).waitFor();
    expect(await page.getByTestId('orders-row').count()).toBeLessThan(120);

    await page.keyboard.press('Escape');
    await page.getByTestId('orders-selected-count').getByText('0 ausgewählt').waitFor();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('orders-detail');
    await detail.waitFor();
    // the keyboard cursor is on the third row (two Shift+↓ above)
    const firstId = Number(await page.getByTestId('orders-row').nth(2).getAttribute('data-id'));
    const o = app.features.orders.orders.getOrThrow(firstId);
    await expect(detail.textContent()).resolves.toContain(o.externalId);
    await expect(detail.textContent()).resolves.toContain(o.items[0]!.title);
    await expect(page.getByTestId('orders-history').textContent()).resolves.toContain('Demodaten');
  });

  it('ctrl+click and shift+click select; "Versendet" marks the selection shipped in the database', async () => {
    const { page } = ui;
    const rows = page.getByTestId('orders-row');
    await rows.nth(0).click();
    await rows.nth(2).click({ modifiers: ['Shift'] });
    await page.getByTestId('orders-selected-count').getByText('3 ausgewählt').waitFor();
    await rows.nth(4).click({ modifiers: ['Control'] });
    await page.getByTestId('orders-selected-count').getByText('4 ausgewählt').waitFor();
    const ids = await Promise.all([0, 1, 2, 4].map(async (i) => Number(await rows.nth(i).getAttribute('data-id'))));
    await page.getByTestId('action-orders.ship').click();
    await page.getByTestId('ship-confirm').click();
    await page.getByTestId('ship-result').getByText('4 als versendet markiert, 0 übersprungen').waitFor();
    await page.getByTestId('ship-confirm').click();
    for (const id of ids) expect(app.features.orders.orders.getOrThrow(id).status).toBe('shipped');
  });

  it('imports a file through the dialog and shows the report with the rejected line', async () => {
    const { page } = ui;
    await page.getByTestId('orders-import').click();
    await page.getByTestId('import-file-input').setInputFiles(fixture('ebay-de-bestellungen.csv'));
    await page.getByTestId('import-start').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    await expect(report.textContent()).resolves.toContain('7 neu');
    await expect(report.textContent()).resolves.toContain('Zeile 10, Feld „Verkauft für“: „zwölf Euro“ ist kein Betrag');
    await page.getByTestId('import-close').click();
    expect(total({ search: '05-13874-66021' })).toBe(1);
  });

  it('an unknown CSV gets a column mapping in the dialog, saved and used for the import', async () => {
    const { page } = ui;
    await page.getByTestId('orders-import').click();
    await page.getByTestId('import-file-input').setInputFiles(fixture('markt-export.csv'));
    await page.getByTestId('import-start').click();
    await page.getByTestId('mapping-open').click();
    await expect(page.getByTestId('mapping-externalId').inputValue()).resolves.toBe('Bestellung');
    await expect(page.getByTestId('mapping-shipStreet').inputValue()).resolves.toBe('Strasse');
    await page.getByTestId('mapping-name').fill('Marktstand');
    await page.getByTestId('mapping-save').click();
    const report = page.getByTestId('import-report');
    await report.getByText('2 neu', { exact: false }).first().waitFor({ timeout: 60_000 });
    await page.getByTestId('import-close').click();
    expect(app.features.orders.orders.list({ search: 'MK-0001' }).total).toBe(1);
    expect((await app.call('orders:mappings:list', {})).map((m) => m.name)).toEqual(['Marktstand']);
  });

  it('a file dropped on the list opens the import dialog with that file', async () => {
    const { page } = ui;
    const text = readFileSync(fixture('woocommerce-orders.json'), 'utf8');
    const dt = await page.evaluateHandle((content) => {
      const d = new DataTransfer();
      d.items.add(new File([content], 'woocommerce-orders.json', { type: 'application/json' }));
      return d;
    }, text);
    await page.getByTestId('orders-view').dispatchEvent('dragover', { dataTransfer: dt });
    await page.getByTestId('orders-view').dispatchEvent('drop', { dataTransfer: dt });
    await page.getByTestId('import-dialog').getByText('woocommerce-orders.json').waitFor();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-report').getByText('1 neu', { exact: false }).first().waitFor({ timeout: 60_000 });
    await page.getByTestId('import-close').click();
  });

  it('creates a manual order in the form; the address check warns about the missing house number', async () => {
    const { page } = ui;
    await page.getByTestId('orders-new').click();
    const form = page.getByTestId('order-form');
    await form.getByTestId('form-name').fill('Renate Kirchhoff-Elbe');
    await form.getByTestId('form-street').fill('Kirchgasse');
    await form.getByTestId('form-zip').fill('01067');
    await form.getByTestId('form-city').fill('Dresden');
    await form.getByText('Hausnummer fehlt').waitFor();
    await form.getByTestId('form-houseNumber').fill('11');
    await form.getByTestId('form-item-title-0').fill('Schal blau');
    await form.getByTestId('form-item-price-0').fill('24,50');
    await form.getByTestId('form-save').click();
    await page.getByTestId('orders-detail').getByText('Renate Kirchhoff-Elbe', { exact: false }).first().waitFor();
    const o = app.features.orders.orders.list({ search: 'Kirchhoff Elbe' });
    expect(o.total).toBe(1);
    expect(o.rows[0]).toMatchObject({ channel: 'manual', buyerName: 'Renate Kirchhoff-Elbe', totalCents: 2450, warningCount: 0 });
    await page.getByTestId('orders-detail').getByText(`Auftrag ${o.rows[0]!.externalId}`).waitFor();
  });
});
