import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot } from '../harness/cli';
import type { TestApp } from '../harness/test-app';

export const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'orders', name);
/** Byte-for-byte copies of ../shared/samples (licences in samples/README.md), so CI needs nothing outside the repo. */
export const sample = (name: string) => join(repoRoot, 'test', 'fixtures', 'orders', 'samples', name);

/** Imports files through the real import job (as the CLI and the UI do). */
export async function importPaths(app: TestApp, paths: string[], opts: { format?: string; allOrNothing?: boolean; mapping?: string } = {}) {
  return app.features.orders.orders.importFiles(paths.map((p) => ({ name: basename(p), bytes: readFileSync(p) })), opts);
}

export function orderByExt(app: TestApp, channel: string, externalId: string) {
  const id = app.db.prepare('SELECT id FROM orders WHERE channel = ? AND external_id = ?').pluck().get(channel, externalId) as number | undefined;
  if (id === undefined) throw new Error(`no order ${channel} ${externalId}`);
  return app.features.orders.orders.getOrThrow(id);
}
