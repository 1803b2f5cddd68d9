/**
 * Does a printer's media list (CUPS PageSize choices, IPP media names, Windows paper names) offer a
 * page of this size? true: yes (or it takes custom sizes); false: no; null: the printer did not say.
 * Used to warn before printing, because a printer without the size prints on its default paper.
 */
export function printerSupportsSize(media: string[], size: { width: number; height: number }): boolean | null {
  if (media.length === 0) return null;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;
  const fits = (w: number, h: number) => (near(w, size.width) && near(h, size.height)) || (near(w, size.height) && near(h, size.width));
  const isA4 = fits(210, 297);
  for (const raw of media) {
    const m = raw.trim();
    if (/^custom\./i.test(m) || /^custom_min_/i.test(m)) return true;
    if (isA4 && /^(a4|iso_a4)/i.test(m)) return true;
    const pts = /^w(\d+(?:\.\d+)?)h(\d+(?:\.\d+)?)$/i.exec(m);
    if (pts && fits((Number(pts[1]) * 25.4) / 72, (Number(pts[2]) * 25.4) / 72)) return true;
    for (const x of m.matchAll(/(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*(mm|in|cm)?/gi)) {
      const f = x[3]?.toLowerCase() === 'in' ? 25.4 : x[3]?.toLowerCase() === 'cm' ? 10 : 1;
      if (fits(Number(x[1]!.replace(',', '.')) * f, Number(x[2]!.replace(',', '.')) * f)) return true;
    }
  }
  return false;
}
