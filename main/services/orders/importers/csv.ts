/**
 * A tolerant CSV/TSV reader for marketplace exports. Why not a strict parser: eBay does not escape
 * double quotes inside titles, ends files with non-data lines and mixes quoted and unquoted cells
 * (order-formats.md §1.1). Rules: a quote only opens a field at its start; inside a quoted field a
 * quote ends it only when followed by the delimiter, a line break or the end — otherwise it is kept
 * as text. Records remember the physical line they start on, for the rejection report.
 * Linear time, no backtracking: fuzzed input cannot hang it.
 */
export type CsvRecord = { line: number; cells: string[] };

export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text.charCodeAt(i) === 34 /* " */) {
        i++;
        let from = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            cell += text.slice(from);
            for (let k = from; k < n; k++) if (text.charCodeAt(k) === 10) line++;
            i = n;
            break;
          }
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          const next = text[q + 1];
          if (next === '"') {
            cell += text.slice(from, q) + '"';
            i = q + 2;
            from = i;
          } else if (next === undefined || next === delimiter || next === '\n' || next === '\r') {
            cell += text.slice(from, q);
            i = q + 1;
            break;
          } else {
            // an unescaped quote inside the text (eBay titles): keep it
            cell += text.slice(from, q + 1);
            i = q + 1;
            from = i;
          }
        }
        // junk between the closing quote and the delimiter is kept as text
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      } else {
        let j = i;
        while (j < n) {
          const c = text[j];
          if (c === delimiter || c === '\n' || c === '\r') break;
          j++;
        }
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      if (i >= n) break;
      const c = text[i];
      if (c === delimiter) {
        i++;
        continue;
      }
      // line end
      if (c === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    out.push({ line: startLine, cells });
  }
  return out;
}

/** Picks the delimiter that splits the first lines most evenly: ';' (eBay.de), '\t' (Amazon) or ','. */
export function sniffDelimiter(text: string): string {
  const head = text.slice(0, 8000).split(/\r?\n/).filter((l) => l.replace(/[,;\t"\s]/g, '') !== '').slice(0, 5);
  let best = ',';
  let bestScore = 0;
  for (const d of ['\t', ';', ',']) {
    const counts = head.map((l) => l.split(d).length - 1);
    const score = Math.min(...counts, 1000) * ((counts[0] ?? 0) > 0 ? 1 : 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export const isBlankRecord = (r: CsvRecord) => r.cells.every((c) => c.trim() === '' || /^-+$/.test(c.trim()));
