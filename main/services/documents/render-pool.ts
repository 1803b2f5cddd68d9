import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Logger } from '../../ports/logger';
import { renderInThread, type Renderer, type RenderJob } from './render';

type Pending = { resolve(b: Uint8Array): void; reject(e: Error): void };

/**
 * Renders on worker threads (both cores for a 1,000-invoice batch). Only used where the TypeScript
 * sources can be loaded in a worker (tsx present: CLI, tests, bench); anywhere else, and if a
 * worker fails to start, rendering stays in the calling thread — same bytes either way.
 */
export function createRenderPool(logger: Logger, size = Math.max(1, Math.min(4, availableParallelism()))): { render: Renderer; close(): Promise<void> } {
  // Node 20 ignores `--import tsx` in a worker's execArgv (the worker then fails with "Unknown file
  // extension .ts" and everything was silently rendered in the main thread). So each worker starts
  // from a tiny ES module that registers tsx in its own thread and then imports the TypeScript worker.
  let entry: URL;
  try {
    const api = import.meta.resolve('tsx/esm/api');
    const worker = new URL('./render-worker.ts', import.meta.url).href;
    entry = new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(worker)});`)}`);
  } catch {
    return { render: renderInThread, close: async () => undefined };
  }
  const workers: { w: Worker; busy: number }[] = [];
  const pending = new Map<number, Pending>();
  let seq = 0;
  let broken = false;
  for (let i = 0; i < size; i++) {
    const w = new Worker(entry);
    w.unref();
    w.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      slot.busy--;
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(new Uint8Array(m.pdf!));
    });
    w.on('error', (e) => {
      broken = true;
      logger.warn('documents.render_worker_failed', { error: e.message });
      for (const [, p] of pending) p.reject(e);
      pending.clear();
    });
    const slot = { w, busy: 0 };
    workers.push(slot);
  }
  const render: Renderer = (job: RenderJob) => {
    if (broken) return renderInThread(job);
    const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = ++seq;
    slot.busy++;
    return new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      slot.w.postMessage({ id, job });
    }).catch((e: Error) => (broken ? renderInThread(job) : Promise.reject(e)));
  };
  return {
    render,
    async close() {
      await Promise.all(workers.map((s) => s.w.terminate()));
    },
  };
}
