import { PDFDocument, StandardFonts, concatTransformationMatrix, fill, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingGrayscaleColor, type PDFFont, type PDFPage } from 'pdf-lib';
import { PT_TO_MM, type LabelLayout } from '../../../shared/labels/layout';
import { placeLabels, type PlacedCell, type PlacedPage } from '../../../shared/labels/placement';
import type { LabelStock } from '../../../shared/labels/stock';
import type { FontMetrics, PreparedLabel } from './label-content';

const MM = 72 / 25.4;

let metrics: Promise<FontMetrics> | null = null;
/** Helvetica's metrics, loaded once (the same font every label PDF embeds). */
export function helveticaMetrics(): Promise<FontMetrics> {
  metrics ??= (async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const set = new Set(font.getCharacterSet());
    return { measure: (t, pt) => font.widthOfTextAtSize(t, pt), supports: (cp) => set.has(cp) };
  })();
  return metrics;
}

/** Draws one label into its cell; the content frame is turned 90° clockwise on landscape stock. */
function drawLabel(page: PDFPage, font: PDFFont, pageHeightMm: number, cell: PlacedCell, layout: LabelLayout): void {
  const top = (pageHeightMm - cell.yMm) * MM;
  // Content coordinates: points, origin bottom-left of the content frame, y up.
  const m: [number, number, number, number, number, number] = cell.rotated
    ? [0, -1, 1, 0, cell.xMm * MM, top]
    : [1, 0, 0, 1, cell.xMm * MM, top - layout.heightMm * MM];
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...m));
  const fh = layout.heightMm * MM;
  for (const t of layout.texts) {
    page.drawText(t.text, { x: t.xMm * MM, y: fh - t.yMm * MM, size: t.sizePt, font, color: rgb(0, 0, 0) });
  }
  const bc = layout.barcode;
  if (bc) {
    const mw = (bc.widthMm / bc.modules.cols) * MM;
    const mh = (bc.heightMm / bc.modules.rows) * MM;
    // All modules as one filled path: a 200-label batch stays small and fast.
    const ops = bc.modules.rects.map(([x, y, w, h]) => rectangle(bc.xMm * MM + x * mw, fh - bc.yMm * MM - (y + h) * mh, w * mw, h * mh));
    page.pushOperators(pushGraphicsState(), setFillingGrayscaleColor(0), ...ops, fill(), popGraphicsState());
  }
  page.pushOperators(popGraphicsState());
}

export type RenderedLabels = { pdf: Uint8Array; pages: PlacedPage[]; pageSizeMm: { width: number; height: number } };

/** One PDF for a batch: one page per label on roll stock, or the labels placed on sheets from the start position. */
export async function renderLabelsPdf(labels: PreparedLabel[], stock: LabelStock, opts: { startPosition?: number; offsetMm?: { x: number; y: number }; title?: string } = {}): Promise<RenderedLabels> {
  const pages = placeLabels(stock, labels.length, {
    startPosition: opts.startPosition,
    offsetMm: opts.offsetMm,
    // One media size per print job: endless tape is cut to the longest label of the batch.
    endlessLengthsMm: labels.map(() => Math.max(...labels.map((l) => l.layout.heightMm))),
  });
  const doc = await PDFDocument.create();
  doc.setTitle(opts.title ?? 'Etiketten');
  doc.setCreator('Portodesk');
  doc.setProducer('Portodesk');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let i = 0;
  for (const p of pages) {
    const page = doc.addPage([p.widthMm * MM, p.heightMm * MM]);
    for (const cell of p.cells) drawLabel(page, font, p.heightMm, cell, labels[i++]!.layout);
  }
  const first = pages[0] ?? { widthMm: stock.widthMm, heightMm: stock.heightMm };
  // Object streams make pdf-lib's save ~10× slower for big batches and gain little for labels.
  return { pdf: await doc.save({ useObjectStreams: false }), pages, pageSizeMm: { width: first.widthMm, height: first.heightMm } };
}

export const ptToMm = PT_TO_MM;
