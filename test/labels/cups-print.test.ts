import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { MemoryLogger } from '../fakes/ports';
import { createCupsPrinter } from '../../main/adapters/cups-printer';
import { labelStockCatalogue, cellOrigin } from '../../shared/labels/stock';
import { cupsRig, inkBoxMm, pageSizesMm, waitForOutput, type CupsRig } from './cups-rig';
import type { LabelJobResult } from '../../main/services/labels/print-job';

const rig: CupsRig = cupsRig();
const skip = 'skip' in rig ? rig.skip : '';
if (skip) console.warn(`[labels] ${skip}`);

describe.skipIf(!!skip)('labels through a real CUPS queue (cups-pdf)', () => {
  const { queue, outDir } = rig as { queue: string; outDir: string };
  let app: TestApp;
  let ids: number[];

  beforeAll(() => {
    app = createTestApp({ ports: { printer: createCupsPrinter(new MemoryLogger()) } });
    app.core.settings.saveCompany({ companyName: 'Kiste & Karton', street: 'Lindenweg 3', zip: '04109', city: 'Leipzig' });
    ids = seedOrders(app.db, [
      orderDraft(),
      orderDraft({ shipTo: { name: 'Jean Dupont', street: 'Rue de Rivoli', houseNumber: '12', zip: '75001', city: 'Paris', country: 'FR' } }),
    ]);
  });
  afterAll(() => app?.cleanup());

  async function printAndFetch(stockId: string, startPosition?: number) {
    const job = await app.call('labels:print', { orderIds: ids, stockId, printer: queue, startPosition });
    const done = await app.core.jobs.wait(job.id);
    expect(done.state, done.summary ?? '').toBe('done');
    const r = done.result as LabelJobResult;
    expect(r.printed).toBe(true);
    return { file: await waitForOutput(outDir, r.jobId), result: r };
  }

  it('the app lists the queue with its media', async () => {
    const r = await app.call('printing:printers', {});
    expect(r.available).toBe(true);
    const q = r.printers.find((p) => p.name.toLowerCase() === queue.toLowerCase());
    expect(q, JSON.stringify(r.printers)).toBeDefined();
    expect(q!.media).toContain('A4');
    expect(q!.media.some((m) => m.startsWith('Custom.'))).toBe(true);
  });

  for (const stock of labelStockCatalogue) {
    it(`${stock.name}: every printed page has the exact stock size (±0.5 mm)`, async () => {
      const { file, result } = await printAndFetch(stock.id);
      const sizes = pageSizesMm(file);
      expect(sizes.length).toBe(result.pages);
      const want = stock.sheet
        ? { width: stock.sheet.pageWidthMm, height: stock.sheet.pageHeightMm }
        : { width: stock.widthMm, height: stock.kind === 'endless' ? null : stock.heightMm };
      for (const s of sizes) {
        expect(Math.abs(s.width - want.width)).toBeLessThanOrEqual(0.5);
        if (want.height !== null) expect(Math.abs(s.height - want.height)).toBeLessThanOrEqual(0.5);
        // Endless tape: as long as the content needs, never shorter than the stock's minimum.
        else expect(s.height).toBeGreaterThanOrEqual(stock.heightMm - 0.5);
      }
    });
  }

  it('a start position on an A4 sheet puts the first label into that cell', async () => {
    const stock = labelStockCatalogue.find((s) => s.id === 'zweckform-3475')!;
    const start = 8; // row 3, column 2
    // one order only, so all ink belongs to cell 8
    const job = await app.call('labels:print', { orderIds: [ids[0]!], stockId: stock.id, printer: queue, startPosition: start });
    const done = await app.core.jobs.wait(job.id);
    const file = await waitForOutput(outDir, (done.result as LabelJobResult).jobId);
    const cell = cellOrigin(stock.sheet!, stock.widthMm, stock.heightMm, start - 1);
    const ink = inkBoxMm(file);
    expect(ink.left).toBeGreaterThanOrEqual(cell.xMm - 0.6);
    expect(ink.right).toBeLessThanOrEqual(cell.xMm + stock.widthMm + 0.6);
    expect(ink.top).toBeGreaterThanOrEqual(cell.yMm - 0.6);
    expect(ink.bottom).toBeLessThanOrEqual(cell.yMm + stock.heightMm + 0.6);
    // and it is not empty: the address really is in there
    expect(ink.right - ink.left).toBeGreaterThan(20);
  });

  it('the print log follows the job to "completed", and a test page prints at the label size', async () => {
    await app.call('printing:choices:save', { jobType: 'label', choice: { printer: queue, stockId: 'brother-dk-11202' } });
    const t = await app.call('printing:test', { jobType: 'label' });
    expect(t.printed).toBe(true);
    const file = await waitForOutput(outDir, t.jobId);
    const [size] = pageSizesMm(file);
    expect(Math.abs(size!.width - 62)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(size!.height - 100)).toBeLessThanOrEqual(0.5);
    let entry;
    for (let i = 0; i < 100; i += 1) {
      entry = (await app.call('printing:log', {})).find((e) => e.systemJobId === t.jobId);
      if (entry?.state === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(entry?.state).toBe('completed');
  });

  it('a queue that does not exist: PRINT_FAILED, the PDF is kept, nothing is marked', async () => {
    const [id] = seedOrders(app.db, [orderDraft()]);
    const job = await app.call('labels:print', { orderIds: [id!], stockId: 'dymo-99014', printer: 'GibtEsNicht' });
    const done = await app.core.jobs.wait(job.id);
    expect(done.state).toBe('failed');
    expect(done.summary).toMatch(/GibtEsNicht.*PDF liegt unter/s);
    const o = app.db.prepare('SELECT status FROM orders WHERE id = ?').get(id) as { status: string };
    expect(o.status).toBe('new');
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM usage_events WHERE order_id = ?').get(id)).toEqual({ n: 0 });
    const log = await app.call('printing:log', {});
    expect(log[0]).toMatchObject({ state: 'failed', printer: 'GibtEsNicht' });
  });
});
