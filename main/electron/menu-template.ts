// Pure: the German menu as plain data (structurally Electron's MenuItemConstructorOptions), tested in Node.
import { translate } from '../../shared/i18n';
import type { NavTarget } from '../../shared/ipc/channels/shell';

export type MenuItemSpec = {
  label?: string;
  role?: string;
  accelerator?: string;
  type?: 'separator';
  visible?: boolean;
  click?: () => void;
  submenu?: MenuItemSpec[];
};

export type MenuActions = {
  navigate(view: NavTarget): void;
  openLogs(): void;
  openData(): void;
  checkUpdates(): void;
  about(): void;
};

const t = (key: string) => translate('de', key);
const sep: MenuItemSpec = { type: 'separator' };

/** German menu with shortcuts; Alt+1…4 match the navigation's keys in the renderer. */
export function buildMenuTemplate(opts: { isMac: boolean; devTools: boolean; actions: MenuActions }): MenuItemSpec[] {
  const a = opts.actions;
  const views: [NavTarget, string, string][] = [
    ['orders', 'nav.orders', 'Alt+1'],
    ['franking', 'nav.franking', 'Alt+2'],
    ['fees', 'nav.fees', 'Alt+3'],
    ['settings', 'nav.settings', 'Alt+4'],
  ];
  const appMenu: MenuItemSpec = {
    label: t('shell.menu.app'),
    submenu: [
      { label: t('shell.menu.about'), click: a.about },
      { label: t('shell.menu.checkUpdates'), click: a.checkUpdates },
      sep,
      { label: t('nav.settings'), accelerator: 'Cmd+,', click: () => a.navigate('settings') },
      sep,
      { role: 'services', label: t('shell.menu.services') },
      sep,
      { role: 'hide', label: t('shell.menu.hide') },
      { role: 'hideOthers', label: t('shell.menu.hideOthers') },
      { role: 'unhide', label: t('shell.menu.unhide') },
      sep,
      { role: 'quit', label: t('shell.menu.quit'), accelerator: 'Cmd+Q' },
    ],
  };
  const file: MenuItemSpec = {
    label: t('shell.menu.file'),
    submenu: [
      { label: t('shell.menu.openLogs'), accelerator: 'CmdOrCtrl+Shift+L', click: a.openLogs },
      { label: t('shell.menu.openData'), click: a.openData },
      ...(opts.isMac ? [] : [sep, { role: 'quit', label: t('shell.menu.quit'), accelerator: 'Ctrl+Q' }]),
    ],
  };
  const edit: MenuItemSpec = {
    label: t('shell.menu.edit'),
    submenu: [
      { role: 'undo', label: t('shell.menu.undo'), accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', label: t('shell.menu.redo'), accelerator: opts.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
      sep,
      { role: 'cut', label: t('shell.menu.cut'), accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', label: t('shell.menu.copy'), accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', label: t('shell.menu.paste'), accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', label: t('shell.menu.selectAll'), accelerator: 'CmdOrCtrl+A' },
    ],
  };
  const view: MenuItemSpec = {
    label: t('shell.menu.view'),
    submenu: [
      ...views.map(([id, key, accelerator]) => ({ label: t(key), accelerator, click: () => a.navigate(id) })),
      sep,
      { role: 'reload', label: t('shell.menu.reload'), accelerator: 'CmdOrCtrl+R' },
      { role: 'zoomIn', label: t('shell.menu.zoomIn'), accelerator: 'CmdOrCtrl+Plus' },
      { role: 'zoomOut', label: t('shell.menu.zoomOut'), accelerator: 'CmdOrCtrl+-' },
      { role: 'resetZoom', label: t('shell.menu.resetZoom'), accelerator: 'CmdOrCtrl+0' },
      sep,
      { role: 'togglefullscreen', label: t('shell.menu.fullscreen'), accelerator: opts.isMac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(opts.devTools ? [{ role: 'toggleDevTools', label: t('shell.menu.devtools'), accelerator: 'CmdOrCtrl+Shift+I' }] : []),
    ],
  };
  const windowMenu: MenuItemSpec = {
    label: t('shell.menu.window'),
    submenu: [
      { role: 'minimize', label: t('shell.menu.minimize'), accelerator: 'CmdOrCtrl+M' },
      { role: 'close', label: t('shell.menu.close'), accelerator: 'CmdOrCtrl+W' },
    ],
  };
  const help: MenuItemSpec = {
    label: t('shell.menu.help'),
    submenu: [
      { label: t('shell.menu.openLogs'), click: a.openLogs },
      ...(opts.isMac ? [] : [{ label: t('shell.menu.checkUpdates'), click: a.checkUpdates }, sep, { label: t('shell.menu.about'), click: a.about }]),
    ],
  };
  return [...(opts.isMac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
