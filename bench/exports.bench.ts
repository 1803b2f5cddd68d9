// E-invoice validation and the DATEV month export, each against a baseline measured in the same run.
// 1. Validating one e-invoice with the CEN rules kept in memory vs. the first validation of the process
//    (parses the 5 MB compiled stylesheet): the seller issues batches, so the warm cost is what counts.
// 2. Building and checking the EXTF file for 2,000 invoices vs. merely serialising those snapshots as JSON.
import { buildCiiXml } from '../main/services/einvoice/cii-writer';
import { validateEInvoiceXml } from '../main/services/einvoice/validate';
import { bookingsFor } from '../shared/datev/bookings';
import { buildExtf } from '../shared/datev/extf';
import { checkExtf } from '../shared/datev/check';
import { taxCaseSnapshots } from '../test/exports/snapshots';

const snaps = Object.values(taxCaseSnapshots());
const xml = buildCiiXml(snaps[0]!).xml;

let t = performance.now();
await validateEInvoiceXml(xml);
const cold = performance.now() - t;
const warmRuns: number[] = [];
for (const s of snaps) {
  const x = buildCiiXml(s).xml;
  t = performance.now();
  await validateEInvoiceXml(x);
  warmRuns.push(performance.now() - t);
}
const warm = warmRuns.reduce((a, b) => a + b, 0) / warmRuns.length;
console.log(`einvoice-validate: warm ${warm.toFixed(0)} ms per invoice, first in process ${cold.toFixed(0)} ms, ratio ${(warm / cold).toFixed(2)}× (goal ≤ 0.50×)`);

const month = Array.from({ length: 2000 }, (_, i) => {
  const s = snaps[i % 6]!;
  return { ...s, number: `RE-2026-${String(i + 1).padStart(5, '0')}`, issueDate: `2026-11-${String((i % 28) + 1).padStart(2, '0')}` };
});
const best = (fn: () => unknown) => {
  fn();
  let b = Infinity;
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    fn();
    b = Math.min(b, performance.now() - s);
  }
  return b;
};
const base = best(() => JSON.stringify(month));
const ours = best(() => {
  const bookings = month.flatMap((s) => bookingsFor(s, { chart: 'SKR03', debtor: '10000', ossBuKey: '240' }));
  const text = buildExtf({ consultantNumber: 29098, clientNumber: 55003, fiscalYearStart: '2026-01-01', from: '2026-11-01', to: '2026-11-30', chart: 'SKR03', createdAt: new Date(), label: 'Bench' }, bookings);
  if (!checkExtf(text).ok) throw new Error('check failed');
});
console.log(`datev-2000-invoices: build+check ${ours.toFixed(0)} ms, JSON baseline ${base.toFixed(0)} ms, ratio ${(ours / base).toFixed(2)}× (goal ≤ 20×)`);
