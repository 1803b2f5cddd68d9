import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuItemSpec } from '../../main/electron/menu-template';
import { updateSupport } from '../../main/electron/update-support';
import { runPortodesk } from '../harness/cli';
import { tempDir } from '../harness/test-app';
import { join } from 'node:path';

function flat(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
}

describe('German menu', () => {
  const calls: string[] = [];
  const actions = {
    navigate: (v: string) => calls.push(`nav:${v}`),
    openLogs: () => calls.push('logs'),
    openData: () => calls.push('data'),
    checkUpdates: () => calls.push('updates'),
    about: () => calls.push('about'),
  };

  it('has German menus with shortcuts; Alt+1…4 open the views like the navigation does', () => {
    const menu = buildMenuTemplate({ isMac: false, devTools: false, actions });
    expect(menu.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    const items = flat(menu);
    const byLabel = (l: string) => items.find((i) => i.label === l)!;
    expect(byLabel('Aufträge').accelerator).toBe('Alt+1');
    expect(byLabel('Einstellungen').accelerator).toBe('Alt+4');
    expect(byLabel('Beenden')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    expect(byLabel('Kopieren')).toMatchObject({ role: 'copy', accelerator: 'CmdOrCtrl+C' });
    byLabel('Frankieren').click!();
    byLabel('Protokollordner öffnen').click!();
    byLabel('Über Portodesk').click!();
    byLabel('Nach Updates suchen …').click!();
    expect(calls).toEqual(['nav:franking', 'logs', 'about', 'updates']);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    // Every visible entry is labelled in German (no English role defaults leak through).
    expect(items.filter((i) => i.type !== 'separator').every((i) => typeof i.label === 'string' && i.label.length > 0)).toBe(true);
  });

  it('on macOS the app menu comes first and holds About and Quit', () => {
    const menu = buildMenuTemplate({ isMac: true, devTools: true, actions });
    expect(menu[0]!.label).toBe('Portodesk');
    expect(flat([menu[0]!]).map((i) => i.label)).toContain('Über Portodesk');
    expect(flat(menu).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});

describe('where an install may update itself', () => {
  const base = { isPackaged: true, platform: 'win32', env: {}, storeBuild: false, hasFeed: true };
  it.each([
    [{}, { supported: true }],
    [{ isPackaged: false }, { supported: false, reason: 'not_packaged' }],
    [{ env: { PORTODESK_E2E: '1' } }, { supported: false, reason: 'test' }],
    [{ env: { CI: 'true' } }, { supported: false, reason: 'test' }],
    [{ storeBuild: true }, { supported: false, reason: 'store' }],
    [{ platform: 'linux' }, { supported: false, reason: 'linux_package' }],
    [{ platform: 'linux', env: { APPIMAGE: '/home/a/Portodesk.AppImage' } }, { supported: true }],
    [{ platform: 'linux', env: { APPIMAGE: '/x', SNAP: '/snap/x' } }, { supported: false, reason: 'linux_package' }],
    [{ hasFeed: false }, { supported: false, reason: 'no_feed' }],
    [{ isPackaged: false, env: { PORTODESK_FORCE_UPDATE_CHECK: '1', VITEST: 'true' } }, { supported: true }],
  ])('%j → %j', (over, want) => {
    expect(updateSupport({ ...base, ...over })).toEqual(want);
  });
});

describe('CLI', () => {
  it('`logs path` names the log folder in the data folder', () => {
    const dir = tempDir();
    const r = runPortodesk(['--data', dir, 'logs', 'path', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ logsDir: join(dir, 'logs'), logFile: join(dir, 'logs', 'portodesk.log') });
    expect(runPortodesk(['--data', dir, 'update', 'status']).stdout).toMatch(/Updates gibt es nur in der Desktop-App/);
  });
});
