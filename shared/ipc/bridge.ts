import { IpcError, type Envelope } from './envelope';
import { channelNames, isEvent, type ChannelName, type EventName, type EventPayload, type Req, type Res } from './contract';

export type RawInvoke = (channel: string, req: unknown) => Promise<unknown>;
export type RawSubscribe = (event: string, listener: (payload: unknown) => void) => () => void;

/** One function per contract channel, never a generic invoke. */
export type ChannelApi = { [C in ChannelName]: (req: Req<C>) => Promise<Envelope<Res<C>>> };

/** The object the preload (and the Chromium test harness) puts on window.portodesk. */
export type PortodeskApi = ChannelApi & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * Builds window.portodesk from a transport. Used verbatim by preload/ (ipcRenderer) and by the
 * test harness (Playwright binding), so the renderer runs the same code against both.
 */
export function createBridge(invoke: RawInvoke, subscribe: RawSubscribe): PortodeskApi {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) {
    api[name] = (req: unknown) => invoke(name, req ?? {});
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!isEvent(event)) throw new Error(`Unbekanntes Ereignis: ${event}`);
    return subscribe(event, listener);
  };
  return api as PortodeskApi;
}

/** Renderer-side helper: call a channel and unwrap the envelope (throws IpcError). */
export async function unwrap<T>(p: Promise<Envelope<T>>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new IpcError(env.error.code, env.error.message, env.error.details);
  return env.value;
}
