import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoRoot } from '../harness/cli';
import { ensureRendererBuilt } from '../harness/build-renderer';

const require = createRequire(join(repoRoot, 'package.json'));

/**
 * The Electron binary if one is already on disk. Never triggers the download that
 * require('electron') would start (CI has no internet). PORTODESK_ELECTRON names one explicitly.
 */
export function installedElectron(): string | null {
  if (process.env.PORTODESK_ELECTRON) return existsSync(process.env.PORTODESK_ELECTRON) ? process.env.PORTODESK_ELECTRON : null;
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel) : join(dir, 'dist', rel);
  return existsSync(bin) ? bin : null;
}

/** Why the Electron tests cannot run here, or null when they can. */
export function electronSkipReason(): string | null {
  if (!installedElectron()) {
    return (
      'Electron-Tests übersprungen: kein Electron-Programm vorhanden (node_modules/electron/dist fehlt; ' +
      'auf einem PC mit Internet „npx install-electron --no“ oder PORTODESK_ELECTRON=/pfad/zu/electron setzen).'
    );
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'Electron-Tests übersprungen: kein Bildschirm (DISPLAY fehlt) – unter Linux mit „xvfb-run -a npx vitest run test/e2e-electron“ starten.';
  }
  return null;
}

type NativeModule = {
  ensureElectronNative(opts?: { log?: (s: string) => void }): Promise<string>;
};
type BuildModule = {
  buildMain(opts: { quiet: boolean; outdir: string }): Promise<void>;
  buildPreload(opts: { quiet: boolean; outfile: string }): Promise<void>;
};

export type PreparedApp = { mainScript: string; nativeBinding: string; cleanup(): void };

/**
 * Builds the app as `npm start` does (main, preload, renderer, Electron-ABI better-sqlite3), into a
 * folder of its own inside dist/ so test files running side by side never rebuild under each other.
 */
export async function prepareApp(): Promise<PreparedApp> {
  const buildPath: string = join(repoRoot, 'scripts', 'build.mjs');
  const nativePath: string = join(repoRoot, 'scripts', 'electron-native.mjs');
  const { buildMain, buildPreload } = (await import(buildPath)) as BuildModule;
  const { ensureElectronNative } = (await import(nativePath)) as NativeModule;
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  const outRoot = mkdtempSync(join(repoRoot, 'dist', '.e2e-'));
  symlinkSync(await ensureRendererBuilt(), join(outRoot, 'renderer'), 'dir');
  await buildMain({ quiet: true, outdir: join(outRoot, 'main') });
  await buildPreload({ quiet: true, outfile: join(outRoot, 'preload', 'preload.cjs') });
  return {
    mainScript: join(outRoot, 'main', 'main.cjs'),
    nativeBinding: await ensureElectronNative({ log: () => undefined }),
    cleanup: () => rmSync(outRoot, { recursive: true, force: true }),
  };
}

export function electronEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return { ...env, ...extra };
}
