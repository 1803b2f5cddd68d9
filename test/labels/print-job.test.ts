import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { createLabelsFeature } from '../../main/services/labels/feature';
import { AppError } from '../../shared/errors';
import { insertOrder } from '../../main/db/repos/orders';
import type { LabelJobResult } from '../../main/services/labels/print-job';
import type { JobView } from '../../shared/domain/job';

let app: TestApp;
afterEach(async () => app?.cleanup());

const status = (id: number) => (app.db.prepare('SELECT status FROM orders WHERE id = ?').get(id) as { status: string }).status;
const usageCount = (id: number) => (app.db.prepare('SELECT COUNT(*) AS n FROM usage_events WHERE order_id = ?').get(id) as { n: number }).n;
const history = (id: number) => app.db.prepare("SELECT detail FROM order_history WHERE order_id = ? AND action = 'label_printed'").all(id) as { detail: string }[];

async function print(req: Parameters<TestApp['call']>[1] & object) {
  const job = await app.call('labels:print', req as never);
  return app.core.jobs.wait(job.id);
}

describe("batch 'Etiketten drucken'", () => {
  it('without a printer the PDF is saved, the seller is told where, and each order is labelled and charged once', async () => {
    app = createTestApp();
    const ids = seedOrders(app.db, [orderDraft(), orderDraft()]);
    const done = await print({ orderIds: ids, stockId: 'dymo-99014' });
    expect(done.state).toBe('done');
    const r = done.result as LabelJobResult;
    expect(r).toMatchObject({ printed: false, labels: 2, pages: 2 });
    expect(existsSync(r.savedTo)).toBe(true);
    expect(r.reason).toContain(r.savedTo);
    expect(done.summary).toContain(r.savedTo);
    for (const id of ids) {
      expect(status(id)).toBe('labelled');
      expect(usageCount(id)).toBe(1);
      expect(history(id)).toHaveLength(1);
    }
    const ev = app.db.prepare('SELECT action FROM usage_events WHERE order_id = ?').get(ids[0]) as { action: string };
    expect(ev.action).toBe('label');
    const log = await app.call('printing:log', {});
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ state: 'saved', jobType: 'label', pages: 2, savedTo: r.savedTo });
    // the file really is a 54 × 101 mm PDF
    expect(execFileSync('pdfinfo', [r.savedTo], { encoding: 'utf8' })).toMatch(/Page size:\s+153\.\d+ x 286\.\d+ pts/);

    // A reprint adds a label and a history line, but no second fee.
    const again = await print({ orderIds: [ids[0]!], stockId: 'brother-dk-11202' });
    expect(again.state).toBe('done');
    expect(usageCount(ids[0]!)).toBe(1);
    expect(history(ids[0]!)).toHaveLength(2);
    const h = await app.call('labels:history', { orderId: ids[0]! });
    expect(h.map((x) => x.stockId)).toEqual(['dymo-99014', 'brother-dk-11202']);
  });

  it('address warnings stop the print until the seller confirms them', async () => {
    app = createTestApp();
    const [good, bad] = seedOrders(app.db, [
      orderDraft(),
      orderDraft({ shipTo: { name: 'Max Muster', kind: 'packstation', street: 'Packstation', houseNumber: '123', zip: '10115', city: 'Berlin', country: 'DE' } }),
    ]);
    const preview = await app.call('labels:preview', { orderIds: [good!, bad!], stockId: 'dymo-99014' });
    expect(preview.blockingOrders).toBe(1);
    expect(preview.notices[0]).toMatchObject({ orderId: bad, notices: [expect.objectContaining({ code: 'packstation_without_postnummer', blocking: true })] });

    const env = await app.dispatch('labels:print', { orderIds: [good, bad], stockId: 'dymo-99014' }, { origin: 'test' });
    expect(env).toMatchObject({ ok: false, error: { code: 'ADDRESS_WARNINGS' } });
    if (!env.ok) expect(env.error.message).toMatch(/1 Adresse\(n\) bitte prüfen/);
    expect(status(good!)).toBe('new');
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM jobs').get()).toEqual({ n: 0 });

    const done = await print({ orderIds: [good!, bad!], stockId: 'dymo-99014', confirmWarnings: true });
    expect(done.state).toBe('done');
    expect(status(bad!)).toBe('labelled');
  });

  it('warnings found at import time (order.warnings) block as well', async () => {
    app = createTestApp();
    const id = insertOrder(app.db, orderDraft(), [{ code: 'zip_country_mismatch', field: 'shipTo.zip', detail: '1234 passt nicht zu DE' }], '2026-11-20T10:00:00Z');
    await expect(app.call('labels:print', { orderIds: [id], stockId: 'dymo-99014' })).rejects.toMatchObject({ code: 'ADDRESS_WARNINGS' });
  });

  it('200 labels: one job, progress as it goes, one PDF with 200 pages, one print log entry', async () => {
    app = createTestApp();
    const ids = seedOrders(app.db, Array.from({ length: 200 }, () => orderDraft()));
    const progress: JobView[] = [];
    app.core.events.subscribe((e, p) => {
      if (e === 'job:progress') progress.push(p as JobView);
    });
    const done = await print({ orderIds: ids, stockId: 'shipping-4x6' });
    expect(done).toMatchObject({ state: 'done', total: 200, done: 200, failed: 0 });
    expect(new Set(progress.map((p) => p.id)).size).toBe(1);
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: 200 });
    expect(progress.some((p) => p.state === 'running')).toBe(true);
    const r = done.result as LabelJobResult;
    expect(r.pages).toBe(200);
    expect(execFileSync('pdfinfo', [r.savedTo], { encoding: 'utf8' })).toMatch(/Pages:\s+200/);
    expect(await app.call('printing:log', {})).toHaveLength(1);
    expect((app.db.prepare("SELECT COUNT(*) AS n FROM orders WHERE status = 'labelled'").get() as { n: number }).n).toBe(200);
    expect((app.db.prepare('SELECT COUNT(*) AS n FROM usage_events').get() as { n: number }).n).toBe(200);
  });

  it('on an A4 sheet the start position is recorded per label; a full sheet continues on the next', async () => {
    app = createTestApp();
    const ids = seedOrders(app.db, Array.from({ length: 3 }, () => orderDraft()));
    const done = await print({ orderIds: ids, stockId: 'zweckform-3427', startPosition: 7 });
    expect((done.result as LabelJobResult).pages).toBe(2);
    expect((await app.call('labels:history', { orderId: ids[2]! }))[0]!.sheetPosition).toBe(1);
    expect((await app.call('labels:history', { orderId: ids[0]! }))[0]!.sheetPosition).toBe(7);
    await expect(app.call('labels:print', { orderIds: ids, stockId: 'zweckform-3427', startPosition: 9 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.call('labels:print', { orderIds: ids, stockId: 'dymo-99014', startPosition: 3 })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('nur bei A4-Bögen') });
  });

  it('cancelled orders are skipped; unknown stock and unknown orders are refused by name', async () => {
    app = createTestApp();
    const [a, b] = seedOrders(app.db, [orderDraft(), orderDraft({ status: 'cancelled' })]);
    const done = await print({ orderIds: [a!, b!], stockId: 'dymo-99014' });
    expect(done).toMatchObject({ done: 1, skipped: 1 });
    expect(done.problems[0]!.reason).toMatch(/storniert/);
    expect(status(b!)).toBe('cancelled');
    expect(usageCount(b!)).toBe(0);
    await expect(app.call('labels:print', { orderIds: [a!], stockId: 'dymo-0000' })).rejects.toMatchObject({ code: 'UNKNOWN_STOCK', message: expect.stringContaining('dymo-99014') });
    await expect(app.call('labels:print', { orderIds: [999], stockId: 'dymo-99014' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the charge guard is asked before anything is printed', async () => {
    app = createTestApp();
    const [id] = seedOrders(app.db, [orderDraft()]);
    const asked: unknown[] = [];
    const guarded = createLabelsFeature(app.core, {
      orders: app.features.orders,
      billing: { ...app.features.billing, chargeGuard: { assertMayCharge: (ids, action) => { asked.push([ids, action]); throw new AppError('BILLING_REQUIRED', 'Testphase vorbei'); } } },
    });
    await expect(Promise.resolve(guarded.handlers['labels:print']({ orderIds: [id!], stockId: 'dymo-99014', confirmWarnings: false }, { origin: 'test' }))).rejects.toMatchObject({ code: 'BILLING_REQUIRED' });
    expect(asked).toEqual([[[id], 'label']]);
    expect(status(id!)).toBe('new');
    expect(await app.call('printing:log', {})).toHaveLength(0);
  });

  it('custom stock: saved, listed, printable by id; a sheet that does not fit A4 is refused', async () => {
    app = createTestApp();
    const s = await app.call('labels:stock:save', { id: 'eigen-80x50', name: 'Eigenes 80 × 50', kind: 'roll', widthMm: 80, heightMm: 50, orientation: 'portrait' });
    expect(s.source).toBe('custom');
    expect((await app.call('labels:stock:list', {})).map((x) => x.id)).toContain('eigen-80x50');
    const [id] = seedOrders(app.db, [orderDraft()]);
    const done = await print({ orderIds: [id!], stockId: 'eigen-80x50' });
    expect(execFileSync('pdfinfo', [(done.result as LabelJobResult).savedTo], { encoding: 'utf8' })).toMatch(/Page size:\s+226\.77\d* x 141\.73\d* pts/);
    await expect(
      app.call('labels:stock:save', { id: 'zu-gross', name: 'Zu groß', kind: 'sheet', widthMm: 110, heightMm: 40, sheet: { pageWidthMm: 210, pageHeightMm: 297, columns: 2, rows: 7, marginLeftMm: 0, marginTopMm: 0 } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/220\.0 mm breit/) });
  });
});

describe('a label batch interrupted by closing the app', () => {
  it('continues on the next start, prints every label once and charges every order once', async () => {
    const dir = (await import('../harness/test-app')).tempDir();
    const first = createTestApp({ dataDir: dir });
    const ids = seedOrders(first.db, Array.from({ length: 40 }, () => orderDraft()));
    const job = await first.call('labels:print', { orderIds: ids, stockId: 'dymo-99014' });
    await first.close(); // pauses the job after the item in flight; the layouts in memory are gone
    app = createTestApp({ dataDir: dir });
    const paused = app.core.jobs.view(job.id);
    expect(paused.state).toBe('paused');
    expect(paused.done).toBeLessThan(40);
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM labels_printed').get()).toEqual({ n: 0 });
    app.core.jobs.resumeInterrupted();
    const done = await app.core.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'done', done: 40 });
    expect((done.result as LabelJobResult).pages).toBe(40);
    expect((app.db.prepare("SELECT COUNT(*) AS n FROM orders WHERE status = 'labelled'").get() as { n: number }).n).toBe(40);
    expect((app.db.prepare('SELECT COUNT(*) AS n FROM usage_events').get() as { n: number }).n).toBe(40);
    expect((app.db.prepare('SELECT COUNT(*) AS n FROM labels_printed').get() as { n: number }).n).toBe(40);
  });
});
