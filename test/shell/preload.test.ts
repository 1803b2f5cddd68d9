// The built dist/preload/preload.cjs evaluated the way a sandboxed preload runs: CommonJS with a
// `require` that knows only 'electron' (here a recording stand-in). Proves it is ONE self-contained
// file and that the page gets the contract's channels and events and nothing else.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { repoRoot } from '../harness/cli';
import { tempDir } from '../harness/test-app';
import { channelNames, eventNames } from '../../shared/ipc/contract';

type Listener = (event: unknown, payload: unknown) => void;
let exposed: Record<string, any>;
const invoked: [string, unknown][] = [];
const listeners = new Map<string, Set<Listener>>();

beforeAll(async () => {
  const buildPath: string = join(repoRoot, 'scripts', 'build.mjs');
  const { buildPreload } = (await import(buildPath)) as { buildPreload(o: { quiet: boolean; outfile: string }): Promise<void> };
  // Its own output file: other tests build dist/ at the same time.
  const outfile = join(tempDir('portodesk-preload-'), 'preload.cjs');
  await buildPreload({ quiet: true, outfile });
  const code = readFileSync(outfile, 'utf8');
  const electron = {
    contextBridge: {
      exposeInMainWorld(name: string, api: Record<string, unknown>) {
        if (name !== 'portodesk') throw new Error(`unexpected global ${name}`);
        exposed = api;
      },
    },
    ipcRenderer: {
      invoke: async (channel: string, req: unknown) => {
        invoked.push([channel, req]);
        return { ok: true, value: { echo: channel } };
      },
      on(channel: string, l: Listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(l);
      },
      removeListener(channel: string, l: Listener) {
        listeners.get(channel)?.delete(l);
      },
    },
  };
  const sandboxRequire = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`Sandboxed preload cannot require '${id}'`);
  };
  const module = { exports: {} };
  runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });
});

describe('preload bundle', () => {
  it('exposes one function per contract channel plus on(), nothing generic', () => {
    expect(Object.keys(exposed).sort()).toEqual([...channelNames, 'on'].sort());
    expect(exposed).not.toHaveProperty('invoke');
    expect(exposed).not.toHaveProperty('send');
  });

  it('calls main over ipcRenderer.invoke on the channel’s own name', async () => {
    await expect(exposed['app:info']({})).resolves.toEqual({ ok: true, value: { echo: 'app:info' } });
    await exposed['shell:update:status']();
    expect(invoked).toEqual([
      ['app:info', {}],
      ['shell:update:status', {}],
    ]);
  });

  it('subscribes to contract events only, hands the page the payload alone, and unsubscribes', () => {
    expect(() => exposed.on('ipc:anything', () => undefined)).toThrow(/Unbekanntes Ereignis/);
    expect(eventNames).toContain('app:navigate');
    const got: unknown[] = [];
    const off = exposed.on('app:navigate', (p: unknown) => got.push(p));
    const fakeEvent = { sender: { send: () => undefined } };
    listeners.get('app:navigate')!.forEach((l) => l(fakeEvent, { view: 'fees' }));
    expect(got).toEqual([{ view: 'fees' }]);
    off();
    expect(listeners.get('app:navigate')!.size).toBe(0);
  });
});
