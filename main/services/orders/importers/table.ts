import { parseCsv, sniffDelimiter, isBlankRecord, type CsvRecord } from './csv';
import { RowError } from './types';

const norm = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A CSV with a header row that may come after junk lines (eBay's line of commas). `columns` maps our
 * field names to the header aliases the marketplaces use (English, German, locale variants).
 */
export class Table<F extends string> {
  readonly headerLine: number;
  readonly rows: CsvRecord[];
  private index = new Map<F, number>();
  readonly header: string[];

  constructor(records: CsvRecord[], headerIdx: number, columns: Record<F, string[]>) {
    const h = records[headerIdx]!;
    this.headerLine = h.line;
    this.header = h.cells.map((c) => c.replace(/^\uFEFF/, '').trim());
    const pos = new Map(this.header.map((c, i) => [norm(c), i] as const));
    for (const [field, aliases] of Object.entries(columns) as [F, string[]][]) {
      for (const a of aliases) {
        const p = pos.get(norm(a));
        if (p !== undefined) {
          this.index.set(field, p);
          break;
        }
      }
    }
    this.rows = records.slice(headerIdx + 1).filter((r) => !isBlankRecord(r));
  }

  has(field: F): boolean {
    return this.index.has(field);
  }
  get(r: CsvRecord, field: F): string {
    const i = this.index.get(field);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  }
  /** The header text of a field, for rejection messages ("Gesamtbetrag" in a German file). */
  label(field: F): string {
    const i = this.index.get(field);
    return i === undefined ? field : this.header[i]!;
  }
  need(r: CsvRecord, field: F): string {
    const v = this.get(r, field);
    if (!v) throw new RowError(this.label(field), 'Pflichtfeld ist leer');
    return v;
  }
}

/** Finds the header row among the first lines: the first record that has all `required` headers. */
export function findHeader(records: CsvRecord[], required: string[][]): number {
  const lim = Math.min(records.length, 15);
  for (let i = 0; i < lim; i++) {
    const cells = new Set(records[i]!.cells.map(norm));
    if (required.every((alts) => alts.some((a) => cells.has(norm(a))))) return i;
  }
  return -1;
}

/** Header detection without parsing the whole file: looks only at the first lines. */
export function headLines(text: string, n = 15): string {
  let pos = 0;
  for (let k = 0; k < n && pos >= 0; k++) pos = text.indexOf('\n', pos + 1);
  return pos < 0 ? text : text.slice(0, pos);
}

export function detectByHeader(text: string, required: string[][]): number {
  if (text.trimStart().startsWith('{') || text.trimStart().startsWith('[')) return 0;
  const head = headLines(text);
  const recs = parseCsv(head, sniffDelimiter(head));
  return findHeader(recs, required) >= 0 ? 1 : 0;
}

export function openTable<F extends string>(text: string, required: string[][], columns: Record<F, string[]>, delimiter?: string): Table<F> | null {
  const d = delimiter ?? sniffDelimiter(headLines(text));
  const recs = parseCsv(text, d);
  const idx = findHeader(recs, required);
  return idx < 0 ? null : new Table(recs, idx, columns);
}
