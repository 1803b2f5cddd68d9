// The Electron entry (bundled to dist/main/main.cjs). It only wires Electron to the composition
// root: every rule it applies lives in a pure module next to it and is tested in Node.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeApp, type PortodeskApp } from '../app/compose';
import { resolveDataDir } from '../app/data-dir';
import { systemClock } from '../ports/clock';
import { createFileLogger } from '../adapters/file-logger';
import { fetchHttp } from '../adapters/fetch-http';
import { createSystemPrinter } from '../adapters/system-printer';
import { logsDir } from '../services/shell/feature';
import { translate } from '../../shared/i18n';
import { NavTarget } from '../../shared/ipc/channels/shell';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, resolveAppPath, responseHeaders } from './app-protocol';
import { isAllowedExternalUrl } from './security-rules';
import { mainWindowOptions } from './window-options';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';
import { registerIpcTransport } from './ipc-transport';
import { SafeStorageSecretStore } from './secret-store';
import { createElectronNotifier } from './notifier';
import { createElectronUpdater } from './updater';
import { updateSupport } from './update-support';
import { createWebContentsPrinter } from './printer-fallback';
import { buildMenuTemplate } from './menu-template';

const t = (key: string, params?: Record<string, string | number>) => translate('de', key, params);

// Must happen before 'ready': app:// behaves like https (standard, secure origin, fetch allowed).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

function argValue(name: string): string | undefined {
  const i = process.argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const a = process.argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1];
}

app.setName('Portodesk');
if (process.platform === 'win32') app.setAppUserModelId('de.portodesk.app');
const dataDir = resolveDataDir(argValue('--data'), process.env);
mkdirSync(dataDir, { recursive: true });
// Chromium's profile and the single-instance lock live with the database: one window per data folder.
app.setPath('userData', dataDir);
app.setAppLogsPath(logsDir(dataDir));

const preloadPath = join(__dirname, '..', 'preload', 'preload.cjs');
const rendererRoot = join(__dirname, '..', 'renderer');
const devIcon = join(__dirname, '..', '..', 'build', 'icon.png');

let win: BrowserWindow | null = null;
let portodesk: PortodeskApp | null = null;
let shutdownDone = false;
let shutdownStarted: Promise<void> | null = null;
let stopIpc: (() => void) | null = null;
/** Stops the billing background work (trial notifications, usage sync with backoff). */
let stopBilling: (() => void) | null = null;

function showWindow(): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

/** Navigation, new windows, webviews: all denied; allow-listed https links open in the browser. */
function guardWebContents(wc: WebContents): void {
  wc.on('will-navigate', (e) => {
    if (e.url.startsWith(`${APP_ORIGIN}/`)) return;
    e.preventDefault();
    openExternal(e.url);
  });
  wc.on('will-redirect', (e) => {
    if (!e.url.startsWith(`${APP_ORIGIN}/`)) e.preventDefault();
  });
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  // Copying a tracking number to the clipboard is the one thing the page may ask for.
  ses.setPermissionRequestHandler((wc, permission, callback) => callback(permission === 'clipboard-sanitized-write' && wc.getURL().startsWith(`${APP_ORIGIN}/`)));
  ses.setPermissionCheckHandler((_wc, permission, origin) => permission === 'clipboard-sanitized-write' && origin === APP_ORIGIN);
  ses.setDevicePermissionHandler(() => false);
  protocol.handle(APP_SCHEME, async (req) => {
    const file = resolveAppPath(rendererRoot, req.url);
    if (!file) return new Response('Nicht erlaubt', { status: 403 });
    try {
      return new Response(await readFile(file), { status: 200, headers: responseHeaders(file) });
    } catch {
      return new Response('Nicht gefunden', { status: 404 });
    }
  });
}

