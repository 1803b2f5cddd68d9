import { z } from 'zod';

/**
 * Label stock as data. A roll stock is one label per PDF page, the page in the printer's feed
 * direction (narrow side first, as the drivers name the media, e.g. DYMO w154h286 = 54×101 mm).
 * `orientation: 'landscape'` turns the content by 90° so the address runs along the long side.
 * A sheet stock is an A4 page with a grid of cells; printing can start at any cell so part-used
 * sheets get used up.
 */
export const Orientation = z.enum(['portrait', 'landscape']);
export type Orientation = z.infer<typeof Orientation>;

export const SheetGeometry = z.object({
  pageWidthMm: z.number().positive(),
  pageHeightMm: z.number().positive(),
  columns: z.number().int().positive(),
  rows: z.number().int().positive(),
  /** Left edge of the first column and top edge of the first row, from the page's top-left corner. */
  marginLeftMm: z.number().nonnegative(),
  marginTopMm: z.number().nonnegative(),
  /** Gap between neighbouring cells (0 for labels that touch). */
  gapXMm: z.number().nonnegative().default(0),
  gapYMm: z.number().nonnegative().default(0),
});
export type SheetGeometry = z.infer<typeof SheetGeometry>;

export const LabelStock = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'Kennung aus Kleinbuchstaben, Ziffern, Punkt, - und _'),
  name: z.string().min(1),
  kind: z.enum(['roll', 'endless', 'sheet']),
  /** Size of one label. For endless tape the height is only the minimum: the length comes from the content. */
  widthMm: z.number().min(10).max(300),
  heightMm: z.number().min(10).max(1000),
  orientation: Orientation.default('portrait'),
  sheet: SheetGeometry.nullable().default(null),
  /** Where the stock is from: 'catalogue' (built in) or 'custom' (made by the seller). */
  source: z.enum(['catalogue', 'custom']).default('catalogue'),
  note: z.string().default(''),
});
export type LabelStock = z.infer<typeof LabelStock>;
export type LabelStockInput = z.input<typeof LabelStock>;

const A4 = { pageWidthMm: 210, pageHeightMm: 297 };

/** Centres a grid on A4 when the maker only gives label size and count. */
function centred(columns: number, rows: number, w: number, h: number, gapXMm = 0, gapYMm = 0): SheetGeometry {
  const usedW = columns * w + (columns - 1) * gapXMm;
  const usedH = rows * h + (rows - 1) * gapYMm;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    ...A4, columns, rows, gapXMm, gapYMm,
    marginLeftMm: round(Math.max(0, (A4.pageWidthMm - usedW) / 2)),
    marginTopMm: round(Math.max(0, (A4.pageHeightMm - usedH) / 2)),
  };
}

const catalogue: LabelStockInput[] = [
  { id: 'dymo-99014', name: 'DYMO 99014 (54 × 101 mm)', kind: 'roll', widthMm: 54, heightMm: 101, orientation: 'landscape', note: 'DYMO LabelWriter Versandetikett' },
  { id: 'dymo-1744907', name: 'DYMO 4XL 1744907 (104 × 159 mm)', kind: 'roll', widthMm: 104, heightMm: 159, orientation: 'portrait', note: 'DYMO LabelWriter 4XL/5XL Versandetikett' },
  { id: 'brother-dk-11202', name: 'Brother DK-11202 (62 × 100 mm)', kind: 'roll', widthMm: 62, heightMm: 100, orientation: 'landscape', note: 'Brother QL Versandetikett' },
  { id: 'brother-dk-22205', name: 'Brother DK-22205 (62 mm Endlosband)', kind: 'endless', widthMm: 62, heightMm: 30, orientation: 'portrait', note: 'Länge ergibt sich aus dem Inhalt' },
  { id: 'shipping-4x6', name: '4 × 6 Zoll (102 × 152 mm, Zebra u. a.)', kind: 'roll', widthMm: 101.6, heightMm: 152.4, orientation: 'portrait', note: 'Zebra, Rollo, DYMO 5XL' },
  { id: 'zweckform-3475', name: 'Zweckform 3475 (A4, 70 × 36 mm, 3 × 8)', kind: 'sheet', widthMm: 70, heightMm: 36, sheet: { ...A4, columns: 3, rows: 8, marginLeftMm: 0, marginTopMm: 4.5 } },
  { id: 'zweckform-3474', name: 'Zweckform 3474 (A4, 70 × 37 mm, 3 × 8)', kind: 'sheet', widthMm: 70, heightMm: 37, sheet: centred(3, 8, 70, 37) },
  { id: 'zweckform-3659', name: 'Zweckform 3659 (A4, 97 × 42,3 mm, 2 × 6)', kind: 'sheet', widthMm: 97, heightMm: 42.3, sheet: { ...A4, columns: 2, rows: 6, marginLeftMm: 8, marginTopMm: 21.2 } },
  { id: 'zweckform-3427', name: 'Zweckform 3427 (A4, 105 × 74 mm, 2 × 4)', kind: 'sheet', widthMm: 105, heightMm: 74, sheet: centred(2, 4, 105, 74) },
  { id: 'zweckform-3425', name: 'Zweckform 3425 (A4, 105 × 57 mm, 2 × 5)', kind: 'sheet', widthMm: 105, heightMm: 57, sheet: centred(2, 5, 105, 57) },
  { id: 'zweckform-3653', name: 'Zweckform 3653 (A4, 105 × 42,3 mm, 2 × 7)', kind: 'sheet', widthMm: 105, heightMm: 42.3, sheet: centred(2, 7, 105, 42.3) },
  { id: 'zweckform-3484', name: 'Zweckform 3484 (A4, 105 × 37 mm, 2 × 8)', kind: 'sheet', widthMm: 105, heightMm: 37, sheet: centred(2, 8, 105, 37) },
  { id: 'zweckform-3483', name: 'Zweckform 3483 (A4, 105 × 148 mm, 2 × 2)', kind: 'sheet', widthMm: 105, heightMm: 148, sheet: centred(2, 2, 105, 148) },
];

