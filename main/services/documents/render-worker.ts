import { parentPort } from 'node:worker_threads';
import { renderInThread, type RenderJob } from './render';

/** Worker thread: renders documents for the pool (render-pool.ts). */
parentPort!.on('message', (msg: { id: number; job: RenderJob }) => {
  // A synchronous throw must come back as this job's error, not kill the worker (and with it the pool).
  Promise.resolve(msg.job).then(renderInThread).then(
    (pdf) => parentPort!.postMessage({ id: msg.id, pdf }, [pdf.buffer as ArrayBuffer]),
    (e: Error) => parentPort!.postMessage({ id: msg.id, error: e.message }),
  );
});
