import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runPortodesk } from '../harness/cli';
import { createTestApp, tempDir } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { labelStockCatalogue } from '../../shared/labels/stock';
import { cupsRig, pageSizesMm, waitForOutput } from './cups-rig';

async function dataDirWith(drafts: ReturnType<typeof orderDraft>[]) {
  const dir = tempDir();
  const app = createTestApp({ dataDir: dir });
  const ids = seedOrders(app.db, drafts);
  await app.close();
  return { dir, ids };
}
const statusIn = async (dir: string, id: number) => {
  const app = createTestApp({ dataDir: dir });
  const s = (app.db.prepare('SELECT status FROM orders WHERE id = ?').get(id) as { status: string }).status;
  await app.close();
  return s;
};

describe('portodesk labels / printers CLI', () => {
  it('labels stock --json lists the catalogue', () => {
    const r = runPortodesk(['--data', tempDir(), 'labels', 'stock', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ id: string }[]>().map((s) => s.id)).toEqual(expect.arrayContaining(labelStockCatalogue.map((s) => s.id)));
  });

  it('labels print --out writes the PDF at the stock size and marks the order', async () => {
    const { dir, ids } = await dataDirWith([orderDraft()]);
    const out = join(dir, 'etikett.pdf');
    const r = runPortodesk(['--data', dir, 'labels', 'print', String(ids[0]), '--stock', 'brother-dk-11202', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 Etiketten als PDF gespeichert/);
    expect(existsSync(out)).toBe(true);
    const [size] = pageSizesMm(out);
    expect(size!.width).toBeCloseTo(62, 0);
    expect(size!.height).toBeCloseTo(100, 0);
    expect(await statusIn(dir, ids[0]!)).toBe('labelled');
  });

  it('address warnings: exit 1 with the reason; --confirm-warnings prints', async () => {
    const { dir, ids } = await dataDirWith([orderDraft({ shipTo: { name: 'Ohne Hausnummer', street: 'Hauptstraße', zip: '10115', city: 'Berlin', country: 'DE' } })]);
    const r = runPortodesk(['--data', dir, 'labels', 'print', String(ids[0]), '--stock', 'dymo-99014', '--out', join(dir, 'a.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Adresse\(n\) bitte prüfen.*missing_house_number/);
    expect(await statusIn(dir, ids[0]!)).toBe('new');
    const ok = runPortodesk(['--data', dir, 'labels', 'print', String(ids[0]), '--stock', 'dymo-99014', '--out', join(dir, 'a.pdf'), '--confirm-warnings']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(await statusIn(dir, ids[0]!)).toBe('labelled');
  });

  it('bad usage exits 2', () => {
    const dir = tempDir();
    expect(runPortodesk(['--data', dir, 'labels', 'print']).code).toBe(2);
    expect(runPortodesk(['--data', dir, 'labels', 'print', 'abc', '--stock', 'dymo-99014']).code).toBe(2);
    expect(runPortodesk(['--data', dir, 'labels', 'print', '1', '--start', 'x']).code).toBe(2);
  });

  const rig = cupsRig();
  it.skipIf('skip' in rig)('printers list --json and labels print --printer go through CUPS', async () => {
    const { queue, outDir } = rig as { queue: string; outDir: string };
    const { dir, ids } = await dataDirWith([orderDraft(), orderDraft()]);
    const list = runPortodesk(['--data', dir, 'printers', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.json<{ name: string }[]>().map((p) => p.name.toLowerCase())).toContain(queue.toLowerCase());
    const r = runPortodesk(['--data', dir, '--json', 'labels', 'print', ...ids.map(String), '--stock', 'zweckform-3659', '--printer', queue, '--start', '3']);
    expect(r.code, r.stderr).toBe(0);
    const res = r.json<{ result: { printed: boolean; jobId: string } }>().result;
    expect(res.printed).toBe(true);
    const file = await waitForOutput(outDir, res.jobId);
    const [size] = pageSizesMm(file);
    expect(Math.abs(size!.width - 210)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(size!.height - 297)).toBeLessThanOrEqual(0.5);
    const log = runPortodesk(['--data', dir, 'printers', 'log', '--json']).json<{ systemJobId: string }[]>();
    expect(log[0]!.systemJobId).toBe(res.jobId);
  });
});

describe('portodesk labels stock add / remove', () => {
  it('adds an own sheet, prints on it, refuses a grid larger than A4, removes it', async () => {
    const { dir, ids } = await dataDirWith([orderDraft()]);
    const add = runPortodesk(['--data', dir, 'labels', 'stock', 'add', '--id', 'herma-4360', '--name', 'Herma 4360', '--width', '70', '--height', '36', '--grid', '3x8', '--left', '0', '--top', '4,5']);
    expect(add.code, add.stderr).toBe(0);
    const out = join(dir, 'bogen.pdf');
    const p = runPortodesk(['--data', dir, 'labels', 'print', String(ids[0]), '--stock', 'herma-4360', '--start', '24', '--out', out]);
    expect(p.code, p.stderr).toBe(0);
    expect(pageSizesMm(out)[0]!.width).toBeCloseTo(210, 0);
    const bad = runPortodesk(['--data', dir, 'labels', 'stock', 'add', '--id', 'zu-gross', '--width', '80', '--height', '36', '--grid', '3x8', '--left', '0', '--top', '0']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/240\.0 mm breit/);
    expect(runPortodesk(['--data', dir, 'labels', 'stock', 'remove', 'herma-4360']).code).toBe(0);
    expect(runPortodesk(['--data', dir, 'labels', 'stock', 'remove', 'dymo-99014']).code).toBe(1);
  });
});
