import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { repoRoot, runPortodesk } from '../harness/cli';
import { getUsageEvent, listUsageEvents } from '../../main/db/repos/usage';
import { listExportLog } from '../../main/db/repos/exports';
import { ExportService } from '../../main/services/exports/export-service';
import { AppError } from '../../shared/errors';

let app: TestApp;
afterEach(async () => app?.cleanup());

describe('data exports are chargeable once per order', () => {
  it('records one usage event per exported order, inside the export; a second export charges nothing', async () => {
    app = createTestApp();
    const ids = seedOrders(app.db, [
      orderDraft({ orderDate: '2026-11-02T09:00:00Z' }),
      orderDraft({ orderDate: '2026-11-30T23:30:00Z' }), // 1 Dec 00:30 in Berlin: outside November
      orderDraft({ orderDate: '2026-10-31T23:30:00Z' }), // 1 Nov in Berlin: inside
    ]);
    const r = await app.call('exports:run', { kind: 'csv-orders', scope: { from: '2026-11-01', to: '2026-11-30' } });
    expect(r.rows).toBe(2);
    expect(r.newlyCharged).toBe(2);
    expect(getUsageEvent(app.db, ids[0]!)?.action).toBe('export');
    expect(getUsageEvent(app.db, ids[2]!)?.action).toBe('export');
    expect(getUsageEvent(app.db, ids[1]!)).toBeNull();
    const again = await app.call('exports:run', { kind: 'csv-orders', scope: { orderIds: ids } });
    expect(again.newlyCharged).toBe(1);
    expect(listUsageEvents(app.db)).toHaveLength(3);
    expect(listExportLog(app.db)).toHaveLength(2);
    expect(readFileSync(again.path).subarray(3).toString('utf8').split('\r\n')[0]).toMatch(/^Auftrag;Kanal;Marktplatz;Bestellnummer;/);
  });

  it('writes nothing and charges nothing when the charge guard refuses', () => {
    app = createTestApp();
    const ids = seedOrders(app.db, [orderDraft()]);
    const refusing = { assertMayCharge: () => { throw new AppError('BILLING_REQUIRED', 'Testphase vorbei'); } };
    const svc = new ExportService(app.core, () => app.features.documents.archive, refusing);
    expect(() => svc.ordersCsv({ orderIds: ids })).toThrow(/Testphase vorbei/);
    expect(listUsageEvents(app.db)).toHaveLength(0);
    expect(existsSync(join(app.dataDir, 'exports')) ? readdirSync(join(app.dataDir, 'exports')) : []).toEqual([]);
  });

  it('refuses a bad period with a German message naming the field', async () => {
    app = createTestApp();
    await expect(app.call('exports:run', { kind: 'csv-orders', scope: { from: '2026-11-31', to: '2026-11-30' } })).rejects.toThrow(/„von“: Datum/);
    await expect(app.call('exports:run', { kind: 'csv-orders', scope: { from: '2026-11-01', to: '2026-11-30' } })).rejects.toThrow(/Keine Aufträge/);
  });
});

describe('CLI', () => {
  it('export csv writes the file; bad usage exits 2; an invalid e-invoice file exits 1 with the rule id', async () => {
    app = createTestApp();
    seedOrders(app.db, [orderDraft({ buyerName: '=HYPERLINK("x")' })]);
    await app.close();
    const out = join(app.dataDir, 'o.csv');
    const r = runPortodesk(['--data', app.dataDir, 'export', 'csv', '--from', '2026-11-01', '--to', '2026-11-30', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(runPortodesk(['--data', app.dataDir, 'export', 'csv', '--out', out]).code).toBe(2);
    const bad = join(app.dataDir, 'bad.xml');
    writeFileSync(bad, readFileSync(join(repoRoot, 'test', 'fixtures', 'en16931', 'CII_example1.xml'), 'utf8').replace(/<ram:GrandTotalAmount>[^<]*</, '<ram:GrandTotalAmount>1.00<'));
    const v = runPortodesk(['--data', app.dataDir, 'invoice', 'validate', bad]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('BR-CO-15');
  });
});
