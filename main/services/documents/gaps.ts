import type { Db } from '../../db/types';
import * as repo from '../../db/repos/documents';
import { formatNumber } from './numbering';

export type NumberGap = {
  range: string;
  family: repo.DocFamily;
  from: string;
  to: string;
  count: number;
  cause: string;
};

/**
 * Lists every gap in every number range with its cause. Numbers are consumed only in the
 * transaction that stores the document, so the pipeline itself never leaves gaps; a gap can only
 * come from a deliberate start-value change (logged with its reason) — anything else is reported
 * as unexplained so the seller can document it for the tax audit (UStAE 14.5 Abs. 10).
 */
export function findGaps(db: Db): NumberGap[] {
  const gaps: NumberGap[] = [];
  for (const r of repo.listRanges(db)) {
    const seqs = repo.rangeSeqs(db, r.range_key);
    const events = repo.rangeEvents(db, r.range_key);
    const add = (a: number, b: number) => {
      if (b < a) return;
      const ev = events.find((e) => e.to_seq > e.from_seq && e.from_seq <= a && e.to_seq > b);
      gaps.push({
        range: r.range_key,
        family: r.doc_family,
        from: formatNumber(r.range_key, a),
        to: formatNumber(r.range_key, b),
        count: b - a + 1,
        cause: ev
          ? `Startnummer am ${ev.at.slice(0, 10)} von ${ev.from_seq} auf ${ev.to_seq} gesetzt: ${ev.cause}`
          : 'Ursache nicht protokolliert: kein Beleg mit diesen Nummern gespeichert (Datenbank manuell verändert oder wiederhergestellt?)',
      });
    };
    let expected = 1;
    for (const s of seqs) {
      if (s > expected) add(expected, s - 1);
      expected = s + 1;
    }
    // Numbers skipped at the end of the range by a start-value change (the counter is past the last document).
    if (r.next_seq > expected) add(expected, r.next_seq - 1);
  }
  return gaps;
}
