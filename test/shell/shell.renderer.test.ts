import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { openRenderer, type Harness } from '../harness/renderer-harness';
import { FakeUpdater, flush, v } from './fakes';

let app: TestApp;
let ui: Harness;
const updater = new FakeUpdater().willAnswer(v('0.9.0', '- Warenpost International\n- Schnellere Auftragsliste'));

beforeAll(async () => {
  app = createTestApp({ ports: { updater } });
  ui = await openRenderer(app);
});
afterAll(async () => {
  await ui?.close();
  await app?.cleanup();
});

describe('shell in Chromium', () => {
  it('a notification click in main opens the right view', async () => {
    app.core.events.emit('app:navigate', { view: 'settings' });
    await ui.page.getByTestId('shell-about').waitFor();
    expect(await ui.page.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
    app.core.events.emit('app:navigate', { view: 'orders' });
    await ui.page.waitForFunction(() => document.querySelector('[data-testid="nav-orders"]')?.getAttribute('aria-current') === 'page');
  });

  it('shows version and folders; the log folder is named where no desktop can open it', async () => {
    const { page } = ui;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('about-version').getByText(/^Portodesk \d+\.\d+\.\d+/).waitFor();
    await page.getByTestId('open-logs').click();
    await expect(page.getByTestId('logs-note').textContent()).resolves.toContain(app.dataDir);
    await page.getByTestId('secrets-status').getByText(/verschlüsselt/).waitFor();
  });

  it('notification settings are saved at once and the per-kind switches follow the main switch', async () => {
    const { page } = ui;
    await page.getByTestId('notify-jobs').uncheck();
    await page.getByTestId('notify-status').getByText('Gespeichert.').waitFor();
    expect(app.core.settings.get('shell.notifications.jobs')).toBe(false);
    await page.reload();
    await page.getByTestId('nav-settings').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="notify-jobs"]') as HTMLInputElement | null)?.checked === false);
    await page.getByTestId('notify-enabled').uncheck();
    await page.waitForFunction(() => (document.querySelector('[data-testid="notify-balance"]') as HTMLInputElement).disabled);
    await expect.poll(() => app.core.settings.get('shell.notifications.enabled')).toBe(false);
  });

  it('an update downloads in the background, shows its notes, and installs only on the seller’s click', async () => {
    const { page } = ui;
    await page.getByTestId('update-check').click();
    await page.locator('[data-testid="update-banner"][data-state="downloading"]').waitFor();
    updater.progress(55);
    await page.getByTestId('update-banner').getByText('55 %').waitFor();
    expect(updater.calls).not.toContain('quitAndInstall');

    updater.finishDownload({ version: '0.9.0', releaseNotes: '- Warenpost International\n- Schnellere Auftragsliste', releaseDate: '2026-11-20' });
    await flush();
    await page.locator('[data-testid="update-banner"][data-state="downloaded"]').waitFor();
    await expect(page.getByTestId('update-banner').textContent()).resolves.toContain('Portodesk 0.9.0 ist bereit.');
    await page.getByTestId('update-notes-toggle').click();
    await expect(page.getByTestId('update-notes').textContent()).resolves.toContain('Warenpost International');
    expect(updater.calls).not.toContain('quitAndInstall');
    await page.getByTestId('update-install').click();
    await expect.poll(() => updater.calls.filter((c) => c === 'quitAndInstall').length).toBe(1);
  });

  it('"Später" hides the banner', async () => {
    await ui.page.getByTestId('update-later').click();
    await ui.page.getByTestId('update-banner').waitFor({ state: 'detached' });
    expect(app.features.shell.updates.status().dismissed).toBe(true);
  });
});
