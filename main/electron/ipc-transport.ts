// No 'electron' import: works against an ipcMain-shaped object, so the sender check is tested in Node.
import { channelNames } from '../../shared/ipc/contract';
import { fail, type Envelope } from '../../shared/ipc/envelope';
import type { Dispatch } from '../ipc/dispatcher';
import type { Logger } from '../ports/logger';
import { isTrustedSenderUrl } from './security-rules';

export type IpcInvokeEventLike = { senderFrame: { url: string } | null };
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown> | unknown): void;
  removeHandler(channel: string): void;
}

/**
 * The Electron transport: one ipcMain.handle per contract channel (never a generic invoke), each
 * call's sender checked (only our app:// page), then the dispatcher validates and runs it.
 */
export function registerIpcTransport(ipcMain: IpcMainLike, dispatch: Dispatch, logger: Logger): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, raw): Promise<Envelope<unknown>> => {
      const url = event.senderFrame?.url;
      if (!isTrustedSenderUrl(url)) {
        logger.warn('ipc.untrusted_sender', { channel, url: url ?? null });
        return fail('FORBIDDEN', 'Diese Anfrage kommt nicht von Portodesk und wurde abgewiesen.');
      }
      return dispatch(channel, raw, { origin: 'electron' });
    });
  }
  return () => channelNames.forEach((c) => ipcMain.removeHandler(c));
}
