import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type CliRun = { code: number; stdout: string; stderr: string; json<T = any>(): T };

/** Spawns the real `portodesk` CLI (bin/portodesk.js) as a user would. */
export function runPortodesk(args: string[], opts: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'portodesk.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
  });
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => JSON.parse(r.stdout),
  };
}
