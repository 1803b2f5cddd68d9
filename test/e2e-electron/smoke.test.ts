// Playwright _electron smoke test: the real app opens its window, opens the database and shows the
// Aufträge view. Skips with a clear message where no Electron binary exists (CI here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { tempDir } from '../harness/test-app';
import { electronEnv, electronSkipReason, installedElectron, prepareApp, type PreparedApp } from './electron-env';

const skip = electronSkipReason();
if (skip) console.warn(skip);

describe.skipIf(skip !== null)('Portodesk in Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let prepared: PreparedApp | undefined;
  const dataDir = tempDir('portodesk-e2e-');

  beforeAll(async () => {
    prepared = await prepareApp();
    const { nativeBinding } = prepared;
    app = await _electron.launch({
      executablePath: installedElectron()!,
      args: [prepared.mainScript],
      env: electronEnv({ PORTODESK_DATA: dataDir, PORTODESK_NATIVE_BINDING: nativeBinding, PORTODESK_E2E: '1' }),
      timeout: 60_000,
    });
    page = await app.firstWindow();
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    prepared?.cleanup();
  });

  it('opens the window on the Aufträge view', async () => {
    await page.getByTestId('nav-orders').waitFor();
    expect(await page.getByTestId('nav-orders').getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).textContent()).toContain('Aufträge');
    expect(page.url()).toBe('app://portodesk/index.html');
  });

  it('opened the database in the data folder (through the real preload and ipcMain)', async () => {
    const info = await page.evaluate(async () => {
      const env = await (window as unknown as { portodesk: Record<string, (r: unknown) => Promise<{ ok: boolean; value: { schemaVersion: number; dataDir: string } }>> }).portodesk['app:info']!({});
      return env.value;
    });
    expect(info.dataDir).toBe(dataDir);
    expect(info.schemaVersion).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'portodesk.db'))).toBe(true);
  });

  it('runs with the security baseline: no Node in the page, strict CSP header, sandboxed and isolated', async () => {
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const csp = await page.evaluate(() => fetch('app://portodesk/index.html').then((r) => r.headers.get('content-security-policy')));
    expect(csp).toContain("script-src 'self'");
    // contextIsolation: the page's window is not the preload's; only the bridge object crosses.
    expect(await page.evaluate(() => Object.keys((window as unknown as { portodesk: object }).portodesk).includes('on'))).toBe(true);
    expect(await page.evaluate(() => typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer)).toBe('undefined');
  });

  it('denies navigation away and new windows', async () => {
    await page.evaluate(() => {
      window.open('https://example.org/', '_blank');
      location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toBe('app://portodesk/index.html');
  });
});
