import { unwrap, type PortodeskApi } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/ipc/envelope';
import type { ChannelName, EventName, EventPayload, Req, Res } from '../../shared/ipc/contract';

declare global {
  interface Window {
    portodesk: PortodeskApi;
  }
}

/** Calls main through window.portodesk (preload in Electron, the harness in tests) and unwraps the envelope. */
export function call<C extends ChannelName>(channel: C, req: Req<C>): Promise<Res<C>> {
  const fn = window.portodesk[channel] as unknown as (r: Req<C>) => Promise<Envelope<Res<C>>>;
  return unwrap(fn(req));
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.portodesk.on(event, listener);
}