function createMainWindow(app_: PortodeskApp): BrowserWindow {
  const stateFile = join(dataDir, 'window-state.json');
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const state = fitToDisplays(loadWindowState(stateFile), areas);
  const w = new BrowserWindow(
    mainWindowOptions({
      preloadPath,
      bounds: state,
      devTools: !app.isPackaged || process.env.PORTODESK_DEVTOOLS === '1',
      icon: existsSync(devIcon) ? devIcon : undefined,
    }),
  );
  w.once('ready-to-show', () => {
    if (state.maximized) w.maximize();
    w.show();
  });
  // Navigation/window-open guards come from 'web-contents-created', which covers every webContents.
  const notifications = app_.features.shell.notifications;
  w.on('focus', () => notifications.setWindowFocused(true));
  w.on('blur', () => notifications.setWindowFocused(false));
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (w.isDestroyed()) return;
    saveWindowState(stateFile, { ...w.getNormalBounds(), maximized: w.isMaximized() });
  };
  const saveSoon = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 500);
  };
  w.on('resize', saveSoon);
  w.on('move', saveSoon);
  w.on('close', () => {
    if (saveTimer) clearTimeout(saveTimer);
    save();
  });
  w.on('closed', () => {
    notifications.setWindowFocused(false);
    if (win === w) win = null;
  });
  w.webContents.on('render-process-gone', (_e, d) => app_.core.logger.error('renderer.gone', { reason: d.reason, exitCode: d.exitCode }));
  void w.loadURL(APP_INDEX_URL);
  return w;
}

function navigate(view: string | undefined): void {
  showWindow();
  const parsed = NavTarget.safeParse(view);
  if (parsed.success) portodesk?.core.events.emit('app:navigate', { view: parsed.data });
}

async function openFolder(path: string): Promise<void> {
  mkdirSync(path, { recursive: true });
  const err = await shell.openPath(path);
  if (err) dialog.showErrorBox(t('shell.menu.openLogs'), `${path}: ${err}`);
}

async function showAbout(): Promise<void> {
  const opts = {
    type: 'info' as const,
    title: t('shell.about.title'),
    message: 'Portodesk',
    detail: t('shell.about.detail', {
      version: portodesk?.core.appVersion ?? app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
      dataDir,
    }),
    buttons: ['OK'],
  };
  if (win) await dialog.showMessageBox(win, opts);
  else await dialog.showMessageBox(opts);
}

async function checkUpdatesFromMenu(): Promise<void> {
  if (!portodesk) return;
  const updates = portodesk.features.shell.updates;
  let text: string;
  try {
    const s = await updates.checkNow();
    if (s.state === 'downloaded') {
      const r = await dialog.showMessageBox({ type: 'question', title: t('shell.update.dialogTitle'), message: t('shell.update.readyDialog', { version: s.version ?? '' }), buttons: [t('shell.update.install'), t('shell.update.later')], defaultId: 0, cancelId: 1 });
      if (r.response === 0) updates.install();
      return;
    }
    text =
      s.state === 'up-to-date'
        ? t('shell.update.upToDate', { version: s.currentVersion })
        : s.state === 'downloading' || s.state === 'available'
          ? t('shell.update.found', { version: s.version ?? '' })
          : (s.message ?? t(`shell.update.state.${s.state}`, { version: s.version ?? '', percent: s.percent ?? 0 }));
  } catch (e) {
    text = e instanceof Error ? e.message : String(e);
  }
  await dialog.showMessageBox({ type: 'info', title: t('shell.update.dialogTitle'), message: text, buttons: ['OK'] });
}

/** Clean shutdown: no new IPC, updates stopped, running jobs paused (resumed at next start), database closed. */
function shutdown(): Promise<void> {
  shutdownStarted ??= (async () => {
    stopIpc?.();
    stopIpc = null;
    stopBilling?.();
    stopBilling = null;
    portodesk?.features.shell.updates.stop();
    try {
      await portodesk?.close();
    } catch (e) {
      portodesk?.core.logger.error('app.close_failed', { error: e instanceof Error ? e.message : String(e) });
    }
    portodesk?.core.logger.info('app.stopped');
    shutdownDone = true;
  })();
  return shutdownStarted;
}

