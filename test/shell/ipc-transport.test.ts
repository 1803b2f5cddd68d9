import { afterEach, describe, expect, it } from 'vitest';
import { registerIpcTransport, type IpcInvokeEventLike, type IpcMainLike } from '../../main/electron/ipc-transport';
import { channelNames } from '../../shared/ipc/contract';
import { createTestApp, type TestApp } from '../harness/test-app';

class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(channel: string, senderUrl: string | null, req: unknown) {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return Promise.resolve(h({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, req));
  }
}

describe('Electron IPC transport', () => {
  let app: TestApp;
  afterEach(async () => app?.cleanup());

  it('registers exactly the contract channels, each once', () => {
    app = createTestApp();
    const ipc = new FakeIpcMain();
    const stop = registerIpcTransport(ipc, app.dispatch, app.ports.logger);
    expect([...ipc.handlers.keys()].sort()).toEqual([...channelNames].sort());
    stop();
    expect(ipc.handlers.size).toBe(0);
  });

  it('passes our page through to the dispatcher, which validates the request', async () => {
    app = createTestApp();
    const ipc = new FakeIpcMain();
    registerIpcTransport(ipc, app.dispatch, app.ports.logger);
    const info = (await ipc.invoke('app:info', 'app://portodesk/index.html', {})) as { ok: boolean; value: { dataDir: string } };
    expect(info).toMatchObject({ ok: true, value: { dataDir: app.dataDir } });
    expect(await ipc.invoke('settings:get', 'app://portodesk/index.html', { key: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses calls from any other frame and logs them', async () => {
    app = createTestApp();
    const ipc = new FakeIpcMain();
    registerIpcTransport(ipc, app.dispatch, app.ports.logger);
    for (const url of ['https://evil.example/', 'blob:app://portodesk/abc', 'file:///tmp/a.html', null]) {
      expect(await ipc.invoke('settings:set', url, { key: 'shell.notifications.enabled', value: false })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Diese Anfrage kommt nicht von Portodesk und wurde abgewiesen.' },
      });
    }
    expect(app.core.settings.get('shell.notifications.enabled')).toBe(true);
    expect(app.ports.logger.lines.filter((l) => l.event === 'ipc.untrusted_sender')).toHaveLength(4);
  });
});
