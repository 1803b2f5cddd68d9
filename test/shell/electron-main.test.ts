// dist/main/main.cjs run in plain Node against a recording stand-in for 'electron'
// (test/shell/fake-electron.cjs, loaded into a child process only): proves the bundle starts, wires
// the protocol, IPC, window and menu as the pure modules say, and shuts down cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/cli';
import { tempDir } from '../harness/test-app';
import { ensureRendererBuilt } from '../harness/build-renderer';

type Result = Record<string, any>;
let r: Result;
const dataDir = tempDir('portodesk-main-');
// Its own build inside dist/ (so node_modules resolve), apart from dist/main that other tests build.
mkdirSync(join(repoRoot, 'dist'), { recursive: true });
const outRoot = mkdtempSync(join(repoRoot, 'dist', '.test-main-'));

beforeAll(async () => {
  const renderer = await ensureRendererBuilt();
  symlinkSync(renderer, join(outRoot, 'renderer'), 'dir');
  const buildPath: string = join(repoRoot, 'scripts', 'build.mjs');
  const { buildMain } = (await import(buildPath)) as { buildMain(o: { quiet: boolean; outdir: string }): Promise<void> };
  await buildMain({ quiet: true, outdir: join(outRoot, 'main') });
  const env: NodeJS.ProcessEnv = { ...process.env, PORTODESK_DATA: dataDir };
  delete env.PORTODESK_NATIVE_BINDING;
  const p = spawnSync(process.execPath, ['--require', join(repoRoot, 'test', 'shell', 'fake-electron.cjs'), join(outRoot, 'main', 'main.cjs')], {
    env,
    encoding: 'utf8',
    timeout: 90_000,
  });
  const line = p.stdout.trim().split('\n').pop() ?? '';
  try {
    r = JSON.parse(line);
  } catch {
    throw new Error(`main.cjs lieferte kein Ergebnis:\n${p.stdout}\n${p.stderr}`);
  }
  if (r.crash) throw new Error(r.crash);
}, 240_000);
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

describe('dist/main/main.cjs under a recording Electron stand-in', () => {
  it('starts without errors and registers app:// as a secure standard scheme', () => {
    expect(r.errors).toEqual([]);
    expect(r.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('creates the window with the tested options and loads app://portodesk/index.html', () => {
    expect(r.windowOptions.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(r.windowOptions.webPreferences.preload).toBe(join(outRoot, 'preload', 'preload.cjs'));
    expect(r.loadedUrl).toBe('app://portodesk/index.html');
  });

  it('serves the renderer with the CSP header and refuses a path out of dist/renderer', () => {
    expect(r.index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(r.index.csp).toContain("default-src 'self'");
    expect(r.escapeStatus).toBe(403);
  });

  it('answers IPC from our page through the dispatcher (database open in the data folder) and refuses others', () => {
    expect(r.ipcChannels).toContain('app:info');
    expect(r.ipcChannels).toContain('shell:update:check');
    expect(r.info).toMatchObject({ ok: true, value: { dataDir } });
    expect(r.info.value.schemaVersion).toBeGreaterThan(0);
    expect(r.forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(r.secrets).toMatchObject({ ok: true, value: { available: true, backend: 'gnome_libsecret' } });
    expect(r.about.value).toMatchObject({ dataDir, logsDir: join(dataDir, 'logs') });
  });

  it('denies navigation, new windows and permissions; opens only allow-listed links outside', () => {
    expect(r.navPrevented).toBe(true);
    expect(r.allowedNavPrevented).toBe(true);
    expect(r.windowOpen).toEqual({ action: 'deny' });
    expect(r.external).toEqual(['https://www.portodesk.de/hilfe']);
    expect(r.permission).toBe(false);
  });

  it('has the German menu', () => {
    expect(r.menu).toEqual(process.platform === 'darwin' ? ['Portodesk', 'Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe'] : ['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
  });

  it('shuts down cleanly on quit: IPC removed, database closed, logged', () => {
    expect(r.timedOut).toBeUndefined();
    const log = readFileSync(join(dataDir, 'logs', 'portodesk.log'), 'utf8');
    expect(log).toContain('"event":"app.start"');
    expect(log).toContain('"event":"app.stopped"');
  });
});
