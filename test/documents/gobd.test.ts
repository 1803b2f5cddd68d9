import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { verifyArchive } from '../../main/services/documents/archive-files';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../harness/test-app';
import { FakeClock } from '../fakes/ports';
import { runPortodesk } from '../harness/cli';
import { orderDraft, seedOrders } from '../fakes/orders';
import { pdfText, setupSeller } from './helpers';
import { renderInThread } from '../../main/services/documents/render';
import { getHistory, getOrder } from '../../main/db/repos/orders';

let app: TestApp;
afterEach(async () => app?.cleanup());

function setup(n = 1, start?: string) {
  app = createTestApp(start ? { ports: { clock: new FakeClock(start) } } : {});
  setupSeller(app);
  return seedOrders(app.db, Array.from({ length: n }, () => orderDraft()));
}

describe('GoBD: immutable documents, Stornorechnung, numbering', () => {
  it('issuing twice gives the same invoice; reprint gives the identical file; re-rendering the snapshot gives the same bytes', async () => {
    const [id] = setup();
    const a = await app.call('documents:createInvoices', { orderIds: [id!] });
    const b = await app.call('documents:createInvoices', { orderIds: [id!] });
    expect(a.created).toBe(1);
    expect(b.created).toBe(0);
    expect(b.documents[0]!.number).toBe(a.documents[0]!.number);
    const p1 = await app.call('documents:pdf', { number: a.documents[0]!.number });
    const p2 = await app.call('documents:pdf', { number: a.documents[0]!.number });
    expect(p1.base64).toBe(p2.base64);
    expect(readFileSync(a.documents[0]!.archivePath!).toString('base64')).toBe(p1.base64);
    const snap = app.features.documents.archive.snapshot(a.documents[0]!.number)!;
    const again = await renderInThread({ kind: 'invoice', snapshot: snap, form: 'B', issuedAt: a.documents[0]!.issuedAt });
    expect(Buffer.from(again).toString('base64')).toBe(p1.base64);
  });

  it('the database refuses to change or delete an issued document', async () => {
    const [id] = setup();
    const { documents } = await app.call('documents:createInvoices', { orderIds: [id!] });
    expect(() => app.db.prepare('UPDATE documents SET gross_cents = 1 WHERE number = ?').run(documents[0]!.number)).toThrow(/unveränderlich/);
    expect(() => app.db.prepare('UPDATE documents SET pdf = x\'00\' WHERE number = ?').run(documents[0]!.number)).toThrow(/unveränderlich/);
    expect(() => app.db.prepare('DELETE FROM documents').run()).toThrow(/nicht gelöscht/);
  });

  it('Stornorechnung: own number, refers to the original number and date, negative amounts; then a new invoice', async () => {
    const [id] = setup();
    const inv = (await app.call('documents:createInvoices', { orderIds: [id!] })).documents[0]!;
    app.ports.clock.advanceDays(2);
    const st = await app.call('documents:cancel', { number: inv.number });
    expect(st.number).toBe('RE-2026-00002');
    expect(st.kind).toBe('cancellation');
    expect(st.cancels).toBe(inv.number);
    expect(st.grossCents).toBe(-inv.grossCents);
    const text = pdfText(Buffer.from((await app.call('documents:pdf', { number: st.number })).base64, 'base64'));
    expect(text).toContain('Stornorechnung RE-2026-00002');
    expect(text).toMatch(/Zu Rechnung\s+RE-2026-00001 vom 23\.11\.2026/);
    expect(text).toMatch(/Datum\s+25\.11\.2026/);
    expect(text).toContain('-30,93 €');
    expect(text).toMatch(/zzgl\. 19 % USt auf -25,99 €\s+-4,94 €/);
    const snap = app.features.documents.archive.snapshot(st.number)!;
    expect(snap.lines.every((l) => l.quantity < 0 && l.grossCents < 0 && l.unitNetCents >= 0)).toBe(true);
    // The original stays as it was, now marked as cancelled.
    const list = await app.call('documents:list', { orderId: id! });
    expect(list.find((d) => d.number === inv.number)!.cancelledBy).toBe(st.number);
    expect(list.find((d) => d.number === inv.number)!.pdfSha256).toBe(inv.pdfSha256);
    await expect(app.call('documents:cancel', { number: inv.number })).rejects.toMatchObject({ code: 'ALREADY_CANCELLED' });
    await expect(app.call('documents:cancel', { number: st.number })).rejects.toMatchObject({ code: 'NOT_AN_INVOICE' });
    // A corrected invoice can be issued afterwards, with the next number.
    const again = await app.call('documents:createInvoices', { orderIds: [id!] });
    expect(again.documents[0]!.number).toBe('RE-2026-00003');
    expect(getHistory(app.db, id!).map((h) => h.action)).toEqual(['invoice_issued', 'invoice_cancelled', 'invoice_issued']);
    // The archive for the e-invoice/DATEV engineer reports all three.
    expect(app.features.documents.archive.list().map((r) => [r.number, r.kind, r.cancelledBy])).toEqual([
      ['RE-2026-00001', 'invoice', 'RE-2026-00002'],
      ['RE-2026-00002', 'cancellation', null],
      ['RE-2026-00003', 'invoice', null],
    ]);
  });

  it('first document of an order: one usage event, order locked, status "invoiced", history entries', async () => {
    const [id] = setup();
    await app.call('documents:createDeliveryNotes', { orderIds: [id!] });
    await app.call('documents:createInvoices', { orderIds: [id!] });
    const usage = app.db.prepare('SELECT order_id, action FROM usage_events').all();
    expect(usage).toEqual([{ order_id: id, action: 'delivery_note' }]);
    const o = getOrder(app.db, id!)!;
    expect(o.locked).toBe(true);
    expect(o.status).toBe('invoiced');
    expect(getHistory(app.db, id!).map((h) => h.detail)).toEqual(['Lieferschein LS-2026-00001 erstellt', 'Rechnung RE-2026-00001 erstellt (standard)']);
  });

  it('numbers follow the pattern per year; a start value moved forward shows as a gap with its cause; never backwards', async () => {
    // Within the 30-day trial, across New Year.
    const ids = setup(3, '2026-12-20T09:00:00Z');
    await app.call('documents:saveSettings', { numberPattern: 'R{YY}-{NNNN}' });
    await app.call('documents:createInvoices', { orderIds: [ids[0]!] });
    await app.call('documents:setNextNumber', { family: 'invoice', next: 10, reason: 'Fortführung der Nummern aus dem alten Shop-System' });
    await expect(app.call('documents:setNextNumber', { family: 'invoice', next: 5, reason: 'zurück' })).rejects.toMatchObject({ code: 'NUMBER_BACKWARDS' });
    await app.call('documents:createInvoices', { orderIds: [ids[1]!] });
    app.ports.clock.set('2027-01-02T09:00:00Z');
    await app.call('documents:createInvoices', { orderIds: [ids[2]!] });
    expect(app.features.documents.archive.list().map((r) => r.number)).toEqual(['R26-0001', 'R26-0010', 'R27-0001']);
    const gaps = await app.call('documents:gaps', {});
    expect(gaps).toEqual([
      { range: 'R26-{NNNN}', family: 'invoice', from: 'R26-0002', to: 'R26-0009', count: 8, cause: expect.stringContaining('Fortführung der Nummern aus dem alten Shop-System') },
    ]);
    await expect(app.call('documents:saveSettings', { numberPattern: 'RE-{YYYY}' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('a gap nobody logged (a record removed behind the app\'s back) is reported as unexplained', async () => {
    const ids = setup(3);
    await app.call('documents:createInvoices', { orderIds: ids });
    app.db.exec('DROP TRIGGER documents_no_delete');
    app.db.prepare("DELETE FROM doc_archive_files WHERE document_id = (SELECT id FROM documents WHERE number = 'RE-2026-00002')").run();
    app.db.prepare("DELETE FROM documents WHERE number = 'RE-2026-00002'").run();
    const gaps = await app.call('documents:gaps', {});
    expect(gaps).toMatchObject([{ from: 'RE-2026-00002', to: 'RE-2026-00002', count: 1, cause: expect.stringContaining('nicht protokolliert') }]);
  });
});

describe('archive recovery at start-up', () => {
  it('a document committed before a crash gets its file (same bytes); stray temp files are removed', async () => {
    const [id] = setup();
    const { documents } = await app.call('documents:createInvoices', { orderIds: [id!] });
    const d = documents[0]!;
    app.features.documents.issuer.flushArchiveFiles();
    // As if the process died after the commit but before the file was complete.
    app.db.prepare('DELETE FROM doc_archive_files').run();
    rmSync(d.archivePath!, { force: true });
    writeFileSync(`${d.archivePath}.tmp`, 'halb geschrieben');
    await app.close();
    const again = createTestApp({ dataDir: app.dataDir });
    try {
      expect(existsSync(`${d.archivePath}.tmp`)).toBe(false);
      expect(createHash('sha256').update(readFileSync(d.archivePath!)).digest('hex')).toBe(d.pdfSha256);
      expect(verifyArchive(again.db, again.dataDir)).toEqual([]);
    } finally {
      await again.close();
    }
  });
});

describe('CLI', () => {
  it('invoice create / list / pdf / storno, delivery-note create --out, documents gaps --json', async () => {
    const ids = setup(2);
    await app.close();
    const dir = app.dataDir;
    const c = runPortodesk(['--data', dir, 'invoice', 'create', String(ids[0]), String(ids[1]), '--json']);
    expect(c.stderr).toBe('');
    expect(c.json().documents.map((d: { number: string }) => d.number)).toEqual(['RE-2026-00001', 'RE-2026-00002']);
    const list = runPortodesk(['--data', dir, 'invoice', 'list']);
    expect(list.stdout).toMatch(/RE-2026-00001\s+Rechnung/);
    const out = join(dir, 'r1.pdf');
    const pdf = runPortodesk(['--data', dir, 'invoice', 'pdf', 'RE-2026-00001', '--out', out]);
    expect(pdf.code).toBe(0);
    expect(pdfText(readFileSync(out))).toContain('Rechnung RE-2026-00001');
    const st = runPortodesk(['--data', dir, 'invoice', 'storno', 'RE-2026-00001']);
    expect(st.code).toBe(0);
    expect(st.stdout).toContain('Stornorechnung RE-2026-00003 zu Rechnung RE-2026-00001');
    const again = runPortodesk(['--data', dir, 'invoice', 'storno', 'RE-2026-00001']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('bereits mit RE-2026-00003 storniert');
    const dnOut = join(dir, 'ls.pdf');
    const dn = runPortodesk(['--data', dir, 'delivery-note', 'create', String(ids[0]), String(ids[1]), '--out', dnOut]);
    expect(dn.code).toBe(0);
    const dnText = pdfText(readFileSync(dnOut));
    expect(dnText).toContain('Lieferschein LS-2026-00001');
    expect(dnText).toContain('Lieferschein LS-2026-00002');
    expect(dnText).not.toContain('12,99 €');
    const gaps = runPortodesk(['--data', dir, 'documents', 'gaps', '--json']);
    expect(gaps.json()).toEqual([]);
    const bad = runPortodesk(['--data', dir, 'invoice', 'create', 'abc']);
    expect(bad.code).toBe(2);
    const missing = runPortodesk(['--data', dir, 'invoice', 'pdf', 'RE-2099-1', '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Beleg RE-2099-1 nicht gefunden');
  }, 300_000);

  it('the batch job: one combined PDF, one archive file per document, resumable and idempotent', async () => {
    const ids = setup(3);
    const first = await app.core.jobs.run('documents.print', { invoice: true, deliveryNote: true, print: true }, ids.map(String));
    expect(first.state).toBe('done');
    const result = first.result as { combinedPath: string; documents: unknown[]; printed: boolean };
    expect(result.documents).toHaveLength(6);
    const text = pdfText(readFileSync(result.combinedPath));
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(6);
    expect(first.summary).toContain('6 Belege für 3 Aufträge');
    const second = await app.core.jobs.run('documents.print', { invoice: true, deliveryNote: true, print: false }, ids.map(String));
    expect((second.result as { documents: { number: string }[] }).documents.map((d) => d.number)).toEqual(
      (result.documents as { number: string }[]).map((d) => d.number),
    );
    expect(app.features.documents.archive.list()).toHaveLength(3);
  });
});
