import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PortodeskApp } from '../../main/app/compose';
import { ensureRendererBuilt } from './build-renderer';
import { repoRoot } from './cli';

export const CHROMIUM = process.env.PORTODESK_CHROMIUM ?? '/usr/bin/chromium';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.map': 'application/json', '.woff2': 'font/woff2', '.json': 'application/json',
};

let bridgeScript: Promise<string> | null = null;
function pageBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(repoRoot, 'test', 'harness', 'page-bridge.ts')],
    bundle: true, format: 'iife', write: false, platform: 'browser', target: 'chrome120',
  }).then((r) => r.outputFiles[0]!.text);
  return bridgeScript;
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
    }),
  );
}

export type Harness = { page: Page; browser: Browser; close(): Promise<void> };

/**
 * The built renderer in Debian's Chromium, with window.portodesk bound to the app's real dispatcher.
 * Events the app emits reach the page like they do through the preload.
 */
export async function openRenderer(app: PortodeskApp, opts: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Harness> {
  const dir = await ensureRendererBuilt();
  const { server, url } = await serve(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--lang=de-DE', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1400, height: opts.height ?? 860 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    colorScheme: opts.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[renderer error]', e.message));
  await context.exposeBinding('__pdInvoke', (_src, channel: string, req: unknown) => app.dispatch(channel, req, { origin: 'harness' }));
  await context.addInitScript({ content: await pageBridge() });
  const unsubscribe = app.core.events.subscribe((event, payload) => {
    void page.evaluate(([e, p]) => (window as unknown as { __pdEmit(e: string, p: unknown): void }).__pdEmit(e, p), [event, payload] as const).catch(() => undefined);
  });
  await page.goto(url);
  return {
    page,
    browser,
    async close() {
      unsubscribe();
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}
