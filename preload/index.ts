// Bundled into ONE CommonJS file (dist/preload/preload.cjs): a sandboxed preload can require only
// 'electron' and a few built-ins, so shared/ is inlined by esbuild.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../shared/ipc/bridge';
import { isEvent } from '../shared/ipc/contract';

/**
 * window.portodesk: one function per contract channel (createBridge never offers a generic invoke)
 * and `on(event)` for the contract's events only. ipcRenderer itself never reaches the page.
 */
const api = createBridge(
  (channel, req) => ipcRenderer.invoke(channel, req),
  (event, listener) => {
    if (!isEvent(event)) throw new Error(`Unbekanntes Ereignis: ${event}`);
    // The page's listener gets the payload only, never the IpcRendererEvent (it carries `sender`).
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  },
);

contextBridge.exposeInMainWorld('portodesk', api);
