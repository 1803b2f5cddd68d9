import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../main/electron/window-options';
import { fitToDisplays, loadWindowState, saveWindowState, DEFAULT_WINDOW_STATE } from '../../main/electron/window-state';
import { tempDir } from '../harness/test-app';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

describe('main window options (security baseline)', () => {
  const o = mainWindowOptions({ preloadPath: '/opt/Portodesk/resources/app.asar/dist/preload/preload.cjs', bounds: { width: 1400, height: 900 }, devTools: false });

  it('isolates and sandboxes the renderer, without Node, webviews or insecure content', () => {
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('loads exactly the bundled preload', () => {
    expect(o.webPreferences.preload).toBe('/opt/Portodesk/resources/app.asar/dist/preload/preload.cjs');
  });

  it('opens hidden (shown when ready) with the remembered size and place', () => {
    const placed = mainWindowOptions({ preloadPath: '/p.cjs', bounds: { x: 40, y: 60, width: 1200, height: 800 }, devTools: true });
    expect(placed).toMatchObject({ show: false, x: 40, y: 60, width: 1200, height: 800, title: 'Portodesk' });
    expect(o).not.toHaveProperty('x');
  });
});

describe('window state', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('round-trips through the data folder and falls back to the default when the file is broken', () => {
    const file = join(tempDir(), 'window-state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(file, { x: 100, y: 80, width: 1300, height: 850, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 100, y: 80, width: 1300, height: 850, maximized: true });
    writeFileSync(file, '{"width": "viel"');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a window that is on a screen', () => {
    expect(fitToDisplays({ x: 100, y: 80, width: 1300, height: 850, maximized: false }, screens)).toEqual({ x: 100, y: 80, width: 1300, height: 850, maximized: false });
  });

  it('brings back a window from a monitor that is no longer connected, centred and no larger than the screen', () => {
    const s = fitToDisplays({ x: 2500, y: 100, width: 2400, height: 1400, maximized: false }, screens);
    expect(s).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
    const centred = fitToDisplays({ x: -3000, y: 0, width: 1200, height: 800, maximized: true }, screens);
    expect(centred).toEqual({ x: 360, y: 120, width: 1200, height: 800, maximized: true });
  });
});
