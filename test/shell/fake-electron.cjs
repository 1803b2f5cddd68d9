/* eslint-disable @typescript-eslint/no-require-imports -- loaded with `node --require`, CommonJS on purpose */
// A stand-in for the 'electron' module, just large enough to run dist/main/main.cjs in plain Node:
// it records what main does (window options, IPC handlers, protocol handler, menu) and then drives
// it like Electron would (ready → IPC calls → app:// requests → quit). Results go to stdout as JSON.
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const rec = { windows: [], ipc: new Map(), protocol: null, schemes: null, menu: null, sent: [], quit: 0, exits: [], lock: true, errors: [] };
const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  setName() {},
  setAppUserModelId() {},
  setPath(name, p) { rec.userData = p; },
  setAppLogsPath() {},
  getVersion: () => '0.0.0-stub',
  requestSingleInstanceLock: () => rec.lock,
  whenReady: () => new Promise((r) => setTimeout(r, 10)),
  quit() {
    rec.quit++;
    const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    app.emit('before-quit', e);
    if (!e.defaultPrevented) finish();
  },
  exit(code) { rec.exits.push(code); finish(); },
});
class WebContents extends EventEmitter {
  setWindowOpenHandler(h) { this.openHandler = h; }
  send(event, payload) { rec.sent.push(event); void payload; }
  getURL() { return this.url ?? ''; }
  getPrintersAsync() { return Promise.resolve([]); }
}
class BrowserWindow extends EventEmitter {
  constructor(opts) {
    super();
    this.opts = opts;
    this.webContents = new WebContents();
    rec.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) { this.webContents.url = url; return Promise.resolve(); }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  isMaximized() { return false; }
  getNormalBounds() { return { x: 10, y: 20, width: 1400, height: 900 }; }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
  static getAllWindows() { return rec.windows; }
}
const electron = {
  app,
  BrowserWindow,
  ipcMain: { handle(ch, fn) { rec.ipc.set(ch, fn); }, removeHandler(ch) { rec.ipc.delete(ch); } },
  protocol: { registerSchemesAsPrivileged(s) { rec.schemes = s; }, handle(scheme, fn) { rec.protocol = { scheme, fn }; } },
  session: { defaultSession: { setPermissionRequestHandler(h) { rec.permission = h; }, setPermissionCheckHandler(h) { rec.permissionCheck = h; }, setDevicePermissionHandler() {} } },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu(m) { rec.menu = m; } },
  screen: { getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }), getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
  dialog: { showErrorBox(title, msg) { rec.errors.push(`${title}: ${msg}`); }, showMessageBox: () => Promise.resolve({ response: 1 }) },
  shell: { openPath: () => Promise.resolve(''), openExternal(url) { (rec.external ??= []).push(url); return Promise.resolve(); } },
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (s) => Buffer.from(s, 'utf8').reverse(),
    decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
  },
  Notification: class extends EventEmitter { static isSupported() { return true; } show() {} },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'electron') return electron;
  return load.call(this, request, ...rest);
};

let finished = false;
async function finish() {
  if (finished) return;
  finished = true;
  process.stdout.write(JSON.stringify(rec.result ?? { exits: rec.exits, errors: rec.errors }) + '\n');
  process.exit(0);
}

// Drive the app once main has set itself up (window created), or report what is missing.
const started = Date.now();
const waitForWindow = setInterval(() => {
  if (rec.windows.length && rec.protocol) {
    clearInterval(waitForWindow);
    void drive();
  } else if (Date.now() - started > 60_000) {
    clearInterval(waitForWindow);
    rec.result = { crash: `main hat nach 60 s kein Fenster geöffnet (protocol: ${Boolean(rec.protocol)}, ipc: ${rec.ipc.size})`, errors: rec.errors };
    finish();
  }
}, 50);

async function drive() {
  try {
    const w = rec.windows[0];
    const call = (ch, url, req) => rec.ipc.get(ch)({ senderFrame: url ? { url } : null }, req);
    const index = await rec.protocol.fn(new Request('app://portodesk/index.html'));
    const escape = await rec.protocol.fn(new Request('app://portodesk/assets/..%2f..%2f..%2fpackage.json'));
    const wc = w.webContents;
    const nav = { url: 'https://evil.example/', defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    wc.emit('will-navigate', nav);
    const allowedNav = { url: 'https://www.portodesk.de/hilfe', defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    wc.emit('will-navigate', allowedNav);
    const open = wc.openHandler({ url: 'https://evil.example/popup' });
    const permission = await new Promise((r) => rec.permission(wc, 'geolocation', r));
    rec.result = {
      schemes: rec.schemes,
      windowOptions: w.opts,
      loadedUrl: wc.url,
      ipcChannels: [...rec.ipc.keys()],
      info: await call('app:info', 'app://portodesk/index.html', {}),
      forbidden: await call('app:info', 'https://evil.example/', {}),
      secrets: await call('shell:secrets:status', 'app://portodesk/index.html', {}),
      about: await call('shell:about', 'app://portodesk/index.html', {}),
      index: { status: index.status, csp: index.headers.get('content-security-policy'), type: index.headers.get('content-type') },
      escapeStatus: escape.status,
      navPrevented: nav.defaultPrevented,
      allowedNavPrevented: allowedNav.defaultPrevented,
      external: rec.external ?? [],
      windowOpen: open,
      permission,
      menu: rec.menu.map((m) => m.label),
      errors: rec.errors,
    };
    app.quit(); // before-quit → clean shutdown → quit again → finish
    setTimeout(() => { rec.result.timedOut = true; finish(); }, 10_000);
  } catch (e) {
    rec.result = { crash: String((e && e.stack) || e), errors: rec.errors };
    finish();
  }
}
