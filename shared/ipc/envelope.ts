/** The one result shape every IPC call returns, whatever the transport. */
export type IpcErrorBody = { code: string; message: string; details?: unknown };
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcErrorBody };

/** Thrown on the renderer side when main answered with an error envelope. */
export class IpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: string, message: string, details?: unknown): Envelope<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
