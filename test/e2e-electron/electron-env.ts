import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoRoot } from '../harness/cli';

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
type BuildModule = { buildAll(opts?: { quiet?: boolean }): Promise<void> };

/** Builds dist/ and the Electron-ABI better-sqlite3 exactly as `npm start` does. */
export async function prepareApp(): Promise<{ nativeBinding: string }> {
  const buildPath: string = join(repoRoot, 'scripts', 'build.mjs');
  const nativePath: string = join(repoRoot, 'scripts', 'electron-native.mjs');
  const { buildAll } = (await import(buildPath)) as BuildModule;
  const { ensureElectronNative } = (await import(nativePath)) as NativeModule;
  await buildAll({ quiet: true });
  return { nativeBinding: await ensureElectronNative({ log: () => undefined }) };
}

export function electronEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return { ...env, ...extra };
}