export const labelStockCatalogue: readonly LabelStock[] = catalogue.map((s) => LabelStock.parse(s));

export const defaultLabelStockId = 'dymo-99014';

export function cellsPerSheet(stock: LabelStock): number {
  return stock.sheet ? stock.sheet.columns * stock.sheet.rows : 1;
}

/**
 * Top-left corner of cell `index` (0-based, row by row from the top left, as sellers count labels
 * on a sheet), in mm from the page's top-left corner.
 */
export function cellOrigin(sheet: SheetGeometry, labelWidthMm: number, labelHeightMm: number, index: number): { xMm: number; yMm: number } {
  const col = index % sheet.columns;
  const row = Math.floor(index / sheet.columns) % sheet.rows;
  return {
    xMm: sheet.marginLeftMm + col * (labelWidthMm + sheet.gapXMm),
    yMm: sheet.marginTopMm + row * (labelHeightMm + sheet.gapYMm),
  };
}

/** The page size one print job asks for: the label itself for roll stock, the sheet for sheet stock. */
export function pageSizeMm(stock: LabelStock, endlessLengthMm?: number): { width: number; height: number } {
  if (stock.sheet) return { width: stock.sheet.pageWidthMm, height: stock.sheet.pageHeightMm };
  if (stock.kind === 'endless') return { width: stock.widthMm, height: Math.max(stock.heightMm, endlessLengthMm ?? stock.heightMm) };
  return { width: stock.widthMm, height: stock.heightMm };
}

/** Checks that a sheet's grid fits on its page (custom stock is typed in by hand). */
export function sheetProblems(stock: LabelStock): string[] {
  const s = stock.sheet;
  if (!s) return [];
  const out: string[] = [];
  const right = s.marginLeftMm + s.columns * stock.widthMm + (s.columns - 1) * s.gapXMm;
  const bottom = s.marginTopMm + s.rows * stock.heightMm + (s.rows - 1) * s.gapYMm;
  if (right > s.pageWidthMm + 0.01) out.push(`Die Etiketten sind zusammen ${right.toFixed(1)} mm breit, das Blatt nur ${s.pageWidthMm} mm`);
  if (bottom > s.pageHeightMm + 0.01) out.push(`Die Etiketten sind zusammen ${bottom.toFixed(1)} mm hoch, das Blatt nur ${s.pageHeightMm} mm`);
  return out;
}

/**
 * "custom:70x40" / "custom:70x40:landscape" / "70x40mm" → a one-off roll stock of that size, so the
 * CLI and automation can print to any size without saving it first.
 */
export function parseAdHocStock(spec: string): LabelStock | null {
  const m = /^(?:custom:)?(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)(?:mm)?(?::(portrait|landscape|hoch|quer))?$/i.exec(spec.trim());
  if (!m) return null;
  const w = Number(m[1]!.replace(',', '.'));
  const h = Number(m[2]!.replace(',', '.'));
  const o = (m[3] ?? '').toLowerCase();
  const orientation: Orientation = o === 'landscape' || o === 'quer' ? 'landscape' : 'portrait';
  const r = LabelStock.safeParse({ id: `custom-${w}x${h}`, name: `Eigenes Format ${w} × ${h} mm`, kind: 'roll', widthMm: w, heightMm: h, orientation, source: 'custom' });
  return r.success ? r.data : null;
}
