// 200 labels into one PDF: Portodesk's renderer against the obvious pdf-lib version of the same
// pages (a drawRectangle per bar, default save with object streams), measured in the same run.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { renderLabelsPdf } from '../main/services/labels/render-pdf';
import { helveticaMetrics } from '../main/services/labels/render-pdf';
import { prepareLabel } from '../main/services/labels/label-content';
import { labelStockCatalogue } from '../shared/labels/stock';
import { orderDraft } from '../test/fakes/orders';
import { Order } from '../shared/domain/order';

const N = 200;
const stock = labelStockCatalogue.find((s) => s.id === 'shipping-4x6')!;
const font = await helveticaMetrics();
const sender = { name: 'Kiste & Karton', street: 'Lindenweg 3', zip: '04109', city: 'Leipzig', country: 'DE' };
const labels = Array.from({ length: N }, (_, i) =>
  prepareLabel(Order.parse({ ...orderDraft(), id: i + 1, warnings: [], createdAt: '', updatedAt: '', locked: false }), sender, { showSender: true, showOrderNumber: true, barcode: 'code128' }, stock, font),
);

async function naive() {
  const doc = await PDFDocument.create();
  const f = await doc.embedFont(StandardFonts.Helvetica);
  const MM = 72 / 25.4;
  for (const l of labels) {
    const page = doc.addPage([stock.widthMm * MM, stock.heightMm * MM]);
    for (const t of l.layout.texts) page.drawText(t.text, { x: t.xMm * MM, y: (l.layout.heightMm - t.yMm) * MM, size: t.sizePt, font: f });
    const bc = l.layout.barcode!;
    const mw = (bc.widthMm / bc.modules.cols) * MM;
    for (const [x, , w] of bc.modules.rects) page.drawRectangle({ x: bc.xMm * MM + x * mw, y: (l.layout.heightMm - bc.yMm - bc.heightMm) * MM, width: w * mw, height: bc.heightMm * MM, color: rgb(0, 0, 0) });
  }
  return doc.save();
}

async function time(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const base = await time(naive);
const ours = await time(() => renderLabelsPdf(labels, stock));
console.log(`labels-200-pdf: Portodesk ${ours.toFixed(0)} ms, naive pdf-lib ${base.toFixed(0)} ms, ratio ${(ours / base).toFixed(2)}× (goal ≤ 1.00×)`);