function startupError(e: unknown): void {
  let message = e instanceof Error ? e.message : String(e);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    message += '\n\nDie SQLite-Bibliothek ist für Node, nicht für Electron gebaut. Starten Sie Portodesk aus dem Quelltext mit „npm start“ – das baut sie passend.';
  }
  dialog.showErrorBox('Portodesk kann nicht starten', message);
  app.exit(1);
}

async function start(): Promise<void> {
  const logger = createFileLogger(join(logsDir(dataDir), 'portodesk.log'));
  logger.info('app.start', { version: app.getVersion(), electron: process.versions.electron, packaged: app.isPackaged, dataDir });
  hardenSession();

  const feedUrl = process.env.PORTODESK_UPDATE_URL || undefined;
  const support = updateSupport({
    isPackaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    storeBuild: Boolean((process as { windowsStore?: boolean }).windowsStore || (process as { mas?: boolean }).mas),
    hasFeed: Boolean(feedUrl) || (Boolean(process.resourcesPath) && existsSync(join(process.resourcesPath, 'app-update.yml'))),
  });
  const updater = support.supported
    ? createElectronUpdater({ logger, feedUrl, forceDevConfig: !app.isPackaged, beforeInstall: shutdown })
    : null;

  try {
    portodesk = composeApp({
      dataDir,
      nativeBinding: app.isPackaged ? undefined : process.env.PORTODESK_NATIVE_BINDING || undefined,
      platform: process.platform,
      config: {
        internetmarkeUrl: process.env.PORTODESK_IM_URL,
        billingUrl: process.env.PORTODESK_BILLING_URL,
        updateFeedUrl: feedUrl,
      },
      ports: {
        clock: systemClock,
        logger,
        secrets: new SafeStorageSecretStore(safeStorage, join(dataDir, 'secrets.json')),
        notifier: createElectronNotifier({ logger, onClick: navigate }),
        http: fetchHttp,
        // The OS print path first; Chromium's print dialog machinery only where there is none.
        printer: createSystemPrinter(logger) ?? createWebContentsPrinter({ logger, listFrom: () => win?.webContents ?? null }),
        updater,
      },
    });
  } catch (e) {
    logger.error('app.start_failed', { error: e instanceof Error ? e.message : String(e) });
    return startupError(e);
  }
  const pd = portodesk;
  const secrets = pd.features.shell.secretsStatus();
  if (!secrets.available) logger.warn('secrets.unavailable', { backend: secrets.backend });

  stopIpc = registerIpcTransport(ipcMain, pd.dispatch, logger);
  pd.core.events.subscribe((event, payload) => {
    if (win && !win.isDestroyed()) win.webContents.send(event, payload);
  });
  pd.features.shell.attachDesktop({
    openPath: (p) => shell.openPath(p),
    versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '' },
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        devTools: !app.isPackaged || process.env.PORTODESK_DEVTOOLS === '1',
        actions: {
          navigate,
          openLogs: () => void openFolder(logsDir(dataDir)),
          openData: () => void openFolder(dataDir),
          checkUpdates: () => void checkUpdatesFromMenu(),
          about: () => void showAbout(),
        },
      }) as MenuItemConstructorOptions[],
    ),
  );

  win = createMainWindow(pd);
  const resumed = pd.core.jobs.resumeInterrupted();
  if (resumed.length) logger.info('jobs.resumed', { ids: resumed });
  pd.features.shell.updates.start(support);
  stopBilling = pd.features.billing.startBackground();
}

if (!app.requestSingleInstanceLock()) {
  // Another Portodesk already has this data folder open: it gets focused (second-instance), we leave.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('web-contents-created', (_e, wc) => guardWebContents(wc));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!win && portodesk && !shutdownStarted) win = createMainWindow(portodesk);
  });
  app.on('before-quit', (e) => {
    if (shutdownDone) return;
    e.preventDefault();
    void shutdown().then(() => app.quit());
  });
  // .catch, not a second .then argument: an error inside start() must reach the seller as a dialog too.
  app.whenReady().then(start).catch(startupError);
}
