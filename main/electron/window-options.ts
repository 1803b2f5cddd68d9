// Pure: no 'electron' import, so the security baseline is unit-tested in plain Node.

export type Bounds = { x?: number; y?: number; width: number; height: number };

/** The subset of BrowserWindowConstructorOptions Portodesk sets; main.ts passes it to new BrowserWindow. */
export type MainWindowOptions = {
  title: string;
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  icon?: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webviewTag: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    spellcheck: boolean;
    devTools: boolean;
  };
};

/**
 * The main window: isolated, sandboxed renderer without Node; only the bundled preload reaches main,
 * and only through the contract's channels. Set explicitly even where they are Electron's defaults,
 * so a changed default can never loosen them.
 */
export function mainWindowOptions(opts: { preloadPath: string; bounds: Bounds; devTools: boolean; icon?: string }): MainWindowOptions {
  return {
    title: 'Portodesk',
    ...(opts.bounds.x !== undefined && opts.bounds.y !== undefined ? { x: opts.bounds.x, y: opts.bounds.y } : {}),
    width: opts.bounds.width,
    height: opts.bounds.height,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so the seller never sees a white flash.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: {
      preload: opts.preloadPath,
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
      spellcheck: true,
      devTools: opts.devTools,
    },
  };
}
