import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/renderer with Vite when a renderer/shared source is newer than the build (one builder at a time). */
export async function ensureRendererBuilt(): Promise<string> {
  const out = join(repoRoot, 'dist', 'renderer');
  const index = join(out, 'index.html');
  const stale = () =>
    !existsSync(index) ||
    Math.max(newestMtime(join(repoRoot, 'renderer')), newestMtime(join(repoRoot, 'shared'))) > statSync(index).mtimeMs;
  if (!stale()) return out;
  const lock = join(repoRoot, 'dist', '.renderer-build.lock');
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 600) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (stale()) {
      const { build } = await import('vite');
      await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return out;
}
