import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { unzipSync } from 'fflate';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { runPortodesk } from '../harness/cli';
import { extractEmbeddedXml } from '../../main/services/einvoice/hybrid-pdf';
import { validateEInvoiceXml } from '../../main/services/einvoice/validate';
import { checkExtf, splitDatevLine } from '../../shared/datev/check';
import { getUsageEvent } from '../../main/db/repos/usage';

/**
 * End to end through the real documents capability: invoices issued by it get their e-invoice
 * automatically (setting on), a cancellation too; the month's DATEV export passes the checker and adds
 * up; CSV and PDF ZIP work; exported orders are charged once; the CLI validates what the app produced.
 */
let app: TestApp;
const ids: Record<string, number> = {};
beforeAll(() => {
  app = createTestApp();
  app.core.settings.saveCompany({
    companyName: 'Kiste & Karton e.K.', ownerName: 'Max Beispiel', street: 'Lindenallee 12', zip: '50667', city: 'Köln', country: 'DE',
    email: 'info@kiste-karton.de', phone: '0221 123456', vatId: 'DE123456789', taxNumber: '214/5678/9012', bankAccountHolder: 'Kiste & Karton e.K.',
    iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', bankName: 'Commerzbank Köln',
  });
  app.core.settings.set('documents.ossMode', 'always');
  app.core.settings.set('exports.einvoice.enabled', true);
  app.core.settings.set('exports.datev.consultantNumber', 29098);
  app.core.settings.set('exports.datev.clientNumber', 55003);
  const at = { name: 'Anna Huber', street: 'Hauptplatz', houseNumber: '3', zip: '1010', city: 'Wien', country: 'AT' };
  const [de, oss, ic, ch] = seedOrders(app.db, [
    orderDraft(),
    orderDraft({ shipTo: at }),
    orderDraft({ shipTo: { ...at, company: 'Wiener Tassen GmbH' }, buyerVatId: 'ATU12345678' }),
    orderDraft({ shipTo: { name: 'Urs Meier', street: 'Bahnhofstrasse', houseNumber: '1', zip: '8001', city: 'Zürich', country: 'CH' } }),
  ]);
  Object.assign(ids, { de, oss, ic, ch });
});
afterAll(async () => {
  await app?.cleanup();
});

async function settle() {
  // Jobs run one after another; wait until none is active any more.
  for (;;) {
    const active = app.core.jobs.list(true).filter((j) => j.kind === 'einvoice.issue');
    if (!active.length) return;
    await Promise.all(active.map((j) => app.core.jobs.wait(j.id)));
  }
}

describe('e-invoices and exports through the real documents feature', () => {
  it('creates a valid hybrid e-invoice automatically for every issued invoice and the cancellation', async () => {
    const r = await app.call('documents:createInvoices', { orderIds: Object.values(ids) });
    expect(r.created).toBe(4);
    const storno = await app.call('documents:cancel', { number: r.documents.find((d) => d.orderId === ids.de)!.number });
    await settle();
    // At most one e-invoice job ran at a time: the first invoice's job, then one for the rest.
    const jobs = app.core.jobs.list().filter((j) => j.kind === 'einvoice.issue');
    expect(jobs.reduce((n, j) => n + j.total, 0)).toBe(5);
    expect(jobs.every((j) => j.state === 'done' && j.done === j.total)).toBe(true);

    for (const id of Object.values(ids)) {
      const st = await app.call('einvoice:forOrder', { orderId: id });
      expect(st.length).toBeGreaterThan(0);
      for (const s of st) expect({ n: s.invoiceNumber, state: s.state, f: s.failures }).toEqual({ n: s.invoiceNumber, state: 'issued', f: [] });
    }
    const deStatus = await app.call('einvoice:forOrder', { orderId: ids.de! });
    expect(deStatus.map((s) => s.kind).sort()).toEqual(['cancellation', 'invoice']);

    const dl = await app.call('einvoice:download', { invoiceNumber: storno.number, format: 'pdf' });
    const back = await extractEmbeddedXml(new Uint8Array(Buffer.from(dl.contentBase64, 'base64')));
    expect(back?.fileName).toBe('factur-x.xml');
    expect(back!.xml).toContain('<ram:TypeCode>384</ram:TypeCode>');
    expect((await validateEInvoiceXml(back!.xml)).valid).toBe(true);
    const icXml = Buffer.from((await app.call('einvoice:download', { invoiceNumber: r.documents.find((d) => d.orderId === ids.ic)!.number, format: 'xml' })).contentBase64, 'base64').toString('utf8');
    expect(icXml).toContain('<ram:CategoryCode>K</ram:CategoryCode>');
  });

  it('exports the month as DATEV: checker passes, sums equal the invoices, orders charged once', async () => {
    const refs = app.features.documents.archive.list({ fromDay: '2026-11-01', toDay: '2026-11-30' });
    expect(refs).toHaveLength(5);
    const res = await app.call('exports:run', { kind: 'datev', scope: { from: '2026-11-01', to: '2026-11-30' } });
    const text = iconv.decode(readFileSync(res.path), 'win1252');
    expect(checkExtf(text).ok).toBe(true);
    const rows = text.split('\r\n').slice(2, -1).map((l) => splitDatevLine(l).map((f) => f.value));
    const signed = rows.reduce((s, r) => s + (r[1] === 'S' ? 1 : -1) * Number(r[0]!.replace(',', '')), 0);
    expect(signed).toBe(refs.reduce((s, r) => s + r.grossCents, 0));
    expect(new Set(rows.map((r) => r[10]))).toEqual(new Set(refs.map((r) => r.number)));
    // Every exported order has exactly one usage event (the first chargeable action — here the invoice).
    for (const id of Object.values(ids)) expect(getUsageEvent(app.db, id)).not.toBeNull();
    expect(res.newlyCharged).toBe(0);
  });

  it('writes the orders CSV and the invoice PDF ZIP', async () => {
    const csv = await app.call('exports:run', { kind: 'csv-orders', scope: { orderIds: [ids.de!, ids.oss!] } });
    const text = Buffer.from(csv.contentBase64, 'base64');
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.toString('utf8')).toContain(';Anna Huber;');
    const zip = await app.call('exports:run', { kind: 'pdf-zip', scope: { from: '2026-11-01', to: '2026-11-30' } });
    const files = unzipSync(new Uint8Array(Buffer.from(zip.contentBase64, 'base64')));
    expect(Object.keys(files)).toHaveLength(5);
    for (const bytes of Object.values(files)) expect(await extractEmbeddedXml(bytes)).not.toBeNull();
  });

  it('the CLI validates the app’s own hybrid PDF and writes the XML', async () => {
    const number = app.features.documents.archive.list({ orderIds: [ids.ch!] })[0]!.number;
    const out = join(app.dataDir, 'out.xml');
    const pdfOut = join(app.dataDir, 'out.pdf');
    await app.close();
    const x = runPortodesk(['--data', app.dataDir, 'invoice', 'xml', number, '--out', out, '--pdf', pdfOut]);
    expect(x.stderr).toBe('');
    expect(x.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<ram:CategoryCode>G</ram:CategoryCode>');
    const v = runPortodesk(['--data', app.dataDir, 'invoice', 'validate', pdfOut]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('gültig');
    const d = runPortodesk(['--data', app.dataDir, 'export', 'datev', '--month', '2026-11', '--out', join(app.dataDir, 'EXTF.csv')]);
    expect(d.code).toBe(0);
    expect(d.stdout).toContain('Prüfung bestanden');
  });
});
