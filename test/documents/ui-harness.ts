import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import type { PortodeskApp } from '../../main/app/compose';
import { CHROMIUM } from '../harness/renderer-harness';
import { repoRoot } from '../harness/cli';

/** The documents UI alone in Chromium, window.portodesk bound to the app's real dispatcher. */
export async function openDocumentsUi(app: PortodeskApp, orderIds: number[]): Promise<{ page: Page; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'portodesk-documents-ui-'));
  await build({
    entryPoints: { app: join(repoRoot, 'test', 'documents', 'ui-entry.tsx'), bridge: join(repoRoot, 'test', 'harness', 'page-bridge.ts') },
    bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', outdir: dir, jsx: 'automatic', logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="stylesheet" href="app.css"></head><body><div id="root"></div><script src="app.js"></script></body></html>');
  const server = createServer((req, res) => {
    const file = join(dir, (req.url ?? '/') === '/' ? 'index.html' : (req.url ?? '').replace(/[^\w.-]/g, ''));
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 }, locale: 'de-DE', timezoneId: 'Europe/Berlin', acceptDownloads: true });
  await context.exposeBinding('__pdInvoke', (_s, channel: string, req: unknown) => app.dispatch(channel, req, { origin: 'harness' }));
  await context.addInitScript({ content: readFileSync(join(dir, 'bridge.js'), 'utf8') });
  await context.addInitScript(`window.__orderIds = ${JSON.stringify(orderIds)};`);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[renderer error]', e.message));
  const unsubscribe = app.core.events.subscribe((event, payload) => {
    void page.evaluate(([e, p]) => (window as unknown as { __pdEmit(e: string, p: unknown): void }).__pdEmit(e, p), [event, payload] as const).catch(() => undefined);
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  return {
    page,
    async close() {
      unsubscribe();
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}
