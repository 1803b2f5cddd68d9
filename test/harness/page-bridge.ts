// Injected into the page before the renderer loads: builds window.portodesk exactly as preload/
// does, but over a Playwright binding to the real dispatcher in Node instead of ipcRenderer.
import { createBridge } from '../../shared/ipc/bridge';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const w = window as unknown as {
  __pdInvoke(channel: string, req: unknown): Promise<unknown>;
  __pdEmit(event: string, payload: unknown): void;
  portodesk: unknown;
};

w.portodesk = createBridge(
  (channel, req) => w.__pdInvoke(channel, req),
  (event, listener) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set!.delete(listener);
  },
);
w.__pdEmit = (event, payload) => listeners.get(event)?.forEach((l) => l(payload));
