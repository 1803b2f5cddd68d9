import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { MemoryLogger } from '../fakes/ports';
import { createCupsPrinter } from '../../main/adapters/cups-printer';
import { cupsRig, pageSizesMm, waitForOutput } from './cups-rig';

const rig = cupsRig();
if ('skip' in rig) console.warn(`[labels] ${rig.skip}`);

describe.skipIf('skip' in rig)('Einstellungen → Drucker in Chromium', () => {
  const { queue, outDir } = rig as { queue: string; outDir: string };
  let app: TestApp;
  let ui: Harness;
  beforeAll(async () => {
    app = createTestApp({ ports: { printer: createCupsPrinter(new MemoryLogger()) } });
    ui = await openRenderer(app);
  });
  afterAll(async () => {
    await ui?.close();
    await app?.cleanup();
  });

  it('the seller picks printer and stock for labels once, a test page prints at that size, the log shows it', async () => {
    const { page } = ui;
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('printer-settings');
    await section.waitFor();
    await page.getByTestId('printer-label').selectOption(queue);
    await page.getByTestId('printer-status-label').getByText('Gespeichert.').waitFor();
    await page.getByTestId('stock-label').selectOption('brother-dk-11202');
    expect(app.features.labels.printing.choiceFor('label')).toEqual({ printer: queue, stockId: 'brother-dk-11202' });

    await page.getByTestId('test-label').click();
    const status = page.getByTestId('printer-status-label');
    await status.getByText(`Testseite an ${queue} gesendet`).waitFor();
    const jobId = /\((\S+)\)\.$/.exec((await status.textContent()) ?? '')![1]!;
    const [size] = pageSizesMm(await waitForOutput(outDir, jobId));
    expect(Math.abs(size!.width - 62)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(size!.height - 100)).toBeLessThanOrEqual(0.5);
    await expect(page.getByTestId('print-log').textContent()).resolves.toContain('Testdruck Brother DK-11202');
  });

  it('an own label size is added in the form and can be chosen at once', async () => {
    const { page } = ui;
    await page.getByTestId('custom-name').fill('Herma 5051');
    await page.getByTestId('custom-width').fill('100');
    await page.getByTestId('custom-height').fill('50,8');
    await page.getByTestId('custom-save').click();
    await page.getByTestId('custom-status').getByText('„Herma 5051“ gespeichert.').waitFor();
    await page.getByTestId('stock-label').selectOption('herma-5051');
    await page.getByTestId('printer-status-label').getByText('Gespeichert.').waitFor();
    expect(app.features.labels.labels.stocks.resolve('herma-5051')).toMatchObject({ widthMm: 100, heightMm: 50.8, source: 'custom' });
  });

  it('label content: DataMatrix instead of Code 128, and a calibration offset', async () => {
    const { page } = ui;
    await page.getByTestId('labels-barcode').selectOption('datamatrix');
    await page.getByTestId('labels-offsetX').fill('1,5');
    await page.getByTestId('labels-offsetX').blur();
    await page.getByTestId('labels-content-settings').getByText('Gespeichert.').waitFor();
    await expect.poll(() => app.core.settings.get('labels.offsetXMm')).toBe(1.5);
    expect(app.core.settings.get('labels.barcode')).toBe('datamatrix');
  });

  it('without a printer for invoices the test page is saved and the seller is told where', async () => {
    const { page } = ui;
    await page.getByTestId('test-invoice').click();
    await page.getByTestId('printer-status-invoice').getByText(/kein Drucker gewählt/).waitFor();
    expect(await page.getByTestId('printer-status-invoice').textContent()).toContain(`${app.dataDir}/prints/`);
    await page.getByTestId('printer-settings').screenshot({ path: `${app.dataDir}/../portodesk-printer-settings.png` }).catch(() => undefined);
  });
});
