// Importing a generated 100,000-order eBay.de report (German headers, ';', decimal commas, "10-Dez-25",
// multi-item orders as summary + item rows) through the real import job, against a baseline measured in
// the same run: raw prepared INSERTs of the same rows (orders + order_items, same schema and FTS
// triggers) in one transaction. Goal: ratio ≤ 2×.
import { rmSync } from 'node:fs';
import { createTestApp } from '../test/harness/test-app';
import { demoOrderDrafts } from '../main/services/orders/demo-data';
import type { OrderDraft } from '../shared/domain/order';

const N = Number(process.env.ORDERS_BENCH_N ?? 100_000);
const drafts = demoOrderDrafts(N, { seed: 7 }).map((d, i) => ({ ...d, channel: 'ebay' as const, marketplace: 'ebay.de', externalId: `${String(10 + (i % 89))}-${String(10000 + (i % 89999)).padStart(5, '0')}-${String(i).padStart(6, '0')}`, shipTo: { ...d.shipTo, country: 'DE' } }));

const HEAD = ['Verkaufsprotokollnummer', 'Bestellnummer', 'Nutzername des Käufers', 'Name des Käufers', 'E-Mail des Käufers', 'Name des Empfängers', 'Adresse 1 des Empfängers', 'Adresse 2 des Empfängers', 'Ort des Empfängers', 'PLZ des Empfängers', 'Land des Empfängers', 'Artikelnummer', 'Angebotstitel', 'Bestandseinheit', 'Anzahl', 'Verkauft für', 'Verpackung und Versand', 'Gesamtbetrag', 'Verkauft am', 'Sendungsnummer'];
const euro = (c: number) => `${Math.floor(c / 100).toLocaleString('de-DE')},${String(c % 100).padStart(2, '0')} €`;
const MON = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];
const day = (iso: string) => {
  const d = new Date(new Date(iso).toLocaleString('en-US', { timeZone: 'Europe/Berlin' }));
  return `${String(d.getDate()).padStart(2, '0')}-${MON[d.getMonth()]}-${String(d.getFullYear()).slice(2)}`;
};
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
function csvOf(ds: OrderDraft[]): string {
  const lines = [';'.repeat(HEAD.length - 1), HEAD.map(q).join(';')];
  let rec = 1;
  for (const d of ds) {
    const a = d.shipTo;
    const street = a.kind === 'street' ? `${a.street} ${a.houseNumber}`.trim() : `Packstation ${a.houseNumber}`;
    const line2 = a.kind === 'street' ? a.addition : `Postnummer ${a.postNumber}`;
    const head = [String(rec++), d.externalId, d.buyerUsername, d.buyerName, d.buyerEmail, a.name, street, line2, a.city, a.zip, 'Deutschland'];
    const item = (i: number) => [`3645${String(i).padStart(8, '0')}`, d.items[i]!.title, d.items[i]!.sku, String(d.items[i]!.quantity), euro(d.items[i]!.unitPriceCents)];
    if (d.items.length === 1) lines.push([...head, ...item(0), euro(d.shippingCents), euro(d.totalCents), day(d.orderDate), d.trackingNumber].map(q).join(';'));
    else {
      lines.push([...head, '', '', '', '', '', euro(d.shippingCents), euro(d.totalCents), day(d.orderDate), d.trackingNumber].map(q).join(';'));
      d.items.forEach((_, i) => lines.push([String(rec++), d.externalId, d.buyerUsername, '', '', '', '', '', '', '', '', ...item(i), '', '', day(d.orderDate), ''].map(q).join(';')));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
const bytes = Buffer.from('\uFEFF' + csvOf(drafts), 'utf8');

// Baseline: the same orders as prepared INSERTs in one transaction.
const base = createTestApp();
let t = performance.now();
base.db.transaction(() => {
  const o = base.db.prepare(
    `INSERT INTO orders (channel, external_id, marketplace, status, order_date, buyer_name, buyer_email, buyer_username, ship_to, ship_country, currency,
       shipping_cents, total_cents, goods_cents, item_count, tracking_number, warnings, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
  );
  const it = base.db.prepare('INSERT INTO order_items (order_id, position, sku, title, quantity, unit_price_cents) VALUES (?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  for (const d of drafts) {
    const id = Number(o.run('ebay', d.externalId, 'ebay.de', d.status, d.orderDate, d.buyerName, d.buyerEmail, d.buyerUsername, JSON.stringify(d.shipTo), 'DE', 'EUR', d.shippingCents, d.totalCents, 0, 1, d.trackingNumber, now, now).lastInsertRowid);
    d.items.forEach((x, i) => it.run(id, i + 1, x.sku, x.title, x.quantity, x.unitPriceCents));
  }
})();
const baseline = performance.now() - t;
await base.cleanup();

const app = createTestApp();
t = performance.now();
const { report } = await app.features.orders.orders.importFiles([{ name: 'ebay-bestellungen-100k.csv', bytes }]);
const ours = performance.now() - t;
if (report.new !== N) throw new Error(`expected ${N} new orders, got ${report.new} (rejected ${report.rejected}: ${JSON.stringify(report.files[0]?.rejections.slice(0, 3))})`);
t = performance.now();
const again = await app.features.orders.orders.importFiles([{ name: 'ebay-bestellungen-100k.csv', bytes }]);
const reimport = performance.now() - t;
if (again.report.unchanged !== N) throw new Error(`re-import changed orders: ${JSON.stringify(again.report).slice(0, 300)}`);
rmSync(app.dataDir, { recursive: true, force: true });
await app.cleanup();

console.log(
  `orders-import-${N}: import ${(ours / 1000).toFixed(1)} s (${(bytes.length / 1e6).toFixed(0)} MB), raw INSERT baseline ${(baseline / 1000).toFixed(1)} s, ratio ${(ours / baseline).toFixed(2)}× (goal ≤ 2×); re-import (all unchanged) ${(reimport / 1000).toFixed(1)} s`,
);
