import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { pdfText, setupSeller } from './helpers';
import { openDocumentsUi } from './ui-harness';
import { getHistory } from '../../main/db/repos/orders';

let app: TestApp;
let ui: Awaited<ReturnType<typeof openDocumentsUi>>;
let ids: number[];
beforeAll(async () => {
  app = createTestApp();
  setupSeller(app);
  ids = seedOrders(app.db, [orderDraft(), orderDraft()]);
  ui = await openDocumentsUi(app, ids);
});
afterAll(async () => {
  await ui?.close();
  await app?.cleanup();
});

describe('Rechnung + Lieferschein and Stornorechnung in Chromium', () => {
  it('Ctrl+P: preview (draft, no number used), print batch, then cancel the invoice with a Stornorechnung', async () => {
    const { page } = ui;
    await page.keyboard.press('Control+p');
    const dialog = page.getByTestId('documents-dialog');
    await dialog.getByTestId('documents-preview').waitFor();
    await expect(dialog.getByTestId('documents-preview-state').textContent()).resolves.toContain('Entwurf');
    expect(app.features.documents.archive.list()).toEqual([]);

    await dialog.getByTestId('documents-dialog-print').click();
    await page.locator('[data-testid="documents-dialog-job"][data-state="done"]').waitFor({ timeout: 60_000 });
    await expect(dialog.getByTestId('documents-dialog-outcome').textContent()).resolves.toMatch(/PDF gespeichert unter .*\.pdf/);
    await dialog.getByTestId('documents-open-combined').click();
    await dialog.getByTestId('documents-combined').waitFor();
    await dialog.getByTestId('documents-dialog-close').click();

    // The detail section lists the order's invoice and delivery note.
    const detail = page.getByTestId('documents-detail');
    await detail.getByTestId('document-RE-2026-00001').waitFor();
    await detail.getByTestId('document-LS-2026-00001').waitFor();
    await expect(detail.getByTestId('document-RE-2026-00001').textContent()).resolves.toContain('gültig');

    // Öffnen shows the stored PDF.
    await detail.getByTestId('document-open-RE-2026-00001').click();
    await detail.getByTestId('document-view-RE-2026-00001').waitFor();

    // Stornieren → confirm → Stornorechnung with its own number.
    await detail.getByTestId('document-cancel-RE-2026-00001').click();
    await expect(detail.getByRole('alertdialog').textContent()).resolves.toContain('Rechnung RE-2026-00001 stornieren?');
    await detail.getByTestId('document-cancel-confirm').click();
    await detail.getByTestId('document-RE-2026-00003').waitFor();
    await expect(detail.getByTestId('document-RE-2026-00001').textContent()).resolves.toContain('storniert durch RE-2026-00003');
    await expect(detail.getByTestId('document-RE-2026-00003').textContent()).resolves.toMatch(/Stornorechnung RE-2026-00003.*-30,93\s€.*storniert Rechnung RE-2026-00001/);
    await expect(detail.getByTestId('document-cancel-RE-2026-00001').count()).resolves.toBe(0);

    // In main: the Stornorechnung is in the archive, refers to the original, and the history shows it.
    const st = app.features.documents.archive.snapshot('RE-2026-00003')!;
    expect(st).toMatchObject({ kind: 'cancellation', cancelsNumber: 'RE-2026-00001', totals: { grossCents: -3093 } });
    expect(pdfText(app.features.documents.archive.pdf('RE-2026-00003')!)).toMatch(/Zu Rechnung\s+RE-2026-00001 vom 23\.11\.2026/);
    expect(getHistory(app.db, ids[0]!).map((h) => h.action)).toContain('invoice_cancelled');

    // Drucken without a printer: the seller is told where the PDF went.
    await detail.getByTestId('document-print-RE-2026-00003').click();
    await expect(detail.getByTestId('documents-detail-message').textContent()).resolves.toMatch(/gespeichert unter .*prints/);
  });

  it('settings: pattern validation in German, OSS threshold status in words', async () => {
    const { page } = ui;
    const s = page.getByTestId('documents-settings');
    await expect(s.getByTestId('documents-oss-status').textContent()).resolves.toContain('Lieferschwelle nicht überschritten');
    await s.getByTestId('documents-settings-pattern').fill('RE-{YYYY}');
    await s.getByTestId('documents-settings-save').click();
    await expect(s.getByRole('status').textContent()).resolves.toContain('Ungültiges Nummernmuster');
    await s.getByTestId('documents-settings-pattern').fill('R-{YYYY}-{NNNN}');
    await s.getByTestId('documents-settings-save').click();
    await expect(s.getByRole('status').textContent()).resolves.toContain('Gespeichert');
    await expect(s.textContent()).resolves.toContain('Nächste: R-2026-0001');
  });
});
