// `npm run build`: the app as Electron runs it —
//   dist/main/main.cjs       main process (esbuild; runtime dependencies stay external and ship in node_modules)
//   dist/preload/preload.cjs ONE CommonJS file (a sandboxed preload can only require 'electron')
//   dist/renderer/           Vite build of the React renderer
import { build as esbuild } from 'esbuild';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Runtime dependencies are not bundled: electron-builder ships them in node_modules anyway, and some
 * read files next to their own code (fonts, wasm, XSLT) that a bundle would lose. better-sqlite3 must
 * stay external in any case: its .node file is rebuilt for Electron and unpacked from the asar.
 */
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];

/** Folders a capability reads at run time relative to its module (see its rules-dir/… helper). */
const RUNTIME_ASSETS = [['main/services/einvoice/rules', 'rules']];

export async function buildMain({ quiet = false, outdir = join(root, 'dist', 'main') } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const r = await esbuild({
    entryPoints: [join(root, 'main', 'electron', 'main.ts')],
    outfile: join(outdir, 'main.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external,
    // import('electron-updater') becomes a lazy require(): plain CJS loading also works inside the asar.
    supported: { 'dynamic-import': false },
    sourcemap: true,
    // Code written as ESM asks import.meta for its location; in the CJS bundle that is main.cjs.
    banner: { js: "var __pd_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: {
      __PORTODESK_VERSION__: JSON.stringify(pkg.version),
      'import.meta.url': '__pd_import_meta_url',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
    logLevel: quiet ? 'error' : 'warning',
  });
  // Data files that code finds next to itself (import.meta.url → dist/main/ in the bundle).
  for (const [from, to] of RUNTIME_ASSETS) {
    if (existsSync(join(root, from))) cpSync(join(root, from), join(outdir, to), { recursive: true });
  }
  return r;
}

export async function buildPreload({ quiet = false, outfile = join(root, 'dist', 'preload', 'preload.cjs') } = {}) {
  rmSync(outfile, { force: true });
  const out = outfile;
  await esbuild({
    entryPoints: [join(root, 'preload', 'index.ts')],
    outfile: out,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    minify: true,
    sourcemap: false,
    logLevel: quiet ? 'error' : 'warning',
  });
  // The sandbox would refuse anything but 'electron' at run time; refuse it at build time instead.
  const code = readFileSync(out, 'utf8');
  const requires = [...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]).filter((m) => m !== 'electron');
  if (requires.length) throw new Error(`preload.cjs darf nur 'electron' laden, lädt aber: ${[...new Set(requires)].join(', ')}`);
}

export async function buildRenderer({ quiet = false } = {}) {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'renderer'), logLevel: quiet ? 'warn' : 'info' });
}

export async function buildAll(opts = {}) {
  await buildMain(opts);
  await buildPreload(opts);
  await buildRenderer(opts);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = Date.now();
  await buildAll();
  console.log(`Build fertig in ${((Date.now() - t0) / 1000).toFixed(1)} s: dist/main/main.cjs, dist/preload/preload.cjs, dist/renderer/`);
}
