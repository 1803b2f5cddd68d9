// The real electron-updater against a latest.yml served on loopback. Only where an Electron binary
// exists; the update policy itself is tested in test/shell/update-policy.test.ts without Electron.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { _electron, type ElectronApplication } from 'playwright-core';
import { tempDir } from '../harness/test-app';
import { electronEnv, electronSkipReason, installedElectron, prepareApp, type PreparedApp } from './electron-env';

const skip = electronSkipReason();

const LATEST = `version: 99.0.0
files:
  - url: Portodesk-99.0.0.AppImage
    sha512: ${Buffer.alloc(64).toString('base64')}
    size: 1024
  - url: Portodesk-Setup-99.0.0.exe
    sha512: ${Buffer.alloc(64).toString('base64')}
    size: 1024
  - url: Portodesk-99.0.0-x64.zip
    sha512: ${Buffer.alloc(64).toString('base64')}
    size: 1024
path: Portodesk-99.0.0.AppImage
sha512: ${Buffer.alloc(64).toString('base64')}
releaseDate: '2026-11-20T10:00:00.000Z'
releaseNotes: Warenpost International
`;

describe.skipIf(skip !== null)('update feed on loopback (electron-updater, generic provider)', () => {
  let server: Server;
  let app: ElectronApplication;
  let prepared: PreparedApp | undefined;
  const requested: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requested.push(req.url ?? '');
      if (/\/latest(-linux|-mac)?\.yml/.test(req.url ?? '')) res.writeHead(200, { 'content-type': 'text/yaml' }).end(LATEST);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    prepared = await prepareApp();
    const { nativeBinding } = prepared;
    app = await _electron.launch({
      executablePath: installedElectron()!,
      args: [prepared.mainScript],
      env: electronEnv({
        PORTODESK_DATA: tempDir('portodesk-feed-'),
        PORTODESK_NATIVE_BINDING: nativeBinding,
        PORTODESK_UPDATE_URL: `http://127.0.0.1:${port}/`,
        PORTODESK_FORCE_UPDATE_CHECK: '1',
      }),
      timeout: 60_000,
    });
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    prepared?.cleanup();
    await new Promise((r) => server?.close(r));
  });

  it('finds 99.0.0 in latest.yml and offers it with its release notes', async () => {
    const page = await app.firstWindow();
    await page.getByTestId('nav-orders').waitFor();
    const status = await page.evaluate(async () => {
      const api = (window as unknown as { portodesk: Record<string, (r: unknown) => Promise<{ ok: boolean; value: { state: string; version: string | null; releaseNotes: string | null } }>> }).portodesk;
      return (await api['shell:update:check']!({})).value;
    });
    expect(status.version).toBe('99.0.0');
    expect(status.releaseNotes).toContain('Warenpost International');
    expect(['downloading', 'error', 'available']).toContain(status.state);
    expect(requested.some((u) => /latest(-linux|-mac)?\.yml/.test(u))).toBe(true);
  });
});
