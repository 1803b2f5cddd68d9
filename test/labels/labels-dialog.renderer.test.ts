import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { openLabelsDialog } from './dialog-harness';

let app: TestApp;
let ui: Awaited<ReturnType<typeof openLabelsDialog>> | undefined;
afterEach(async () => {
  await ui?.close();
  ui = undefined;
  await app?.cleanup();
});

const status = (id: number) => (app.db.prepare('SELECT status FROM orders WHERE id = ?').get(id) as { status: string }).status;

describe('Etiketten drucken – dialog in Chromium', () => {
  it('preview at true proportions, warnings block until confirmed, then one job with progress, status changes', async () => {
    app = createTestApp();
    app.core.settings.saveCompany({ companyName: 'Kiste & Karton', street: 'Lindenweg 3', zip: '04109', city: 'Leipzig' });
    const ids = seedOrders(app.db, [
      ...Array.from({ length: 11 }, () => orderDraft()),
      orderDraft({ shipTo: { name: 'Max Muster', kind: 'packstation', street: 'Packstation', houseNumber: '123', zip: '10115', city: 'Berlin', country: 'DE' } }),
    ]);
    ui = await openLabelsDialog(app, ids);
    const { page } = ui;
    await page.getByTestId('labels-dialog').waitFor();

    // DYMO 99014 (the default): the preview page is 54 × 101 mm, drawn in those proportions.
    const svg = page.getByTestId('labels-preview').locator('svg').first();
    await svg.waitFor();
    expect(await svg.getAttribute('data-width-mm')).toBe('54');
    const box = (await svg.boundingBox())!;
    expect(box.height / box.width).toBeCloseTo(101 / 54, 2);
    await expect(page.getByTestId('labels-preview').textContent()).resolves.toContain('Erika Mustermann');

    // A sheet: choose the start position by clicking the cell; the preview's first label sits there.
    await page.getByTestId('labels-stock').selectOption('zweckform-3475');
    await page.getByTestId('labels-start-5').click();
    await page.locator('[data-position="5"] text').first().waitFor();
    expect(await page.locator('[data-position="4"] text').count()).toBe(0);

    // The Packstation without PostNummer blocks the print until confirmed.
    await page.getByTestId('labels-warnings').getByText('PostNummer für Packstation/Postfiliale fehlt').waitFor();
    expect(await page.getByTestId('labels-print').isDisabled()).toBe(true);
    await page.getByTestId('labels-confirm').check();
    await page.getByTestId('labels-print').click();

    const job = page.getByTestId('job');
    await job.waitFor();
    await page.locator('[data-testid="job"][data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await job.locator('progress').getAttribute('value')).toBe('12');
    await expect(job.textContent()).resolves.toContain('12 Etiketten als PDF gespeichert');
    for (const id of ids) expect(status(id)).toBe('labelled');
    // the order's detail section lists the label
    await page.getByTestId('labels-detail').getByText('Zweckform 3475', { exact: false }).waitFor();
    await page.screenshot({ path: `${app.dataDir}/../portodesk-labels-dialog-done.png` }).catch(() => undefined);
  });

  it('200 labels print as one job with a progress bar', async () => {
    app = createTestApp();
    const ids = seedOrders(app.db, Array.from({ length: 200 }, () => orderDraft()));
    ui = await openLabelsDialog(app, ids);
    const { page } = ui;
    await page.getByTestId('labels-preview').locator('svg').first().waitFor();
    await page.screenshot({ path: `${app.dataDir}/../portodesk-labels-dialog.png` }).catch(() => undefined);
    await page.getByTestId('labels-print').click();
    await page.locator('[data-testid="job"][data-state="done"]').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('job').count()).toBe(1);
    expect(await page.getByTestId('job').locator('progress').getAttribute('max')).toBe('200');
    expect((app.db.prepare("SELECT COUNT(*) AS n FROM orders WHERE status = 'labelled'").get() as { n: number }).n).toBe(200);
    expect((await app.call('printing:log', {})).length).toBe(1);
  });
});
