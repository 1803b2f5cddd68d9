import type { Db } from '../../db/types';
import { consumeSeq, rangeNextSeq, type DocFamily } from '../../db/repos/documents';
import { AppError } from '../../../shared/errors';

const COUNTER = /\{(N+)\}/;
const TOKEN = /\{(YYYY|YY|MM|N+)\}/g;

/** Checks a number pattern such as RE-{YYYY}-{NNNNN}: exactly one counter, only known placeholders. */
export function validatePattern(p: string): string | null {
  const counters = p.match(/\{N+\}/g) ?? [];
  if (counters.length !== 1) return 'Das Muster braucht genau einen Zähler wie {NNNNN}.';
  const rest = p.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return 'Unbekannter Platzhalter; erlaubt sind {YYYY}, {YY}, {MM} und {NNNNN}.';
  if (!/^[A-Za-z0-9\-_/.]*$/.test(rest)) return 'Erlaubt sind Buchstaben, Ziffern und - _ / . (DATEV-Belegfeld).';
  if (p.replace(TOKEN, 'x').length > 30) return 'Das Muster ist zu lang (höchstens 30 Zeichen).';
  return null;
}

/** The number range a pattern denotes on a day: date parts filled in, counter left as a placeholder. */
export function rangeKeyOf(pattern: string, day: string): string {
  return pattern.replace(/\{YYYY\}/g, day.slice(0, 4)).replace(/\{YY\}/g, day.slice(2, 4)).replace(/\{MM\}/g, day.slice(5, 7));
}

export function formatNumber(rangeKey: string, seq: number): string {
  return rangeKey.replace(COUNTER, (_, n: string) => String(seq).padStart(n.length, '0'));
}

/** The sequence number a formatted number carries in its range (for the gap report). */
export function seqOf(rangeKey: string, number: string): number | null {
  const m = COUNTER.exec(rangeKey);
  if (!m) return null;
  const [pre, post] = [rangeKey.slice(0, m.index), rangeKey.slice(m.index + m[0].length)];
  if (!number.startsWith(pre) || !number.endsWith(post)) return null;
  const n = Number(number.slice(pre.length, number.length - post.length));
  return Number.isInteger(n) ? n : null;
}

export type Tentative = { rangeKey: string; seq: number; number: string };

/**
 * The number the next document of a range WOULD get. Nothing is reserved: the number becomes the
 * document's only in the transaction that stores the document (see issue.ts), so an abandoned
 * render never burns a number and a crash never leaves one behind.
 */
export function peekNumber(db: Db, pattern: string, day: string, offset = 0): Tentative {
  const err = validatePattern(pattern);
  if (err) throw new AppError('NUMBER_PATTERN_INVALID', `Nummernmuster „${pattern}“: ${err}`);
  const rangeKey = rangeKeyOf(pattern, day);
  const seq = (rangeNextSeq(db, rangeKey) ?? 1) + offset;
  return { rangeKey, seq, number: formatNumber(rangeKey, seq) };
}

/** Inside the issuing transaction: true when `t` is still the next number (nobody took it meanwhile). */
export function stillNext(db: Db, t: Tentative): boolean {
  return (rangeNextSeq(db, t.rangeKey) ?? 1) === t.seq;
}

export function commitNumber(db: Db, t: Tentative, family: DocFamily, nowIso: string): void {
  consumeSeq(db, t.rangeKey, family, t.seq, nowIso);
}
