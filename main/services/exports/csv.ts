/**
 * CSV for German Excel: UTF-8 with BOM, ';' separator, CR LF, decimal comma. Text cells that start with
 * = + - @ (or tab/CR) get a leading apostrophe so a spreadsheet never runs them as a formula
 * (CSV/formula injection via buyer names or item titles from marketplaces). Numbers we write ourselves
 * (amounts like -12,34) are typed as numbers and left alone.
 */
export type Cell = { t: 'text'; v: string } | { t: 'num'; v: string };
export const txt = (v: string | null | undefined): Cell => ({ t: 'text', v: v ?? '' });
/** Integer cents → "1234,56" (no thousands separator, so Excel reads it as a number). */
export const cents = (c: number): Cell => {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return { t: 'num', v: `${sign}${Math.floor(a / 100)},${String(a % 100).padStart(2, '0')}` };
};
export const int = (n: number | null | undefined): Cell => ({ t: 'num', v: n === null || n === undefined ? '' : String(n) });

export function neutralise(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function cellText(c: Cell): string {
  const v = c.t === 'text' ? neutralise(c.v.replace(/\r\n?|\n/g, ' ')) : c.v;
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function buildCsv(header: string[], rows: Cell[][]): Uint8Array {
  const lines = [header.map((h) => cellText(txt(h))).join(';'), ...rows.map((r) => r.map(cellText).join(';'))];
  const body = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
