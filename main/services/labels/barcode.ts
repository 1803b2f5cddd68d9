import bwipjs from 'bwip-js/node';
import type { BarcodeModules } from '../../../shared/labels/layout';

export type BarcodeKind = 'none' | 'code128' | 'datamatrix';

/**
 * The modules of a Code 128 or DataMatrix symbol (bwip-js), as rectangles in module units, so the
 * PDF draws them as vectors (crisp at any printer resolution) and the preview draws the same bars.
 */
export function barcodeModules(kind: BarcodeKind, text: string): BarcodeModules | null {
  if (kind === 'none' || !text) return null;
  if (kind === 'code128') {
    const [sym] = bwipjs.raw('code128', text, {}) as { sbs: number[] }[];
    if (!sym) return null;
    const rects: BarcodeModules['rects'] = [];
    let x = 0;
    sym.sbs.forEach((w, i) => {
      if (i % 2 === 0) rects.push([x, 0, w, 1]);
      x += w;
    });
    return { kind, cols: x, rows: 1, rects };
  }
  const [sym] = bwipjs.raw('datamatrix', text, {}) as { pixs: number[]; pixx: number; pixy: number }[];
  if (!sym) return null;
  const rects: BarcodeModules['rects'] = [];
  for (let y = 0; y < sym.pixy; y += 1) {
    let x = 0;
    while (x < sym.pixx) {
      if (sym.pixs[y * sym.pixx + x]) {
        const start = x;
        while (x < sym.pixx && sym.pixs[y * sym.pixx + x]) x += 1;
        rects.push([start, y, x - start, 1]);
      } else x += 1;
    }
  }
  return { kind, cols: sym.pixx, rows: sym.pixy, rects };
}
