// The Electron-ABI build of better-sqlite3, kept APART from the Node-ABI build that `npm test` and the
// CLI load from node_modules. Used by `npm start` and the Electron smoke test:
//   .electron-native/node_modules/better-sqlite3/build/Release/better_sqlite3.node
//   .electron-native/stamp.json   { electron, betterSqlite3, platform, arch }
// The app gets the .node path through PORTODESK_NATIVE_BINDING (better-sqlite3's nativeBinding option).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const nativeDir = join(root, '.electron-native');
const require = createRequire(join(root, 'package.json'));

export const versionOf = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;

export function electronNativePath() {
  return join(nativeDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

function wantedStamp(electronVersion, arch) {
  return { electron: electronVersion, betterSqlite3: versionOf('better-sqlite3'), platform: process.platform, arch };
}

/**
 * node-gyp must build against Electron's headers. An npm_config_nodedir pointing at the local Node
 * headers (set for `npm ci` so the Node-ABI build works offline) would silently win over them and
 * produce a Node-ABI binary again, so it is removed for the rebuild.
 */
export function withoutNodedir(fn) {
  const saved = {};
  for (const k of Object.keys(process.env)) {
    if (/^npm_config_nodedir$/i.test(k)) {
      saved[k] = process.env[k];
      delete process.env[k];
    }
  }
  return Promise.resolve()
    .then(fn)
    .finally(() => Object.assign(process.env, saved));
}

/** Builds (once per Electron/better-sqlite3 pair) and returns the path of the Electron-ABI .node file. */
export async function ensureElectronNative(opts = {}) {
  // One builder at a time (two `npm start`s, or Electron tests running side by side).
  mkdirSync(join(root, 'dist'), { recursive: true });
  const lock = join(root, 'dist', '.electron-native.lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (i > 1200) rmSync(lock, { recursive: true, force: true }); // stale after ~10 min
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await buildIfNeeded(opts);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildIfNeeded({ electronVersion = versionOf('electron'), arch = process.arch, log = console.log } = {}) {
  const stampFile = join(nativeDir, 'stamp.json');
  const want = wantedStamp(electronVersion, arch);
  const target = electronNativePath();
  if (existsSync(target) && existsSync(stampFile)) {
    const have = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (JSON.stringify(have) === JSON.stringify(want)) return target;
  }
  log(`better-sqlite3 ${want.betterSqlite3} wird für Electron ${electronVersion} (${process.platform}-${arch}) gebaut …`);
  rmSync(nativeDir, { recursive: true, force: true });
  const src = dirname(require.resolve('better-sqlite3/package.json'));
  const dest = join(nativeDir, 'node_modules', 'better-sqlite3');
  // Sources only: the Node-ABI build/ folder stays where it is.
  cpSync(src, dest, { recursive: true, filter: (p) => !p.startsWith(join(src, 'build')) });
  // prebuild-install lets @electron/rebuild fetch a ready Electron binary before compiling from source.
  try {
    const pi = dirname(require.resolve('prebuild-install/package.json'));
    symlinkSync(pi, join(nativeDir, 'node_modules', 'prebuild-install'), process.platform === 'win32' ? 'junction' : 'dir');
  } catch {
    // Without it @electron/rebuild compiles from source, which needs a C++ toolchain.
  }
  writeFileSync(
    join(nativeDir, 'package.json'),
    JSON.stringify({ name: 'portodesk-electron-native', private: true, dependencies: { 'better-sqlite3': want.betterSqlite3 } }, null, 2),
  );
  const { rebuild } = await import('@electron/rebuild');
  await withoutNodedir(() =>
    rebuild({
      buildPath: nativeDir,
      // Stop the module search here, so the project's own node_modules (Node ABI) is never touched.
      projectRootPath: nativeDir,
      electronVersion,
      arch,
      onlyModules: ['better-sqlite3'],
      force: true,
    }),
  );
  if (!existsSync(target)) throw new Error(`@electron/rebuild lief durch, aber ${target} fehlt.`);
  writeFileSync(stampFile, JSON.stringify(want, null, 2));
  return target;
}

/**
 * Loads the Electron-ABI build inside Electron-as-Node and opens an in-memory database: proves the
 * pinned pair works before the window opens, with a clear message when it does not.
 */
export function verifyElectronNative(electronBinary, nodeFile) {
  const js = dirname(require.resolve('better-sqlite3/package.json'));
  const probe = `const D=require(${JSON.stringify(js)});const db=new D(':memory:',{nativeBinding:${JSON.stringify(nodeFile)}});console.log(db.prepare('select sqlite_version() v').get().v);`;
  const r = spawnSync(electronBinary, ['-e', probe], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(
      `better-sqlite3 ${versionOf('better-sqlite3')} lädt nicht in Electron ${versionOf('electron')}:\n${(r.stderr || r.stdout || '').trim()}\n` +
        'Löschen Sie den Ordner .electron-native und starten Sie erneut; hilft das nicht, passt das Paar Electron/better-sqlite3 nicht (docs/shell.md).',
    );
  }
  return r.stdout.trim();
}

/**
 * The Electron binary if it is already on disk; never triggers the download (for tests and CI).
 * PORTODESK_ELECTRON names one explicitly.
 */
export function installedElectronBinary() {
  if (process.env.PORTODESK_ELECTRON) return existsSync(process.env.PORTODESK_ELECTRON) ? process.env.PORTODESK_ELECTRON : null;
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
    : join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(bin) ? bin : null;
}

