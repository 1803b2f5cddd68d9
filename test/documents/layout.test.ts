import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { pdfText, setupSeller } from './helpers';

let app: TestApp;
afterEach(async () => app?.cleanup());

const MM = 72 / 25.4;
type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** Word boxes of page 1 in mm from the top-left, from `pdftotext -bbox`. */
function words(pdf: Uint8Array): Word[] {
  const dir = mkdtempSync(join(tmpdir(), 'pd-bbox-'));
  writeFileSync(join(dir, 'd.pdf'), pdf);
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]) / MM, yMin: Number(m[2]) / MM, xMax: Number(m[3]) / MM, yMax: Number(m[4]) / MM, text: m[5]!,
  }));
}

/** A 2×2 PNG, enough to prove the logo is embedded. */
function tinyPng(): string {
  const crc = (b: Buffer) => {
    let c = ~0;
    for (const x of b) {
      c ^= x;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(t));
    return Buffer.concat([len, t, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const raw = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

async function invoicePdf(form: 'A' | 'B', seller: Record<string, unknown> = {}) {
  app = createTestApp();
  setupSeller(app, seller);
  await app.call('documents:saveSettings', { letterForm: form });
  const [id] = seedOrders(app.db, [orderDraft({ buyerName: 'Erika Mustermann' })]);
  const { documents } = await app.call('documents:createInvoices', { orderIds: [id!] });
  return Buffer.from((await app.call('documents:pdf', { number: documents[0]!.number })).base64, 'base64');
}

describe('DIN 5008 layout (positions measured in the PDF)', () => {
  for (const [form, top] of [['B', 45], ['A', 27]] as const) {
    it(`Form ${form}: the recipient sits in the address field (20 mm left, ${top} mm top, 85 × 45 mm), the DIN-lang window shows it`, async () => {
      const w = words(await invoicePdf(form));
      const recipient = w.filter((x) => ['Erika', 'Mustermann', 'Hauptstraße', '10115', 'Berlin'].includes(x.text));
      expect(recipient.length).toBe(5);
      for (const r of recipient) {
        expect(r.xMin).toBeGreaterThanOrEqual(20);
        expect(r.xMax).toBeLessThanOrEqual(20 + 85);
        // Anschriftzone: below the 17.7 mm Vermerkzone, inside the field.
        expect(r.yMin).toBeGreaterThanOrEqual(top + 17.7);
        expect(r.yMax).toBeLessThanOrEqual(top + 45);
      }
      // Return address line (Rücksendeangabe) in the Vermerkzone.
      const ret = w.find((x) => x.text === 'Lindenallee' && x.yMin < top + 17.7)!;
      expect(ret.yMin).toBeGreaterThanOrEqual(top);
      // Information block starts at 125 mm.
      const info = w.find((x) => x.text === 'Rechnungsnummer')!;
      expect(info.xMin).toBeGreaterThanOrEqual(124.5);
      // Body text on the Fluchtlinie (25 mm).
      const title = w.find((x) => x.text === 'Rechnung' && x.yMin > top + 45)!;
      expect(Math.abs(title.xMin - 25)).toBeLessThan(1);
    });
  }

  it('the logo is embedded; the footer carries bank details and the seller footer text', async () => {
    const pdf = await invoicePdf('B', { logoDataUrl: tinyPng() });
    const dir = mkdtempSync(join(tmpdir(), 'pd-img-'));
    writeFileSync(join(dir, 'd.pdf'), pdf);
    const list = execFileSync('pdfimages', ['-list', join(dir, 'd.pdf')], { encoding: 'utf8' });
    expect(list.split('\n').filter((l) => /^\s+1\s+\d+\s+image/.test(l)).length).toBeGreaterThanOrEqual(1);
    const text = pdfText(pdf);
    expect(text).toContain('IBAN: DE89 3704 0044 0532 0130 00');
    expect(text).toContain('BIC: COBADEFFXXX');
    expect(text).toContain('Amtsgericht Köln HRA 12345');
  });

  it('delivery notes show no prices unless the seller switches them on', async () => {
    app = createTestApp();
    setupSeller(app);
    const ids = seedOrders(app.db, [orderDraft(), orderDraft()]);
    const a = await app.call('documents:createDeliveryNotes', { orderIds: [ids[0]!] });
    const textA = pdfText(Buffer.from((await app.call('documents:pdf', { number: a.documents[0]!.number })).base64, 'base64'));
    expect(textA).toContain('Lieferschein LS-2026-00001');
    expect(textA).toMatch(/1\s+2\s+Kaffeetasse Steingut, blau\s+TASSE-01/);
    expect(textA).not.toContain('€');
    await app.call('documents:saveSettings', { deliveryNotePrices: true });
    const b = await app.call('documents:createDeliveryNotes', { orderIds: [ids[1]!] });
    const textB = pdfText(Buffer.from((await app.call('documents:pdf', { number: b.documents[0]!.number })).base64, 'base64'));
    expect(textB).toContain('25,98 €');
    expect(textB).toMatch(/Gesamtbetrag: 30,93 €/);
  });
});
