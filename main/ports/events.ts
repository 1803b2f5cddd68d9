import type { EventName, EventPayload } from '../../shared/ipc/contract';

/** Main → renderer events. The Electron transport forwards them to the window, the harness to the page. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export class EventHub implements EventSink {
  private listeners = new Set<(event: EventName, payload: unknown) => void>();
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }
  subscribe(l: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
