import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { placeLabels } from '../../../shared/labels/placement';
import type { LabelStock } from '../../../shared/labels/stock';

const MM = 72 / 25.4;

/**
 * A test page at the exact size of the chosen stock: a frame 1 mm inside every label's edge, a
 * 50 mm ruler and the expected size in words. If the frame is cut off or the ruler is not 50 mm,
 * the printer scales or uses other media.
 */
export async function testPagePdf(stock: LabelStock | null, what: string): Promise<{ pdf: Uint8Array; pageSizeMm: { width: number; height: number } }> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Portodesk Testdruck – ${what}`);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page0 = stock ? placeLabels(stock, stock.sheet ? stock.sheet.columns * stock.sheet.rows : 1)[0]! : { widthMm: 210, heightMm: 297, cells: [{ xMm: 0, yMm: 0, widthMm: 210, heightMm: 297, rotated: false, position: null }] };
  const page = doc.addPage([page0.widthMm * MM, page0.heightMm * MM]);
  const H = page0.heightMm;
  for (const c of page0.cells) {
    page.drawRectangle({ x: (c.xMm + 1) * MM, y: (H - c.yMm - c.heightMm + 1) * MM, width: (c.widthMm - 2) * MM, height: (c.heightMm - 2) * MM, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
  }
  const c = page0.cells[0]!;
  const size = Math.max(4, Math.min(9, c.widthMm / 12));
  const lines = ['Portodesk Testdruck', what, `${fmt(c.widthMm)} × ${fmt(c.heightMm)} mm – 100 %, nicht skalieren`];
  lines.forEach((l, i) => {
    const s = Math.min(size, ((c.widthMm - 6) * MM) / Math.max(1, font.widthOfTextAtSize(l, 1)));
    page.drawText(l, { x: (c.xMm + 3) * MM, y: (H - c.yMm - 4 - (i + 1) * size * 0.45) * MM, size: s, font });
  });
  const ruler = Math.min(50, c.widthMm - 8);
  const ry = (H - c.yMm - c.heightMm + 5) * MM;
  page.drawLine({ start: { x: (c.xMm + 4) * MM, y: ry }, end: { x: (c.xMm + 4 + ruler) * MM, y: ry }, thickness: 0.6 });
  for (let t = 0; t <= ruler; t += 10) page.drawLine({ start: { x: (c.xMm + 4 + t) * MM, y: ry }, end: { x: (c.xMm + 4 + t) * MM, y: ry + 2 * MM }, thickness: 0.4 });
  page.drawText(`${ruler} mm`, { x: (c.xMm + 5 + ruler) * MM, y: ry, size: Math.min(6, size), font });
  return { pdf: await doc.save(), pageSizeMm: { width: page0.widthMm, height: page0.heightMm } };
}

const fmt = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');
