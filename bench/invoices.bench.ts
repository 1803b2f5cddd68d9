// `npm run bench invoices`: 1,000 invoices of 3 items each, end to end through the real batch job
// (tax case, gross→net, number, PDF, SHA-256, SQLite commit, archive file with fsync, usage event,
// order history, combined PDF), against raw pdfkit drawing the same text with the same font in the
// same run. Prints invoices per second and the ratio.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { createTestApp } from '../test/harness/test-app';
import { orderDraft, seedOrders } from '../test/fakes/orders';
import { SELLER } from '../test/documents/helpers';
import { money } from '../main/services/documents/pdf/money';
import type { InvoiceSnapshot } from '../shared/domain/invoice';

const N = Number(process.env.BENCH_INVOICES ?? 1000);
const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto', 'Roboto-Regular.ttf');
const FONT_BOLD = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto', 'Roboto-Medium.ttf');

/** The baseline: pdfkit writing the same strings the invoice shows, one A4 page, Roboto embedded. */
function pdfkitInvoice(s: InvoiceSnapshot): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 70, info: { CreationDate: new Date('2026-11-23T09:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    const m = (c: number) => money(c, s.currency);
    doc.font(FONT_BOLD).fontSize(14).text(s.seller.companyName, 70, 42);
    doc.font(FONT).fontSize(7).text(`${s.seller.companyName} · ${s.seller.street} · ${s.seller.zip} ${s.seller.city}`, 58, 165);
    const a = s.buyer.address;
    doc.fontSize(10).text([a.name, `${a.street} ${a.houseNumber}`, `${a.zip} ${a.city}`].join('\n'), 58, 180);
    doc.fontSize(8.5).text(`Rechnungsnummer ${s.number}\nRechnungsdatum ${s.issueDate}\nLiefer-/Leistungsdatum ${s.deliveryDate}\nBestellnummer ${s.externalOrderId}\nUSt-IdNr. ${s.seller.vatId}`, 354, 142);
    doc.font(FONT_BOLD).fontSize(14).text(`Rechnung ${s.number}`, 70, 280);
    doc.font(FONT).fontSize(9.5).text('Vielen Dank für Ihre Bestellung. Wir berechnen Ihnen folgende Lieferung:');
    for (const l of s.lines) doc.text(`${l.position}   ${l.quantity}   ${l.description}   ${l.vatRate} %   ${m(Math.round(l.grossCents / l.quantity))}   ${m(l.grossCents)}`);
    for (const b of s.vatBreakdown) doc.text(`Nettobetrag ${b.vatRate} %  ${m(b.netCents)}   zzgl. ${b.vatRate} % USt auf ${m(b.netCents)}  ${m(b.vatCents)}`);
    doc.font(FONT_BOLD).text(`Gesamtbetrag brutto ${m(s.totals.grossCents)}`);
    doc.font(FONT).fontSize(7).text(`${s.seller.companyName} · ${s.seller.street} · ${s.seller.zip} ${s.seller.city} · ${s.seller.vatId} · IBAN ${s.seller.iban} · BIC ${s.seller.bic}`, 70, 760);
    doc.end();
  });
}

async function main() {
  const app = createTestApp();
  app.core.settings.saveCompany(SELLER);
  const ids = seedOrders(
    app.db,
    Array.from({ length: N }, (_, i) =>
      orderDraft({
        items: [
          { sku: `A-${i}`, title: `Kaffeetasse Steingut Nr. ${i}`, quantity: 1 + (i % 3), unitPriceCents: 999 + i, vatRate: 19 },
          { sku: `B-${i}`, title: 'Kochbuch Heimatküche', quantity: 1, unitPriceCents: 2490, vatRate: 7 },
          { sku: `C-${i}`, title: 'Geschenkpapier, 3 Bögen', quantity: 2, unitPriceCents: 150, vatRate: 19 },
        ],
        totalCents: 0,
      }),
    ),
  );

  let t = performance.now();
  const view = await app.core.jobs.run('documents.print', { invoice: true, deliveryNote: false, print: false }, ids.map(String));
  const oursMs = performance.now() - t;
  if (view.state !== 'done' || view.done !== N) throw new Error(`Batch nicht vollständig: ${view.state} ${view.done}/${N} ${view.summary}`);

  const snaps = app.features.documents.archive.list().map((r) => app.features.documents.archive.snapshot(r.number)!);
  t = performance.now();
  let bytes = 0;
  for (const s of snaps) {
    const b = await pdfkitInvoice(s);
    createHash('sha256').update(b).digest('hex');
    bytes += b.length;
  }
  const baseMs = performance.now() - t;

  const ours = N / (oursMs / 1000);
  const base = N / (baseMs / 1000);
  const ratio = oursMs / baseMs;
  console.log(`invoices: ${N} Rechnungen × 3 Positionen end to end in ${(oursMs / 1000).toFixed(1)} s = ${ours.toFixed(1)}/s (Ziel ≥ 50/s)`);
  console.log(`invoices: pdfkit-Basis (gleicher Text, gleiche Schrift, ${Math.round(bytes / N / 1024)} KB/PDF) ${(baseMs / 1000).toFixed(1)} s = ${base.toFixed(1)}/s`);
  console.log(`invoices: ${app.features.documents.issuer.reused} von ${N} im Voraus auf Worker-Threads gerendert`);
  console.log(`invoices: ratio ${ratio.toFixed(2)}× (goal ≤ 3×)`);
  await app.cleanup();
}
await main();
