import { RowError } from './types';

/** JSON files: parse safely and find the line of an object for the report. */
export function parseJson(text: string): unknown {
  const s = text.replace(/^\uFEFF/, '').trim();
  if (!(s.startsWith('{') || s.startsWith('['))) return undefined;
  try {
    return JSON.parse(s);
  } catch (e) {
    throw new RowError('JSON', `Die Datei ist kein gültiges JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

export const obj = (v: unknown): Record<string, any> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : null);
export const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v)).trim();

/** Line (1-based) where `needle` (e.g. `"id": 450789469`) first appears, for the rejection report. */
export function lineOf(text: string, needle: string): number {
  const i = needle ? text.indexOf(needle) : -1;
  if (i < 0) return 1;
  let n = 1;
  for (let k = 0; k < i; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

/** Cheap detection: only parse if it looks like JSON; never throws. */
export function sniffJson(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}
