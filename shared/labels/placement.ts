import { cellOrigin, cellsPerSheet, pageSizeMm, type LabelStock } from './stock';

/** Where one label goes: its cell on the page (mm from the top-left corner) and whether its content is turned. */
export type PlacedCell = { xMm: number; yMm: number; widthMm: number; heightMm: number; rotated: boolean; /** 1-based cell on a sheet */ position: number | null };
export type PlacedPage = { widthMm: number; heightMm: number; cells: PlacedCell[] };

/** The content frame of a label: turned by 90° for landscape stock. */
export function contentFrame(stock: LabelStock): { widthMm: number; heightMm: number; rotated: boolean } {
  const rotated = stock.orientation === 'landscape' && stock.kind !== 'endless';
  return rotated ? { widthMm: stock.heightMm, heightMm: stock.widthMm, rotated } : { widthMm: stock.widthMm, heightMm: stock.heightMm, rotated };
}

/**
 * Pages for `count` labels. Roll stock: one page per label (endless tape: each as long as its
 * content). Sheets: cells row by row, starting at `startPosition` (1-based) on the first sheet so a
 * part-used sheet gets used up; later sheets start at cell 1.
 */
export function placeLabels(stock: LabelStock, count: number, opts: { startPosition?: number; endlessLengthsMm?: number[]; offsetMm?: { x: number; y: number } } = {}): PlacedPage[] {
  const off = opts.offsetMm ?? { x: 0, y: 0 };
  const pages: PlacedPage[] = [];
  const frame = contentFrame(stock);
  if (!stock.sheet) {
    for (let i = 0; i < count; i += 1) {
      const size = pageSizeMm(stock, opts.endlessLengthsMm?.[i]);
      pages.push({ widthMm: size.width, heightMm: size.height, cells: [{ xMm: off.x, yMm: off.y, widthMm: size.width, heightMm: size.height, rotated: frame.rotated, position: null }] });
    }
    return pages;
  }
  const perSheet = cellsPerSheet(stock);
  const start = Math.min(Math.max(1, Math.floor(opts.startPosition ?? 1)), perSheet) - 1;
  let index = start;
  let page: PlacedPage | null = null;
  for (let i = 0; i < count; i += 1) {
    if (!page || index >= perSheet) {
      if (page) index = 0;
      page = { widthMm: stock.sheet.pageWidthMm, heightMm: stock.sheet.pageHeightMm, cells: [] };
      pages.push(page);
    }
    const o = cellOrigin(stock.sheet, stock.widthMm, stock.heightMm, index);
    page.cells.push({ xMm: o.xMm + off.x, yMm: o.yMm + off.y, widthMm: stock.widthMm, heightMm: stock.heightMm, rotated: frame.rotated, position: index + 1 });
    index += 1;
  }
  return pages;
}
